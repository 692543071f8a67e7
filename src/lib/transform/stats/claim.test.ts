import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../filters';
import { aiShareEffectiveN, bandShareSorted, claimPositionSorted, differenceOf, shareOf, wilsonInterval } from './claim';
import { prepareRows } from './prepare';
import { familyRow } from './testing/rows';
import { computeStats } from './compute';

const seq = (n: number, start = 100_000, step = 1000) => Float64Array.from({ length: n }, (_, i) => start + step * i);

describe('claim check', () => {
	it('Wilson interval (plain Python, expected-values.py "claim")', () => {
		expect.hasAssertions();
		const a = wilsonInterval(0.5, 100)!;
		expect(a.lower).toBeCloseTo(0.4038315303659957, 12);
		expect(a.upper).toBeCloseTo(0.5961684696340044, 12);
		const b = wilsonInterval(0.1, 12.5)!;
		expect(b.lower).toBeCloseTo(0.020829609650617503, 12);
		expect(b.upper).toBeCloseTo(0.3672299198121727, 12);
		expect(wilsonInterval(0.5, 0)).toBeNull();
	});

	it('places a claim: percentile, about-percentile, verdict against the median interval', () => {
		expect.hasAssertions();
		const v = seq(100); // 100k … 199k, median 149.5k, interval [139,798.18, 159,201.82] (expected-values.py "claim")
		const high = claimPositionSorted(v, 175_500);
		expect(high.percentile).toBeCloseTo(76, 12); // 76 values below
		expect(high.aboutPercentile).toBe(75);
		expect(high.verdict).toBe('above-median');
		expect(high.medianInterval!.lower).toBeCloseTo(139798.17827652674, 6);
		expect(high.medianInterval!.upper).toBeCloseTo(159201.82172347326, 6);
		expect(claimPositionSorted(v, 150_000).verdict).toBe('consistent-with-median');
		expect(claimPositionSorted(v, 120_000).verdict).toBe('below-median');
		const low = claimPositionSorted(v, 175_500, 25); // same rows, effective n 25: wider interval
		expect(low.percentileInterval!.upper - low.percentileInterval!.lower).toBeGreaterThan(
			high.percentileInterval!.upper - high.percentileInterval!.lower
		);
		expect(claimPositionSorted(seq(9), 100_000)).toMatchObject({ support: 'suppressed', percentile: null, verdict: 'suppressed' });
		// Issue 16: 100 rows worth 5 distinct reports have no interval and no verdict against the median.
		expect(claimPositionSorted(v, 175_500, 5)).toMatchObject({
			support: 'low',
			percentile: 76,
			percentileInterval: null,
			median: 149_500,
			medianInterval: null,
			verdict: 'no-interval'
		});
		expect(claimPositionSorted(v, 195_000, 6).verdict).toBe('above-median');
	});

	it('band share: reports inside [low, high], inclusive', () => {
		expect.hasAssertions();
		const b = bandShareSorted(seq(100), 150_000, 199_000);
		expect(b.sharePct).toBe(50);
		expect(b.shareInterval!.lower).toBeCloseTo(40.38315303659957, 10);
		expect(bandShareSorted(seq(100), 300_000, 400_000).sharePct).toBe(0);
		expect(bandShareSorted(seq(5), 0, 1e9)).toMatchObject({ support: 'suppressed', sharePct: null });
		expect(bandShareSorted(seq(100), 150_000, 199_000, 5.5)).toMatchObject({ support: 'low', sharePct: 50, shareInterval: null });
	});

	it('computeStats places claims and a band in each family when asked', () => {
		expect.hasAssertions();
		const rows = [
			...Array.from({ length: 40 }, (_, i) => familyRow('AI', { salaryUsd: 100_000 + 1000 * i })),
			...Array.from({ length: 40 }, (_, i) => familyRow('ML', { salaryUsd: 150_000 + 1000 * i }))
		];
		const v = computeStats(prepareRows(rows), DEFAULT_FILTERS, { claims: [250_000], band: { low: 150_000, high: 160_000 } });
		expect(v.claims![0]!.families.ML).toMatchObject({ percentile: 100, verdict: 'above-median' });
		expect(v.band!.families.AI.sharePct).toBe(0);
		expect(v.band!.families.ML.sharePct).toBeCloseTo(27.5, 12); // 150k … 160k: 11 of 40
		expect(computeStats(prepareRows(rows), DEFAULT_FILTERS).claims).toBeNull();
	});
});

describe('differenceOf and shareOf', () => {
	it('differenceOf: the interval is diff ± z·√(seA² + seB²), distinguishable when it excludes zero', () => {
		const d = differenceOf(10, 3, 4, 4)!;
		expect(d.diff).toBe(6);
		expect(d.interval.lower).toBeCloseTo(6 - 1.959964 * 5, 4);
		expect(d.interval.upper).toBeCloseTo(6 + 1.959964 * 5, 4);
		expect(d.distinguishable).toBe(false);
		expect(differenceOf(100, 3, 4, 4)!.distinguishable).toBe(true);
		expect(differenceOf(1, Number.NaN, 0, 1)).toBeNull();
	});
	it('shareOf: the Wilson interval of 3 in 12 by hand; null below 10 reports', () => {
		const s = shareOf(3, 12)!;
		const z = 1.959964;
		const p = 0.25;
		const n = 12;
		const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
		const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
		expect(s.pct).toBe(25);
		expect(s.interval!.lower).toBeCloseTo(100 * (centre - half), 3);
		expect(s.interval!.upper).toBeCloseTo(100 * (centre + half), 3);
		expect(shareOf(3, 9)).toBeNull();
	});
});

describe('aiShareEffectiveN', () => {
	it('N² / Σ m² over both families, each family’s Σ m² being n² / effective n', () => {
		expect.hasAssertions();
		expect(aiShareEffectiveN(20, 10, 20, 20)).toBeCloseTo(1600 / 60, 12);
		expect(aiShareEffectiveN(30, 15, 20, 20)).toBeCloseTo(2500 / 80, 12);
		// No repeats: the row count; a family without reports adds nothing.
		expect(aiShareEffectiveN(7, 7, 5, 5)).toBe(12);
		expect(aiShareEffectiveN(12, 6, 0, 0)).toBe(6);
		expect(aiShareEffectiveN(0, 0, 0, 0)).toBe(0);
	});
});
