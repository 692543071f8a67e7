/**
 * Parse the two money tables: the World Bank's PPP conversion factors (datasets/ppp
 * `data/ppp-gdp.csv`) and the Federal Reserve's yearly exchange rates (H.10, datasets/exchange-rates
 * `data/yearly.csv`).
 */
import type { ParseResult } from './types';
import { finiteNumber, isoDate, parseWithSchema, requiredText, type Coercer } from './schema';
import { isCountryCode } from './countries';

/** One PPP conversion factor: local currency units per international dollar (GDP), by country and year. */
export interface PppRow {
	/** ISO 3166-1 alpha-2. */
	readonly country: string;
	readonly year: number;
	readonly factor: number;
}

/** One yearly exchange rate: units of `currency` per US dollar (annual average). */
export interface FxRow {
	/** ISO 4217. */
	readonly currency: string;
	readonly year: number;
	readonly perUsd: number;
}

const year: Coercer<number> = (raw) => {
	if (!/^\d{4}$/.test(raw)) return { error: 'not a four-digit year' };
	return Number(raw);
};

const pppSchema = {
	Country: requiredText(),
	'Country ID': requiredText(3),
	Year: year,
	PPP: finiteNumber({ positive: true }) as Coercer<number>
};

/**
 * PPP factors of countries with an ISO 3166-1 alpha-2 code. The file also holds aggregates
 * ("Euro area", "World", codes such as EU or 1W): they are rejected as rows, counted, not used.
 */
export function parsePpp(text: string): ParseResult<PppRow> {
	return parseWithSchema(text, pppSchema, (c) => {
		const code = c['Country ID'];
		if (!isCountryCode(code)) return { error: 'not a country (an aggregate or an unknown code)', column: 'Country ID', value: code };
		return { country: code, year: c.Year, factor: c.PPP };
	});
}

/**
 * The H.10 series by the name the file gives it. The file's values are units of the currency
 * per US dollar for every series (2022: Euro 0.9493, Australia 1.4386, India 78.58; checked
 * against the rates aijobs.net used, tests in money.test.ts), although the upstream README
 * describes a few as dollars per unit. Venezuela is left out: its series runs across two
 * redenominations of the bolívar.
 */
export const FED_SERIES: Readonly<Record<string, string>> = {
	Australia: 'AUD',
	Brazil: 'BRL',
	Canada: 'CAD',
	China: 'CNY',
	Denmark: 'DKK',
	Euro: 'EUR',
	'Hong Kong': 'HKD',
	India: 'INR',
	Japan: 'JPY',
	Malaysia: 'MYR',
	Mexico: 'MXN',
	'New Zealand': 'NZD',
	Norway: 'NOK',
	Singapore: 'SGD',
	'South Africa': 'ZAR',
	'South Korea': 'KRW',
	Sweden: 'SEK',
	Switzerland: 'CHF',
	Taiwan: 'TWD',
	Thailand: 'THB'
};

const fxSchema = {
	Date: isoDate,
	Country: requiredText(),
	Value: finiteNumber({ positive: true }) as Coercer<number>
};

/** Yearly rates, one per currency and year (`Date` is the first day of the year). */
export function parseFxYearly(text: string): ParseResult<FxRow> {
	return parseWithSchema(text, fxSchema, (c) => {
		if (!c.Date.endsWith('-01-01')) return { error: 'not the first day of a year', column: 'Date', value: c.Date };
		const currency = FED_SERIES[c.Country];
		if (currency === undefined)
			return {
				error: `series not used (${c.Country === 'Venezuela' ? 'it spans redenominations of the bolívar' : 'unknown'})`,
				column: 'Country',
				value: c.Country
			};
		return { currency, year: Number(c.Date.slice(0, 4)), perUsd: c.Value };
	});
}
