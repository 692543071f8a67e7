import { requireDataset } from '$lib/server/dataset';
import { dataTraits } from '$lib/transform/data-traits';
import { latestFullYear } from '$lib/transform/stats/real-pay';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const ds = await requireDataset();
	const workYears = new Set(ds.salaries.map((r) => r.workYear));
	const cpi = {
		baseYear: latestFullYear(ds.annualCpi),
		// Work years in the salary data whose CPI year is incomplete: their reports drop out of real pay.
		incomplete: ds.annualCpi.filter((a) => !a.full && workYears.has(a.year)).map((a) => ({ year: a.year, months: a.months }))
	};
	return { parse: ds.parse, traits: dataTraits(ds.salaries), cpi };
};
