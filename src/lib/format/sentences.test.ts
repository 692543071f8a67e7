import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	aiShareText,
	claimVerdictSentence,
	differenceSentence,
	gapIntervalLine,
	gapSentence,
	gapVerdictLabel,
	LOW_CONFIDENCE_HATCH_LEGEND,
	LOW_CONFIDENCE_LEGEND,
	mlLeadText,
	positionText,
	reportsText,
	seriesEndsNote,
	setAsideSentence
} from './sentences';
import { gapFromMedians } from '$lib/transform/stats/intervals';
import type { ClaimPosition } from '$lib/transform/stats/claim';
import type { Support } from '$lib/transform/stats/constants';
import type { GapSummary } from '$lib/transform/stats/summary';

/** A gap summary built by the statistics' own gapFromMedians, so verdicts follow the shipped rule. */
function summary(
	medianA: number,
	medianB: number,
	se: [number | null, number | null],
	seLog: [number | null, number | null],
	opts: { support?: Support; aiN?: number; mlN?: number; aiEff?: number; mlEff?: number } = {}
): GapSummary {
	const aiN = opts.aiN ?? 651;
	const mlN = opts.mlN ?? 5841;
	return {
		support: opts.support ?? 'ok',
		aiN,
		mlN,
		aiEffectiveN: opts.aiEff ?? aiN,
		mlEffectiveN: opts.mlEff ?? mlN,
		estimate: gapFromMedians({ median: medianA, se: se[0], seLog: seLog[0] }, { median: medianB, se: se[1], seLog: seLog[1] })
	};
}

/** Dollar amounts quoted in a sentence, as numbers ("−$60k" → −60000, "+$3,274" → 3274, "$1.2M" → 1200000). */
function amounts(text: string): number[] {
	return [...text.matchAll(/([−+]?)\$([\d,]+(?:\.\d+)?)(k|M)?/g)].map(([, sign, digits, unit]) => {
		const v = Number(digits!.replace(/,/g, '')) * (unit === 'k' ? 1e3 : unit === 'M' ? 1e6 : 1);
		return sign === '−' ? -v : v;
	});
}

describe('gapSentence', () => {
	it('a negative gap whose intervals exclude zero: magnitudes "below", both intervals quoted', () => {
		expect.hasAssertions();
		// ML 190,000, AI 161,000: SEs give the dollar interval [−37,040, −20,960].
		const g = summary(161_000, 190_000, [3_000, 2_800], [0.018, 0.015]);
		expect(g.estimate!.verdict).toBe('distinguishable');
		const i = g.estimate!.gapUsdInterval!;
		const p = g.estimate!.gapPctInterval!;
		expect(gapSentence(g)).toBe(
			`The AI family's median is $29k (15%) below the ML family's; 95% interval $${Math.round(-i.upper / 1000)}k to $${Math.round(-i.lower / 1000)}k below (${(-p.upper).toFixed(1)}% to ${(-p.lower).toFixed(1)}% below).`
		);
	});

	it('an interval that includes zero: the interval quoted with signs, "not distinguishable"', () => {
		expect.hasAssertions();
		const g = summary(104_000, 100_000, [2_000, 2_000], [0.02, 0.02]);
		expect(g.estimate!.verdict).toBe('not-distinguishable');
		expect(gapSentence(g)).toMatch(
			/^The AI family's median is \$4k \(4%\) above the ML family's, but the 95% interval for the gap \(−\$2k to \+\$10k; −1\.\d% to \+9\.\d%\) includes zero: the two medians are not distinguishable here\.$/
		);
	});

	it('issue 16: the dollar interval excludes zero but the percent one does not — the sentence says so, not "includes zero"', () => {
		expect.hasAssertions();
		// /?region=europe&exp=SE on main: "the 95% interval for the gap (−$60k to −$3k) includes zero".
		const g = summary(120_000, 151_500, [12_000, 9_000], [0.16, 0.07]);
		expect(g.estimate!.verdict).toBe('intervals-disagree');
		const text = gapSentence(g);
		expect(text).toMatch(/Its 95% interval in dollars \(−\$\d+k to −\$\d+k\) excludes zero but the one in percent \(.*\) includes it/);
		expect(text).not.toMatch(/\(−\$\d+k to −\$\d+k\) includes zero/);
	});

	it('no interval under 6 distinct reports: no verdict, and why', () => {
		expect.hasAssertions();
		const g = summary(150_000, 190_000, [null, 2_000], [null, 0.01], { aiN: 12, aiEff: 4.4, support: 'low' });
		expect(g.estimate!.verdict).toBe('no-interval');
		expect(gapSentence(g)).toBe(
			"The AI family's median is $40k (21%) below the ML family's, but the AI reports amount to only about 4 distinct ones, too few for a 95% interval (at least 6 are needed): whether the two medians differ cannot be told here."
		);
	});

	it('low confidence by effective n: names the weaker side with its count of distinct reports', () => {
		expect.hasAssertions();
		const g = summary(150_000, 200_000, [5_000, 5_000], [0.03, 0.03], { mlN: 40, mlEff: 6.3, aiN: 300, aiEff: 200, support: 'low' });
		expect(gapSentence(g)).toMatch(/ Fewer than 30 distinct ML reports \(40 reports \(about 6 distinct\)\): treat it as a rough guide\.$/);
	});

	it('opens with a place when given, and explains suppression', () => {
		expect.hasAssertions();
		const g = summary(104_000, 100_000, [2_000, 2_000], [0.02, 0.02]);
		expect(gapSentence(g, 'At US companies')).toMatch(/^At US companies, the AI family's median is \$4k/);
		expect(gapSentence({ support: 'suppressed', aiN: 3, mlN: 40, aiEffectiveN: 3, mlEffectiveN: 40, estimate: null })).toBe(
			'There are too few reports to compare the two families: 3 AI and 40 ML, and each family needs at least 10. Widen the filters.'
		);
		expect(gapSentence(summary(100_000, 100_000, [2_000, 2_000], [0.02, 0.02]))).toMatch(
			/^The AI family's median equals the ML family's \(\$100k\), but the 95% interval/
		);
	});

	it('an interval with ends of different sizes prints both ends in one format ("−$39,112 to −$25", never "−$39k to −$25")', () => {
		expect.hasAssertions();
		const g = summary(100_000, 114_300, [5_000, 5_000], [null, null]);
		const i = g.estimate!.gapUsdInterval!;
		expect(i.upper).toBeLessThan(0);
		expect(i.upper).toBeGreaterThan(-1000);
		const text = gapSentence(g);
		const [lo, hi] = [Math.round(-i.upper), Math.round(-i.lower)];
		expect(text).toContain(`95% interval $${lo} to $${hi.toLocaleString('en-US')} below.`);
	});

	// Every sentence against the numbers it quotes: the words' verdict agrees with the quoted
	// intervals read back from the text, and the quoted gap is the model's.
	it('property: what a sentence says about zero holds for the interval it quotes', () => {
		expect.hasAssertions();
		const arb = fc.record({
			a: fc.integer({ min: 40_000, max: 400_000 }),
			b: fc.integer({ min: 40_000, max: 400_000 }),
			seA: fc.option(fc.integer({ min: 200, max: 60_000 }), { freq: 8 }),
			seB: fc.integer({ min: 200, max: 60_000 }),
			logScale: fc.double({ min: 0.3, max: 3, noNaN: true })
		});
		fc.assert(
			fc.property(arb, ({ a, b, seA, seB, logScale }) => {
				const g = summary(a, b, [seA, seB], [seA === null ? null : (logScale * seA) / a, (logScale * seB) / b]);
				const e = g.estimate!;
				const text = gapSentence(g);
				const quoted = amounts(text);
				const abs = Math.abs(e.gapUsd);
				if (a !== b) expect(quoted[0]).toBe(abs >= 1000 ? Math.round(abs / 1000) * 1000 : Math.round(abs));
				if (e.verdict === 'no-interval') {
					expect(text).toContain('too few for a 95% interval');
					expect(quoted).toHaveLength(1);
					return;
				}
				const [lo, hi] = quoted.slice(1, 3) as [number, number];
				if (e.verdict === 'distinguishable') {
					// "… $21k to $37k below": both magnitudes on one side of zero, the gap between them.
					expect(text).toMatch(e.gapUsd < 0 ? /k? below \(|\d below\./ : /above/);
					expect(Math.min(lo, hi)).toBeGreaterThanOrEqual(0);
					expect(text).not.toContain('not distinguishable');
				} else if (e.verdict === 'not-distinguishable') {
					expect(text).toContain('includes zero: the two medians are not distinguishable');
					expect(lo).toBeLessThanOrEqual(0);
					expect(hi).toBeGreaterThanOrEqual(0);
				} else {
					const excludes = lo > 0 || hi < 0;
					expect(text).toContain(`in dollars (`);
					expect(text).toContain(excludes ? ') excludes zero but' : ') includes zero but');
				}
			}),
			{ seed: 16, numRuns: 400 }
		);
	});
});

describe('gap card lines', () => {
	it('interval line and verdict label follow the verdict', () => {
		expect.hasAssertions();
		const clear = summary(161_000, 190_000, [3_000, 2_800], [0.018, 0.015]).estimate!;
		expect(gapIntervalLine(clear)).toMatch(/^95% interval −\$\d{2},\d{3} to −\$\d{2},\d{3}; −\d+\.\d% to −\d+\.\d%$/);
		expect(gapVerdictLabel(clear)).toBe('ML paid more');
		expect(gapVerdictLabel(summary(190_000, 161_000, [3_000, 2_800], [0.015, 0.018]).estimate!)).toBe('AI paid more');
		expect(gapVerdictLabel(summary(104_000, 100_000, [2_000, 2_000], [0.02, 0.02]).estimate!)).toBe('Not distinguishable');
		expect(gapVerdictLabel(summary(120_000, 151_500, [12_000, 9_000], [0.16, 0.07]).estimate!)).toBe(
			'Not distinguishable: the dollar and percent intervals disagree'
		);
		const none = summary(150_000, 190_000, [null, 2_000], [null, 0.01]).estimate!;
		expect(gapVerdictLabel(none)).toBe('No verdict: too few distinct reports');
		expect(gapIntervalLine(none)).toBe('No 95% interval: too few distinct reports (at least 6 on each side).');
	});
});

const position = (p: Partial<ClaimPosition>): ClaimPosition => ({
	claimed: 250_000,
	n: 4222,
	effectiveN: 368,
	support: 'ok',
	percentile: 74.95,
	percentileInterval: { lower: 70.28, upper: 79.11 },
	aboutPercentile: 75,
	median: 194_000,
	medianInterval: { lower: 184_300, upper: 203_000 },
	verdict: 'above-median',
	...p
});

describe('claim sentences', () => {
	it('a claim above the median: about-percentile with its interval, and the median with its interval', () => {
		expect.hasAssertions();
		expect(claimVerdictSentence(position({}), 'ML')).toBe(
			'$250k is about the 75th percentile of ML pay (95% interval 70th–79th), above the median ($194k, 95% interval $184k–$203k): not the median.'
		);
	});

	it('issue 16: at the 99th percentile it says "higher than 99% of reports", never "about the 100th percentile"', () => {
		expect.hasAssertions();
		const p = position({ percentile: 99.0, aboutPercentile: 100, percentileInterval: { lower: 90.4, upper: 99.8 } });
		const text = claimVerdictSentence(p, 'ML');
		expect(text).toBe(
			'$250k is higher than 99% of ML reports (95% interval 90%–99%), above the median ($194k, 95% interval $184k–$203k): not the median.'
		);
		expect(text).not.toContain('100th');
		expect(positionText(position({ claimed: 20_000, percentile: 1.2, percentileInterval: { lower: 0.3, upper: 4.1 } }), 'AI')).toBe(
			'$20k is lower than 98% of AI reports (95% interval 95%–99%)'
		);
	});

	it('consistent, suppressed and without an interval', () => {
		expect.hasAssertions();
		expect(claimVerdictSentence(position({ claimed: 190_000, verdict: 'consistent-with-median', percentile: 48 }), 'ML')).toBe(
			'$190k is within the 95% interval of the ML median ($194k, 95% interval $184k–$203k): consistent with the claim.'
		);
		expect(claimVerdictSentence(position({ verdict: 'suppressed', n: 7, percentile: null, median: null }), 'AI')).toBe(
			'Too few AI reports to check: 7, and at least 10 are needed.'
		);
		expect(
			claimVerdictSentence(
				position({
					verdict: 'no-interval',
					n: 14,
					effectiveN: 4.2,
					medianInterval: null,
					percentileInterval: null,
					percentile: 60,
					aboutPercentile: 60
				}),
				'AI'
			)
		).toBe(
			'$250k is about the 60th percentile of AI pay. The AI reports amount to only about 4 distinct ones, too few for a 95% interval of the median (at least 6 are needed), so the claim cannot be judged against the median ($194k).'
		);
	});

	it('ML lead, differences, shares and filters set aside', () => {
		expect.hasAssertions();
		const g = summary(161_000, 190_000, [3_000, 2_800], [0.018, 0.015], { aiN: 40, mlN: 400 });
		const i = g.estimate!.gapUsdInterval!;
		expect(mlLeadText(g)).toBe(
			`+$29,000 (95% interval +$${Math.round(-i.upper).toLocaleString('en-US')} to +$${Math.round(-i.lower).toLocaleString('en-US')}; AI n = 40, ML n = 400)`
		);
		expect(mlLeadText({ ...g, estimate: null })).toBe('too few reports (AI n = 40, ML n = 400)');
		expect(mlLeadText(summary(161_000, 190_000, [null, 2_800], [null, 0.015], { aiN: 12, mlN: 400 }))).toBe(
			'+$29,000 (no 95% interval: too few distinct reports; AI n = 12, ML n = 400)'
		);
		const d = { diff: 5_000, interval: { lower: -2_000, upper: 12_000 }, distinguishable: false };
		expect(differenceSentence(d, 'money', 'larger', 'smaller', 'none')).toEqual({
			lead: '+$5,000 (95% interval −$2,000 to +$12,000):',
			verdict: 'no clear difference (its 95% interval includes zero)'
		});
		expect(differenceSentence({ diff: -7, interval: { lower: -9, upper: -5 }, distinguishable: true }, 'pp', 'grew', 'fell', '')).toEqual({
			lead: '−7.0 pts (95% interval −9.0 pts to −5.0 pts):',
			verdict: 'fell'
		});
		expect(differenceSentence(null, 'pp', 'grew', 'fell', 'Too few.')).toEqual({ lead: 'Too few.', verdict: '' });
		expect(aiShareText({ n: 412, share: { pct: 21.33, interval: { lower: 18.01, upper: 25.12 } } })).toBe(
			'21.3% AI (95% interval 18.0%–25.1%, n = 412)'
		);
		expect(aiShareText({ n: 14, share: { pct: 21.4, interval: null } })).toBe(
			'21.4% AI (no 95% interval: too few distinct reports; n = 14)'
		);
		expect(aiShareText({ n: 7, share: null })).toBe('too few reports (n = 7; at least 10 are needed)');
		expect(setAsideSentence({ region: [], country: [], years: false, size: [] })).toBe('');
		expect(setAsideSentence({ region: ['Europe'], country: [], years: true, size: ['Medium (50–250)'] })).toBe(
			'Your region (Europe), work years filters are set aside here: the claim is about US companies in the years chosen above. Your company-size filter (Medium (50–250)) is set aside for the "big tech" line and the shares by company size, which compare the sizes.'
		);
		expect(setAsideSentence({ region: [], country: ['DE'], years: false, size: [] })).toBe(
			'Your country (DE) filter is set aside here: the claim is about US companies in the years chosen above.'
		);
	});

	it('reportsText: distinct reports only where repeats make them fewer', () => {
		expect.hasAssertions();
		expect(reportsText(40, 6.2)).toBe('40 reports (about 6 distinct)');
		expect(reportsText(40, 40)).toBe('40 reports');
		expect(reportsText(1, 1)).toBe('1 report');
		expect(reportsText(10, 9.9999999999)).toBe('10 reports');
	});
});

describe('seriesEndsNote', () => {
	it('names each series and its last day when they end on different days', () => {
		expect.hasAssertions();
		expect(
			seriesEndsNote([
				{ series: 'ai', date: '2026-06-30' },
				{ series: 'genai', date: '2025-06-28' },
				{ series: 'sectors', date: '2024-09-27' },
				{ series: 'salaries', date: '2025-01-19' }
			])
		).toBe(
			'The series end at different dates: Indeed AI share 30 Jun 2026; Indeed generative-AI share 28 Jun 2025; Indeed sector index 27 Sep 2024; salary reports (aijobs.net snapshot) 19 Jan 2025. Compare them only over the months they share.'
		);
	});

	it('says nothing when every series ends on the same day, or there is only one', () => {
		expect.hasAssertions();
		expect(
			seriesEndsNote([
				{ series: 'ai', date: '2025-01-19' },
				{ series: 'salaries', date: '2025-01-19' }
			])
		).toBeNull();
		expect(seriesEndsNote([{ series: 'salaries', date: '2025-01-19' }])).toBeNull();
		expect(seriesEndsNote([])).toBeNull();
	});
});

it('the low-confidence legends quote the threshold (LOW_CONFIDENCE_BELOW = 30) in distinct reports', () => {
	expect.hasAssertions();
	expect(LOW_CONFIDENCE_LEGEND).toBe('Faded, dashed: fewer than 30 distinct reports');
	expect(LOW_CONFIDENCE_HATCH_LEGEND).toBe('Hatched: fewer than 30 distinct reports');
});
