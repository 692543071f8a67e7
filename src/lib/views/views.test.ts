/**
 * The page views on a small Dataset built the way the server builds it (buildDataset over
 * parsed files): what each model holds agrees with the statistics it came from and with the
 * hand-computed fixture values, and the inputs are left unchanged.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseSalaries } from '$lib/data/salaries';
import type { CpiRow, SectorIndexRow, ShareRow } from '$lib/data/types';
import {
	buildDataset,
	CONTEXT_SECTORS,
	realPayProblem,
	type ParsedFile,
	type ParsedSources,
	type SourceStatus
} from '$lib/transform/dataset';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import { demandView } from './demand';
import { overviewView } from './overview';
import { gapRows, payView, SEGMENT_DIMENSIONS } from './pay';
import { trendsView } from './trends';

beforeEach(() => {
	expect.hasAssertions();
});

const file = <T>(name: string, rows: T[]): ParsedFile<T> => ({ file: name, rows, issues: [], rowsRead: rows.length, rejected: 0 });
const salaries = parseSalaries(readFileSync(new URL('../../../tests/fixtures/salaries-small.csv', import.meta.url), 'utf8'));
const cpi: CpiRow[] = [2023, 2024].flatMap((year) =>
	Array.from({ length: 12 }, (_, i) => ({
		date: `${year}-${String(i + 1).padStart(2, '0')}-01`,
		year,
		month: i + 1,
		index: year === 2023 ? 300 : 310
	}))
);
const share = (country: string, date: string, sharePct: number): ShareRow => ({ date, country, sharePct });
const sector = (sector: string, date: string, index: number): SectorIndexRow => ({
	date,
	country: 'US',
	index,
	variable: 'total postings',
	sector
});
const ok = (id: string, file: string): SourceStatus => ({ id, file, state: 'ok', message: null });
const parsed: ParsedSources = {
	dataVersion: '2024-06-30',
	salaries: file('salaries.csv', salaries.rows),
	cpi: file('cpi.csv', cpi),
	aiShare: file('ai.csv', [
		share('US', '2024-01-01', 2),
		share('US', '2024-01-02', 4),
		share('US', '2024-02-01', 5),
		share('GB', '2024-01-01', 9)
	]),
	genaiShare: file('genai.csv', [share('US', '2024-01-01', 1)]),
	sectors: [
		file('sectors.csv', [
			sector(CONTEXT_SECTORS[0], '2024-01-01', 100),
			sector(CONTEXT_SECTORS[1], '2024-01-01', 90),
			sector('Nursing', '2024-01-01', 50)
		])
	],
	sources: [
		ok('aijobs-salaries', 'salaries.csv'),
		ok('us-cpi', 'cpi.csv'),
		ok('indeed-ai-share', 'ai.csv'),
		ok('indeed-genai-share', 'genai.csv'),
		ok('indeed-sectors-US', 'sectors.csv')
	]
};
const data = buildDataset(parsed);

describe('buildDataset', () => {
	it('keeps the context sectors only, sorts salaries and lists one parse summary per file', () => {
		expect(data.sectors.map((s) => s.sector)).toEqual([...CONTEXT_SECTORS]);
		expect(data.salaries.map((r) => r.salaryUsd)).toEqual([...salaries.rows.map((r) => r.salaryUsd)].sort((a, b) => a - b));
		expect(data.parse.map((p) => p.file)).toEqual(['salaries.csv', 'cpi.csv', 'ai.csv', 'genai.csv', 'sectors.csv']);
	});
});

describe('overviewView', () => {
	it('carries the fixture counts and suppresses what is too small to show', () => {
		const m = overviewView(data, { filters: DEFAULT_FILTERS });
		// Fixture README: 4 AI-family rows, fewer than the suppression threshold.
		expect(m.families.AI.n).toBe(4);
		expect(m.families.AI.support).toBe('suppressed');
		expect(m.families.AI.quantiles).toBeNull();
		expect(m.counts.counted).toBe(m.families.AI.n + m.families.ML.n);
		expect(m.claim.where).toBe('US');
	});
});

describe('payView', () => {
	it('builds the distribution table and segment charts from the same statistics', () => {
		const m = payView(data, { filters: DEFAULT_FILTERS, scale: 'linear', salary: 120_000 });
		const stats = computeStats(data.prepared, DEFAULT_FILTERS, { cpi: data.annualCpi });
		expect(m.distTable.rows.map((r) => r.n)).toEqual([stats.families.AI.n, stats.families.ML.n]);
		expect(m.distTable.rows.map((r) => r.median)).toEqual([
			stats.families.AI.quantiles?.median ?? null,
			stats.families.ML.quantiles?.median ?? null
		]);
		expect(m.segments.map((s) => s.dim)).toEqual([...SEGMENT_DIMENSIONS]);
		for (const s of m.segments) {
			const groups = computeStats(data.prepared, DEFAULT_FILTERS, { cpi: data.annualCpi, groupBy: s.dim }).groups!.groups;
			expect(s.rows).toEqual(gapRows(s.dim, groups));
			expect(s.table.rows.map((r) => r.aiN)).toEqual(groups.map((g) => g.families.AI.n));
		}
		expect(m.position?.salary).toBe(120_000);
	});
});

describe('trendsView', () => {
	it('uses the asked span when the data has both years, in order, else the default', () => {
		const asked = trendsView(data, { filters: DEFAULT_FILTERS, gfrom: 2024, gto: 2023 });
		expect(asked.years).toContain(2023);
		expect(asked.span).toEqual({ fromYear: 2023, toYear: 2024 });
		const absent = trendsView(data, { filters: DEFAULT_FILTERS, gfrom: 1999, gto: null });
		const none = trendsView(data, { filters: DEFAULT_FILTERS, gfrom: null, gto: null });
		expect(absent.span).toEqual(none.span);
		// dataVersion 2024-06-30: 2024 is the partial year.
		expect(none.partialYear).toBe(2024);
		// 2023 and 2024 both present: the change of source between them is marked; without 2023 it is not.
		expect(none.annotations).toEqual([{ x: 2023.5, label: 'Source shift' }]);
		expect(trendsView(data, { filters: { ...DEFAULT_FILTERS, from: 2024 }, gfrom: null, gto: null }).annotations).toEqual([]);
	});
});

describe('demandView', () => {
	it('monthly shares for the market only, the same numbers in the table and the CSV', () => {
		const m = demandView(data, { filters: DEFAULT_FILTERS, market: 'US' });
		// By hand: January (2 + 4) / 2 = 3, February 5; GenAI only in January.
		expect(m.shareTable.rows).toEqual([
			{ month: '2024-01', ai: 3, genai: 1 },
			{ month: '2024-02', ai: 5, genai: null }
		]);
		expect(m.shareCsv.rows).toEqual([
			['2024-01', 'US', 3, 1],
			['2024-02', 'US', 5, null]
		]);
		expect(m.markets).toEqual({ covered: [], others: ['GB', 'US'] });
		expect(m.lastDates.ai).toBe('2024-02-01');
		expect(m.sectorCsv.columns).toEqual(['month', 'country', 'software_development_index', 'mathematics_index']);
	});

	it('company-size shares of each family and year add up to 100 and match the CSV', () => {
		const m = demandView(data, { filters: DEFAULT_FILTERS, market: 'US' });
		expect(m.sizeCharts.map((c) => c.family)).toEqual(['AI', 'ML']);
		for (const c of m.sizeCharts)
			c.categories.forEach((_, i) => {
				const vals = c.series.map((s) => s.values[i]).filter((v): v is number => v !== null);
				if (vals.length > 0) expect(vals.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
			});
		const csvN = m.sizeCsv.rows.reduce((a, r) => a + (r[3] as number), 0);
		expect(csvN).toBe(m.counts.counted);
	});
});

describe('a refused source degrades only what needs it', () => {
	const refused = (id: string, file: string): SourceStatus => ({
		id,
		file,
		state: 'missing',
		message: `The data file ${file} is missing.`
	});
	const statuses = (out: readonly string[]) => parsed.sources.map((s) => (out.includes(s.id) ? refused(s.id, s.file) : s));

	it('without the CPI: no annual CPI, real pay says why, the other sources are unchanged', () => {
		const ds = buildDataset({ ...parsed, cpi: null, sources: statuses(['us-cpi']) });
		expect(ds.annualCpi).toEqual([]);
		expect(ds.parse.map((p) => p.file)).toEqual(['salaries.csv', 'ai.csv', 'genai.csv', 'sectors.csv']);
		expect(realPayProblem(ds)).toBe('Real (inflation-adjusted) pay is unavailable. The data file cpi.csv is missing.');
		expect(realPayProblem(data)).toBeNull();
		expect(demandView(ds, { filters: DEFAULT_FILTERS, market: 'US' }).unavailable).toEqual({ share: [], sectors: [] });
	});

	it('without the AI share: the GenAI series still gives the markets and the source date, and the page names the file', () => {
		const ds = buildDataset({ ...parsed, aiShare: null, sources: statuses(['indeed-ai-share']) });
		const m = demandView(ds, { filters: DEFAULT_FILTERS, market: 'US' });
		expect(m.unavailable).toEqual({ share: ['The data file ai.csv is missing.'], sectors: [] });
		expect(m.markets).toEqual({ covered: [], others: ['US'] });
		expect(m.hasShares).toBe(true);
		expect(m.shareSourceDate).toBe('2024-01-01');
		expect(m.hasSectors).toBe(true);
	});

	it('without the sector indices: no sector chart, the message names the file, the shares are unchanged', () => {
		const ds = buildDataset({ ...parsed, sectors: [], sources: statuses(['indeed-sectors-US']) });
		const m = demandView(ds, { filters: DEFAULT_FILTERS, market: 'US' });
		expect(m.unavailable).toEqual({ share: [], sectors: ['The data file sectors.csv is missing.'] });
		expect(m.hasSectors).toBe(false);
		expect(m.shareCsv).toEqual(demandView(data, { filters: DEFAULT_FILTERS, market: 'US' }).shareCsv);
	});
});
