/** /methodology view model: what parsing kept and dropped, traits of the salary data, and which CPI years are usable. */
import type { Dataset, ParseSummary } from '$lib/transform/dataset';
import { dataTraits } from '$lib/transform/data-traits';
import { latestFullYear } from '$lib/transform/stats/real-pay';

export interface MethodologyModel {
	readonly parse: readonly ParseSummary[];
	readonly traits: ReturnType<typeof dataTraits>;
	readonly cpi: {
		readonly baseYear: number | null;
		/** Work years in the salary data whose CPI year is incomplete: their reports drop out of real pay. */
		readonly incomplete: readonly { readonly year: number; readonly months: number }[];
	};
}

export function methodologyView(data: Dataset): MethodologyModel {
	const workYears = new Set(data.salaries.map((r) => r.workYear));
	return {
		parse: data.parse,
		traits: dataTraits(data.salaries),
		cpi: {
			baseYear: latestFullYear(data.annualCpi),
			incomplete: data.annualCpi.filter((a) => !a.full && workYears.has(a.year)).map((a) => ({ year: a.year, months: a.months }))
		}
	};
}
