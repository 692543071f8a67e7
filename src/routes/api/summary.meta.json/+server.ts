import { badRequest, cachedResponse, etagFor, parseSummaryQuery, summaryFilename, summaryFor, summaryMeta } from '$lib/server/summary';
import type { RequestHandler } from './$types';

/** GET /api/summary.meta.json?…: the provenance sidecar of the CSV with the same query. */
export const GET: RequestHandler = async ({ url, request }) => {
	const { query, errors } = parseSummaryQuery(url.searchParams);
	if (!query) return badRequest(errors);
	const { view } = await summaryFor(query);
	// generated_at changes on every response, so the tag is weak: same content, not same bytes.
	const body = JSON.stringify(
		{ file: summaryFilename(query, 'csv'), generated_at: new Date().toISOString(), ...summaryMeta(query, view) },
		null,
		1
	);
	return cachedResponse(
		request,
		etagFor('meta', query, true),
		body,
		'application/json; charset=utf-8',
		summaryFilename(query, 'meta.json')
	);
};
