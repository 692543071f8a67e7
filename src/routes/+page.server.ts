import { requireDataset } from '$lib/server/dataset';
import { parseFilters } from '$lib/state/url-filters';
import { overviewView } from '$lib/views/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const data = await requireDataset();
	return overviewView(data, { filters: parseFilters(url.searchParams).filters });
};
