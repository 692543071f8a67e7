/**
 * What every filtered page load starts from: the loaded Dataset and the URL's filters.
 * Without the CPI (its file missing or altered), real=1 redirects to the same page in
 * nominal pay, so the link, the filter controls and the charts agree; the layout's notice
 * says why. The API answers 503 instead (see summary.ts).
 */
import { error, redirect } from '@sveltejs/kit';
import { requireDataset } from './dataset';
import { parseFilters, type ParamError } from '$lib/query/url-filters';
import { parseSource, type DataSource } from '$lib/query/source';
import { realPayProblem, type Dataset } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';

export interface PageRequest {
	readonly data: Dataset;
	readonly filters: Filters;
	readonly errors: readonly ParamError[];
	/** `source=yours`: the page's model is computed in the browser from the user's file, not here. */
	readonly source: DataSource;
}

/** The dataset, the parsed filters and the source of a page's URL; a 400 for a bad `source`, or a 307 to its nominal view (see above). */
export async function pageRequest(url: URL): Promise<PageRequest> {
	const data = await requireDataset();
	const src = parseSource(url.searchParams);
	// A link asking for data we cannot name must not show other numbers.
	if (src.error) error(400, src.error.message);
	const { filters, errors } = parseFilters(url.searchParams);
	if (filters.real && realPayProblem(data)) {
		const nominal = new URL(url);
		nominal.searchParams.delete('real');
		redirect(307, `${nominal.pathname}${nominal.search}`);
	}
	return { data, filters, errors, source: src.source };
}
