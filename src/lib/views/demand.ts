/** /demand view model: Indeed postings shares and sector indices by month, and the company-size mix of reports. */
import { ascending, max, mean, rollups } from 'd3-array';
import { COMPANY_SIZES, type CompanySize, type TitleFamily } from '$lib/data/types';
import type { SectorIndexRow, ShareRow } from '$lib/data/types';
import type { Annotation, BarSeries, LineSeries, TableData } from './chart-models';
import type { CsvTable } from '$lib/csv/write';
import { round } from '$lib/csv/write';
import { describeFilters } from '$lib/format/filters';
import { count } from '$lib/format';
import { figureSupport, isShown } from '$lib/transform/stats/support';
import { REGION_LABEL, SIZE_LABEL } from '$lib/format/labels';
import { countryName, regionOf } from '$lib/data/countries';
import { facetCounts } from '$lib/transform/stats/facets';
import { SERIES_COLOR, SIZE_COLOR } from '$lib/theme';
import { CONTEXT_SECTORS, sourceProblems, type Dataset } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import type { Stats } from '$lib/transform/stats/types';
import { FAMILIES } from '$lib/transform/stats/summary';

export interface MonthValue {
	/** First day of the month, YYYY-MM-01. */
	readonly month: string;
	readonly value: number;
	/** Daily values averaged. */
	readonly days: number;
}

/** Monthly means of daily values: `[{date:'2024-01-01',v:1},{date:'2024-01-02',v:3}] → [{month:'2024-01-01', value:2, days:2}]`. */
export function monthlyMeans(daily: readonly { date: string; value: number }[]): MonthValue[] {
	return rollups(
		daily,
		(g) => ({ value: mean(g, (d) => d.value)!, days: g.length }),
		(d) => `${d.date.slice(0, 7)}-01`
	)
		.map(([month, s]) => ({ month, ...s }))
		.sort((a, b) => ascending(a.month, b.month));
}

/** Countries with AI-share data, A–Z. */
export function shareMarkets(rows: readonly ShareRow[]): string[] {
	return [...new Set(rows.map((r) => r.country))].sort();
}

/** Monthly mean share (percent of postings) for one country. */
export function shareByMonth(rows: readonly ShareRow[], country: string): MonthValue[] {
	return monthlyMeans(rows.filter((r) => r.country === country).map((r) => ({ date: r.date, value: r.sharePct })));
}

/** Monthly mean of a sector's index (total postings) for one country. */
export function sectorByMonth(rows: readonly SectorIndexRow[], country: string, sector: string): MonthValue[] {
	return monthlyMeans(
		rows
			.filter((r) => r.country === country && r.sector === sector && r.variable === 'total postings')
			.map((r) => ({ date: r.date, value: r.index }))
	);
}

export interface SizeShare {
	readonly year: number;
	readonly family: TitleFamily;
	readonly total: number;
	readonly bySize: Readonly<Record<CompanySize, { n: number; sharePct: number | null }>>;
}

/**
 * Share of each family's reports per company size, per year, from statistics of single years
 * grouped by company size. `sharePct` is null when the family has fewer than SUPPRESS_BELOW
 * reports that year (the small-sample rule for mixes, `figureSupport` kind 'mix').
 */
export function sizeShares(perYear: readonly { year: number; stats: Stats }[]): SizeShare[] {
	const out: SizeShare[] = [];
	for (const { year, stats } of perYear) {
		if (stats.groups?.dimension !== 'companySize') throw new Error('sizeShares needs statistics grouped by companySize');
		for (const family of FAMILIES) {
			const n = (size: CompanySize) => stats.groups!.groups.find((g) => g.key === size)?.families[family].n ?? 0;
			const total = COMPANY_SIZES.reduce((a, s) => a + n(s), 0);
			const bySize = Object.fromEntries(
				// The small-sample rule for mixes: no shares from fewer than SUPPRESS_BELOW reports (33/33/33 % from 3).
				COMPANY_SIZES.map((s) => [s, { n: n(s), sharePct: isShown({ kind: 'mix', total }) ? (100 * n(s)) / total : null }])
			) as SizeShare['bySize'];
			out.push({ year, family, total, bySize });
		}
	}
	return out;
}

/** The Indeed market shown when neither the URL nor the filters name one. */
export const DEFAULT_MARKET = 'US';

export interface DemandQuery {
	readonly filters: Filters;
	/**
	 * The Indeed market the URL names (`market=`, one of `demandMarkets(data)`, validated by the
	 * caller), or null: then the filters' countries choose it (see `chooseMarket`).
	 */
	readonly market: string | null;
}

/**
 * The Indeed markets the country and region filters pick, A–Z by code: the chosen countries
 * Indeed covers (within the chosen regions, if any), else the covered countries of the chosen
 * regions; none when neither filter names a place.
 * `filterMarkets({ …, region: ['europe'] }, ['DE', 'GB', 'US']) → ['DE', 'GB']`.
 */
export function filterMarkets(filters: Pick<Filters, 'country' | 'region'>, markets: readonly string[]): string[] {
	const regions: readonly string[] = filters.region;
	const inRegion = (code: string) => regions.length === 0 || regions.includes(regionOf(code) ?? '');
	if (filters.country.length > 0) return markets.filter((m) => filters.country.includes(m) && inRegion(m));
	return filters.region.length > 0 ? markets.filter(inRegion) : [];
}

/** Why the Indeed charts show their market, for the line beside them. */
export type MarketWhy =
	/** No country or region filter and no market chosen: the default market. */
	| 'default'
	/** Chosen under "Indeed country", no country or region filter set. */
	| 'chosen'
	/** Follows the filters: their only covered market, or the one with the most reports among several (`covered`). */
	| 'filter'
	/** Chosen under "Indeed country" among the markets the filters cover. */
	| 'chosen-covered'
	/** Chosen under "Indeed country", outside the markets the filters pick. */
	| 'chosen-outside'
	/** The filters name places Indeed does not cover: the default market is shown. */
	| 'not-covered';

export interface MarketChoice {
	/** The market the Indeed charts and their downloads show. */
	readonly market: string;
	readonly why: MarketWhy;
	/** The markets the filters pick (`filterMarkets`), A–Z by code. */
	readonly covered: readonly string[];
	/** Countries the country filter names that Indeed does not cover, as given. */
	readonly uncovered: readonly string[];
	/** The market shown when the URL names none (the select writes no `market=` for it). */
	readonly fallback: string;
}

/**
 * Which Indeed market to show. The URL's `market=` wins; without it the filters decide: their
 * only covered market, or among several the one with the most reports under the filters
 * (`reports(code)`, ties by name), or DEFAULT_MARKET when they name no place or only places
 * Indeed does not cover.
 */
export function chooseMarket(
	filters: Pick<Filters, 'country' | 'region'>,
	markets: readonly string[],
	asked: string | null,
	reports: (code: string) => number
): MarketChoice {
	const covered = filterMarkets(filters, markets);
	const uncovered = filters.country.filter((c) => !markets.includes(c));
	const places = filters.country.length > 0 || filters.region.length > 0;
	const ranked = [...covered].sort((a, b) => reports(b) - reports(a) || countryName(a).localeCompare(countryName(b), 'en'));
	const fallback = ranked[0] ?? DEFAULT_MARKET;
	const choice = (market: string, why: MarketWhy): MarketChoice => ({ market, why, covered, uncovered, fallback });
	if (asked !== null) {
		if (!places) return choice(asked, 'chosen');
		return choice(asked, covered.includes(asked) ? 'chosen-covered' : 'chosen-outside');
	}
	if (!places) return choice(DEFAULT_MARKET, 'default');
	return choice(fallback, covered.length > 0 ? 'filter' : 'not-covered');
}

/** A market's name in running text: `'US' → 'the United States'`, `'DE' → 'Germany'`. */
export function marketName(code: string): string {
	const name = countryName(code);
	return /^(United|Netherlands)/.test(name) ? `the ${name}` : name;
}

/** `['France', 'Germany', 'Italy'] → 'France, Germany and Italy'`. */
function list(names: readonly string[]): string {
	return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The line beside the Indeed charts: whether they follow the country and region filters, and
 * which market they show; null when no place filter is set (the chart title names the market).
 * `marketNote(chooseMarket({ country: ['GB'], region: [] }, markets, null, …), …)
 *   → "The Indeed charts follow your country filter: they show the United Kingdom."`
 */
export function marketNote(choice: MarketChoice, filters: Pick<Filters, 'country' | 'region'>): string | null {
	const shown = marketName(choice.market);
	const byName = (codes: readonly string[]) => [...codes].sort((a, b) => countryName(a).localeCompare(countryName(b), 'en'));
	const covered = list(byName(choice.covered).map(countryName));
	// What the filters name: their countries, else their regions.
	const places = list(filters.country.length > 0 ? byName(filters.country).map(countryName) : filters.region.map((r) => REGION_LABEL[r]));
	const filter = filters.country.length > 0 ? 'country filter' : 'region filter';
	const missing =
		choice.uncovered.length > 0 ? ` Indeed publishes no postings data for ${list(byName(choice.uncovered).map(countryName))}.` : '';
	switch (choice.why) {
		case 'default':
		case 'chosen':
			return null;
		case 'filter':
		case 'chosen-covered':
			if (choice.covered.length === 1) return `The Indeed charts follow your ${filter}: they show ${shown}.${missing}`;
			return choice.why === 'filter'
				? `Indeed has data for ${covered} in your ${filter}; the Indeed charts show ${shown}, which has the most reports under your filters. Pick another under Indeed country.${missing}`
				: `The Indeed charts show ${shown}, chosen under Indeed country, one of the countries your ${filter} covers (${covered}).${missing}`;
		case 'chosen-outside':
			return choice.covered.length > 0
				? `The Indeed charts show ${shown}, chosen under Indeed country; your ${filter} is set to ${places} (Indeed covers ${covered}).`
				: `The Indeed charts show ${shown}, chosen under Indeed country; your ${filter} is set to ${places}, for which Indeed publishes no postings data.`;
		case 'not-covered':
			return `Indeed publishes no postings data for ${places}, so the Indeed charts show ${marketName(choice.fallback)}; the company-size charts below follow your filters.`;
	}
}

export interface SeriesEnd {
	readonly series: 'ai' | 'genai' | 'sectors' | 'salaries';
	/** Last day with data, YYYY-MM-DD (for salaries: the snapshot date). */
	readonly date: string;
}

export interface SizeMixChart {
	readonly family: TitleFamily;
	/** False when every year's mix is suppressed (fewer than SUPPRESS_BELOW reports): the page says so instead of drawing empty axes. */
	readonly drawable: boolean;
	/** Reports per year, for that sentence. */
	readonly totals: readonly { readonly year: number; readonly n: number }[];
	readonly categories: readonly string[];
	readonly series: readonly BarSeries[];
	readonly table: TableData;
}

export interface DemandModel {
	/** Indeed's markets for the "Indeed country" select, by name: those the filters pick first. */
	readonly markets: { readonly covered: readonly string[]; readonly others: readonly string[] };
	readonly market: string;
	/** How the market was chosen (and the one the select leaves out of the URL). */
	readonly marketChoice: MarketChoice;
	/** One line beside the charts saying whether they follow the filters and what they show; null when nothing needs saying. */
	readonly marketNote: string | null;
	/** The last day with data per series (monthly points are labelled by their first day). */
	readonly lastDates: { readonly ai: string; readonly genai: string; readonly sectors: string };
	/**
	 * Where each series on the page ends, for the note that says they end at different dates:
	 * the three Indeed series for the market (those with data) and the salary snapshot.
	 */
	readonly seriesEnds: readonly SeriesEnd[];
	/**
	 * Why a chart has no data: one message per refused Indeed file (missing or altered), naming
	 * the file and how to fix it. A missing file empties only its own chart.
	 */
	readonly unavailable: { readonly share: readonly string[]; readonly sectors: readonly string[] };
	/** Whether either share series has data for the market (the share chart is shown only then). */
	readonly hasShares: boolean;
	/** The date the share chart's source line gives: the AI series' last day, else the GenAI series'. */
	readonly shareSourceDate: string;
	readonly counts: Stats['counts'];
	readonly annotations: readonly Annotation[];
	readonly shareSeries: readonly LineSeries[];
	readonly shareTable: TableData;
	readonly shareCsv: CsvTable;
	/** Whether Indeed publishes a sector index for the market. */
	readonly hasSectors: boolean;
	readonly sectorSeries: readonly LineSeries[];
	readonly sectorTable: TableData;
	readonly sectorCsv: CsvTable;
	/** One stacked-bar chart per family; empty when no report matches. */
	readonly sizeCharts: readonly SizeMixChart[];
	readonly sizeCsv: CsvTable;
}

/** The Indeed markets the page offers (from the GenAI series when the AI file is unavailable). */
export function demandMarkets(data: Dataset): string[] {
	return shareMarkets(data.aiShare.length > 0 ? data.aiShare : data.genaiShare);
}

const toPoints = (m: readonly MonthValue[]) => m.map((v) => ({ x: new Date(`${v.month}T00:00:00Z`), y: v.value }));
const CHATGPT: Annotation = { x: new Date('2022-11-30T00:00:00Z'), label: 'ChatGPT released (30 Nov 2022)' };

/** `'Software Development' → 'software_development_index'`. */
export const sectorColumn = (sector: string) => `${sector.toLowerCase().replace(/\W+/g, '_')}_index`;

/**
 * /demand: Indeed shares and sector indices for one market (the URL's, else the one the filters'
 * countries pick, see `chooseMarket`), and the company-size mix of the filtered reports.
 */
export function demandView(data: Dataset, query: DemandQuery): DemandModel {
	const { filters } = query;
	const allMarkets = demandMarkets(data);
	// Reports per market under the filters (its own country in place of the country filter), only
	// when the filters cover several markets and no market is asked for: the choice needs them then.
	let perCountry: ReadonlyMap<string, number> | null = null;
	const reports = (code: string) => {
		perCountry ??= new Map(facetCounts(data.prepared, filters).options.country.map((o) => [String(o.value), o.n]));
		return perCountry.get(code) ?? 0;
	};
	const marketChoice = chooseMarket(filters, allMarkets, query.market, reports);
	const market = marketChoice.market;
	const byName = (a: string, b: string) => countryName(a).localeCompare(countryName(b), 'en');
	const ai = shareByMonth(data.aiShare, market);
	const genai = shareByMonth(data.genaiShare, market);
	const sectors = CONTEXT_SECTORS.map((sector) => ({ sector, months: sectorByMonth(data.sectors, market, sector) }));
	// Company-size mix per family and year: statistics per year in the filtered span.
	// Counts do not depend on the pay basis: nominal, so no report is dropped for want of a CPI year.
	const counting = computeStats(data.prepared, { ...filters, real: false });
	const perYear = counting.growth.years.map((year) => ({
		year,
		stats: computeStats(data.prepared, { ...filters, real: false, from: year, to: year }, { groupBy: 'companySize' })
	}));
	const shares = sizeShares(perYear);
	const lastDay = (rows: readonly { date: string; country: string }[]) =>
		max(
			rows.filter((r) => r.country === market),
			(r) => r.date
		) ?? '';

	// AI and GenAI shares side by side per month (GenAI ends earlier: null there).
	const genaiByMonth = new Map(genai.map((g) => [g.month, g.value]));
	const joined = ai.map((a) => ({ month: a.month.slice(0, 7), ai: a.value, genai: genaiByMonth.get(a.month) ?? null }));
	// The table's months are the first context sector's (CONTEXT_SECTORS is never empty).
	const sectorMonths = sectors[0]!.months;
	const sectorValue = (s: (typeof sectors)[number], month: string) => s.months.find((x) => x.month === month)?.value ?? null;
	const filtersText = describeFilters(filters);
	const lastDates = { ai: lastDay(data.aiShare), genai: lastDay(data.genaiShare), sectors: lastDay(data.sectors) };
	const messages = (parts: Parameters<typeof sourceProblems>[1]) => sourceProblems(data, parts).map((p) => p.message ?? p.file);

	const sizeCharts: SizeMixChart[] =
		shares.length === 0
			? []
			: FAMILIES.map((family) => {
					const rows = shares.filter((s) => s.family === family);
					return {
						family,
						drawable: rows.some((r) => COMPANY_SIZES.some((size) => r.bySize[size].sharePct !== null)),
						totals: rows.map((r) => ({ year: r.year, n: r.total })),
						// n under each year, so every bar's evidence is on the chart.
						categories: rows.map((r) => `${r.year} n=${count(r.total)}`),
						series: COMPANY_SIZES.map((size) => ({
							id: size,
							label: SIZE_LABEL[size],
							color: SIZE_COLOR[size],
							values: rows.map((r) => r.bySize[size].sharePct),
							// The mix's verdict (its denominator) marks every part of a year's bar.
							support: rows.map((r) => figureSupport({ kind: 'mix', total: r.total }).support),
							n: rows.map((r) => r.bySize[size].n)
						})),
						table: {
							columns: [
								{ key: 'year', label: 'Year', align: 'left' },
								{ key: 'total', label: 'Reports' },
								...COMPANY_SIZES.flatMap((size) => [
									{ key: `${size}n`, label: `${size} n` },
									{ key: `${size}p`, label: `${size} share`, format: 'pct' as const }
								])
							],
							rows: rows.map((r) => ({
								year: String(r.year),
								total: r.total,
								...Object.fromEntries(
									COMPANY_SIZES.flatMap((size) => [
										[`${size}n`, r.bySize[size].n],
										[`${size}p`, r.bySize[size].sharePct]
									])
								)
							}))
						}
					};
				});

	return {
		markets: {
			covered: [...marketChoice.covered].sort(byName),
			others: allMarkets.filter((m) => !marketChoice.covered.includes(m)).sort(byName)
		},
		market,
		marketChoice,
		marketNote: marketNote(marketChoice, filters),
		lastDates,
		seriesEnds: [
			...(['ai', 'genai', 'sectors'] as const).filter((k) => lastDates[k] !== '').map((k) => ({ series: k, date: lastDates[k] })),
			{ series: 'salaries' as const, date: data.dataVersion }
		],
		unavailable: { share: messages(['aiShare', 'genaiShare']), sectors: messages(['sectors']) },
		hasShares: ai.length > 0 || genai.length > 0,
		shareSourceDate: lastDates.ai || lastDates.genai,
		counts: counting.counts,
		annotations: [CHATGPT],
		shareSeries: [
			{ id: 'ai', label: 'Postings mentioning AI', color: SERIES_COLOR[0], points: toPoints(ai) },
			{ id: 'genai', label: 'Postings mentioning generative AI', color: SERIES_COLOR[1], points: toPoints(genai) }
		],
		shareTable: {
			columns: [
				{ key: 'month', label: 'Month', align: 'left' },
				{ key: 'ai', label: 'AI share (%)', format: 'pct2' },
				{ key: 'genai', label: 'GenAI share (%)', format: 'pct2' }
			],
			rows: joined
		},
		shareCsv: {
			columns: ['month', 'country', 'ai_share_pct', 'genai_share_pct'],
			rows: joined.map((r) => [r.month, market, round(r.ai, 4), round(r.genai, 4)])
		},
		hasSectors: sectors.some((s) => s.months.length > 0),
		sectorSeries: sectors.map((s, i) => ({
			id: s.sector,
			label: s.sector,
			color: SERIES_COLOR[i === 0 ? 0 : 1],
			points: toPoints(s.months)
		})),
		sectorTable: {
			columns: [
				{ key: 'month', label: 'Month', align: 'left' },
				...sectors.map((s) => ({ key: s.sector, label: `${s.sector} (index)`, format: 'fixed1' as const }))
			],
			rows: sectorMonths.map((m) => ({
				month: m.month.slice(0, 7),
				...Object.fromEntries(sectors.map((s) => [s.sector, sectorValue(s, m.month)]))
			}))
		},
		sectorCsv: {
			columns: ['month', 'country', ...sectors.map((s) => sectorColumn(s.sector))],
			rows: sectorMonths.map((m) => [m.month.slice(0, 7), market, ...sectors.map((s) => round(sectorValue(s, m.month), 3))])
		},
		sizeCharts,
		sizeCsv: {
			columns: ['year', 'family', 'company_size', 'n', 'share_pct', 'filters'],
			rows: shares.flatMap((s) =>
				COMPANY_SIZES.map((size) => [s.year, s.family, size, s.bySize[size].n, round(s.bySize[size].sharePct, 3), filtersText])
			)
		}
	};
}
