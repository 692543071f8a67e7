import { describe, expect, it } from 'vitest';
import { annualCpi, deflator, latestFullYear, realPay } from './real-pay';
import { cpiYear } from './testing/rows';

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
