/** The one path from a request URL to a computed view, shared by pages and endpoints. */
import { redirect } from '@sveltejs/kit';
import { NEEDS, requireDataset, sourceProblems, type Dataset } from './dataset';
import { parseFilters, type ParamError } from '$lib/state/url-filters';
import type { Filters } from '$lib/transform/filters';
import { computeView } from '$lib/transform/stats/view';
import type { View, ViewOptions } from '$lib/transform/stats/types';

export interface RequestView {
	readonly ds: Dataset;
	readonly filters: Filters;
	readonly errors: readonly ParamError[];
	readonly view: View;
	/** Compute another view on the same data and CPI (e.g. the claim check's US view). */
	readonly compute: (filters: Filters, options?: ViewOptions) => View;
}

/** computeView on the loaded data with its CPI, so real pay works everywhere alike. */
export function computeOn(ds: Dataset, filters: Filters, options: ViewOptions = {}): View {
	return computeView(ds.prepared, filters, { cpi: ds.annualCpi, ...options });
}

/** Why real pay cannot be computed (the CPI file is missing or altered), or null when it can. */
export function realPayProblem(ds: Dataset): string | null {
	const p = sourceProblems(ds, NEEDS.cpi)[0];
	return p ? `Real (inflation-adjusted) pay is unavailable. ${p.message}` : null;
}

/**
 * The view for a page's URL. Without the CPI, real=1 redirects to the same view in nominal
 * pay, so the link, the filter controls and the page agree (the layout says why).
 */
export async function viewFor(url: URL, options: ViewOptions = {}): Promise<RequestView> {
	const ds = await requireDataset();
	const { filters, errors } = parseFilters(url.searchParams);
	if (filters.real && realPayProblem(ds)) {
		const nominal = new URL(url);
		nominal.searchParams.delete('real');
		redirect(307, `${nominal.pathname}${nominal.search}`);
	}
	const compute = (f: Filters, o: ViewOptions = {}) => computeOn(ds, f, o);
	return { ds, filters, errors, view: compute(filters, options), compute };
}
