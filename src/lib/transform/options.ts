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
