import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import { familyRow } from '$lib/transform/stats/testing/rows';
import { monthlyMeans, sectorByMonth, shareByMonth, shareMarkets, sizeShares } from './demand';
import { seq } from './testing/year-rows';

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

describe('demand view models', () => {
	it('markets A–Z, once each', () => {
		expect.hasAssertions();
		const share = (country: string) => ({ date: '2024-01-01', country, sharePct: 1 });
		expect(shareMarkets([share('US'), share('DE'), share('US'), share('AU')])).toEqual(['AU', 'DE', 'US']);
	});

	it('sector months: one country, one sector, total postings only', () => {
		expect.hasAssertions();
		const r = (date: string, country: string, sector: string, variable: 'total postings' | 'new postings', index: number) => ({
			date,
			country,
			sector,
			variable,
			index
		});
		const rows = [
			r('2024-01-01', 'US', 'Software', 'total postings', 100),
			r('2024-01-15', 'US', 'Software', 'total postings', 110),
			r('2024-01-15', 'US', 'Software', 'new postings', 999),
			r('2024-01-15', 'GB', 'Software', 'total postings', 999),
			r('2024-01-15', 'US', 'Nursing', 'total postings', 999)
		];
		expect(sectorByMonth(rows, 'US', 'Software')).toEqual([{ month: '2024-01-01', value: 105, days: 2 }]);
	});

	it('size shares per year and family; null share without reports; views must be grouped by size', () => {
		expect.hasAssertions();
		const sized = [
			...seq(100_000, 6).map((v) => familyRow('AI', { workYear: 2024, companySize: 'S', salaryUsd: v })),
			...seq(100_000, 2).map((v) => familyRow('AI', { workYear: 2024, companySize: 'L', salaryUsd: v })),
			...seq(100_000, 3).map((v) => familyRow('ML', { workYear: 2024, companySize: 'M', salaryUsd: v }))
		];
		const view = computeStats(sized, DEFAULT_FILTERS, { groupBy: 'companySize' });
		const empty = computeStats([], DEFAULT_FILTERS, { groupBy: 'companySize' });
		const out = sizeShares([
			{ year: 2024, stats: view },
			{ year: 2025, stats: empty }
		]);
		expect(out.map((s) => [s.year, s.family, s.total])).toEqual([
			[2024, 'AI', 8],
			[2024, 'ML', 3],
			[2025, 'AI', 0],
			[2025, 'ML', 0]
		]);
		expect(out[0]!.bySize).toEqual({ S: { n: 6, sharePct: 75 }, M: { n: 0, sharePct: 0 }, L: { n: 2, sharePct: 25 } });
		expect(out[1]!.bySize.M).toEqual({ n: 3, sharePct: 100 });
		expect(out[2]!.bySize.S).toEqual({ n: 0, sharePct: null });
		expect(() => sizeShares([{ year: 2024, stats: computeStats(sized, DEFAULT_FILTERS, {}) }])).toThrow(/grouped by companySize/);
	});
});
