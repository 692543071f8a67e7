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
import { runPage } from '$lib/pages/registry';
import { yoursSource } from '$lib/pages/testing/yours';
import { payView } from './pay';
import { summaryView } from './summary-table';
import { datasetKey, downloadsOf, yourSummaryMeta } from './your-pages';

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
/** A page URL's query. */
const q = (s: string) => new URLSearchParams(s);
/** The user's salaries file kept in the browser, as the worker hands it to the registry. */
const salariesSource = (columns: SalaryColumns, opts: Omit<Parameters<typeof yoursSource>[0], 'salaries'> = {}, name = NAME) =>
	yoursSource({ salaries: { name, columns }, ...opts });

describe('runPage on a salaries file (source=yours)', () => {
	it('gives each page the model the server view gives on the same rows, and every download the server CSV', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const src = salariesSource(cols);
		const data = src.files.salaries!.data;
		const server = serverData(data.dataVersion);
		const pay = runPage('pay', q('titles=strict&scale=log&salary=150000&source=yours'), src);
		expect(pay.page).toBe('pay');
		expect(pay.model).toEqual({
			...payView(server, { filters: strict, scale: 'log', salary: 150_000, band: null }),
			dataVersion: data.dataVersion,
			salaryText: '150000',
			salaryError: null,
			salaryNote: null,
			pageErrors: []
		});
		const downloads = pay.yours!.downloads;
		expect(Object.keys(downloads).sort()).toEqual(['employment_type', 'experience_level', 'none', 'region', 'remote_ratio']);
		for (const [by, d] of Object.entries(downloads)) {
			const t = summaryView(server, { by: by as never, filters: strict });
			expect(toCsv(d!.table.columns, d!.table.rows)).toBe(toCsv(t.columns, t.rows));
			expect(d!.canonical).toBe(`by=${by}&titles=strict`);
		}
	});

	it('counts the file: n per family, its years and countries, facets from its rows', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const m = runPage('overview', q('titles=strict'), salariesSource(cols));
		const r = rows();
		expect(m.model.families.AI.n).toBe(r.filter((x) => x.job_title === 'AI Engineer').length);
		expect(m.model.families.ML.n).toBe(r.filter((x) => x.job_title === 'Machine Learning Engineer').length);
		expect(m.frame!.years).toEqual([...new Set(r.map((x) => Number(x.work_year)))].sort());
		expect(m.frame!.countries.map((c) => c.code).sort()).toEqual([...new Set(r.map((x) => x.company_location))].sort());
		const large = r.filter((x) => x.company_size === 'L' && (x.job_title === 'AI Engineer' || x.job_title === 'Machine Learning Engineer'));
		expect(m.frame!.facets.options.size.L).toBe(large.length);
		expect(m.yours!.rowsUsed).toBe(r.length);
		expect(m.yours!.skipped).toBe(0);
		expect(m.yours!.fileName).toBe(NAME);
		expect(Object.keys(m.yours!.downloads)).toEqual(['none']);
	});

	it('trends downloads by work year; titles lists the user choices and the titles in neither family', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const overrides = { 'Prompt Wrangler': 'AI' as const, 'AI Engineer': null };
		const src = salariesSource(cols, { overrides });
		const t = runPage('trends', q(''), src);
		expect(Object.keys(t.yours!.downloads)).toEqual(['work_year']);
		const ti = runPage('titles', q(''), src);
		expect(ti.model.yourTitles!.overrides).toEqual([
			{ title: 'AI Engineer', family: null, builtIn: 'AI', n: 24 },
			{ title: 'Prompt Wrangler', family: 'AI', builtIn: null, n: 2 }
		]);
		// Neither family after the choices: "AI Engineer" (sent to neither) and the two other titles; not "Prompt Wrangler".
		expect(ti.model.yourTitles!.neither.map((x) => x.title).sort()).toEqual(['AI Engineer', 'Chief Vibes Officer', 'Data Scientist']);
	});

	it('real pay with the built-in CPI given: every row has a real value; without it the view says no CPI year', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const cpi: CpiRow[] = [];
		for (const year of [2022, 2023, 2024])
			for (let month = 1; month <= 12; month++)
				cpi.push({ date: `${year}-${String(month).padStart(2, '0')}-01`, year, month, index: 290 + (year - 2022) * 10 + month / 12 });
		const real = q('titles=strict&real=1');
		const a = runPage('pay', real, salariesSource(cols, { cpi }));
		expect(a.model.pay.basis).toBe('real');
		expect(a.model.pay.rowsWithoutCpi).toBe(0);
		expect(a.model.counts.counted).toBe(48);
		const b = runPage('pay', real, salariesSource(cols));
		expect(b.model.counts.counted).toBe(0);
		expect(b.model.pay.rowsWithoutCpi).toBe(48);
	});

	it('leaves the columns unchanged', async () => {
		expect.hasAssertions();
		const cols = await columns();
		const before = Array.from(cols.salaryUsd);
		runPage('pay', q(''), salariesSource(cols));
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

describe('runPage on salaries files without optional columns', () => {
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
			const src = salariesSource(cols, {}, c.file);
			const raw = Papa.parse<Record<string, string>>(new TextDecoder().decode(fixtureBytes(c.file)), {
				header: true,
				skipEmptyLines: true
			}).data;
			const values = (fam: 'AI' | 'ML') => raw.filter((r) => HAND_FAMILY[r[c.title]!] === fam).map(c.pay);
			const pay = runPage('pay', q(''), src);
			expect(pay.model.absentSegments.map((a) => a.dim)).toEqual(c.absent);
			expect(pay.model.segments.map((s) => s.dim).filter((d) => c.absent.includes(d))).toEqual([]);
			expect(pay.frame!.facets.absent.map((a) => a.dimension)).toEqual(
				expect.arrayContaining(c.absent.filter((d) => d !== 'region').concat(c.absent.includes('region') ? ['region', 'country'] : []))
			);
			const overview = runPage('overview', q(''), src);
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
			const trends = runPage('trends', q(''), src);
			expect(trends.page).toBe('trends');
			const titles = runPage('titles', q(''), src);
			expect(titles.model.yourTitles!.neither.map((t) => t.title).sort()).toEqual(
				[...new Set(raw.map((r) => r[c.title]!))].filter((t) => HAND_FAMILY[t] === null).sort()
			);
		});
	}
});

describe('downloadsOf', () => {
	it('offers no download on /titles and /demand (their own tables have theirs)', () => {
		expect(downloadsOf('titles', null)).toEqual([]);
		expect(downloadsOf('demand', null)).toEqual([]);
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
		const d = runPage('overview', q(''), salariesSource(cols)).yours!.downloads.none!;
		const meta = yourSummaryMeta(d, DEFAULT_FILTERS, NAME, 'x.csv', '2026-01-01T00:00:00.000Z');
		expect(meta.source).toBe(`your file ${NAME}`);
		expect(meta.query).toBe('by=none');
		const body = JSON.stringify(meta);
		for (const t of ['Prompt Wrangler', 'Chief Vibes Officer', '120000']) expect(body).not.toContain(t);
	});
});

describe('runPage on a postings file (/demand, source=yours)', () => {
	it('runs the postings view in the URL’s title mode', async () => {
		const { done } = await load('data-jobs-postings.csv');
		const src = yoursSource({ postings: { name: 'data-jobs-postings.csv', columns: done.columns as PostingsColumns } });
		const m = runPage('demand', q('source=yours'), src).model;
		if (m.kind !== 'postings') throw new Error('postings expected');
		// Family mode normalises free-text titles: 8 AI / 8 ML (fixture README: lines 11 and 17 match once normalised).
		expect(m.postings.summary.familyPostings).toEqual({ AI: 8, ML: 8 });
		const s = runPage('demand', q('titles=strict&source=yours'), src).model;
		if (s.kind !== 'postings') throw new Error('postings expected');
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
		const partialOf = (asOf: string | null) => {
			const t = runPage('trends', q(''), salariesSource(cols, { asOf })).yours!.downloads.work_year!.table;
			const i = t.columns.indexOf('partial_year');
			return t.rows.map((r) => `${r[0]}:${r[i]}`);
		};
		expect(partialOf(null)).toEqual(['2023:false', '2023:false', '2024:false', '2024:false']);
		expect(partialOf('2024-06-30')).toEqual(['2023:false', '2023:false', '2024:true', '2024:true']);
		// And the same table as the server's Dataset dated the same day.
		const mine = runPage('trends', q(''), salariesSource(cols, { asOf: '2024-06-30' })).yours!.downloads.work_year!.table;
		const t = summaryView(serverData('2024-06-30'), { by: 'work_year', filters: DEFAULT_FILTERS });
		expect(toCsv(mine.columns, mine.rows)).toBe(toCsv(t.columns, t.rows));
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
				const src = salariesSource(cols, { overrides }, 'older.csv');
				const o = runPage('overview', q(`titles=${titles}`), src);
				const t = runPage('titles', q(`titles=${titles}`), src);
				for (const fam of ['AI', 'ML'] as const) {
					const lines = t.model.titles.filter((l) => (titles === 'strict' ? l.strictMode : l.familyMode) === fam);
					expect(
						lines.reduce((a, l) => a + l.n, 0),
						`${fam} ${titles} ${JSON.stringify(overrides)}`
					).toBe(o.model.families[fam].n);
				}
			}
		const t = runPage('titles', q(''), salariesSource(cols, {}, 'older.csv'));
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
