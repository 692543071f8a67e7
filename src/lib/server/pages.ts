/**
 * The server's side of the page runtime: a page's data for a URL through the registry
 * (lib/pages/registry.ts), on the built-in Dataset, kept by canonical key in a bounded cache
 * (the data changes only with a new pinned version, so the default views are computed once).
 * The page loads (first paint, and links with JavaScript off) and GET /api/pages/<page> (the
 * browser's fallback before its own copy of the data has arrived) both come here.
 */
import { error, redirect } from '@sveltejs/kit';
import { requireDataset } from './dataset';
import { getMoney } from './money';
import type { Dataset } from '$lib/transform/dataset';
import type { MoneyTables } from '$lib/transform/money';
import { BoundedCache } from '../../../server/bounded-cache.js';
import { PAGE_IDS, PAGE_PATH, pageKey, pageProblem, runPage, type PageId, type PageResult } from '$lib/pages/registry';
import { parseSource, wantsYours } from '$lib/query/source';
import { textResponse } from './http';
import { json } from '@sveltejs/kit';
import type { PageData } from '$lib/state/runtime.svelte';

/** Results by canonical key: at most 500 entries and about 64 MB of JSON. */
const results = new BoundedCache<PageResult>(500, 64 * 1024 * 1024, (r) => JSON.stringify(r).length);

/** Is `page` one of the registry's pages (the endpoint's path parameter)? */
export const isPageId = (page: string): page is PageId => (PAGE_IDS as readonly string[]).includes(page);

/** The money tables for `currency=`, or null when a pinned money file is missing or altered (pages then stay in US dollars and say so). */
async function moneyFor(data: Dataset): Promise<MoneyTables | null> {
	try {
		const m = await getMoney(data);
		return m.problems.length > 0 ? null : m.tables;
	} catch {
		return null;
	}
}

/**
 * A page's data for a URL's parameters: its model on the built-in data (cached), "computed in the
 * browser" for source=yours, or the problem (a bad `source`: 400; real pay without a CPI: a
 * redirect to the nominal view).
 */
export async function serverPage<P extends PageId>(page: P, params: URLSearchParams): Promise<PageData<P>> {
	const key = pageKey(page, params);
	const source = parseSource(params);
	if (source.error)
		return {
			key,
			result: null,
			problem: { code: 'bad-source', status: 400, message: source.error.message },
			pending: false,
			failure: null
		};
	if (source.source === 'yours') return { key, result: null, problem: null, pending: true, failure: null };
	const data = await requireDataset();
	const problem = pageProblem(page, PAGE_PATH[page], params, { kind: 'builtin', data });
	if (problem) return { key, result: null, problem, pending: false, failure: null };
	let result = results.get(key) as PageResult<P> | undefined;
	if (!result) {
		result = runPage(page, params, { kind: 'builtin', data, money: await moneyFor(data) });
		results.set(key, result);
	}
	return { key, result, problem: null, pending: false, failure: null };
}

/**
 * A page load: the URL is read without making the load depend on it, so a filter change in the
 * browser does not ask the server again (the page's universal load computes it in the browser, or
 * asks GET /api/pages/<page> until it can). SvelteKit still runs this on every full page load.
 */
export function pageLoad<P extends PageId>(page: P) {
	return async ({ url, untrack }: { url: URL; untrack: <T>(fn: () => T) => T }): Promise<PageData<P>> => {
		// A copy made inside `untrack`: reading SvelteKit's url.searchParams later would track it again.
		const data = await serverPage(
			page,
			untrack(() => new URLSearchParams(url.search))
		);
		if (data.problem?.code === 'bad-source') error(400, data.problem.message);
		if (data.problem?.code === 'redirect') redirect(307, data.problem.location);
		return data;
	};
}

/**
 * GET /api/pages/<page>: the page's data as JSON for the browser (see the route). Built-in data
 * only: source=yours is a 400 (the user's file stays in the browser), as is any other bad
 * `source`; a redirect (real pay without a CPI) comes back as the page's `problem`.
 */
export async function pageEndpoint(page: string, params: URLSearchParams): Promise<Response> {
	if (!isPageId(page)) return textResponse(404, `No page "${page.slice(0, 40)}"; pages: ${PAGE_IDS.join(', ')}.\n`);
	if (wantsYours(params))
		return textResponse(400, 'Bad request:\nsource=yours: your own data stays in your browser, and its pages are computed there\n');
	const data = await serverPage(page, params);
	if (data.problem?.code === 'bad-source') return textResponse(400, `Bad request:\n${data.problem.message}\n`);
	return json(data, { headers: { 'cache-control': 'public, max-age=3600' } });
}
