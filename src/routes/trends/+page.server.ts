import { requireDataset } from '$lib/server/dataset';
import { parseFilters, type ParamError } from '$lib/state/url-filters';
import { parseSpanYear } from '$lib/state/page-params';
import { trendsView } from '$lib/views/trends';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const data = await requireDataset();
	const { filters } = parseFilters(url.searchParams);
	const pageErrors: ParamError[] = [];
	const gfrom = parseSpanYear(url.searchParams, 'gfrom', pageErrors);
	const gto = parseSpanYear(url.searchParams, 'gto', pageErrors);
	return { ...trendsView(data, { filters, gfrom, gto }), pageErrors };
};
