/**
 * `source=builtin|yours`: which data a page shows. Empty or absent is the built-in data; any
 * other value is an error (pages answer 400: a link that asks for data we cannot name must not
 * silently show other numbers). The API serves the built-in data only and rejects `source`
 * (see server/summary.ts): the user's file never reaches the server.
 */
import type { ParamError } from './url-filters';

export const SOURCES = ['builtin', 'yours'] as const;
export type DataSource = (typeof SOURCES)[number];
export const SOURCE_PARAM = 'source';

/** `parseSource(new URLSearchParams('source=yours')) → { source: 'yours', error: null }`. */
export function parseSource(params: URLSearchParams): { source: DataSource; error: ParamError | null } {
	const all = params.getAll(SOURCE_PARAM);
	if (all.length > 1) return { source: 'builtin', error: { param: SOURCE_PARAM, message: 'source: give it once, builtin or yours' } };
	const v = (all[0] ?? '').trim().toLowerCase();
	if (v === '' || v === 'builtin') return { source: 'builtin', error: null };
	if (v === 'yours') return { source: 'yours', error: null };
	return {
		source: 'builtin',
		error: { param: SOURCE_PARAM, message: `source: "${(all[0] ?? '').slice(0, 40)}" is not allowed; use builtin or yours` }
	};
}

/** The URL query with `source` set (yours) or removed (builtin), other parameters kept in order. */
export function withSource(search: URLSearchParams, source: DataSource): string {
	const p = new URLSearchParams(search);
	p.delete(SOURCE_PARAM);
	if (source === 'yours') p.append(SOURCE_PARAM, 'yours');
	const q = p.toString();
	return q ? `?${q}` : '';
}

/** The URL query without `param` (e.g. `currency`: the same view in US dollars), other parameters kept in order. */
export function withoutParam(search: URLSearchParams, param: string): string {
	const p = new URLSearchParams(search);
	p.delete(param);
	const q = p.toString();
	return q ? `?${q}` : '';
}

/** Does the URL ask for the user's own data? `wantsYours(new URLSearchParams('source=yours')) → true`; a bad value is not. */
export function wantsYours(params: URLSearchParams): boolean {
	return parseSource(params).source === 'yours';
}
