import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSalaries } from './salaries';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), 'utf8');

describe('parseSalaries on valid rows', () => {
	it('reads every row of salaries-small.csv into typed rows', () => {
		expect.hasAssertions();
		const r = parseSalaries(fixture('salaries-small.csv'));
		expect(r.rowsRead).toBe(11);
		expect(r.rejected).toBe(0);
		expect(r.issues).toEqual([]);
		expect(r.rows[0]).toEqual({
			line: 2,
			workYear: 2024,
			workYearEstimated: false,
			experienceLevel: 'SE',
			employmentType: 'FT',
			jobTitle: 'AI Engineer',
			salary: 100000,
			salaryCurrency: 'USD',
			salaryUsd: 100000,
			employeeResidence: 'US',
			remoteRatio: 0,
			companyLocation: 'US',
			region: 'north-america',
			companySize: 'M'
		});
	});

	it('keeps a year written 2021e as 2021 and marks it estimated', () => {
		expect.hasAssertions();
		const row = parseSalaries(fixture('salaries-small.csv')).rows.at(-1)!;
		expect(row.workYear).toBe(2021);
		expect(row.workYearEstimated).toBe(true);
		expect(row.region).toBe('europe');
	});
});

describe('parseSalaries on bad rows', () => {
	const r = parseSalaries(fixture('salaries-bad.csv'));

	it('accounts for every row: accepted + rejected = read', () => {
		expect.hasAssertions();
		expect(r.rowsRead).toBe(19);
		expect(r.rows.length + r.rejected).toBe(r.rowsRead);
		expect(r.rows.map((x) => x.line)).toEqual([2, 16]);
	});

	it.each([
		[3, 'work_year', '20x4'],
		[4, 'experience_level', 'XX'],
		[5, 'employment_type', 'ZZ'],
		[6, 'job_title', ''],
		[7, 'salary', ''],
		[8, 'salary', '-5'],
		[9, 'salary_in_usd', '0'],
		[10, 'salary_in_usd', 'abc'],
		[11, 'employee_residence', 'ZZ'],
		[12, 'remote_ratio', '30'],
		[13, 'company_location', 'USA'],
		[14, 'company_size', 'XL'],
		[17, '*', ''],
		[18, 'work_year', '1999'],
		[19, 'salary_currency', 'US$'],
		[20, 'company_location', 'AQ']
	])('line %i is rejected for %s = %j', (line, column, value) => {
		expect.hasAssertions();
		const hits = r.issues.filter((i) => i.line === line);
		expect(hits).toHaveLength(1);
		expect(hits[0]).toMatchObject({ column, value });
		expect(hits[0]!.reason.length).toBeGreaterThan(3);
	});

	it('reports a row with a missing field as a whole-row issue', () => {
		expect.hasAssertions();
		expect(r.issues.find((i) => i.line === 15)).toMatchObject({ column: '*', reason: 'expected 11 fields, found 10' });
	});

	it('reads quoted commas and quotes, and upper-cases country codes', () => {
		expect.hasAssertions();
		const row = r.rows.find((x) => x.line === 16)!;
		expect(row.jobTitle).toBe('AI Engineer, "Gen AI"');
		expect(row.companyLocation).toBe('US');
		expect(row.employeeResidence).toBe('US');
	});
});

describe('parseSalaries on a broken header', () => {
	it('rejects every row when a required column is missing, and says which', () => {
		expect.hasAssertions();
		const r = parseSalaries('work_year,job_title\n2024,AI Engineer\n2024,X\n');
		expect(r.rows).toEqual([]);
		expect(r.rowsRead).toBe(2);
		expect(r.rejected).toBe(2);
		expect(r.issues[0]!.reason).toMatch(/experience_level/);
	});

	it('handles an empty file and a byte-order mark', () => {
		expect.hasAssertions();
		expect(parseSalaries('')).toMatchObject({ rows: [], rowsRead: 0, rejected: 0 });
		const withBom = '\ufeff' + fixture('salaries-small.csv');
		expect(parseSalaries(withBom).rows).toHaveLength(11);
	});

	it('counts physical lines when a quoted cell holds a newline', () => {
		expect.hasAssertions();
		const head = fixture('salaries-small.csv').split('\n')[0];
		const text = `${head}\n2024,SE,FT,"AI\nEngineer",1,USD,1,US,0,US,M\n2024,SE,FT,AI Engineer,1,USD,0,US,0,US,M\n`;
		const r = parseSalaries(text);
		expect(r.rows[0]!.line).toBe(2);
		expect(r.issues[0]!.line).toBe(4);
	});
});

describe('parseSalaries: each coercion, with its reason', () => {
	const head =
		'work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size';
	const line = (over: Partial<Record<string, string>> = {}) => {
		const cells: Record<string, string> = {
			work_year: '2024',
			experience_level: 'SE',
			employment_type: 'FT',
			job_title: 'AI Engineer',
			salary: '100000',
			salary_currency: 'USD',
			salary_in_usd: '100000',
			employee_residence: 'US',
			remote_ratio: '0',
			company_location: 'US',
			company_size: 'M',
			...over
		};
		return head
			.split(',')
			.map((c) => cells[c])
			.join(',');
	};
	const one = (over: Partial<Record<string, string>>) => parseSalaries(`${head}\n${line(over)}\n`);

	it.each([
		['2015', 2015, false],
		['2035', 2035, false],
		['2021E', 2021, true],
		['2022e', 2022, true]
	])('work_year %s → %i, estimated %s', (raw, year, estimated) => {
		expect.hasAssertions();
		const r = one({ work_year: raw });
		expect(r.issues).toEqual([]);
		expect(r.rows[0]).toMatchObject({ workYear: year, workYearEstimated: estimated });
	});

	it.each([
		['2014', 'year outside 2015–2035'],
		['2036', 'year outside 2015–2035'],
		['2021ee', 'not a year (YYYY, or YYYYe for an estimate)'],
		['x2021', 'not a year (YYYY, or YYYYe for an estimate)'],
		['20211', 'not a year (YYYY, or YYYYe for an estimate)']
	])('work_year %s is refused: %s', (raw, reason) => {
		expect.hasAssertions();
		expect(one({ work_year: raw }).issues).toEqual([{ line: 2, column: 'work_year', value: raw, reason }]);
	});

	it('codes and money: each refusal names its reason', () => {
		expect.hasAssertions();
		const reason = (over: Partial<Record<string, string>>) => one(over).issues.map((i) => [i.column, i.reason]);
		expect(reason({ remote_ratio: '25' })).toEqual([['remote_ratio', 'unknown remote_ratio "25"; expected one of 0, 50, 100']]);
		expect(reason({ salary_currency: 'EURO' })).toEqual([['salary_currency', 'not a 3-letter currency code']]);
		expect(reason({ salary_currency: 'E1R' })).toEqual([['salary_currency', 'not a 3-letter currency code']]);
		expect(reason({ employee_residence: 'XX' })).toEqual([['employee_residence', 'not an ISO 3166-1 alpha-2 country code']]);
		expect(reason({ company_location: 'AQ' })).toEqual([['company_location', 'country has no region (continent)']]);
		expect(reason({ salary: '0' })).toEqual([['salary', 'not positive']]);
		// The upload parser's bound too: above $10M a year is refused as a unit slip, $10M itself is read.
		expect(reason({ salary_in_usd: '10000001' })).toEqual([['salary_in_usd', 'above $10,000,000 a year: check the unit']]);
		expect(reason({ salary_in_usd: '9007199254740993' })).toEqual([['salary_in_usd', 'above $10,000,000 a year: check the unit']]);
		expect(reason({ salary_in_usd: '10000000' })).toEqual([]);
		expect(reason({ salary_in_usd: '-5' })).toEqual([['salary_in_usd', 'not positive']]);
		expect(reason({ experience_level: 'se' })).toEqual([
			['experience_level', 'unknown experience_level "se"; expected one of EN, MI, SE, EX']
		]);
		expect(reason({ company_size: 'XL' })).toEqual([['company_size', 'unknown company_size "XL"; expected one of S, M, L']]);
		expect(reason({ employment_type: 'ZZ' })).toEqual([
			['employment_type', 'unknown employment_type "ZZ"; expected one of FT, PT, CT, FL']
		]);
	});

	it('currency and country codes are upper-cased; remote ratio and money become numbers', () => {
		expect.hasAssertions();
		const r = one({ salary_currency: 'eur', employee_residence: 'de', company_location: 'fr', remote_ratio: '50', salary: '85000.5' });
		expect(r.issues).toEqual([]);
		expect(r.rows[0]).toMatchObject({
			salaryCurrency: 'EUR',
			employeeResidence: 'DE',
			companyLocation: 'FR',
			region: 'europe',
			remoteRatio: 50,
			salary: 85000.5
		});
	});
});
