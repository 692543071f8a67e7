import { viewFor } from '$lib/server/view';
import { DATA_VERSION } from '$lib/server/dataset';
import type { ParamError } from '$lib/state/url-filters';
import { defaultGrowthSpan } from '$lib/views/trends';
import { partialYearOf } from '$lib/server/summary';
import type { PageServerLoad } from './$types';

function parseSpanYear(params: URLSearchParams, name: 'gfrom' | 'gto', years: readonly number[], errors: ParamError[]): number | null {
	const v = params.get(name);
	if (v === null || v === '') return null;
	if (!/^\d{4}$/.test(v)) {
		errors.push({ param: name, message: `${name}: "${v.slice(0, 40)}" is not a year (YYYY)` });
		return null;
	}
	// A year outside the current view (e.g. after a filter change) falls back to the default span.
	return years.includes(Number(v)) ? Number(v) : null;
}

export const load: PageServerLoad = async ({ url }) => {
	const { filters, view: first, compute } = await viewFor(url, { groupBy: 'workYear' });
	const pageErrors: ParamError[] = [];
	const years = first.growth.years;
	// The snapshot's own year is partial (the file was cut on DATA_VERSION).
	const partialYear = partialYearOf(DATA_VERSION);
	const fallback = defaultGrowthSpan(first, partialYear);
	const gfrom = parseSpanYear(url.searchParams, 'gfrom', years, pageErrors) ?? fallback?.fromYear ?? null;
	const gto = parseSpanYear(url.searchParams, 'gto', years, pageErrors) ?? fallback?.toYear ?? null;
	const span = gfrom !== null && gto !== null ? { fromYear: Math.min(gfrom, gto), toYear: Math.max(gfrom, gto) } : null;
	const view = span ? compute(filters, { groupBy: 'workYear', span }) : first;
	return { view, pageErrors, partialYear, span };
};
