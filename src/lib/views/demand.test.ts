import { describe, expect, it } from 'vitest';
import { monthlyMeans, shareByMonth } from './demand';

describe('monthlyMeans', () => {
	it('averages daily values per calendar month, in month order, without changing the input', () => {
		expect.hasAssertions();
		const input = [
			{ date: '2024-02-01', value: 10 },
			{ date: '2024-01-31', value: 3 },
			{ date: '2024-01-01', value: 1 },
			{ date: '2024-02-29', value: 20 }
		];
		const copy = structuredClone(input);
		// By hand: Jan (1 + 3) / 2 = 2; Feb (10 + 20) / 2 = 15.
		expect(monthlyMeans(input)).toEqual([
			{ month: '2024-01-01', value: 2, days: 2 },
			{ month: '2024-02-01', value: 15, days: 2 }
		]);
		expect(input).toEqual(copy);
	});

	it('keeps one country only', () => {
		expect.hasAssertions();
		const rows = [
			{ date: '2024-01-01', country: 'US', sharePct: 4 },
			{ date: '2024-01-01', country: 'GB', sharePct: 9 }
		];
		expect(shareByMonth(rows, 'US')).toEqual([{ month: '2024-01-01', value: 4, days: 1 }]);
	});
});
