/**
 * Every page in one table: how its URL is read (the same rules and messages everywhere) and
 * how its model is computed from a data source. The server's page loads, the pages' JSON
 * endpoint and the browser's worker all reach a page's model through `runPage`, on the
 * built-in data or on the user's own file alike: a new page is one entry here, a new data
 * source one more kind of `DatasetSource`.
 *
 * Pure: no I/O, no clock (the caller builds the source and keeps results).
 */
import type { CpiRow } from '$lib/data/types';
import type { PostingsColumns, SalaryColumns } from '$lib/data/upload/columns';
import type { TitleOverrides } from '$lib/data/upload/store';
import { countryOptions, yearsOf, type CountryOption } from '$lib/transform/options';
import { partialYearOf, realPayProblem, type Dataset, type ParsedFile } from '$lib/transform/dataset';
import { impliedRates } from '$lib/transform/money';
import { noRate, salaryInUsd, type SalaryInput } from '$lib/query/salary-input';
import { money, moneyIn, rate4 } from '$lib/format';
import type { Filters } from '$lib/transform/filters';
import { parseFilters, type ParamError } from '$lib/query/url-filters';
import { parseMarket, parseSalaryQuery, parseScale, parseSpanYear } from '$lib/query/page-params';
import { parseSource, type DataSource } from '$lib/query/source';
import { pageKey, type PageId } from './key';

export { PAGE_IDS, PAGE_PATH, pageKey, type PageId } from './key';
import { facetsView, type FacetsModel } from '$lib/views/facets';
import { overviewView, type OverviewModel } from '$lib/views/overview';
import { payView, type PayModel } from '$lib/views/pay';
import { trendsView, type TrendsPage } from '$lib/views/trends';
import { titlesView, type TitleLine } from '$lib/views/titles';
import { demandMarkets, demandView, type DemandModel } from '$lib/views/demand';
import { yourPostingsView, type YourPostingsModel } from '$lib/views/your-data';
import { downloadsOf, yourDownload, yourTitles, type YourDownload, type YourTitles } from '$lib/views/your-pages';
import type { By } from '$lib/views/summary-table';

/** The user's kept files with what the worker builds from them. */
export interface YourFiles {
	readonly salaries: {
		readonly name: string;
		readonly columns: SalaryColumns;
		/** The file's Dataset (with the title choices, the CPI and the "as of" date the user gave). */
		readonly data: Dataset;
		/** Rows of the file the dashboard could not use, counted. */
		readonly skipped: number;
	} | null;
	readonly postings: { readonly name: string; readonly columns: PostingsColumns } | null;
	readonly overrides: TitleOverrides;
}

/** Where a page's numbers come from: the built-in data, or the user's files (read in the browser only). */
export type DatasetSource = { readonly kind: 'builtin'; readonly data: Dataset } | { readonly kind: 'yours'; readonly files: YourFiles };

/** The filter panel around a page: counts per option, the countries and years the data hold. */
export interface PageFrame {
	/** The Dataset's date (for the built-in data, the snapshot's). */
	readonly dataVersion: string;
	readonly facets: FacetsModel;
	readonly countries: readonly CountryOption[];
	readonly years: readonly number[];
}

/** What the page component shows of the user's file: its name and the download tables built from it. */
export interface YourContext {
	readonly fileName: string;
	readonly downloads: Partial<Record<By, YourDownload>>;
	/** Rows of the file the dashboard could not use, and the rows used. */
	readonly skipped: number;
	readonly rowsUsed: number;
}

export interface PayPageModel extends PayModel {
	readonly dataVersion: string;
	readonly salaryText: string;
	readonly salaryError: string | null;
	/** A salary typed in another currency, in words with its conversion ("€80,000 ≈ $88,889 at 2024's rate …"); else null. */
	readonly salaryNote: string | null;
	readonly pageErrors: readonly ParamError[];
}
export interface TrendsPageModel extends TrendsPage {
	readonly dataVersion: string;
	readonly pageErrors: readonly ParamError[];
}
export interface TitlesPageModel {
	readonly titles: TitleLine[];
	readonly mode: Filters['titles'];
	/** The user's title decisions (source=yours), else null. */
	readonly yourTitles: YourTitles | null;
}
export type DemandPageModel =
	| ({ readonly kind: 'indeed'; readonly pageErrors: readonly ParamError[] } & DemandModel)
	| { readonly kind: 'postings'; readonly postings: YourPostingsModel; readonly mode: Filters['titles'] };

export interface PageModels {
	readonly overview: OverviewModel;
	readonly pay: PayPageModel;
	readonly trends: TrendsPageModel;
	readonly demand: DemandPageModel;
	readonly titles: TitlesPageModel;
}

/** Queries as parsed from the URL (filters and the page's own parameters). */
export interface PageQueries {
	readonly overview: { readonly filters: Filters; readonly claimYear: number | 'all' | null };
	readonly pay: {
		readonly filters: Filters;
		readonly scale: 'linear' | 'log';
		readonly salaryText: string;
		readonly salary: number | null;
		readonly band: { readonly low: number; readonly high: number } | null;
		readonly salaryError: string | null;
		readonly salaryNote: string | null;
	};
	readonly trends: { readonly filters: Filters; readonly gfrom: number | null; readonly gto: number | null };
	readonly demand: { readonly filters: Filters; readonly market: string | null };
	readonly titles: { readonly filters: Filters };
}

/** A page's model on one source for one URL, with everything around it the page shows. */
export interface PageResult<P extends PageId = PageId> {
	readonly page: P;
	readonly source: DataSource;
	/** The canonical form of the URL this model is for (see `pageKey`): two URLs with one key show one view. */
	readonly key: string;
	/** The filter panel; null where the page has none (the user's postings on /demand). */
	readonly frame: PageFrame | null;
	readonly model: PageModels[P];
	/** The user's file behind the model (source=yours), else null. */
	readonly yours: YourContext | null;
}

/** Why no model could be made for a URL (the page says so; the server answers with the status). */
export type PageProblem =
	| { readonly code: 'bad-source'; readonly status: 400; readonly message: string }
	| { readonly code: 'redirect'; readonly status: 307; readonly location: string }
	| { readonly code: 'no-file'; readonly kind: 'salaries' | 'postings'; readonly message: string };

/** `cyear=` the claim check's work year (four digits) or `all`; anything else → the default (the latest full year). */
function parseClaimYear(v: string | null): number | 'all' | null {
	if (v === 'all') return 'all';
	return v !== null && /^\d{4}$/.test(v) ? Number(v) : null;
}

/**
 * Each page's URL parameters beyond the filters (the same rules and messages on the server and
 * in the browser); a problem goes to `errors`, shown on the page, and the parameter's default is used.
 */
const PARSE: {
	readonly [P in PageId]: (params: URLSearchParams, filters: Filters, data: Dataset, errors: ParamError[]) => PageQueries[P];
} = {
	overview: (params, filters) => ({ filters, claimYear: parseClaimYear(params.get('cyear')) }),
	pay: (params, filters, data, errors) => {
		const salaryQuery = parseSalaryQuery(params);
		const { input, note } = salaryInDollars(salaryQuery.input, data);
		return {
			filters,
			scale: parseScale(params, errors),
			salaryText: salaryQuery.text,
			salary: input?.ok && input.kind === 'value' ? input.value : null,
			band: input?.ok && input.kind === 'band' ? { low: input.low, high: input.high } : null,
			salaryError: input && !input.ok ? input.message : null,
			salaryNote: note
		};
	},
	trends: (params, filters, _data, errors) => ({
		filters,
		gfrom: parseSpanYear(params, 'gfrom', errors),
		gto: parseSpanYear(params, 'gto', errors)
	}),
	// `market=` as asked (validated against the data's markets), else null: the view follows the filters' countries.
	demand: (params, filters, data, errors) => ({ filters, market: parseMarket(params, demandMarkets(data), '', errors) || null }),
	titles: (_params, filters) => ({ filters })
};

/** The rates each currency's reports were converted with, per work year (units per US dollar), once per Dataset. */
const ratesOf = new WeakMap<Dataset, Map<string, Map<number, number>>>();

/**
 * A salary typed in another currency, in dollars at the rate the data's own reports of that
 * currency were converted with in its latest full year (the latest year when there is no full
 * one), and the sentence that says so; a currency the data has no rate for is an error naming it.
 */
export function salaryInDollars(input: SalaryInput | null, data: Dataset): { input: SalaryInput | null; note: string | null } {
	if (!input?.ok || input.currency === undefined) return { input, note: null };
	let rates = ratesOf.get(data);
	if (!rates) ratesOf.set(data, (rates = impliedRates(data.salaries)));
	const byYear = rates.get(input.currency);
	if (!byYear) return { input: noRate(input.currency), note: null };
	const partial = partialYearOf(data.dataVersion);
	const years = [...byYear.keys()].sort((a, b) => b - a);
	const year = years.find((y) => y !== partial) ?? years[0]!;
	const perUsd = byYear.get(year)!;
	const usd = salaryInUsd(input, perUsd);
	if (!usd.ok) return { input: usd, note: null };
	const c = input.currency;
	const typed = input.kind === 'value' ? moneyIn(input.value, c) : `${moneyIn(input.low, c)}–${moneyIn(input.high, c)}`;
	const dollars = usd.kind === 'value' ? money(usd.value) : `${money(usd.low)}–${money(usd.high)}`;
	return {
		input: usd,
		note: `${typed} ≈ ${dollars} at ${year}'s rate (${rate4(perUsd)} ${c} per US dollar, the rate this data's ${year} reports in ${c} were converted at).`
	};
}

/** The countries and years of a Dataset depend on it alone: listed once per Dataset, not per view. */
const listsOf = new WeakMap<Dataset, { countries: CountryOption[]; years: number[] }>();

/** The filter panel of a Dataset for these filters. */
function frameOf(data: Dataset, filters: Filters): PageFrame {
	let lists = listsOf.get(data);
	if (!lists) listsOf.set(data, (lists = { countries: countryOptions(data.salaries), years: yearsOf(data.salaries) }));
	return { dataVersion: data.dataVersion, facets: facetsView(data, filters), ...lists };
}

/**
 * The problem with a URL before any model is made, or null: a `source` other than builtin or
 * yours (400), real pay asked for without a CPI (307 to the nominal view), no kept file of the
 * page's kind on source=yours.
 */
export function pageProblem(page: PageId, path: string, params: URLSearchParams, src: DatasetSource): PageProblem | null {
	const source = parseSource(params);
	if (source.error) return { code: 'bad-source', status: 400, message: source.error.message };
	if (src.kind === 'yours') {
		const kind = page === 'demand' ? 'postings' : 'salaries';
		if (!src.files[kind]) return { code: 'no-file', kind, message: `No ${kind} file is kept in this browser.` };
	}
	const data = src.kind === 'builtin' ? src.data : src.files.salaries?.data;
	if (page !== 'demand' && data && parseFilters(params).filters.real && realPayProblem(data)) {
		// A link asking for real pay without a CPI shows the nominal view, so the link, the filter controls and the charts agree.
		const nominal = new URLSearchParams(params);
		nominal.delete('real');
		const q = nominal.toString();
		return { code: 'redirect', status: 307, location: `${path}${q ? `?${q}` : ''}` };
	}
	return null;
}

/**
 * A page's model on a source for a URL's parameters: the one call behind every page, on the
 * server and in the browser. Check `pageProblem` first: this assumes there is none.
 */
export function runPage<P extends PageId>(page: P, params: URLSearchParams, src: DatasetSource): PageResult<P> {
	const key = pageKey(page, params);
	const { filters } = parseFilters(params);
	const source: DataSource = src.kind;
	if (src.kind === 'yours' && page === 'demand') {
		const p = src.files.postings!;
		const model: DemandPageModel = {
			kind: 'postings',
			postings: yourPostingsView(p.columns, { mode: filters.titles, overrides: src.files.overrides }),
			mode: filters.titles
		};
		return {
			page,
			source,
			key,
			frame: null,
			model: model as PageModels[P],
			yours: { fileName: p.name, downloads: {}, skipped: 0, rowsUsed: p.columns.n }
		};
	}
	const data = src.kind === 'builtin' ? src.data : src.files.salaries!.data;
	const errors: ParamError[] = [];
	const query = PARSE[page](params, filters, data, errors);
	let model: PageModels[PageId];
	switch (page) {
		case 'overview':
			model = overviewView(data, query as PageQueries['overview']);
			break;
		case 'pay': {
			const q = query as PageQueries['pay'];
			model = {
				...payView(data, { filters, scale: q.scale, salary: q.salary, band: q.band }),
				dataVersion: data.dataVersion,
				salaryText: q.salaryText,
				salaryError: q.salaryError,
				salaryNote: q.salaryNote,
				pageErrors: errors
			};
			break;
		}
		case 'trends':
			model = { ...trendsView(data, query as PageQueries['trends']), dataVersion: data.dataVersion, pageErrors: errors };
			break;
		case 'titles':
			model = {
				...titlesView(data, { filters }),
				yourTitles: src.kind === 'yours' ? yourTitles(src.files.salaries!.columns, src.files.overrides, filters.titles) : null
			};
			break;
		default:
			model = { kind: 'indeed', ...demandView(data, query as PageQueries['demand']), pageErrors: errors };
	}
	const yours: YourContext | null =
		src.kind === 'yours'
			? {
					fileName: src.files.salaries!.name,
					downloads: Object.fromEntries(downloadsOf(page, model).map((by) => [by, yourDownload(data, by, filters)])),
					skipped: src.files.salaries!.skipped,
					rowsUsed: data.salaries.length
				}
			: null;
	return { page, source, key, frame: frameOf(data, filters), model: model as PageModels[P], yours };
}

/** The CPI rows a user's file needs for real pay (the built-in ones), as a parsed file. */
export function cpiFile(rows: readonly CpiRow[]): ParsedFile<CpiRow> {
	return { file: 'us-cpi/cpiai.csv', rows, issues: [], rowsRead: rows.length, rejected: 0 };
}
