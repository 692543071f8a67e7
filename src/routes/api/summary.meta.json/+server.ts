import { respondSummary } from '$lib/server/summary';
import type { RequestHandler } from './$types';

/** GET /api/summary.meta.json?…: the provenance sidecar of the CSV with the same query. */
export const GET: RequestHandler = ({ url, request }) => respondSummary('meta', request, url);
