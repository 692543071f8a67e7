/**
 * /demand's Indeed market follows the country and region filters (issue 16, item 10): which
 * markets the filters pick, which one is shown and why, and the line that says so. Expected
 * values are written out by hand from Indeed's nine markets and the rows built here.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type Filters } from '$lib/transform/filters';
import type { ShareRow } from '$lib/data/types';
import { familyRow } from '$lib/transform/stats/testing/rows';
import { chooseMarket, DEFAULT_MARKET, demandView, filterMarkets, marketName, marketNote } from './demand';
import { datasetOf } from './testing/year-rows';

const INDEED = ['AU', 'CA', 'DE', 'FR', 'GB', 'IE', 'IT', 'NL', 'US'];
const EUROPE = ['DE', 'FR', 'GB', 'IE', 'IT', 'NL'];
const places = (country: string[] = [], region: Filters['region'] = []) => ({ country, region });
const none = () => 0;

describe('filterMarkets', () => {
	it('no place filter picks no market', () => {
		expect(filterMarkets(places(), INDEED)).toEqual([]);
	});
	it('a region picks its covered countries, A–Z by code', () => {
		expect(filterMarkets(places([], ['europe']), INDEED)).toEqual(EUROPE);
		expect(filterMarkets(places([], ['oceania', 'north-america']), INDEED)).toEqual(['AU', 'CA', 'US']);
		expect(filterMarkets(places([], ['asia']), INDEED)).toEqual([]);
	});
	it('countries pick those Indeed covers, in the markets order', () => {
		expect(filterMarkets(places(['US', 'IN', 'DE']), INDEED)).toEqual(['DE', 'US']);
		expect(filterMarkets(places(['IN']), INDEED)).toEqual([]);
	});
	it('countries and regions together: only the countries inside the regions', () => {
		expect(filterMarkets(places(['US', 'DE'], ['europe']), INDEED)).toEqual(['DE']);
		expect(filterMarkets(places(['US'], ['europe']), INDEED)).toEqual([]);
	});
	it('an unknown code never matches a region', () => {
		expect(filterMarkets(places(['ZZ'], ['europe']), [...INDEED, 'ZZ'])).toEqual([]);
	});
});

describe('chooseMarket', () => {
	const reports: Record<string, number> = { DE: 40, FR: 10, GB: 90, IE: 5, IT: 5, NL: 7, US: 900 };
	const n = (c: string) => reports[c] ?? 0;

	it('no place filter, nothing asked: the default market, nothing covered', () => {
		expect(chooseMarket(places(), INDEED, null, n)).toEqual({
			market: DEFAULT_MARKET,
			why: 'default',
			covered: [],
			uncovered: [],
			fallback: DEFAULT_MARKET
		});
		expect(DEFAULT_MARKET).toBe('US');
	});
	it('a market asked without a place filter is shown as chosen', () => {
		expect(chooseMarket(places(), INDEED, 'GB', n)).toMatchObject({ market: 'GB', why: 'chosen', fallback: 'US' });
	});
	it('one covered country: it is shown, the uncovered ones are named', () => {
		expect(chooseMarket(places(['IN', 'GB']), INDEED, null, n)).toEqual({
			market: 'GB',
			why: 'filter',
			covered: ['GB'],
			uncovered: ['IN'],
			fallback: 'GB'
		});
	});
	it('a region of several markets: the one with the most reports', () => {
		expect(chooseMarket(places([], ['europe']), INDEED, null, n)).toEqual({
			market: 'GB',
			why: 'filter',
			covered: EUROPE,
			uncovered: [],
			fallback: 'GB'
		});
		// With Germany ahead it is Germany.
		expect(chooseMarket(places([], ['europe']), INDEED, null, (c) => (c === 'DE' ? 1000 : n(c))).market).toBe('DE');
	});
	it('equal reports: by name (Ireland before Italy; Germany before France would be wrong by code)', () => {
		expect(chooseMarket(places(['IT', 'IE']), INDEED, null, n).market).toBe('IE');
		expect(chooseMarket(places(['FR', 'DE']), INDEED, null, none).market).toBe('FR');
		expect(chooseMarket(places(['NL', 'GB']), INDEED, null, none).market).toBe('NL');
	});
	it('places Indeed does not cover: the default market, said so', () => {
		expect(chooseMarket(places([], ['asia']), INDEED, null, n)).toEqual({
			market: 'US',
			why: 'not-covered',
			covered: [],
			uncovered: [],
			fallback: 'US'
		});
		expect(chooseMarket(places(['IN']), INDEED, null, n)).toMatchObject({ market: 'US', why: 'not-covered', uncovered: ['IN'] });
	});
	it('an asked market wins: inside or outside what the filters cover', () => {
		expect(chooseMarket(places([], ['europe']), INDEED, 'FR', n)).toMatchObject({ market: 'FR', why: 'chosen-covered', fallback: 'GB' });
		expect(chooseMarket(places([], ['europe']), INDEED, 'US', n)).toMatchObject({ market: 'US', why: 'chosen-outside', fallback: 'GB' });
		expect(chooseMarket(places(['IN']), INDEED, 'AU', n)).toMatchObject({ market: 'AU', why: 'chosen-outside', fallback: 'US' });
	});
	it('the reports are only read when several markets are covered', () => {
		const asked: string[] = [];
		const spy = (c: string) => (asked.push(c), 0);
		chooseMarket(places(), INDEED, null, spy);
		chooseMarket(places(['GB']), INDEED, null, spy);
		expect(asked).toEqual([]);
		chooseMarket(places(['GB', 'DE']), INDEED, null, spy);
		expect(asked.sort()).toEqual(['DE', 'GB']);
	});
});

describe('marketName', () => {
	it('takes "the" where English does', () => {
		expect(['US', 'GB', 'NL', 'DE', 'FR'].map(marketName)).toEqual([
			'the United States',
			'the United Kingdom',
			'the Netherlands',
			'Germany',
			'France'
		]);
	});
});

describe('marketNote', () => {
	const note = (country: string[], region: Filters['region'], asked: string | null, n: (c: string) => number = none) =>
		marketNote(chooseMarket(places(country, region), INDEED, asked, n), places(country, region));

	it('no place filter: nothing to say (the title names the market), asked or not', () => {
		expect(note([], [], null)).toBeNull();
		expect(note([], [], 'GB')).toBeNull();
	});
	it('one covered country', () => {
		expect(note(['GB'], [], null)).toBe('The Indeed charts follow your country filter: they show the United Kingdom.');
		expect(note(['IN', 'JP', 'DE'], [], null)).toBe(
			'The Indeed charts follow your country filter: they show Germany. Indeed publishes no postings data for India and Japan.'
		);
		expect(note(['DE'], [], 'DE')).toBe('The Indeed charts follow your country filter: they show Germany.');
	});
	it('a region of several markets', () => {
		expect(note([], ['europe'], null, (c) => (c === 'DE' ? 5 : 0))).toBe(
			'Indeed has data for France, Germany, Ireland, Italy, Netherlands and United Kingdom in your region filter; the Indeed charts show Germany, which has the most reports under your filters. Pick another under Indeed country.'
		);
		expect(note(['FR', 'DE', 'IN'], [], 'FR')).toBe(
			'The Indeed charts show France, chosen under Indeed country, one of the countries your country filter covers (France and Germany). Indeed publishes no postings data for India.'
		);
	});
	it('a market chosen outside the filters', () => {
		expect(note([], ['europe'], 'US')).toBe(
			'The Indeed charts show the United States, chosen under Indeed country; your region filter is set to Europe (Indeed covers France, Germany, Ireland, Italy, Netherlands and United Kingdom).'
		);
		expect(note(['JP', 'IN'], [], 'AU')).toBe(
			'The Indeed charts show Australia, chosen under Indeed country; your country filter is set to India and Japan, for which Indeed publishes no postings data.'
		);
	});
	it('places Indeed does not cover', () => {
		expect(note([], ['asia', 'africa'], null)).toBe(
			'Indeed publishes no postings data for Asia and Africa, so the Indeed charts show the United States; the company-size charts below follow your filters.'
		);
		expect(note(['IN'], ['asia'], null)).toBe(
			'Indeed publishes no postings data for India, so the Indeed charts show the United States; the company-size charts below follow your filters.'
		);
	});
});

describe('demandView follows the filters', () => {
	const share = (country: string, sharePct: number): ShareRow => ({ date: '2024-01-01', country, sharePct });
	const file = <T>(name: string, rows: readonly T[]) => ({ file: name, rows, issues: [], rowsRead: rows.length, rejected: 0 });
	// Germany has 3 reports, France 2, the US 5: Europe shows Germany.
	const data = datasetOf(
		[
			...['DE', 'DE', 'DE', 'FR', 'FR', 'US', 'US', 'US', 'US', 'US'].map((c) => familyRow('AI', { companyLocation: c })),
			familyRow('ML', { companyLocation: 'IN' })
		],
		{ aiShare: file('ai.csv', [share('US', 1), share('DE', 2), share('FR', 3), share('AU', 4)]), genaiShare: null }
	);
	const view = (filters: Partial<Filters>, market: string | null = null) =>
		demandView(data, { filters: { ...DEFAULT_FILTERS, ...filters }, market });

	it('Europe: Germany (most reports) in the chart, its table and CSV, the note and the select', () => {
		const m = view({ region: ['europe'] });
		expect(m.market).toBe('DE');
		expect(m.shareTable.rows).toEqual([{ month: '2024-01', ai: 2, genai: null }]);
		expect(m.shareCsv.rows).toEqual([['2024-01', 'DE', 2, null]]);
		expect(m.markets).toEqual({ covered: ['FR', 'DE'], others: ['AU', 'US'] });
		expect(m.marketChoice).toMatchObject({ why: 'filter', fallback: 'DE' });
		expect(m.marketNote).toContain('show Germany, which has the most reports');
	});
	it('no report in any covered market (a year nobody has): ties, so by name, France before Germany', () => {
		expect(view({ region: ['europe'], from: 2020, to: 2020 }).market).toBe('FR');
	});
	it('no place filter: the US, no note; a market asked for wins', () => {
		const m = view({});
		expect([m.market, m.marketNote, m.markets.covered]).toEqual(['US', null, []]);
		expect(m.markets.others).toEqual(['AU', 'FR', 'DE', 'US']);
		expect(view({ region: ['europe'] }, 'US').market).toBe('US');
		expect(view({ region: ['europe'] }, 'US').marketChoice.why).toBe('chosen-outside');
	});
	it('Asia: the US, said so', () => {
		const m = view({ region: ['asia'] });
		expect(m.market).toBe('US');
		expect(m.marketNote).toMatch(/^Indeed publishes no postings data for Asia/);
	});
});
