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
import { guessMapping } from '$lib/data/upload/fields';
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

	it('computes on a file without some optional columns, naming them with the note pages show', async () => {
		const { done } = await load('generic-salaries.csv');
		const cols = done.columns as SalaryColumns;
		const m = yourSalariesView(cols, 'g.csv', DEFAULT);
		expect(m.missing).toEqual([
			{ field: 'employmentType', label: expect.any(String), consequence: 'This file has no employment type column.' }
		]);
		expect(m.overview).not.toBeNull();
		expect(m.rowsUsed).toBe(cols.n);
		expect(m.overview!.counts.matched).toBe(m.overview!.families.AI.n + m.overview!.families.ML.n);
	});

	it('title, pay and year only: every dimension absent, medians from the rows, like-for-like leaves every row out', async () => {
		expect.hasAssertions();
		// 12 AI at 100k…210k and 11 ML at 90k…190k (steps of 10k): medians 155k and 140k, computed here by hand.
		const lines = ['title,salary,year'];
		for (let i = 0; i < 12; i++) lines.push(`Senior AI Engineer,${100_000 + i * 10_000},2024`);
		for (let i = 0; i < 11; i++) lines.push(`ML Engineer (Remote),${90_000 + i * 10_000},2023`);
		lines.push('Data Scientist,50000,2024');
		const { done } = await load(new TextEncoder().encode(lines.join('\n') + '\n'));
		const m = yourSalariesView(done.columns as SalaryColumns, 'min.csv', DEFAULT);
		expect(m.missing.map((f) => f.field)).toEqual(['companySize', 'country', 'experienceLevel', 'employmentType', 'remoteRatio']);
		expect(m.notGiven).toEqual([]);
		expect(m.rowsUsed).toBe(24);
		expect(m.years).toEqual({ first: 2023, last: 2024 });
		const o = m.overview!;
		expect([o.families.AI.n, o.families.ML.n]).toEqual([12, 11]);
		expect(o.families.AI.median?.median).toBe(155_000);
		expect(o.families.ML.median?.median).toBe(140_000);
		expect(o.gap.estimate?.gapUsd).toBe(15_000);
		expect(o.likeForLike).toMatchObject({
			aiRowsWithoutCell: 12,
			mlRowsWithoutCell: 11,
			aiNUsed: 0,
			adjusted: null,
			support: 'suppressed'
		});
		expect(m.unmatched.map((t) => [t.title, t.count, t.form])).toEqual([['Data Scientist', 1, 'data scientist']]);
		// The summary CSV has the medians too.
		const csv = toCsv(m.summary!.columns, m.summary!.rows);
		expect(csv).toContain('155000');
		expect(csv).toContain('140000');
	});

	it('salaries-gaps.csv: the figures expected-values.py computes (raw medians, rows without a cell, like-for-like)', async () => {
		expect.hasAssertions();
		const { done } = await load('salaries-gaps.csv');
		const m = yourSalariesView(done.columns as SalaryColumns, 'salaries-gaps.csv', DEFAULT);
		const o = m.overview!;
		expect([o.families.AI.n, o.families.AI.median?.median, o.families.ML.n, o.families.ML.median?.median]).toEqual([
			15, 165_000, 16, 150_000
		]);
		expect(o.likeForLike).toMatchObject({ aiRowsWithoutCell: 8, mlRowsWithoutCell: 7, mlNSupported: 8, aiNUsed: 7 });
		// 7 AI and 8 ML rows with a matching cell: too few for a like-for-like gap, so it is suppressed.
		expect(o.likeForLike).toMatchObject({ support: 'suppressed', aiMedianAdjusted: null, mlMedianSupported: null, adjusted: null });
	});

	it('empty optional cells: "not given" counted per column, like-for-like leaves those rows out', async () => {
		expect.hasAssertions();
		const lines = ['title,salary,year,company_size,country,experience'];
		// AI: 10 complete (M, US, SE) + 3 without a size; ML: 10 complete + 2 without experience, 1 without country.
		for (let i = 0; i < 10; i++) lines.push(`AI Engineer,${150_000 + i * 1000},2024,M,US,SE`);
		for (let i = 0; i < 3; i++) lines.push(`AI Engineer,${200_000 + i * 1000},2024,,US,SE`);
		for (let i = 0; i < 10; i++) lines.push(`Machine Learning Engineer,${140_000 + i * 1000},2024,M,US,SE`);
		for (let i = 0; i < 2; i++) lines.push(`Machine Learning Engineer,${100_000 + i * 1000},2024,L,US,`);
		lines.push('Machine Learning Engineer,90000,2024,L,,MI');
		const { done } = await load(new TextEncoder().encode(lines.join('\n') + '\n'));
		const m = yourSalariesView(done.columns as SalaryColumns, 'mix.csv', DEFAULT);
		expect(m.missing.map((f) => f.field)).toEqual(['employmentType', 'remoteRatio']);
		expect(m.notGiven.map((g) => [g.field, g.rows])).toEqual([
			['companySize', 3],
			['country', 1],
			['experienceLevel', 2]
		]);
		const lfl = m.overview!.likeForLike;
		expect([lfl.aiRowsWithoutCell, lfl.mlRowsWithoutCell]).toEqual([3, 3]);
		// Same cell (SE × north-america × M) on both sides: the like-for-like medians are those of the complete rows.
		expect(lfl.aiMedianAdjusted).toBe(154_500);
		expect(lfl.mlMedianSupported).toBe(144_500);
		// The raw medians use every row: AI 13 rows → 7th = 156k; ML 13 rows → 7th of (90k, 100k, 101k, 140k…149k) = 143k.
		expect(m.overview!.families.AI.median?.median).toBe(156_000);
		expect(m.overview!.families.ML.median?.median).toBe(143_000);
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

describe('one title rule for every layout', () => {
	it('an older aijobs.net export counts the same families in its own layout and in a mapped one', async () => {
		expect.hasAssertions();
		// aijobs-older-export.csv (tests/fixtures/upload/README.md): ML family = 12 "Machine Learning Engineer"
		// + 8 "ML Engineer" + 2 "Applied ML Engineer" = 22; AI family = 10 "AI Engineer"; 6 in neither.
		const own = await load('aijobs-older-export.csv');
		expect(own.sniff.detection.layout).toBe('aijobs');
		const mapped = await load('aijobs-older-export.csv', {
			job: (s) => ({ mapping: { ...guessMapping(s.header, 'salaries'), layout: 'generic' } })
		});
		for (const mode of ['family', 'strict'] as const) {
			const a = yourSalariesView(own.done.columns as SalaryColumns, 'older.csv', { mode, overrides: {} });
			const b = yourSalariesView(mapped.done.columns as SalaryColumns, 'older.csv', { mode, overrides: {} });
			const n = (m: typeof a) => [m.overview!.families.AI.n, m.overview!.families.ML.n];
			expect(n(a), mode).toEqual(mode === 'family' ? [10, 22] : [10, 12]);
			expect(n(b), mode).toEqual(n(a));
			expect(b.unmatched.map((t) => [t.title, t.count])).toEqual(a.unmatched.map((t) => [t.title, t.count]));
		}
		const fam = yourSalariesView(own.done.columns as SalaryColumns, 'older.csv', DEFAULT);
		expect(fam.unmatched.map((t) => [t.title, t.count, t.how])).toEqual([
			['Data Scientist', 4, 'none'],
			['AI/ML Engineer', 2, 'mixed']
		]);
	});
});

describe('yourPostingsView', () => {
	it('turns the data_jobs fixture into the figures its README states (titles normalised)', async () => {
		const { done } = await load('data-jobs-postings.csv');
		const m = yourPostingsView(done.columns as PostingsColumns, DEFAULT);
		// Exact families-v1 gives Feb 2 AI, Mar 2 ML; normalised, line 11 (Senior AI Engineer, Feb, US,
		// $210k, python + aws) joins AI and line 17 (Machine Learning Engineer, Ranking, Mar, US, $240k) joins ML.
		expect(m.monthTable.rows.map((r) => [r.month, r.ai, r.ml, r.partial])).toEqual([
			['2023-01', 3, 2, 'partial'],
			['2023-02', 3, 3, 'whole'],
			['2023-03', 2, 3, 'whole']
		]);
		expect(m.partialMonths).toEqual(['2023-01']);
		expect(m.byMonthCsv.rows).toEqual([
			['2023-01', 'AI Engineer', 3],
			['2023-01', 'ML Engineer', 2],
			['2023-02', 'AI Engineer', 3],
			['2023-02', 'ML Engineer', 3],
			['2023-03', 'AI Engineer', 2],
			['2023-03', 'ML Engineer', 3]
		]);
		expect(m.unmatched).toEqual([{ title: 'Data Scientist', count: 1, form: 'data scientist', how: 'none' }]);
		expect(m.skills!.AI.rows.slice(0, 2)).toEqual([
			{ skill: 'python', postings: 8, share: null },
			{ skill: 'aws', postings: 4, share: null }
		]);
		expect(m.byCountry!.rows[0]).toMatchObject({ group: 'United States', ai: 6, ml: 3 });
		// data_jobs has no company-size column.
		expect(m.missing.map((f) => f.field)).toEqual(['companySize']);
		expect(m.bySize).toBeNull();
		expect(m.salary!.rows.map((r) => r.n)).toEqual([5, 6]);
		// Strict mode: only the two titles, exactly (up to case and punctuation).
		const strict = yourPostingsView(done.columns as PostingsColumns, { mode: 'strict', overrides: {} });
		expect(strict.monthTable.rows.map((r) => [r.month, r.ai, r.ml])).toEqual([
			['2023-01', 2, 2],
			['2023-02', 2, 2],
			['2023-03', 2, 1]
		]);
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
