import { pageRequest } from '$lib/server/page';
import { parseMarket } from '$lib/state/page-params';
import type { ParamError } from '$lib/state/url-filters';
import { DEFAULT_MARKET, demandMarkets, demandView } from '$lib/views/demand';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters } = await pageRequest(url);
	const pageErrors: ParamError[] = [];
	const market = parseMarket(url.searchParams, demandMarkets(data), DEFAULT_MARKET, pageErrors);
	return { ...demandView(data, { filters, market }), pageErrors };
};
