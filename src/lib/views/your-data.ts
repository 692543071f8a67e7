/**
 * /data ("Your data") view models: the same pure functions the server runs on the built-in
 * data, applied to a user's uploaded columns (in a browser worker).
 *
 * - Salaries: columns → `toSalaryRows` → `buildDataset` (→ `prepareRows`) → `overviewView` for
 *   the headline and `summaryView` for the CSV, so uploading the built-in file gives
 *   byte-for-byte the CSV of `/api/summary.csv` for the same query.
 * - Postings: columns → families per row → `summarisePostings` → chart and table models.
 */
import type { BarSeries, LineSeries, TableData } from './chart-models';
import type { CsvTable } from '$lib/csv/write';
import { missingSalaryRowFields, SALARY_ROW_FIELDS, toSalaryRows } from '$lib/data/upload/salary-rows';
import { familyCodes, rowFamilies, unmatchedTitles, type UnmatchedTitle } from '$lib/transform/upload-titles';
import type { TitleOverrides } from '$lib/data/upload/store';
import type { PostingsColumns, SalaryColumns } from '$lib/data/upload/columns';
import { FIELD_LABEL, type PostingField, type SalaryField } from '$lib/data/upload/fields';
import { COMPANY_SIZES, type CpiRow, type TitleFamily } from '$lib/data/types';
import { ABSENT_NOTE, FAMILY_LABEL, SIZE_LABEL } from '$lib/format/labels';
import { countryName } from '$lib/data/countries';
import { FAMILY_COLOR } from '$lib/theme';
import { buildDataset, type Dataset, type ParsedFile } from '$lib/transform/dataset';
import { DEFAULT_FILTERS, type Filters } from '$lib/transform/filters';
import { summarisePostings, type GroupPostings, type PostingsSummary } from '$lib/transform/postings';
import type { TitleClassifier } from '$lib/transform/stats/prepare';
import { SOURCE_SHIFT_YEAR } from '$lib/transform/stats/constants';
import { familyOf, type TitleMode } from '$lib/transform/title-families';
import type { NullableDimension } from '$lib/transform/stats/dimensions';
import { overviewView, type OverviewModel } from './overview';
import { summaryView, type SummaryTable } from './summary-table';

export interface YourDataQuery {
	readonly mode: TitleMode;
	/** The user's title → family decisions for their file. */
	readonly overrides: TitleOverrides;
}

/** Title → family for an uploaded file: the user's overrides win, else the app's one title rule (as `familyCodes` does for columns). */
export function classifierWith(overrides: TitleOverrides): TitleClassifier {
	return (title, mode) => (Object.hasOwn(overrides, title) ? overrides[title]! : familyOf(title, mode));
}

/** Titles in neither family under the app's lists alone (so a title the user assigned stays listed, with its choice). */
function unmatchedOf(cols: SalaryColumns | PostingsColumns, mode: TitleMode): UnmatchedTitle[] {
	const weight = cols.kind === 'postings' ? cols.count : null;
	return unmatchedTitles(cols.title, familyCodes(cols.title.dict, mode, {}), mode, weight);
}

/** An optional field the file lacks, and what cannot be shown without it. */
export interface MissingField {
	readonly field: SalaryField | PostingField;
	readonly label: string;
	readonly consequence: string;
}

// ---- salaries ------------------------------------------------------------------------

export interface YourSalariesModel {
	readonly kind: 'salaries';
	readonly rowsInFile: number;
	/** Titles that matched neither family before overrides, most frequent first (with the form they were matched in). */
	readonly unmatched: readonly UnmatchedTitle[];
	/**
	 * Optional dimensions the file has no column for: every report is "not given" there, and
	 * pages hide that filter and chart, showing `consequence` ("This file has no … column.").
	 */
	readonly missing: readonly MissingField[];
	/** Optional dimensions the file has a column for but some cells empty: those reports form a "Not given" group. */
	readonly notGiven: readonly { readonly field: SalaryField; readonly label: string; readonly rows: number }[];
	/** Accepted rows the dashboard cannot use (a country without a continent). */
	readonly skipped: { readonly count: number; readonly first: readonly { readonly line: number; readonly reason: string }[] };
	/** Rows that became dashboard rows. */
	readonly rowsUsed: number;
	readonly years: { readonly first: number; readonly last: number } | null;
	readonly overview: Pick<OverviewModel, 'families' | 'gap' | 'counts' | 'pay' | 'likeForLike'> | null;
	/** The Overview's "Download CSV" table (`by=none`, default filters) on this file. */
	readonly summary: SummaryTable | null;
}

/** The dimension each optional salaries field fills. */
const FIELD_DIMENSION: Readonly<Record<(typeof SALARY_ROW_FIELDS)[number], NullableDimension>> = {
	companySize: 'companySize',
	country: 'country',
	experienceLevel: 'experienceLevel',
	employmentType: 'employmentType',
	remoteRatio: 'remoteRatio'
};

/** The empty sources a salaries-only Dataset needs (no CPI: only nominal pay on /data). */
function emptyFile<T>(file: string): ParsedFile<T> {
	return { file, rows: [], issues: [], rowsRead: 0, rejected: 0 };
}

/**
 * The Dataset of an uploaded salaries file, built with `buildDataset` as the server builds
 * the built-in one. `dataVersion` is 31 December of the file's last year: a file carries no
 * snapshot date, so no year is marked partial. Optional columns the file lacks, and empty
 * cells, are "not given" (see src/lib/data/upload/README.md).
 */
export function salariesDataset(
	cols: SalaryColumns,
	fileName: string,
	overrides: TitleOverrides = {},
	/** The built-in CPI (public data, fetched from the server) for real pay; without it real pay leaves every row out. */
	cpi?: ParsedFile<CpiRow>
): Dataset & { skipped: ReturnType<typeof toSalaryRows>['skipped'] } {
	const { rows, skipped } = toSalaryRows(cols, { sortBySalary: true });
	let last = 0;
	for (const r of rows) if (r.workYear > last) last = r.workYear;
	const data = buildDataset(
		{
			dataVersion: `${last || 1970}-12-31`,
			salaries: { file: fileName, rows, issues: [], rowsRead: cols.n, rejected: skipped.length },
			cpi: cpi ?? emptyFile('none'),
			aiShare: emptyFile('none'),
			genaiShare: emptyFile('none'),
			sectors: [],
			// A user's file is not a pinned source: nothing was refused.
			sources: []
		},
		{
			classify: classifierWith(overrides),
			// An aijobs.net export has the source's 2024 change of collection; any other file has none known.
			sourceShiftYear: cols.freeTextTitles === false ? SOURCE_SHIFT_YEAR : null
		}
	);
	return { ...data, skipped };
}

/** The summary of an uploaded salaries file, with the default filters in the query's title mode. */
export function yourSalariesView(cols: SalaryColumns, fileName: string, query: YourDataQuery): YourSalariesModel {
	const unmatched = unmatchedOf(cols, query.mode);
	const absentFields = missingSalaryRowFields(cols);
	const missing: MissingField[] = absentFields.map((field) => ({
		field,
		label: FIELD_LABEL[field],
		consequence: ABSENT_NOTE[FIELD_DIMENSION[field as keyof typeof FIELD_DIMENSION]]
	}));
	const data = salariesDataset(cols, fileName, query.overrides);
	const notGiven = SALARY_ROW_FIELDS.filter((f) => !absentFields.includes(f))
		.map((field) => ({ field, label: FIELD_LABEL[field], rows: data.prepared.notGiven[FIELD_DIMENSION[field]] }))
		.filter((x) => x.rows > 0);
	const filters: Filters = { ...DEFAULT_FILTERS, titles: query.mode };
	const o = overviewView(data, { filters });
	const { columns, rows } = summaryView(data, { by: 'none', filters });
	let first = Infinity;
	let last = -Infinity;
	for (const r of data.salaries) {
		if (r.workYear < first) first = r.workYear;
		if (r.workYear > last) last = r.workYear;
	}
	return {
		kind: 'salaries',
		rowsInFile: cols.n,
		unmatched,
		missing,
		notGiven,
		skipped: { count: data.skipped.length, first: data.skipped.slice(0, 20) },
		rowsUsed: data.salaries.length,
		years: Number.isFinite(first) ? { first, last } : null,
		overview: { families: o.families, gap: o.gap, counts: o.counts, pay: o.pay, likeForLike: o.likeForLike },
		summary: { columns, rows }
	};
}

// ---- postings ------------------------------------------------------------------------

/** Columns of the "postings by month" download. */
export const POSTINGS_BY_MONTH_COLUMNS = ['month', 'family', 'postings'] as const;

/** Rows of "postings by month": one per month and family, months in order, AI before ML. */
export function postingsByMonthRows(s: PostingsSummary): (string | number)[][] {
	return s.months.flatMap((m) => [
		[m.month, FAMILY_LABEL.AI, m.ai],
		[m.month, FAMILY_LABEL.ML, m.ml]
	]);
}

/** Columns of the "skills by family" download. */
export const SKILLS_BY_FAMILY_COLUMNS = ['family', 'skill', 'postings', 'share_pct'] as const;

/** Rows of "skills by family"; `share_pct` to 2 decimals, empty where suppressed. */
export function skillsByFamilyRows(s: PostingsSummary): (string | number | null)[][] {
	return (s.skills ?? []).map((k) => [
		FAMILY_LABEL[k.family],
		k.skill,
		k.postings,
		k.sharePct === null ? null : Math.round(k.sharePct * 100) / 100
	]);
}

export interface YourPostingsModel {
	readonly kind: 'postings';
	readonly rowsInFile: number;
	/** Titles that matched neither family before overrides, most frequent first (with the form they were matched in). */
	readonly unmatched: readonly UnmatchedTitle[];
	readonly missing: readonly MissingField[];
	readonly summary: PostingsSummary;
	/** Postings per month, one line per family. */
	readonly monthSeries: readonly LineSeries[];
	/** The AI family's share of AI + ML postings per month (partial months noted). */
	readonly shareSeries: readonly LineSeries[];
	readonly monthTable: TableData;
	/** Month starts to label on the x axis when the data span under a year (else the axis picks); keeps a short span from repeating a month label. */
	readonly monthTicks: readonly Date[] | undefined;
	/** False when every month has too few AI + ML postings for a share (the page says so instead of drawing an empty chart). */
	readonly shareShown: boolean;
	/** Months not fully covered by the data (YYYY-MM), or null when that is unknown (month-only dates). */
	readonly partialMonths: readonly string[] | null;
	readonly bySize: { readonly categories: readonly string[]; readonly series: readonly BarSeries[]; readonly table: TableData } | null;
	readonly byCountry: TableData | null;
	/** Countries beyond the table's rows. */
	readonly countriesNotShown: number;
	readonly skills: Readonly<Record<TitleFamily, TableData>> | null;
	readonly salary: TableData | null;
	readonly byMonthCsv: CsvTable;
	readonly skillsCsv: CsvTable | null;
}

const POSTING_OPTIONAL: readonly { field: PostingField; consequence: string }[] = [
	{ field: 'companySize', consequence: 'no postings by company size' },
	{ field: 'country', consequence: 'no postings by country' },
	{ field: 'skills', consequence: 'no top skills per family' },
	{ field: 'salaryUsd', consequence: 'no median advertised salary' }
];

/** Countries listed in the by-country table. */
export const COUNTRIES_SHOWN = 20;
/** Skills listed per family. */
export const SKILLS_SHOWN = 10;

const splitColumns = (groupLabel: string) => [
	{ key: 'group', label: groupLabel, align: 'left' as const },
	{ key: 'ai', label: 'AI postings', format: 'count' as const },
	{ key: 'ml', label: 'ML postings', format: 'count' as const },
	{ key: 'share', label: 'AI share of AI + ML (%)', format: 'pct' as const }
];

const splitRow = (g: GroupPostings, label: string) => ({ group: label, ai: g.ai, ml: g.ml, share: g.aiSharePct });

const monthStart = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** The postings figures of an uploaded postings file, in the query's title mode. */
export function yourPostingsView(cols: PostingsColumns, query: YourDataQuery): YourPostingsModel {
	const unmatched = unmatchedOf(cols, query.mode);
	const families = rowFamilies(cols.title, familyCodes(cols.title.dict, query.mode, query.overrides));
	const s = summarisePostings(cols, families, { topSkills: SKILLS_SHOWN });
	const missing: MissingField[] = POSTING_OPTIONAL.filter(
		(o) => cols[o.field as 'companySize' | 'country' | 'skills' | 'salaryUsd'] === null
	).map((o) => ({
		field: o.field,
		label: FIELD_LABEL[o.field],
		consequence: o.consequence
	}));
	const partialNote = (p: boolean | null) =>
		p === true ? 'partial month' : p === null ? 'whether the month is whole is unknown' : undefined;
	const monthSeries: LineSeries[] = (['AI', 'ML'] as const).map((f) => ({
		id: f,
		label: `${FAMILY_LABEL[f]} family`,
		color: FAMILY_COLOR[f],
		points: s.months.map((m) => ({
			x: monthStart(m.month),
			y: f === 'AI' ? m.ai : m.ml,
			n: f === 'AI' ? m.ai : m.ml,
			note: partialNote(m.partial)
		}))
	}));
	const shareSeries: LineSeries[] = [
		{
			id: 'share',
			label: 'AI share of AI + ML postings',
			color: FAMILY_COLOR.AI,
			points: s.months.map((m) => ({ x: monthStart(m.month), y: m.aiSharePct, n: m.n, note: partialNote(m.partial) }))
		}
	];
	const monthTable: TableData = {
		columns: [
			{ key: 'month', label: 'Month', align: 'left' },
			{ key: 'ai', label: 'AI postings', format: 'count' },
			{ key: 'ml', label: 'ML postings', format: 'count' },
			{ key: 'share', label: 'AI share (%)', format: 'pct' },
			{ key: 'partial', label: 'Month covered', align: 'left' }
		],
		rows: s.months.map((m) => ({
			month: m.month,
			ai: m.ai,
			ml: m.ml,
			share: m.aiSharePct,
			partial: m.partial === true ? 'partial' : m.partial === null ? 'unknown' : 'whole'
		}))
	};
	const step = s.months.length <= 4 ? 1 : s.months.length <= 8 ? 2 : 3;
	const monthTicks = s.months.length < 12 ? s.months.filter((_, i) => i % step === 0).map((m) => monthStart(m.month)) : undefined;
	const partialMonths = s.months.some((m) => m.partial === null) ? null : s.months.filter((m) => m.partial).map((m) => m.month);

	const bySize = s.byCompanySize
		? {
				categories: COMPANY_SIZES.map((c) => SIZE_LABEL[c]),
				series: (['AI', 'ML'] as const).map((f) => ({
					id: f,
					label: `${FAMILY_LABEL[f]} family`,
					color: FAMILY_COLOR[f],
					values: COMPANY_SIZES.map((c) => {
						const g = s.byCompanySize!.find((x) => x.group === c);
						return g ? (f === 'AI' ? g.ai : g.ml) : 0;
					})
				})),
				table: {
					columns: splitColumns('Company size'),
					rows: s.byCompanySize.map((g) => splitRow(g, SIZE_LABEL[g.group as keyof typeof SIZE_LABEL]))
				}
			}
		: null;
	const byCountry = s.byCountry
		? { columns: splitColumns('Country'), rows: s.byCountry.slice(0, COUNTRIES_SHOWN).map((g) => splitRow(g, countryName(g.group))) }
		: null;
	// Called only when the file has skills.
	const skillTable = (f: TitleFamily): TableData => ({
		columns: [
			{ key: 'skill', label: 'Skill', align: 'left' },
			{ key: 'postings', label: 'Postings asking for it', format: 'count' },
			{ key: 'share', label: `Share of the family's postings (%)`, format: 'pct' }
		],
		rows: s.skills!.filter((k) => k.family === f).map((k) => ({ skill: k.skill, postings: k.postings, share: k.sharePct }))
	});
	const salary: TableData | null = s.salary
		? {
				columns: [
					{ key: 'family', label: 'Family', align: 'left' },
					{ key: 'median', label: 'Median advertised salary (US$ per year)', format: 'money' },
					{ key: 'n', label: 'Postings with a salary (n)', format: 'count' }
				],
				rows: s.salary.map((x) => ({ family: `${FAMILY_LABEL[x.family]} family`, median: x.medianUsd, n: x.n }))
			}
		: null;
	return {
		kind: 'postings',
		rowsInFile: cols.n,
		unmatched,
		missing,
		summary: s,
		monthSeries,
		shareSeries,
		monthTable,
		monthTicks,
		shareShown: s.months.some((m) => m.aiSharePct !== null),
		partialMonths,
		bySize,
		byCountry,
		countriesNotShown: s.byCountry ? Math.max(0, s.byCountry.length - COUNTRIES_SHOWN) : 0,
		skills: s.skills ? { AI: skillTable('AI'), ML: skillTable('ML') } : null,
		salary,
		byMonthCsv: { columns: POSTINGS_BY_MONTH_COLUMNS, rows: postingsByMonthRows(s) },
		skillsCsv: s.skills ? { columns: SKILLS_BY_FAMILY_COLUMNS, rows: skillsByFamilyRows(s) } : null
	};
}
