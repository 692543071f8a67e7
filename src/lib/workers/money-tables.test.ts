/** The money tables fetched for the browser: every way the fetch can fail says why; a good answer gives the rates `marketRate` gives. */
import { describe, expect, it } from 'vitest';
import { tablesToJson, tablesFromJson } from '$lib/transform/money';
import { fetchMoneyTables, MONEY_TABLES_URL, rateLookup, tableCurrencies } from './money-tables';

const JSON_TABLES = {
	version: 1,
	marketLast: 2024,
	pppLast: 2023,
	market: { GBP: { '2024': [0.8, 'aijobs'] }, EUR: { '2023': [0.92, 'fed'], '2024': [0.9, 'aijobs'] } },
	ppp: { DE: { '2023': 0.75 } }
};

const answer = (body: string, status = 200) => (async () => new Response(body, { status })) as unknown as typeof fetch;

describe('fetchMoneyTables', () => {
	it('reads the tables from GET /api/money/tables.json', async () => {
		const asked: string[] = [];
		const get = (async (url: string) => (asked.push(url), new Response(JSON.stringify(JSON_TABLES)))) as unknown as typeof fetch;
		const t = await fetchMoneyTables(get);
		expect(asked).toEqual([MONEY_TABLES_URL]);
		expect(MONEY_TABLES_URL).toBe('/api/money/tables.json');
		expect(tablesToJson(t)).toEqual(JSON_TABLES);
	});
	it.each([
		[
			'offline',
			(async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch,
			'the server could not be reached'
		],
		['an HTTP error', answer('Service unavailable', 503), 'the server answered HTTP 503'],
		['not JSON', answer('<html>'), 'the server sent something that is not JSON'],
		[
			'tables that do not check',
			answer(JSON.stringify({ ...JSON_TABLES, market: { EUR: { '2024': [-1, 'fed'] } } })),
			'money tables: -1 is not a positive number'
		]
	])('%s → "%s"', async (_what, get, message) => {
		await expect(fetchMoneyTables(get)).rejects.toThrow(message);
	});
});

describe('rateLookup and tableCurrencies', () => {
	const t = tablesFromJson(JSON_TABLES);
	it('gives the rate of the year, the last year for a later one, and none inside a gap or for an unknown code', () => {
		const rate = rateLookup(t);
		expect(rate('EUR', 2023)).toEqual({ perUsd: 0.92, source: 'fed', year: 2023 });
		expect(rate('EUR', 2026)).toEqual({ perUsd: 0.9, source: 'aijobs', year: 2024 });
		expect(rate('GBP', 2023)).toBeNull();
		expect(rate('XYZ', 2024)).toBeNull();
		expect(rate('USD', 2019)).toEqual({ perUsd: 1, source: 'aijobs', year: 2019 });
	});
	it('lists the currencies A–Z without US dollars', () => {
		expect(tableCurrencies(t)).toEqual(['EUR', 'GBP']);
		expect(tableCurrencies(tablesFromJson({ ...JSON_TABLES, market: { USD: { '2024': [1, 'fed'] } } }))).toEqual([]);
	});
});
