import { respondSummary } from '$lib/server/summary';
import type { RequestHandler } from './$types';

/** GET /api/summary.json?by=<dimension>&<filters>: the same table as JSON objects, with its provenance. */
export const GET: RequestHandler = ({ url, request }) => respondSummary('json', request, url);
