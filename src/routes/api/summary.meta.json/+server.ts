import { badRequest, cachedResponse, etagFor, parseSummaryQuery, summaryFilename, summaryMeta } from '$lib/server/summary';
import type { RequestHandler } from './$types';

/** GET /api/summary.meta.json?…: the provenance sidecar of the CSV with the same query. */
export const GET: RequestHandler = async ({ url, request }) => {
	const { query, errors } = parseSummaryQuery(url.searchParams);
	if (!query) return badRequest(errors);
	const body = JSON.stringify({ file: summaryFilename(query, 'csv'), generated_at: new Date().toISOString(), ...summaryMeta(query) }, null, 1);
	return cachedResponse(request, etagFor('meta', query), body, 'application/json; charset=utf-8', summaryFilename(query, 'meta.json'));
};
