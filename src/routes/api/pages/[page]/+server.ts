import { pageEndpoint } from '$lib/server/pages';
import type { RequestHandler } from './$types';

/**
 * GET /api/pages/<page>?<the page's query>: the page's data as JSON, the same `runPage` the page
 * load and the browser's worker call. The browser asks here for a filter change until its own copy
 * of the built-in data has arrived (or when its worker fails). See lib/server/pages.ts.
 */
export const GET: RequestHandler = ({ params, url }) => pageEndpoint(params.page, url.searchParams);
