/**
 * The server's money tables in the browser: GET /api/money/tables.json (public rates, no
 * parameters: nothing of the user's data goes with it), checked by `tablesFromJson`. The upload
 * worker converts a salaries file's local pay with them; the mapping step lists their currencies.
 */
import type { RateLookup } from '$lib/data/upload/exchange';
import { marketRate, tablesFromJson, type MoneyTables } from '$lib/transform/money';

export const MONEY_TABLES_URL = '/api/money/tables.json';

/** The tables, fetched and checked; throws a short sentence saying what went wrong (offline, HTTP status, bad JSON). */
export async function fetchMoneyTables(get: typeof fetch = fetch): Promise<MoneyTables> {
	let r: Response;
	try {
		r = await get(MONEY_TABLES_URL);
	} catch {
		throw new Error('the server could not be reached');
	}
	if (!r.ok) throw new Error(`the server answered HTTP ${r.status}`);
	let json: unknown;
	try {
		json = await r.json();
	} catch {
		throw new Error('the server sent something that is not JSON');
	}
	return tablesFromJson(json);
}

/** The rate of a currency for a work year as the dashboard converts with it (`marketRate`: a year after the last published takes the last). */
export function rateLookup(t: MoneyTables): RateLookup {
	return (currency, workYear) => marketRate(t, currency, workYear);
}

/** The currencies the tables have a rate for (US dollars aside), A–Z. */
export function tableCurrencies(t: MoneyTables): string[] {
	return [...t.market.keys()].filter((c) => c !== 'USD').sort();
}
