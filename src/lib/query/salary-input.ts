/**
 * What people type into "Where does a salary fall?": "120k", "120,000", "$120,000", "120000",
 * a range "150k–200k", "150-200k", "150,000 to 200,000". Pay in this data is yearly US
 * dollars, so another currency is refused with a message saying so (never converted).
 * Parsing never throws; an error carries a code (for tests and styling) and a sentence.
 */

/** Bounds of a plausible yearly salary in US dollars (inclusive). */
export const SALARY_INPUT_MIN_USD = 1_000;
export const SALARY_INPUT_MAX_USD = 10_000_000;
const MAX_CHARS = 60;

export type SalaryInputError = 'empty' | 'too-long' | 'other-currency' | 'negative' | 'zero' | 'too-small' | 'too-large' | 'not-a-number';

export type SalaryInput =
	| { readonly ok: true; readonly kind: 'value'; readonly value: number }
	| { readonly ok: true; readonly kind: 'band'; readonly low: number; readonly high: number }
	| { readonly ok: false; readonly error: SalaryInputError; readonly message: string };

const MESSAGES: Record<SalaryInputError, string> = {
	empty: 'Enter a yearly salary in US dollars, e.g. 120k or 150k–200k.',
	'too-long': 'That is too long for a salary; enter e.g. 120k or 150k–200k.',
	'other-currency': 'Pay here is in US dollars (USD): enter the amount in USD, e.g. 120k.',
	negative: 'A salary cannot be negative.',
	zero: 'A salary must be more than zero.',
	'too-small': 'That looks too small for a yearly salary in US dollars; did you mean thousands (add k)?',
	'too-large': 'That is larger than any yearly salary in the data; check the number of zeros.',
	'not-a-number': 'Could not read a number; enter e.g. 120k, $120,000 or 150k–200k.'
};

const fail = (error: SalaryInputError): SalaryInput => ({ ok: false, error, message: MESSAGES[error] });

/** Currency signs and codes that are not US dollars. "$" alone and "US$"/"USD" are dollars. */
const OTHER_SIGNS = /[€£¥₹₩₽₺₪₫₱₦₴₸₡₲₵฿]|\b(?:R|C|CA|A|AU|NZ|HK|S|SG|MX|NT)\$/i;
/** ISO 4217 codes of the currencies the source converted from, and other common ones. */
const OTHER_CODES =
	/\b(?:eur|euros?|gbp|pounds?|cad|aud|nzd|inr|rupees?|jpy|yen|cny|rmb|yuan|chf|sek|nok|dkk|pln|czk|huf|ron|brl|mxn|ars|clp|cop|zar|sgd|hkd|twd|krw|won|rub|try|ils|aed|sar|egp|ngn|php|thb|idr|myr|vnd|pkr|bdt|uah|kzt)\b/i;
const DOLLAR_WORDS = /\b(?:usd|us\$|us\s*dollars?|dollars?|a\s*year|per\s*year|\/\s*(?:yr|year)|yearly|annual(?:ly)?)\b|us\$/gi;

interface Amount {
	readonly value: number;
	/** The k or m typed after the digits (lower case), if any. */
	readonly suffix: 'k' | 'm' | undefined;
}

/** One amount: digits with optional thousands separators and decimals, then an optional k/m. */
function amount(raw: string): Amount | SalaryInputError {
	const s = raw.replace(/\$/g, '').replace(/\s/g, '');
	// An empty amount fails the pattern below. An ASCII '-' never reaches here: a leading one is
	// refused before splitting, any other splits a range; a Unicode minus does not split.
	if (s.startsWith('−')) return 'negative';
	const m = /^\+?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([km])?$/i.exec(s);
	if (!m) return 'not-a-number';
	const base = Number(m[1]!.replace(/,/g, ''));
	const suffix = m[2]?.toLowerCase() as 'k' | 'm' | undefined;
	const value = base * (suffix === 'k' ? 1_000 : suffix === 'm' ? 1_000_000 : 1);
	// Stryker disable next-line StringLiteral: unreachable, 60 characters cannot make a number past Number.MAX_VALUE; kept as a guard
	return Number.isFinite(value) ? { value: Math.round(value * 100) / 100, suffix } : 'not-a-number';
}

function checkRange(v: number): SalaryInputError | null {
	if (v === 0) return 'zero';
	if (v < SALARY_INPUT_MIN_USD) return 'too-small';
	if (v > SALARY_INPUT_MAX_USD) return 'too-large';
	return null;
}

/**
 * Parse a typed salary or salary range (yearly US dollars).
 * `parseSalaryInput('$120,000') → { ok: true, kind: 'value', value: 120000 }`;
 * `parseSalaryInput('150-200k') → { ok: true, kind: 'band', low: 150000, high: 200000 }`;
 * `parseSalaryInput('€90k') → { ok: false, error: 'other-currency', … }`.
 */
export function parseSalaryInput(text: string): SalaryInput {
	const t = text.trim();
	if (t === '') return fail('empty');
	if (t.length > MAX_CHARS) return fail('too-long');
	if (OTHER_SIGNS.test(t)) return fail('other-currency');
	const s = t.replace(DOLLAR_WORDS, ' ').trim();
	if (OTHER_CODES.test(s)) return fail('other-currency');
	if (s.startsWith('-') || s.startsWith('−')) return fail('negative');
	// A range: "a–b", "a—b", "a - b", "a to b" (a leading minus was handled above).
	const parts = s.split(/\s*(?:[–—-]|\bto\b)\s*/i);
	if (parts.length > 2) return fail('not-a-number');
	if (parts.length === 1) {
		const a = amount(s);
		if (typeof a === 'string') return fail(a);
		const bad = checkRange(a.value);
		return bad ? fail(bad) : { ok: true, kind: 'value', value: a.value };
	}
	const a = amount(parts[0]!);
	const b = amount(parts[1]!);
	if (typeof a === 'string') return fail(a);
	if (typeof b === 'string') return fail(b);
	// "150-200k": the second amount's k or m carries over to a bare first one that is smaller.
	let low = a.value;
	const high = b.value;
	if (a.suffix === undefined && b.suffix !== undefined && low < SALARY_INPUT_MIN_USD) low *= b.suffix === 'm' ? 1_000_000 : 1_000;
	const bad = checkRange(low) ?? checkRange(high);
	if (bad) return fail(bad);
	// Stryker disable next-line EqualityOperator: when low === high both orders give the same pair
	const [lo, hi] = low <= high ? [low, high] : [high, low];
	return lo === hi ? { ok: true, kind: 'value', value: lo } : { ok: true, kind: 'band', low: lo, high: hi };
}
