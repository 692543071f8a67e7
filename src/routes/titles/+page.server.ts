import { requireDataset } from '$lib/server/dataset';
import { parseFilters } from '$lib/state/url-filters';
import { rowMatcher } from '$lib/transform/filters';
import { titleTable } from '$lib/transform/title-table';
import { dedupeRows } from '$lib/transform/stats/dedupe';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const ds = await requireDataset();
	const { filters } = parseFilters(url.searchParams);
	const match = rowMatcher(filters);
	const matched = ds.salaries.filter(match);
	const rows = filters.dedupe ? dedupeRows(matched) : matched;
	return { titles: titleTable(rows), mode: filters.titles };
};
