/**
 * The pages' names, paths and canonical keys: what the main thread needs to know of the page
 * registry (registry.ts) without loading its views, which run in the worker and on the server.
 */
import { parseFilters } from '$lib/query/url-filters';
import { filtersToQuery } from '$lib/format/query';
import { parseSource } from '$lib/query/source';

/** The pages with a model (the filtered pages; /data and /methodology have their own). */
export const PAGE_IDS = ['overview', 'pay', 'trends', 'demand', 'titles'] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** The path of each page. */
export const PAGE_PATH: Readonly<Record<PageId, string>> = {
	overview: '/',
	pay: '/pay',
	trends: '/trends',
	demand: '/demand',
	titles: '/titles'
};

/** The page at a path, if any (`'/pay' → 'pay'`; `/data` and `/methodology` have no model). */
export const pageAt = (pathname: string): PageId | undefined => PAGE_IDS.find((p) => PAGE_PATH[p] === pathname);

/** The page's own parameters, canonical (for the key): only those the page reads, values as read. */
const EXTRAS: Readonly<Record<PageId, readonly string[]>> = {
	overview: ['cyear'],
	pay: ['scale', 'salary'],
	trends: ['gfrom', 'gto'],
	demand: ['market'],
	titles: []
};

/**
 * The canonical key of a page's URL: the source, the filters as parsed (written back in their
 * fixed order) and the page's own parameters as given. `pageKey('pay', q('size=l,s&scale=log'))
 * → 'pay?size=S,L&scale=log'`.
 */
export function pageKey(page: PageId, params: URLSearchParams): string {
	const { filters } = parseFilters(params);
	const extras: Record<string, string> = {};
	for (const p of EXTRAS[page]) {
		const v = params.get(p);
		if (v !== null && v !== '') extras[p] = v;
	}
	const src = parseSource(params).source;
	if (src === 'yours') extras.source = 'yours';
	const q = filtersToQuery(filters, extras);
	return `${page}${q ? `?${q}` : ''}`;
}
