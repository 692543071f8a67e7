import { describe, expect, it } from 'vitest';
import { gapSentence, LOW_CONFIDENCE_HATCH_LEGEND, LOW_CONFIDENCE_LEGEND, seriesEndsNote } from './sentences';
import type { GapSummary } from '$lib/transform/stats/types';

const gap = (gapUsd: number, lo: number, hi: number, distinguishable: boolean, gapPct: number): GapSummary => ({
	support: 'ok',
	aiN: 651,
	mlN: 5841,
	estimate: {
		medianA: 158_000,
		medianB: 158_000 - gapUsd,
		gapUsd,
		gapUsdInterval: { lower: lo, upper: hi },
		seUsd: 1,
		gapPct,
		gapPctInterval: null,
		seLogRatio: 1,
		distinguishable
	}
});

describe('gapSentence', () => {
	it('states a negative gap with its interval as magnitudes', () => {
		expect.hasAssertions();
		expect(gapSentence(gap(-29_000, -37_000, -21_000, true, -15.5))).toBe(
			"In this view the AI family's median is $29k (16%) below the ML family's; 95% interval $21k–$37k below."
		);
	});
	it('says "not distinguishable" when the interval spans zero', () => {
		expect.hasAssertions();
		expect(gapSentence(gap(4_000, -2_000, 10_000, false, 2.6))).toMatch(
			/\$4k \(3%\) above .* \(−\$2k to \$10k\) includes zero: the two medians are not distinguishable/
		);
	});
	it('explains suppression', () => {
		expect.hasAssertions();
		expect(gapSentence({ support: 'suppressed', aiN: 3, mlN: 40, estimate: null })).toMatch(
			/too few reports .*AI n = 3, ML n = 40.*at least 10/
		);
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

it('the low-confidence legends quote the threshold (LOW_CONFIDENCE_BELOW = 30)', () => {
	expect.hasAssertions();
	expect(LOW_CONFIDENCE_LEGEND).toBe('Faded, dashed: fewer than 30 reports');
	expect(LOW_CONFIDENCE_HATCH_LEGEND).toBe('Hatched: fewer than 30 reports');
});
