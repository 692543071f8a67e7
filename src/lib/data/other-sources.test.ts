import { describe, expect, it } from 'vitest';
import { parseCpi } from './cpi';
import { parsePostingsIndex, parseSectorIndex, parseShare } from './indeed';

describe('parseCpi', () => {
	it('reads monthly rows and rejects bad dates and indices', () => {
		expect.hasAssertions();
		const r = parseCpi(
			'Date,Index,Inflation\n2024-01-01,308.417,\n2024-02-30,309,0.1\n2024-03-15,309,0.1\n2024-04-01,-1,0\n2024-05-01,313.2,0.2\n'
		);
		expect(r.rows).toEqual([
			{ date: '2024-01-01', year: 2024, month: 1, index: 308.417 },
			{ date: '2024-05-01', year: 2024, month: 5, index: 313.2 }
		]);
		expect(r.issues.map((i) => [i.line, i.column])).toEqual([
			[3, 'Date'],
			[4, 'Date'],
			[5, 'Index']
		]);
		expect(r.rows.length + r.rejected).toBe(r.rowsRead);
	});
});

describe('Indeed parsers', () => {
	it('reads AI share rows', () => {
		expect.hasAssertions();
		const r = parseShare('date,jobcountry,AI_share_postings\n2019-01-01,AU,2.31\n2019-01-01,Au,1\n', 'AI_share_postings');
		expect(r.rows).toEqual([{ date: '2019-01-01', country: 'AU', sharePct: 2.31 }]);
		expect(r.issues[0]).toMatchObject({ line: 3, column: 'jobcountry', value: 'Au' });
	});

	it('reads postings index rows with an empty seasonally adjusted value', () => {
		expect.hasAssertions();
		const r = parsePostingsIndex(
			'date,jobcountry,indeed_job_postings_index_SA,indeed_job_postings_index_NSA,variable\n2020-02-01,US,100,100,total postings\n2020-02-02,US,,99.5,new postings\n2020-02-03,US,1,1,old postings\n'
		);
		expect(r.rows[1]).toEqual({ date: '2020-02-02', country: 'US', indexSa: null, indexNsa: 99.5, variable: 'new postings' });
		expect(r.issues).toEqual([
			{
				line: 4,
				column: 'variable',
				value: 'old postings',
				reason: 'unknown variable "old postings"; expected one of total postings, new postings'
			}
		]);
	});

	it('reads sector index rows', () => {
		expect.hasAssertions();
		const r = parseSectorIndex(
			'date,jobcountry,indeed_job_postings_index,variable,display_name\n2020-02-01,US,100,total postings,Software Development\n'
		);
		expect(r.rows).toEqual([{ date: '2020-02-01', country: 'US', index: 100, variable: 'total postings', sector: 'Software Development' }]);
	});
});

describe('parseCpi: reasons', () => {
	it('a date that is not the first of a month is refused for that reason; year and month are numbers', () => {
		expect.hasAssertions();
		const r = parseCpi('Date,Index,Inflation\n2023-11-01,300,\n2023-12-02,301,0.1\n');
		expect(r.rows).toEqual([{ date: '2023-11-01', year: 2023, month: 11, index: 300 }]);
		expect(r.issues).toEqual([{ line: 3, column: 'Date', value: '2023-12-02', reason: 'not the first day of a month' }]);
	});

	it('a day that does not exist is refused by the date check itself', () => {
		expect.hasAssertions();
		const r = parseCpi('Date,Index,Inflation\n2024-02-30,309,0.1\n');
		expect(r.issues).toEqual([{ line: 2, column: 'Date', value: '2024-02-30', reason: 'no such calendar date' }]);
	});
});

describe('Indeed parsers: reasons', () => {
	it('share: negative, empty and non-numeric values are refused, each with its reason', () => {
		expect.hasAssertions();
		const r = parseShare(
			'date,jobcountry,GenAI_share_postings\n2024-01-01,US,-0.5\n2024-01-01,GB,\n2024-01-01,DE,n/a\n2024-01-01,FR,0\n',
			'GenAI_share_postings'
		);
		expect(r.rows).toEqual([{ date: '2024-01-01', country: 'FR', sharePct: 0 }]);
		expect(r.issues.map((i) => [i.line, i.column, i.reason])).toEqual([
			[2, 'GenAI_share_postings', 'negative'],
			[3, 'GenAI_share_postings', 'empty'],
			[4, 'GenAI_share_postings', 'not a number']
		]);
	});

	it('country codes must be two capital letters', () => {
		expect.hasAssertions();
		const r = parseShare('date,jobcountry,AI_share_postings\n2024-01-01,USA,1\n2024-01-01,U1,1\n2024-01-01,us,1\n', 'AI_share_postings');
		expect(r.rows).toEqual([]);
		expect(r.issues.map((i) => i.reason)).toEqual([
			'not a 2-letter country code',
			'not a 2-letter country code',
			'not a 2-letter country code'
		]);
	});

	it('sector index: a negative index and an empty sector name are refused', () => {
		expect.hasAssertions();
		const r = parseSectorIndex(
			'date,jobcountry,indeed_job_postings_index,variable,display_name\n2020-02-01,US,-1,total postings,Software\n2020-02-01,US,5,new postings,\n2020-02-01,US,0,new postings,Nursing\n'
		);
		expect(r.rows).toEqual([{ date: '2020-02-01', country: 'US', index: 0, variable: 'new postings', sector: 'Nursing' }]);
		expect(
			parseSectorIndex('date,jobcountry,indeed_job_postings_index,variable,display_name\n2020-02-01,US,1,all,X\n').issues[0]!.reason
		).toBe('unknown variable "all"; expected one of total postings, new postings');
		expect(r.issues.map((i) => [i.line, i.column, i.reason])).toEqual([
			[2, 'indeed_job_postings_index', 'negative'],
			[3, 'display_name', 'empty']
		]);
	});

	it('postings index: both index columns may be empty or negative numbers, the variable must be known', () => {
		expect.hasAssertions();
		const r = parsePostingsIndex(
			'date,jobcountry,indeed_job_postings_index_SA,indeed_job_postings_index_NSA,variable\n2020-02-01,US,,-3,new postings\n2020-02-01,US,x,1,new postings\n'
		);
		expect(r.rows).toEqual([{ date: '2020-02-01', country: 'US', indexSa: null, indexNsa: -3, variable: 'new postings' }]);
		expect(r.issues).toEqual([{ line: 3, column: 'indeed_job_postings_index_SA', value: 'x', reason: 'not a number' }]);
	});
});
