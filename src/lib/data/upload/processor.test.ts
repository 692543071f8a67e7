import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { PostingsColumns, SalaryColumns } from './columns';
import { createRowProcessor, rejectedRowsCsv } from './processor';
import { load, utf8 } from './testing/load';

const titles = (c: SalaryColumns | PostingsColumns) => Array.from(c.title.codes, (k) => c.title.dict[k]);

describe('row processor on the fixtures', () => {
	it('aijobs layout: 2021e kept as an estimated 2021; a country without a continent is rejected', async () => {
		const { done } = await load('aijobs-salaries.csv');
		const c = done.columns as SalaryColumns;
		expect(done.report).toMatchObject({ rowsRead: 12, accepted: 11, rejected: 1 });
		expect(done.report.problems).toEqual([
			{ line: 13, column: 'company_location', value: 'AQ', reason: 'country has no region (continent)' }
		]);
		expect(Array.from(c.year)).toEqual([2024, 2024, 2024, 2024, 2024, 2021, 2021, 2023, 2023, 2023, 2022]);
		expect(Array.from(c.yearEstimated)).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
		expect(Array.from(c.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		expect(titles(c)[2]).toBe('Prompt Engineer');
		expect(c.title.dict).toHaveLength(8);
		expect(c.salaryUsd[2]).toBe(86000);
		expect(c.salaryLocal![2]).toBe(80000);
		expect(c.salaryCurrency!.dict[c.salaryCurrency!.codes[2]!]).toBe('EUR');
	});

	it('data_jobs layout: names become ISO codes, hourly pay is annualised × 2,080, skills are lists', async () => {
		const { done } = await load('data-jobs-postings.csv');
		const c = done.columns as PostingsColumns;
		expect(done.report).toMatchObject({ rowsRead: 17, accepted: 17, rejected: 0 });
		expect(titles(c)[15]).toBe('Machine Learning Engineer, Ranking');
		expect(c.country!.dict).toEqual(['US', 'DE', 'CZ', 'FR', 'GB']);
		expect(c.country!.codes[11]).toBe(-1); // empty job_country
		expect(c.postedMs[1]).toBe(Date.UTC(2023, 0, 5, 13, 44, 15));
		expect(c.salaryUsd![0]).toBe(165000);
		expect(c.salaryUsd![3]).toBe(85 * 2080);
		expect(Number.isNaN(c.salaryUsd![1]!)).toBe(true);
		const skillsOf = (i: number) =>
			Array.from(c.skills!.codes.subarray(c.skills!.offsets[i]!, c.skills!.offsets[i + 1]!), (k) => c.skills!.dict[k]);
		expect(skillsOf(0)).toEqual(['python', 'pytorch', 'aws']);
		expect(skillsOf(5)).toEqual(['python']);
		expect(c.monthOnly).toBe(false);
		expect(c.count).toBeNull();
		expect(done.report.conversions).toContainEqual({ field: 'salaryHourly', column: 'salary_hour_avg', raw: '85.0', value: 176800 });
	});

	it('generic mapping: $ amounts, k, ranges, words for codes, empty optional cells', async () => {
		const { done } = await load('generic-salaries.csv');
		const c = done.columns as SalaryColumns;
		expect(done.report).toMatchObject({ rowsRead: 6, accepted: 6, rejected: 0 });
		expect(Array.from(c.salaryUsd)).toEqual([120000, 120000, 150000, 135000, 95000, 101500.5]);
		expect(Array.from(c.experienceLevel!)).toEqual([2, 1, 2, 0, -1, 2]);
		expect(Array.from(c.companySize!)).toEqual([2, 1, 2, 0, -1, 1]);
		expect(Array.from(c.remoteRatio!)).toEqual([2, 1, 0, 2, -1, 0]);
		expect(Array.from(c.country!.codes, (k) => (k < 0 ? null : c.country!.dict[k]))).toEqual(['US', 'DE', 'US', 'CA', null, 'FR']);
		expect(c.employmentType).toBeNull();
		expect(done.report.conversions.map((x) => x.raw)).toEqual(['$120,000', '120k', '$150,000', '$120–150k', 'USD 101,500.50']);
	});

	it('semicolons and decimal commas; monthly and hourly pay annualised', async () => {
		const { done } = await load('semicolon-decimal-comma.csv');
		const c = done.columns as SalaryColumns;
		expect(done.report).toMatchObject({ rowsRead: 6, accepted: 6 });
		expect(Array.from(c.salaryUsd)).toEqual([95000, 8500.5 * 12, 1234.56, 110000, 55.25 * 2080, 130000]);
	});

	it('tab-separated and BOM files', async () => {
		const tab = await load('tab-separated.tsv');
		expect(tab.done.report).toMatchObject({ rowsRead: 3, accepted: 3 });
		expect(Array.from((tab.done.columns as SalaryColumns).companySize!)).toEqual([1, 2, 0]);
		const bom = await load('bom.csv');
		expect(bom.sniff.header[0]).toBe('work_year');
		expect(bom.done.report).toMatchObject({ rowsRead: 2, accepted: 2 });
	});

	it('header only: zero rows, no problems', async () => {
		const { done } = await load('header-only.csv');
		expect(done.report).toMatchObject({ rowsRead: 0, accepted: 0, rejected: 0, problems: [] });
		expect(done.columns.n).toBe(0);
	});

	it('ragged rows are rejected with their field counts; the CSV of rejects keeps every cell', async () => {
		const { sniff, done } = await load('ragged.csv');
		expect(done.report).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2 });
		expect(done.report.problems.map((p) => [p.line, p.reason])).toEqual([
			[3, 'expected 3 fields, found 2'],
			[4, 'expected 3 fields, found 5']
		]);
		const csv = Papa.parse<string[]>(rejectedRowsCsv(sniff.header, done.report), { skipEmptyLines: true }).data;
		expect(csv[0]).toEqual(['title', 'salary_usd', 'year', 'extra_fields', 'source_line', 'reject_reason']);
		expect(csv[2]).toEqual(['Prompt Engineer', '90000', '2023', 'extra | cells', '4', 'expected 3 fields, found 5']);
	});

	it('quoted newlines: the next row starts on the right physical line', async () => {
		const { done } = await load('quoted-newlines.csv');
		const c = done.columns as SalaryColumns;
		expect(done.report).toMatchObject({ rowsRead: 4, accepted: 3, rejected: 1 });
		expect(Array.from(c.line)).toEqual([2, 4, 6]);
		expect(titles(c)[1]).toBe('Machine Learning\nEngineer');
		expect(done.report.problems).toEqual([{ line: 9, column: 'salary_usd', value: 'abc', reason: 'not an amount' }]);
	});

	it('money as people write it: accepted values and rejection reasons', async () => {
		const { done } = await load('money-formats.csv');
		const c = done.columns as SalaryColumns;
		expect(Array.from(c.salaryUsd)).toEqual([120000, 120000, 135000, 135000, 98500, 1500000]);
		expect(done.report.rejected).toBe(8);
		expect(done.report.reasons).toEqual({
			'salary_usd: currency is not USD (€)': 1,
			'salary_usd: currency is not USD (£)': 1,
			'salary_usd: negative pay': 1,
			'salary_usd: zero pay': 2,
			'salary_usd: not an amount': 1,
			'salary_usd: empty': 1,
			'salary_usd: range upper end below lower end': 1
		});
		expect(done.report.problems.find((p) => p.line === 7)).toEqual({
			line: 7,
			column: 'salary_usd',
			value: '€120,000',
			reason: 'currency is not USD (€)'
		});
	});

	it('dates in other formats: detection gives up on a mixed column; ISO reads what it can', async () => {
		const { sniff, done } = await load('dates-other.csv');
		expect(sniff.dateFormat).toBeNull();
		const c = done.columns as PostingsColumns;
		expect(done.report).toMatchObject({ rowsRead: 9, accepted: 4, rejected: 5 });
		expect(Array.from(c.count!)).toEqual([1, 1, 1, 2]);
		expect(Array.from(c.postedMs)).toEqual([
			Date.UTC(2023, 5, 16),
			Date.UTC(2023, 5, 16, 13, 44, 15),
			Date.UTC(2023, 5, 17, 1, 30),
			Date.UTC(2023, 5, 16, 13, 44, 15)
		]);
		expect(done.report.problems.find((p) => p.value === 'L4-5')?.reason).toBe('not an ISO date');
	});

	it('a user-given date pattern; codes like L4-5 still fail', async () => {
		const { done } = await load('dates-pattern.csv', { job: () => ({ dateFormat: { kind: 'pattern', pattern: 'DD/MM/YYYY' } }) });
		expect(done.report).toMatchObject({ rowsRead: 5, accepted: 3, rejected: 2 });
		expect(Array.from((done.columns as PostingsColumns).postedMs)).toEqual([
			Date.UTC(2023, 5, 16),
			Date.UTC(2023, 6, 1),
			Date.UTC(2023, 6, 31)
		]);
	});

	it('5 % broken rows: each listed, the rest accepted', async () => {
		const { done } = await load('broken-5pct.csv');
		expect(done.report).toMatchObject({ rowsRead: 40, accepted: 38, rejected: 2 });
		expect(done.report.problems.map((p) => [p.line, p.column])).toEqual([
			[6, 'salary_in_usd'],
			[26, '*']
		]);
	});
});

describe('row processor invariants', () => {
	const names = [
		'aijobs-salaries.csv',
		'data-jobs-postings.csv',
		'generic-salaries.csv',
		'quoted-newlines.csv',
		'money-formats.csv',
		'broken-5pct.csv',
		'ragged.csv'
	];
	it.each(names)('%s: accepted + rejected = read, and the result does not depend on chunk size', async (name) => {
		const whole = await load(name);
		const r = whole.done.report;
		expect(r.accepted + r.rejected).toBe(r.rowsRead);
		expect(whole.done.columns.n).toBe(r.accepted);
		for (const chunkBytes of [1, 7, 100]) {
			const cut = await load(name, { chunkBytes });
			expect(cut.done.report).toEqual(r);
			expect(cut.done.columns).toEqual(whole.done.columns);
		}
	});

	it('a UTF-8 character split between chunks is read whole', async () => {
		const text = 'title,salary_usd,year\nIngénieur IA — été,100000,2024\n';
		const { done } = await load(utf8(text), { chunkBytes: 1 });
		expect(done.columns.title.dict).toEqual(['Ingénieur IA — été']);
	});

	it('blank lines inside are rejected and listed; trailing blank lines are not rows', async () => {
		const { done } = await load(utf8('title,salary_usd,year\nA,1,2024\n\nB,2,2024\n\n\n'));
		expect(done.report).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1 });
		expect(done.report.problems).toEqual([{ line: 3, column: '*', value: '', reason: 'blank line' }]);
	});

	it('keeps a bounded number of rejected rows and problems, counting the rest', async () => {
		const rows = Array.from({ length: 250 }, (_, i) => `T${i},bad,2024`).join('\n');
		const { done } = await load(utf8(`title,salary_usd,year\n${rows}\n`));
		expect(done.report.rejected).toBe(250);
		expect(done.report.problems).toHaveLength(100);
		expect(done.report.problemsNotListed).toBe(150);
		expect(done.report.rejectedRows).toHaveLength(250);
		expect(done.report.rejectedNotKept).toBe(0);
	});

	it('keeps at most maxRejectedKept rejected rows and counts the others', () => {
		const header = ['title', 'salary_usd', 'year'];
		const p = createRowProcessor({
			mapping: { kind: 'salaries', layout: 'generic', fields: { title: 0, salaryUsd: 1, year: 2 }, payPeriod: 'year' },
			header,
			numberFormat: { thousands: ',', decimal: '.' },
			maxRejectedKept: 5,
			maxProblems: 3
		});
		p.push([header, ...Array.from({ length: 12 }, (_, i) => [`T${i}`, i % 2 ? '100' : '-1', '2024'])]);
		const { report } = p.finish();
		expect(report).toMatchObject({ rowsRead: 12, accepted: 6, rejected: 6, rejectedNotKept: 1, problemsNotListed: 3 });
		expect(report.rejectedRows.map((r) => r.line)).toEqual([2, 4, 6, 8, 10]);
	});

	it('the rejected-rows CSV neutralises formulas', async () => {
		const { sniff, done } = await load(utf8('title,salary_usd,year\n"=HYPERLINK(""http://x"")",-5,2024\n'));
		const csv = rejectedRowsCsv(sniff.header, done.report);
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(csv).toContain('salary_usd: negative pay');
	});
});
