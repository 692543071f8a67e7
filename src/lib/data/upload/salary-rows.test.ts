import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSalaries } from '../salaries';
import { prepareRows } from '../../transform/stats/prepare';
import type { SalaryColumns } from './columns';
import { missingSalaryRowFields, toSalaryRows } from './salary-rows';
import { load } from './testing/load';

describe('toSalaryRows', () => {
	it('uploading an aijobs-layout file gives exactly the rows of the built-in parser', async () => {
		for (const name of ['aijobs-salaries.csv', 'broken-5pct.csv', 'bom.csv']) {
			const { done } = await load(name);
			const { rows, skipped } = toSalaryRows(done.columns as SalaryColumns);
			const builtIn = parseSalaries(readFileSync(resolve('tests/fixtures/upload', name), 'utf8'));
			expect(skipped).toEqual([]);
			expect(rows).toEqual(builtIn.rows);
			expect(done.report.rejected).toBe(builtIn.rejected);
		}
	});
	it('names the fields a generic file lacks; they are null (not given) on every row', async () => {
		const { done } = await load('generic-salaries.csv');
		const c = done.columns as SalaryColumns;
		expect(missingSalaryRowFields(c)).toEqual(['employmentType']);
		const { rows, skipped } = toSalaryRows(c);
		expect(rows.length + skipped.length).toBe(c.n);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.employmentType === null)).toBe(true);
		expect(rows.some((r) => r.companySize !== null)).toBe(true);
		const full = await load('tab-separated.tsv');
		expect(missingSalaryRowFields(full.done.columns as SalaryColumns)).toEqual([
			'country',
			'experienceLevel',
			'employmentType',
			'remoteRatio'
		]);
	});
	it('an empty optional cell is null (not given); stands in USD where no local pay is given', async () => {
		const text =
			'title,pay_usd,year,company_size,country,experience,employment_type,remote\nAI Engineer,100k,2024,M,DE,SE,FT,0\nAI Engineer,90k,2024,,,,,\nML Engineer,80k,2023,L,,MI,,50\n';
		const { done } = await load(new TextEncoder().encode(text));
		const { rows, skipped } = toSalaryRows(done.columns as SalaryColumns);
		expect(skipped).toEqual([]);
		expect(rows.slice(1)).toEqual([
			{
				line: 3,
				workYear: 2024,
				workYearEstimated: false,
				experienceLevel: null,
				employmentType: null,
				jobTitle: 'AI Engineer',
				salary: 90000,
				salaryCurrency: 'USD',
				salaryUsd: 90000,
				employeeResidence: null,
				remoteRatio: null,
				companyLocation: null,
				region: null,
				companySize: null
			},
			{
				line: 4,
				workYear: 2023,
				workYearEstimated: false,
				experienceLevel: 'MI',
				employmentType: null,
				jobTitle: 'ML Engineer',
				salary: 80000,
				salaryCurrency: 'USD',
				salaryUsd: 80000,
				employeeResidence: null,
				remoteRatio: 50,
				companyLocation: null,
				region: null,
				companySize: 'L'
			}
		]);
		expect(rows.slice(0, 1)).toEqual([
			{
				line: 2,
				workYear: 2024,
				workYearEstimated: false,
				experienceLevel: 'SE',
				employmentType: 'FT',
				jobTitle: 'AI Engineer',
				salary: 100000,
				salaryCurrency: 'USD',
				salaryUsd: 100000,
				employeeResidence: 'DE',
				remoteRatio: 0,
				companyLocation: 'DE',
				region: 'europe',
				companySize: 'M'
			}
		]);
	});
});

describe('toSalaryRows on a file with only title, pay and year', () => {
	it('every optional dimension is null, residence too', async () => {
		const text = 'title,salary,year\nAI Engineer,100000,2024\nMachine Learning Engineer,120000,2023\n';
		const { done } = await load(new TextEncoder().encode(text));
		const c = done.columns as SalaryColumns;
		expect(missingSalaryRowFields(c)).toEqual(['companySize', 'country', 'experienceLevel', 'employmentType', 'remoteRatio']);
		const { rows, skipped } = toSalaryRows(c, { sortBySalary: true });
		expect(skipped).toEqual([]);
		expect(rows.map((r) => [r.line, r.jobTitle, r.salaryUsd, r.workYear])).toEqual([
			[2, 'AI Engineer', 100000, 2024],
			[3, 'Machine Learning Engineer', 120000, 2023]
		]);
		for (const r of rows)
			expect([r.companySize, r.companyLocation, r.region, r.experienceLevel, r.employmentType, r.remoteRatio, r.employeeResidence]).toEqual(
				Array(7).fill(null)
			);
	});
});

describe('toSalaryRows on columns built by hand', () => {
	const cols = (country: SalaryColumns['country']): SalaryColumns => ({
		kind: 'salaries',
		n: 3,
		line: Uint32Array.from([2, 3, 4]),
		title: { codes: Int32Array.from([0, 0, 0]), dict: ['AI Engineer'] },
		salaryUsd: Float64Array.from([300, 100, 200]),
		year: Uint16Array.from([2024, 2024, 2023]),
		yearEstimated: Uint8Array.from([0, 1, 0]),
		companySize: Int8Array.from([-1, 0, 2]),
		country,
		experienceLevel: null,
		employmentType: Int8Array.from([0, -1, 3]),
		remoteRatio: Int8Array.from([2, 1, -1]),
		salaryLocal: null,
		salaryCurrency: null,
		employeeResidence: { codes: Int32Array.from([-1, 0, -1]), dict: ['IN'] },
		fields: []
	});
	it('a country without a continent is skipped with its line; codes become values, -1 and absent columns null', () => {
		expect.hasAssertions();
		const { rows, skipped } = toSalaryRows(cols({ codes: Int32Array.from([1, -1, 0]), dict: ['DE', 'AQ'] }));
		expect(skipped).toEqual([{ line: 2, reason: 'country has no region (continent)' }]);
		expect(
			rows.map((r) => [r.line, r.companySize, r.companyLocation, r.region, r.employeeResidence, r.employmentType, r.remoteRatio])
		).toEqual([
			[3, 'S', null, null, 'IN', null, 50],
			[4, 'L', 'DE', 'europe', 'DE', 'FL', null]
		]);
		expect(rows.map((r) => [r.experienceLevel, r.workYearEstimated, r.salaryCurrency, r.salary])).toEqual([
			[null, true, 'USD', 100],
			[null, false, 'USD', 200]
		]);
		// Sorted by salary: 100 (line 3) before 200 (line 4); the skipped row is still listed.
		const sorted = toSalaryRows(cols({ codes: Int32Array.from([1, -1, 0]), dict: ['DE', 'AQ'] }), { sortBySalary: true });
		expect(sorted.rows.map((r) => r.line)).toEqual([3, 4]);
		expect(sorted.skipped).toEqual(skipped);
		// No country column: nobody is skipped, every country null.
		expect(toSalaryRows(cols(null)).rows.map((r) => r.companyLocation)).toEqual([null, null, null]);
	});
});

describe('toSalaryRows sorted by salary', () => {
	it('gives the order prepareRows sorts into (stable), so prepared rows are identical', async () => {
		// aijobs-salaries.csv has two rows at 150,000 (lines 2 and 10): ties keep file order.
		for (const name of ['aijobs-salaries.csv', 'broken-5pct.csv']) {
			const { done } = await load(name);
			const c = done.columns as SalaryColumns;
			const plain = toSalaryRows(c).rows;
			const sorted = toSalaryRows(c, { sortBySalary: true }).rows;
			expect(sorted).toEqual(plain.slice().sort((a, b) => a.salaryUsd - b.salaryUsd));
			expect(prepareRows(sorted)).toEqual(prepareRows(plain));
		}
		const { done } = await load('aijobs-salaries.csv');
		const lines = toSalaryRows(done.columns as SalaryColumns, { sortBySalary: true })
			.rows.filter((r) => r.salaryUsd === 150000)
			.map((r) => r.line);
		expect(lines).toEqual([2, 10]);
	});
});
