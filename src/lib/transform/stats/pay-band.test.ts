import { describe, expect, it } from 'vitest';
import { payBandPositionSorted, percentileRankSorted } from './pay-band';

describe('pay-band position', () => {
	// Hand-computed: 100 × (strictly below + half of ties) / n.
	it.each([
		[[10, 20, 20, 30], 20, 50], // (1 + 1) / 4
		[[10, 20, 20, 30], 25, 75], // 3 / 4
		[[10, 20, 20, 30], 5, 0],
		[[10, 20, 20, 30], 30, 87.5], // (3 + 0.5) / 4
		[[10, 20, 20, 30], 31, 100],
		[[7, 7, 7], 7, 50],
		[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, 25] // (2 + 0.5) / 10
	])('%j at %d → %d', (values, salary, pct) => {
		expect.hasAssertions();
		const input = values.slice();
		expect(percentileRankSorted(values, salary)).toBeCloseTo(pct, 12);
		expect(values).toEqual(input);
	});

	it('empty → null; suppressed below 10 rows', () => {
		expect.hasAssertions();
		expect(percentileRankSorted([], 5)).toBeNull();
		expect(payBandPositionSorted([1, 2, 3], 2)).toEqual({ n: 3, support: 'suppressed', percentile: null });
		expect(payBandPositionSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual({ n: 10, support: 'low', percentile: 25 });
	});
});
