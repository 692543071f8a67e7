import { json } from '@sveltejs/kit';
import { textResponse } from '$lib/server/http';
import { isPageId, serverPage } from '$lib/server/pages';
import type { RequestHandler } from './$types';

/**
 * GET /api/pages/<page>?<the page's query>: the page's data as JSON, the same `runPage` the page
 * load and the browser's worker call. The browser asks here for a filter change until its own copy
 * of the built-in data has arrived (or when its worker fails). Built-in data only: source=yours is
 * a 400 (the user's file stays in the browser), as is any other bad `source`; a redirect (real pay
 * without a CPI) comes back as the page's `problem`.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	if (!isPageId(params.page))
		return textResponse(404, `No page "${params.page.slice(0, 40)}"; pages: overview, pay, trends, demand, titles.`);
	if (url.searchParams.get('source')?.trim().toLowerCase() === 'yours')
		return textResponse(400, 'Bad request:\nsource=yours: your own data stays in your browser, and its pages are computed there');
	const data = await serverPage(params.page, url.searchParams);
	if (data.problem?.code === 'bad-source') return textResponse(400, `Bad request:\n${data.problem.message}`);
	return json(data, { headers: { 'cache-control': 'public, max-age=3600' } });
};
