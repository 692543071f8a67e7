/**
 * Every page on the user's data (`source=yours`): the page's model computed by the SAME view
 * function the server runs on the built-in data (overviewView, payView, trendsView,
 * titlesView), on the Dataset of the user's salaries file (`salariesDataset`), plus what the
 * page needs around it that the server's layout gives for built-in data: the filter panel's
 * counts and countries from the file, and the download tables (the summaryView tables that
 * /api/summary.csv serves for built-in data, so a download of the built-in file uploaded is
 * byte-identical to the API's). Pure: runs in the results worker and in unit tests.
 */
import type { CpiRow, TitleFamily } from '$lib/data/types';
import type { SalaryColumns } from '$lib/data/upload/columns';
import type { TitleCount } from '$lib/transform/upload-titles';
import type { TitleOverrides } from '$lib/data/upload/store';
import type { Dataset, ParsedFile } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';
import { countryOptions, yearsOf, type CountryOption } from '$lib/transform/options';
import { summaryQuery } from '$lib/format/query';
import { familyOf } from '$lib/transform/title-families';
import { facetsView, type FacetsModel } from './facets';
import { overviewView, type OverviewModel } from './overview';
import { payView, type PayModel } from './pay';
import { COLUMN_DOCS, summaryView, type By, type SummaryTable } from './summary-table';
import { titlesView, type TitleLine } from './titles';
import { trendsView, type TrendsPage } from './trends';
import { salariesDataset, yourPostingsView, type YourPostingsModel } from './your-data';
import { dictCounts, type PostingsColumns } from '$lib/data/upload/columns';
import { unmatchedTitles, familyCodes } from '$lib/transform/upload-titles';
import { CONFIDENCE, LOW_CONFIDENCE_BELOW, SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import { TITLE_MAPPING_VERSION } from '$lib/transform/title-families';
import { name as APP_NAME, version as APP_VERSION } from '../../../package.json';

/** The salary pages that can run on a user's file. */
export const YOUR_SALARY_PAGES = ['overview', 'pay', 'trends', 'titles'] as const;
export type YourSalaryPage = (typeof YOUR_SALARY_PAGES)[number];

/** What a page asks the worker for: its parsed filters and its own parameters (as the server load parses them). */
export type YourPageQuery =
	| { readonly page: 'overview'; readonly filters: Filters; readonly claimYear: number | 'all' | null }
	| {
			readonly page: 'pay';
			readonly filters: Filters;
			readonly scale: 'linear' | 'log';
			readonly salary: number | null;
			readonly band: { readonly low: number; readonly high: number } | null;
	  }
	| { readonly page: 'trends'; readonly filters: Filters; readonly gfrom: number | null; readonly gto: number | null }
	| { readonly page: 'titles'; readonly filters: Filters }
	| { readonly page: 'demand'; readonly filters: Filters };

/** A download table the page builds in the browser (the summary CSV of one `by`), with its canonical query. */
export interface YourDownload {
	readonly by: By;
	readonly table: SummaryTable;
	/** `by=…&filters`, as /api/summary's `query` column and file names use it. */
	readonly canonical: string;
	readonly counts: { readonly matched: number; readonly duplicates: number; readonly counted: number; readonly rowsWithoutCpi: number };
	readonly payBasis: string;
}

/** Around every salary page's model: where it came from, the filter panel, the downloads. */
export interface YourPageFrame {
	/** The Dataset's date (31 December of the file's last year: a file has no snapshot date). */
	readonly dataVersion: string;
	readonly facets: FacetsModel;
	readonly countries: readonly CountryOption[];
	/** Work years present in the file, ascending (the filter's year options). */
	readonly years: readonly number[];
	readonly downloads: Partial<Record<By, YourDownload>>;
	/** Rows of the file the dashboard could not use (empty dimension cells…), counted. */
	readonly skipped: number;
	readonly rowsUsed: number;
}

/** The user's title decisions beside the app's lists, for /titles on the user's data. */
export interface YourTitles {
	/** Title → family the user chose, with the app's own family for the title (null: neither) and its reports in the file. */
	readonly overrides: readonly {
		readonly title: string;
		readonly family: TitleFamily | null;
		readonly builtIn: TitleFamily | null;
		readonly n: number;
	}[];
	/** The file's titles in neither family (app's lists and the user's choices), most reports first. */
	readonly neither: readonly TitleCount[];
}

export type YourPageModel =
	| ({ readonly page: 'overview' } & YourPageFrame & { readonly model: OverviewModel })
	| ({ readonly page: 'pay' } & YourPageFrame & { readonly model: PayModel })
	| ({ readonly page: 'trends' } & YourPageFrame & { readonly model: TrendsPage })
	| ({ readonly page: 'titles' } & YourPageFrame & {
				readonly model: { titles: TitleLine[]; mode: Filters['titles'] };
				readonly yourTitles: YourTitles;
			})
	| { readonly page: 'demand'; readonly postings: YourPostingsModel };

/** The `by=` downloads each salary page offers (pay: the distribution and each segment). */
export function downloadsOf(q: YourPageQuery, model: unknown): By[] {
	if (q.page === 'overview') return ['none'];
	if (q.page === 'trends') return ['work_year'];
	if (q.page === 'pay') return ['none', ...(model as PayModel).segments.filter((s) => !s.allSuppressed).map((s) => s.by)];
	return [];
}

function download(data: Dataset, by: By, filters: Filters): YourDownload {
	const { stats, ...table } = summaryView(data, { by, filters });
	return {
		by,
		table,
		canonical: summaryQuery(by, filters),
		counts: {
			matched: stats.counts.matched,
			duplicates: stats.counts.duplicates,
			counted: stats.counts.counted,
			rowsWithoutCpi: stats.pay.rowsWithoutCpi
		},
		payBasis: stats.pay.basis === 'real' ? `real ${stats.pay.baseYear} US$ (US CPI-U annual average)` : 'nominal US$'
	};
}

/** Title decisions and the file's titles in neither family (after the user's choices). */
export function yourTitles(cols: SalaryColumns, overrides: TitleOverrides, mode: Filters['titles']): YourTitles {
	const dictN = dictCounts(cols.title);
	const counts = new Map(cols.title.dict.map((t, i) => [t, dictN[i]!]));
	const list = Object.entries(overrides)
		.map(([title, family]) => ({ title, family, builtIn: familyOf(title, mode), n: counts.get(title) ?? 0 }))
		.sort((a, b) => b.n - a.n || a.title.localeCompare(b.title));
	const neither = unmatchedTitles(cols.title, familyCodes(cols.title.dict, mode, overrides), mode, null);
	return { overrides: list, neither };
}

/** A salaries Dataset cache key: the file (its load time) and the title overrides, and whether CPI was given. */
export function datasetKey(loadedAt: string, overrides: TitleOverrides, withCpi: boolean, asOf: string | null = null): string {
	// Stryker disable next-line StringLiteral: the key is opaque; 'cpi'/'nocpi' need only differ, and emptying either keeps them distinct (the asOf '' is pinned by a test: null and '' give one key)
	return `${loadedAt}|${withCpi ? 'cpi' : 'nocpi'}|${asOf ?? ''}|${JSON.stringify(Object.entries(overrides).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/**
 * The file's Dataset, with the built-in annual CPI when given (for real pay). `asOf` (YYYY-MM-DD,
 * the file's export date as the user gives it) becomes the Dataset's date, so its year is partial
 * as the built-in snapshot's is; without it no year is partial (31 December of the last year).
 */
export function yourDataset(
	cols: SalaryColumns,
	name: string,
	overrides: TitleOverrides,
	cpi: ParsedFile<CpiRow> | null,
	asOf: string | null = null
) {
	const data = salariesDataset(cols, name, overrides, cpi ?? undefined);
	return asOf ? { ...data, dataVersion: asOf } : data;
}

/** A salary page's model on a user's Dataset (the server's view functions, unchanged). */
export function yourSalaryPage(
	data: ReturnType<typeof salariesDataset>,
	cols: SalaryColumns,
	overrides: TitleOverrides,
	q: Exclude<YourPageQuery, { page: 'demand' }>
): YourPageModel {
	const { filters } = q;
	const years = yearsOf(data.salaries);
	const frame = (model: unknown): YourPageFrame => ({
		dataVersion: data.dataVersion,
		facets: facetsView(data, filters),
		countries: countryOptions(data.salaries),
		years,
		downloads: Object.fromEntries(downloadsOf(q, model).map((by) => [by, download(data, by, filters)])),
		skipped: data.skipped.length,
		rowsUsed: data.salaries.length
	});
	switch (q.page) {
		case 'overview': {
			const model = overviewView(data, { filters, claimYear: q.claimYear });
			return { page: 'overview', ...frame(model), model };
		}
		case 'pay': {
			const model = payView(data, { filters, scale: q.scale, salary: q.salary, band: q.band });
			return { page: 'pay', ...frame(model), model };
		}
		case 'trends': {
			const model = trendsView(data, { filters, gfrom: q.gfrom, gto: q.gto });
			return { page: 'trends', ...frame(model), model };
		}
		case 'titles': {
			const model = titlesView(data, { filters });
			return { page: 'titles', ...frame(model), model, yourTitles: yourTitles(cols, overrides, filters.titles) };
		}
	}
}

/** /demand on a user's postings file: the /data postings figures in the URL's title mode. */
export function yourDemandPage(cols: PostingsColumns, overrides: TitleOverrides, filters: Filters): YourPageModel {
	return { page: 'demand', postings: yourPostingsView(cols, { mode: filters.titles, overrides }) };
}

/**
 * The "About this file" sidecar of a summary CSV built from the user's file: the same fields as
 * /api/summary.meta.json's where they apply, the source named as the user's file, and no row of it.
 */
export function yourSummaryMeta(d: YourDownload, filters: Filters, fileName: string, csvName: string, generatedAt: string) {
	return {
		file: csvName,
		generated_at: generatedAt,
		source: `your file ${fileName}`,
		note: 'Computed in your browser from your own file; nothing of the file was sent anywhere.',
		counts: {
			matched: d.counts.matched,
			duplicates: d.counts.duplicates,
			counted: d.counts.counted,
			rows_without_cpi: d.counts.rowsWithoutCpi
		},
		pay_basis: d.payBasis,
		app: { name: APP_NAME, version: APP_VERSION },
		query: d.canonical,
		by: d.by,
		filters,
		title_mapping: TITLE_MAPPING_VERSION,
		methods: {
			quantiles: 'linear interpolation between order statistics (d3.quantile, R type 7)',
			median_interval: `${CONFIDENCE * 100}% distribution-free order-statistic interval (binomial) on the effective n, identical rows counted as one cluster (Kish)`,
			small_samples: `n < ${SUPPRESS_BELOW} suppressed; n < ${LOW_CONFIDENCE_BELOW} low confidence`
		},
		columns: COLUMN_DOCS,
		sources: [
			{ description: `your file ${fileName}`, license: 'yours' },
			...(filters.real ? [{ description: 'US CPI-U (datasets/cpi-us), fetched from this app for real pay', license: 'ODC-PDDL 1.0' }] : [])
		]
	};
}
