import { requireDataset } from '$lib/server/dataset';
import { parseFilters } from '$lib/state/url-filters';
import { titlesView } from '$lib/views/titles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => titlesView(await requireDataset(), parseFilters(url.searchParams));
