/**
 * Money conversion on hand-made rows and tables: which rate is used (aijobs.net's first, the
 * Fed's next, the latest only after the table's end), PPP by residence, and every reason a row is
 * left out. Expected values are worked out by hand in each test.
 */
import { describe, expect, it } from 'vitest';
import type { FxRow, PppRow } from '$lib/data/money';
import { row } from './stats/testing/rows';
import { datasetOf } from './dataset';
import { computeStats } from './stats/compute';
import { DEFAULT_FILTERS } from './filters';
import {
	convertRows,
	impliedRates,
	inMoney,
	LEFT_OUT_WORDS,
	marketRate,
	moneyBasis,
	moneyCodes,
	moneyTables,
	pppFactor,
	tablesFromJson,
	tablesToJson
} from './money';

const fx: FxRow[] = [
	{ currency: 'EUR', year: 2023, perUsd: 0.92 },
	{ currency: 'EUR', year: 2024, perUsd: 0.93 },
	{ currency: 'INR', year: 2024, perUsd: 83.6 },
	{ currency: 'JPY', year: 2022, perUsd: 130 }
];
const ppp: PppRow[] = [
	{ country: 'DE', year: 2024, factor: 0.7 },
	{ country: 'IN', year: 2023, factor: 20 },
	{ country: 'IN', year: 2024, factor: 20.5 },
	{ country: 'US', year: 2024, factor: 1 },
	{ country: 'AR', year: 2024, factor: 400 }
];
// aijobs.net's own rates: EUR 0.9 in 2024 (two rows agreeing), GBP 0.8 in 2024.
const paid = [
	row({ salary: 90_000, salaryCurrency: 'EUR', salaryUsd: 100_000, employeeResidence: 'DE', companyLocation: 'DE' }),
	row({ salary: 45_000, salaryCurrency: 'EUR', salaryUsd: 50_000, employeeResidence: 'DE', companyLocation: 'DE' }),
	row({ salary: 80_000, salaryCurrency: 'GBP', salaryUsd: 100_000, employeeResidence: 'GB', companyLocation: 'GB' })
];
const t = moneyTables(paid, fx, ppp);

describe('impliedRates', () => {
	it('gives one rate per currency and year from salary ÷ salary_in_usd, none for USD', () => {
		expect.hasAssertions();
		const r = impliedRates(paid);
		expect([...r.keys()].sort()).toEqual(['EUR', 'GBP']);
		expect(r.get('EUR')!.get(2024)).toBeCloseTo(0.9, 12);
		expect(r.get('GBP')!.get(2024)).toBeCloseTo(0.8, 12);
	});

	it('keeps no rate where the rows of a currency and year disagree (no majority within 0.5 %)', () => {
		expect.hasAssertions();
		const disagree = [
			row({ salary: 90, salaryCurrency: 'EUR', salaryUsd: 100 }),
			row({ salary: 80, salaryCurrency: 'EUR', salaryUsd: 100 })
		];
		expect(impliedRates(disagree).size).toBe(0);
		// Two of three agree: the median (0.9) is kept.
		const most = [...disagree, row({ salary: 90.2, salaryCurrency: 'EUR', salaryUsd: 100 })];
		expect(impliedRates(most).get('EUR')!.get(2024)).toBeCloseTo(0.9, 12);
	});

	it('skips rows with a zero amount', () => {
		expect.hasAssertions();
		expect(impliedRates([row({ salary: 0, salaryCurrency: 'EUR', salaryUsd: 100 })]).size).toBe(0);
		expect(impliedRates([row({ salary: 10, salaryCurrency: 'EUR', salaryUsd: 0 })]).size).toBe(0);
	});
});

describe('marketRate and pppFactor', () => {
	it("prefers aijobs.net's rate, then the Fed's; after the Fed's last year the last one, said so", () => {
		expect.hasAssertions();
		expect(marketRate(t, 'EUR', 2024)).toEqual({ perUsd: expect.closeTo(0.9, 12), source: 'aijobs', year: 2024 });
		expect(marketRate(t, 'EUR', 2023)).toEqual({ perUsd: 0.92, source: 'fed', year: 2023 });
		expect(marketRate(t, 'INR', 2025)).toEqual({ perUsd: 83.6, source: 'fed', year: 2024 });
		expect(marketRate(t, 'USD', 2031)).toEqual({ perUsd: 1, source: 'aijobs', year: 2031 });
	});

	it('stretches no rate over years inside the table (JPY has 2022 only) and has none for unknown codes', () => {
		expect.hasAssertions();
		expect(marketRate(t, 'JPY', 2023)).toBeNull();
		expect(marketRate(t, 'JPY', 2022)!.perUsd).toBe(130);
		expect(marketRate(t, 'XYZ', 2024)).toBeNull();
		expect(marketRate(t, 'EUR', 2019)).toBeNull();
	});

	it('PPP factors by country and year, the last year after the table ends', () => {
		expect.hasAssertions();
		expect(pppFactor(t, 'IN', 2023)).toEqual({ factor: 20, year: 2023 });
		expect(pppFactor(t, 'IN', 2025)).toEqual({ factor: 20.5, year: 2024 });
		expect(pppFactor(t, 'DE', 2023)).toBeNull();
		expect(pppFactor(t, 'FR', 2024)).toBeNull();
	});

	it('lists USD, PPP, then the currencies with a rate for the latest year, alphabetically', () => {
		expect.hasAssertions();
		expect(moneyCodes(t, 2024)).toEqual(['USD', 'PPP', 'EUR', 'GBP', 'INR']);
		expect(moneyCodes(t, 2022)).toEqual(['USD', 'PPP', 'JPY']);
	});
});

describe('convertRows', () => {
	it('USD: the rows as they are, nothing left out', () => {
		expect.hasAssertions();
		const c = convertRows(paid, t, 'USD');
		expect(c.rows).toEqual(paid);
		expect(Object.values(c.leftOut)).toEqual([0, 0, 0, 0]);
	});

	it('a currency: the amount as paid in it, else dollars × the year’s rate; a year without a rate left out', () => {
		expect.hasAssertions();
		const rows = [...paid, row({ salaryUsd: 200_000, workYear: 2023 }), row({ salaryUsd: 10_000, workYear: 2019 })];
		const c = convertRows(rows, t, 'EUR');
		expect(c.rows.map((r) => r.salaryUsd)).toEqual([90_000, 45_000, expect.closeTo(90_000, 6), expect.closeTo(184_000, 6)]);
		expect(c.leftOut['no-rate']).toBe(1);
		expect(c.carried).toEqual([]);
		// The row keeps what was paid.
		expect(c.rows[2]).toMatchObject({ salary: 80_000, salaryCurrency: 'GBP' });
	});

	it('notes a work year converted at an earlier year’s rate', () => {
		expect.hasAssertions();
		const c = convertRows([row({ salaryUsd: 1_000, workYear: 2025 })], t, 'INR');
		expect(c.rows[0]!.salaryUsd).toBeCloseTo(83_600, 6);
		expect(c.carried).toEqual([{ year: 2025, from: 2024 }]);
	});

	it('PPP: local amount ÷ the factor of the residence country; each reason to leave a row out counted', () => {
		expect.hasAssertions();
		const rows = [
			// DE resident paid in EUR: 90,000 € / 0.7 = 128,571.43 intl $.
			paid[0]!,
			// DE resident paid in USD: 100,000 $ × 0.9 €/$ / 0.7.
			row({ salaryUsd: 100_000, employeeResidence: 'DE', companyLocation: 'US' }),
			// IN resident paid in USD in 2025: 10,000 × 83.6 (2024, Fed) / 20.5 (2024).
			row({ salaryUsd: 10_000, workYear: 2025, employeeResidence: 'IN' }),
			// US resident: dollars as they are (factor 1).
			row({ salaryUsd: 150_000 }),
			row({ employeeResidence: null }),
			row({ employeeResidence: 'FR' }),
			// Argentina has a factor but no rate for the peso.
			row({ employeeResidence: 'AR' }),
			// A country with a factor and no known currency.
			row({ employeeResidence: 'AQ' })
		];
		const withAq = moneyTables(paid, fx, [...ppp, { country: 'AQ', year: 2024, factor: 1 }]);
		const c = convertRows(rows, withAq, 'PPP');
		expect(c.rows.map((r) => r.salaryUsd)).toEqual([
			expect.closeTo(90_000 / 0.7, 6),
			expect.closeTo(90_000 / 0.7, 6),
			expect.closeTo((10_000 * 83.6) / 20.5, 6),
			150_000
		]);
		expect(c.leftOut).toEqual({ 'no-rate': 0, 'no-residence': 1, 'no-ppp': 1, 'no-local-rate': 2 });
		expect(c.carried).toEqual([{ year: 2025, from: 2024 }]);
		expect(Object.keys(LEFT_OUT_WORDS).sort()).toEqual(Object.keys(c.leftOut).sort());
	});
});

describe('inMoney', () => {
	const data = datasetOf({
		dataVersion: '2024-12-31',
		sourceShiftYear: null,
		salaries: [
			...paid,
			row({ salaryUsd: 120_000, jobTitle: 'AI Engineer' }),
			row({ salaryUsd: 60_000, jobTitle: 'AI Engineer', workYear: 2019 })
		],
		cpi: [],
		aiShare: [],
		genaiShare: [],
		sectors: [],
		parse: [],
		sources: []
	});

	it('USD is the Dataset itself; another money is built once and kept', () => {
		expect.hasAssertions();
		expect(inMoney(data, t, 'USD').data).toBe(data);
		const eur = inMoney(data, t, 'EUR');
		expect(inMoney(data, t, 'EUR')).toBe(eur);
		expect(eur.data).not.toBe(data);
		expect(eur.conversion.leftOut['no-rate']).toBe(1);
	});

	it('statistics run on converted values, sorted again (medians in euros, not dollars × one rate)', () => {
		expect.hasAssertions();
		const eur = inMoney(data, t, 'EUR').data;
		expect(eur.salaries.map((r) => r.salaryUsd)).toEqual([45_000, 90_000, expect.closeTo(90_000, 6), expect.closeTo(108_000, 6)]);
		// Ten reports a family, so no group is suppressed: ML 45k € and 90k € paid, eight at $50k–$120k.
		const more = datasetOf({
			...data,
			salaries: [
				...paid.slice(0, 2),
				...[50, 60, 70, 80, 90, 100, 110, 120].map((k) => row({ salaryUsd: k * 1000 })),
				...Array.from({ length: 10 }, (_, i) => row({ salaryUsd: 100_000 + i * 10_000, jobTitle: 'AI Engineer' }))
			]
		});
		const stats = computeStats(inMoney(more, t, 'EUR').data.prepared, DEFAULT_FILTERS);
		// ML in euros: 45, 90 (paid) and 0.9 × 50…120 = 45, 54, 63, 72, 81, 90, 99, 108: median (72 + 81) / 2.
		expect(stats.families.ML.n).toBe(10);
		expect(stats.families.ML.median!.median).toBeCloseTo(76_500, 6);
		// AI: 0.9 × (100…190): median 0.9 × 145,000.
		expect(stats.families.AI.median!.median).toBeCloseTo(130_500, 6);
	});
});

describe('moneyBasis', () => {
	it('says what the numbers are, with the years converted at an earlier year’s rate', () => {
		expect.hasAssertions();
		expect(moneyBasis('USD', [])).toBe('nominal US$');
		expect(moneyBasis('EUR', [])).toBe(
			"nominal EUR, converted at aijobs.net's rate for each work year (Federal Reserve H.10 yearly average where aijobs.net has none)"
		);
		expect(moneyBasis('PPP', [{ year: 2025, from: 2024 }])).toBe(
			"international $ at purchasing-power parity (World Bank ICP PPP conversion factor, GDP, by the employee's country of residence and work year; 2025 at 2024's (the latest published))"
		);
	});
});

describe('tablesToJson / tablesFromJson', () => {
	it('a round trip through JSON text gives the same rates, sources and factors', () => {
		const back = tablesFromJson(JSON.parse(JSON.stringify(tablesToJson(t))));
		expect(back.marketLast).toBe(2024);
		expect(back.pppLast).toBe(2024);
		expect(marketRate(back, 'EUR', 2024)).toEqual(marketRate(t, 'EUR', 2024));
		expect(marketRate(back, 'EUR', 2023)).toEqual({ perUsd: 0.92, source: 'fed', year: 2023 });
		expect(pppFactor(back, 'IN', 2025)).toEqual({ factor: 20.5, year: 2024 });
		expect([...back.market.keys()].sort()).toEqual([...t.market.keys()].sort());
		expect([...back.ppp.keys()].sort()).toEqual([...t.ppp.keys()].sort());
	});
	it('empty tables (no files) keep "no last year" through JSON', () => {
		const empty = moneyTables([], [], []);
		const back = tablesFromJson(JSON.parse(JSON.stringify(tablesToJson(empty))));
		expect(back.marketLast).toBe(-Infinity);
		expect(back.market.size).toBe(0);
	});
	it.each([
		['not an object', 'x', /version 1/],
		['another version', { version: 2, market: {}, ppp: {} }, /version 1/],
		['a bad code', { version: 1, marketLast: 2024, pppLast: 2024, market: { eur: {} }, ppp: {} }, /not a currency code/],
		['a bad year', { version: 1, marketLast: 2024, pppLast: 2024, market: { EUR: { '24': [1, 'fed'] } }, ppp: {} }, /not a year/],
		['a zero rate', { version: 1, marketLast: 2024, pppLast: 2024, market: { EUR: { 2024: [0, 'fed'] } }, ppp: {} }, /positive/],
		['an unknown source', { version: 1, marketLast: 2024, pppLast: 2024, market: { EUR: { 2024: [1, 'ecb'] } }, ppp: {} }, /source/],
		['a bad country', { version: 1, marketLast: 2024, pppLast: 2024, market: {}, ppp: { DEU: { 2024: 1 } } }, /country code/],
		['a text factor', { version: 1, marketLast: 2024, pppLast: 2024, market: {}, ppp: { DE: { 2024: '0.7' } } }, /positive/]
	])('refuses %s', (_what, j, message) => {
		expect(() => tablesFromJson(j)).toThrow(message);
	});
});
