import { pageRequest } from '$lib/server/page';
import type { ParamError } from '$lib/query/url-filters';
import { parseSpanYear } from '$lib/query/page-params';
import { trendsView } from '$lib/views/trends';
import type { YourPageQuery } from '$lib/views/your-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters, source } = await pageRequest(url);
	const pageErrors: ParamError[] = [];
	const gfrom = parseSpanYear(url.searchParams, 'gfrom', pageErrors);
	const gto = parseSpanYear(url.searchParams, 'gto', pageErrors);
	// source=yours: the browser computes the model from the user's file (same view function).
	if (source === 'yours') return { source, query: { page: 'trends', filters, gfrom, gto } satisfies YourPageQuery, pageErrors };
	return { source, ...trendsView(data, { filters, gfrom, gto }), pageErrors };
};
