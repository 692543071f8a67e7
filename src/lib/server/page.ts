/**
 * What every filtered page load starts from: the loaded Dataset and the URL's filters.
 * Without the CPI (its file missing or altered), real=1 redirects to the same page in
 * nominal pay, so the link, the filter controls and the charts agree; the layout's notice
 * says why. The API answers 503 instead (see summary.ts).
 */
import { redirect } from '@sveltejs/kit';
import { requireDataset, type Dataset } from './dataset';
import { parseFilters, type ParamError } from '$lib/state/url-filters';
import { realPayProblem } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';

export interface PageRequest {
	readonly data: Dataset;
	readonly filters: Filters;
	readonly errors: readonly ParamError[];
}

/** The dataset and the parsed filters of a page's URL, or a 307 to its nominal view (see above). */
export async function pageRequest(url: URL): Promise<PageRequest> {
	const data = await requireDataset();
	const { filters, errors } = parseFilters(url.searchParams);
	if (filters.real && realPayProblem(data)) {
		const nominal = new URL(url);
		nominal.searchParams.delete('real');
		redirect(307, `${nominal.pathname}${nominal.search}`);
	}
	return { data, filters, errors };
}
