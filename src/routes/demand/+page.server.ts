import { viewFor } from '$lib/server/view';
import { parseMarket } from '$lib/state/page-params';
import type { ParamError } from '$lib/state/url-filters';
import { CONTEXT_SECTORS, NEEDS, sourceProblems } from '$lib/server/dataset';
import { sectorByMonth, shareByMonth, shareMarkets, sizeShares } from '$lib/transform/views/demand';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { ds, filters, view, compute } = await viewFor(url);
	const pageErrors: ParamError[] = [];
	// A missing or altered Indeed file empties only its own chart, which then says which file and how to fix it.
	const unavailable = {
		share: sourceProblems(ds, [...NEEDS.aiShare, ...NEEDS.genaiShare]).map((p) => p.message!),
		sectors: sourceProblems(ds, NEEDS.sectors).map((p) => p.message!)
	};
	const markets = shareMarkets(ds.aiShare.length > 0 ? ds.aiShare : ds.genaiShare);
	const market = parseMarket(url.searchParams, markets, 'US', pageErrors);
	const ai = shareByMonth(ds.aiShare, market);
	const genai = shareByMonth(ds.genaiShare, market);
	const sectors = CONTEXT_SECTORS.map((sector) => ({ sector, months: sectorByMonth(ds.sectors, market, sector) }));
	// Company-size mix per family and year: one view per year in the filtered span.
	// Counts do not depend on the pay basis, so the real-pay CPI rule does not apply here.
	const counting = filters.real ? compute({ ...filters, real: false }) : view;
	const perYear = counting.growth.years.map((year) => ({
		year,
		view: compute({ ...filters, real: false, from: year, to: year }, { groupBy: 'companySize' })
	}));
	// The last day with data (monthly points are labelled by their first day).
	const lastDay = (rows: readonly { date: string; country: string }[]) =>
		rows.reduce((m, r) => (r.country === market && r.date > m ? r.date : m), '');
	return {
		lastDates: { ai: lastDay(ds.aiShare), genai: lastDay(ds.genaiShare), sectors: lastDay(ds.sectors) },
		pageErrors,
		unavailable,
		markets,
		market,
		ai,
		genai,
		sectors,
		sizeShares: sizeShares(perYear),
		counts: counting.counts
	};
};
