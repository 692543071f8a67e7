/**
 * Pay in another money than US dollars: market rates per currency and work year, and
 * purchasing-power parity (international dollars) by the employee's country of residence.
 * Pure: the tables come from parsed files (data/money) and from the salary rows themselves.
 *
 * Market rates. aijobs.net converted every report with one rate per currency and work year
 * (salary ÷ salary_in_usd is the same for all rows of a currency and year); those are the
 * rates behind the dollar figures, so they come first. A currency and year without such a
 * rate take the Federal Reserve's yearly average (H.10). A work year after the Fed's last
 * published year takes that year's rate, and the view says so.
 *
 * PPP. A report's pay is first put in the currency of the employee's country of residence (the
 * amount as paid when it was paid in that currency, else the dollar figure at that currency's
 * market rate), then divided by the World Bank's PPP factor (local currency units per
 * international dollar) of that country and year. A year after the last factor takes the
 * latest one. Reports without a residence, without a factor for their country, or without a
 * market rate for their country's currency are left out of the view and counted by reason.
 */
import { median as d3median } from 'd3-array';
import type { SalaryRow } from '$lib/data/types';
import type { FxRow, PppRow } from '$lib/data/money';
import { currencyOf } from '$lib/data/currencies';
import { datasetOf, type Dataset } from './dataset';

/** `USD` (the data as published), a currency code with rates, or `PPP` (international dollars). */
export type MoneyCode = string;

export interface RateUsed {
	/** Units per US dollar. */
	readonly perUsd: number;
	readonly source: 'aijobs' | 'fed';
	/** The year the rate is for: the work year, or an earlier one when the year has none yet. */
	readonly year: number;
}

export interface MoneyTables {
	/** Currency → year → units per US dollar and where it comes from. */
	readonly market: ReadonlyMap<string, ReadonlyMap<number, Omit<RateUsed, 'year'>>>;
	/** The Federal Reserve table's last year: a later work year takes that year's rate. */
	readonly marketLast: number;
	/** Country → year → local currency units per international dollar. */
	readonly ppp: ReadonlyMap<string, ReadonlyMap<number, number>>;
	/** The PPP table's last year: a later work year takes that year's factor. */
	readonly pppLast: number;
}

/** The inner map of `outer` at `key`, made empty on first use. */
function inner<V>(outer: Map<string, Map<number, V>>, key: string): Map<number, V> {
	let m = outer.get(key);
	if (!m) outer.set(key, (m = new Map()));
	return m;
}

/** Rates implied by a ratio must agree within this relative spread to count as one rate. */
const SAME_RATE = 0.005;

/**
 * The rate aijobs.net used per currency and work year: the median of salary ÷ salary_in_usd
 * over the rows paid in that currency (the ratios agree to within rounding; a currency and
 * year whose ratios spread more than 0.5 % around the median keep no implied rate).
 */
export function impliedRates(rows: readonly SalaryRow[]): Map<string, Map<number, number>> {
	const ratios = new Map<string, number[]>();
	for (const r of rows) {
		if (r.salaryCurrency === 'USD' || !(r.salaryUsd > 0) || !(r.salary > 0)) continue;
		const key = `${r.salaryCurrency}|${r.workYear}`;
		let list = ratios.get(key);
		if (!list) ratios.set(key, (list = []));
		list.push(r.salary / r.salaryUsd);
	}
	const out = new Map<string, Map<number, number>>();
	for (const [key, list] of ratios) {
		const median = d3median(list)!;
		const within = list.filter((v) => Math.abs(v / median - 1) <= SAME_RATE).length;
		if (within * 2 <= list.length) continue;
		const [code, year] = key.split('|') as [string, string];
		inner(out, code).set(Number(year), median);
	}
	return out;
}

/** The tables from the salary rows (aijobs.net's rates), the Fed's yearly rates and the PPP factors. */
export function moneyTables(rows: readonly SalaryRow[], fx: readonly FxRow[], ppp: readonly PppRow[]): MoneyTables {
	const market = new Map<string, Map<number, Omit<RateUsed, 'year'>>>();
	for (const f of fx) inner(market, f.currency).set(f.year, { perUsd: f.perUsd, source: 'fed' });
	for (const [code, byYear] of impliedRates(rows))
		for (const [year, perUsd] of byYear) inner(market, code).set(year, { perUsd, source: 'aijobs' });
	const factors = new Map<string, Map<number, number>>();
	for (const p of ppp) inner(factors, p.country).set(p.year, p.factor);
	const last = (years: readonly number[]) => years.reduce((a, b) => Math.max(a, b), -Infinity);
	return { market, marketLast: last(fx.map((f) => f.year)), ppp: factors, pppLast: last(ppp.map((p) => p.year)) };
}

/**
 * The value for a year; for a year after `lastPublished` (the table's last year), the value of
 * that last year. A year inside the table without a value has none: an older rate is not
 * stretched over later years (aijobs.net has CLP only for 2021).
 */
function atOrLatest<T>(byYear: ReadonlyMap<number, T> | undefined, year: number, lastPublished: number): { value: T; year: number } | null {
	if (!byYear) return null;
	const exact = byYear.get(year);
	if (exact !== undefined) return { value: exact, year };
	const latest = year > lastPublished ? byYear.get(lastPublished) : undefined;
	return latest === undefined ? null : { value: latest, year: lastPublished };
}

/** Units of `code` per US dollar for a work year (USD: 1), or null when there is none. */
export function marketRate(t: MoneyTables, code: string, year: number): RateUsed | null {
	if (code === 'USD') return { perUsd: 1, source: 'aijobs', year };
	const hit = atOrLatest(t.market.get(code), year, t.marketLast);
	return hit && { ...hit.value, year: hit.year };
}

/** Local currency units per international dollar for a country and work year, or null. */
export function pppFactor(t: MoneyTables, country: string, year: number): { factor: number; year: number } | null {
	const hit = atOrLatest(t.ppp.get(country), year, t.pppLast);
	return hit && { factor: hit.value, year: hit.year };
}

/** Codes a view can be shown in: USD, PPP, then every currency with a rate for `latestYear`, alphabetically. */
export function moneyCodes(t: MoneyTables, latestYear: number): string[] {
	const codes = [...t.market.keys()].filter((c) => c !== 'USD' && t.market.get(c)!.has(latestYear)).sort();
	return ['USD', 'PPP', ...codes];
}

export type LeftOutReason = 'no-rate' | 'no-residence' | 'no-ppp' | 'no-local-rate';

/** Why reports were left out, in words, for a count: "312 reports left out: no PPP factor for their country". */
export const LEFT_OUT_WORDS: Readonly<Record<LeftOutReason, string>> = {
	'no-rate': 'no exchange rate for their work year',
	'no-residence': 'no country of residence given',
	'no-ppp': 'no PPP factor for their country',
	'no-local-rate': "no exchange rate for their country's currency"
};

export interface Conversion {
	readonly code: MoneyCode;
	/** The rows in the chosen money (`salaryUsd` holds the converted value; `salary` and `salaryCurrency` as paid). */
	readonly rows: SalaryRow[];
	readonly leftOut: Readonly<Record<LeftOutReason, number>>;
	/** The rows left out, by reason (so a view can count those its filters would have shown). */
	readonly dropped: Readonly<Record<LeftOutReason, readonly SalaryRow[]>>;
	/** Work years converted with an earlier year's rate or factor (the latest published), e.g. 2025 → 2024. */
	readonly carried: readonly { readonly year: number; readonly from: number }[];
}

/**
 * Every row in the chosen money. USD returns the rows as they are. A currency: the amount as
 * paid when it was paid in that currency, else the dollar figure times that year's rate.
 * PPP: see the module comment.
 */
export function convertRows(rows: readonly SalaryRow[], t: MoneyTables, code: MoneyCode): Conversion {
	const leftOut: Record<LeftOutReason, number> = { 'no-rate': 0, 'no-residence': 0, 'no-ppp': 0, 'no-local-rate': 0 };
	const dropped: Record<LeftOutReason, SalaryRow[]> = { 'no-rate': [], 'no-residence': [], 'no-ppp': [], 'no-local-rate': [] };
	const carried = new Map<number, number>();
	const out: SalaryRow[] = [];
	if (code === 'USD') return { code, rows: [...rows], leftOut, dropped, carried: [] };
	const drop = (r: SalaryRow, reason: LeftOutReason) => {
		leftOut[reason]++;
		dropped[reason].push(r);
	};
	const note = (year: number, from: number) => {
		if (from !== year) carried.set(year, from);
	};
	/** The row's pay in `currency`, or null when no rate gives it. */
	const inCurrency = (r: SalaryRow, currency: string): number | null => {
		if (r.salaryCurrency === currency) return r.salary;
		const rate = marketRate(t, currency, r.workYear);
		if (rate === null) return null;
		note(r.workYear, rate.year);
		return r.salaryUsd * rate.perUsd;
	};
	for (const r of rows) {
		let value: number | null;
		if (code !== 'PPP') {
			value = inCurrency(r, code);
			if (value === null) {
				drop(r, 'no-rate');
				continue;
			}
		} else {
			const country = r.employeeResidence;
			if (country === null) {
				drop(r, 'no-residence');
				continue;
			}
			const f = pppFactor(t, country, r.workYear);
			if (f === null) {
				drop(r, 'no-ppp');
				continue;
			}
			const currency = currencyOf(country);
			const local = currency === null ? null : inCurrency(r, currency);
			if (local === null) {
				drop(r, 'no-local-rate');
				continue;
			}
			note(r.workYear, f.year);
			value = local / f.factor;
		}
		out.push({ ...r, salaryUsd: value });
	}
	const years = [...carried].map(([year, from]) => ({ year, from })).sort((a, b) => a.year - b.year);
	return { code, rows: out, leftOut, dropped, carried: years };
}

/** A Dataset whose pay is in the chosen money, and what the conversion left out. */
export interface MoneyDataset {
	readonly data: Dataset;
	readonly conversion: Conversion;
}

const converted = new WeakMap<Dataset, Map<MoneyCode, MoneyDataset>>();

/**
 * The Dataset with its salary rows in the chosen money (every other part as it is), built once
 * per Dataset and money and kept while the Dataset lives. USD returns the Dataset itself.
 */
export function inMoney(data: Dataset, t: MoneyTables, code: MoneyCode): MoneyDataset {
	let byCode = converted.get(data);
	if (!byCode) converted.set(data, (byCode = new Map()));
	let hit = byCode.get(code);
	if (!hit) {
		const conversion = convertRows(data.salaries, t, code);
		// Every part as it is but the salary rows (datasetOf indexes them again).
		const d = code === 'USD' ? data : { ...datasetOf({ ...data, salaries: conversion.rows }), money: code };
		byCode.set(code, (hit = { data: d, conversion }));
	}
	return hit;
}

/** What the numbers are, in words, for `pay_basis` and the sidecar. */
export function moneyBasis(code: MoneyCode, carried: Conversion['carried']): string {
	const later = carried.length === 0 ? '' : `; ${carried.map((c) => `${c.year} at ${c.from}'s`).join(', ')} (the latest published)`;
	if (code === 'USD') return 'nominal US$';
	if (code === 'PPP')
		return `international $ at purchasing-power parity (World Bank ICP PPP conversion factor, GDP, by the employee's country of residence and work year${later})`;
	return `nominal ${code}, converted at aijobs.net's rate for each work year (Federal Reserve H.10 yearly average where aijobs.net has none${later})`;
}

/** The tables as JSON (for the browser): `market[code][year] = [perUsd, source]`, `ppp[country][year] = factor`. */
export interface MoneyTablesJson {
	readonly version: 1;
	readonly marketLast: number;
	readonly pppLast: number;
	readonly market: Readonly<Record<string, Readonly<Record<string, readonly [number, RateUsed['source']]>>>>;
	readonly ppp: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** The tables in their JSON form. */
export function tablesToJson(t: MoneyTables): MoneyTablesJson {
	const obj = <V, W>(m: ReadonlyMap<string, ReadonlyMap<number, V>>, f: (v: V) => W) =>
		Object.fromEntries([...m].map(([k, byYear]) => [k, Object.fromEntries([...byYear].map(([y, v]) => [String(y), f(v)]))]));
	return {
		version: 1,
		marketLast: t.marketLast,
		pppLast: t.pppLast,
		market: obj(t.market, (r) => [r.perUsd, r.source] as const),
		ppp: obj(t.ppp, (f) => f)
	};
}

/**
 * The tables back from JSON, checked: codes of three capital letters, countries of two, four-digit
 * years, positive finite numbers. Anything else throws, naming what is wrong (nothing half-read is used).
 */
export function tablesFromJson(j: unknown): MoneyTables {
	const bad = (what: string): never => {
		throw new Error(`money tables: ${what}`);
	};
	const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
	if (!isObj(j) || j.version !== 1) return bad('not version 1 tables');
	const year = (k: string) => (/^\d{4}$/.test(k) ? Number(k) : bad(`"${k.slice(0, 20)}" is not a year`));
	const positive = (v: unknown) =>
		typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : bad(`${String(v).slice(0, 20)} is not a positive number`);
	const lastOf = (v: unknown) =>
		typeof v === 'number' && (Number.isInteger(v) || v === -Infinity) ? v : v === null ? -Infinity : bad('no last year');
	if (!isObj(j.market) || !isObj(j.ppp)) return bad('no market or ppp table');
	const market = new Map<string, Map<number, Omit<RateUsed, 'year'>>>();
	for (const [code, byYear] of Object.entries(j.market)) {
		if (!/^[A-Z]{3}$/.test(code) || !isObj(byYear)) bad(`"${code.slice(0, 20)}" is not a currency code`);
		for (const [y, r] of Object.entries(byYear as Record<string, unknown>)) {
			if (!Array.isArray(r) || r.length !== 2 || (r[1] !== 'aijobs' && r[1] !== 'fed')) bad(`rate ${code} ${y} is not [number, source]`);
			inner(market, code).set(year(y), { perUsd: positive((r as unknown[])[0]), source: (r as unknown[])[1] as RateUsed['source'] });
		}
	}
	const ppp = new Map<string, Map<number, number>>();
	for (const [country, byYear] of Object.entries(j.ppp)) {
		if (!/^[A-Z]{2}$/.test(country) || !isObj(byYear)) bad(`"${country.slice(0, 20)}" is not a country code`);
		for (const [y, f] of Object.entries(byYear as Record<string, unknown>)) inner(ppp, country).set(year(y), positive(f));
	}
	return { market, marketLast: lastOf(j.marketLast), ppp, pppLast: lastOf(j.pppLast) };
}
