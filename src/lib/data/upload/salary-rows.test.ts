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
	it('names the fields a generic file lacks, and converts one that has them all', async () => {
		const { done } = await load('generic-salaries.csv');
		const c = done.columns as SalaryColumns;
		expect(missingSalaryRowFields(c)).toEqual(['employmentType']);
		expect(() => toSalaryRows(c)).toThrow('employmentType');
		const full = await load('tab-separated.tsv');
		expect(missingSalaryRowFields(full.done.columns as SalaryColumns)).toEqual([
			'country',
			'experienceLevel',
			'employmentType',
			'remoteRatio'
		]);
	});
	it('skips and lists rows with an empty needed value; stands in USD where no local pay is given', async () => {
		const text =
			'title,pay_usd,year,company_size,country,experience,employment_type,remote\nAI Engineer,100k,2024,M,DE,SE,FT,0\nAI Engineer,90k,2024,,DE,SE,FT,0\n';
		const { done } = await load(new TextEncoder().encode(text));
		const { rows, skipped } = toSalaryRows(done.columns as SalaryColumns);
		expect(skipped).toEqual([{ line: 3, reason: 'a value needed by the dashboard is empty' }]);
		expect(rows).toEqual([
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
