import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_INTERVAL_EFFECTIVE_N, Z_95 } from './constants';
import {
	clusterEffectiveN,
	gapFromMedians,
	gapVerdict,
	medianEstimateClusteredSorted,
	medianEstimateSorted,
	medianGapSorted,
	woodruffLevels
} from './intervals';
import { quantileOfSorted } from './quantiles';
import { arbValues } from './testing/rows';

const asc = (xs: number[]) => Float64Array.from(xs).sort();

// Expected values: plain Python, testing/expected-values.py ("intervals.test.ts: Woodruff intervals").
describe('median interval (Woodruff, on the effective n)', () => {
	it('levels ½ ∓ z/(2√n): n = 100 → 0.402, 0.598; none under the minimum effective n', () => {
		expect.hasAssertions();
		const l = woodruffLevels(100)!;
		expect(l.lower).toBeCloseTo(0.5 - Z_95 / 20, 15);
		expect(l.upper).toBeCloseTo(0.5 + Z_95 / 20, 15);
		expect(woodruffLevels(MIN_INTERVAL_EFFECTIVE_N)).not.toBeNull();
		expect(woodruffLevels(MIN_INTERVAL_EFFECTIVE_N - 0.01)).toBeNull();
		expect(woodruffLevels(Number.NaN)).toBeNull();
		// z large enough to pass ½: clamped to [0, 1]
		expect(woodruffLevels(6, 10)).toEqual({ lower: 0, upper: 1 });
	});

	it('y = 25 29 35 36 36 40 41 43 44 54 → median 38, [33.2655, 43.2891], SE 2.55707', () => {
		expect.hasAssertions();
		const y = [25, 29, 35, 36, 36, 40, 41, 43, 44, 54];
		const input = y.slice();
		const e = medianEstimateSorted(y)!;
		expect(e.median).toBe(38);
		expect(e.interval!.lower).toBeCloseTo(33.265534127776846, 10);
		expect(e.interval!.upper).toBeCloseTo(43.289077645370526, 10);
		expect(e.se).toBeCloseTo(2.5570733943730892, 10);
		expect(e.seLog).toBeCloseTo(0.06718962875761196, 12);
		expect(e).toMatchObject({ effectiveN: 10, designEffect: 1 });
		expect(y).toEqual(input);
	});

	it('1..100 → [40.7982, 60.2018], SE 4.95; six values → [14.996, 55.004]', () => {
		expect.hasAssertions();
		const e = medianEstimateSorted(Array.from({ length: 100 }, (_, i) => i + 1))!;
		expect(e.interval!.lower).toBeCloseTo(40.798178276526734, 10);
		expect(e.interval!.upper).toBeCloseTo(60.201821723473266, 10);
		expect(e.se).toBeCloseTo(4.95, 10);
		const six = medianEstimateSorted([10, 20, 30, 40, 50, 60])!;
		expect(six.interval!.lower).toBeCloseTo(14.996201348519545, 10);
		expect(six.interval!.upper).toBeCloseTo(55.00379865148045, 10);
		expect(six.seLog).toBeCloseTo(0.33153806240587214, 12);
	});

	it('five values repeated three times: n 20, effective n 8 → [1916.96, 7083.04], SE 1317.90', () => {
		expect.hasAssertions();
		const rows = [...Array.from({ length: 10 }, (_, i) => 1000 * (i + 1)), ...[1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((k) => 1000 * k)];
		const sizes = rows.map((v) => (v <= 5000 ? 3 : 1));
		const values = asc(rows);
		const neff = clusterEffectiveN(sizes);
		expect(neff).toBe(8);
		const e = medianEstimateClusteredSorted(values, neff)!;
		expect(e.median).toBe(4000);
		expect(e.interval!.lower).toBeCloseTo(1916.956834339032, 8);
		expect(e.interval!.upper).toBeCloseTo(7083.043165660967, 8);
		expect(e.se).toBeCloseTo(1317.9033829374841, 8);
		expect(e.seLog).toBeCloseTo(0.3334154874306158, 12);
		expect(e.designEffect).toBe(2.5);
		// Wider than the interval of 20 independent rows.
		expect(e.se!).toBeGreaterThan(medianEstimateSorted(values)!.se!);
	});

	it('under the minimum effective n: the median, no interval and no SE', () => {
		expect.hasAssertions();
		const values = asc([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
		const e = medianEstimateClusteredSorted(values, 5.9)!;
		expect(e).toMatchObject({ median: 65, interval: null, se: null, seLog: null, effectiveN: 5.9 });
		expect(e.designEffect).toBeCloseTo(12 / 5.9, 12);
		expect(medianEstimateClusteredSorted(values, 6)!.interval).not.toBeNull();
		// A non-positive effective n means "no repeats": the row count.
		expect(medianEstimateClusteredSorted(values, 0)!.effectiveN).toBe(12);
		// Never above the row count.
		expect(medianEstimateClusteredSorted(values, 40)!.effectiveN).toBe(12);
		expect(medianEstimateSorted([5])).toMatchObject({ median: 5, interval: null });
		expect(medianEstimateSorted([])).toBeNull();
	});

	it('a non-positive lower end has no log-scale SE', () => {
		expect.hasAssertions();
		const e = medianEstimateSorted([-5, 0, 0, 0, 1, 2, 3, 4, 5, 6])!;
		expect(e.interval!.lower).toBeLessThanOrEqual(0);
		expect(e.se).not.toBeNull();
		expect(e.seLog).toBeNull();
	});
});

describe('gap between two medians', () => {
	it('ci.median2 data: gap −85, SE 35.2299, [−154.049, −15.951]; percent [−77.51%, −1.62%] → distinguishable', () => {
		expect.hasAssertions();
		const y1 = asc([70, 394, 43, 95, 62, 128, 2, 203, 81, 436, 85, 35, 156, 1, 3, 27, 63, 181, 184, 18]);
		const y2 = asc([102, 120, 78, 78, 417, 124, 86, 171, 176, 129, 230, 194, 100, 157, 306, 411, 164, 103, 193, 312]);
		const g = medianGapSorted(y1, y2)!;
		expect(g).toMatchObject({ medianA: 75.5, medianB: 160.5, gapUsd: -85 });
		expect(g.seUsd).toBeCloseTo(35.22993331545349, 8);
		expect(g.gapUsdInterval!.lower).toBeCloseTo(-154.04940047603662, 8);
		expect(g.gapUsdInterval!.upper).toBeCloseTo(-15.95059952396339, 8);
		expect(g.gapPctInterval!.lower).toBeCloseTo(-77.50829347724233, 8);
		expect(g.gapPctInterval!.upper).toBeCloseTo(-1.6166918473965675, 8);
		expect(g.verdict).toBe('distinguishable');
		expect(g.distinguishable).toBe(true);
	});

	it('ci.ratio.median2 data: gap 6, [−1.655, 13.655]; percent [−4.63%, +41.63%] → not distinguishable', () => {
		expect.hasAssertions();
		const y1 = asc([36, 44, 47, 42, 49, 39, 46, 31, 33, 48]);
		const y2 = asc([32, 39, 26, 35, 43, 27, 40, 37, 34, 29, 49, 42, 40]);
		const g = medianGapSorted(y1, y2)!;
		expect(g.gapPct).toBeCloseTo(16.216216216216207, 10);
		expect(g.gapUsdInterval!.lower).toBeCloseTo(-1.6552699274175522, 8);
		expect(g.gapUsdInterval!.upper).toBeCloseTo(13.655269927417553, 8);
		expect(g.gapPctInterval!.lower).toBeCloseTo(-4.6345748545002845, 8);
		expect(g.gapPctInterval!.upper).toBeCloseTo(41.6258449119038, 8);
		expect(g.verdict).toBe('not-distinguishable');
		expect(g.distinguishable).toBe(false);
	});

	it('gapFromMedians combines standard errors in quadrature; intervals that disagree are named', () => {
		expect.hasAssertions();
		// SE = √(3² + 4²) = 5; interval 10 ± 1.959964 · 5.
		const g = gapFromMedians({ median: 110, se: 3, seLog: 0.03 }, { median: 100, se: 4, seLog: 0.04 });
		expect(g.gapUsd).toBe(10);
		expect(g.seUsd).toBe(5);
		expect(g.gapUsdInterval!.lower).toBeCloseTo(10 - Z_95 * 5, 12);
		expect(g.gapUsdInterval!.upper).toBeCloseTo(10 + Z_95 * 5, 12);
		expect(g.gapPct).toBeCloseTo(10, 12);
		expect(g.seLogRatio).toBeCloseTo(0.05, 15);
		// log ratio ln 1.1 ± z·0.05 → 100·(e^… − 1)
		expect(g.gapPctInterval!.lower).toBeCloseTo(100 * (Math.exp(Math.log(1.1) - Z_95 * 0.05) - 1), 10);
		expect(g.gapPctInterval!.upper).toBeCloseTo(100 * (Math.exp(Math.log(1.1) + Z_95 * 0.05) - 1), 10);
		// Dollars: [0.20, 19.80] excludes 0; percent: ln 1.1 = 0.0953 ± 0.0980 spans 0.
		expect(g.verdict).toBe('intervals-disagree');
		expect(g.distinguishable).toBe(false);
	});

	it('no interval and no verdict when either side has no SE', () => {
		expect.hasAssertions();
		for (const [a, b] of [
			[null, 3],
			[3, null],
			[null, null]
		] as const) {
			const g = gapFromMedians({ median: 120, se: a, seLog: a && 0.01 }, { median: 100, se: b, seLog: b && 0.01 });
			expect(g).toMatchObject({
				gapUsd: 20,
				gapUsdInterval: null,
				seUsd: null,
				gapPctInterval: null,
				seLogRatio: null,
				verdict: 'no-interval',
				distinguishable: null
			});
			expect(g.gapPct).toBeCloseTo(20, 12);
		}
	});

	it('without a log-scale SE, the dollar interval alone decides', () => {
		expect.hasAssertions();
		const clear = gapFromMedians({ median: 200, se: 1, seLog: null }, { median: 100, se: 1, seLog: 0.01 });
		expect(clear.gapPctInterval).toBeNull();
		expect(clear.seLogRatio).toBeNull();
		expect(clear.verdict).toBe('distinguishable');
		const unclear = gapFromMedians({ median: 101, se: 10, seLog: null }, { median: 100, se: 10, seLog: 0.01 });
		expect(unclear.verdict).toBe('not-distinguishable');
		// a zero reference median: no percent gap interval either
		expect(gapFromMedians({ median: 5, se: 1, seLog: 0.1 }, { median: 0, se: 1, seLog: 0.1 }).gapPctInterval).toBeNull();
	});

	it('a gap clearly below zero is distinguishable; one touching zero is not', () => {
		expect.hasAssertions();
		const below = gapFromMedians({ median: 100, se: 1, seLog: 0.01 }, { median: 200, se: 1, seLog: 0.01 });
		expect(below.gapUsdInterval!.upper).toBeLessThan(0);
		expect(below.gapPctInterval!.upper).toBeLessThan(0);
		expect(below.verdict).toBe('distinguishable');
		// z chosen so the dollar interval's lower end is exactly 0
		const touching = gapFromMedians({ median: 110, se: 3, seLog: 0.001 }, { median: 100, se: 4, seLog: 0.001 }, 2);
		expect(touching.gapUsdInterval!.lower).toBe(0);
		expect(touching.verdict).toBe('intervals-disagree');
		const touchingBelow = gapFromMedians({ median: 90, se: 3, seLog: 0.001 }, { median: 100, se: 4, seLog: 0.001 }, 2);
		expect(touchingBelow.gapUsdInterval!.upper).toBe(0);
		expect(touchingBelow.distinguishable).toBe(false);
	});

	it('gapVerdict: the four cases', () => {
		expect.hasAssertions();
		const i = (lower: number, upper: number) => ({ lower, upper });
		expect(gapVerdict(null, i(1, 2))).toBe('no-interval');
		expect(gapVerdict(i(1, 2), i(1, 2))).toBe('distinguishable');
		expect(gapVerdict(i(-2, -1), null)).toBe('distinguishable');
		expect(gapVerdict(i(-1, 2), i(-1, 2))).toBe('not-distinguishable');
		expect(gapVerdict(i(-1, 2), null)).toBe('not-distinguishable');
		expect(gapVerdict(i(1, 2), i(-1, 2))).toBe('intervals-disagree');
		expect(gapVerdict(i(-1, 2), i(1, 2))).toBe('intervals-disagree');
		expect(gapVerdict(i(0, 2), i(1, 2))).toBe('intervals-disagree');
	});

	it('empty groups give no gap', () => {
		expect.hasAssertions();
		expect(medianGapSorted([], asc([1, 2, 3]))).toBeNull();
		expect(medianGapSorted(asc([1, 2, 3]), [])).toBeNull();
		expect(medianGapSorted([5], asc([1, 2, 3]))!.verdict).toBe('no-interval');
	});
});

describe('properties', () => {
	it('the interval holds the median and lies at the quantiles ½ ∓ z/(2√n)', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(fc.oneof(arbValues(6, 60), arbValues(900, 1300)), (values) => {
				const s = asc(values);
				const e = medianEstimateSorted(s)!;
				const h = Z_95 / (2 * Math.sqrt(s.length));
				expect(e.median).toBe(quantileOfSorted(s, 0.5));
				expect(e.interval!.lower).toBe(quantileOfSorted(s, Math.max(0, 0.5 - h)));
				expect(e.interval!.upper).toBe(quantileOfSorted(s, Math.min(1, 0.5 + h)));
				expect(e.interval!.lower).toBeLessThanOrEqual(e.median);
				expect(e.interval!.upper).toBeGreaterThanOrEqual(e.median);
				expect(e.se).toBeCloseTo((e.interval!.upper - e.interval!.lower) / (2 * Z_95), 9);
			}),
			{ seed: 11, numRuns: 150 }
		);
	});

	it('a smaller effective n never narrows the interval', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbValues(10, 400), fc.double({ min: 0.05, max: 1, noNaN: true }), (values, frac) => {
				const s = asc(values);
				const plain = medianEstimateSorted(s)!;
				const c = medianEstimateClusteredSorted(s, Math.max(MIN_INTERVAL_EFFECTIVE_N, frac * s.length))!;
				expect(c.median).toBe(plain.median);
				expect(c.interval!.lower).toBeLessThanOrEqual(plain.interval!.lower);
				expect(c.interval!.upper).toBeGreaterThanOrEqual(plain.interval!.upper);
				expect(c.se!).toBeGreaterThanOrEqual(plain.se! - 1e-9);
			}),
			{ seed: 13, numRuns: 200 }
		);
	});

	it('the gap interval holds the gap and is antisymmetric in the groups', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbValues(10, 80), arbValues(10, 80), (a, b) => {
				const g = medianGapSorted(asc(a), asc(b))!;
				const h = medianGapSorted(asc(b), asc(a))!;
				expect(g.gapUsdInterval!.lower).toBeLessThanOrEqual(g.gapUsd);
				expect(g.gapUsdInterval!.upper).toBeGreaterThanOrEqual(g.gapUsd);
				expect(h.gapUsd + g.gapUsd).toBe(0);
				expect(h.seUsd).toBe(g.seUsd);
				expect(h.verdict).toBe(g.verdict);
			}),
			{ seed: 12, numRuns: 150 }
		);
	});

	it('clusterEffectiveN: N² / Σ m² over rows', () => {
		expect.hasAssertions();
		expect(clusterEffectiveN([2, 2, 1])).toBeCloseTo(9 / 5, 15);
		expect(clusterEffectiveN(new Uint32Array(10).fill(1))).toBe(10);
		expect(clusterEffectiveN([])).toBe(0);
	});
});
