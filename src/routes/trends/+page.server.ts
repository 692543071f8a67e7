import { pageRequest } from '$lib/server/page';
import type { ParamError } from '$lib/state/url-filters';
import { parseSpanYear } from '$lib/state/page-params';
import { trendsView } from '$lib/views/trends';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters } = await pageRequest(url);
	const pageErrors: ParamError[] = [];
	const gfrom = parseSpanYear(url.searchParams, 'gfrom', pageErrors);
	const gto = parseSpanYear(url.searchParams, 'gto', pageErrors);
	return { ...trendsView(data, { filters, gfrom, gto }), pageErrors };
};
