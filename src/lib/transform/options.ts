/** Choices offered by the filter controls, derived from the data. */
import { rollups, descending } from 'd3-array';
import type { SalaryRow } from '$lib/data/types';
import { countryName } from '$lib/data/countries';

export interface CountryOption {
	readonly code: string;
	readonly name: string;
	/** Reports (all titles) with this company_location. */
	readonly n: number;
}

/** Countries present in the data, most reports first (rows without a country are not an option here). */
export function countryOptions(rows: readonly SalaryRow[]): CountryOption[] {
	return rollups(
		rows.filter((r) => r.companyLocation !== null),
		(g) => g.length,
		(r) => r.companyLocation!
	)
		.map(([code, n]) => ({ code, name: countryName(code), n }))
		.sort((a, b) => descending(a.n, b.n) || a.name.localeCompare(b.name));
}

/** Work years present in the rows, ascending: `[2024, 2023, 2024] → [2023, 2024]`. */
export function yearsOf(rows: readonly Pick<SalaryRow, 'workYear'>[]): number[] {
	return [...new Set(rows.map((r) => r.workYear))].sort((a, b) => a - b);
}

/**
 * The year select's choices: the data's years plus any year the URL chose that the data lack,
 * so a select never shows blank. `yearChoices([2023, 2024], 2021, null) → [2021, 2023, 2024]`.
 */
export function yearChoices(dataYears: readonly number[], ...chosen: readonly (number | null)[]): number[] {
	const set = new Set(dataYears);
	for (const y of chosen) if (y !== null) set.add(y);
	return [...set].sort((a, b) => a - b);
}
