import { describe, expect, it } from 'vitest';
import { gapSentence } from './sentences';
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
