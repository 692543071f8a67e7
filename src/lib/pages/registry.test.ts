/**
 * The page registry on its own: the canonical key of a page URL, the problems found before any
 * model is made (a bad source, real pay without a CPI, no kept file), and what `runPage` puts
 * around each page's model on either source (the filter panel, the page's own parameters and
 * their messages, the user's file). Expected models come from the view functions called directly
 * with the query written out by hand; counts come from the fixture's rows.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { parseSalaries } from '$lib/data/salaries';
import type { CpiRow, ShareRow } from '$lib/data/types';
import type { PostingsColumns, SalaryColumns } from '$lib/data/upload/columns';
import { fixtureBytes, load } from '$lib/data/upload/testing/load';
import { buildDataset, type Dataset, type SourceState, type SourceStatus } from '$lib/transform/dataset';
import { DEFAULT_FILTERS, type Filters } from '$lib/transform/filters';
import { parseSource } from '$lib/query/source';
import { parseSalaryInput } from '$lib/query/salary-input';
import { facetsView } from '$lib/views/facets';
import { overviewView } from '$lib/views/overview';
import { payView } from '$lib/views/pay';
import { trendsView } from '$lib/views/trends';
import { titlesView } from '$lib/views/titles';
import { demandView } from '$lib/views/demand';
import { yourPostingsView } from '$lib/views/your-data';
import { yourDownload, yourTitles } from '$lib/views/your-pages';
import { inMoney, moneyBasis, moneyTables } from '$lib/transform/money';
import { cpiFile, PAGE_IDS, PAGE_PATH, pageKey, pageProblem, runPage, type DatasetSource } from './registry';
import { yoursSource } from './testing/yours';

beforeEach(() => {
	expect.hasAssertions();
});

const q = (s: string) => new URLSearchParams(s);
const SALARY_PAGES = ['overview', 'pay', 'trends', 'titles'] as const;

const NAME = 'pages-salaries.csv';
const text = () => new TextDecoder().decode(fixtureBytes(NAME));
/** The fixture's rows by a plain split (no quoted cells), for independent expectations. */
function rows() {
	const [head, ...lines] = text().trim().split('\n');
	const cols = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

const file = <T>(name: string, rs: readonly T[]) => ({ file: name, rows: rs, issues: [], rowsRead: rs.length, rejected: 0 });
const cpiRows: CpiRow[] = [2022, 2023, 2024].flatMap((year) =>
	Array.from({ length: 12 }, (_, i) => ({
		date: `${year}-${String(i + 1).padStart(2, '0')}-01`,
		year,
		month: i + 1,
		index: 280 + (year - 2022) * 10
	}))
);
const share = (country: string, date: string, sharePct: number): ShareRow => ({ date, country, sharePct });
const status = (id: string, f: string, state: SourceState): SourceStatus => ({
	id,
	file: f,
	state,
	message: state === 'ok' ? null : `The data file ${f} is ${state}.`
});

/**
 * A built-in Dataset as the server builds one: the fixture's rows plus a copy of its 2023 rows
 * moved to 2022 (10,000 lower), so there are three work years; CPI for 2022–2024 in the state
 * given; Indeed shares for DE, GB and US.
 */
function builtin(cpiState: SourceState = 'ok'): Dataset {
	const parsed = parseSalaries(text());
	const earlier = parsed.rows
		.filter((r) => r.workYear === 2023)
		.map((r, i) => ({ ...r, line: 1000 + i, workYear: 2022, salary: r.salary - 10_000, salaryUsd: r.salaryUsd - 10_000 }));
	return buildDataset({
		dataVersion: '2025-01-19',
		salaries: file(NAME, [...parsed.rows, ...earlier]),
		cpi: cpiState === 'ok' ? file('cpi.csv', cpiRows) : null,
		aiShare: file('ai.csv', [
			share('US', '2024-01-01', 2),
			share('US', '2024-02-01', 3),
			share('GB', '2024-01-01', 1),
			share('DE', '2024-01-01', 4)
		]),
		genaiShare: file('genai.csv', [share('US', '2024-01-01', 1)]),
		sectors: [],
		sources: [
			status('aijobs-salaries', NAME, 'ok'),
			status('us-cpi', 'cpi.csv', cpiState),
			status('indeed-ai-share', 'ai.csv', 'ok'),
			status('indeed-genai-share', 'genai.csv', 'ok')
		]
	});
}
const DATA = builtin();
const BUILTIN: DatasetSource = { kind: 'builtin', data: DATA };
const NO_CPI: DatasetSource = { kind: 'builtin', data: builtin('missing') };

const salaryColumns = async () => (await load(NAME)).done.columns as SalaryColumns;
const postingsColumns = async () => (await load('data-jobs-postings.csv')).done.columns as PostingsColumns;

describe('the pages', () => {
	it('lists the five filtered pages and their paths', () => {
		expect(PAGE_IDS).toEqual(['overview', 'pay', 'trends', 'demand', 'titles']);
		expect(PAGE_PATH).toEqual({ overview: '/', pay: '/pay', trends: '/trends', demand: '/demand', titles: '/titles' });
	});
});

describe('pageKey', () => {
	it('writes the filters back in their fixed order, then the page’s own parameters in its order', () => {
		expect(pageKey('pay', q('size=l,s&scale=log'))).toBe('pay?size=S,L&scale=log');
		expect(pageKey('pay', q('salary=120k&scale=log&exp=SE,MI&titles=STRICT'))).toBe('pay?exp=MI,SE&titles=strict&scale=log&salary=120k');
		expect(pageKey('pay', q('titles=strict&exp=MI,SE&scale=log&salary=120k'))).toBe('pay?exp=MI,SE&titles=strict&scale=log&salary=120k');
		expect(pageKey('trends', q('gto=2024&real=true&gfrom=2022&dedupe=1'))).toBe('trends?dedupe=1&real=1&gfrom=2022&gto=2024');
	});

	it('is the bare page at the defaults: defaults, empty values and values that do not parse are left out', () => {
		for (const page of PAGE_IDS) expect(pageKey(page, q(''))).toBe(page);
		expect(pageKey('titles', q('titles=family&dedupe=0&real=false&size='))).toBe('titles');
		expect(pageKey('pay', q('scale=&salary='))).toBe('pay');
		expect(pageKey('overview', q('size=XL&from=soon'))).toBe('overview');
	});

	it('keeps only the parameters the page reads', () => {
		const all = q('cyear=2023&scale=log&salary=90000&gfrom=2022&gto=2024&market=GB&size=M');
		expect(pageKey('overview', all)).toBe('overview?size=M&cyear=2023');
		expect(pageKey('pay', all)).toBe('pay?size=M&scale=log&salary=90000');
		expect(pageKey('trends', all)).toBe('trends?size=M&gfrom=2022&gto=2024');
		expect(pageKey('demand', all)).toBe('demand?size=M&market=GB');
		expect(pageKey('titles', all)).toBe('titles?size=M');
	});

	it('keeps the page’s parameters as given (the model reports a bad one), written URL-safe', () => {
		expect(pageKey('pay', q('scale=cubic'))).toBe('pay?scale=cubic');
		expect(pageKey('pay', q('salary=150k–200k'))).toBe('pay?salary=150k%E2%80%93200k');
		expect(pageKey('overview', q('cyear=all'))).toBe('overview?cyear=all');
	});

	it('names the user’s data last; the built-in data is the default and is not named', () => {
		expect(pageKey('pay', q('source=yours&scale=log'))).toBe('pay?scale=log&source=yours');
		expect(pageKey('demand', q('source=YOURS'))).toBe('demand?source=yours');
		expect(pageKey('pay', q('source=builtin&scale=log'))).toBe('pay?scale=log');
		expect(pageKey('overview', q('source=theirs'))).toBe('overview');
	});
});

describe('pageProblem', () => {
	const empty = yoursSource({});

	it('answers 400 to a source other than builtin or yours, with the message state/source gives, before anything else', () => {
		for (const [query, message] of [
			['source=theirs', 'source: "theirs" is not allowed; use builtin or yours'],
			['source=yours&source=yours', 'source: give it once, builtin or yours'],
			['source=theirs&real=1', 'source: "theirs" is not allowed; use builtin or yours']
		] as const) {
			expect(message).toBe(parseSource(q(query)).error!.message);
			for (const page of PAGE_IDS)
				for (const src of [BUILTIN, NO_CPI, empty])
					expect(pageProblem(page, PAGE_PATH[page], q(query), src)).toEqual({ code: 'bad-source', status: 400, message });
		}
	});

	it('sends real pay without a CPI to the nominal URL, the other parameters kept in their order', () => {
		expect(pageProblem('pay', '/pay', q('size=S&real=1&scale=log&salary=120k'), NO_CPI)).toEqual({
			code: 'redirect',
			status: 307,
			location: '/pay?size=S&scale=log&salary=120k'
		});
		for (const page of SALARY_PAGES) {
			expect(pageProblem(page, PAGE_PATH[page], q('real=true'), NO_CPI)).toEqual({
				code: 'redirect',
				status: 307,
				location: PAGE_PATH[page]
			});
			expect(pageProblem(page, PAGE_PATH[page], q('titles=strict&real=1'), NO_CPI)).toEqual({
				code: 'redirect',
				status: 307,
				location: `${PAGE_PATH[page]}?titles=strict`
			});
		}
		// An altered CPI file is refused as a missing one is.
		expect(pageProblem('trends', '/trends', q('real=1&gfrom=2022'), { kind: 'builtin', data: builtin('altered') })).toEqual({
			code: 'redirect',
			status: 307,
			location: '/trends?gfrom=2022'
		});
	});

	it('has no problem with real pay when the CPI is there, nor with nominal pay or a real= that does not parse, nor on /demand', () => {
		for (const page of SALARY_PAGES) expect(pageProblem(page, PAGE_PATH[page], q('real=1'), BUILTIN)).toBeNull();
		for (const query of ['', 'real=0', 'real=false', 'real=yes', 'size=S'])
			for (const page of PAGE_IDS) expect(pageProblem(page, PAGE_PATH[page], q(query), NO_CPI)).toBeNull();
		expect(pageProblem('demand', '/demand', q('real=1'), NO_CPI)).toBeNull();
	});

	it('says which kept file a page on source=yours lacks: postings for /demand, salaries for the others', async () => {
		const salaries = { name: NAME, columns: await salaryColumns() };
		const postings = { name: 'data-jobs-postings.csv', columns: await postingsColumns() };
		const noSalaries = { code: 'no-file', kind: 'salaries', message: 'No salaries file is kept in this browser.' };
		const noPostings = { code: 'no-file', kind: 'postings', message: 'No postings file is kept in this browser.' };
		const yours = q('source=yours');
		for (const page of SALARY_PAGES) {
			expect(pageProblem(page, PAGE_PATH[page], yours, empty)).toEqual(noSalaries);
			expect(pageProblem(page, PAGE_PATH[page], yours, yoursSource({ postings }))).toEqual(noSalaries);
			expect(pageProblem(page, PAGE_PATH[page], yours, yoursSource({ salaries }))).toBeNull();
		}
		expect(pageProblem('demand', '/demand', yours, empty)).toEqual(noPostings);
		expect(pageProblem('demand', '/demand', yours, yoursSource({ salaries }))).toEqual(noPostings);
		expect(pageProblem('demand', '/demand', yours, yoursSource({ postings }))).toBeNull();
	});

	it('treats the user’s Dataset as the built-in one for real pay: a refused CPI redirects, a file without CPI rows does not', async () => {
		const src = yoursSource({ salaries: { name: NAME, columns: await salaryColumns() } });
		// A user's Dataset names no pinned source, so no CPI is "refused": the page runs and says no row has a CPI year.
		expect(pageProblem('pay', '/pay', q('real=1&source=yours'), src)).toBeNull();
		const refused: DatasetSource = {
			kind: 'yours',
			files: {
				...src.files,
				salaries: { ...src.files.salaries!, data: { ...src.files.salaries!.data, sources: [status('us-cpi', 'cpi.csv', 'missing')] } }
			}
		};
		expect(pageProblem('pay', '/pay', q('real=1&source=yours'), refused)).toEqual({
			code: 'redirect',
			status: 307,
			location: '/pay?source=yours'
		});
	});
});

describe('runPage on the built-in data', () => {
	const r = rows();
	const filtersOf = (f: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...f });
	/** A fixture row's reports in the Dataset: its 2023 rows are there twice (once moved to 2022). */
	const weight = (x: Record<string, string>) => (x.work_year === '2023' ? 2 : 1);

	it('puts the filter panel around every page: the Dataset’s date, facet counts, its countries and years', () => {
		const strict = filtersOf({ titles: 'strict' });
		const byCountry = new Map<string, number>();
		for (const x of r) byCountry.set(x.company_location!, (byCountry.get(x.company_location!) ?? 0) + weight(x));
		for (const page of PAGE_IDS) {
			const res = runPage(page, q('titles=strict&size=L'), BUILTIN);
			expect(res.page).toBe(page);
			expect(res.source).toBe('builtin');
			expect(res.key).toBe(`${page}?size=L&titles=strict`);
			expect(res.yours).toBeNull();
			expect(res.frame!.dataVersion).toBe('2025-01-19');
			expect(res.frame!.years).toEqual([2022, 2023, 2024]);
			expect(res.frame!.countries.map((c) => [c.code, c.n]).sort(([a], [b]) => String(a).localeCompare(String(b)))).toEqual(
				[...byCountry].sort(([a], [b]) => a.localeCompare(b))
			);
			expect(res.frame!.facets).toEqual(facetsView(DATA, { ...strict, size: ['L'] }));
		}
		// Reports of either family at large companies, each 2023 row counted twice.
		const large = r
			.filter((x) => x.company_size === 'L' && (x.job_title === 'AI Engineer' || x.job_title === 'Machine Learning Engineer'))
			.reduce((n, x) => n + weight(x), 0);
		expect(large).toBeGreaterThan(0);
		expect(runPage('pay', q('titles=strict'), BUILTIN).frame!.facets.options.size.L).toBe(large);
	});

	it('overview: cyear= a four-digit year or all, anything else the default year', () => {
		const at = (claimYear: number | 'all' | null) => overviewView(DATA, { filters: DEFAULT_FILTERS, claimYear });
		// The three choices give three different claim checks, so each case below tells them apart.
		expect(at(2023).claim.years).toEqual({ from: 2023, to: 2023 });
		expect(at(null).claim.years).toEqual({ from: 2024, to: 2024 });
		expect(at('all').claim.years).toBeNull();
		for (const [cyear, want] of [
			['2023', 2023],
			['all', 'all'],
			['', null],
			// Number() reads the next three as 2023: only the whole-value pattern keeps them out.
			['02023', null],
			['2023.0', null],
			['2023%20', null],
			['x2023', null],
			['2023x', null],
			['ALL', null]
		] as const)
			expect(runPage('overview', q(`cyear=${cyear}`), BUILTIN).model, cyear).toEqual(at(want));
		expect(runPage('overview', q(''), BUILTIN).model).toEqual(at(null));
	});

	it('pay: the scale, a salary or a band, the salary as typed and its message, the page’s URL errors', () => {
		const base = (f: Partial<Filters>, scale: 'linear' | 'log', salary: number | null, band: { low: number; high: number } | null) =>
			payView(DATA, { filters: filtersOf(f), scale, salary, band });
		expect(runPage('pay', q('scale=log&salary=$120,000&size=S'), BUILTIN).model).toEqual({
			...base({ size: ['S'] }, 'log', 120_000, null),
			dataVersion: '2025-01-19',
			salaryText: '$120,000',
			salaryError: null,
			salaryNote: null,
			pageErrors: []
		});
		expect(runPage('pay', q('salary=150k–200k'), BUILTIN).model).toEqual({
			...base({}, 'linear', null, { low: 150_000, high: 200_000 }),
			dataVersion: '2025-01-19',
			salaryText: '150k–200k',
			salaryError: null,
			salaryNote: null,
			pageErrors: []
		});
		const bad = runPage('pay', q('scale=cubic&salary=abc'), BUILTIN).model;
		const input = parseSalaryInput('abc');
		expect(input.ok).toBe(false);
		expect(bad).toEqual({
			...base({}, 'linear', null, null),
			dataVersion: '2025-01-19',
			salaryText: 'abc',
			salaryError: input.ok ? null : input.message,
			salaryNote: null,
			pageErrors: [{ param: 'scale', message: 'scale: "cubic" is not allowed; use linear or log' }]
		});
		expect(bad.salaryError).toMatch(/\S/);
	});

	it('pay: a salary typed in another currency, in dollars at the data’s own rate of its latest full year, said in words', () => {
		// Reports paid in euros: 0.92 € per $ in 2023, 0.90 in 2024, 0.95 in the partial 2025.
		const paid = parseSalaries(text()).rows[0]!;
		const eur = (line: number, workYear: number, perUsd: number) => ({
			...paid,
			line,
			workYear,
			salaryCurrency: 'EUR',
			salaryUsd: 100_000,
			salary: 100_000 * perUsd
		});
		const withEuros = (extra: ReturnType<typeof eur>[]) =>
			buildDataset({
				dataVersion: '2025-01-19',
				salaries: file(NAME, [...parseSalaries(text()).rows, ...extra]),
				cpi: file('cpi.csv', cpiRows),
				aiShare: null,
				genaiShare: null,
				sectors: [],
				sources: []
			});
		const data = withEuros([eur(900, 2023, 0.92), eur(901, 2024, 0.9), eur(902, 2024, 0.9), eur(903, 2025, 0.95)]);
		const src: DatasetSource = { kind: 'builtin', data };
		const page = (salary: string) => runPage('pay', q(`salary=${encodeURIComponent(salary)}`), src).model;
		const base = (salary: number | null, band: { low: number; high: number } | null) =>
			payView(data, { filters: DEFAULT_FILTERS, scale: 'linear', salary, band });

		expect(page('€90k')).toEqual({
			...base(100_000, null),
			dataVersion: '2025-01-19',
			salaryText: '€90k',
			salaryError: null,
			salaryNote: "€90,000 ≈ $100,000 at 2024's rate (0.9 EUR per US dollar, the rate this data's 2024 reports in EUR were converted at).",
			pageErrors: []
		});
		const band = page('80.000–99.000 €');
		expect(band.band).toEqual(base(null, { low: 88_888.89, high: 110_000 }).band);
		expect(band.salaryNote).toBe(
			"€80,000–€99,000 ≈ $88,889–$110,000 at 2024's rate (0.9 EUR per US dollar, the rate this data's 2024 reports in EUR were converted at)."
		);
		// No report in Swiss francs: no rate, an error naming the currency, no answer.
		const chf = page('CHF 120k');
		expect([chf.salary, chf.band, chf.salaryNote]).toEqual([null, null, null]);
		expect(chf.salaryError).toBe(
			'This data has no exchange rate for CHF; enter the amount in US dollars or in a currency it has (e.g. EUR, GBP, INR).'
		);
		// Converted first, then held to the dollar bounds.
		expect(page('€500')).toMatchObject({ salary: null, salaryNote: null, salaryError: expect.stringContaining('too small') });
		// Only the partial year has a rate: it is used, and named.
		const only2025 = withEuros([eur(904, 2025, 0.95)]);
		expect(runPage('pay', q('salary=€95k'), { kind: 'builtin', data: only2025 }).model.salaryNote).toBe(
			"€95,000 ≈ $100,000 at 2025's rate (0.95 EUR per US dollar, the rate this data's 2025 reports in EUR were converted at)."
		);
		// Dollars are as before, with no note.
		expect(page('$120,000').salaryNote).toBeNull();
	});

	it('trends: the growth span asked for, or the URL errors and the default span', () => {
		const at = (gfrom: number | null, gto: number | null) => trendsView(DATA, { filters: DEFAULT_FILTERS, gfrom, gto });
		expect(at(2023, 2024)).not.toEqual(at(null, null));
		expect(runPage('trends', q('gfrom=2023&gto=2024'), BUILTIN).model).toEqual({
			...at(2023, 2024),
			dataVersion: '2025-01-19',
			pageErrors: []
		});
		expect(runPage('trends', q('gfrom=20x&gto=2024y'), BUILTIN).model).toEqual({
			...at(null, null),
			dataVersion: '2025-01-19',
			pageErrors: [
				{ param: 'gfrom', message: 'gfrom: "20x" is not a year (YYYY)' },
				{ param: 'gto', message: 'gto: "2024y" is not a year (YYYY)' }
			]
		});
	});

	it('demand: the Indeed market asked for (one of the data’s), else the filters choose it', () => {
		const at = (market: string | null, f: Partial<Filters> = {}) => ({
			kind: 'indeed',
			...demandView(DATA, { filters: filtersOf(f), market })
		});
		expect(at('GB')).not.toEqual(at(null));
		expect(runPage('demand', q('market=gb'), BUILTIN).model).toEqual({ ...at('GB'), pageErrors: [] });
		expect(runPage('demand', q('market=&country=DE'), BUILTIN).model).toEqual({ ...at(null, { country: ['DE'] }), pageErrors: [] });
		expect(runPage('demand', q('market=JP'), BUILTIN).model).toEqual({
			...at(null),
			pageErrors: [{ param: 'market', message: 'market: "JP" is not allowed; use one of DE, GB, US' }]
		});
		expect(runPage('demand', q('market=gb'), BUILTIN).frame!.years).toEqual([2022, 2023, 2024]);
	});

	it('titles: the title lines in the URL’s mode, and no user decisions on the built-in data', () => {
		const strict = filtersOf({ titles: 'strict' });
		const m = runPage('titles', q('titles=strict'), BUILTIN).model;
		expect(m).toEqual({ ...titlesView(DATA, { filters: strict }), yourTitles: null });
		expect(m.mode).toBe('strict');
		expect(m.titles.find((l) => l.title === 'AI Engineer')?.n).toBe(
			r.filter((x) => x.job_title === 'AI Engineer').reduce((n, x) => n + weight(x), 0)
		);
	});
});

describe('runPage on the user’s files (source=yours)', () => {
	it('salary pages: the file’s name, its downloads as yourDownload builds them, rows used and skipped', async () => {
		const cols = await salaryColumns();
		const overrides = { 'Prompt Wrangler': 'ML' as const };
		const src = yoursSource({ salaries: { name: NAME, columns: cols }, overrides, asOf: '2024-06-30' });
		const data = src.files.salaries!.data;
		const strict = { ...DEFAULT_FILTERS, titles: 'strict' as const };
		const o = runPage('overview', q('titles=strict&source=yours'), src);
		expect(o.source).toBe('yours');
		expect(o.key).toBe('overview?titles=strict&source=yours');
		expect(o.yours).toEqual({
			fileName: NAME,
			downloads: { none: yourDownload(data, 'none', strict) },
			skipped: 0,
			rowsUsed: rows().length
		});
		expect(o.frame!.dataVersion).toBe('2024-06-30');
		expect(o.frame!.years).toEqual([2023, 2024]);
		expect(o.model).toEqual(overviewView(data, { filters: strict, claimYear: null }));
		const t = runPage('trends', q('source=yours'), src);
		expect(t.yours!.downloads).toEqual({ work_year: yourDownload(data, 'work_year', DEFAULT_FILTERS) });
		const ti = runPage('titles', q('titles=strict'), src);
		// The source is where the numbers came from, whether or not the URL named it.
		expect(ti.source).toBe('yours');
		expect(ti.yours!.downloads).toEqual({});
		expect(ti.model.yourTitles).toEqual(yourTitles(cols, overrides, 'strict'));
		expect(ti.model.yourTitles!.overrides).toEqual([{ title: 'Prompt Wrangler', family: 'ML', builtIn: null, n: 2 }]);
	});

	it('counts the rows the dashboard could not use (a country without a continent) and the rows it used', async () => {
		// The parser refuses Antarctica (AQ) rows; columns kept otherwise may still hold them: here every DE row becomes AQ.
		const cols = await salaryColumns();
		const country = cols.country!;
		const odd: SalaryColumns = { ...cols, country: { ...country, dict: country.dict.map((c) => (c === 'DE' ? 'AQ' : c)) } };
		const r = rows();
		const de = r.filter((x) => x.company_location === 'DE').length;
		expect(de).toBeGreaterThan(0);
		const res = runPage('pay', q(''), yoursSource({ salaries: { name: 'aq.csv', columns: odd } }));
		expect(res.yours!.skipped).toBe(de);
		expect(res.yours!.rowsUsed).toBe(r.length - de);
		expect(res.yours!.fileName).toBe('aq.csv');
		expect(res.frame!.countries.map((c) => c.code)).toEqual(['US']);
	});

	it('/demand on a postings file: the postings view with the user’s choices, in the URL’s mode, and no filter panel', async () => {
		const columns = await postingsColumns();
		const overrides = { 'Data Scientist': 'AI' as const };
		const src = yoursSource({ postings: { name: 'data-jobs-postings.csv', columns }, overrides });
		const res = runPage('demand', q('titles=strict&source=yours&market=US'), src);
		expect(res.page).toBe('demand');
		expect(res.source).toBe('yours');
		expect(res.key).toBe('demand?titles=strict&market=US&source=yours');
		expect(res.frame).toBeNull();
		expect(res.yours).toEqual({ fileName: 'data-jobs-postings.csv', downloads: {}, skipped: 0, rowsUsed: 17 });
		const want = yourPostingsView(columns, { mode: 'strict', overrides });
		// The user's choice counts: one more AI posting than without it.
		expect(want.summary.familyPostings.AI).toBe(yourPostingsView(columns, { mode: 'strict', overrides: {} }).summary.familyPostings.AI + 1);
		expect(res.model).toEqual({ kind: 'postings', postings: want, mode: 'strict' });
		const family = runPage('demand', q('source=yours'), src).model;
		expect(family).toEqual({ kind: 'postings', postings: yourPostingsView(columns, { mode: 'family', overrides }), mode: 'family' });
	});
});

describe('cpiFile', () => {
	it('wraps the built-in CPI rows as the parsed file a user’s Dataset takes', () => {
		const rs = cpiRows.slice(0, 2);
		expect(cpiFile(rs)).toEqual({ file: 'us-cpi/cpiai.csv', rows: rs, issues: [], rowsRead: 2, rejected: 0 });
	});
});

describe('runPage in other money (currency=)', () => {
	const r = rows();
	const weight = (x: Record<string, string>) => (x.work_year === '2023' ? 2 : 1);
	const strictTitle = (x: Record<string, string>) => x.job_title === 'AI Engineer' || x.job_title === 'Machine Learning Engineer';
	// Fed rates (units per US dollar) and PPP factors; every fixture report is paid in dollars.
	const fx = [
		{ currency: 'EUR', year: 2022, perUsd: 0.95 },
		{ currency: 'EUR', year: 2023, perUsd: 0.92 },
		{ currency: 'EUR', year: 2024, perUsd: 0.9 },
		{ currency: 'INR', year: 2024, perUsd: 83.6 }
	];
	const ppp = [
		{ country: 'US', year: 2024, factor: 1 },
		{ country: 'IN', year: 2024, factor: 20 },
		{ country: 'FR', year: 2024, factor: 0.75 }
	];
	const tables = moneyTables(DATA.salaries, fx, ppp);
	const src: DatasetSource = { kind: 'builtin', data: DATA, money: tables };

	it('a page in euros is the view of the converted Dataset, with what the figures are in words and nothing left out', () => {
		const res = runPage('pay', q('currency=eur&titles=strict'), src);
		const eur = inMoney(DATA, tables, 'EUR').data;
		expect(res.money).toEqual({
			code: 'EUR',
			codes: ['USD', 'PPP', 'EUR', 'INR'],
			basis: moneyBasis('EUR', []),
			leftOut: { 'no-rate': 0, 'no-residence': 0, 'no-ppp': 0, 'no-local-rate': 0 },
			error: null
		});
		expect(res.key).toBe('pay?titles=strict&currency=EUR');
		const { dataVersion: _d, salaryText: _t, salaryError: _e, salaryNote: _n, pageErrors: _p, ...model } = res.model;
		expect(model).toEqual(
			payView(eur, { filters: { ...DEFAULT_FILTERS, titles: 'strict', currency: 'EUR' }, scale: 'linear', salary: null, band: null })
		);
		// Each report at its year's rate: the strict ML median from the fixture's rows, written out here.
		const ml = r
			.filter((x) => x.job_title === 'Machine Learning Engineer')
			.flatMap((x) => {
				const v = Number(x.salary_in_usd) * (x.work_year === '2023' ? 0.92 : 0.9);
				return x.work_year === '2023' ? [v, v * (0.95 / 0.92)] : [v];
			});
		expect(res.model.distTable.money).toBe('EUR');
		expect(ml.length).toBe(res.model.distTable.rows.find((x) => x.family === 'ML Engineer')!.n);
	});

	it('at PPP a report whose country has no factor is left out, counted for this view only', () => {
		const res = runPage('overview', q('currency=PPP&titles=strict'), src);
		// Residents of Germany have no factor in these tables, nor has any year before 2024 (a year inside the table is not stretched).
		const noFactor = (x: Record<string, string>) => x.employee_residence === 'DE' || x.work_year !== '2024';
		const de = r.filter((x) => strictTitle(x) && noFactor(x)).reduce((s, x) => s + weight(x), 0);
		expect(de).toBeGreaterThan(0);
		expect(res.money.leftOut).toEqual({ 'no-rate': 0, 'no-residence': 0, 'no-ppp': de, 'no-local-rate': 0 });
		const usdView = runPage('overview', q('titles=strict'), src);
		expect(res.model.counts.matched).toBe(usdView.model.counts.matched - de);
		// Narrower filters count only their own.
		const narrow = runPage('overview', q('currency=PPP&titles=strict&exp=SE'), src);
		const seLeft = r.filter((x) => strictTitle(x) && noFactor(x) && x.experience_level === 'SE').reduce((s, x) => s + weight(x), 0);
		expect(seLeft).toBeLessThan(de);
		expect(narrow.money.leftOut['no-ppp']).toBe(seLeft);
		// The claim is checked in dollars, and the chart marks the claim only on a dollar axis.
		expect(res.model.claim).toEqual(usdView.model.claim);
		expect(res.model.medianRows.map((m) => m.claimed)).toEqual([null, null]);
	});

	it('the salary box in the page money: typed in it as is, dollars at the rate, rupees at India’s factor, euros by country', () => {
		const pay = (query: string) => runPage('pay', q(query), src).model;
		expect(pay('currency=EUR&salary=€90k')).toMatchObject({ salary: 90_000, salaryNote: null, salaryError: null });
		expect(pay('currency=EUR&salary=90k')).toMatchObject({ salary: 90_000, salaryNote: null });
		expect(pay('currency=EUR&salary=$100k')).toMatchObject({
			salary: 90_000,
			salaryNote: "$100,000 ≈ €90,000 at 2024's rate (0.9 EUR per US dollar, Federal Reserve H.10 yearly average)."
		});
		expect(pay('currency=PPP&salary=₹3,000,000')).toMatchObject({
			salary: 150_000,
			salaryNote: '₹3,000,000 ≈ Int$150,000 at purchasing-power parity (20 INR per international dollar in India, World Bank ICP 2024).'
		});
		// A plain amount at PPP is international dollars.
		expect(pay('currency=PPP&salary=120k')).toMatchObject({ salary: 120_000, salaryNote: null });
		// France is the only euro country with a factor here: used, and named.
		expect(pay('currency=PPP&salary=€75k')).toMatchObject({ salary: 100_000, salaryNote: expect.stringContaining('in France') });
		// Bounds are held in dollars: ¥ has no rate here, €500 is too small.
		expect(pay('currency=EUR&salary=€500').salaryError).toMatch(/too small/);
		expect(pay('currency=EUR&salary=¥9m').salaryError).toMatch(/no exchange rate for JPY/);
	});

	it('a money that cannot be used: said, and the page in US dollars; real pay is dollars only; pages without money stay as they are', () => {
		const xyz = runPage('overview', q('currency=XYZ'), src);
		expect(xyz.money.code).toBe('USD');
		expect(xyz.money.error).toBe(
			'currency: no exchange rates for "XYZ" here, so pay is shown in US dollars; use one of USD, PPP, EUR, INR'
		);
		expect(xyz.model).toEqual(runPage('overview', q(''), src).model);
		const none = runPage('pay', q('currency=EUR'), { kind: 'builtin', data: DATA });
		expect(none.money.code).toBe('USD');
		expect(none.money.error).toMatch(/exchange-rate tables could not be read/);
		const real = runPage('trends', q('currency=EUR&real=1'), src);
		expect(real.model.pay.basis).toBe('nominal');
		expect(real.money.code).toBe('EUR');
		const titles = runPage('titles', q('currency=EUR'), src);
		expect(titles.money.code).toBe('USD');
		expect(titles.model).toEqual(runPage('titles', q(''), src).model);
	});

	it('your file in euros: the download tables carry the money, as the API writes them', () => {
		const eur = inMoney(DATA, tables, 'EUR');
		const res = runPage('overview', q('currency=EUR'), src);
		expect(res.money.code).toBe('EUR');
		const dl = yourDownload(eur.data, 'none', { ...DEFAULT_FILTERS, currency: 'EUR' }, eur.conversion);
		expect(dl.table.columns).toContain('gap_eur');
		expect(dl.payBasis).toBe(moneyBasis('EUR', []));
		expect(dl.canonical).toBe('by=none&currency=EUR');
	});
});
