import { describe, expect, it } from 'vitest';
import { SOURCE_SHIFT_YEAR } from './constants';
import { crossesSourceShift, growthFromSortedByYear } from './growth';

// 12 reports a year per family (above the suppression threshold), rising pay.
const year = (base: number) => Array.from({ length: 12 }, (_, i) => base + 1000 * i);
const byYear = (years: readonly number[]) => ({
	AI: new Map(years.map((y, i) => [y, year(100_000 + 5_000 * i)])),
	ML: new Map(years.map((y, i) => [y, year(120_000 + 5_000 * i)]))
});

describe('the source shift year is the data’s, not a constant', () => {
	it('crossesSourceShift: from < shift ≤ to in either order; never without a shift year', () => {
		expect(crossesSourceShift(2023, 2024)).toBe(SOURCE_SHIFT_YEAR === 2024);
		expect(crossesSourceShift(2021, 2022, 2022)).toBe(true);
		expect(crossesSourceShift(2022, 2021, 2022)).toBe(true);
		expect(crossesSourceShift(2022, 2023, 2022)).toBe(false);
		expect(crossesSourceShift(2020, 2021, 2022)).toBe(false);
		expect(crossesSourceShift(2015, 2035, null)).toBe(false);
	});

	it('flags the year-on-year change into the shift year and spans across it; with null flags nothing', () => {
		const years = [2020, 2021, 2022, 2023];
		const at2022 = growthFromSortedByYear(byYear(years), { sourceShiftYear: 2022 });
		expect(at2022.sourceShiftYear).toBe(2022);
		expect(at2022.families.AI.points.map((p) => p.yoy?.crossesSourceShift ?? null)).toEqual([false, false, true, false]);
		expect(at2022.families.ML.cagr).toMatchObject({ fromYear: 2020, toYear: 2023, crossesSourceShift: true });

		const none = growthFromSortedByYear(byYear(years), { sourceShiftYear: null });
		expect(none.sourceShiftYear).toBeNull();
		expect(none.families.AI.points.some((p) => p.yoy?.crossesSourceShift)).toBe(false);
		expect(none.families.ML.cagr).toMatchObject({ crossesSourceShift: false });
	});

	it('defaults to the built-in data’s shift year', () => {
		const g = growthFromSortedByYear(byYear([2023, 2024]));
		expect(g.sourceShiftYear).toBe(SOURCE_SHIFT_YEAR);
		expect(g.families.AI.cagr?.crossesSourceShift).toBe(true);
	});
});
