/**
 * The row processor fed records directly (no file): each field's empty and bad cells, pay
 * periods per row, hourly pay in postings, counts, the conversion examples, clipping of long
 * values, blank lines and line numbers, and the rejected-rows CSV of short and blank rows.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { PostingsColumns, SalaryColumns } from './columns';
import type { ColumnMapping } from './fields';
import { createRowProcessor, rejectedRowsCsv, type ProcessOptions } from './processor';
import { HOURS_PER_YEAR, MONTHS_PER_YEAR } from './values';

const US = { thousands: ',', decimal: '.' } as const;

function run(
	header: string[],
	rows: string[][],
	mapping: Omit<ColumnMapping, 'payPeriod'> & { payPeriod?: ColumnMapping['payPeriod'] },
	extra: Partial<ProcessOptions> = {}
) {
	const p = createRowProcessor({ mapping: { payPeriod: 'year', ...mapping }, header, numberFormat: US, ...extra });
	p.push([header, ...rows]);
	return p.finish();
}
const salaries = (fields: ColumnMapping['fields'], layout: ColumnMapping['layout'] = 'generic') => ({
	kind: 'salaries' as const,
	layout,
	fields
});
const postings = (fields: ColumnMapping['fields'], layout: ColumnMapping['layout'] = 'generic') => ({
	kind: 'postings' as const,
	layout,
	fields
});
const dictValues = (d: { codes: Int32Array; dict: readonly string[] } | null) =>
	d ? Array.from(d.codes, (k) => (k < 0 ? null : d.dict[k])) : null;

describe('salaries: optional columns', () => {
	const header = ['title', 'pay', 'year', 'size', 'country', 'exp', 'type', 'remote', 'local', 'currency', 'residence'];
	const fields = {
		title: 0,
		salaryUsd: 1,
		year: 2,
		companySize: 3,
		country: 4,
		experienceLevel: 5,
		employmentType: 6,
		remoteRatio: 7,
		salaryLocal: 8,
		salaryCurrency: 9,
		employeeResidence: 10
	};
	it('reads every field, and an empty optional cell as missing (-1, NaN, null)', () => {
		const { columns, report } = run(
			header,
			[
				['A', '100000', '2024', 'L', 'DE', 'SE', 'FT', '100', '90000', 'EUR', 'FR'],
				['B', '90000', '2023', '', '', '', '', '', '', '', '']
			],
			salaries(fields)
		);
		const c = columns as SalaryColumns;
		expect(report).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, problems: [] });
		expect(Array.from(c.companySize!)).toEqual([2, -1]);
		expect(Array.from(c.experienceLevel!)).toEqual([2, -1]);
		expect(Array.from(c.employmentType!)).toEqual([0, -1]);
		expect(Array.from(c.remoteRatio!)).toEqual([2, -1]);
		expect(Array.from(c.salaryLocal!)).toEqual([90000, NaN]);
		expect(dictValues(c.country)).toEqual(['DE', null]);
		expect(dictValues(c.salaryCurrency)).toEqual(['EUR', null]);
		expect(dictValues(c.employeeResidence)).toEqual(['FR', null]);
		expect(c.fields).toEqual(Object.keys(fields));
	});
	it('rejects a bad optional cell with its reason; local pay may be in another currency', () => {
		const { columns, report } = run(
			header,
			[
				['A', '100000', '2024', 'XL', 'Atlantis', 'guru', 'gig', '30', '-5', 'EURO', 'QQ'],
				['B', '100000', '2024', 'S', 'US', 'EN', 'PT', '0', '€80.000', 'eur', 'de'],
				['C', '100000', '2024', 'S', 'AQ', 'EN', 'PT', '0', '1', 'EUR', 'DE']
			],
			salaries(fields),
			{ numberFormat: { thousands: '.', decimal: ',' } }
		);
		expect(report.reasons).toEqual({
			'size: unknown company size': 1,
			'country: unknown country name': 1,
			'exp: unknown experience level': 1,
			'type: unknown employment type': 1,
			'remote: unknown remote ratio': 1,
			'local: negative pay': 1,
			'currency: not a 3-letter currency code': 1,
			'residence: not an ISO 3166-1 alpha-2 country code': 1,
			'country: country has no region (continent)': 1
		});
		expect(report.rejectedRows[0]!.reason).toBe(
			'size: unknown company size; country: unknown country name; exp: unknown experience level; type: unknown employment type; remote: unknown remote ratio; local: negative pay; currency: not a 3-letter currency code; residence: not an ISO 3166-1 alpha-2 country code'
		);
		const c = columns as SalaryColumns;
		expect(c.n).toBe(1);
		expect(Array.from(c.salaryLocal!)).toEqual([80000]);
		expect(dictValues(c.salaryCurrency)).toEqual(['EUR']);
		expect(dictValues(c.employeeResidence)).toEqual(['DE']);
		// The rejected rows' values were dropped from the dictionaries.
		expect(c.country!.dict).toEqual(['US']);
	});
	it('gives null for the columns a mapping does not have', () => {
		const c = run(['t', 'p', 'y'], [['A', '1', '2024']], salaries({ title: 0, salaryUsd: 1, year: 2 })).columns as SalaryColumns;
		expect([
			c.companySize,
			c.country,
			c.experienceLevel,
			c.employmentType,
			c.remoteRatio,
			c.salaryLocal,
			c.salaryCurrency,
			c.employeeResidence
		]).toEqual([null, null, null, null, null, null, null, null]);
		expect(c.fields).toEqual(['title', 'salaryUsd', 'year']);
	});
});

describe('salaries: pay periods', () => {
	const header = ['title', 'pay', 'year', 'period'];
	it('annualises per row by the period column, defaulting to the mapping for an empty cell', () => {
		const { columns, report } = run(
			header,
			[
				['A', '100', '2024', 'hourly'],
				['B', '5000', '2024', ' Monthly '],
				['C', '90000', '2024', 'year'],
				['D', '7000', '2024', ''],
				['E', '100', '2024', 'fortnight']
			],
			{ ...salaries({ title: 0, salaryUsd: 1, year: 2, payPeriod: 3 }), payPeriod: 'month' }
		);
		expect(Array.from((columns as SalaryColumns).salaryUsd)).toEqual([
			100 * HOURS_PER_YEAR,
			5000 * MONTHS_PER_YEAR,
			90000,
			7000 * MONTHS_PER_YEAR
		]);
		expect(report.problems).toEqual([{ line: 6, column: 'pay', value: '100', reason: 'unknown pay period' }]);
		expect((columns as SalaryColumns).fields).toEqual(['title', 'salaryUsd', 'year']);
	});
	it('without a period column, uses the mapping period for every row', () => {
		const c = run(['t', 'p', 'y'], [['A', '50', '2024']], { ...salaries({ title: 0, salaryUsd: 1, year: 2 }), payPeriod: 'hour' })
			.columns as SalaryColumns;
		expect(Array.from(c.salaryUsd)).toEqual([50 * HOURS_PER_YEAR]);
	});
	it('keeps estimated years apart', () => {
		const c = run(
			['t', 'p', 'y'],
			[
				['A', '1', '2021e'],
				['B', '1', '2022']
			],
			salaries({ title: 0, salaryUsd: 1, year: 2 })
		).columns as SalaryColumns;
		expect(Array.from(c.year)).toEqual([2021, 2022]);
		expect(Array.from(c.yearEstimated)).toEqual([1, 0]);
	});
	it('counts the accepted rows with an estimated year in the report (a rejected one is not counted)', () => {
		const r = run(
			['t', 'p', 'y'],
			[
				['A', '1', '2021e'],
				['B', '1', '2022'],
				['C', 'x', '2021e'],
				['D', '2', '2020e'],
				['E', '3', '2021E']
			],
			salaries({ title: 0, salaryUsd: 1, year: 2 })
		);
		expect(r.report.accepted).toBe(4);
		expect(r.report.estimatedYears).toBe(3);
		expect(run(['t', 'p', 'y'], [['A', '1', '2022']], salaries({ title: 0, salaryUsd: 1, year: 2 })).report.estimatedYears).toBe(0);
		expect(run(['t', 'd'], [['A', '2024-01-02']], postings({ title: 0, postedDate: 1 })).report.estimatedYears).toBe(0);
	});
});

describe('pay above the annual bound, and amounts beyond exact integers', () => {
	it('salaries: above $10M a year after annualising is rejected with "check the unit"; $10M itself is read', () => {
		const { columns, report } = run(
			['title', 'pay', 'year', 'period'],
			[
				['A', '999,999,999,999', '2024', ''],
				['B', '9007199254740993', '2024', ''],
				['C', '10,000,000', '2024', ''],
				['D', '900,000', '2024', 'month'],
				['E', '4,800', '2024', 'hour'],
				['F', '$12M', '2024', '']
			],
			salaries({ title: 0, salaryUsd: 1, year: 2, payPeriod: 3 })
		);
		expect(Array.from((columns as SalaryColumns).salaryUsd)).toEqual([10_000_000, 4_800 * HOURS_PER_YEAR]);
		expect(report.problems.map((p) => [p.line, p.reason])).toEqual([
			[2, 'above $10,000,000 a year: check the unit'],
			[3, 'too large to read exactly (above 9,007,199,254,740,991)'],
			[5, 'above $10,000,000 a year: check the unit'],
			[7, 'above $10,000,000 a year: check the unit']
		]);
	});
	it('postings: the yearly and the hourly advertised pay have the same bound; a count beyond exact integers is refused', () => {
		const { columns, report } = run(
			['title', 'date', 'year_pay', 'hourly', 'n'],
			[
				['A', '2024-01-02', '20,000,000', '', '1'],
				['B', '2024-01-02', '', '5,000', '1'],
				['C', '2024-01-02', '', '50', '9007199254740993'],
				['D', '2024-01-02', '150,000', '', '2']
			],
			postings({ title: 0, postedDate: 1, salaryUsd: 2, salaryHourly: 3, count: 4 })
		);
		expect(Array.from((columns as PostingsColumns).salaryUsd!)).toEqual([150_000]);
		expect(report.reasons).toEqual({
			'year_pay: above $10,000,000 a year: check the unit': 1,
			'year_pay: hourly pay: above $10,000,000 a year: check the unit': 1,
			'n: too large to read exactly (above 9,007,199,254,740,991)': 1
		});
	});
	it('local pay in another currency is not held to the US$ bound, only to exact integers', () => {
		const { columns, report } = run(
			['title', 'pay', 'year', 'local'],
			[
				['A', '100000', '2024', '15,000,000,000'],
				['B', '100000', '2024', '9007199254740993']
			],
			salaries({ title: 0, salaryUsd: 1, year: 2, salaryLocal: 3 })
		);
		expect(Array.from((columns as SalaryColumns).salaryLocal!)).toEqual([15_000_000_000]);
		expect(report.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
			[3, 'local', 'too large to read exactly (above 9,007,199,254,740,991)']
		]);
	});
});

describe('conversions shown for confirmation', () => {
	it('lists raw text that differs from the value, at most maxConversions per field, with the header name', () => {
		const rows = ['$1,000', '2000', '$3,000', '$4,000', '$5,000'].map((p, i) => [`T${i}`, p, '2024']);
		const { report } = run(['title', 'Pay (USD)', 'year'], rows, salaries({ title: 0, salaryUsd: 1, year: 2 }), { maxConversions: 2 });
		expect(report.conversions).toEqual([
			{ field: 'salaryUsd', column: 'Pay (USD)', raw: '$1,000', value: 1000 },
			{ field: 'salaryUsd', column: 'Pay (USD)', raw: '$3,000', value: 3000 }
		]);
	});
	it('keeps five by default', () => {
		const rows = Array.from({ length: 8 }, (_, i) => [`T${i}`, `$${i + 1},000`, '2024']);
		expect(run(['t', 'p', 'y'], rows, salaries({ title: 0, salaryUsd: 1, year: 2 })).report.conversions).toHaveLength(5);
	});
	it('shows an annualised plain number as a conversion', () => {
		const { report } = run(['t', 'p', 'y'], [['A', '10', '2024']], { ...salaries({ title: 0, salaryUsd: 1, year: 2 }), payPeriod: 'hour' });
		expect(report.conversions).toEqual([{ field: 'salaryUsd', column: 'p', raw: '10', value: 10 * HOURS_PER_YEAR }]);
	});
});

describe('rows and lines', () => {
	const header = ['title', 'pay', 'year'];
	const m = salaries({ title: 0, salaryUsd: 1, year: 2 });
	it('clips a long raw value to 200 characters and an ellipsis', () => {
		const long = 'x'.repeat(250);
		const { report } = run(
			header,
			[
				['A', long, '2024'],
				['B', 'y'.repeat(200), '2024']
			],
			m
		);
		expect(report.problems[0]!.value).toBe('x'.repeat(200) + '…');
		expect(report.problems[1]!.value).toBe('y'.repeat(200));
	});
	it('lists a ragged row with its cells joined and clipped', () => {
		const { report } = run(
			header,
			[
				['A', '1'],
				['B', '1', '2024', 'z'.repeat(300)]
			],
			m
		);
		expect(report.problems.map((p) => [p.line, p.column, p.value.length, p.reason])).toEqual([
			[2, '*', 3, 'expected 3 fields, found 2'],
			[3, '*', 201, 'expected 3 fields, found 4']
		]);
		expect(report.problems[0]!.value).toBe('A,1');
	});
	it('counts blank lines before more rows as rejected rows, also across pushes', () => {
		const p = createRowProcessor({ mapping: { ...m, payPeriod: 'year' }, header, numberFormat: US });
		p.push([header, ['A', '1', '2024'], ['']]);
		expect(p.rowsRead).toBe(2);
		p.push([[], ['B', '1', '2024']]);
		expect(p.rowsRead).toBe(4);
		p.push([['   ']]);
		const { report, columns } = p.finish();
		expect(report).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2 });
		expect(report.problems).toEqual([
			{ line: 3, column: '*', value: '', reason: 'blank line' },
			{ line: 4, column: '*', value: '', reason: 'blank line' }
		]);
		expect(report.rejectedRows).toEqual([
			{ line: 3, cells: [], reason: 'blank line' },
			{ line: 4, cells: [], reason: 'blank line' }
		]);
		expect(report.reasons).toEqual({ '*: blank line': 2 });
		expect(Array.from(columns.line)).toEqual([2, 5]);
	});
	it('moves the line on for each line break inside a quoted cell', () => {
		const p = createRowProcessor({ mapping: { ...m, payPeriod: 'year' }, header, numberFormat: US });
		p.push([header, ['A\nB\nC', '1', '2024'], ['D', '1', '2024']], true);
		expect(Array.from(p.finish().columns.line)).toEqual([2, 5]);
		const q = createRowProcessor({ mapping: { ...m, payPeriod: 'year' }, header, numberFormat: US });
		q.push([header, ['A\nB', '1', '2024'], ['D', '1', '2024']]);
		expect(Array.from(q.finish().columns.line)).toEqual([2, 4]);
	});
	it('keeps the cells of a rejected row as they were (untrimmed), and its raw value in the problem', () => {
		const { report } = run(header, [[' A ', ' bad ', '2024']], m);
		expect(report.rejectedRows).toEqual([{ line: 2, cells: [' A ', ' bad ', '2024'], reason: 'pay: not an amount' }]);
		expect(report.problems[0]!.value).toBe(' bad ');
	});
	it('refuses an empty title', () => {
		expect(run(header, [['', '1', '2024']], m).report.reasons).toEqual({ 'title: empty': 1 });
	});
});

describe('postings', () => {
	it('reads hourly pay where the yearly cell is empty, NaN where both are, and says which failed', () => {
		const header = ['title', 'date', 'year_pay', 'hour_pay'];
		const { columns, report } = run(
			header,
			[
				['A', '2023-06-01', '100000', '50'],
				['B', '2023-06-02', '', '50'],
				['C', '2023-06-03', ' ', ''],
				['D', '2023-06-04', '', 'abc'],
				['E', '2023-06-05', 'abc', '']
			],
			postings({ title: 0, postedDate: 1, salaryUsd: 2, salaryHourly: 3 })
		);
		const c = columns as PostingsColumns;
		expect(Array.from(c.salaryUsd!)).toEqual([100000, 50 * HOURS_PER_YEAR, NaN]);
		expect(report.reasons).toEqual({ 'year_pay: hourly pay: not an amount': 1, 'year_pay: not an amount': 1 });
		expect(c.fields).toEqual(['title', 'postedDate', 'salaryUsd']);
		expect(report.conversions).toEqual([{ field: 'salaryHourly', column: 'hour_pay', raw: '50', value: 50 * HOURS_PER_YEAR }]);
	});
	it('with only an hourly column mapped, reads it', () => {
		const { columns, report } = run(
			['title', 'date', 'hourly'],
			[
				['A', '2023-06-01', '40'],
				['B', '2023-06-01', 'x']
			],
			postings({ title: 0, postedDate: 1, salaryHourly: 2 })
		);
		expect(Array.from((columns as PostingsColumns).salaryUsd!)).toEqual([40 * HOURS_PER_YEAR]);
		expect(report.reasons).toEqual({ 'hourly: hourly pay: not an amount': 1 });
	});
	it('annualises yearly-column pay by the period column, except in the data_jobs layout (its salary_rate is informative)', () => {
		const header = ['title', 'date', 'pay', 'rate'];
		const rows = [['A', '2023-06-01', '5000', 'month']];
		const generic = run(header, rows, postings({ title: 0, postedDate: 1, salaryUsd: 2, payPeriod: 3 })).columns as PostingsColumns;
		expect(Array.from(generic.salaryUsd!)).toEqual([5000 * MONTHS_PER_YEAR]);
		const dj = run(header, rows, postings({ title: 0, postedDate: 1, salaryUsd: 2, payPeriod: 3 }, 'data_jobs')).columns as PostingsColumns;
		expect(Array.from(dj.salaryUsd!)).toEqual([5000]);
		const bad = run(header, [['A', '2023-06-01', '5000', 'fortnight']], postings({ title: 0, postedDate: 1, salaryUsd: 2, payPeriod: 3 }));
		expect(bad.report.reasons).toEqual({ 'pay: unknown pay period': 1 });
	});
	it('reads whole counts and refuses others', () => {
		const { columns, report } = run(
			['title', 'date', 'n'],
			[
				['A', '2023-06-01', '3'],
				['B', '2023-06-01', '1,200'],
				['C', '2023-06-01', '2.5'],
				['D', '2023-06-01', '-1'],
				['E', '2023-06-01', 'x']
			],
			postings({ title: 0, postedDate: 1, count: 2 })
		);
		expect(Array.from((columns as PostingsColumns).count!)).toEqual([3, 1200]);
		expect(report.reasons).toEqual({ 'n: count is not a whole number ≥ 0': 3 });
	});
	it('is month-only when every accepted date is a month, not for an empty file or a single day', () => {
		const m = postings({ title: 0, postedDate: 1 });
		const months = run(
			['t', 'd'],
			[
				['A', '2023-06'],
				['B', '2023-07']
			],
			m
		).columns as PostingsColumns;
		expect(months.monthOnly).toBe(true);
		expect(
			(
				run(
					['t', 'd'],
					[
						['A', '2023-06'],
						['B', '2023-07-02']
					],
					m
				).columns as PostingsColumns
			).monthOnly
		).toBe(false);
		expect((run(['t', 'd'], [], m).columns as PostingsColumns).monthOnly).toBe(false);
		expect(months.postedMs[1]).toBe(Date.UTC(2023, 6, 1));
	});
	it('uses ISO dates unless told otherwise, and the given format when told', () => {
		const m = postings({ title: 0, postedDate: 1 });
		expect(run(['t', 'd'], [['A', '01/06/2023']], m).report.reasons).toEqual({ 'd: not an ISO date': 1 });
		const c = run(['t', 'd'], [['A', '01/06/2023']], m, { dateFormat: { kind: 'pattern', pattern: 'DD/MM/YYYY' } })
			.columns as PostingsColumns;
		expect(Array.from(c.postedMs)).toEqual([Date.UTC(2023, 5, 1)]);
	});
	it('reads company names, sizes, countries and skills, empty cells as missing', () => {
		const header = ['title', 'date', 'company', 'size', 'country', 'skills'];
		const { columns, report } = run(
			header,
			[
				['A', '2023-06-01', 'Acme', 'S', 'Germany', 'python, sql'],
				['B', '2023-06-01', '', '', '', ''],
				['C', '2023-06-01', 'x'.repeat(201), 'XL', 'Atlantis', '[python']
			],
			postings({ title: 0, postedDate: 1, companyName: 2, companySize: 3, country: 4, skills: 5 })
		);
		const c = columns as PostingsColumns;
		expect(dictValues(c.companyName)).toEqual(['Acme', null]);
		expect(Array.from(c.companySize!)).toEqual([0, -1]);
		expect(dictValues(c.country)).toEqual(['DE', null]);
		expect(Array.from(c.skills!.offsets)).toEqual([0, 2, 2]);
		expect(c.skills!.dict).toEqual(['python', 'sql']);
		expect(report.reasons).toEqual({
			'company: longer than 200 characters': 1,
			'size: unknown company size': 1,
			'country: unknown country name': 1,
			'skills: not a list': 1
		});
		expect(c.fields).toEqual(['title', 'postedDate', 'companyName', 'companySize', 'country', 'skills']);
		expect([c.salaryUsd, c.count]).toEqual([null, null]);
	});
	it('gives null for the optional columns a mapping does not have', () => {
		const c = run(['t', 'd'], [['A', '2023-06-01']], postings({ title: 0, postedDate: 1 })).columns as PostingsColumns;
		expect([c.companyName, c.companySize, c.country, c.skills, c.salaryUsd, c.count]).toEqual([null, null, null, null, null, null]);
	});
});

describe('rejectedRowsCsv', () => {
	it('fills the cells a short or blank row lacks with empty text', () => {
		const header = ['title', 'pay', 'year'];
		const p = createRowProcessor({
			mapping: { ...salaries({ title: 0, salaryUsd: 1, year: 2 }), payPeriod: 'year' },
			header,
			numberFormat: US
		});
		p.push([header, ['A'], [''], ['B', '1', '2024']]);
		const csv = Papa.parse<string[]>(rejectedRowsCsv(header, p.finish().report), { skipEmptyLines: true }).data;
		expect(csv.slice(1)).toEqual([
			['A', '', '', '', '2', 'expected 3 fields, found 1'],
			['', '', '', '', '3', 'blank line']
		]);
	});
});

describe('more rows than the first capacity (1,024)', () => {
	it('keeps every column of every row, salaries', () => {
		const header = ['title', 'pay', 'year', 'size', 'country', 'local', 'currency'];
		const rows = Array.from({ length: 1100 }, (_, i) => [
			`T${i % 3}`,
			String(1000 + i),
			'2024',
			'M',
			i % 2 ? 'US' : 'DE',
			String(500 + i),
			'EUR'
		]);
		const { columns, report } = run(
			header,
			rows,
			salaries({ title: 0, salaryUsd: 1, year: 2, companySize: 3, country: 4, salaryLocal: 5, salaryCurrency: 6 })
		);
		const c = columns as SalaryColumns;
		expect(report.accepted).toBe(1100);
		expect(Array.from(c.line)).toEqual(Array.from({ length: 1100 }, (_, i) => i + 2));
		expect(Array.from(c.salaryUsd)).toEqual(Array.from({ length: 1100 }, (_, i) => 1000 + i));
		expect(c.salaryUsd[1099]).toBe(2099);
		expect(c.year[1099]).toBe(2024);
		expect(c.companySize![1099]).toBe(1);
		expect(c.salaryLocal![1099]).toBe(1599);
		expect(c.kind).toBe('salaries');
		expect(dictValues(c.country)![1099]).toBe('US');
		expect(dictValues(c.salaryCurrency)![1099]).toBe('EUR');
		expect(dictValues(c.title)![1099]).toBe(`T${1099 % 3}`);
	});
	it('keeps every column of every row, postings', () => {
		const header = ['title', 'date', 'company', 'size', 'country', 'pay', 'n', 'skills'];
		const rows = Array.from({ length: 1100 }, (_, i) => [
			`T${i % 3}`,
			'2023-06-01',
			`C${i % 5}`,
			'L',
			'FR',
			String(1000 + i),
			String(i),
			'a, b'
		]);
		const { columns } = run(
			header,
			rows,
			postings({ title: 0, postedDate: 1, companyName: 2, companySize: 3, country: 4, salaryUsd: 5, count: 6, skills: 7 })
		);
		const c = columns as PostingsColumns;
		expect(c.n).toBe(1100);
		expect(c.postedMs[1099]).toBe(Date.UTC(2023, 5, 1));
		expect(c.companySize![1099]).toBe(2);
		expect(c.salaryUsd![1099]).toBe(2099);
		expect(c.count![1099]).toBe(1099);
		expect(dictValues(c.companyName)![1099]).toBe(`C${1099 % 5}`);
		expect(dictValues(c.country)![1099]).toBe('FR');
		expect(c.skills!.offsets[1100]).toBe(2200);
		expect(c.kind).toBe('postings');
	});
});

describe('cells around the edges', () => {
	const m = salaries({ title: 0, salaryUsd: 1, year: 2 });
	it('trims cells before reading them', () => {
		const { columns, report } = run(['t', 'p', 'y'], [[' A ', ' 100 ', ' 2024 ']], m);
		expect(report.accepted).toBe(1);
		expect(dictValues(columns.title)).toEqual(['A']);
	});
	it('refuses a bad year with its reason', () => {
		expect(run(['t', 'p', 'y'], [['A', '1', '24']], m).report.reasons).toEqual({ 'y: not a year (YYYY, or YYYYe for an estimate)': 1 });
	});
	it('reads a period cell of spaces as no period', () => {
		const c = run(['t', 'p', 'y', 'per'], [['A', '10', '2024', '   ']], {
			...salaries({ title: 0, salaryUsd: 1, year: 2, payPeriod: 3 }),
			payPeriod: 'hour'
		}).columns as SalaryColumns;
		expect(Array.from(c.salaryUsd)).toEqual([10 * HOURS_PER_YEAR]);
	});
	it('keeps a rejected row as it was pushed, even if the caller reuses the array', () => {
		const header = ['t', 'p', 'y'];
		const p = createRowProcessor({ mapping: { ...m, payPeriod: 'year' }, header, numberFormat: US });
		const record = ['A', 'bad', '2024'];
		p.push([header, record]);
		record[0] = 'changed';
		expect(p.finish().report.rejectedRows[0]!.cells).toEqual(['A', 'bad', '2024']);
	});
});

describe('postings pay', () => {
	it('refuses another currency in either pay column', () => {
		const { report } = run(
			['title', 'date', 'pay', 'hourly'],
			[
				['A', '2023-06-01', '€90000', ''],
				['B', '2023-06-01', '', '€50']
			],
			postings({ title: 0, postedDate: 1, salaryUsd: 2, salaryHourly: 3 })
		);
		expect(report.reasons).toEqual({ 'pay: currency is not USD (€)': 1, 'pay: hourly pay: currency is not USD (€)': 1 });
	});
	it('gives NaN for an empty yearly cell when no hourly column is mapped, and spaces count as empty', () => {
		const { columns, report } = run(
			['title', 'date', 'pay', 'hourly'],
			[
				['A', '2023-06-01', '', '  '],
				['B', '2023-06-01', '  ', '']
			],
			postings({ title: 0, postedDate: 1, salaryUsd: 2, salaryHourly: 3 })
		);
		expect(report.accepted).toBe(2);
		expect(Array.from((columns as PostingsColumns).salaryUsd!)).toEqual([NaN, NaN]);
		const only = run(['title', 'date', 'pay'], [['A', '2023-06-01', '']], postings({ title: 0, postedDate: 1, salaryUsd: 2 }));
		expect(only.report.accepted).toBe(1);
		expect(Array.from((only.columns as PostingsColumns).salaryUsd!)).toEqual([NaN]);
	});
	it('shows annualised yearly-column pay as a conversion and leaves the period column out of the fields', () => {
		const { columns, report } = run(
			['title', 'date', 'pay', 'rate'],
			[['A', '2023-06-01', '5000', 'month']],
			postings({ title: 0, postedDate: 1, salaryUsd: 2, payPeriod: 3 })
		);
		expect(report.conversions).toEqual([{ field: 'salaryUsd', column: 'pay', raw: '5000', value: 5000 * MONTHS_PER_YEAR }]);
		expect((columns as PostingsColumns).fields).toEqual(['title', 'postedDate', 'salaryUsd']);
	});
});
