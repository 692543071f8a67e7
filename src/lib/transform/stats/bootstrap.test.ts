import { median, quantileSorted } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapGapClustered, bootstrapGapSorted, clustersOf, mulberry32 } from './bootstrap';
import { clusterEffectiveN } from './intervals';
import { gapSummary, summarizeSorted } from './summary';
import { arbValues } from './testing/rows';

const asc = (xs: number[]) => Float64Array.from(xs).sort();

describe('bootstrap (optional)', () => {
	it('mulberry32 matches an independent implementation (Python, same integer steps)', () => {
		expect.hasAssertions();
		const r = mulberry32(42);
		// testing/expected-values.py, mulberry32(42) first three draws
		expect([r(), r(), r()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
	});

	it('property: same seed, same interval; the interval is ordered', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbValues(10, 60), arbValues(10, 60), fc.integer(), (a, b, seed) => {
				const x = bootstrapGapSorted(asc(a), asc(b), { seed, resamples: 200 })!;
				const y = bootstrapGapSorted(asc(a), asc(b), { seed, resamples: 200 })!;
				expect(y).toEqual(x);
				expect(x.gapUsdInterval!.lower).toBeLessThanOrEqual(x.gapUsdInterval!.upper);
				expect(x.gapPctInterval.lower).toBeLessThanOrEqual(x.gapPctInterval.upper);
			}),
			{ seed: 3, numRuns: 50 }
		);
	});

	it('covers a clear gap and is null for an empty group', () => {
		expect.hasAssertions();
		const a = asc(Array.from({ length: 200 }, (_, i) => 150_000 + 100 * i));
		const b = asc(Array.from({ length: 200 }, (_, i) => 100_000 + 100 * i));
		const g = bootstrapGapSorted(a, b, { seed: 1 })!;
		expect(g.resamples).toBe(1000);
		expect(g.gapUsdInterval!.lower).toBeGreaterThan(45_000);
		expect(g.gapUsdInterval!.upper).toBeLessThan(55_000);
		expect(bootstrapGapSorted(a, new Float64Array(0), { seed: 1 })).toBeNull();
	});
});

describe('cluster bootstrap (identical rows resampled together)', () => {
	it('clusters from ids; with every cluster of size 1 it is the row bootstrap', () => {
		expect.hasAssertions();
		expect(clustersOf([1, 2, 2, 5], [9, 4, 4, 7])).toEqual({ values: Float64Array.from([1, 2, 5]), sizes: Uint32Array.from([1, 2, 1]) });
		fc.assert(
			fc.property(arbValues(10, 60), arbValues(10, 60), fc.integer(), (a, b, seed) => {
				const sa = asc(a);
				const sb = asc(b);
				const ids = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
				const c = bootstrapGapClustered(clustersOf(sa, ids(sa.length)), clustersOf(sb, ids(sb.length)), { seed, resamples: 100 });
				expect(c).toEqual(bootstrapGapSorted(sa, sb, { seed, resamples: 100 }));
			}),
			{ seed: 5, numRuns: 40 }
		);
	});

	/** A group of `k` distinct pay values (skewed), each repeated 1–`maxSize` times (skewed towards 1). */
	function clusteredGroup(seed: number, k: number, centre: number, maxSize: number) {
		const r = mulberry32(seed);
		const rows: { value: number; id: number }[] = [];
		for (let j = 0; j < k; j++) {
			const value = Math.round(centre * Math.exp(0.4 * (r() + r() + r() - 1.5)));
			const size = 1 + Math.floor(maxSize * r() ** 3);
			for (let i = 0; i < size; i++) rows.push({ value, id: j });
		}
		rows.sort((x, y) => x.value - y.value);
		const values = Float64Array.from(rows, (x) => x.value);
		const ids = Int32Array.from(rows, (x) => x.id);
		const sizes = Uint32Array.from(ids, (id) => rows.filter((x) => x.id === id).length);
		return { values, ids, effectiveN: clusterEffectiveN(sizes) };
	}

	it.each([1, 2, 3, 4, 5, 6, 7, 8])('the effective-n gap interval agrees with a 2,000-resample cluster bootstrap (seed %i)', (seed) => {
		expect.hasAssertions();
		const a = clusteredGroup(seed, 80, 150_000, 30);
		const b = clusteredGroup(seed + 100, 150, 180_000, 30);
		const clustered = gapSummary(summarizeSorted(a.values, a.effectiveN), summarizeSorted(b.values, b.effectiveN)).estimate!;
		const naive = gapSummary(summarizeSorted(a.values), summarizeSorted(b.values)).estimate!;
		const boot = bootstrapGapClustered(clustersOf(a.values, a.ids), clustersOf(b.values, b.ids), { seed, resamples: 2000 })!;
		const width = (i: { lower: number; upper: number }) => i.upper - i.lower;
		const w = width(boot.gapUsdInterval!);
		// Same width within a third, ends within 30% of the bootstrap width…
		expect(width(clustered.gapUsdInterval!) / w).toBeGreaterThan(0.67);
		expect(width(clustered.gapUsdInterval!) / w).toBeLessThan(1.5);
		expect(Math.abs(clustered.gapUsdInterval!.lower - boot.gapUsdInterval!.lower)).toBeLessThan(0.3 * w);
		expect(Math.abs(clustered.gapUsdInterval!.upper - boot.gapUsdInterval!.upper)).toBeLessThan(0.3 * w);
		// …while treating the repeats as independent reports is far too narrow.
		expect(width(naive.gapUsdInterval!) / w).toBeLessThan(0.6);
	});
});

describe('bootstrap against a plain resample-and-sort implementation', () => {
	/** Same draws (each group in turn, index = ⌊u·n⌋), but with real resamples, d3's median and sorting. */
	function plainBootstrap(a: number[], b: number[], seed: number, resamples: number, confidence = 0.95) {
		const rand = mulberry32(seed);
		const resampleMedian = (xs: number[]) => median(Array.from(xs, () => xs[Math.floor(rand() * xs.length)]!))!;
		const usd: number[] = [];
		const pct: number[] = [];
		for (let r = 0; r < resamples; r++) {
			const ma = resampleMedian(a);
			const mb = resampleMedian(b);
			usd.push(ma - mb);
			pct.push(100 * (ma / mb - 1));
		}
		usd.sort((x, y) => x - y);
		pct.sort((x, y) => x - y);
		const tail = (1 - confidence) / 2;
		return {
			usd: [quantileSorted(usd, tail)!, quantileSorted(usd, 1 - tail)!],
			pct: [quantileSorted(pct, tail)!, quantileSorted(pct, 1 - tail)!]
		};
	}

	it.each([
		[[5, 1, 9, 3, 7, 2, 8], [4, 6, 2, 10, 3, 3], 11, 300, 0.95],
		[[100, 200, 300, 400], [150, 250], 12, 200, 0.8],
		[[42], [40, 41], 13, 50, 0.95],
		[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22], 14, 400, 0.5]
	])('%j vs %j, seed %i, %i resamples at %f', (a, b, seed, resamples, confidence) => {
		expect.hasAssertions();
		const g = bootstrapGapSorted(asc(a), asc(b), { seed, resamples, confidence })!;
		const want = plainBootstrap(Array.from(asc(a)), Array.from(asc(b)), seed, resamples, confidence);
		expect(g.seed).toBe(seed);
		expect(g.resamples).toBe(resamples);
		expect(g.gapUsdInterval!.lower).toBeCloseTo(want.usd[0]!, 9);
		expect(g.gapUsdInterval!.upper).toBeCloseTo(want.usd[1]!, 9);
		expect(g.gapPctInterval.lower).toBeCloseTo(want.pct[0]!, 9);
		expect(g.gapPctInterval.upper).toBeCloseTo(want.pct[1]!, 9);
	});

	it('a lower confidence gives a narrower interval; a different seed a different one', () => {
		expect.hasAssertions();
		const a = asc(Array.from({ length: 40 }, (_, i) => 100 + ((i * 37) % 50)));
		const b = asc(Array.from({ length: 40 }, (_, i) => 90 + ((i * 23) % 50)));
		const wide = bootstrapGapSorted(a, b, { seed: 5, resamples: 300 })!;
		const narrow = bootstrapGapSorted(a, b, { seed: 5, resamples: 300, confidence: 0.5 })!;
		expect(narrow.gapUsdInterval!.upper - narrow.gapUsdInterval!.lower).toBeLessThan(
			wide.gapUsdInterval!.upper - wide.gapUsdInterval!.lower
		);
		expect(bootstrapGapSorted(a, b, { seed: 6, resamples: 300 })).not.toEqual(wide);
		expect(bootstrapGapSorted(new Float64Array(0), b, { seed: 1 })).toBeNull();
	});
});
