/**
 * Values as people write them: money with separators, `k`, currency symbols and ranges;
 * dates as ISO, epoch or a user-given pattern. Each parser returns the value or
 * `{ error }` with a reason that does not repeat the value (so reasons can be counted);
 * the raw text travels beside it in the report. Formats are detected on a sample
 * (`detectNumberFormat`, `detectDateFormat`) and shown to the user for confirmation.
 */

import { ABOVE_MAX_PAY, MAX_ANNUAL_PAY_USD } from '../types';

export type Parsed<T> = T | { error: string };

export function failed<T>(v: Parsed<T>): v is { error: string } {
	return typeof v === 'object' && v !== null && 'error' in v;
}

// ---- numbers -----------------------------------------------------------------------

/** How digits are grouped and the decimal mark: `1,234.56`, `1.234,56`, `1 234,56`. */
export interface NumberFormat {
	readonly thousands: ',' | '.' | ' ' | '';
	readonly decimal: '.' | ',';
}

export const NUMBER_FORMATS: readonly NumberFormat[] = [
	{ thousands: ',', decimal: '.' },
	{ thousands: '.', decimal: ',' },
	{ thousands: ' ', decimal: ',' },
	{ thousands: ' ', decimal: '.' },
	{ thousands: '', decimal: '.' },
	{ thousands: '', decimal: ',' }
];

export const DEFAULT_NUMBER_FORMAT: NumberFormat = { thousands: ',', decimal: '.' };

/** Hours in a paid working year (40 h × 52 weeks), used to annualise hourly pay. */
export const HOURS_PER_YEAR = 2080;
/** Months per year, used to annualise monthly pay. */
export const MONTHS_PER_YEAR = 12;

/**
 * Annual US$ pay within the bound both parsers apply: `annualUsd(120_000) → 120000`,
 * `annualUsd(12_000_000) → { error: 'above $10,000,000 a year: check the unit' }`.
 */
export function annualUsd(v: number): Parsed<number> {
	return v > MAX_ANNUAL_PAY_USD ? { error: ABOVE_MAX_PAY } : v;
}

export type PayPeriod = 'year' | 'month' | 'hour';
export const PAY_FACTOR: Readonly<Record<PayPeriod, number>> = { year: 1, month: MONTHS_PER_YEAR, hour: HOURS_PER_YEAR };

/** `payPeriodOf('hourly') → 'hour'`; null for anything unrecognised. */
export function payPeriodOf(raw: string): PayPeriod | null {
	const s = raw.trim().toLowerCase();
	if (/^(year|yearly|annual|annually|annum|per year|a year|yr|y)$/.test(s)) return 'year';
	if (/^(month|monthly|per month|a month|mo|m)$/.test(s)) return 'month';
	if (/^(hour|hourly|per hour|an hour|hr|h)$/.test(s)) return 'hour';
	return null;
}

/** The reason for a number JavaScript cannot hold exactly (above Number.MAX_SAFE_INTEGER): it is refused, not rounded. */
export const TOO_LARGE = `too large to read exactly (above ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')})`;

const SPACES = /[\s\u00a0\u202f]/g;
const PLAIN = /^\d+(\.\d+)?$/;
const PLAIN_FAST = /^\d{1,15}$/;

/**
 * A non-negative decimal under a format. Grouping must be regular (`1,234,567`, not
 * `12,34`), so a wrong format fails instead of silently scaling the number.
 * `parseDecimal('1.234,5', { thousands: '.', decimal: ',' }) → 1234.5`.
 */
export function parseDecimal(raw: string, fmt: NumberFormat): Parsed<number> {
	// Every kind of space becomes ' ': under a format without space grouping it fails either way.
	let s = raw.replace(SPACES, ' ');
	const t = fmt.thousands;
	if (t !== '' && s.includes(t)) {
		const [int, ...rest] = s.split(fmt.decimal);
		if (rest.length > 1) return { error: 'not a number' };
		const groups = int!.split(t);
		if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return { error: 'not a number' };
		s = groups.join('') + (rest.length ? '.' + rest[0] : '');
	} else if (fmt.decimal === ',') {
		if (s.includes('.')) return { error: 'not a number' };
		s = s.replace(',', '.');
	}
	// What is left must be digits with at most one decimal point (a stray ',' fails here).
	if (!PLAIN.test(s)) return { error: 'not a number' };
	const n = Number(s);
	// 9007199254740993 would silently become …992: refuse it instead.
	return n > Number.MAX_SAFE_INTEGER ? { error: TOO_LARGE } : n;
}

/** Symbols and codes that mark US dollars. */
const USD_MARK = /^(US\$|USD|\$|US\s?dollars?)\s*|\s*(USD|US\$|\$)$/i;
/** Anything else that names a currency. */
const OTHER_CURRENCY =
	/[€£¥₹₩₽₺₪₫฿₦₱₴₡₲₵₸]|\b(EUR|GBP|JPY|INR|CAD|AUD|CHF|CNY|SEK|NOK|DKK|PLN|BRL|MXN|ZAR|SGD|HKD|NZD|KRW|RUB|TRY|ILS|CZK|HUF)\b|(?<![A-Za-z])(C|A|NZ|HK|S|R)\$/i;
const RANGE_SPLIT = /\s*(?:–|—|-|\bto\b)\s*/i;
const SUFFIX = /^(.*?)\s*([kKmM])$/;

export interface MoneyOptions {
	readonly format: NumberFormat;
	/** When true (the field is in USD), another currency's symbol rejects the value. */
	readonly usd: boolean;
}

/**
 * Pay as written: `$120,000`, `120k`, `USD 95 000` (with a space format), `$120–150k`
 * (a range becomes its midpoint; a `k` on the upper end applies to both ends when the
 * lower end has no suffix), `1.2M`. Zero and negative pay are rejected, and so is a
 * non-USD currency when `usd` is set, and an amount above Number.MAX_SAFE_INTEGER (TOO_LARGE,
 * never rounded). The result is per the source's pay period; the annual bound
 * (MAX_ANNUAL_PAY_USD) is checked after annualising (`annualUsd`).
 */
export function parseMoney(raw: string, opts: MoneyOptions): Parsed<number> {
	const s0 = raw.trim();
	if (s0 === '') return { error: 'empty' };
	// Stryker disable next-line ConditionalExpression,BlockStatement: a fast path; the general path reads plain digits the same
	if (PLAIN_FAST.test(s0)) {
		const n = Number(s0);
		return n > 0 ? n : { error: 'zero pay' };
	}
	const other = OTHER_CURRENCY.exec(s0);
	if (other && opts.usd) return { error: `currency is not USD (${other[0]})` };
	let s = other ? s0.replace(OTHER_CURRENCY, '').trim() : s0;
	if (/^-/.test(s) || /^\(.*\)$/.test(s)) return { error: 'negative pay' };
	s = s.replace(USD_MARK, ''); // its \s* takes the spaces beside the mark
	if (/^-/.test(s)) return { error: 'negative pay' };
	const parts = s.split(RANGE_SPLIT).map((p) => p.replace(USD_MARK, ''));
	// An empty end (`100k-`) fails as a number below.
	if (parts.length > 2) return { error: 'not an amount' };
	const values: number[] = [];
	// The last part's suffix; a lower end without one takes it (for one part, m is hi).
	const hi = SUFFIX.exec(parts[parts.length - 1]!);
	for (let i = 0; i < parts.length; i++) {
		let p = parts[i]!;
		let mult = 1;
		const m = SUFFIX.exec(p);
		if (m) {
			p = m[1]!;
			mult = m[2]!.toLowerCase() === 'k' ? 1e3 : 1e6;
		} else if (hi) mult = hi[2]!.toLowerCase() === 'k' ? 1e3 : 1e6;
		const v = parseDecimal(p, opts.format);
		if (failed(v)) return { error: v.error === TOO_LARGE ? TOO_LARGE : 'not an amount' };
		if (v * mult > Number.MAX_SAFE_INTEGER) return { error: TOO_LARGE };
		values.push(v * mult);
	}
	const lo = values[0]!;
	const up = values[values.length - 1]!;
	if (up < lo) return { error: 'range upper end below lower end' };
	// A range gives its midpoint; a single value is its own (x + x) / 2.
	const v = (lo + up) / 2;
	if (!Number.isFinite(v)) return { error: 'not an amount' };
	if (v === 0) return { error: 'zero pay' };
	return v;
}

/**
 * Which number format fits a sample best: each candidate scores the values it reads;
 * ties go to the order of NUMBER_FORMATS (the US/UK style first).
 */
export function detectNumberFormat(samples: readonly string[]): { format: NumberFormat; read: number; total: number } {
	const vals = samples.map((s) => s.trim()).filter((s) => s !== '');
	let best = { format: DEFAULT_NUMBER_FORMAT, read: -1, total: vals.length };
	for (const format of NUMBER_FORMATS) {
		let read = 0;
		for (const v of vals) if (!failed(parseMoney(v, { format, usd: false }))) read++;
		// Prefer a format that uses a separator the sample shows over the plain ones.
		if (read > best.read) best = { format, read, total: vals.length };
	}
	// `1,234` reads under both `,` thousands and `,` decimal; a decimal comma needs evidence.
	return best;
}

// ---- dates -------------------------------------------------------------------------

export type DateFormat =
	| { readonly kind: 'iso' }
	| { readonly kind: 'epoch-s' }
	| { readonly kind: 'epoch-ms' }
	/** Tokens YYYY, MM, M, DD, D, HH, mm, ss; any other character is literal. */
	| { readonly kind: 'pattern'; readonly pattern: string };

const ISO = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?\s*(Z|UTC|([+-])(\d{2})(?::?(\d{2}))?)?$/;

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Parsed<number> {
	if (mo < 1 || mo > 12 || mi > 59 || s > 59) return { error: 'no such date' };
	const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	// Day 0, a day past the month's end and hour 24 roll over to another day of the month.
	if (new Date(t).getUTCDate() !== d) return { error: 'no such date' };
	return t;
}

function isoDateMs(raw: string): Parsed<number> {
	const m = ISO.exec(raw);
	if (!m) return { error: 'not an ISO date' };
	const t = utc(
		+m[1]!,
		+m[2]!,
		m[3] ? +m[3] : 1,
		m[4] ? +m[4] : 0,
		m[5] ? +m[5] : 0,
		m[6] ? +m[6] : 0,
		m[7] ? Math.floor(+`0.${m[7]}` * 1000) : 0
	);
	if (failed(t)) return t;
	// m[9..11]: the sign, hours and minutes of a numeric offset (none for Z, UTC or no zone).
	if (!m[9]) return t;
	const off = (+m[10]! * 60 + (m[11] ? +m[11] : 0)) * 60_000;
	return m[9] === '+' ? t - off : t + off;
}

/** 2001-09-09 … 2100 in seconds or ms: bounds keep ids and small codes from passing as epochs. */
const EPOCH_S = /^\d{10}$/;
const EPOCH_MS = /^\d{13}$/;

const TOKEN = /YYYY|MM|M|DD|D|HH|mm|ss/g;
const patternCache = new Map<string, { re: RegExp; keys: string[] }>();

function compilePattern(pattern: string): { re: RegExp; keys: string[] } {
	const hit = patternCache.get(pattern);
	// Stryker disable next-line ConditionalExpression: a cache; compiling again gives the same pattern
	if (hit) return hit;
	const keys: string[] = [];
	let src = '';
	let last = 0;
	for (const m of pattern.matchAll(TOKEN)) {
		src += pattern.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		keys.push(m[0]);
		src += m[0] === 'YYYY' ? '(\\d{4})' : m[0].length === 1 ? '(\\d{1,2})' : '(\\d{2})';
		last = m.index + m[0].length;
	}
	src += pattern.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const out = { re: new RegExp(`^${src}$`), keys };
	patternCache.set(pattern, out);
	return out;
}

/**
 * A date as ms since 1970 (UTC; a zone offset in ISO text is applied). Codes like `L4-5`
 * or `2-3` match no format and are rejected. `parseDate('2023-06-16 13:44:15', {kind:'iso'})`.
 */
export function parseDate(raw: string, fmt: DateFormat): Parsed<number> {
	const s = raw.trim();
	if (s === '') return { error: 'empty' };
	switch (fmt.kind) {
		case 'iso':
			return isoDateMs(s);
		case 'epoch-s':
			return EPOCH_S.test(s) ? Number(s) * 1000 : { error: 'not epoch seconds' };
		case 'epoch-ms':
			return EPOCH_MS.test(s) ? Number(s) : { error: 'not epoch milliseconds' };
		case 'pattern': {
			const { re, keys } = compilePattern(fmt.pattern);
			const m = re.exec(s);
			if (!m) return { error: `not a date like ${fmt.pattern}` };
			const get = (...names: string[]) => {
				const i = keys.findIndex((k) => names.includes(k));
				return i < 0 ? undefined : +m[i + 1]!;
			};
			const y = get('YYYY');
			if (y === undefined) return { error: 'pattern has no YYYY' };
			return utc(y, get('MM', 'M') ?? 1, get('DD', 'D') ?? 1, get('HH') ?? 0, get('mm') ?? 0, get('ss') ?? 0);
		}
	}
}

/** Candidate formats tried by detection, in order. */
export const DETECTED_DATE_FORMATS: readonly DateFormat[] = [{ kind: 'iso' }, { kind: 'epoch-s' }, { kind: 'epoch-ms' }];

/**
 * The format that reads the most of a sample, or null when none reads most of it
 * (the user then gives a pattern). `monthOnly`: every value is a month (`2023-06`).
 */
export function detectDateFormat(
	samples: readonly string[]
): { format: DateFormat; read: number; total: number; monthOnly: boolean } | null {
	const vals = samples.map((s) => s.trim()).filter((s) => s !== '');
	if (vals.length === 0) return null;
	let best: { format: DateFormat; read: number } | null = null;
	for (const format of DETECTED_DATE_FORMATS) {
		const read = vals.filter((v) => !failed(parseDate(v, format))).length;
		if (!best || read > best.read) best = { format, read };
	}
	if (!best || best.read * 2 < vals.length) return null;
	// Only ISO reads `2023-06`: epoch values are digits alone.
	const monthOnly = vals.every((v) => /^\d{4}-\d{2}$/.test(v));
	return { ...best, total: vals.length, monthOnly };
}
