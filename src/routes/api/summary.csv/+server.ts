import { badRequest, cachedResponse, etagFor, parseSummaryQuery, summaryCsv, summaryFilename, summaryFor } from '$lib/server/summary';
import type { RequestHandler } from './$types';

/** GET /api/summary.csv?by=<dimension>&<filters>: the summarised table as CSV. */
export const GET: RequestHandler = async ({ url, request }) => {
	const { query, errors } = parseSummaryQuery(url.searchParams);
	if (!query) return badRequest(errors);
	const csv = summaryCsv(await summaryFor(query));
	return cachedResponse(request, etagFor('csv', query), csv, 'text/csv; charset=utf-8', summaryFilename(query, 'csv'));
};
