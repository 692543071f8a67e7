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
		expect(r.issues).toHaveLength(1);
		expect(r.issues[0]!.column).toBe('variable');
	});

	it('reads sector index rows', () => {
		expect.hasAssertions();
		const r = parseSectorIndex(
			'date,jobcountry,indeed_job_postings_index,variable,display_name\n2020-02-01,US,100,total postings,Software Development\n'
		);
		expect(r.rows).toEqual([{ date: '2020-02-01', country: 'US', index: 100, variable: 'total postings', sector: 'Software Development' }]);
	});
});
