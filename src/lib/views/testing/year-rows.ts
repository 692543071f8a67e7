/**
 * Rows for the view-model tests: AI 2022 12 rows (low), 2023 5 (suppressed), 2024 35 (ok);
 * ML 2022 30, 2023 15, 2024 40. Salaries are evenly spaced, so medians are known by hand.
 */
import type { SalaryRow } from '$lib/data/types';
import { buildDataset, type Dataset, type ParsedSources } from '$lib/transform/dataset';
import { annualCpi } from '$lib/transform/stats/real-pay';
import { cpiYear, familyRow, shuffled } from '$lib/transform/stats/testing/rows';

export const seq = (start: number, n: number, step = 1000) => Array.from({ length: n }, (_, i) => start + step * i);
export const cpi = annualCpi([...cpiYear(2022, 290), ...cpiYear(2023, 300), ...cpiYear(2024, 310)]);

export const plan = { AI: { 2022: 12, 2023: 5, 2024: 35 }, ML: { 2022: 30, 2023: 15, 2024: 40 } } as const;
export const values = (family: 'AI' | 'ML', year: 2022 | 2023 | 2024) =>
	seq(family === 'AI' ? 110_000 : 100_000, plan[family][year], 1500 + year);
export const rows: SalaryRow[] = shuffled(
	(['AI', 'ML'] as const).flatMap((family) =>
		([2022, 2023, 2024] as const).flatMap((year) =>
			values(family, year).map((salaryUsd) => familyRow(family, { workYear: year, salaryUsd }))
		)
	),
	4
);

/** A Dataset built the way the server builds one (buildDataset over parsed files), from typed rows. */
export function datasetOf(salaries: readonly SalaryRow[], over: Partial<ParsedSources> = {}): Dataset {
	const file = <T>(name: string, rows: readonly T[]) => ({ file: name, rows, issues: [], rowsRead: rows.length, rejected: 0 });
	const cpiRows = [...cpiYear(2022, 290), ...cpiYear(2023, 300), ...cpiYear(2024, 310)];
	return buildDataset({
		dataVersion: '2024-12-31',
		salaries: file('salaries.csv', salaries),
		cpi: file('cpi.csv', cpiRows),
		aiShare: null,
		genaiShare: null,
		sectors: [],
		sources: [],
		...over
	});
}
