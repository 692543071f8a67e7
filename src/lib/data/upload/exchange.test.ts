/**
 * Salaries in other currencies than US dollars: pay in local currency (a currency column, or one
 * currency for the whole file) converted with the money tables' rate for each row's currency and
 * work year, every rejection reason, the mapping rules that decide when a file is converted, and
 * the worker path when the tables cannot be had. Expected dollars are worked out by hand here
 * (90,000 EUR at 0.90 per US$ = 100,000 US$), not by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { tablesFromJson } from '$lib/transform/money';
import { rateLookup } from '$lib/workers/money-tables';
import { ABOVE_MAX_PAY } from '../types';
import { NO_CURRENCY, noRateReason, type RateLookup } from './exchange';
import {
	AIJOBS_COLUMNS,
	detectLayout,
	guessMapping,
	missingRequired,
	needsConversion,
	validateMapping,
	withPayCurrency,
	type ColumnMapping
} from './fields';
import { runParse, sniffSource, noRatesMessage } from './parse-file';
import { createRowProcessor } from './processor';
import { toSalaryRows } from './salary-rows';
import { bytesSource } from './testing/bytes-source';
import { utf8 } from './testing/load';
import type { SalaryColumns } from './columns';

/** Made-up tables: the Fed's (and so the tables') last year is 2024. */
const TABLES = tablesFromJson({
	version: 1,
	marketLast: 2024,
	pppLast: 2024,
	market: {
		EUR: { '2023': [0.92, 'fed'], '2024': [0.9, 'aijobs'] },
		GBP: { '2024': [0.8, 'aijobs'] },
		INR: { '2024': [83.3, 'aijobs'] },
		CLP: { '2021': [800, 'aijobs'] }
	},
	ppp: {}
});
const RATES = rateLookup(TABLES);
const US = { thousands: ',', decimal: '.' } as const;

function run(
	header: string[],
	rows: string[][],
	mapping: Partial<ColumnMapping> & Pick<ColumnMapping, 'fields'>,
	rates: RateLookup = RATES
) {
	const p = createRowProcessor({
		mapping: { kind: 'salaries', layout: 'generic', payPeriod: 'year', ...mapping },
		header,
		numberFormat: US,
		rates
	});
	p.push([header, ...rows]);
	const out = p.finish();
	return { ...out, rows: toSalaryRows(out.columns as SalaryColumns).rows };
}

describe('pay with a currency column, no US$ column', () => {
	const header = ['title', 'salary', 'salary_currency', 'year'];
	const fields = { title: 0, salaryLocal: 1, salaryCurrency: 2, year: 3 };

	it('converts each row at its currency and year, keeps the pay as paid, and lists the rates used', () => {
		const { report, rows } = run(
			header,
			[
				['AI Engineer', '90000', 'EUR', '2024'], // 90,000 / 0.90 = 100,000
				['ML Engineer', '€92,000', 'eur', '2023'], // 92,000 / 0.92 = 100,000
				['AI Engineer', '8,330,000', 'INR', '2024'], // 8,330,000 / 83.3 = 100,000
				['ML Engineer', '120000', 'USD', '2024'], // dollars stay dollars
				['AI Engineer', '72000', 'GBP', '2025'] // 2025 is after the tables' last year: 2024's 0.80 → 90,000
			],
			{ fields }
		);
		expect(report).toMatchObject({ rowsRead: 5, accepted: 5, rejected: 0 });
		expect(rows.map((r) => [r.salary, r.salaryCurrency, r.salaryUsd])).toEqual([
			[90000, 'EUR', 100000],
			[92000, 'EUR', 100000],
			[8330000, 'INR', 100000],
			[120000, 'USD', 120000],
			[72000, 'GBP', 90000]
		]);
		expect(report.exchange).toEqual([
			{ currency: 'EUR', workYear: 2023, perUsd: 0.92, rateYear: 2023, rows: 1 },
			{ currency: 'EUR', workYear: 2024, perUsd: 0.9, rateYear: 2024, rows: 1 },
			{ currency: 'GBP', workYear: 2025, perUsd: 0.8, rateYear: 2024, rows: 1 },
			{ currency: 'INR', workYear: 2024, perUsd: 83.3, rateYear: 2024, rows: 1 },
			{ currency: 'USD', workYear: 2024, perUsd: 1, rateYear: 2024, rows: 1 }
		]);
		// The confirmation examples say what each amount became, with its currency.
		expect(report.conversions.slice(0, 2)).toEqual([
			{ field: 'salaryUsd', column: 'salary', raw: '90000 EUR', value: 100000 },
			{ field: 'salaryUsd', column: 'salary', raw: '€92,000 EUR', value: 100000 }
		]);
	});

	it('rejects, counts and names each row it cannot convert; nothing is dropped silently', () => {
		const { report, rows } = run(
			header,
			[
				['A', '90000', 'XYZ', '2024'], // an unknown code
				['B', '90000', 'XYZ', '2024'],
				['C', '8330000', 'INR', '2023'], // a known code without a rate that year
				['D', '800000', 'CLP', '2022'], // an older rate is not stretched over later years
				['E', '90000', '', '2024'], // no currency
				['F', '90000', 'EURO', '2024'], // not a code: its own reason, once
				['G', '', 'EUR', '2024'], // no pay
				['H', '9,000,000', 'GBP', '2024'], // 9,000,000 / 0.8 = 11,250,000 US$: above the bound
				['I', '90000', 'EUR', 'soon'], // the year's own reason, once
				['J', '90000', 'EUR', '2024'] // fine
			],
			{ fields }
		);
		expect(report).toMatchObject({ rowsRead: 10, accepted: 1, rejected: 9 });
		expect(report.reasons).toEqual({
			[`salary_currency: ${noRateReason('XYZ', 2024)}`]: 2,
			'salary_currency: no exchange rate for INR in 2023': 1,
			'salary_currency: no exchange rate for CLP in 2022': 1,
			[`salary_currency: ${NO_CURRENCY}`]: 1,
			'salary_currency: not a 3-letter currency code': 1,
			'salary: empty': 1,
			[`salary: ${ABOVE_MAX_PAY}`]: 1,
			'year: not a year (YYYY, or YYYYe for an estimate)': 1
		});
		expect(report.problems.map((p) => [p.line, p.column, p.reason])[0]).toEqual([2, 'salary_currency', 'no exchange rate for XYZ in 2024']);
		expect(report.rejectedRows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(rows.map((r) => [r.jobTitle, r.salaryUsd])).toEqual([['J', 100000]]);
		// Only accepted rows count under the rates used.
		expect(report.exchange).toEqual([{ currency: 'EUR', workYear: 2024, perUsd: 0.9, rateYear: 2024, rows: 1 }]);
	});

	it('annualises monthly pay before converting, and keeps the annual amount as paid', () => {
		const { rows } = run(header, [['A', '7,500', 'EUR', '2024']], { fields, payPeriod: 'month' });
		// 7,500 × 12 = 90,000 EUR a year; / 0.90 = 100,000 US$.
		expect(rows.map((r) => [r.salary, r.salaryCurrency, r.salaryUsd])).toEqual([[90000, 'EUR', 100000]]);
	});

	it('asks for the rate of the row currency and year, nothing else', () => {
		const asked: string[] = [];
		run(header, [['A', '90000', 'eur', '2021e']], { fields }, (c, y) => (asked.push(`${c} ${y}`), { perUsd: 0.5, year: y }));
		// Once for the row, once for the rates-used list of the report.
		expect(asked).toEqual(['EUR 2021', 'EUR 2021']);
	});

	it('refuses to build a converting processor without rates', () => {
		expect(() =>
			createRowProcessor({ mapping: { kind: 'salaries', layout: 'generic', payPeriod: 'year', fields }, header, numberFormat: US })
		).toThrow(/needs exchange rates/);
	});
});

describe('one currency for the whole file', () => {
	const header = ['title', 'pay', 'year'];
	const base: ColumnMapping = { kind: 'salaries', layout: 'generic', payPeriod: 'year', fields: { title: 0, salaryUsd: 1, year: 2 } };

	it('converts every row at that currency, and the rows carry it', () => {
		const mapping = withPayCurrency(base, 'EUR');
		const { report, rows, columns } = run(
			header,
			[
				['A', '90000', '2024'],
				['B', '46000', '2023'], // 46,000 / 0.92 = 50,000
				['C', '90000', '2019'] // no EUR rate for 2019
			],
			mapping
		);
		expect(report).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1 });
		expect(report.reasons).toEqual({ 'pay: no exchange rate for EUR in 2019': 1 });
		expect(rows.map((r) => [r.salary, r.salaryCurrency, r.salaryUsd])).toEqual([
			[90000, 'EUR', 100000],
			[46000, 'EUR', 50000]
		]);
		expect((columns as SalaryColumns).salaryCurrency?.dict).toEqual(['EUR']);
	});

	it('US dollars (the default) reads the pay column as today, without rates', () => {
		const mapping = withPayCurrency(base, 'USD');
		expect(mapping).toEqual(base);
		const { rows, report } = run(header, [['A', '90000', '2024']], mapping, () => {
			throw new Error('no rates needed');
		});
		expect(rows.map((r) => [r.salary, r.salaryCurrency, r.salaryUsd])).toEqual([[90000, 'USD', 90000]]);
		expect(report.exchange).toBeUndefined();
	});
});

describe('a file with a US$ column keeps it', () => {
	it('carries local pay and currency beside the dollars, and never asks for a rate', () => {
		const header = ['title', 'pay', 'year', 'local', 'currency'];
		const { rows, report } = run(
			header,
			[['A', '111111', '2024', '90000', 'XYZ']],
			{ fields: { title: 0, salaryUsd: 1, year: 2, salaryLocal: 3, salaryCurrency: 4 } },
			() => {
				throw new Error('no rates needed');
			}
		);
		expect(rows.map((r) => [r.salary, r.salaryCurrency, r.salaryUsd])).toEqual([[90000, 'XYZ', 111111]]);
		expect(report.exchange).toBeUndefined();
	});
	it('annualises the local pay with the US$ pay, so both are per year', () => {
		const header = ['title', 'pay', 'year', 'local', 'currency', 'period'];
		const { rows, report } = run(
			header,
			[
				['A', '8000', '2024', '7200', 'EUR', 'month'], // 8,000 × 12 = 96,000 US$; 7,200 × 12 = 86,400 EUR
				['B', '100000', '2024', '90000', 'EUR', ''],
				['C', '100000', '2024', '90000', 'EUR', 'fortnight']
			],
			{ fields: { title: 0, salaryUsd: 1, year: 2, salaryLocal: 3, salaryCurrency: 4, payPeriod: 5 } }
		);
		expect(rows.map((r) => [r.salary, r.salaryUsd])).toEqual([
			[86400, 96000],
			[90000, 100000]
		]);
		// A bad period is the US$ column's problem, counted once.
		expect(report.reasons).toEqual({ 'pay: unknown pay period': 1 });
	});
});

describe('mapping rules', () => {
	const m = (fields: ColumnMapping['fields'], extra: Partial<ColumnMapping> = {}): ColumnMapping => ({
		kind: 'salaries',
		layout: 'generic',
		payPeriod: 'year',
		fields,
		...extra
	});

	it('needsConversion: local pay without a US$ column, salaries only', () => {
		expect(needsConversion(m({ salaryLocal: 1 }))).toBe(true);
		expect(needsConversion(m({ salaryLocal: 1, salaryUsd: 2 }))).toBe(false);
		expect(needsConversion(m({ salaryUsd: 2 }))).toBe(false);
		expect(needsConversion({ ...m({ salaryLocal: 1 }), kind: 'postings' })).toBe(false);
	});

	it('pay is required as US$, or as local pay with its currency', () => {
		expect(missingRequired(m({ title: 0, year: 1, salaryLocal: 2, salaryCurrency: 3 }))).toEqual([]);
		expect(missingRequired(m({ title: 0, year: 1, salaryLocal: 2 }, { payCurrency: 'EUR' }))).toEqual([]);
		expect(missingRequired(m({ title: 0, year: 1, salaryLocal: 2 }))).toEqual(['salaryUsd']);
		expect(validateMapping(m({ title: 0, year: 1, salaryLocal: 2 }), 3)).toEqual([
			'Pay in local currency needs its currency: a currency column, or one currency for the whole file (or map the pay as Pay in USD (annual unless a pay period is given))'
		]);
		expect(validateMapping(m({ title: 0, year: 1, salaryUsd: 2, salaryCurrency: 3 }), 4)).toEqual([
			'Currency of local pay needs Pay in local currency: map the pay column that is in those currencies there (or leave the currency column out)'
		]);
		expect(validateMapping(m({ title: 0, year: 1, salaryLocal: 2 }, { payCurrency: 'euro' }), 3)).toEqual([
			'the currency of the whole file, "euro", is not a 3-letter currency code'
		]);
	});

	it('withPayCurrency moves the one pay column, and leaves files with a currency column or two pay columns alone', () => {
		const one = m({ title: 0, salaryUsd: 1, year: 2 });
		const eur = withPayCurrency(one, 'EUR');
		expect(eur).toEqual(m({ title: 0, salaryLocal: 1, year: 2 }, { payCurrency: 'EUR' }));
		expect(withPayCurrency(eur, 'GBP')).toEqual(m({ title: 0, salaryLocal: 1, year: 2 }, { payCurrency: 'GBP' }));
		expect(withPayCurrency(eur, 'USD')).toEqual(one);
		const withColumn = m({ title: 0, salaryLocal: 1, salaryCurrency: 2, year: 3 });
		expect(withPayCurrency(withColumn, 'EUR')).toBe(withColumn);
		const both = m({ title: 0, salaryUsd: 1, salaryLocal: 2, year: 3 });
		expect(withPayCurrency(both, 'EUR')).toBe(both);
		const none = m({ title: 0, year: 3 });
		expect(withPayCurrency(none, 'EUR')).toBe(none);
		expect(withPayCurrency({ ...one, kind: 'postings' }, 'EUR')).toEqual({ ...one, kind: 'postings' });
	});

	it('guesses a pay column beside a currency column as local pay, unless its name says USD', () => {
		expect(guessMapping(['title', 'salary', 'salary_currency', 'year'], 'salaries').fields).toEqual({
			title: 0,
			salaryLocal: 1,
			salaryCurrency: 2,
			year: 3
		});
		expect(guessMapping(['title', 'salary_usd', 'currency', 'year'], 'salaries').fields).toEqual({ title: 0, salaryUsd: 1, year: 3 });
		// Beside a US$ column, `salary` is the local pay: an aijobs.net header guessed as a generic file maps as its layout does.
		const aijobs = detectLayout(AIJOBS_COLUMNS).mapping!.fields;
		expect(guessMapping(AIJOBS_COLUMNS, 'salaries').fields).toEqual(aijobs);
		expect(guessMapping(['pay', 'salary', 'usd', 'currency'], 'salaries').fields).toMatchObject({
			salaryUsd: 2,
			salaryLocal: 1,
			salaryCurrency: 3
		});
		const d = detectLayout(['title', 'salary', 'salary_currency', 'year']);
		expect([d.kind, d.missing]).toEqual(['salaries', []]);
	});

	it('an aijobs.net export without salary_in_usd is the aijobs.net layout, converted', () => {
		const header = AIJOBS_COLUMNS.filter((c) => c !== 'salary_in_usd');
		const d = detectLayout(header);
		expect([d.kind, d.layout, d.missing]).toEqual(['salaries', 'aijobs', []]);
		expect(d.mapping!.fields.salaryUsd).toBeUndefined();
		expect([header[d.mapping!.fields.salaryLocal!], header[d.mapping!.fields.salaryCurrency!]]).toEqual(['salary', 'salary_currency']);
		expect(needsConversion(d.mapping!)).toBe(true);
	});
});

describe('runParse: the tables are asked for only when needed', () => {
	const csv = 'title,salary,salary_currency,work_year\nAI Engineer,90000,EUR,2024\nML Engineer,8330000,INR,2024\n';
	const parse = async (text: string, rates?: () => Promise<RateLookup>) => {
		const src = bytesSource(utf8(text));
		const s = await sniffSource(src);
		if (s.type !== 'sniffed') throw new Error(JSON.stringify(s));
		return runParse(src, { sniff: s.sniff, mapping: s.sniff.detection.mapping! }, () => {}, { rates });
	};

	it('converts with the loaded rates', async () => {
		const r = await parse(csv, async () => RATES);
		expect(r.type).toBe('done');
		if (r.type === 'done') expect(Array.from((r.columns as SalaryColumns).salaryUsd)).toEqual([100000, 100000]);
	});

	it('a failed load of the tables refuses the file with the reason, reading nothing', async () => {
		const r = await parse(csv, () => Promise.reject(new Error('the server answered HTTP 503')));
		expect(r).toEqual({
			type: 'error',
			code: 'no-rates',
			message:
				"This file's pay is in the currencies of its currency column, not US dollars, and the exchange rates to convert it could not be loaded (the server answered HTTP 503). Nothing was read or kept, and nothing of the file was sent anywhere. Try again later, or load a file with a pay-in-USD column."
		});
		expect(await parse(csv)).toMatchObject({
			type: 'error',
			code: 'no-rates',
			message: expect.stringContaining('(no source of exchange rates)')
		});
	});

	it('names the currency of the whole file in that message', () => {
		const m: ColumnMapping = { kind: 'salaries', layout: 'generic', payPeriod: 'year', fields: { salaryLocal: 0 }, payCurrency: 'EUR' };
		expect(noRatesMessage(m, 'offline')).toMatch(/^This file's pay is in EUR, not US dollars, .* \(offline\)\./);
	});

	it('a file with a US$ column never asks for the tables', async () => {
		let asked = 0;
		const r = await parse('title,salary_usd,year\nAI Engineer,100000,2024\n', async () => {
			asked++;
			return RATES;
		});
		expect([r.type, asked]).toEqual(['done', 0]);
	});
});
