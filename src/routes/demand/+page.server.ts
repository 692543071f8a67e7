import { pageRequest } from '$lib/server/page';
import { parseMarket } from '$lib/query/page-params';
import type { ParamError } from '$lib/query/url-filters';
import { demandMarkets, demandView } from '$lib/views/demand';
import type { YourPageQuery } from '$lib/views/your-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters, source } = await pageRequest(url);
	const pageErrors: ParamError[] = [];
	// source=yours: the postings figures of the user's postings file, computed in the browser.
	if (source === 'yours') return { source, query: { page: 'demand', filters } satisfies YourPageQuery, pageErrors };
	// `market=` as asked (validated), else null: the view follows the filters' countries.
	const market = parseMarket(url.searchParams, demandMarkets(data), '', pageErrors) || null;
	return { source, ...demandView(data, { filters, market }), pageErrors };
};
