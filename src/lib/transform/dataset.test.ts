/**
 * buildDataset and the source bookkeeping around it, on hand-made parsed files: what is kept,
 * what each parse summary says, which refused source feeds which part, and the partial year.
 * views/views.test.ts checks the page views on a Dataset built the same way.
 */
import { describe, expect, it } from 'vitest';
import type { CpiRow, ParseIssue, SalaryRow, SectorIndexRow, ShareRow } from '$lib/data/types';
import { cpiYear, row } from './stats/testing/rows';
import {
	buildDataset,
	CONTEXT_SECTORS,
	partialYearOf,
	partOf,
	realPayProblem,
	sourceProblems,
	type ParsedFile,
	type ParsedSources,
	type SourceStatus
} from './dataset';

const issue = (line: number): ParseIssue => ({ line, column: '*', value: '', reason: `bad line ${line}` });
const file = <T>(name: string, rows: T[], over: Partial<ParsedFile<T>> = {}): ParsedFile<T> => ({
	file: name,
	rows,
	issues: [],
	rowsRead: rows.length,
	rejected: 0,
	...over
});
const sector = (sector: string, index: number): SectorIndexRow => ({
	date: '2024-01-01',
	country: 'US',
	index,
	variable: 'total postings',
	sector
});
const share: ShareRow = { date: '2024-01-01', country: 'US', sharePct: 2 };
const status = (id: string, state: SourceStatus['state'] = 'ok'): SourceStatus => ({
	id,
	file: `${id}.csv`,
	state,
	message: state === 'ok' ? null : `The data file ${id}.csv is ${state}.`
});

const salaries: SalaryRow[] = [300, 100, 200].map((salaryUsd) => row({ salaryUsd }));
const cpi: CpiRow[] = [...cpiYear(2023, 300), ...cpiYear(2024, 310, 6)];
const sources: ParsedSources = {
	dataVersion: '2024-06-30',
	// 9 lines read, 3 kept, 6 rejected, and more issues than the summary shows.
	salaries: file('salaries.csv', salaries, { rowsRead: 9, rejected: 6, issues: [1, 2, 3, 4, 5, 6, 7].map(issue) }),
	cpi: file('cpi.csv', cpi),
	aiShare: file('ai.csv', [share]),
	genaiShare: file('genai.csv', [share, share]),
	sectors: [
		file('sectors-a.csv', [sector('Nursing', 1), sector(CONTEXT_SECTORS[1], 2)]),
		file('sectors-b.csv', [sector(CONTEXT_SECTORS[0], 3), sector('Banking', 4)])
	],
	sources: [status('aijobs-salaries'), status('us-cpi')]
};

describe('buildDataset', () => {
	it('sorts the salaries once, by pay, and indexes the same rows', () => {
		expect.hasAssertions();
		const d = buildDataset(sources);
		expect(d.salaries.map((r) => r.salaryUsd)).toEqual([100, 200, 300]);
		expect(d.prepared.rows).toBe(d.salaries);
		expect(sources.salaries.rows.map((r) => r.salaryUsd)).toEqual([300, 100, 200]); // input unchanged
	});

	it('passes the version, CPI, shares and sources through; annual CPI from the monthly rows', () => {
		expect.hasAssertions();
		const d = buildDataset(sources);
		expect(d.dataVersion).toBe('2024-06-30');
		expect(d.cpi).toBe(cpi);
		expect(d.annualCpi.map((a) => [a.year, a.full, a.months])).toEqual([
			[2023, true, 12],
			[2024, false, 6]
		]);
		expect(d.aiShare).toHaveLength(1);
		expect(d.genaiShare).toHaveLength(2);
		expect(d.sources).toBe(sources.sources);
	});

	it('keeps only the context sectors, from every sector file, in file order', () => {
		expect.hasAssertions();
		expect(buildDataset(sources).sectors.map((s) => [s.sector, s.index])).toEqual([
			[CONTEXT_SECTORS[1], 2],
			[CONTEXT_SECTORS[0], 3]
		]);
	});

	it('one parse summary per file read: lines read, accepted, rejected and the first five issues', () => {
		expect.hasAssertions();
		const d = buildDataset(sources);
		expect(d.parse.map((p) => p.file)).toEqual(['salaries.csv', 'cpi.csv', 'ai.csv', 'genai.csv', 'sectors-a.csv', 'sectors-b.csv']);
		expect(d.parse[0]).toEqual({
			file: 'salaries.csv',
			rowsRead: 9,
			accepted: 3,
			rejected: 6,
			sampleIssues: [1, 2, 3, 4, 5].map(issue)
		});
		expect(d.parse[3]).toEqual({ file: 'genai.csv', rowsRead: 2, accepted: 2, rejected: 0, sampleIssues: [] });
	});

	it('a refused source leaves its part empty and out of the parse summaries', () => {
		expect.hasAssertions();
		const d = buildDataset({ ...sources, cpi: null, aiShare: null, genaiShare: null, sectors: [] });
		expect([d.cpi, d.annualCpi, d.aiShare, d.genaiShare, d.sectors]).toEqual([[], [], [], [], []]);
		expect(d.parse.map((p) => p.file)).toEqual(['salaries.csv']);
	});
});

describe('partOf', () => {
	it.each([
		['aijobs-salaries', 'salaries'],
		['us-cpi', 'cpi'],
		['indeed-ai-share', 'aiShare'],
		['indeed-genai-share', 'genaiShare'],
		['indeed-sectors-US', 'sectors'],
		['indeed-sectors-GB', 'sectors'],
		['indeed-sectors', null],
		['us-cpi-2', null],
		['salaries', null],
		['', null]
	])('%j feeds %s', (id, part) => {
		expect.hasAssertions();
		expect(partOf(id)).toBe(part);
	});
});

describe('sourceProblems and realPayProblem', () => {
	const data = {
		sources: [
			status('aijobs-salaries'),
			status('us-cpi', 'altered'),
			status('indeed-ai-share', 'missing'),
			status('indeed-sectors-US', 'missing'),
			status('indeed-sectors-GB'),
			status('not-a-source', 'missing')
		]
	};

	it('lists only refused sources of the parts asked for, in source order', () => {
		expect.hasAssertions();
		const ids = (parts: Parameters<typeof sourceProblems>[1]) => sourceProblems(data, parts).map((s) => s.id);
		expect(ids(['cpi'])).toEqual(['us-cpi']);
		expect(ids(['sectors', 'aiShare'])).toEqual(['indeed-ai-share', 'indeed-sectors-US']);
		expect(ids(['salaries', 'genaiShare'])).toEqual([]);
		expect(ids([])).toEqual([]);
	});

	it('real pay names the refused CPI file, and is available otherwise', () => {
		expect.hasAssertions();
		expect(realPayProblem(data)).toBe('Real (inflation-adjusted) pay is unavailable. The data file us-cpi.csv is altered.');
		expect(realPayProblem({ sources: [status('us-cpi'), status('indeed-ai-share', 'missing')] })).toBeNull();
		expect(realPayProblem({ sources: [] })).toBeNull();
	});
});

describe('partialYearOf', () => {
	it.each([
		['2025-06-30', 2025],
		['2024-12-30', 2024],
		['2024-01-31', 2024],
		['2024-12-31', null],
		['2023-12-31', null]
	])('a snapshot of %s leaves %s partial', (version, year) => {
		expect.hasAssertions();
		expect(partialYearOf(version)).toBe(year);
	});
});
