/** Plain-language sentences generated from the numbers, never typed by hand. */
import type { GapSummary } from '$lib/transform/stats/types';
import type { ClaimPosition, Difference } from '$lib/transform/stats/claim';
import { LOW_CONFIDENCE_BELOW, SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import { count, date, moneyShort, ordinal, pct } from './index';

/**
 * One sentence on the raw gap, e.g. "In this view the AI family's median is $29k (18%)
 * below the ML family's; 95% interval for the gap $21k–$37k below."
 */
export function gapSentence(gap: GapSummary, subject = 'In this view'): string {
	const e = gap.estimate;
	if (!e)
		return `${subject} there are too few reports to compare (AI n = ${count(gap.aiN)}, ML n = ${count(gap.mlN)}; each side needs at least ${SUPPRESS_BELOW}). Widen the filters.`;
	const dir = e.gapUsd < 0 ? 'below' : e.gapUsd > 0 ? 'above' : 'equal to';
	const lo = e.gapUsdInterval.lower;
	const hi = e.gapUsdInterval.upper;
	const head =
		e.gapUsd === 0
			? `${subject} the AI family's median equals the ML family's (${moneyShort(e.medianA)})`
			: `${subject} the AI family's median is ${moneyShort(Math.abs(e.gapUsd))} (${pct(Math.abs(e.gapPct), 0)}) ${dir} the ML family's`;
	if (!e.distinguishable)
		return `${head}, but the 95% interval for the gap (${moneyShort(lo)} to ${moneyShort(hi)}) includes zero: the two medians are not distinguishable here.`;
	const range = e.gapUsd < 0 ? `${moneyShort(-hi)}–${moneyShort(-lo)} below` : `${moneyShort(lo)}–${moneyShort(hi)} above`;
	const weak = gap.support === 'low' ? ' Few reports: treat it as a rough guide.' : '';
	return `${head}; 95% interval ${range}.${weak}`;
}

/**
 * A claim's verdict in words: "$250k is about the 75th percentile of ML pay (95% interval
 * 73rd–77th), not the median ($190k, 95% interval $184k–$200k)."
 */
export function claimVerdictSentence(p: ClaimPosition, family: string): string {
	if (p.verdict === 'suppressed' || p.percentile === null || p.median === null || p.medianInterval === null)
		return `Too few ${family} reports to check (n = ${count(p.n)}; at least ${SUPPRESS_BELOW} needed).`;
	const where = `${moneyShort(p.claimed)} is about the ${ordinal(p.aboutPercentile ?? Math.round(p.percentile))} percentile of ${family} pay`;
	const iv = p.percentileInterval
		? ` (95% interval ${ordinal(Math.round(p.percentileInterval.lower))}–${ordinal(Math.round(p.percentileInterval.upper))})`
		: '';
	const med = `${moneyShort(p.median)}, 95% interval ${moneyShort(p.medianInterval.lower)}–${moneyShort(p.medianInterval.upper)}`;
	if (p.verdict === 'consistent-with-median')
		return `${moneyShort(p.claimed)} is within the 95% interval of the ${family} median (${med}): consistent with the claim.`;
	return `${where}${iv}, ${p.verdict === 'above-median' ? 'above' : 'below'} the median (${med}): not the median.`;
}

/** A difference's verdict: "higher", "lower" or "no clear difference" (its interval spans zero). */
export function differenceWord(d: Difference | null, higher: string, lower: string): string {
	if (!d) return 'too few reports to tell';
	if (!d.distinguishable) return 'no clear difference (the interval spans zero)';
	return d.diff > 0 ? higher : lower;
}

/**
 * The legend entry of the low-confidence style every chart uses for a figure shown but marked
 * (SUPPRESS_BELOW ≤ n < LOW_CONFIDENCE_BELOW): "Faded, dashed: fewer than 30 reports".
 */
export const LOW_CONFIDENCE_LEGEND = `Faded, dashed: fewer than ${LOW_CONFIDENCE_BELOW} reports`;

/** The same for gap bars, which hatch a low-confidence bar: "Hatched: fewer than 30 reports". */
export const LOW_CONFIDENCE_HATCH_LEGEND = `Hatched: fewer than ${LOW_CONFIDENCE_BELOW} reports`;

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
