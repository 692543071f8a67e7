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
