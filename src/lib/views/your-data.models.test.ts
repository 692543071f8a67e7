/**
 * The /data view models on small uploads written here: every table's rows carry exactly its
 * columns, month ticks by span, partial-month notes, the size bars in COMPANY_SIZES order,
 * the country table's cut, the optional fields a file lacks, and the salaries summary's
 * years, skipped rows and title overrides.
 */
import { describe, expect, it } from 'vitest';
import type { TableData } from './chart-models';
import type { PostingsColumns, SalaryColumns } from '$lib/data/upload/columns';
import { FIELD_LABEL } from '$lib/data/upload/fields';
import { load, utf8 } from '$lib/data/upload/testing/load';
import { SIZE_LABEL } from '$lib/format/labels';
import { FAMILY_COLOR } from '$lib/theme';
import { familyOf } from '$lib/transform/title-families';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { SOURCE_SHIFT_YEAR } from '$lib/transform/stats/constants';
import { trendsView } from './trends';
import { COUNTRIES_SHOWN, classifierWith, salariesDataset, yourPostingsView, yourSalariesView } from './your-data';

const DEFAULT = { mode: 'family' as const, overrides: {} };

async function postingsOf(text: string): Promise<PostingsColumns> {
	return (await load(utf8(text))).done.columns as PostingsColumns;
}
async function salariesOf(text: string): Promise<SalaryColumns> {
	return (await load(utf8(text))).done.columns as SalaryColumns;
}
const month = (i: number) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** Every row has a value for each column key and no other key. */
function expectRowsMatchColumns(t: TableData | null | undefined, what: string) {
	expect(t, what).toBeTruthy();
	const keys = t!.columns.map((c) => c.key).sort();
	expect(t!.rows.length, what).toBeGreaterThan(0);
	for (const r of t!.rows) expect(Object.keys(r).sort(), what).toEqual(keys);
}

describe('yourPostingsView tables', () => {
	// 12 AI and 12 ML postings over two months in three countries and two sizes, with skills and pay.
	const rows = Array.from({ length: 24 }, (_, i) => {
		const title = i % 2 ? 'Machine Learning Engineer' : 'AI Engineer';
		const size = i % 3 === 0 ? 'S' : i % 2 ? 'M' : 'L';
		const country = ['US', 'DE', 'FR'][i % 3];
		const skills = i % 2 ? 'pytorch, python' : 'python, sql';
		return `${title},2023-0${1 + (i % 2)}-1${i % 10},${size},${country},"${skills}",${100000 + 1000 * i}`;
	});
	const text = 'title,date,company_size,country,skills,salary\n' + rows.join('\n') + '\n';

	it('gives every table row exactly the table columns', async () => {
		const m = yourPostingsView(await postingsOf(text), DEFAULT);
		expectRowsMatchColumns(m.monthTable, 'months');
		expectRowsMatchColumns(m.bySize?.table, 'size');
		expectRowsMatchColumns(m.byCountry, 'country');
		expectRowsMatchColumns(m.skills?.AI, 'AI skills');
		expectRowsMatchColumns(m.skills?.ML, 'ML skills');
		expectRowsMatchColumns(m.salary, 'salary');
		expect(m.missing).toEqual([]);
	});

	it('labels the tables and series for the reader', async () => {
		const m = yourPostingsView(await postingsOf(text), DEFAULT);
		expect(m.monthTable.columns.map((c) => c.label)).toEqual(['Month', 'AI postings', 'ML postings', 'AI share (%)', 'Month covered']);
		expect(m.byCountry!.columns.map((c) => c.label)).toEqual(['Country', 'AI postings', 'ML postings', 'AI share of AI + ML (%)']);
		expect(m.bySize!.table.columns[0]!.label).toBe('Company size');
		expect(m.skills!.AI.columns.map((c) => c.label)).toEqual(['Skill', 'Postings asking for it', "Share of the family's postings (%)"]);
		expect(m.salary!.columns.map((c) => c.label)).toEqual([
			'Family',
			'Median advertised salary (US$ per year)',
			'Postings with a salary (n)'
		]);
		expect(m.salary!.rows.map((r) => r.family)).toEqual(['AI Engineer family', 'ML Engineer family']);
		expect(m.monthSeries.map((s) => [s.id, s.label, s.color])).toEqual([
			['AI', 'AI Engineer family', FAMILY_COLOR.AI],
			['ML', 'ML Engineer family', FAMILY_COLOR.ML]
		]);
		expect(m.shareSeries.map((s) => [s.id, s.label, s.color])).toEqual([['share', 'AI share of AI + ML postings', FAMILY_COLOR.AI]]);
	});

	it('draws each family its own counts per month, and the share on all postings of the month', async () => {
		const m = yourPostingsView(await postingsOf(text), DEFAULT);
		// Even rows (AI) fall in January, odd rows (ML) in February.
		expect(m.monthSeries[0]!.points.map((p) => [(p.x as Date).toISOString().slice(0, 7), p.y, p.n])).toEqual([
			['2023-01', 12, 12],
			['2023-02', 0, 0]
		]);
		expect(m.monthSeries[1]!.points.map((p) => [p.y, p.n])).toEqual([
			[0, 0],
			[12, 12]
		]);
		expect(m.shareSeries[0]!.points.map((p) => [p.y, p.n])).toEqual([
			[100, 12],
			[0, 12]
		]);
		expect(m.shareShown).toBe(true);
	});

	it('puts the size bars in S, M, L order with 0 for a size without postings', async () => {
		const m = yourPostingsView(await postingsOf(text), DEFAULT);
		expect(m.bySize!.categories).toEqual([SIZE_LABEL.S, SIZE_LABEL.M, SIZE_LABEL.L]);
		// Rows 0, 3, 6, … are small: AI at 0, 6, 12, 18 (4), ML at 3, 9, 15, 21 (4).
		expect(m.bySize!.series.map((s) => [s.id, s.label, s.color, s.values])).toEqual([
			['AI', 'AI Engineer family', FAMILY_COLOR.AI, [4, 0, 8]],
			['ML', 'ML Engineer family', FAMILY_COLOR.ML, [4, 8, 0]]
		]);
		expect(m.bySize!.table.rows.map((r) => r.group)).toEqual(expect.arrayContaining([SIZE_LABEL.S, SIZE_LABEL.M, SIZE_LABEL.L]));
		expect(m.kind).toBe('postings');
	});

	it('lists the skills of each family in its own table', async () => {
		const m = yourPostingsView(await postingsOf(text), DEFAULT);
		expect(m.skills!.AI.rows).toEqual([
			{ skill: 'python', postings: 12, share: 100 },
			{ skill: 'sql', postings: 12, share: 100 }
		]);
		expect(m.skills!.ML.rows).toEqual([
			{ skill: 'python', postings: 12, share: 100 },
			{ skill: 'pytorch', postings: 12, share: 100 }
		]);
		expect(m.skillsCsv!.rows).toHaveLength(4);
	});

	it('formats counts as counts, shares as percentages, pay as money, and puts labels on the left', async () => {
		const m = yourPostingsView(await postingsOf(text), DEFAULT);
		const formats = (t: TableData) => t.columns.map((c) => [c.key, c.format ?? c.align]);
		expect(formats(m.monthTable)).toEqual([
			['month', 'left'],
			['ai', 'count'],
			['ml', 'count'],
			['share', 'pct'],
			['partial', 'left']
		]);
		expect(formats(m.byCountry!)).toEqual([
			['group', 'left'],
			['ai', 'count'],
			['ml', 'count'],
			['share', 'pct']
		]);
		expect(formats(m.skills!.AI)).toEqual([
			['skill', 'left'],
			['postings', 'count'],
			['share', 'pct']
		]);
		expect(formats(m.salary!)).toEqual([
			['family', 'left'],
			['median', 'money'],
			['n', 'count']
		]);
	});

	it('lists the ten most asked-for skills per family', async () => {
		const skills = Array.from({ length: 12 }, (_, i) => `s${String(i).padStart(2, '0')}`).join(', ');
		const m = yourPostingsView(await postingsOf(`title,date,skills\nAI Engineer,2023-01-05,"${skills}"\n`), DEFAULT);
		expect(m.skills!.AI.rows).toHaveLength(10);
	});

	it('shows the share chart when at least one month has enough postings', async () => {
		const lines = [
			...Array.from({ length: 12 }, (_, i) => `AI Engineer,2023-01-${String(i + 1).padStart(2, '0')}`),
			'AI Engineer,2023-02-03'
		];
		const m = yourPostingsView(await postingsOf('title,date\n' + lines.join('\n') + '\n'), DEFAULT);
		expect(m.monthTable.rows.map((r) => r.share)).toEqual([100, null]);
		expect(m.shareShown).toBe(true);
	});

	it('shows COUNTRIES_SHOWN countries and counts the others', async () => {
		const codes = [
			'US',
			'DE',
			'FR',
			'GB',
			'IN',
			'CA',
			'BR',
			'ES',
			'IT',
			'NL',
			'SE',
			'NO',
			'DK',
			'FI',
			'PL',
			'PT',
			'IE',
			'AT',
			'CH',
			'BE',
			'JP',
			'AU'
		];
		const many = 'title,date,country\n' + codes.map((c) => `AI Engineer,2023-01-05,${c}`).join('\n') + '\n';
		const m = yourPostingsView(await postingsOf(many), DEFAULT);
		expect(m.byCountry!.rows).toHaveLength(COUNTRIES_SHOWN);
		expect(m.countriesNotShown).toBe(codes.length - COUNTRIES_SHOWN);
		const few = yourPostingsView(await postingsOf('title,date,country\nAI Engineer,2023-01-05,DE\n'), DEFAULT);
		expect(few.countriesNotShown).toBe(0);
		expect(few.byCountry!.rows).toEqual([{ group: 'Germany', ai: 1, ml: 0, share: null }]);
	});

	it('names each optional field a file lacks and what goes without it', async () => {
		const m = yourPostingsView(await postingsOf('title,date\nAI Engineer,2023-01-05\n'), DEFAULT);
		expect(m.missing).toEqual([
			{ field: 'companySize', label: FIELD_LABEL.companySize, consequence: 'no postings by company size' },
			{ field: 'country', label: FIELD_LABEL.country, consequence: 'no postings by country' },
			{ field: 'skills', label: FIELD_LABEL.skills, consequence: 'no top skills per family' },
			{ field: 'salaryUsd', label: FIELD_LABEL.salaryUsd, consequence: 'no median advertised salary' }
		]);
		expect([m.bySize, m.byCountry, m.skills, m.salary, m.skillsCsv]).toEqual([null, null, null, null, null]);
		expect(m.countriesNotShown).toBe(0);
		// One posting: no month has enough for a share.
		expect(m.shareShown).toBe(false);
	});
});

describe('yourPostingsView months', () => {
	const byMonths = (k: number, day = true) =>
		'title,date\n' + Array.from({ length: k }, (_, i) => `AI Engineer,${month(i)}${day ? '-01' : ''}`).join('\n') + '\n';
	it.each([
		[1, ['2022-01']],
		[4, ['2022-01', '2022-02', '2022-03', '2022-04']],
		[5, ['2022-01', '2022-03', '2022-05']],
		[8, ['2022-01', '2022-03', '2022-05', '2022-07']],
		[9, ['2022-01', '2022-04', '2022-07']],
		[11, ['2022-01', '2022-04', '2022-07', '2022-10']]
	])('%d months: ticks on %j', async (k, want) => {
		const m = yourPostingsView(await postingsOf(byMonths(k)), DEFAULT);
		expect(m.monthTicks!.map((d) => d.toISOString().slice(0, 7))).toEqual(want);
	});
	it('leaves the ticks to the axis from twelve months on', async () => {
		expect(yourPostingsView(await postingsOf(byMonths(12)), DEFAULT).monthTicks).toBeUndefined();
	});
	it('notes partial months on the points and in the table, and unknown coverage for month-only dates', async () => {
		// The last month is cut: its only posting is on the 1st.
		const full = yourPostingsView(
			await postingsOf('title,date\nAI Engineer,2023-01-01\nAI Engineer,2023-01-31\nAI Engineer,2023-02-01\n'),
			DEFAULT
		);
		expect(full.monthTable.rows.map((r) => r.partial)).toEqual(['whole', 'partial']);
		expect(full.monthSeries[0]!.points.map((p) => p.note)).toEqual([undefined, 'partial month']);
		expect(full.shareSeries[0]!.points.map((p) => p.note)).toEqual([undefined, 'partial month']);
		expect(full.partialMonths).toEqual(['2023-02']);
		const monthOnly = yourPostingsView(await postingsOf(byMonths(2, false)), DEFAULT);
		expect(monthOnly.monthSeries[0]!.points.map((p) => p.note)).toEqual([
			'whether the month is whole is unknown',
			'whether the month is whole is unknown'
		]);
		expect(monthOnly.partialMonths).toBeNull();
	});
});

describe('salaries', () => {
	const head =
		'work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size';
	const row = (year: number, title: string, size = 'M') => `${year},SE,FT,${title},100000,USD,100000,US,0,US,${size}`;

	// Company country AQ (Antarctica) has no continent, so no region: the parser rejects such a row
	// (toSalaryRows' own skip is for hand-built columns, tested in salary-rows.test.ts).
	const antarctic = (year: number, title: string) => `${year},SE,FT,${title},100000,USD,100000,US,0,AQ,M`;

	it('keeps a row with an empty optional cell as "not given" and gives the years covered by the rows used', async () => {
		const lines = [row(2022, 'AI Engineer'), row(2024, 'ML Engineer'), row(2023, 'AI Engineer', ''), antarctic(2025, 'AI Engineer')];
		const m = yourSalariesView(await salariesOf([head, ...lines].join('\n') + '\n'), 'f.csv', DEFAULT);
		expect(m.rowsInFile).toBe(3);
		expect(m.rowsUsed).toBe(3);
		// The rejected row's 2025 is not a year covered.
		expect(m.years).toEqual({ first: 2022, last: 2024 });
		expect(m.skipped).toEqual({ count: 0, first: [] });
		expect(m.notGiven).toEqual([{ field: 'companySize', label: FIELD_LABEL.companySize, rows: 1 }]);
		expect(m.overview!.counts).toBeDefined();
	});
	it('has no years when no row is used', async () => {
		const m = yourSalariesView(await salariesOf([head, antarctic(2024, 'AI Engineer')].join('\n') + '\n'), 'f.csv', DEFAULT);
		expect(m.rowsUsed).toBe(0);
		expect(m.years).toBeNull();
	});
	it('builds a dataset of the salaries alone, ascending by pay, ties in file order', async () => {
		const cols = await salariesOf(
			[head, row(2023, 'AI Engineer'), row(2021, 'ML Engineer')].join('\n').replace(/100000,US,0/, '120000,US,0') + '\n'
		);
		const data = salariesDataset(cols, 'f.csv');
		expect(data.salaries.map((r) => [r.salaryUsd, r.jobTitle])).toEqual([
			[100000, 'ML Engineer'],
			[120000, 'AI Engineer']
		]);
		expect([data.cpi, data.aiShare, data.genaiShare, data.sectors, data.sources]).toEqual([[], [], [], [], []]);
		expect(data.parse[0]).toEqual({ file: 'f.csv', rowsRead: 2, accepted: 2, rejected: 0, sampleIssues: [] });
	});
	it('dates the dataset 31 December of its last year, so no year is partial', async () => {
		const cols = await salariesOf([head, row(2023, 'AI Engineer'), row(2021, 'ML Engineer')].join('\n') + '\n');
		expect(salariesDataset(cols, 'f.csv').dataVersion).toBe('2023-12-31');
		const none = await salariesOf([head, antarctic(2023, 'AI Engineer')].join('\n') + '\n');
		expect(salariesDataset(none, 'f.csv').dataVersion).toBe('1970-12-31');
	});
	it('has the aijobs.net source shift only for an aijobs.net export; a file of another layout has none', async () => {
		const aijobs = salariesDataset(await salariesOf([head, row(2023, 'AI Engineer'), row(2024, 'ML Engineer')].join('\n') + '\n'), 'a.csv');
		expect(aijobs.sourceShiftYear).toBe(SOURCE_SHIFT_YEAR);
		const other = salariesDataset(await salariesOf('title,salary_usd,year\nAI Engineer,100000,2023\nML Engineer,120000,2024\n'), 'g.csv');
		expect(other.sourceShiftYear).toBeNull();
		// With none, /trends draws no 'Source shift' rule and flags no span.
		const t = trendsView(other, { filters: DEFAULT_FILTERS, gfrom: null, gto: null });
		expect(t.annotations).toEqual([]);
		expect(t.sourceShiftYear).toBeNull();
		expect(t.cagr.AI.cagr?.crossesSourceShift ?? false).toBe(false);
	});
	it('computes on a file with only title, pay and year, naming each absent column with its note', async () => {
		const text = 'title,salary_usd,year\nAI Engineer,100000,2024\nAI Engineer,140000,2024\nML Engineer,90000,2023\n';
		const m = yourSalariesView(await salariesOf(text), 'g.csv', DEFAULT);
		expect(m.missing.map((f) => f.field).sort()).toEqual(['companySize', 'country', 'employmentType', 'experienceLevel', 'remoteRatio']);
		expect(m.missing.every((f) => f.label === FIELD_LABEL[f.field])).toBe(true);
		expect(m.missing.find((f) => f.field === 'companySize')!.consequence).toBe('This file has no company size column.');
		expect(m).toMatchObject({
			kind: 'salaries',
			rowsInFile: 3,
			skipped: { count: 0, first: [] },
			rowsUsed: 3,
			years: { first: 2023, last: 2024 }
		});
		// An absent column is not "not given" row by row: it is named once, as missing.
		expect(m.notGiven).toEqual([]);
		expect(m.summary).not.toBeNull();
	});
});

describe('classifierWith', () => {
	it('lets an override win, null included, and asks the lists for every other title', () => {
		const c = classifierWith({ 'Data Scientist': 'ML', 'AI Engineer': null });
		expect(c('Data Scientist', 'family')).toBe('ML');
		expect(c('AI Engineer', 'family')).toBeNull();
		expect(c('Machine Learning Engineer', 'family')).toBe(familyOf('Machine Learning Engineer', 'family'));
		expect(c('Machine Learning Engineer', 'family')).toBe('ML');
	});
	it('reads only the overrides own titles, not inherited names', () => {
		expect(classifierWith({})('constructor', 'family')).toBe(familyOf('constructor', 'family'));
		expect(classifierWith({})('toString', 'family')).toBeNull();
	});
});
