import { badRequest, cachedResponse, etagFor, parseSummaryQuery, summaryFor, summaryMeta } from '$lib/server/summary';
import type { RequestHandler } from './$types';

/** GET /api/summary.json?by=<dimension>&<filters>: the same table as JSON objects, with its provenance. */
export const GET: RequestHandler = async ({ url, request }) => {
	const { query, errors } = parseSummaryQuery(url.searchParams);
	if (!query) return badRequest(errors);
	const table = await summaryFor(query);
	const rows = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null])));
	const body = JSON.stringify({ meta: summaryMeta(query, table.view), columns: table.columns, rows }, null, 1);
	return cachedResponse(request, etagFor('json', query), body, 'application/json; charset=utf-8');
};
