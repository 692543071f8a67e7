/**
 * The canonical query of a view and the download file names built from it. A query holds only
 * the filters the user set (defaults are omitted), in a fixed order, so equal views have equal
 * queries — the URL, the CSV's `query` column and the file name all say the same thing.
 */
import { DEFAULT_FILTERS, type Filters, type NotGivenFacet } from '$lib/transform/filters';

/** Canonical query string (no leading `?`) holding only non-default filters. */
export function filtersToQuery(f: Filters, extra: Record<string, string | null | undefined> = {}): string {
	const parts: string[] = [];
	// A ticked "Not given" is the token `none`, after the values (as query/url-filters reads it).
	const list = (k: NotGivenFacet, xs: readonly (string | number)[]) => {
		const all = f.notGiven?.includes(k) ? [...xs.map(String), 'none'] : xs;
		if (all.length > 0) parts.push(`${k}=${all.map((x) => encodeURIComponent(String(x))).join(',')}`);
	};
	list('size', f.size);
	list('region', f.region);
	list('country', f.country);
	list('exp', f.exp);
	list('type', f.type);
	list('remote', f.remote);
	if (f.from !== null) parts.push(`from=${f.from}`);
	if (f.to !== null) parts.push(`to=${f.to}`);
	if (f.titles !== DEFAULT_FILTERS.titles) parts.push(`titles=${f.titles}`);
	if (f.dedupe) parts.push('dedupe=1');
	if (f.real) parts.push('real=1');
	if (f.currency !== undefined && f.currency !== 'USD') parts.push(`currency=${encodeURIComponent(f.currency)}`);
	for (const [k, val] of Object.entries(extra))
		if (val !== null && val !== undefined && val !== '') parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(val)}`);
	return parts.join('&');
}

/** The summary's canonical query: `by` first, then the non-default filters. `(company_size, {country: US}) → "by=company_size&country=US"`. */
export function summaryQuery(by: string, f: Filters): string {
	const rest = filtersToQuery(f);
	return `by=${by}${rest ? `&${rest}` : ''}`;
}

/** Longest file name stem (before the extension); longer ones are cut and end in a hash of the whole. */
export const FILENAME_MAX = 120;

/** Characters a file name keeps; anything else becomes `-`. Case is kept so codes read as in the URL (US, MI). */
function clean(s: string): string {
	return s
		.replace(/[^A-Za-z0-9.-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '');
}

/** FNV-1a, 32 bits, as 7 base-36 digits: a short, stable tag for a cut name. */
function hashTag(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(36).padStart(7, '0');
}

/**
 * A download's file name from where it came from: the page (or table), the grouping and the
 * filter query, in `[A-Za-z0-9_.-]`, at most FILENAME_MAX characters before the extension.
 *
 * `downloadFilename('pay', 'company_size', 'country=US&exp=MI', 'csv')
 *   → "ai-vs-ml_pay_by-company-size_country-US_exp-MI.csv"`
 */
export function downloadFilename(page: string, by: string | null, filterQuery: string, ext: string): string {
	// `page` may name a table on the page too: 'demand/indeed-ai-share' → 'demand_indeed-ai-share'.
	const parts = ['ai-vs-ml', ...page.split('/').map((p) => clean(p.replace(/_/g, '-')))];
	if (by && by !== 'none') parts.push(`by-${clean(by.replace(/_/g, '-'))}`);
	for (const pair of filterQuery.split('&')) {
		if (pair === '' || pair.startsWith('by=')) continue;
		const eq = pair.indexOf('=');
		const key = eq < 0 ? pair : pair.slice(0, eq);
		let value = eq < 0 ? '' : pair.slice(eq + 1);
		try {
			value = decodeURIComponent(value);
		} catch {
			// A malformed escape stays as typed; clean() below makes it safe.
		}
		const part = clean(value === '' ? key : `${key}-${value}`);
		if (part) parts.push(part);
	}
	let stem = parts.filter((p) => p !== '').join('_');
	if (stem.length > FILENAME_MAX) stem = `${stem.slice(0, FILENAME_MAX - 8).replace(/[-_.]+$/, '')}_${hashTag(stem)}`;
	const e = ext.replace(/[^A-Za-z0-9.]+/g, '');
	return e ? `${stem}.${e}` : stem;
}

/** The page's name for file names, from its route id: `'/' → 'overview'`, `'/demand' → 'demand'`. */
export function pageName(routeId: string | null | undefined): string {
	const name = (routeId ?? '').replace(/^\/+|\/+$/g, '').replace(/\//g, '-');
	return name === '' ? 'overview' : name;
}

/**
 * The query that gives a client-built download its context: the page's own choices that the URL
 * may leave out (e.g. the default market) first, then the URL's parameters as the user set them.
 * `contextQuery(new URLSearchParams('size=M&market=GB'), { market: 'GB' }) → "market=GB&size=M"`.
 */
export function contextQuery(search: URLSearchParams, context: Readonly<Record<string, string>> = {}): string {
	const parts = Object.entries(context).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
	for (const [k, v] of search) if (!(k in context) && v !== '') parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
	return parts.join('&');
}
