import { median, quantileSorted } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapGapSorted, mulberry32 } from './bootstrap';
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
				expect(x.gapUsdInterval.lower).toBeLessThanOrEqual(x.gapUsdInterval.upper);
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
		expect(g.gapUsdInterval.lower).toBeGreaterThan(45_000);
		expect(g.gapUsdInterval.upper).toBeLessThan(55_000);
		expect(bootstrapGapSorted(a, new Float64Array(0), { seed: 1 })).toBeNull();
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
		expect(g.gapUsdInterval.lower).toBeCloseTo(want.usd[0]!, 9);
		expect(g.gapUsdInterval.upper).toBeCloseTo(want.usd[1]!, 9);
		expect(g.gapPctInterval.lower).toBeCloseTo(want.pct[0]!, 9);
		expect(g.gapPctInterval.upper).toBeCloseTo(want.pct[1]!, 9);
	});

	it('a lower confidence gives a narrower interval; a different seed a different one', () => {
		expect.hasAssertions();
		const a = asc(Array.from({ length: 40 }, (_, i) => 100 + ((i * 37) % 50)));
		const b = asc(Array.from({ length: 40 }, (_, i) => 90 + ((i * 23) % 50)));
		const wide = bootstrapGapSorted(a, b, { seed: 5, resamples: 300 })!;
		const narrow = bootstrapGapSorted(a, b, { seed: 5, resamples: 300, confidence: 0.5 })!;
		expect(narrow.gapUsdInterval.upper - narrow.gapUsdInterval.lower).toBeLessThan(wide.gapUsdInterval.upper - wide.gapUsdInterval.lower);
		expect(bootstrapGapSorted(a, b, { seed: 6, resamples: 300 })).not.toEqual(wide);
		expect(bootstrapGapSorted(new Float64Array(0), b, { seed: 1 })).toBeNull();
	});
});
