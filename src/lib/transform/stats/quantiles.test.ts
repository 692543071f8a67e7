import fc from 'fast-check';
import { quantile as d3Quantile } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { isSortedBySalary, quantileOfSorted, quantiles, quantilesSorted, sortBySalary } from './quantiles';
import { summarize, summarizeSorted } from './summary';
import { SUPPRESS_BELOW } from './constants';
import { arbValues, row } from './testing/rows';

// Expected quantiles computed with plain Python (type 7: h = (n-1)p, linear interpolation),
// testing/expected-values.py; they agree with R's quantile(type = 7).
const CASES: [number[], [number, number, number, number, number]][] = [
	[
		[1, 2, 3, 4],
		[1.3, 1.75, 2.5, 3.25, 3.7]
	],
	[[5], [5, 5, 5, 5, 5]],
	[
		[10, 20, 20, 30, 100],
		[14, 20, 20, 30, 72]
	],
	[
		[0.5, 1.5],
		[0.6, 0.75, 1, 1.25, 1.4]
	],
	[
		[10, 30, 20],
		[12, 15, 20, 25, 28]
	],
	[
		[3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
		[1, 2.5, 4, 5, 6]
	]
];

describe('quantiles', () => {
	it.each(CASES)('%j → p10…p90 %j', (values, [p10, p25, median, p75, p90]) => {
		expect.hasAssertions();
		const input = values.slice();
		const q = quantiles(values)!;
		expect(q.p10).toBeCloseTo(p10, 10);
		expect(q.p25).toBeCloseTo(p25, 10);
		expect(q.median).toBeCloseTo(median, 10);
		expect(q.p75).toBeCloseTo(p75, 10);
		expect(q.p90).toBeCloseTo(p90, 10);
		expect(values).toEqual(input); // the input is unchanged
	});

	it('empty input gives null, and NaN for a single quantile', () => {
		expect.hasAssertions();
		expect(quantilesSorted([])).toBeNull();
		expect(quantileOfSorted(new Float64Array(0), 0.5)).toBeNaN();
	});

	it('works on typed arrays', () => {
		expect.hasAssertions();
		expect(quantileOfSorted(Float64Array.of(1, 2, 3, 4), 0.1)).toBeCloseTo(1.3, 12);
	});

	it('sortBySalary sorts a copy, stably, and leaves the input alone', () => {
		expect.hasAssertions();
		const rows = [
			row({ salaryUsd: 3, line: 2 }),
			row({ salaryUsd: 1, line: 3 }),
			row({ salaryUsd: 3, line: 4 }),
			row({ salaryUsd: 2, line: 5 })
		];
		const before = rows.map((r) => r.line);
		const sorted = sortBySalary(rows);
		expect(sorted.map((r) => r.line)).toEqual([3, 5, 2, 4]);
		expect(rows.map((r) => r.line)).toEqual(before);
		expect(isSortedBySalary(sorted)).toBe(true);
		expect(isSortedBySalary(rows)).toBe(false);
	});

	it('small-sample rule: suppressed below SUPPRESS_BELOW, low below 30', () => {
		expect.hasAssertions();
		const nine = Array.from({ length: SUPPRESS_BELOW - 1 }, (_, i) => i + 1);
		expect(summarize(nine)).toEqual({ n: 9, effectiveN: 9, support: 'suppressed', quantiles: null, median: null });
		const ten = summarize([...nine, 10]);
		expect(ten.support).toBe('low');
		expect(ten.quantiles?.median).toBe(5.5);
		expect(summarize(Array.from({ length: 30 }, (_, i) => i)).support).toBe('ok');
	});

	it('property: p10 ≤ p25 ≤ median ≤ p75 ≤ p90, and equal to d3.quantile', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbValues(1, 300), (values) => {
				const q = quantiles(values)!;
				expect(q.p10).toBeLessThanOrEqual(q.p25);
				expect(q.p25).toBeLessThanOrEqual(q.median);
				expect(q.median).toBeLessThanOrEqual(q.p75);
				expect(q.p75).toBeLessThanOrEqual(q.p90);
				expect(q.p90).toBe(d3Quantile(values, 0.9));
			}),
			{ seed: 20261128, numRuns: 300 }
		);
	});

	it('property: summaries do not depend on the order of the values', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbValues(0, 200), fc.nat(), (values, seed) => {
				const reversed = values.slice().reverse();
				const rotated = values.slice(seed % (values.length || 1)).concat(values.slice(0, seed % (values.length || 1)));
				expect(summarize(reversed)).toEqual(summarize(values));
				expect(summarize(rotated)).toEqual(summarize(values));
				expect(summarizeSorted(Float64Array.from(values).sort())).toEqual(summarize(values));
			}),
			{ seed: 7, numRuns: 200 }
		);
	});
});
