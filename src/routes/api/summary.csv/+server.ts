import { respondSummary } from '$lib/server/summary';
import type { RequestHandler } from './$types';

/** GET /api/summary.csv?by=<dimension>&<filters>: the summarised table as CSV. */
export const GET: RequestHandler = ({ url, request }) => respondSummary('csv', request, url);
