import { describe, expect, it } from 'vitest';
import { annualCpi, deflator, latestFullYear, realPay } from './real-pay';
import { cpiYear, shuffled } from './testing/rows';

describe('real pay', () => {
	// Hand-computed: 2023 months at 300 and 306 alternate (mean 303); 2024 at 310; 2025 has 11 months.
	const rows = [
		...cpiYear(2023, 300).map((r, i) => ({ ...r, index: i % 2 === 0 ? 300 : 306 })),
		...cpiYear(2024, 310),
		...cpiYear(2025, 320, 11)
	];

	it('annual averages, full years only with 12 months', () => {
		expect.hasAssertions();
		const input = JSON.stringify(rows);
		const a = annualCpi(rows);
		expect(a).toEqual([
			{ year: 2023, index: 303, months: 12, full: true },
			{ year: 2024, index: 310, months: 12, full: true },
			{ year: 2025, index: 320, months: 11, full: false }
		]);
		expect(latestFullYear(a)).toBe(2024);
		expect(JSON.stringify(rows)).toBe(input);
	});

	it('a month listed twice is averaged before the year', () => {
		expect.hasAssertions();
		const twice = [...cpiYear(2024, 310), { date: '2024-01-01', year: 2024, month: 1, index: 430 }];
		// January becomes (310 + 430) / 2 = 370; the year (370 + 11·310) / 12 = 315.
		expect(annualCpi(twice)[0]).toEqual({ year: 2024, index: 315, months: 12, full: true });
	});

	it.each([
		[2023, 2024, 310 / 303],
		[2024, 2024, 1],
		[2024, 2023, 303 / 310],
		[2025, 2024, null], // work year not full
		[2023, 2025, null], // base year not full
		[2019, 2024, null] // no CPI at all
	])('deflator(work %i, base %i) = %s', (work, base, f) => {
		expect.hasAssertions();
		const a = annualCpi(rows);
		if (f === null) expect(deflator(a, work, base)).toBeNull();
		else expect(deflator(a, work, base)).toBeCloseTo(f, 14);
	});

	it('base year defaults to the latest full year', () => {
		expect.hasAssertions();
		const a = annualCpi(rows);
		expect(realPay(100_000, a, 2023)).toBeCloseTo((100_000 * 310) / 303, 8);
		expect(deflator([], 2023)).toBeNull();
	});
});

describe('real pay: missing CPI and order', () => {
	const full = [...cpiYear(2021, 270), ...cpiYear(2022, 290), ...cpiYear(2023, 300)];

	it('realPay is null (not 0) for a year without a full CPI year, and scales by the factor otherwise', () => {
		expect.hasAssertions();
		const a = annualCpi(full);
		expect(realPay(100_000, a, 2020)).toBeNull();
		expect(realPay(100_000, a, 2021, 2020)).toBeNull();
		expect(realPay(100_000, [], 2021)).toBeNull();
		expect(realPay(100_000, a, 2021, null)).toBeNull();
		expect(realPay(27_000, a, 2021, 2022)).toBeCloseTo(29_000, 8);
		expect(realPay(30_000, a, 2023)).toBe(30_000);
	});

	it('annual averages come back ascending by year whatever the row order', () => {
		expect.hasAssertions();
		const a = annualCpi(shuffled(full, 5));
		expect(a.map((x) => [x.year, x.index, x.months, x.full])).toEqual([
			[2021, 270, 12, true],
			[2022, 290, 12, true],
			[2023, 300, 12, true]
		]);
	});

	it('the latest full year is the largest full year, not the last listed; null without one', () => {
		expect.hasAssertions();
		const a = annualCpi(full);
		expect(latestFullYear([a[2]!, a[0]!, a[1]!])).toBe(2023);
		expect(latestFullYear(annualCpi(cpiYear(2024, 310, 11)))).toBeNull();
		expect(latestFullYear([])).toBeNull();
		expect(deflator(annualCpi(cpiYear(2024, 310, 11)), 2024)).toBeNull();
	});

	it('a year needs all 12 distinct months: 12 rows with a month twice are 11 months', () => {
		expect.hasAssertions();
		const rows = cpiYear(2024, 300, 11).concat({ date: '2024-01-01', year: 2024, month: 1, index: 300 });
		expect(annualCpi(rows)[0]).toEqual({ year: 2024, index: 300, months: 11, full: false });
	});
});
