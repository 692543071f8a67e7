import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Z_95 } from './constants';
import {
	binomialHalfCdf,
	clusterEffectiveN,
	clusteredRankInterval,
	gapFromMedians,
	medianEstimateClusteredSorted,
	medianEstimateSorted,
	medianGapSorted,
	medianRankInterval,
	medianSeSorted,
	priceBonettRank
} from './intervals';
import { quantileOfSorted } from './quantiles';
import { arbValues } from './testing/rows';

const asc = (xs: number[]) => Float64Array.from(xs).sort();

describe('median rank interval', () => {
	// Exact ranks and coverage from math.comb with exact fractions (testing/expected-values.py);
	// n = 10, 20 agree with the published table of binomial median intervals (e.g. Conover).
	it.each([
		[5, 1, 5, 0.9375],
		[6, 1, 6, 0.96875],
		[9, 2, 8, 0.9609375],
		[10, 2, 9, 0.978515625],
		[11, 2, 10, 0.98828125],
		[20, 6, 15, 0.9586105346679688],
		[30, 10, 21, 0.9572260547429323],
		[100, 40, 61, 0.9647997997822951],
		[500, 228, 273, 0.9559365304210726],
		[1000, 469, 532, 0.9537088026395019]
	])('n = %i → ranks %i..%i, coverage %f (exact binomial)', (n, lo, hi, coverage) => {
		expect.hasAssertions();
		const r = medianRankInterval(n)!;
		expect(r).toMatchObject({ lowerRank: lo, upperRank: hi, method: 'exact-binomial' });
		expect(r.coverage).toBeCloseTo(coverage, 12);
	});

	// Normal approximation above 1000: k = floor(n/2 + 1/2 + z·√n/2); coverage from Φ (Python NormalDist).
	// The exact k (Python integers) is 470, 2047, 4902: the approximation is never narrower.
	it.each([
		[1001, 469, 0.9569110274713626],
		[4222, 2047, 0.9528911594628686],
		[10000, 4902, 0.9511616294395548]
	])('n = %i → lower rank %i (normal approximation)', (n, k, coverage) => {
		expect.hasAssertions();
		const r = medianRankInterval(n)!;
		expect(r).toMatchObject({ lowerRank: k, upperRank: n + 1 - k, method: 'normal-approx' });
		expect(r.coverage).toBeCloseTo(coverage, 9);
	});

	it('binomial CDF', () => {
		expect.hasAssertions();
		expect(binomialHalfCdf(1, 10)).toBe(11 / 1024);
		expect(binomialHalfCdf(-1, 10)).toBe(0);
		expect(binomialHalfCdf(10, 10)).toBe(1);
		expect(medianRankInterval(0)).toBeNull();
	});
});

describe('median standard error and gap (published statpsych examples)', () => {
	// Expected outputs are the ones printed in the documentation of Bonett's R package
	// statpsych (ci.median, ci.median2, ci.ratio.median2), an independent implementation
	// of the same Price–Bonett method.
	it('ci.median: y = 25 29 35 36 36 40 41 43 44 54 → 38, SE 3.261774, [29, 44]', () => {
		expect.hasAssertions();
		const y = [25, 29, 35, 36, 36, 40, 41, 43, 44, 54];
		const input = y.slice();
		const e = medianEstimateSorted(y)!;
		expect(e.median).toBe(38);
		expect(e.se).toBeCloseTo(3.261774, 6);
		expect(e.interval.lower).toBe(29);
		expect(e.interval.upper).toBe(44);
		expect(y).toEqual(input);
	});

	it('ci.median2: difference −85, SE 37.11502, [−157.7441, −12.25589]', () => {
		expect.hasAssertions();
		const y1 = asc([70, 394, 43, 95, 62, 128, 2, 203, 81, 436, 85, 35, 156, 1, 3, 27, 63, 181, 184, 18]);
		const y2 = asc([102, 120, 78, 78, 417, 124, 86, 171, 176, 129, 230, 194, 100, 157, 306, 411, 164, 103, 193, 312]);
		const g = medianGapSorted(y1, y2)!;
		expect(g.medianA).toBe(75.5);
		expect(g.medianB).toBe(160.5);
		expect(g.gapUsd).toBe(-85);
		expect(g.seUsd).toBeCloseTo(37.11502, 4);
		expect(g.gapUsdInterval.lower).toBeCloseTo(-157.7441, 3);
		expect(g.gapUsdInterval.upper).toBeCloseTo(-12.25589, 4);
		// The log-ratio interval of the same data (Python, same method as ci.ratio.median2) is
		// [−78.43%, +2.60%]: it spans 0, so under our rule (both intervals must exclude 0) the
		// gap is not distinguishable even though the dollar interval excludes 0.
		expect(g.gapPctInterval!.lower).toBeCloseTo(-78.43319087427108, 8);
		expect(g.gapPctInterval!.upper).toBeCloseTo(2.6024981630934585, 8);
		expect(g.distinguishable).toBe(false);
	});

	it('ci.ratio.median2: ratio 1.162162 [0.927667, 1.455933] → percent gap interval spans zero', () => {
		expect.hasAssertions();
		const y1 = asc([36, 44, 47, 42, 49, 39, 46, 31, 33, 48]);
		const y2 = asc([32, 39, 26, 35, 43, 27, 40, 37, 34, 29, 49, 42, 40]);
		const g = medianGapSorted(y1, y2)!;
		expect(g.gapPct).toBeCloseTo(16.2162, 3);
		expect(g.gapPctInterval!.lower).toBeCloseTo(100 * (0.927667 - 1), 3);
		expect(g.gapPctInterval!.upper).toBeCloseTo(100 * (1.455933 - 1), 3);
		expect(g.distinguishable).toBe(false);
	});

	it('gapFromMedians combines standard errors in quadrature (hand computation)', () => {
		expect.hasAssertions();
		// SE = √(3² + 4²) = 5; interval 10 ± 1.959964 · 5.
		const g = gapFromMedians({ median: 110, se: 3, seLog: 0.03 }, { median: 100, se: 4, seLog: 0.04 });
		expect(g.gapUsd).toBe(10);
		expect(g.seUsd).toBe(5);
		expect(g.gapUsdInterval.lower).toBeCloseTo(10 - Z_95 * 5, 12);
		expect(g.gapPct).toBeCloseTo(10, 12);
		// log ratio ln 1.1 ± z·0.05 → 100·(e^… − 1)
		expect(g.gapPctInterval!.upper).toBeCloseTo(100 * (Math.exp(Math.log(1.1) + Z_95 * 0.05) - 1), 10);
		// Dollars: [0.20, 19.80] excludes 0; percent: ln 1.1 = 0.0953 ± 0.0980 spans 0 → not distinguishable.
		expect(g.gapUsdInterval.lower).toBeGreaterThan(0);
		expect(g.gapPctInterval!.lower).toBeLessThan(0);
		expect(g.distinguishable).toBe(false);
	});

	it('needs at least two values for an SE', () => {
		expect.hasAssertions();
		expect(medianSeSorted([5])).toBeNull();
		expect(medianEstimateSorted([])).toBeNull();
	});
});

describe('properties', () => {
	it('the median interval contains the median, and the ranks are symmetric', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(fc.oneof(arbValues(2, 60), arbValues(900, 1300)), (values) => {
				const s = asc(values);
				const e = medianEstimateSorted(s)!;
				expect(e.median).toBe(quantileOfSorted(s, 0.5));
				expect(e.interval.lower).toBeLessThanOrEqual(e.median);
				expect(e.interval.upper).toBeGreaterThanOrEqual(e.median);
				expect(e.interval.lowerRank + e.interval.upperRank).toBe(s.length + 1);
				expect(e.se).toBeGreaterThanOrEqual(0);
			}),
			{ seed: 11, numRuns: 150 }
		);
	});

	it('coverage is at least 95% from n = 6 on', () => {
		expect.hasAssertions();
		for (let n = 6; n <= 2000; n += 7) expect(medianRankInterval(n)!.coverage).toBeGreaterThanOrEqual(0.95);
	});

	it('the gap interval contains the gap and is antisymmetric in the groups', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbValues(10, 80), arbValues(10, 80), (a, b) => {
				const g = medianGapSorted(asc(a), asc(b))!;
				const h = medianGapSorted(asc(b), asc(a))!;
				expect(g.gapUsdInterval.lower).toBeLessThanOrEqual(g.gapUsd);
				expect(g.gapUsdInterval.upper).toBeGreaterThanOrEqual(g.gapUsd);
				expect(h.gapUsd + g.gapUsd).toBe(0);
				expect(h.seUsd).toBe(g.seUsd);
				expect(h.distinguishable).toBe(g.distinguishable);
			}),
			{ seed: 12, numRuns: 150 }
		);
	});
});

describe('identical rows as clusters (design effect)', () => {
	// Expected values from plain Python (testing/expected-values.py, "clustered").
	it.each([
		[20, 10, 3, 18],
		[12, 4, 1, 12],
		[100, 50, 35, 66],
		[1200, 400, 538, 663],
		[30, 30, 10, 21],
		[10, 1, 1, 10]
	])('n = %i rows, effective n %d → ranks %i..%i', (n, neff, lo, hi) => {
		expect.hasAssertions();
		expect(clusteredRankInterval(n, neff)).toMatchObject({ lowerRank: lo, upperRank: hi });
	});

	it('without repeats nothing changes', () => {
		expect.hasAssertions();
		const y = [25, 29, 35, 36, 36, 40, 41, 43, 44, 54];
		expect(clusterEffectiveN(new Uint32Array(10).fill(1))).toBe(10);
		expect(medianEstimateClusteredSorted(y, 10)).toEqual(medianEstimateSorted(y));
		expect(medianEstimateSorted(y)).toMatchObject({ effectiveN: 10, designEffect: 1 });
	});

	it('five values repeated three times: n 20, effective n 8, SE read over the ranks of 8', () => {
		expect.hasAssertions();
		const rows = [...Array.from({ length: 10 }, (_, i) => 1000 * (i + 1)), ...[1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((k) => 1000 * k)];
		const sizes = rows.map((v) => (v <= 5000 ? 3 : 1));
		const values = asc(rows);
		const neff = clusterEffectiveN(sizes);
		expect(neff).toBe(8);
		const e = medianEstimateClusteredSorted(values, neff)!;
		expect(e.median).toBe(4000);
		expect(e.interval).toMatchObject({ lower: 1000, upper: 10_000 });
		expect(e.se).toBeCloseTo(1691.6864151339835, 9);
		expect(e.seLog).toBeCloseTo(0.4328057690564499, 12);
		expect(e.designEffect).toBe(2.5);
		// Wider than the SE of 20 independent rows.
		expect(e.se).toBeGreaterThan(medianSeSorted(values)!.se);
	});

	it('property: clustering never narrows the interval or the SE', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbValues(10, 400), fc.double({ min: 0.05, max: 1, noNaN: true }), (values, frac) => {
				const s = asc(values);
				const plain = medianEstimateSorted(s)!;
				const c = medianEstimateClusteredSorted(s, frac * s.length)!;
				expect(c.median).toBe(plain.median);
				expect(c.interval.lowerRank).toBeLessThanOrEqual(plain.interval.lowerRank);
				expect(c.interval.upperRank).toBeGreaterThanOrEqual(plain.interval.upperRank);
				expect(c.se).toBeGreaterThanOrEqual(plain.se);
			}),
			{ seed: 13, numRuns: 200 }
		);
	});
});

describe('small samples, other confidence levels and missing percent intervals', () => {
	// Exact ranks and coverage from math.comb with exact fractions (as in testing/expected-values.py).
	it.each([
		[1, 0.95, 1, 1, 0],
		[2, 0.95, 1, 2, 0.5],
		[4, 0.95, 1, 4, 0.875],
		[30, 0.9, 11, 20, 0.901262853294611],
		[10, 0, 5, 6, 0.24609375],
		[11, 0, 6, 6, 0]
	])('n = %i at confidence %f → ranks %i..%i, coverage %f', (n, confidence, lo, hi, coverage) => {
		expect.hasAssertions();
		const r = medianRankInterval(n, confidence)!;
		expect(r).toMatchObject({ lowerRank: lo, upperRank: hi, method: 'exact-binomial' });
		expect(r.coverage).toBeCloseTo(coverage, 12);
	});

	it('no interval for n = 0 or a non-number', () => {
		expect.hasAssertions();
		expect(medianRankInterval(0)).toBeNull();
		expect(medianRankInterval(Number.NaN)).toBeNull();
		expect(medianRankInterval(-3)).toBeNull();
	});

	it('n = 1 gives no estimate and no gap (null, never an exception)', () => {
		expect.hasAssertions();
		expect(priceBonettRank(1)).toBeNull();
		expect(medianSeSorted([5])).toBeNull();
		expect(medianEstimateSorted([5])).toBeNull();
		expect(medianGapSorted([5], asc([1, 2, 3]))).toBeNull();
		expect(medianGapSorted(asc([1, 2, 3]), [5])).toBeNull();
		expect(medianGapSorted([], [])).toBeNull();
	});

	it.each([
		[2, 1, 0.6744897501960817],
		[3, 1, 1.1503493803760079],
		[10, 2, 2.2993622974032286]
	])('Price–Bonett rank and z0 for n = %i (Python NormalDist)', (n, rank, z0) => {
		expect.hasAssertions();
		const pb = priceBonettRank(n)!;
		expect(pb.rank).toBe(rank);
		expect(pb.z0).toBeCloseTo(z0, 10);
	});

	it('n = 2: the SE spans the two values; the interval is the pair', () => {
		expect.hasAssertions();
		const e = medianEstimateSorted([10, 30])!;
		expect(e.median).toBe(20);
		expect(e.se).toBeCloseTo(20 / (2 * 0.6744897501960817), 10);
		expect(e.seLog).toBeCloseTo(Math.log(3) / (2 * 0.6744897501960817), 10);
		expect(e.interval).toMatchObject({ lower: 10, upper: 30, lowerRank: 1, upperRank: 2 });
	});

	it('a zero at a bounding rank has no log-scale SE, and then no percent interval', () => {
		expect.hasAssertions();
		expect(medianSeSorted([0, 0, 5, 8])!.seLog).toBeNaN();
		expect(medianSeSorted([-1, 2, 5, 8])!.seLog).toBeNaN();
		expect(medianSeSorted([1, 2, 5, 8])!.seLog).toBeCloseTo(Math.log(8) / (2 * 1.5341205443525459), 10);
	});

	it('without a percent interval, the dollar interval alone decides "distinguishable"', () => {
		expect.hasAssertions();
		const clear = gapFromMedians({ median: 200, se: 1, seLog: Number.NaN }, { median: 100, se: 1, seLog: 0.01 });
		expect(clear.gapPctInterval).toBeNull();
		expect(clear.distinguishable).toBe(true);
		const unclear = gapFromMedians({ median: 101, se: 10, seLog: Number.NaN }, { median: 100, se: 10, seLog: 0.01 });
		expect(unclear.gapPctInterval).toBeNull();
		expect(unclear.distinguishable).toBe(false);
		// a zero reference median: no percent gap interval either
		expect(gapFromMedians({ median: 5, se: 1, seLog: 0.1 }, { median: 0, se: 1, seLog: 0.1 }).gapPctInterval).toBeNull();
	});

	it('a gap clearly below zero is distinguishable too; one touching zero is not', () => {
		expect.hasAssertions();
		const below = gapFromMedians({ median: 100, se: 1, seLog: 0.01 }, { median: 200, se: 1, seLog: 0.01 });
		expect(below.gapUsdInterval.upper).toBeLessThan(0);
		expect(below.gapPctInterval!.upper).toBeLessThan(0);
		expect(below.distinguishable).toBe(true);
		// z chosen so the dollar interval's lower end is exactly 0
		const touching = gapFromMedians({ median: 110, se: 3, seLog: 0.001 }, { median: 100, se: 4, seLog: 0.001 }, 2);
		expect(touching.gapUsdInterval.lower).toBe(0);
		expect(touching.distinguishable).toBe(false);
		const touchingBelow = gapFromMedians({ median: 90, se: 3, seLog: 0.001 }, { median: 100, se: 4, seLog: 0.001 }, 2);
		expect(touchingBelow.gapUsdInterval.upper).toBe(0);
		expect(touchingBelow.distinguishable).toBe(false);
	});

	it('binomial CDF: exact below 1000, normal with continuity correction above', () => {
		expect.hasAssertions();
		expect(binomialHalfCdf(0, 10)).toBe(1 / 1024);
		expect(binomialHalfCdf(9, 10)).toBe(1023 / 1024);
		expect(binomialHalfCdf(11, 10)).toBe(1);
		expect(binomialHalfCdf(1000, 1000)).toBe(1);
		// Python NormalDist().cdf((k + 0.5 − n/2) / (√n / 2)) for n = 1001, k = 480; the exact value is 0.1030537
		expect(binomialHalfCdf(480, 1001)).toBeCloseTo(0.10306493734557792, 9);
		expect(binomialHalfCdf(500, 1001)).toBeCloseTo(0.5, 12);
	});
});

describe('the exact/approximate switch at n = 1000', () => {
	it('n = 1000 is still exact (math.comb with exact fractions); the normal value differs in the 5th digit', () => {
		expect.hasAssertions();
		expect(binomialHalfCdf(480, 1000)).toBeCloseTo(0.10872414660207047, 12);
		expect(Math.abs(0.10873411307177117 - 0.10872414660207047)).toBeGreaterThan(1e-6);
	});
});
