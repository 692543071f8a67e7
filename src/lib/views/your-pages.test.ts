import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '$lib/csv/write';
import { parseSalaries } from '$lib/data/salaries';
import type { CpiRow } from '$lib/data/types';
import type { PostingsColumns, SalaryColumns } from '$lib/data/upload/columns';
import type { TitleOverrides } from '$lib/data/upload/store';
import { fixtureBytes, load } from '$lib/data/upload/testing/load';
import { isIsoDate } from '$lib/data/upload/store';
import { buildDataset } from '$lib/transform/dataset';
import { DEFAULT_FILTERS, type Filters } from '$lib/transform/filters';
import { payView } from './pay';
import { summaryView } from './summary-table';
import { datasetKey, downloadsOf, yourDataset, yourDemandPage, yourSalaryPage, yourSummaryMeta, type YourPageQuery } from './your-pages';

const NAME = 'pages-salaries.csv';
const text = () => new TextDecoder().decode(fixtureBytes(NAME));

/** The fixture's rows by a plain split (no quoted cells), for independent expectations. */
function rows() {
	const [head, ...lines] = text().trim().split('\n');
	const cols = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

async function columns(): Promise<SalaryColumns> {
	const { done } = await load(NAME);
	return done.columns as SalaryColumns;
}

/** The server's Dataset from the same text (built-in parser), with the user's file's date. */
function serverData(dataVersion: string) {
	const empty = { file: 'none', rows: [], issues: [], rowsRead: 0, rejected: 0 };
	return buildDataset({
		dataVersion,
		salaries: { file: NAME, ...parseSalaries(text()) },
		cpi: empty,
		aiShare: empty,
		genaiShare: empty,
		sectors: [],
		sources: []
	});
}

const strict: Filters = { ...DEFAULT_FILTERS, titles: 'strict' };

describe('yourSalaryPage', () => {
	it('gives each page the model the server view gives on the same rows, and every download the server CSV', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const data = yourDataset(cols, NAME, {}, null);
		const server = serverData(data.dataVersion);
		const pay = yourSalaryPage(data, cols, {}, { page: 'pay', filters: strict, scale: 'log', salary: 150_000, band: null });
		expect(pay.page).toBe('pay');
		if (pay.page !== 'pay') return;
		expect(pay.model).toEqual(payView(server, { filters: strict, scale: 'log', salary: 150_000, band: null }));
		expect(Object.keys(pay.downloads).sort()).toEqual(['employment_type', 'experience_level', 'none', 'region', 'remote_ratio']);
		for (const [by, d] of Object.entries(pay.downloads)) {
			const t = summaryView(server, { by: by as never, filters: strict });
			expect(toCsv(d!.table.columns, d!.table.rows)).toBe(toCsv(t.columns, t.rows));
			expect(d!.canonical).toBe(`by=${by}&titles=strict`);
		}
	});

	it('counts the file: n per family, its years and countries, facets from its rows', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const data = yourDataset(cols, NAME, {}, null);
		const m = yourSalaryPage(data, cols, {}, { page: 'overview', filters: strict, claimYear: null });
		if (m.page !== 'overview') throw new Error('overview expected');
		const r = rows();
		expect(m.model.families.AI.n).toBe(r.filter((x) => x.job_title === 'AI Engineer').length);
		expect(m.model.families.ML.n).toBe(r.filter((x) => x.job_title === 'Machine Learning Engineer').length);
		expect(m.years).toEqual([...new Set(r.map((x) => Number(x.work_year)))].sort());
		expect(m.countries.map((c) => c.code).sort()).toEqual([...new Set(r.map((x) => x.company_location))].sort());
		const large = r.filter((x) => x.company_size === 'L' && (x.job_title === 'AI Engineer' || x.job_title === 'Machine Learning Engineer'));
		expect(m.facets.options.size.L).toBe(large.length);
		expect(m.rowsUsed).toBe(r.length);
		expect(Object.keys(m.downloads)).toEqual(['none']);
	});

	it('trends downloads by work year; titles lists the user choices and the titles in neither family', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const overrides = { 'Prompt Wrangler': 'AI' as const, 'AI Engineer': null };
		const data = yourDataset(cols, NAME, overrides, null);
		const t = yourSalaryPage(data, cols, overrides, { page: 'trends', filters: DEFAULT_FILTERS, gfrom: null, gto: null });
		expect(Object.keys(t.page === 'trends' ? t.downloads : {})).toEqual(['work_year']);
		const ti = yourSalaryPage(data, cols, overrides, { page: 'titles', filters: DEFAULT_FILTERS });
		if (ti.page !== 'titles') throw new Error('titles expected');
		expect(ti.yourTitles.overrides).toEqual([
			{ title: 'AI Engineer', family: null, builtIn: 'AI', n: 24 },
			{ title: 'Prompt Wrangler', family: 'AI', builtIn: null, n: 2 }
		]);
		// Neither family after the choices: "AI Engineer" (sent to neither) and the two other titles; not "Prompt Wrangler".
		expect(ti.yourTitles.neither.map((x) => x.title).sort()).toEqual(['AI Engineer', 'Chief Vibes Officer', 'Data Scientist']);
	});

	it('real pay with the built-in CPI given: every row has a real value; without it the view says no CPI year', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const cpi: CpiRow[] = [];
		for (const year of [2022, 2023, 2024])
			for (let month = 1; month <= 12; month++)
				cpi.push({ date: `${year}-${String(month).padStart(2, '0')}-01`, year, month, index: 290 + (year - 2022) * 10 + month / 12 });
		const real: Filters = { ...strict, real: true };
		const withCpi = yourDataset(cols, NAME, {}, { file: 'us-cpi', rows: cpi, issues: [], rowsRead: cpi.length, rejected: 0 });
		const a = yourSalaryPage(withCpi, cols, {}, { page: 'pay', filters: real, scale: 'linear', salary: null, band: null });
		if (a.page !== 'pay') throw new Error('pay expected');
		expect(a.model.pay.basis).toBe('real');
		expect(a.model.pay.rowsWithoutCpi).toBe(0);
		expect(a.model.counts.counted).toBe(48);
		const without = yourDataset(cols, NAME, {}, null);
		const b = yourSalaryPage(without, cols, {}, { page: 'pay', filters: real, scale: 'linear', salary: null, band: null });
		if (b.page !== 'pay') throw new Error('pay expected');
		expect(b.model.counts.counted).toBe(0);
		expect(b.model.pay.rowsWithoutCpi).toBe(48);
	});

	it('leaves the columns unchanged', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const before = Array.from(cols.salaryUsd);
		const data = yourDataset(cols, NAME, {}, null);
		yourSalaryPage(data, cols, {}, { page: 'pay', filters: DEFAULT_FILTERS, scale: 'linear', salary: null, band: null });
		expect(Array.from(cols.salaryUsd)).toEqual(before);
	});
});

/** Family-mode families written by hand from title-families.md ("Uploaded titles"), for the two files below. */
const HAND_FAMILY: Record<string, 'AI' | 'ML' | null> = {
	'Senior AI Engineer': 'AI',
	'Sr. AI Engineer (Remote)': 'AI',
	'Lead AI Engineer - Copilot': 'AI',
	'AI Engineer': 'AI',
	'AI Engineer II': 'AI',
	'Machine Learning Engineer': 'ML',
	'Senior ML Engineer': 'ML',
	'Machine Learning Engineer, Ranking': 'ML',
	'ML Engineer': 'ML',
	'Staff Machine Learning Engineer | Ads': 'ML',
	'Data Scientist': null,
	'Machine Learning Scientist': null,
	'AI/ML Engineer': null,
	'Prompt Engineer': 'AI', // in the families-v1 AI list
	'Data Engineer': null
};

/** A type-7 median of plain numbers (the test's own). */
function median7(values: number[]): number {
	const v = [...values].sort((a, b) => a - b);
	const h = (v.length - 1) / 2;
	return v[Math.floor(h)]! + (h - Math.floor(h)) * (v[Math.ceil(h)]! - v[Math.floor(h)]!);
}

describe('yourSalaryPage on files without optional columns', () => {
	const cases = [
		{
			file: 'salaries-minimal.csv',
			title: 'title',
			pay: (r: Record<string, string>) => Number(r.salary),
			absent: ['companySize', 'region', 'experienceLevel', 'employmentType', 'remoteRatio']
		},
		{
			file: 'generic-salaries.csv',
			title: 'Position',
			// `$120,000`, `120k`, `$120–150k` (the midpoint), `USD 101,500.50`: read by hand here.
			pay: (r: Record<string, string>) => {
				const raw = r['Annual Pay (USD)']!.replace(/USD|\$|,/g, '').trim();
				const range = raw.split('–').map((x) => Number(x.replace(/k$/, '')) * (raw.endsWith('k') ? 1000 : 1));
				return range.length === 2 ? (range[0]! + range[1]!) / 2 : range[0]!;
			},
			absent: ['employmentType']
		}
	];
	for (const c of cases) {
		it(`${c.file}: every page computes, absent segments and filters listed, n and medians from the rows`, async () => {
			expect.hasAssertions();
			const { done } = await load(c.file);
			const cols = done.columns as SalaryColumns;
			const data = yourDataset(cols, c.file, {}, null);
			const raw = Papa.parse<Record<string, string>>(new TextDecoder().decode(fixtureBytes(c.file)), {
				header: true,
				skipEmptyLines: true
			}).data;
			const values = (fam: 'AI' | 'ML') => raw.filter((r) => HAND_FAMILY[r[c.title]!] === fam).map(c.pay);
			const pay = yourSalaryPage(data, cols, {}, { page: 'pay', filters: DEFAULT_FILTERS, scale: 'linear', salary: null, band: null });
			if (pay.page !== 'pay') throw new Error('pay expected');
			expect(pay.model.absentSegments.map((a) => a.dim)).toEqual(c.absent);
			expect(pay.model.segments.map((s) => s.dim).filter((d) => c.absent.includes(d))).toEqual([]);
			expect(pay.facets.absent.map((a) => a.dimension)).toEqual(
				expect.arrayContaining(c.absent.filter((d) => d !== 'region').concat(c.absent.includes('region') ? ['region', 'country'] : []))
			);
			const overview = yourSalaryPage(data, cols, {}, { page: 'overview', filters: DEFAULT_FILTERS, claimYear: null });
			if (overview.page !== 'overview') throw new Error('overview expected');
			const dims = c.absent.flatMap((d) => (d === 'region' ? ['region', 'country'] : [d]));
			expect(overview.model.absentDimensions.map((x) => x.dim).sort()).toEqual(dims.sort());
			for (const fam of ['AI', 'ML'] as const) {
				const v = values(fam);
				expect(overview.model.families[fam].n).toBe(v.length);
				expect(pay.model.counts.counted).toBe(values('AI').length + values('ML').length);
				const m = overview.model.families[fam].median;
				if (v.length >= 5) expect(m?.median).toBeCloseTo(median7(v), 6);
				else expect(m).toBeNull();
			}
			const trends = yourSalaryPage(data, cols, {}, { page: 'trends', filters: DEFAULT_FILTERS, gfrom: null, gto: null });
			expect(trends.page).toBe('trends');
			const titles = yourSalaryPage(data, cols, {}, { page: 'titles', filters: DEFAULT_FILTERS });
			if (titles.page !== 'titles') throw new Error('titles expected');
			expect(titles.yourTitles.neither.map((t) => t.title).sort()).toEqual(
				[...new Set(raw.map((r) => r[c.title]!))].filter((t) => HAND_FAMILY[t] === null).sort()
			);
		});
	}
});

describe('downloadsOf', () => {
	it('offers no download on /titles and /demand (their own tables have theirs)', () => {
		expect(downloadsOf({ page: 'titles', filters: DEFAULT_FILTERS }, null)).toEqual([]);
		expect(downloadsOf({ page: 'demand', filters: DEFAULT_FILTERS }, null)).toEqual([]);
	});
});

describe('datasetKey', () => {
	it('differs by file, CPI and overrides, not by the overrides’ order', () => {
		const a = datasetKey('t1', { x: 'AI', y: 'ML' }, false);
		expect(datasetKey('t1', { y: 'ML', x: 'AI' }, false)).toBe(a);
		expect(datasetKey('t2', { x: 'AI', y: 'ML' }, false)).not.toBe(a);
		expect(datasetKey('t1', { x: 'AI', y: 'ML' }, true)).not.toBe(a);
		expect(datasetKey('t1', { x: 'ML', y: 'ML' }, false)).not.toBe(a);
	});
});

describe('yourSummaryMeta', () => {
	it('names the file as the source and holds no row of it', async () => {
		const cols = await columns();
		const data = yourDataset(cols, NAME, {}, null);
		const m = yourSalaryPage(data, cols, {}, { page: 'overview', filters: DEFAULT_FILTERS, claimYear: null });
		const d = m.page === 'overview' ? m.downloads.none! : null;
		const meta = yourSummaryMeta(d!, DEFAULT_FILTERS, NAME, 'x.csv', '2026-01-01T00:00:00.000Z');
		expect(meta.source).toBe(`your file ${NAME}`);
		expect(meta.query).toBe('by=none');
		const body = JSON.stringify(meta);
		for (const t of ['Prompt Wrangler', 'Chief Vibes Officer', '120000']) expect(body).not.toContain(t);
	});
});

describe('yourDemandPage', () => {
	it('runs the postings view in the query’s title mode', async () => {
		const { done } = await load('data-jobs-postings.csv');
		const q: YourPageQuery = { page: 'demand', filters: DEFAULT_FILTERS };
		const m = yourDemandPage(done.columns as PostingsColumns, {}, q.filters);
		if (m.page !== 'demand') throw new Error('demand expected');
		// Family mode normalises free-text titles: 8 AI / 8 ML (fixture README: lines 11 and 17 match once normalised).
		expect(m.postings.summary.familyPostings).toEqual({ AI: 8, ML: 8 });
		const s = yourDemandPage(done.columns as PostingsColumns, {}, { ...DEFAULT_FILTERS, titles: 'strict' });
		if (s.page !== 'demand') throw new Error('demand expected');
		// Exact titles, counted in the fixture with papaparse (not the app's parser).
		const recs = Papa.parse<Record<string, string>>(new TextDecoder().decode(fixtureBytes('data-jobs-postings.csv')), {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(s.postings.summary.familyPostings).toEqual({
			AI: recs.filter((r) => r.job_title === 'AI Engineer').length,
			ML: recs.filter((r) => r.job_title === 'Machine Learning Engineer').length
		});
	});
});

describe('as-of date', () => {
	it.each([
		['2025-01-19', true],
		['2024-02-29', true],
		['2025-02-29', false],
		['2025-13-01', false],
		['2025-1-19', false],
		['19/01/2025', false],
		['', false]
	])('isIsoDate(%s) → %s', (v, want) => {
		expect(isIsoDate(v)).toBe(want);
	});

	it('makes its year partial on the trends download, as the server marks the snapshot year', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const q = { page: 'trends' as const, filters: DEFAULT_FILTERS, gfrom: null, gto: null };
		const partialOf = (asOf: string | null) => {
			const m = yourSalaryPage(yourDataset(cols, NAME, {}, null, asOf), cols, {}, q);
			if (m.page !== 'trends') throw new Error('trends expected');
			const t = m.downloads.work_year!.table;
			const i = t.columns.indexOf('partial_year');
			return t.rows.map((r) => `${r[0]}:${r[i]}`);
		};
		expect(partialOf(null)).toEqual(['2023:false', '2023:false', '2024:false', '2024:false']);
		expect(partialOf('2024-06-30')).toEqual(['2023:false', '2023:false', '2024:true', '2024:true']);
		// And the same table as the server's Dataset dated the same day.
		const m = yourSalaryPage(yourDataset(cols, NAME, {}, null, '2024-06-30'), cols, {}, q);
		const t = summaryView(serverData('2024-06-30'), { by: 'work_year', filters: DEFAULT_FILTERS });
		expect(m.page === 'trends' && toCsv(m.downloads.work_year!.table.columns, m.downloads.work_year!.table.rows)).toBe(
			toCsv(t.columns, t.rows)
		);
		expect(datasetKey('t', {}, false, '2024-06-30')).not.toBe(datasetKey('t', {}, false, null));
	});
});

describe('/titles on a file lists exactly the titles its families count', () => {
	it('mapped older export: each family total on /titles is the Overview n, in both modes, with the user choices too', async () => {
		expect.hasAssertions();
		const { guessMapping } = await import('$lib/data/upload/fields');
		const { done } = await load('aijobs-older-export.csv', {
			job: (s) => ({ mapping: { ...guessMapping(s.header, 'salaries'), layout: 'generic' } })
		});
		const cols = done.columns as SalaryColumns;
		const choices: TitleOverrides[] = [{}, { 'Data Scientist': 'AI', 'Machine Learning Engineer': null }];
		for (const overrides of choices)
			for (const titles of ['family', 'strict'] as const) {
				const data = yourDataset(cols, 'older.csv', overrides, null);
				const filters = { ...DEFAULT_FILTERS, titles };
				const o = yourSalaryPage(data, cols, overrides, { page: 'overview', filters, claimYear: null });
				const t = yourSalaryPage(data, cols, overrides, { page: 'titles', filters });
				if (o.page !== 'overview' || t.page !== 'titles') throw new Error('wrong page');
				for (const fam of ['AI', 'ML'] as const) {
					const lines = t.model.titles.filter((l) => (titles === 'strict' ? l.strictMode : l.familyMode) === fam);
					expect(
						lines.reduce((a, l) => a + l.n, 0),
						`${fam} ${titles} ${JSON.stringify(overrides)}`
					).toBe(o.model.families[fam].n);
				}
			}
		const t = yourSalaryPage(yourDataset(cols, 'older.csv', {}, null), cols, {}, { page: 'titles', filters: DEFAULT_FILTERS });
		if (t.page !== 'titles') throw new Error('wrong page');
		// The normalised titles are lines of their own, with the form they matched in.
		expect(t.model.titles.find((l) => l.title === 'ML Engineer')).toMatchObject({
			n: 8,
			familyMode: 'ML',
			strictMode: null,
			how: 'normalised',
			form: 'machine learning engineer'
		});
		expect(t.model.titles.find((l) => l.title === 'Applied ML Engineer')).toMatchObject({ n: 2, familyMode: 'ML', how: 'normalised' });
		// Titles in neither family that no list names are not lines (they are in "Titles in your file in neither family").
		expect(t.model.titles.some((l) => l.title === 'Data Scientist' || l.title === 'AI/ML Engineer')).toBe(false);
	});
});
