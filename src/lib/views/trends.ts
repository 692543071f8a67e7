/** /trends view model: median pay per year with intervals, report counts and the AI share. */
import type { Annotation, BarSeries, LineSeries, TableData } from '$lib/charts/types';
import type { Stats } from '$lib/transform/stats/types';
import { FAMILY_LABEL } from '$lib/transform/title-families';
import { FAMILIES } from '$lib/transform/stats/summary';
import { FAMILY_COLOR as COLOR } from '$lib/theme';
import { partialYearOf, type Dataset } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';

export interface TrendsModel {
	readonly years: readonly number[];
	/** Median per year (in the view's pay basis) with its 95% interval; null where suppressed. */
	readonly medians: readonly LineSeries[];
	readonly counts: { readonly categories: readonly string[]; readonly series: readonly BarSeries[] };
	/** AI family's share of AI+ML reports per year, percent. */
	readonly aiShare: readonly LineSeries[];
	readonly table: TableData;
	readonly cagr: Stats['growth']['families'];
	/** Marks on the year axis, e.g. the 2024 change of source. */
	readonly annotations: readonly Annotation[];
}

export interface TrendsQuery {
	readonly filters: Filters;
	/** Growth span ends the URL asked for (validated as years); a year the data lacks falls back to the default span. */
	readonly gfrom: number | null;
	readonly gto: number | null;
}

export interface TrendsPage extends TrendsModel {
	readonly pay: Stats['pay'];
	/** The snapshot's own year when it is partial, else null. */
	readonly partialYear: number | null;
	/** The compound-growth span used, or null when no two years qualify. */
	readonly span: { readonly fromYear: number; readonly toYear: number } | null;
}

/** /trends: statistics by work year, then the growth span the query asked for (or the default). */
export function trendsView(data: Dataset, query: TrendsQuery): TrendsPage {
	const { filters } = query;
	const compute = (span?: { fromYear: number; toYear: number }) =>
		computeStats(data.prepared, filters, { cpi: data.annualCpi, groupBy: 'workYear', ...(span ? { span } : {}) });
	const first = compute();
	const years = first.growth.years;
	const partialYear = partialYearOf(data.dataVersion);
	const fallback = defaultGrowthSpan(first, partialYear);
	const inData = (y: number | null) => years.find((x) => x === y) ?? null;
	const gfrom = inData(query.gfrom) ?? fallback?.fromYear ?? null;
	const gto = inData(query.gto) ?? fallback?.toYear ?? null;
	const span = gfrom !== null && gto !== null ? { fromYear: Math.min(gfrom, gto), toYear: Math.max(gfrom, gto) } : null;
	const stats = span ? compute(span) : first;
	return { ...trendsModel(stats), pay: stats.pay, partialYear, span };
}

/** Build from a view computed with `groupBy: 'workYear'`. */
export function trendsModel(view: Stats): TrendsModel {
	if (view.groups?.dimension !== 'workYear') throw new Error('trendsModel needs a view grouped by workYear');
	const years = view.growth.years;
	const byYear = new Map(view.groups.groups.map((g) => [Number(g.key), g]));
	const medians: LineSeries[] = FAMILIES.map((fam) => ({
		id: fam,
		label: `${FAMILY_LABEL[fam]} family`,
		color: COLOR[fam],
		points: years.map((year) => {
			const s = byYear.get(year)?.families[fam];
			const m = s?.median ?? null;
			return {
				x: year,
				y: m?.median ?? null,
				lo: m?.interval.lower ?? null,
				hi: m?.interval.upper ?? null,
				n: s?.n ?? 0,
				note: !s || s.support === 'suppressed' ? 'too few reports' : s.support === 'low' ? 'low confidence' : undefined
			};
		})
	}));
	const growth = view.growth.families;
	const counts = {
		categories: years.map(String),
		series: FAMILIES.map((fam) => ({
			id: fam,
			label: `${FAMILY_LABEL[fam]} family`,
			color: COLOR[fam],
			values: growth[fam].points.map((p) => p.n)
		}))
	};
	const aiShare: LineSeries[] = [
		{
			id: 'AI-share',
			label: 'AI family share of AI + ML reports',
			color: COLOR.AI,
			points: growth.AI.points.map((p, i) => ({ x: p.year, y: p.sharePct, n: view.growth.totals[i] }))
		}
	];
	const rows = years.flatMap((year, i) =>
		FAMILIES.map((fam) => {
			const p = growth[fam].points[i]!;
			const s = byYear.get(year)?.families[fam];
			return {
				year: String(year),
				family: FAMILY_LABEL[fam],
				n: p.n,
				median: s?.median?.median ?? null,
				lo: s?.median?.interval.lower ?? null,
				hi: s?.median?.interval.upper ?? null,
				share: p.sharePct,
				yoyCount: p.yoy.countPct,
				yoyMedian: view.pay.basis === 'real' ? p.yoy.medianRealPct : p.yoy.medianPct
			};
		})
	);
	// The 2023→2024 jump in reports is a change of source (most reports from job listings).
	const annotations = years.includes(2023) && years.includes(2024) ? [{ x: 2023.5, label: 'Source shift (2024)' }] : [];
	return {
		years,
		annotations,
		medians,
		counts,
		aiShare,
		cagr: growth,
		table: {
			columns: [
				{ key: 'year', label: 'Year', align: 'left' },
				{ key: 'family', label: 'Family', align: 'left' },
				{ key: 'n', label: 'Reports' },
				{ key: 'median', label: 'Median (US$)', format: 'money' },
				{ key: 'lo', label: '95% low', format: 'money' },
				{ key: 'hi', label: '95% high', format: 'money' },
				{ key: 'share', label: 'Share of AI+ML', format: 'pct' },
				{ key: 'yoyCount', label: 'Reports vs prior year', format: 'pctSigned' },
				{ key: 'yoyMedian', label: 'Median vs prior year', format: 'pctSigned' }
			],
			rows
		}
	};
}

/**
 * The default span for compound growth: the widest run of years, excluding a partial
 * year, at whose ends both families have a median (n ≥ SUPPRESS_BELOW); null if none.
 */
export function defaultGrowthSpan(view: Stats, partialYear: number | null): { fromYear: number; toYear: number } | null {
	const ok = view.growth.years.filter(
		(y, i) => y !== partialYear && view.growth.families.AI.points[i]!.median !== null && view.growth.families.ML.points[i]!.median !== null
	);
	if (ok.length < 2) return null;
	return { fromYear: ok[0]!, toYear: ok[ok.length - 1]! };
}
