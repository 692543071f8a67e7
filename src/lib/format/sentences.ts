/**
 * Plain-language sentences generated from the numbers, never typed by hand. Each one is
 * tested against the numbers it quotes (sentences.test.ts): a verdict's words follow the same
 * rule as the statistics (`GapEstimate.verdict`), and an interval's two ends share one format.
 */
import type { GapEstimate } from '$lib/transform/stats/intervals';
import type { GapSummary } from '$lib/transform/stats/summary';
import type { ClaimPosition, Difference } from '$lib/transform/stats/claim';
import type { Interval } from '$lib/transform/stats/intervals';
import { LEFT_OUT_WORDS, type LeftOutReason } from '$lib/transform/money';
import { LOW_CONFIDENCE_BELOW, MIN_INTERVAL_EFFECTIVE_N, SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import { count, date, moneyRange, moneyShort, moneySigned, moneyUnit, ordinal, pct, pctSigned, pctWhole, ppSigned } from './index';

/** A money in running text: "dollars" (US), "international dollars" (PPP), else its code ("EUR"). */
export function moneyWord(code = 'USD'): string {
	return code === 'USD' ? 'dollars' : code === 'PPP' ? 'international dollars' : moneyUnit(code);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const excludesZero = (i: Interval) => i.lower > 0 || i.upper < 0;

/**
 * A count of reports, with the effective number of distinct ones where repeated rows make it
 * smaller: `reportsText(40, 6.2) → "40 reports (about 6 distinct)"`, `reportsText(40, 40) → "40 reports"`.
 */
export function reportsText(n: number, effectiveN: number): string {
	const distinct = Math.floor(effectiveN + 1e-9);
	const base = `${count(n)} ${plural(n, 'report')}`;
	return distinct < n ? `${base} (about ${count(distinct)} distinct)` : base;
}

/** The weaker family of a gap by effective n (ties: AI), for "the AI reports amount to …". */
function weakerSide(gap: GapSummary): { readonly family: 'AI' | 'ML'; readonly n: number; readonly effectiveN: number } {
	return gap.mlEffectiveN < gap.aiEffectiveN
		? { family: 'ML', n: gap.mlN, effectiveN: gap.mlEffectiveN }
		: { family: 'AI', n: gap.aiN, effectiveN: gap.aiEffectiveN };
}

/** A percent interval with signs: "−25.0% to +2.0%". */
const pctRange = (i: Interval) => `${pctSigned(i.lower)} to ${pctSigned(i.upper)}`;

/**
 * One sentence on the raw gap, e.g. "The AI family's median is $29k (18%) below the ML
 * family's; 95% interval $21k to $37k below (12.0% to 22.0% below)." The verdict is the
 * statistics' own (both intervals must exclude zero); when the two intervals disagree the
 * sentence says so. `where` opens the sentence ("At US companies").
 */
export function gapSentence(gap: GapSummary, where: string | null = null, code = 'USD'): string {
	const open = (s: string) => (where ? `${where}, ${s}` : capitalise(s));
	const e = gap.estimate;
	if (!e)
		return open(
			`there are too few reports to compare the two families: ${count(gap.aiN)} AI and ${count(gap.mlN)} ML, and each family needs at least ${SUPPRESS_BELOW}. Widen the filters.`
		);
	const dir = e.gapUsd < 0 ? 'below' : 'above';
	const head = open(
		e.gapUsd === 0
			? `the AI family's median equals the ML family's (${moneyShort(e.medianA, code)})`
			: `the AI family's median is ${moneyShort(Math.abs(e.gapUsd), code)} (${pctWhole(Math.abs(e.gapPct))}) ${dir} the ML family's`
	);
	const side = weakerSide(gap);
	const weak =
		gap.support === 'low'
			? ` Fewer than ${LOW_CONFIDENCE_BELOW} distinct ${side.family} reports (${reportsText(side.n, side.effectiveN)}): treat it as a rough guide.`
			: '';
	const usd = e.gapUsdInterval;
	const pc = e.gapPctInterval;
	if (e.verdict === 'no-interval' || !usd)
		return `${head}, but the ${side.family} reports amount to only about ${count(Math.floor(side.effectiveN + 1e-9))} distinct ones, too few for a 95% interval (at least ${MIN_INTERVAL_EFFECTIVE_N} are needed): whether the two medians differ cannot be told here.`;
	const usdText = moneyRange(usd.lower, usd.upper, { signed: true, code });
	if (e.verdict === 'intervals-disagree' && pc) {
		const usdOut = excludesZero(usd);
		return `${head}. Its 95% interval in ${moneyWord(code)} (${usdText}) ${usdOut ? 'excludes' : 'includes'} zero but the one in percent (${pctRange(pc)}) ${usdOut ? 'includes' : 'excludes'} it, so the two medians are not called distinguishable.${weak}`;
	}
	if (e.verdict === 'not-distinguishable')
		return `${head}, but the 95% interval for the gap (${usdText}${pc ? `; ${pctRange(pc)}` : ''}) includes zero: the two medians are not distinguishable here.${weak}`;
	const range =
		e.gapUsd < 0 ? `${moneyRange(-usd.upper, -usd.lower, { code })} below` : `${moneyRange(usd.lower, usd.upper, { code })} above`;
	const pcts = pc
		? e.gapUsd < 0
			? ` (${pct(-pc.upper)} to ${pct(-pc.lower)} below)`
			: ` (${pct(pc.lower)} to ${pct(pc.upper)} above)`
		: '';
	return `${head}; 95% interval ${range}${pcts}.${weak}`;
}

/**
 * Where a claimed salary falls, in words that do not round past the data: "about the 75th
 * percentile of ML pay"; at the ends "higher than 99% of ML reports" (never "the 100th percentile").
 */
export function positionText(p: ClaimPosition, family: string): string {
	const at = moneyShort(p.claimed);
	const pc = p.percentile!;
	const iv = p.percentileInterval;
	if (pc >= 97.5) {
		const range = iv ? ` (95% interval ${pctWhole(Math.floor(iv.lower))}–${pctWhole(Math.floor(iv.upper))})` : '';
		return `${at} is higher than ${pctWhole(Math.floor(pc))} of ${family} reports${range}`;
	}
	if (pc <= 2.5) {
		const range = iv ? ` (95% interval ${pctWhole(Math.floor(100 - iv.upper))}–${pctWhole(Math.floor(100 - iv.lower))})` : '';
		return `${at} is lower than ${pctWhole(Math.floor(100 - pc))} of ${family} reports${range}`;
	}
	const range = iv ? ` (95% interval ${ordinal(Math.round(iv.lower))}–${ordinal(Math.round(iv.upper))})` : '';
	return `${at} is about the ${ordinal(p.aboutPercentile ?? Math.round(pc))} percentile of ${family} pay${range}`;
}

/**
 * A claim's verdict in words: "$250k is about the 75th percentile of ML pay (95% interval
 * 73rd–77th), above the median ($190k, 95% interval $184k–$200k): not the median."
 */
export function claimVerdictSentence(p: ClaimPosition, family: string): string {
	if (p.verdict === 'suppressed' || p.percentile === null || p.median === null)
		return `Too few ${family} reports to check: ${count(p.n)}, and at least ${SUPPRESS_BELOW} are needed.`;
	if (p.verdict === 'no-interval' || p.medianInterval === null)
		return `${positionText(p, family)}. The ${family} reports amount to only about ${count(Math.floor(p.effectiveN + 1e-9))} distinct ones, too few for a 95% interval of the median (at least ${MIN_INTERVAL_EFFECTIVE_N} are needed), so the claim cannot be judged against the median (${moneyShort(p.median)}).`;
	const med = `${moneyShort(p.median)}, 95% interval ${moneyRange(p.medianInterval.lower, p.medianInterval.upper, { sep: '–' })}`;
	if (p.verdict === 'consistent-with-median')
		return `${moneyShort(p.claimed)} is within the 95% interval of the ${family} median (${med}): consistent with the claim.`;
	return `${positionText(p, family)}, ${p.verdict === 'above-median' ? 'above' : 'below'} the median (${med}): not the median.`;
}

/** A difference's verdict: `higher`, `lower` or "no clear difference (its interval includes zero)"; null when there is no difference to judge. */
export function differenceWord(d: Difference, higher: string, lower: string): string {
	if (!d.distinguishable) return 'no clear difference (its 95% interval includes zero)';
	return d.diff > 0 ? higher : lower;
}

/** One gap of the claim check, ML − AI, to the dollar: "+$25,000 (95% interval +$10,200 to +$39,800; AI n = 40, ML n = 400)". */
export function mlLeadText(g: GapSummary, code = 'USD'): string {
	const ns = `AI n = ${count(g.aiN)}, ML n = ${count(g.mlN)}`;
	const e = g.estimate;
	if (!e) return `too few reports (${ns})`;
	const i = e.gapUsdInterval;
	if (!i) return `${moneySigned(-e.gapUsd, code)} (no 95% interval: too few distinct reports; ${ns})`;
	return `${moneySigned(-e.gapUsd, code)} (95% interval ${moneyRange(-i.upper, -i.lower, { signed: true, full: true, code })}; ${ns})`;
}

/**
 * A difference with its interval and verdict, split so a page can set the verdict in bold:
 * `{ lead: "The difference is +$5,000 (95% interval −$2,000 to +$12,000):", verdict: "no clear difference (…)" }`.
 * With no difference (a side too small): the lead says so and the verdict is empty.
 */
export function differenceSentence(
	d: Difference | null,
	format: 'money' | 'pp',
	higher: string,
	lower: string,
	missing: string,
	code = 'USD'
): { readonly lead: string; readonly verdict: string } {
	if (!d) return { lead: missing, verdict: '' };
	const v = format === 'money' ? moneySigned(d.diff, code) : ppSigned(d.diff);
	const range =
		format === 'money'
			? moneyRange(d.interval.lower, d.interval.upper, { signed: true, full: true, code })
			: `${ppSigned(d.interval.lower)} to ${ppSigned(d.interval.upper)}`;
	return { lead: `${v} (95% interval ${range}):`, verdict: differenceWord(d, higher, lower) };
}

/** An AI share in the claim check: "21.3% AI (18.0%–25.1%, n = 412)". */
export function aiShareText(r: {
	readonly n: number;
	readonly share: { readonly pct: number; readonly interval: Interval | null } | null;
}): string {
	if (!r.share) return `too few reports (n = ${count(r.n)}; at least ${SUPPRESS_BELOW} are needed)`;
	if (!r.share.interval) return `${pct(r.share.pct)} AI (no 95% interval: too few distinct reports; n = ${count(r.n)})`;
	return `${pct(r.share.pct)} AI (95% interval ${pct(r.share.interval.lower)}–${pct(r.share.interval.upper)}, n = ${count(r.n)})`;
}

/** The page filters a claim check sets aside, with labels already in words. */
export interface SetAsideLabels {
	readonly region: readonly string[];
	readonly country: readonly string[];
	readonly years: boolean;
	readonly size: readonly string[];
}

/**
 * Every page filter the claim check does not apply, named: the location and years for the whole
 * check, the company size for its parts that compare sizes. Empty when none is set aside.
 */
export function setAsideSentence(s: SetAsideLabels): string {
	const whole: string[] = [];
	if (s.region.length > 0) whole.push(`region (${s.region.join(', ')})`);
	if (s.country.length > 0) whole.push(`country (${s.country.join(', ')})`);
	if (s.years) whole.push('work years');
	const parts: string[] = [];
	if (whole.length > 0)
		parts.push(
			`Your ${whole.join(', ')} ${plural(whole.length, 'filter is', 'filters are')} set aside here: the claim is about US companies in the years chosen above.`
		);
	if (s.size.length > 0)
		parts.push(
			`Your company-size filter (${s.size.join(', ')}) is set aside for the "big tech" line and the shares by company size, which compare the sizes.`
		);
	return parts.join(' ');
}

/**
 * The legend entry of the low-confidence style every chart uses for a figure shown but marked
 * (SUPPRESS_BELOW ≤ n, effective n < LOW_CONFIDENCE_BELOW): "Faded, dashed: fewer than 30 distinct reports".
 */
export const LOW_CONFIDENCE_LEGEND = `Faded, dashed: fewer than ${LOW_CONFIDENCE_BELOW} distinct reports`;

/** The same for gap bars, which hatch a low-confidence bar: "Hatched: fewer than 30 distinct reports". */
export const LOW_CONFIDENCE_HATCH_LEGEND = `Hatched: fewer than ${LOW_CONFIDENCE_BELOW} distinct reports`;

const SERIES_END_LABEL = {
	ai: 'Indeed AI share',
	genai: 'Indeed generative-AI share',
	sectors: 'Indeed sector index',
	salaries: 'salary reports (aijobs.net snapshot)'
} as const;

/**
 * Where the /demand series end, when they do not all end on the same day, else null:
 * "The series end at different dates: Indeed AI share 30 Jun 2026; … salary reports (aijobs.net snapshot) 19 Jan 2025."
 */
export function seriesEndsNote(ends: readonly { series: keyof typeof SERIES_END_LABEL; date: string }[]): string | null {
	if (new Set(ends.map((e) => e.date)).size < 2) return null;
	return `The series end at different dates: ${ends.map((e) => `${SERIES_END_LABEL[e.series]} ${date(e.date)}`).join('; ')}. Compare them only over the months they share.`;
}

/**
 * A gap's interval line on a card, to the dollar: "95% interval −$59,686 to −$3,274; −25.0% to −1.4%",
 * or why there is none.
 */
export function gapIntervalLine(g: GapEstimate, code = 'USD'): string {
	const usd = g.gapUsdInterval;
	if (!usd) return `No 95% interval: too few distinct reports (at least ${MIN_INTERVAL_EFFECTIVE_N} on each side).`;
	const usdText = moneyRange(usd.lower, usd.upper, { signed: true, full: true, code });
	return `95% interval ${usdText}${g.gapPctInterval ? `; ${pctRange(g.gapPctInterval)}` : ''}`;
}

/** A gap's verdict in two or three words, by the same rule as the sentences: "ML paid more", "Not distinguishable", … */
export function gapVerdictLabel(g: GapEstimate, code = 'USD'): string {
	switch (g.verdict) {
		case 'distinguishable':
			return g.gapUsd < 0 ? 'ML paid more' : 'AI paid more';
		case 'not-distinguishable':
			return 'Not distinguishable';
		case 'intervals-disagree':
			return `Not distinguishable: the ${code === 'USD' ? 'dollar' : moneyUnit(code)} and percent intervals disagree`;
		case 'no-interval':
			return 'No verdict: too few distinct reports';
	}
}

/** "312 reports left out: no PPP factor for their country; 4 reports left out: …", or undefined when none was. */
export function leftOutNote(leftOut: Readonly<Record<LeftOutReason, number>>): string | undefined {
	const parts = (Object.keys(LEFT_OUT_WORDS) as LeftOutReason[])
		.filter((k) => leftOut[k] > 0)
		.map((k) => `${count(leftOut[k])} report${leftOut[k] === 1 ? '' : 's'} left out: ${LEFT_OUT_WORDS[k]}`);
	return parts.length > 0 ? parts.join('; ') : undefined;
}
