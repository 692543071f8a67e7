/** The one path from a request URL to a computed view, shared by pages and endpoints. */
import { requireDataset, type Dataset } from './dataset';
import { parseFilters, type ParamError } from '$lib/state/url-filters';
import type { Filters } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import type { Stats, StatsOptions } from '$lib/transform/stats/types';

export interface RequestView {
	readonly ds: Dataset;
	readonly filters: Filters;
	readonly errors: readonly ParamError[];
	readonly view: Stats;
	/** Compute another view on the same data and CPI (e.g. the claim check's US view). */
	readonly compute: (filters: Filters, options?: StatsOptions) => Stats;
}

/** computeStats on the loaded data with its CPI, so real pay works everywhere alike. */
export function computeOn(ds: Dataset, filters: Filters, options: StatsOptions = {}): Stats {
	return computeStats(ds.prepared, filters, { cpi: ds.annualCpi, ...options });
}

export async function viewFor(url: URL, options: StatsOptions = {}): Promise<RequestView> {
	const ds = await requireDataset();
	const { filters, errors } = parseFilters(url.searchParams);
	const compute = (f: Filters, o: StatsOptions = {}) => computeOn(ds, f, o);
	return { ds, filters, errors, view: compute(filters, options), compute };
}
