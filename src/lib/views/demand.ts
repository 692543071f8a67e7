/** /demand view model: Indeed postings shares and sector indices by month, and the company-size mix of reports. */
import { ascending, max, mean, rollups } from 'd3-array';
import { COMPANY_SIZES, type CompanySize } from '$lib/data/types';
import type { SectorIndexRow, ShareRow } from '$lib/data/types';
import type { Annotation, BarSeries, LineSeries, TableData } from '$lib/charts/types';
import type { CsvCell } from '$lib/csv/write';
import { round } from '$lib/csv/write';
import { describeFilters } from '$lib/format/filters';
import { count } from '$lib/format';
import { figureSupport, isShown } from '$lib/transform/stats/support';
import { SIZE_LABEL } from '$lib/format/labels';
import { SERIES_COLOR, SIZE_COLOR } from '$lib/theme';
import { CONTEXT_SECTORS, sourceProblems, type Dataset } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import type { Stats } from '$lib/transform/stats/types';
import { FAMILIES } from '$lib/transform/stats/summary';
import type { TitleFamily } from '$lib/transform/title-families';

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

/** The Indeed market shown when the URL names none. */
export const DEFAULT_MARKET = 'US';

export interface DemandQuery {
	readonly filters: Filters;
	/** An Indeed market from `demandMarkets(data)` (validated by the caller). */
	readonly market: string;
}

export interface CsvTable {
	readonly columns: readonly string[];
	readonly rows: readonly (readonly CsvCell[])[];
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
	readonly markets: readonly string[];
	readonly market: string;
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

/** /demand: Indeed shares and sector indices for one market, and the company-size mix of the filtered reports. */
export function demandView(data: Dataset, query: DemandQuery): DemandModel {
	const { filters, market } = query;
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
		markets: demandMarkets(data),
		market,
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
