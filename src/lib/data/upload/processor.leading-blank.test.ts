import { describe, expect, it } from 'vitest';
import type { SalaryColumns } from './columns';
import { load, utf8 } from './testing/load';

const HEAD =
	'work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size';

describe('blank lines before the header', () => {
	it('are skipped, as the sniff step skips them: the header is the first line with a cell, line numbers stay physical', async () => {
		// Lines 1–2 blank (one of them only a delimiter's worth of blank cells), line 3 the header, lines 4–5 rows; line 5 is bad.
		const text = `\n,,\n${HEAD}\n2024,SE,FT,AI Engineer,100000,USD,100000,US,0,US,M\n2024,SE,FT,ML Engineer,100000,USD,-5,US,0,US,M\n`;
		const { sniff, done } = await load(utf8(text));
		expect(sniff.header[3]).toBe('job_title');
		expect(done.report).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
		expect(done.report.problems.map((p) => [p.line, p.column])).toEqual([[5, 'salary_in_usd']]);
		const c = done.columns as SalaryColumns;
		expect(Array.from(c.line)).toEqual([4]);
		expect(c.title.dict[c.title.codes[0]!]).toBe('AI Engineer');
	});
});
