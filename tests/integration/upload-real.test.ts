/** The real aijobs.net file through the upload path gives the built-in parser's rows exactly. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSalaries } from '../../src/lib/data/salaries';
import type { SalaryColumns } from '../../src/lib/data/upload/columns';
import { toSalaryRows } from '../../src/lib/data/upload/salary-rows';
import { load } from '../../src/lib/data/upload/testing/load';
import { realDataPath, reportAbsent } from './real-data';

const path = realDataPath('aijobs-salaries/salaries.csv');

describe.skipIf(!path)('upload path on the real salaries file', () => {
	it('same rows, same rejects as parseSalaries', async () => {
		const bytes = new Uint8Array(readFileSync(path!));
		const { sniff, done } = await load(bytes);
		expect(sniff.detection.layout).toBe('aijobs');
		const builtIn = parseSalaries(new TextDecoder().decode(bytes));
		expect(done.report.rowsRead).toBe(builtIn.rowsRead);
		expect(done.report.rejected).toBe(builtIn.rejected);
		const { rows, skipped } = toSalaryRows(done.columns as SalaryColumns);
		expect(skipped).toEqual([]);
		expect(rows).toEqual(builtIn.rows);
	});
});
if (!path) reportAbsent('aijobs-salaries/salaries.csv');
