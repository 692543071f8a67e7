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
import { datasetOf, partialYearOf, realPayProblem, type Dataset, type ParsedFile } from '$lib/transform/dataset';
import { computeStats } from '$lib/transform/stats/compute';
import {
	impliedRates,
	inMoney,
	marketRate,
	moneyBasis,
	moneyCodes,
	pppFactor,
	type Conversion,
	type LeftOutReason,
	type MoneyTables
} from '$lib/transform/money';
import { currencyOf } from '$lib/data/currencies';
import { noRate, salaryInUsd, type SalaryInput } from '$lib/query/salary-input';
import { money, moneyIn, rate4 } from '$lib/format';
import { countryName } from '$lib/data/countries';
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

/**
 * Where a page's numbers come from: the built-in data, or the user's files (read in the browser
 * only), with the money tables `currency=` converts with (null when they could not be read: the
 * pages then show US dollars and say why).
 */
export type DatasetSource = (
	{ readonly kind: 'builtin'; readonly data: Dataset } | { readonly kind: 'yours'; readonly files: YourFiles }
) & { readonly money?: MoneyTables | null };

/** The money a page's figures are in, and what converting to it left out. */
export interface PageMoney {
	/** `USD`, `PPP` or a currency code: what every figure on the page is in. */
	readonly code: string;
	/**
	 * The codes the page can be shown in, for the message when another money was asked for: empty
	 * on a page in US dollars (the browser's worker fetches the tables only for another money, and
	 * the model is the same on both sides) and when the tables are not at hand. The filter panel
	 * takes its list from the layout's data.
	 */
	readonly codes: readonly string[];
	/** What the numbers are, in words (as the API's `pay_basis`). */
	readonly basis: string;
	/** Reports of this view (its filters and title families) the conversion left out, by reason (all zero in US dollars). */
	readonly leftOut: Readonly<Record<LeftOutReason, number>>;
	/** The `currency=` asked for could not be used (unknown code, no tables): why, in words; the page shows US dollars. */
	readonly error: string | null;
}

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
	/** The money of the figures (US dollars unless `currency=`). */
	readonly money: PageMoney;
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

/** What a page's parameters are read against: the Dataset in the view's money, the same in US dollars, the tables. */
interface ParseContext {
	readonly data: Dataset;
	readonly usd: Dataset;
	readonly tables: MoneyTables | null;
	/** The money of the view (`USD`, `PPP`, a code). */
	readonly code: string;
}

/**
 * Each page's URL parameters beyond the filters (the same rules and messages on the server and
 * in the browser); a problem goes to `errors`, shown on the page, and the parameter's default is used.
 */
const PARSE: {
	readonly [P in PageId]: (params: URLSearchParams, filters: Filters, ctx: ParseContext, errors: ParamError[]) => PageQueries[P];
} = {
	overview: (params, filters) => ({ filters, claimYear: parseClaimYear(params.get('cyear')) }),
	pay: (params, filters, ctx, errors) => {
		// An amount without a currency is in the view's money (international dollars at PPP: checked as dollars).
		const salaryQuery = parseSalaryQuery(params, ctx.code === 'PPP' ? 'USD' : ctx.code);
		const { input, note } = salaryInView(salaryQuery.input, ctx.usd, ctx.tables, ctx.code, filters);
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
	trends: (params, filters, _ctx, errors) => ({
		filters,
		gfrom: parseSpanYear(params, 'gfrom', errors),
		gto: parseSpanYear(params, 'gto', errors)
	}),
	// `market=` as asked (validated against the data's markets), else null: the view follows the filters' countries.
	demand: (params, filters, ctx, errors) => ({ filters, market: parseMarket(params, demandMarkets(ctx.data), '', errors) || null }),
	titles: (_params, filters) => ({ filters })
};

/** The rates each currency's reports were converted with, per work year (units per US dollar), once per Dataset. */
const ratesOf = new WeakMap<Dataset, Map<string, Map<number, number>>>();

/** A salary or band that was read. */
type Amount = Extract<SalaryInput, { ok: true }>;

/** A rate for a typed amount: units per US dollar, its year, and where it comes from. */
interface TypedRate {
	readonly perUsd: number;
	readonly year: number;
	readonly source: 'aijobs' | 'fed';
}

/**
 * The rate of `code` for the data's latest full work year (the latest year when there is no full
 * one): from the money tables when there are any, else from the data's own reports in that currency.
 */
function typedRate(code: string, data: Dataset, tables: MoneyTables | null): TypedRate | null {
	let rates = ratesOf.get(data);
	if (!rates) ratesOf.set(data, (rates = impliedRates(data.salaries)));
	const partial = partialYearOf(data.dataVersion);
	const own = rates.get(code);
	const years = own ? [...own.keys()] : [...listsOf(data).years];
	years.sort((a, b) => b - a);
	const year = years.find((y) => y !== partial) ?? years[0];
	if (year === undefined) return null;
	if (code === 'USD') return { perUsd: 1, year, source: 'aijobs' };
	if (tables) {
		const r = marketRate(tables, code, year);
		return r && { perUsd: r.perUsd, year: r.year, source: r.source };
	}
	const perUsd = own?.get(year);
	return perUsd === undefined ? null : { perUsd, year, source: 'aijobs' };
}

/** "at 2024's rate (0.9 EUR per US dollar, the rate this data's 2024 reports in EUR were converted at)". */
function rateWords(r: TypedRate, code: string): string {
	return r.source === 'aijobs'
		? `${rate4(r.perUsd)} ${code} per US dollar, the rate this data's ${r.year} reports in ${code} were converted at`
		: `${rate4(r.perUsd)} ${code} per US dollar, Federal Reserve H.10 yearly average`;
}

/**
 * A typed salary in the view's money, and the sentence that says how it was converted (null when
 * it is in the view's money already). A salary without a currency is in the view's money. To a
 * currency: through US dollars at the data's latest full year's rates. At PPP: an amount in a
 * currency is divided by the PPP factor of the country that uses it (of the filters' one country
 * where several do, as for the euro). A currency without a rate is an error naming it.
 */
export function salaryInView(
	input: SalaryInput | null,
	data: Dataset,
	tables: MoneyTables | null,
	code: string,
	filters: Filters
): { input: SalaryInput | null; note: string | null } {
	if (!input?.ok || input.currency === undefined) return { input, note: null };
	const typedCode = input.currency;
	const r = typedRate(typedCode, data, tables);
	if (!r) return { input: noRate(typedCode), note: null };
	const usd = salaryInUsd(input, r.perUsd);
	if (!usd.ok) return { input: usd, note: null };
	const typed =
		input.kind === 'value' ? moneyIn(input.value, typedCode) : `${moneyIn(input.low, typedCode)}–${moneyIn(input.high, typedCode)}`;
	// Typed in the view's money: as typed (the dollar figure only checked the bounds).
	if (typedCode === code) {
		const { currency: _typed, ...asTyped } = input;
		return { input: asTyped, note: null };
	}
	/** An amount (or both ends of a band) through `f`, to the cent. */
	const scaled = (from: Amount, f: (v: number) => number): Amount => {
		const c = (x: number) => Math.round(f(x) * 100) / 100;
		return from.kind === 'value'
			? { ok: true, kind: 'value', value: c(from.value) }
			: { ok: true, kind: 'band', low: c(from.low), high: c(from.high) };
	};
	const said = (v: Amount) => (v.kind === 'value' ? money(v.value, code) : `${money(v.low, code)}–${money(v.high, code)}`);
	if (code === 'USD') return { input: usd, note: `${typed} ≈ ${said(usd)} at ${r.year}'s rate (${rateWords(r, typedCode)}).` };
	if (code !== 'PPP') {
		const rc = tables ? marketRate(tables, code, r.year) : null;
		if (!rc) return { input: noRate(code), note: null };
		const v = scaled(usd, (x) => x * rc.perUsd);
		return {
			input: v,
			note:
				typedCode === 'USD'
					? `${typed} ≈ ${said(v)} at ${rc.year}'s rate (${rateWords(rc, code)}).`
					: `${typed} ≈ ${said(v)} at ${r.year}'s rates (${rate4(r.perUsd)} ${typedCode} and ${rate4(rc.perUsd)} ${code} per US dollar).`
		};
	}
	// PPP: the amount in local money over the factor of the country that uses the currency.
	const users = tables ? [...tables.ppp.keys()].filter((c) => currencyOf(c) === typedCode).sort() : [];
	const chosen = users.length === 1 ? users : users.filter((c) => filters.country.includes(c));
	if (chosen.length !== 1)
		return {
			input: {
				ok: false,
				error: 'no-rate',
				message:
					users.length === 0
						? `This data has no PPP factor for ${typedCode}; enter the amount in international dollars or switch the page to ${typedCode}.`
						: `At purchasing-power parity, ${typedCode} converts by country (${users.slice(0, 4).join(', ')}${users.length > 4 ? ', …' : ''}): choose one of them in the Country filter, or enter the amount in international dollars.`
			},
			note: null
		};
	const country = chosen[0]!;
	const f = pppFactor(tables!, country, r.year)!;
	const v = scaled(input, (x) => x / f.factor);
	return {
		input: v,
		note: `${typed} ≈ ${said(v)} at purchasing-power parity (${rate4(f.factor)} ${typedCode} per international dollar in ${countryName(country)}, World Bank ICP ${f.year}).`
	};
}

/** The countries and years of a Dataset depend on it alone: listed once per Dataset, not per view. */
const lists = new WeakMap<Dataset, { countries: CountryOption[]; years: number[] }>();

/** A Dataset's countries and work years, listed once. */
function listsOf(data: Dataset): { countries: CountryOption[]; years: number[] } {
	let hit = lists.get(data);
	if (!hit) lists.set(data, (hit = { countries: countryOptions(data.salaries), years: yearsOf(data.salaries) }));
	return hit;
}

/** The filter panel of a Dataset for these filters. */
function frameOf(data: Dataset, filters: Filters): PageFrame {
	return { dataVersion: data.dataVersion, facets: facetsView(data, filters), ...listsOf(data) };
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

/** The pages whose figures are money (the others show counts and shares, in no money). */
const MONEY_PAGES: ReadonlySet<PageId> = new Set(['overview', 'pay', 'trends']);

/** US dollars, as the data are published. */
const US_DOLLARS: PageMoney = {
	code: 'USD',
	codes: [],
	basis: moneyBasis('USD', []),
	leftOut: { 'no-rate': 0, 'no-residence': 0, 'no-ppp': 0, 'no-local-rate': 0 },
	error: null
};

/** The left-out rows of a conversion as Datasets, one per reason, built once per conversion. */
const droppedData = new WeakMap<Conversion, Partial<Record<LeftOutReason, Dataset>>>();

/**
 * How many reports of this view (the filters, the title families) each reason left out: the
 * rows the view would have counted had they been convertible.
 */
function leftOutIn(usd: Dataset, conversion: Conversion, filters: Filters): Record<LeftOutReason, number> {
	let byReason = droppedData.get(conversion);
	if (!byReason) droppedData.set(conversion, (byReason = {}));
	const out: Record<LeftOutReason, number> = { 'no-rate': 0, 'no-residence': 0, 'no-ppp': 0, 'no-local-rate': 0 };
	for (const reason of Object.keys(out) as LeftOutReason[]) {
		const rows = conversion.dropped[reason];
		if (rows.length === 0) continue;
		const d = (byReason[reason] ??= datasetOf({ ...usd, salaries: rows }));
		out[reason] = computeStats(d.prepared, { ...filters, real: false }, { cpi: d.annualCpi }).counts.matched;
	}
	return out;
}

/**
 * The money of a page's figures and the Dataset in it: US dollars unless `currency=` asks for a
 * money the tables have (then the converted Dataset and what it left out); a money that cannot
 * be used is said in words and the page stays in US dollars.
 */
function moneyOf(
	page: PageId,
	usd: Dataset,
	tables: MoneyTables | null,
	filters: Filters
): { money: PageMoney; data: Dataset; conversion: Conversion | null } {
	const asked = filters.currency ?? 'USD';
	const plain = { data: usd, conversion: null };
	if (!MONEY_PAGES.has(page) || asked === 'USD') return { money: US_DOLLARS, ...plain };
	const codes = tables ? moneyCodes(tables, tables.marketLast) : [];
	if (!tables)
		return {
			money: {
				...US_DOLLARS,
				error: `currency: the exchange-rate tables could not be read, so pay is shown in US dollars (currency=${asked} was asked for).`
			},
			...plain
		};
	if (!codes.includes(asked))
		return {
			money: {
				...US_DOLLARS,
				codes,
				error: `currency: no exchange rates for "${asked}" here, so pay is shown in US dollars; use one of ${codes.join(', ')}`
			},
			...plain
		};
	const { data, conversion } = inMoney(usd, tables, asked);
	return {
		money: { code: asked, codes, basis: moneyBasis(asked, conversion.carried), leftOut: leftOutIn(usd, conversion, filters), error: null },
		data,
		conversion
	};
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
			yours: { fileName: p.name, downloads: {}, skipped: 0, rowsUsed: p.columns.n },
			money: US_DOLLARS
		};
	}
	const usd = src.kind === 'builtin' ? src.data : src.files.salaries!.data;
	const { money, data, conversion } = moneyOf(page, usd, src.money ?? null, filters);
	const errors: ParamError[] = [];
	const query = PARSE[page](params, filters, { data, usd, tables: src.money ?? null, code: money.code }, errors);
	let model: PageModels[PageId];
	switch (page) {
		case 'overview':
			model = overviewView(data, query as PageQueries['overview'], usd);
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
					downloads: Object.fromEntries(downloadsOf(page, model).map((by) => [by, yourDownload(data, by, filters, conversion)])),
					skipped: src.files.salaries!.skipped,
					rowsUsed: data.salaries.length
				}
			: null;
	return { page, source, key, frame: frameOf(data, filters), model: model as PageModels[P], yours, money };
}

/** The CPI rows a user's file needs for real pay (the built-in ones), as a parsed file. */
export function cpiFile(rows: readonly CpiRow[]): ParsedFile<CpiRow> {
	return { file: 'us-cpi/cpiai.csv', rows, issues: [], rowsRead: rows.length, rejected: 0 };
}
