/**
 * Filters ⇄ URL query. Only values the user set go into the URL (defaults are omitted),
 * in a fixed order, so a shared link reproduces the view and equal views have equal URLs.
 * Parsing never throws: each bad parameter yields a message naming it and the allowed
 * values; the page shows the messages, the API answers 400 with them.
 *
 * Two rules hold for every parameter: an empty value (`size=`, `from=`, `real=`) is the same
 * as leaving the parameter out, and a switch (`dedupe`, `real`) takes 1 or 0, or true or
 * false in any case; anything else is an error.
 *
 * `none` in a list filter (`size=none`, `size=S,none`) is its "Not given" option (rows of an
 * uploaded file without that value; see `Filters.notGiven`). It is listed last in the URL.
 */
import {
	COMPANY_SIZES,
	EMPLOYMENT_TYPES,
	EXPERIENCE_LEVELS,
	REGIONS,
	REMOTE_RATIOS,
	WORK_YEAR_MAX,
	WORK_YEAR_MIN,
	type CompanySize,
	type EmploymentType,
	type ExperienceLevel,
	type Region,
	type RemoteRatio
} from '$lib/data/types';
import { isCountryCode } from '$lib/data/countries';
import { DEFAULT_FILTERS, type Filters, type NotGivenFacet } from '$lib/transform/filters';
import { TITLE_MODES, type TitleMode } from '$lib/transform/title-families';

export const FILTER_PARAMS = [
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
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** What each filter accepts, in words, for error messages. */
export const FILTER_ALLOWED: Record<FilterParam, string> = {
	size: COMPANY_SIZES.join(', '),
	region: REGIONS.join(', '),
	country: 'ISO 3166-1 alpha-2 codes such as US, GB, DE',
	exp: EXPERIENCE_LEVELS.join(', '),
	type: EMPLOYMENT_TYPES.join(', '),
	remote: REMOTE_RATIOS.join(', '),
	from: `a year from ${WORK_YEAR_MIN} to ${WORK_YEAR_MAX}`,
	to: `a year from ${WORK_YEAR_MIN} to ${WORK_YEAR_MAX}`,
	titles: TITLE_MODES.join(', '),
	dedupe: '1 or 0 (or true, false)',
	real: '1 or 0 (or true, false)',
	currency: 'USD, PPP or a three-letter ISO 4217 code such as EUR'
};

export interface ParamError {
	readonly param: string;
	readonly message: string;
}

/** The URL token of a list filter's "Not given" option. */
export const NOT_GIVEN_TOKEN = 'none';

const MAX_PARAM_CHARS = 400;

/** Removes the "Not given" token from a list value; true when it was there. */
function takeNotGiven(raw: string): { rest: string; notGiven: boolean } {
	const parts = raw.split(',');
	const kept = parts.filter((p) => p.trim().toLowerCase() !== NOT_GIVEN_TOKEN);
	return { rest: kept.join(','), notGiven: kept.length < parts.length };
}

function parseList<T extends string | number>(raw: string, param: string, allowed: readonly T[], errors: ParamError[]): T[] {
	const out: T[] = [];
	for (const part of raw.split(',')) {
		const v = part.trim();
		if (v === '') continue;
		const hit = allowed.find((a) => String(a).toLowerCase() === v.toLowerCase());
		if (hit === undefined) {
			errors.push({ param, message: `${param}: "${clip(v)}" is not allowed; use one or more of ${allowed.join(', ')} (comma-separated)` });
			return [];
		}
		if (!out.includes(hit)) out.push(hit);
	}
	// Canonical order: the order of `allowed`.
	return allowed.filter((a) => out.includes(a));
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

function parseYear(raw: string, param: 'from' | 'to', errors: ParamError[]): number | null {
	if (!/^\d{4}$/.test(raw.trim()) || +raw < WORK_YEAR_MIN || +raw > WORK_YEAR_MAX) {
		errors.push({ param, message: `${param}: "${clip(raw)}" is not a year from ${WORK_YEAR_MIN} to ${WORK_YEAR_MAX}` });
		return null;
	}
	return Number(raw);
}

function parseFlag(raw: string, param: 'dedupe' | 'real', errors: ParamError[]): boolean {
	const v = raw.trim().toLowerCase();
	if (v === '1' || v === 'true') return true;
	if (v === '0' || v === 'false') return false;
	errors.push({ param, message: `${param}: "${clip(raw)}" is not allowed; use ${FILTER_ALLOWED[param]}` });
	return false;
}

/** Read the dashboard filters from a query; unknown parameters are left to the caller. */
export function parseFilters(params: URLSearchParams): { filters: Filters; errors: ParamError[] } {
	const errors: ParamError[] = [];
	const get = (p: FilterParam): string | null => {
		const all = params.getAll(p);
		if (all.length === 0) return null;
		if (all.length > 1) {
			errors.push({
				param: p,
				message:
					p === 'currency'
						? 'currency: give it once, e.g. currency=EUR or currency=PPP'
						: `${p}: given ${all.length} times; give it once, with a comma-separated list of ${FILTER_ALLOWED[p]}`
			});
			return null;
		}
		if (all[0]!.length > MAX_PARAM_CHARS) {
			errors.push({ param: p, message: `${p}: longer than ${MAX_PARAM_CHARS} characters` });
			return null;
		}
		// An empty value means the default, as if the parameter were not given.
		return all[0]!.trim() === '' ? null : all[0]!;
	};
	const f: { -readonly [K in keyof Filters]: Filters[K] } = { ...DEFAULT_FILTERS };
	const notGiven: NotGivenFacet[] = [];
	const getList = (p: NotGivenFacet): string | null => {
		const raw = get(p);
		if (raw === null) return null;
		const { rest, notGiven: ng } = takeNotGiven(raw);
		if (ng) notGiven.push(p);
		return rest;
	};
	let v: string | null;
	if ((v = getList('size')) !== null) f.size = parseList<CompanySize>(v, 'size', COMPANY_SIZES, errors);
	if ((v = getList('region')) !== null) f.region = parseList<Region>(v, 'region', REGIONS, errors);
	if ((v = getList('country')) !== null) {
		const codes: string[] = [];
		for (const part of v.split(',')) {
			const c = part.trim().toUpperCase();
			if (c === '') continue;
			if (!isCountryCode(c)) {
				errors.push({ param: 'country', message: `country: "${clip(part.trim())}" is not an ISO 3166-1 alpha-2 code such as US, GB, DE` });
				codes.length = 0;
				break;
			}
			if (!codes.includes(c)) codes.push(c);
		}
		f.country = codes.sort();
	}
	if ((v = getList('exp')) !== null) f.exp = parseList<ExperienceLevel>(v, 'exp', EXPERIENCE_LEVELS, errors);
	if ((v = getList('type')) !== null) f.type = parseList<EmploymentType>(v, 'type', EMPLOYMENT_TYPES, errors);
	if ((v = getList('remote')) !== null) f.remote = parseList<RemoteRatio>(v, 'remote', REMOTE_RATIOS, errors);
	if (notGiven.length > 0) f.notGiven = notGiven;
	if ((v = get('from')) !== null) f.from = parseYear(v, 'from', errors);
	if ((v = get('to')) !== null) f.to = parseYear(v, 'to', errors);
	if (f.from !== null && f.to !== null && f.from > f.to) {
		errors.push({ param: 'from', message: `from: ${f.from} is after to: ${f.to}; the years were swapped` });
		[f.from, f.to] = [f.to, f.from];
	}
	if ((v = get('titles')) !== null) {
		const t = v.trim().toLowerCase();
		if ((TITLE_MODES as readonly string[]).includes(t)) f.titles = t as TitleMode;
		else errors.push({ param: 'titles', message: `titles: "${clip(v)}" is not allowed; use family or strict` });
	}
	if ((v = get('dedupe')) !== null) f.dedupe = parseFlag(v, 'dedupe', errors);
	if ((v = get('real')) !== null) f.real = parseFlag(v, 'real', errors);
	if ((v = get('currency')) !== null) {
		const c = v.trim().toUpperCase();
		// Whether the data has rates for the code is the page's or the API's call (they hold the tables).
		if (!/^[A-Z]{3}$/.test(c))
			errors.push({
				param: 'currency',
				message: `currency: "${clip(v)}" is not a currency code; use a three-letter ISO 4217 code such as EUR, or PPP`
			});
		else if (c !== 'USD') f.currency = c;
	}
	if (f.real && f.currency !== undefined) {
		errors.push({
			param: 'real',
			message: `real: real pay is measured with the US consumer price index, so it is given in US dollars only; remove real=1 or currency=${f.currency}`
		});
		f.real = false;
	}
	return { filters: Object.freeze(f), errors };
}
