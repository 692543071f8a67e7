/**
 * What people type into "Where does a salary fall?": "120k", "120,000", "$120,000", "120000",
 * a range "150k–200k", "150-200k", "150,000 to 200,000", and pay in other currencies as people
 * write it: "€80k", "80.000 €", "£95,000", "CHF 120k", "₹30,00,000", "30 lakh", "€80–100k".
 * A result in another currency carries its code (`currency`); the page converts it to the view's
 * money with the data's own rate (pages/registry.ts, `salaryInUsd` below) and says so.
 * Parsing never throws; an error carries a code (for tests and styling) and a sentence.
 */

/** Bounds of a plausible yearly salary in US dollars (inclusive), checked after conversion. */
export const SALARY_INPUT_MIN_USD = 1_000;
export const SALARY_INPUT_MAX_USD = 10_000_000;
const MAX_CHARS = 60;

export type SalaryInputError =
	| 'empty'
	| 'too-long'
	| 'unknown-currency'
	| 'two-currencies'
	| 'ambiguous-currency'
	| 'no-rate'
	| 'negative'
	| 'zero'
	| 'too-small'
	| 'too-large'
	| 'not-a-number';

/** A salary or band as typed; `currency` (ISO 4217) only when it is not US dollars. */
export type SalaryInput =
	| { readonly ok: true; readonly kind: 'value'; readonly value: number; readonly currency?: string }
	| { readonly ok: true; readonly kind: 'band'; readonly low: number; readonly high: number; readonly currency?: string }
	| { readonly ok: false; readonly error: SalaryInputError; readonly message: string };

const READS = 'e.g. 120k, $120,000, €80k, £95,000, 30 lakh or 150k–200k';
const MESSAGES: Record<Exclude<SalaryInputError, 'unknown-currency' | 'no-rate'>, string> = {
	empty: `Enter a yearly salary, ${READS}.`,
	'too-long': 'That is too long for a salary; enter e.g. 120k or 150k–200k.',
	'two-currencies': 'Two currencies in one salary: write both ends in one currency, e.g. €80k–100k.',
	'ambiguous-currency': '"kr" could be Swedish, Norwegian or Danish kroner: write SEK, NOK or DKK.',
	negative: 'A salary cannot be negative.',
	zero: 'A salary must be more than zero.',
	'too-small': 'That looks too small for a yearly salary; did you mean thousands (add k)?',
	'too-large': 'That is larger than any yearly salary in the data; check the number of zeros.',
	'not-a-number': `Could not read a number; enter ${READS}.`
};

const fail = (error: keyof typeof MESSAGES): SalaryInput => ({ ok: false, error, message: MESSAGES[error] });

/** An amount in a currency the data has no rate for: the page says which, and what it can read. */
export function noRate(currency: string): SalaryInput {
	return {
		ok: false,
		error: 'no-rate',
		message: `This data has no exchange rate for ${currency}; enter the amount in US dollars or in a currency it has (e.g. EUR, GBP, INR).`
	};
}

function unknownCurrency(code: string): SalaryInput {
	return {
		ok: false,
		error: 'unknown-currency',
		message: `"${code}" is not a currency code this page knows; write e.g. USD, EUR, GBP, CHF or INR.`
	};
}

/** Signs, longest first so "CA$" wins over "$". */
const SIGNS: readonly (readonly [string, string])[] = [
	['US$', 'USD'],
	['CA$', 'CAD'],
	['AU$', 'AUD'],
	['NZ$', 'NZD'],
	['HK$', 'HKD'],
	['SG$', 'SGD'],
	['MX$', 'MXN'],
	['NT$', 'TWD'],
	['R$', 'BRL'],
	['C$', 'CAD'],
	['A$', 'AUD'],
	['S$', 'SGD'],
	['zł', 'PLN'],
	['€', 'EUR'],
	['£', 'GBP'],
	['¥', 'JPY'],
	['₹', 'INR'],
	['₩', 'KRW'],
	['₽', 'RUB'],
	['₺', 'TRY'],
	['₪', 'ILS'],
	['₫', 'VND'],
	['₱', 'PHP'],
	['₦', 'NGN'],
	['₴', 'UAH'],
	['฿', 'THB'],
	['$', 'USD']
];

/** ISO 4217 codes read as typed (any case). */
const CODES = new Set(
	'usd eur gbp cad aud nzd inr jpy cny chf sek nok dkk pln czk huf ron bgn brl mxn ars clp cop pen zar sgd hkd twd krw rub try ils aed sar egp ngn php thb idr myr vnd pkr bdt uah kzt'.split(
		' '
	)
);

/** Words for money and time that name a currency (or none: a dollar, a year). */
const WORDS: Readonly<Record<string, string | null>> = {
	dollar: 'USD',
	dollars: 'USD',
	euro: 'EUR',
	euros: 'EUR',
	pound: 'GBP',
	pounds: 'GBP',
	rupee: 'INR',
	rupees: 'INR',
	rs: 'INR',
	lakh: 'INR',
	lakhs: 'INR',
	lac: 'INR',
	crore: 'INR',
	crores: 'INR',
	yen: 'JPY',
	yuan: 'CNY',
	rmb: 'CNY',
	won: 'KRW',
	franc: 'CHF',
	francs: 'CHF',
	fr: 'CHF',
	us: null,
	a: null,
	per: null,
	year: null,
	yr: null,
	yearly: null,
	annual: null,
	annually: null,
	gross: null
};

/** Multipliers written as words: 30 lakh = 3,000,000; 1.2 crore = 12,000,000. */
const WORD_SCALE: Readonly<Record<string, number>> = { lakh: 1e5, lakhs: 1e5, lac: 1e5, crore: 1e7, crores: 1e7 };

interface Amount {
	readonly value: number;
	/** The scale typed after the digits (k, m, or a lakh/crore factor), if any. */
	readonly scale: number | undefined;
}

/**
 * One amount: digits with thousands separators (1,234,567; Indian 12,34,567; European 1.234.567,
 * with a decimal comma allowed after it) or plain decimals, then an optional k, m, lakh or crore.
 */
function amount(raw: string): Amount | 'negative' | 'not-a-number' {
	const s = raw.replace(/\s/g, '');
	// An ASCII '-' never reaches here: a leading one is refused before splitting, any other splits a range.
	if (s.startsWith('−')) return 'negative';
	const m = /^\+?(\d[\d.,]*)(k|m|lakhs?|lac|crores?)?$/i.exec(s);
	if (!m) return 'not-a-number';
	const digits = m[1]!;
	const unit = m[2]?.toLowerCase();
	let base: number;
	// "80.000" and "1.234.567,50" are European thousands; "95.5k" and "1.500k" stay decimals.
	if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(digits) && (unit === undefined || /\..*\.|,/.test(digits)))
		base = Number(digits.replace(/\./g, '').replace(',', '.'));
	else if (/^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?$/.test(digits)) base = Number(digits.replace(/,/g, ''));
	else return 'not-a-number';
	const scale = unit === undefined ? undefined : unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : WORD_SCALE[unit];
	const value = base * (scale ?? 1);
	// Stryker disable next-line StringLiteral: unreachable, 60 characters cannot make a number past Number.MAX_VALUE; kept as a guard
	return Number.isFinite(value) ? { value: Math.round(value * 100) / 100, scale } : 'not-a-number';
}

function checkRange(v: number): 'zero' | 'too-small' | 'too-large' | null {
	if (v === 0) return 'zero';
	if (v < SALARY_INPUT_MIN_USD) return 'too-small';
	if (v > SALARY_INPUT_MAX_USD) return 'too-large';
	return null;
}

/**
 * The currency named in the text (signs, codes, words), and the text left once they and the
 * words for a year are taken out; an error when two currencies, an unknown code or "kr" appear.
 */
function currencyOf(text: string, fallback: string): { currency: string; rest: string } | SalaryInput {
	const found = new Set<string>();
	let rest = text;
	for (const [sign, code] of SIGNS)
		if (rest.includes(sign)) {
			found.add(code);
			rest = rest.split(sign).join(' ');
		}
	if (/(?:^|[\d\s])kr\.?(?=[\d\s]|$)/i.test(rest)) return fail('ambiguous-currency');
	let unknown: string | null = null;
	rest = rest.replace(/[a-z]+/gi, (word, offset: number, whole: string) => {
		const w = word.toLowerCase();
		// k, m, lakh and crore right after the digits are scales, kept for the amount.
		const afterDigit = offset > 0 && /[\d.,]\s*$/.test(whole.slice(0, offset));
		if (w === 'k' || w === 'm') return word;
		if (w in WORD_SCALE) {
			found.add('INR');
			return afterDigit ? word : ' ';
		}
		// "to" joins the two ends of a range, like a dash.
		if (w === 'to') return ' – ';
		if (w in WORDS) {
			const code = WORDS[w];
			if (code) found.add(code);
			return ' ';
		}
		if (CODES.has(w)) {
			found.add(w.toUpperCase());
			return ' ';
		}
		// Three letters right beside an amount ("80k XYZ", "XYZ 80k") read as a currency code.
		const besideAmount = /[\d.,][km]?\s*$/i.test(whole.slice(0, offset)) || /^\s*\d/.test(whole.slice(offset + word.length));
		if (/^[a-z]{3}$/i.test(word) && besideAmount) unknown ??= word.toUpperCase();
		return word;
	});
	if (found.size > 1) return fail('two-currencies');
	if (unknown !== null) return unknownCurrency(unknown);
	// A slash ("/ year") and a dot that is not between digits ("Fr. 120k") are not part of an amount.
	rest = rest
		.replace(/\//g, ' ')
		.replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
		.trim();
	return { currency: found.values().next().value ?? fallback, rest };
}

/**
 * Parse a typed salary or salary range, in `currency` (default US dollars) unless the text names another.
 * `parseSalaryInput('$120,000') → { ok: true, kind: 'value', value: 120000 }`;
 * `parseSalaryInput('150-200k') → { ok: true, kind: 'band', low: 150000, high: 200000 }`;
 * `parseSalaryInput('€80–100k') → { ok: true, kind: 'band', low: 80000, high: 100000, currency: 'EUR' }`.
 * The 1,000–10,000,000 bounds apply to dollars; another currency's are checked once converted.
 */
export function parseSalaryInput(text: string, currency = 'USD'): SalaryInput {
	const t = text.trim();
	if (t === '') return fail('empty');
	if (t.length > MAX_CHARS) return fail('too-long');
	const named = currencyOf(t, currency);
	if ('ok' in named) return named;
	const { currency: code, rest: s } = named;
	if (s.startsWith('-') || s.startsWith('−')) return fail('negative');
	// A range: "a–b", "a—b", "a - b", "a to b" ("to" is a dash by now; a leading minus was handled above).
	const parts = s.split(/\s*[–—-]\s*/);
	if (parts.length > 2) return fail('not-a-number');
	const dollars = code === 'USD';
	// Dollars carry no code when dollars are the default; on a page in another money they say so.
	const withCurrency = <T extends object>(r: T): T => (dollars && currency === 'USD' ? r : { ...r, currency: code });
	const inRange = (v: number) => (v === 0 ? 'zero' : dollars ? checkRange(v) : null);
	if (parts.length === 1) {
		const a = amount(s);
		if (typeof a === 'string') return fail(a);
		const bad = inRange(a.value);
		return bad ? fail(bad) : withCurrency({ ok: true as const, kind: 'value' as const, value: a.value });
	}
	const a = amount(parts[0]!);
	const b = amount(parts[1]!);
	if (typeof a === 'string') return fail(a);
	if (typeof b === 'string') return fail(b);
	// "150-200k", "€80–100k": the second amount's scale carries over to a bare first one that is smaller.
	let low = a.value;
	const high = b.value;
	if (a.scale === undefined && b.scale !== undefined && low < SALARY_INPUT_MIN_USD) low *= b.scale;
	const bad = inRange(low) ?? inRange(high);
	if (bad) return fail(bad);
	// Stryker disable next-line EqualityOperator: when low === high both orders give the same pair
	const [lo, hi] = low <= high ? [low, high] : [high, low];
	return withCurrency(
		lo === hi ? { ok: true as const, kind: 'value' as const, value: lo } : { ok: true as const, kind: 'band' as const, low: lo, high: hi }
	);
}

/**
 * A salary typed in another currency, in US dollars at `perUsd` units per dollar, with the
 * dollar bounds checked; a dollar input as it is. `salaryInUsd({ …value: 90000, currency: 'EUR' }, 0.9) → value 100000`.
 */
export function salaryInUsd(input: SalaryInput, perUsd: number): SalaryInput {
	if (!input.ok || input.currency === undefined) return input;
	const usd = (v: number) => Math.round((v / perUsd) * 100) / 100;
	if (input.kind === 'value') {
		const value = usd(input.value);
		const bad = checkRange(value);
		return bad ? fail(bad) : { ok: true, kind: 'value', value };
	}
	const low = usd(input.low);
	const high = usd(input.high);
	const bad = checkRange(low) ?? checkRange(high);
	return bad ? fail(bad) : { ok: true, kind: 'band', low, high };
}
