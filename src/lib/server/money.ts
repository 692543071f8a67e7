/**
 * The money tables (transform/money) on the server: the two pinned files read and verified
 * once per process, with the rates aijobs.net used taken from the Dataset's salary rows.
 */
import { parseFxYearly, parsePpp } from '$lib/data/money';
import { currencyOf } from '$lib/data/currencies';
import type { Dataset, SourceStatus } from '$lib/transform/dataset';
import { moneyTables, type MoneyTables } from '$lib/transform/money';
import { readVerified, SOURCES } from './dataset';

export interface ServerMoney {
	readonly tables: MoneyTables;
	/** The pinned money files that were refused (missing or altered); none when both are usable. */
	readonly problems: readonly SourceStatus[];
}

/**
 * The pinned money files. Only the API's `currency=` reads them so far (the pages show US
 * dollars), so the page footer does not list them; the API's meta names them when used.
 */
export const MONEY_SOURCE_IDS: readonly string[] = ['ppp-gdp', 'fx-yearly'];

const loaded = new WeakMap<Dataset, Promise<ServerMoney>>();

async function load(ds: Dataset): Promise<ServerMoney> {
	const read = async <T>(id: string, parse: (text: string) => { rows: T[] }) => {
		const { text, status } = await readVerified(SOURCES.find((s) => s.id === id)!);
		return { rows: text === null ? [] : parse(text).rows, status };
	};
	const [ppp, fx] = await Promise.all([read('ppp-gdp', parsePpp), read('fx-yearly', parseFxYearly)]);
	return {
		tables: moneyTables(ds.salaries, fx.rows, ppp.rows),
		problems: [ppp.status, fx.status].filter((s) => s.state !== 'ok')
	};
}

/** The tables for the built-in Dataset, read on first use; a failed read is retried next time. */
export function getMoney(ds: Dataset): Promise<ServerMoney> {
	let hit = loaded.get(ds);
	if (!hit) {
		hit = load(ds).catch((err: unknown) => {
			loaded.delete(ds);
			throw err;
		});
		loaded.set(ds, hit);
	}
	return hit;
}

/** `rates`: every market rate used, by currency and work year; `ppp`: every PPP factor, by country and year. */
export type MoneyTableName = 'rates' | 'ppp';

/**
 * The tables behind `currency=`, as CSV columns and rows (for /api/money/<name>.csv): the rates
 * with where each comes from, the PPP factors with each country's currency. Sorted by code, then year.
 */
export function moneyTableRows(t: MoneyTables, name: MoneyTableName): { columns: string[]; rows: (string | number)[][] } {
	if (name === 'rates') {
		const rows = [...t.market]
			.flatMap(([code, byYear]) =>
				[...byYear].map(([year, r]) => [
					code,
					year,
					r.perUsd,
					r.source === 'aijobs' ? 'aijobs.net (salary / salary_in_usd)' : 'Federal Reserve H.10'
				])
			)
			.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
		return { columns: ['currency', 'work_year', 'units_per_usd', 'source'], rows };
	}
	const rows = [...t.ppp]
		.flatMap(([country, byYear]) => [...byYear].map(([year, factor]) => [country, currencyOf(country) ?? '', year, factor]))
		.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[2]) - Number(b[2]));
	return { columns: ['country', 'currency', 'year', 'local_units_per_international_dollar'], rows };
}
