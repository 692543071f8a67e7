/**
 * The only place numbers become strings, en-US. Money is US dollars unless a view is in another
 * money (`currency=`): every money formatter takes the code (`EUR`, `PPP`, …; default `USD`). `null` (a suppressed or undefined value)
 * renders as an en dash so a missing number never reads as zero.
 *
 * The rule every page follows (also in METHODS.md, "Number formats"):
 * - Dollars: `money` (to the dollar, "$152,340") in tables, cards, tooltips and anywhere a
 *   figure is read as a value; `moneyShort` (to $1k, "$152k"; "$1.3M") on chart axes and
 *   chart labels and in generated sentences. A figure and its interval always share one format.
 * - Percentages: a fixed number of decimals per kind, trailing zeros kept, so figures of one
 *   kind line up ("+2.0%" beside "+10.8%", never "+2%"): shares, changes and gaps 1 decimal
 *   (`pct`, `pctSigned`), percentage points 1 decimal (`ppSigned`), Indeed posting shares
 *   2 decimals (`pct2`), rounded facts in prose whole percent (`pctWhole`); axis ticks as few
 *   decimals as the tick needs (`pctAxis`, `pctSignedAxis`: "0%", "2.5%", "5%"). Charts take a
 *   separate value format for tooltips and labels, so an axis tick never sets a figure's precision.
 * - Counts: grouped integers ("5,841"); dates "19 Jan 2025" (fixed month names).
 */
import { format as d3format } from 'd3-format';

const DASH = '–';
const usd0 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * The sign written before an amount in each money the pages can show: `$` for US dollars, `Int$`
 * for international dollars at purchasing-power parity, the currency's own sign where it is
 * unambiguous ("€", "£", "₹"), a country-marked dollar ("CA$", "A$") and else the code and a
 * space ("CHF 120,000"). A fixed table, not the runtime's locale data, so the server and every
 * browser print the same text.
 */
const MONEY_SIGN: Readonly<Record<string, string>> = {
	USD: '$',
	PPP: 'Int$',
	EUR: '€',
	GBP: '£',
	INR: '₹',
	JPY: '¥',
	KRW: '₩',
	PHP: '₱',
	AUD: 'A$',
	BRL: 'R$',
	CAD: 'CA$',
	CNY: 'CN¥',
	HKD: 'HK$',
	MXN: 'MX$',
	NZD: 'NZ$',
	TWD: 'NT$'
};

/** The sign before an amount of `code`: `moneySign('EUR') → "€"`, `moneySign('CHF') → "CHF "`, `moneySign('PPP') → "Int$"`. */
export function moneySign(code = 'USD'): string {
	return MONEY_SIGN[code] ?? `${code} `;
}

/** Currency names in English, fixed (not the runtime's locale data, so server and browser agree). */
const CURRENCY_NAME: Readonly<Record<string, string>> = {
	AUD: 'Australian dollar',
	BRL: 'Brazilian real',
	CAD: 'Canadian dollar',
	CHF: 'Swiss franc',
	CNY: 'Chinese yuan',
	DKK: 'Danish krone',
	EUR: 'Euro',
	GBP: 'British pound',
	HKD: 'Hong Kong dollar',
	INR: 'Indian rupee',
	JPY: 'Japanese yen',
	KRW: 'South Korean won',
	MXN: 'Mexican peso',
	MYR: 'Malaysian ringgit',
	NOK: 'Norwegian krone',
	NZD: 'New Zealand dollar',
	PHP: 'Philippine peso',
	PLN: 'Polish złoty',
	SEK: 'Swedish krona',
	SGD: 'Singapore dollar',
	THB: 'Thai baht',
	TWD: 'New Taiwan dollar',
	ZAR: 'South African rand',
	USD: 'US dollars',
	PPP: 'International dollars at purchasing-power parity'
};

/** A money as a choice: `moneyChoice('EUR') → "Euro (EUR)"`, `moneyChoice('XYZ') → "XYZ"`. */
export function moneyChoice(code: string): string {
	const name = CURRENCY_NAME[code];
	return name ? `${name} (${code})` : code;
}

/**
 * The unit of a money in axis titles, table headers and CSV notes: `moneyUnit('USD') → "US$"`,
 * `moneyUnit('EUR') → "EUR"`, `moneyUnit('PPP') → "international $, PPP"`.
 */
export function moneyUnit(code = 'USD'): string {
	return code === 'USD' ? 'US$' : code === 'PPP' ? 'international $, PPP' : code;
}

/** A whole amount ≥ 0 with its money's sign, grouped: `whole(152340, 'EUR') → "€152,340"`. */
function whole(n: number, code: string): string {
	return `${moneySign(code)}${int.format(n)}`;
}

/** `money(152340) → "$152,340"`, `money(152340, 'EUR') → "€152,340"`. */
export function money(v: number | null | undefined, code = 'USD'): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
	if (code === 'USD') return usd0.format(Math.round(v));
	const n = Math.round(v);
	return `${n < 0 ? '-' : ''}${whole(Math.abs(n), code)}`;
}

/**
 * An amount in any currency, whole units, with its sign where one is common:
 * `moneyIn(80000, 'EUR') → "€80,000"`, `moneyIn(3e6, 'INR') → "₹3,000,000"`, `moneyIn(120000, 'CHF') → "CHF 120,000"`.
 */
export function moneyIn(v: number, currency: string): string {
	return new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 })
		.format(Math.round(v))
		.replace(/^([A-Z]{3})\u00a0?/, '$1 ');
}

/** An exchange rate, at most four significant digits: `rate4(0.9000056) → "0.9"`, `rate4(83.30036) → "83.3"`. */
export function rate4(v: number): string {
	return v.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}

/** Compact money for axes and sentences: `moneyShort(152340) → "$152k"`, `moneyShort(1.2e6) → "$1.2M"`, `moneyShort(9e4, 'EUR') → "€90k"`. */
export function moneyShort(v: number | null | undefined, code = 'USD'): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
	const a = Math.abs(v);
	const sign = v < 0 ? '−' : '';
	const m = moneySign(code);
	if (a >= 1e6) return `${sign}${m}${trim(a / 1e6, 1)}M`;
	if (a >= 1e3) return `${sign}${m}${Math.round(a / 1e3)}k`;
	return `${sign}${m}${Math.round(a)}`;
}

/**
 * Two ends of an interval in one format, so neither reads at another scale: compact when both
 * ends have the same unit at the smaller end's size ($k from $1,000, $M from $1M), else both to
 * the dollar (`full`: always to the unit, beside a figure printed with `money`). `signed` puts +
 * before positive ends (for gaps); `code` is the money (default US dollars).
 * `moneyRange(-39_112, -25) → "−$39,112 to −$25"`, `moneyRange(21_000, 37_000) → "$21k to $37k"`,
 * `moneyRange(-60_100, 3_000, { signed: true }) → "−$60k to +$3k"`, `moneyRange(900_000, 1_300_000) → "$900k to $1,300k"`.
 */
export function moneyRange(
	lo: number | null | undefined,
	hi: number | null | undefined,
	opts: { readonly signed?: boolean; readonly sep?: string; readonly full?: boolean; readonly code?: string } = {}
): string {
	if (lo === null || lo === undefined || hi === null || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)) return DASH;
	const sep = opts.sep ?? ' to ';
	const code = opts.code ?? 'USD';
	const m = moneySign(code);
	const small = Math.min(...[Math.abs(lo), Math.abs(hi)].filter((a) => Math.round(a) !== 0), Infinity);
	const sign = (v: number, text: string) => (opts.signed && v > 0 && text !== `${m}0` ? `+${text}` : text);
	const one = (v: number): string => {
		const a = Math.abs(v);
		if (Math.round(a) === 0) return `${m}0`;
		const minus = v < 0 ? '−' : '';
		if (opts.full) return `${minus}${whole(Math.round(a), code)}`;
		if (small >= 1e6 && small !== Infinity) return `${minus}${m}${trim(a / 1e6, 1)}M`;
		if (small >= 1e3) return `${minus}${m}${int.format(Math.round(a / 1e3))}k`;
		return `${minus}${whole(Math.round(a), code)}`;
	};
	return `${sign(lo, one(lo))}${sep}${sign(hi, one(hi))}`;
}

/** Compact signed money for gap labels: `moneyShortSigned(-26000) → "−$26k"`, `moneyShortSigned(4200) → "+$4k"`. */
export function moneyShortSigned(v: number | null | undefined, code = 'USD'): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
	return v > 0 ? `+${moneyShort(v, code)}` : moneyShort(v, code);
}

/** Signed money for gaps: `moneySigned(-4200) → "−$4,200"`, `moneySigned(4200, 'GBP') → "+£4,200"`. */
export function moneySigned(v: number | null | undefined, code = 'USD'): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
	return `${v > 0 ? '+' : v < 0 ? '−' : ''}${whole(Math.abs(Math.round(v)), code)}`;
}

/** Percent from a 0–100 number, always `digits` decimals (see the rule above): `pct(12.345) → "12.3%"`, `pct(2) → "2.0%"`. */
export function pct(v: number | null | undefined, digits = 1): string {
	return v === null || v === undefined || !Number.isFinite(v) ? DASH : `${fixedDigits(v, digits)}%`;
}

/** Signed percent from a 0–100 number: `pctSigned(-3.2) → "−3.2%"`, `pctSigned(2) → "+2.0%"`, `pctSigned(0.01) → "0.0%"`. */
export function pctSigned(v: number | null | undefined, digits = 1): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
	return `${signed(v, digits)}%`;
}

/** Signed percentage points: `ppSigned(7.04) → "+7.0 pts"`. */
export function ppSigned(v: number | null | undefined, digits = 1): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
	return `${signed(v, digits)} pts`;
}

const decimals = new Map<number, Intl.NumberFormat>();
/** |v| grouped, with exactly `digits` decimals: `unsignedDigits(-1451.04, 1) → "1,451.0"`. */
function unsignedDigits(v: number, digits: number): string {
	let f = decimals.get(digits);
	if (!f) {
		f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
		decimals.set(digits, f);
	}
	return f.format(Math.abs(v));
}

/** Whether |v| rounds to zero at `digits` decimals (then no sign is shown). */
const roundsToZero = (v: number, digits: number) => Math.abs(v) < 0.5 * 10 ** -digits;

/** `fixedDigits(-0.04, 1) → "0.0"`, `fixedDigits(-3.21, 1) → "−3.2"`. */
function fixedDigits(v: number, digits: number): string {
	return `${v < 0 && !roundsToZero(v, digits) ? '−' : ''}${unsignedDigits(v, digits)}`;
}

/** Sign (+ or −, none for a value that rounds to zero) and `digits` decimals of |v|. */
function signed(v: number, digits: number): string {
	return `${roundsToZero(v, digits) ? '' : v > 0 ? '+' : '−'}${unsignedDigits(v, digits)}`;
}

/** `ordinal(48) → "48th"`, `ordinal(21) → "21st"`. */
export function ordinal(v: number): string {
	const n = Math.round(v);
	const t = n % 100;
	const suffix = t >= 11 && t <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${suffix}`;
}

/** `count(5841) → "5,841"`. */
export function count(v: number | null | undefined): string {
	return v === null || v === undefined || !Number.isFinite(v) ? DASH : int.format(v);
}

/** `countSigned(-3997) → "−3,997"`. */
export function countSigned(v: number | null | undefined): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
	return `${v > 0 ? '+' : v < 0 ? '−' : ''}${int.format(Math.abs(v))}`;
}

/** `nLabel(651) → "n = 651"`. */
export function nLabel(n: number): string {
	return `n = ${count(n)}`;
}

/**
 * Month abbreviations, fixed here rather than taken from Intl: ICU versions disagree on
 * September ("Sep" or "Sept"), so a server and a browser could print the same date two ways.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** ISO date to a readable one: `date('2025-01-19') → "19 Jan 2025"`, `date('2024-09-27') → "27 Sep 2024"`. */
export function date(iso: string): string {
	const d = new Date(`${iso}T00:00:00Z`);
	if (Number.isNaN(d.getTime())) return iso;
	return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** One decimal, unsigned, for index values: `fixed1(102.46) → "102.5"`. */
export function fixed1(v: number | null | undefined): string {
	return v === null || v === undefined || !Number.isFinite(v) ? DASH : v.toFixed(1);
}

const integer = d3format('d');

/** A year or other integer without grouping: `yearLabel(2024) → "2024"`. */
export function yearLabel(v: number): string {
	return integer(v);
}

/** Whole number, unsigned, for index axes: `fixed0(102.46) → "102"`. */
export function fixed0(v: number | null | undefined): string {
	return v === null || v === undefined || !Number.isFinite(v) ? DASH : v.toFixed(0);
}

/** Two decimals, for Indeed's shares of postings (often below 1%): `pct2(0.1) → "0.10%"`. */
export function pct2(v: number | null | undefined): string {
	return pct(v, 2);
}

/** Percent axis ticks, as few decimals as the tick needs: `pctAxis(2) → "2%"`, `pctAxis(0.5) → "0.5%"`. */
export function pctAxis(v: number | null | undefined): string {
	return v === null || v === undefined || !Number.isFinite(v) ? DASH : `${v < 0 ? '−' : ''}${trim(Math.abs(v), 2)}%`;
}

/** Signed percent axis ticks: `pctSignedAxis(10) → "+10%"`, `pctSignedAxis(-2.5) → "−2.5%"`, `pctSignedAxis(0) → "0%"`. */
export function pctSignedAxis(v: number | null | undefined): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
	const s = trim(Math.abs(v), 2);
	return `${s === '0' ? '' : v > 0 ? '+' : '−'}${s}%`;
}

/** Whole percent for axes and rounded facts in prose: `pctWhole(33.3) → "33%"`. */
export function pctWhole(v: number | null | undefined): string {
	return pct(v, 0);
}

/** Month and year of a UTC date: `monthYear(new Date('2024-01-01')) → "Jan 2024"`. */
export function monthYear(d: Date): string {
	return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * Number formats by name, so a view model (plain data, built on the server or in a worker)
 * can say how a table column is printed without carrying a function.
 */
export const NUMBER_FORMATS = {
	count,
	money,
	pct,
	pct2,
	pctSigned,
	fixed1
} as const satisfies Record<string, (v: number | null | undefined) => string>;
export type NumberFormat = keyof typeof NUMBER_FORMATS;

function trim(v: number, digits: number): string {
	return v
		.toFixed(digits)
		.replace(/\.0+$/, '')
		.replace(/(\.\d*?)0+$/, '$1');
}

/** File sizes in decimal megabytes: `megabytes(56_400_000) → "56.4 MB"`, `megabytes(2048) → "0.002 MB"`. */
export function megabytes(bytes: number | null | undefined): string {
	if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return DASH;
	const mb = bytes / 1e6;
	return `${mb >= 10 ? trim(mb, 1) : mb >= 0.01 ? trim(mb, 2) : trim(mb, 3)} MB`;
}

/** File sizes in binary gigabytes, one decimal: `gibibytes(1.5 * 1024 ** 3) → "1.5 GB"`. */
export function gibibytes(bytes: number | null | undefined): string {
	if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return DASH;
	return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** A duration from milliseconds: `seconds(2345) → "2.3 s"`, `seconds(40.4) → "40 ms"`, `seconds(0.3) → "< 1 ms"`. */
export function seconds(ms: number | null | undefined): string {
	if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
	if (ms >= 1000) return `${trim(ms / 1000, 1)} s`;
	return ms < 0.5 ? '< 1 ms' : `${Math.round(ms)} ms`;
}
