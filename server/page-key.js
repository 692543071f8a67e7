/**
 * The key under which server/page-cache.js keeps a page: its path and a canonical form of its
 * query, so the same view asked for with its filters in another order, case or spelling
 * (`?size=m,s`, `?size=S%2CM`, `?exp=SE&size=S,M`) is one entry. Plain JavaScript: the
 * production server runs without the app's TypeScript.
 *
 * Two URLs get one key only when the app reads them alike, so a page kept for one is the
 * page the app would render for the other (tests/integration/page-key.test.ts checks the
 * filter part against the app's own parser, src/lib/state/url-filters.ts, on random queries;
 * tests/e2e/page-cache.spec.ts renders variants and compares their bytes):
 *   - parameters are sorted by name; repeats of one name keep their order (pages read a
 *     parameter by name, never by position);
 *   - percent-encoding is normalised (`%2C` and `,`, `+` and `%20`): pages see decoded values;
 *   - a filter given once is rewritten to its canonical form only when every part of it is
 *     valid: an empty value is dropped (the same as absent), list values are spelt and ordered
 *     as the app's lists (`size=m,s` → `size=S,M`, the "Not given" token `none` last), country
 *     codes upper-cased and sorted, defaults dropped (`titles=family`, `dedupe=0`,
 *     `source=builtin`, `currency=USD`; a currency code upper-cased). An invalid value is kept exactly as sent, because the page quotes it
 *     in its message; so is a filter given twice (the page says so), and every parameter the
 *     filters do not own (`scale`, `salary`, `cyear`, `market`, SvelteKit's own ones).
 *
 * The value lists copy src/lib/data/types.ts (a test fails when they drift apart); country
 * codes come from the same `countries-list` package as src/lib/data/countries.ts.
 */
import { countries } from 'countries-list';

/** Filters whose values are lists, with their values in the app's order. */
const LISTS = /** @type {Record<string, readonly string[]>} */ ({
	size: ['S', 'M', 'L'],
	region: ['africa', 'asia', 'europe', 'north-america', 'oceania', 'south-america'],
	exp: ['EN', 'MI', 'SE', 'EX'],
	type: ['FT', 'PT', 'CT', 'FL'],
	remote: ['0', '50', '100']
});
export const KEY_LISTS = LISTS;
export const KEY_YEARS = { min: 2015, max: 2035 };
/** Every parameter the filters own (src/lib/state/url-filters.ts FILTER_PARAMS) and `source`. */
export const KEY_FILTER_PARAMS = [
	'size',
	'region',
	'country',
	'exp',
	'type',
	'remote',
	'from',
	'to',
	'titles',
	'dedupe',
	'real',
	'currency'
];
/** The "Not given" token of a list filter. */
const NONE = 'none';
/** Longer values are an error for the parser: kept as sent. */
const MAX_PARAM_CHARS = 400;

/**
 * The canonical spelling of one list value (`size=m,s` → `S,M`), '' for "nothing chosen", or
 * null when a part is not valid (the value is then kept as sent).
 * @param {string} name
 * @param {string} raw
 */
function canonicalList(name, raw) {
	const parts = raw.split(',').map((p) => p.trim());
	const none = parts.some((p) => p.toLowerCase() === NONE);
	const rest = parts.filter((p) => p !== '' && p.toLowerCase() !== NONE);
	/** @type {string[]} */
	let values;
	if (name === 'country') {
		values = rest.map((p) => p.toUpperCase());
		if (!values.every((c) => Object.hasOwn(countries, c))) return null;
		values = [...new Set(values)].sort();
	} else {
		const allowed = LISTS[name] ?? [];
		const lower = rest.map((p) => p.toLowerCase());
		if (!lower.every((p) => allowed.some((a) => a.toLowerCase() === p))) return null;
		values = allowed.filter((a) => lower.includes(a.toLowerCase()));
	}
	if (none) values.push(NONE);
	return values.join(',');
}

/**
 * The canonical value of a parameter given once: a string ('' = drop it, as absent), or null
 * to keep it as sent.
 * @param {string} name
 * @param {string} raw
 * @returns {string | null}
 */
function canonicalValue(name, raw) {
	if (name === 'source') {
		const v = raw.trim().toLowerCase();
		return v === '' || v === 'builtin' ? '' : v === 'yours' ? 'yours' : null;
	}
	if (!KEY_FILTER_PARAMS.includes(name) || raw.length > MAX_PARAM_CHARS) return null;
	const v = raw.trim();
	if (v === '') return '';
	if (name === 'from' || name === 'to') {
		return /^\d{4}$/.test(v) && Number(v) >= KEY_YEARS.min && Number(v) <= KEY_YEARS.max ? v : null;
	}
	if (name === 'titles') {
		const t = v.toLowerCase();
		return t === 'family' ? '' : t === 'strict' ? 'strict' : null;
	}
	if (name === 'currency') {
		// Three letters, upper-cased (USD, the default, dropped); anything else kept as sent (the page quotes it).
		const c = v.toUpperCase();
		return /^[A-Z]{3}$/.test(c) ? (c === 'USD' ? '' : c) : null;
	}
	if (name === 'dedupe' || name === 'real') {
		const t = v.toLowerCase();
		return t === '1' || t === 'true' ? '1' : t === '0' || t === 'false' ? '' : null;
	}
	return canonicalList(name, raw);
}

/**
 * `pageKey('/pay?size=m,s&scale=log') → '/pay?scale=log&size=S%2CM'`: the path as sent, then
 * the canonical query (see above). Equal keys, equal pages.
 * @param {string} url the request's path and query (`req.url`)
 */
export function pageKey(url) {
	const q = url.indexOf('?');
	if (q < 0) return url;
	const path = url.slice(0, q);
	const params = new URLSearchParams(url.slice(q + 1));
	/** @type {Map<string, string[]>} */
	const byName = new Map();
	for (const [name, value] of params) {
		const list = byName.get(name);
		if (list) list.push(value);
		else byName.set(name, [value]);
	}
	/** @type {[string, string][]} */
	const out = [];
	for (const name of [...byName.keys()].sort()) {
		const values = /** @type {string[]} */ (byName.get(name));
		const canonical = values.length === 1 ? canonicalValue(name, /** @type {string} */ (values[0])) : null;
		if (canonical === null) for (const v of values) out.push([name, v]);
		else if (canonical !== '') out.push([name, canonical]);
	}
	const query = new URLSearchParams(out).toString();
	return query ? `${path}?${query}` : path;
}
