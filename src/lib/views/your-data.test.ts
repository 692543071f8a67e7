import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '$lib/csv/write';
import { parseSalaries } from '$lib/data/salaries';
import type { PostingsColumns, SalaryColumns } from '$lib/data/upload/columns';
import { fixtureBytes, load } from '$lib/data/upload/testing/load';
import { buildDataset } from '$lib/transform/dataset';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { summaryView } from './summary-table';
import { salariesDataset, yourPostingsView, yourSalariesView } from './your-data';

const DEFAULT = { mode: 'family' as const, overrides: {} };

/** The server's path for a salaries text: the built-in parser → buildDataset → the summary CSV. */
function serverCsv(text: string): string {
	const parsed = parseSalaries(text);
	const empty = { file: 'none', rows: [], issues: [], rowsRead: 0, rejected: 0 };
	const data = buildDataset({
		dataVersion: '2025-06-30',
		salaries: { file: 'salaries.csv', ...parsed },
		cpi: empty,
		aiShare: empty,
		genaiShare: empty,
		sectors: [],
		sources: []
	});
	const t = summaryView(data, { by: 'none', filters: DEFAULT_FILTERS });
	return toCsv(t.columns, t.rows);
}

describe('yourSalariesView', () => {
	it('gives the same summary CSV as the server path for an aijobs-layout file', async () => {
		expect.hasAssertions();
		for (const name of ['aijobs-salaries.csv', 'broken-5pct.csv']) {
			const { done } = await load(name);
			const m = yourSalariesView(done.columns as SalaryColumns, name, DEFAULT);
			expect(m.missing).toEqual([]);
			expect(toCsv(m.summary!.columns, m.summary!.rows)).toBe(serverCsv(new TextDecoder().decode(fixtureBytes(name))));
		}
	});

	it('on the real built-in file (when resolved) gives the server CSV byte for byte', async () => {
		const path = resolve('.data-cache/aijobs-salaries/salaries.csv');
		if (!existsSync(path)) return; // real data absent: the Playwright test covers it on CI
		const bytes = new Uint8Array(readFileSync(path));
		const { done } = await load(bytes, { chunkBytes: 1 << 20 });
		const m = yourSalariesView(done.columns as SalaryColumns, 'salaries.csv', DEFAULT);
		expect(toCsv(m.summary!.columns, m.summary!.rows)).toBe(serverCsv(readFileSync(path, 'utf8')));
		expect(m.rowsUsed).toBe(done.report.accepted - m.skipped.count);
	});

	it('names the missing dimensions instead of computing', async () => {
		const { done } = await load('generic-salaries.csv');
		const m = yourSalariesView(done.columns as SalaryColumns, 'g.csv', DEFAULT);
		expect(m.missing.map((f) => f.field)).toEqual(['employmentType']);
		expect(m.overview).toBeNull();
		expect(m.summary).toBeNull();
	});

	it('applies title overrides: a title assigned to a family is counted in it', async () => {
		const { done } = await load('aijobs-salaries.csv');
		const cols = done.columns as SalaryColumns;
		const before = yourSalariesView(cols, 'a.csv', DEFAULT);
		const listed = before.unmatched.find((t) => t.title === 'Data Scientist');
		expect(listed).toBeDefined();
		const after = yourSalariesView(cols, 'a.csv', { mode: 'family', overrides: { 'Data Scientist': 'ML' } });
		expect(after.overview!.families.ML.n).toBe(before.overview!.families.ML.n + listed!.count);
		expect(after.overview!.families.AI.n).toBe(before.overview!.families.AI.n);
		// Still listed (with the user's choice shown by the page), so it can be changed back.
		expect(after.unmatched).toEqual(before.unmatched);
		// The columns are not changed by building the dataset.
		expect(salariesDataset(cols, 'a.csv').salaries.length).toBe(cols.n);
	});
});

describe('yourPostingsView', () => {
	it('turns the data_jobs fixture into the figures its README states', async () => {
		const { done } = await load('data-jobs-postings.csv');
		const m = yourPostingsView(done.columns as PostingsColumns, DEFAULT);
		expect(m.monthTable.rows.map((r) => [r.month, r.ai, r.ml, r.partial])).toEqual([
			['2023-01', 3, 2, 'partial'],
			['2023-02', 2, 3, 'whole'],
			['2023-03', 2, 2, 'whole']
		]);
		expect(m.partialMonths).toEqual(['2023-01']);
		expect(m.byMonthCsv.rows).toEqual([
			['2023-01', 'AI Engineer', 3],
			['2023-01', 'ML Engineer', 2],
			['2023-02', 'AI Engineer', 2],
			['2023-02', 'ML Engineer', 3],
			['2023-03', 'AI Engineer', 2],
			['2023-03', 'ML Engineer', 2]
		]);
		expect(m.unmatched).toHaveLength(3);
		expect(m.skills!.AI.rows[0]).toMatchObject({ skill: 'python', postings: 7 });
		expect(m.byCountry!.rows[0]).toMatchObject({ group: 'United States', ai: 5, ml: 2 });
		// data_jobs has no company-size column.
		expect(m.missing.map((f) => f.field)).toEqual(['companySize']);
		expect(m.bySize).toBeNull();
		expect(m.salary!.rows.map((r) => r.n)).toEqual([4, 5]);
	});

	it('month-only dates: partial months are unknown, not guessed', async () => {
		const text = 'title,month,count\nAI Engineer,2023-01,5\nMachine Learning Engineer,2023-02,7\n';
		const { done } = await load(new TextEncoder().encode(text));
		const m = yourPostingsView(done.columns as PostingsColumns, DEFAULT);
		expect(m.partialMonths).toBeNull();
		expect(m.monthTable.rows.map((r) => r.partial)).toEqual(['unknown', 'unknown']);
		expect(m.summary.familyPostings).toEqual({ AI: 5, ML: 7 });
	});
});
