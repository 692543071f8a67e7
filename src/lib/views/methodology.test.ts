/** methodologyView: parse summaries and data traits passed through, the CPI base year, and which work years lack a full CPI year. */
import { describe, expect, it } from 'vitest';
import { dataTraits } from '$lib/transform/data-traits';
import { cpiYear, row } from '$lib/transform/stats/testing/rows';
import { methodologyView } from './methodology';
import { datasetOf } from './testing/year-rows';

const file = <T>(name: string, rows: readonly T[]) => ({ file: name, rows, issues: [], rowsRead: rows.length, rejected: 0 });
const salaries = [2022, 2023, 2025].map((workYear) => row({ workYear }));

describe('methodologyView', () => {
	it('the parse summaries and data traits of the dataset', () => {
		expect.hasAssertions();
		const data = datasetOf(salaries);
		const m = methodologyView(data);
		expect(m.parse).toBe(data.parse);
		expect(m.traits).toEqual(dataTraits(data.salaries));
	});

	it('the latest full CPI year is the base; only work years in the data with a part CPI year are listed', () => {
		expect.hasAssertions();
		// CPI: 2022 and 2023 full, 2024 with 7 months (no report that year), 2025 with 3.
		const cpi = file('cpi.csv', [...cpiYear(2022, 290), ...cpiYear(2023, 300), ...cpiYear(2024, 310, 7), ...cpiYear(2025, 320, 3)]);
		const m = methodologyView(datasetOf(salaries, { cpi }));
		expect(m.cpi).toEqual({ baseYear: 2023, incomplete: [{ year: 2025, months: 3 }] });
	});

	it('without a CPI file: no base year and nothing listed', () => {
		expect.hasAssertions();
		expect(methodologyView(datasetOf(salaries, { cpi: null })).cpi).toEqual({ baseYear: null, incomplete: [] });
	});
});
