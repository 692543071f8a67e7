/** /trends view model: median pay per year with intervals, report counts and the AI share. */
import type { Annotation, BarSeries, LineSeries, TableData } from './chart-models';
import type { Stats } from '$lib/transform/stats/types';
import type { SalaryRow } from '$lib/data/types';
import { FAMILY_LABEL } from '$lib/format/labels';
import { FAMILIES } from '$lib/transform/stats/summary';
import { FAMILY_COLOR as COLOR } from '$lib/theme';
import { partialYearOf, type Dataset } from '$lib/transform/dataset';
import { rowMatcher, type Filters } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import { defaultGrowthSpanOf, type GrowthPoint } from '$lib/transform/stats/growth';
import { aiShareEffectiveN, shareOf } from '$lib/transform/stats/claim';
import { FAMILY_CODE } from '$lib/transform/stats/prepare';
import { count, moneyUnit } from '$lib/format';

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
	/** The salary source's change-of-collection year (built-in: 2024); null when none is known (a user's file). */
	readonly sourceShiftYear: number | null;
	/**
	 * Whether the median and share charts have any point to draw (a median or share needs 10
	 * reports); when not, the page says so in one line instead of drawing empty axes.
	 */
	readonly drawable: { readonly medians: boolean; readonly share: boolean };
	/** Per family, the years with a median (n ≥ 10): the only possible span ends. */
	readonly medianYears: Readonly<Record<'AI' | 'ML', readonly number[]>>;
}

export interface TrendsQuery {
	readonly filters: Filters;
	/** Growth span ends the URL asked for (validated as years); a year the data lacks falls back to the default span. */
	readonly gfrom: number | null;
	readonly gto: number | null;
}

/** Reports of one work year, per family, whose year the source marks as estimated (written `2021e`). */
export interface EstimatedYear {
	readonly year: number;
	readonly ai: number;
	readonly ml: number;
}

export interface TrendsPage extends TrendsModel {
	/** The reports counted here with an estimated work year, per year (ascending); empty when none (the built-in data today). */
	readonly estimated: readonly EstimatedYear[];
	readonly pay: Stats['pay'];
	/** The snapshot's own year when it is partial, else null. */
	readonly partialYear: number | null;
	/** The compound-growth span used, or null when no two years qualify. */
	readonly span: { readonly fromYear: number; readonly toYear: number } | null;
}

/** /trends: statistics by work year, then the growth span the query asked for (or the default). */
export function trendsView(data: Dataset, query: TrendsQuery): TrendsPage {
	const { filters } = query;
	const partialYear = partialYearOf(data.dataVersion);
	const compute = (span?: { fromYear: number; toYear: number }) =>
		computeStats(data.prepared, filters, {
			cpi: data.annualCpi,
			groupBy: 'workYear',
			partialYear,
			sourceShiftYear: data.sourceShiftYear,
			...(span ? { span } : {})
		});
	const first = compute();
	const years = first.growth.years;
	const fallback = defaultGrowthSpanOf(first.growth, partialYear);
	const inData = (y: number | null) => years.find((x) => x === y) ?? null;
	const gfrom = inData(query.gfrom) ?? fallback?.fromYear ?? null;
	const gto = inData(query.gto) ?? fallback?.toYear ?? null;
	const span = gfrom !== null && gto !== null ? { fromYear: Math.min(gfrom, gto), toYear: Math.max(gfrom, gto) } : null;
	const stats = span ? compute(span) : first;
	const estimated = estimatedYears(data, filters);
	const model = trendsModel(stats, data.money);
	return { ...model, table: withEstimatedNotes(model.table, estimated), estimated, pay: stats.pay, partialYear, span };
}

/** Whether any row's work year is estimated, scanned once per row list (a Dataset's rows never change). */
const ESTIMATED = new WeakMap<readonly SalaryRow[], boolean>();
function anyEstimated(rows: readonly SalaryRow[]): boolean {
	let any = ESTIMATED.get(rows);
	if (any === undefined) ESTIMATED.set(rows, (any = rows.some((r) => r.workYearEstimated)));
	return any;
}

/**
 * The reports the trends count (every filter, the title mode, dedupe) whose work year the
 * source marks as estimated, per year and family. One pass over the mode's family rows, and
 * none at all when no row of the data has an estimated year.
 * E.g. an older export with four `2021e` AI rows → `[{ year: 2021, ai: 4, ml: 0 }]`.
 */
export function estimatedYears(data: Dataset, filters: Filters): EstimatedYear[] {
	const rows = data.salaries;
	// Stryker disable next-line ConditionalExpression: a shortcut for data without estimated years (the built-in data); the loop finds none either
	if (!anyEstimated(rows)) return [];
	const ix = data.prepared.modes[filters.titles];
	const match = rowMatcher(filters);
	const byYear = new Map<number, { ai: number; ml: number }>();
	for (let e = 0; e < ix.count; e++) {
		const r = rows[ix.pos[e]!]!;
		if (!r.workYearEstimated || (filters.dedupe && ix.duplicate[e] === 1) || !match(r)) continue;
		const c = byYear.get(r.workYear) ?? { ai: 0, ml: 0 };
		if (ix.family[e] === FAMILY_CODE.AI) c.ai++;
		else c.ml++;
		byYear.set(r.workYear, c);
	}
	return [...byYear].map(([year, c]) => ({ year, ...c })).sort((a, b) => a.year - b.year);
}

/** The table's note, per year and family, says how many of its reports have an estimated year. */
function withEstimatedNotes(table: TableData, estimated: readonly EstimatedYear[]): TableData {
	// Stryker disable next-line ConditionalExpression: a shortcut; with nothing estimated every row is returned unchanged anyway
	if (estimated.length === 0) return table;
	const label = { AI: FAMILY_LABEL.AI, ML: FAMILY_LABEL.ML };
	return {
		...table,
		rows: table.rows.map((row) => {
			const e = estimated.find((x) => String(x.year) === row.year);
			const k = e ? (row.family === label.AI ? e.ai : e.ml) : 0;
			if (k === 0) return row;
			const mark = `${count(k)} with an estimated year (${String(row.year)}e)`;
			return { ...row, note: row.note ? `${String(row.note)}; ${mark}` : mark };
		})
	};
}

/** Build from a view computed with `groupBy: 'workYear'`. */
export function trendsModel(view: Stats, money?: string): TrendsModel {
	if (view.groups?.dimension !== 'workYear') throw new Error('trendsModel needs a view grouped by workYear');
	const years = view.growth.years;
	const partialYear = view.growth.partialYear;
	const byYear = new Map(view.groups.groups.map((g) => [Number(g.key), g]));
	const evidence = (support: 'ok' | 'low' | 'suppressed' | undefined) =>
		support === undefined || support === 'suppressed' ? 'too few reports' : support === 'low' ? 'low confidence' : undefined;
	const notes = (...xs: (string | undefined)[]) => xs.filter((x) => x !== undefined).join('; ') || undefined;
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
				lo: m?.interval?.lower ?? null,
				hi: m?.interval?.upper ?? null,
				n: s?.n ?? 0,
				partial: year === partialYear,
				support: s?.support ?? 'suppressed',
				note: notes(evidence(s?.support), year === partialYear ? 'partial year' : undefined)
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
			values: growth[fam].points.map((p) => p.n),
			// A count is shown whatever its size (it is its own evidence); under 30 it is marked like any figure.
			support: growth[fam].points.map((p) => (p.n > 0 && p.support !== 'ok' ? 'low' : 'ok')),
			n: growth[fam].points.map((p) => p.n)
		}))
	};
	const shares = growth.AI.points.map((p, i) => yearShare(p, growth.ML.points[i]!));
	const aiShare: LineSeries[] = [
		{
			id: 'AI-share',
			label: 'AI family share of AI + ML reports',
			color: COLOR.AI,
			points: growth.AI.points.map((p, i) => ({
				x: p.year,
				y: p.sharePct,
				lo: shares[i]?.interval?.lower ?? null,
				hi: shares[i]?.interval?.upper ?? null,
				n: view.growth.totals[i],
				partial: p.partial,
				support: p.shareSupport,
				note: notes(evidence(p.shareSupport), p.partial ? 'partial year' : undefined)
			}))
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
				lo: s?.median?.interval?.lower ?? null,
				hi: s?.median?.interval?.upper ?? null,
				share: p.sharePct,
				shareLo: fam === 'AI' ? (shares[i]?.interval?.lower ?? null) : null,
				shareHi: fam === 'AI' ? (shares[i]?.interval?.upper ?? null) : null,
				yoyCount: p.yoy.countPct,
				yoyMedian: view.pay.basis === 'real' ? p.yoy.medianRealPct : p.yoy.medianPct,
				note:
					notes(
						evidence(s?.support),
						p.partial ? 'partial year' : undefined,
						p.yoy.crossesSourceShift ? 'change vs prior year crosses the source shift' : undefined
					) ?? ''
			};
		})
	);
	// The source's change of collection (aijobs.net: from 2024 most reports come from job listings),
	// drawn between the two years it separates. Short label so it is never cut on a phone; the chart note explains it.
	const shift = view.growth.sourceShiftYear;
	const annotations =
		shift !== null && years.includes(shift - 1) && years.includes(shift) ? [{ x: shift - 0.5, label: 'Source shift' }] : [];
	const medianYears = {
		AI: growth.AI.points.filter((p) => p.median !== null).map((p) => p.year),
		ML: growth.ML.points.filter((p) => p.median !== null).map((p) => p.year)
	};
	const anyPoint = (series: readonly LineSeries[]) => series.some((s) => s.points.some((p) => p.y !== null));
	return {
		years,
		drawable: { medians: anyPoint(medians), share: anyPoint(aiShare) },
		annotations,
		sourceShiftYear: shift,
		medianYears,
		medians,
		counts,
		aiShare,
		cagr: growth,
		table: {
			money,
			columns: [
				{ key: 'year', label: 'Year', align: 'left' },
				{ key: 'family', label: 'Family', align: 'left' },
				{ key: 'n', label: 'Reports' },
				{ key: 'median', label: `Median (${moneyUnit(money)})`, format: 'money' },
				{ key: 'lo', label: '95% low', format: 'money' },
				{ key: 'hi', label: '95% high', format: 'money' },
				{ key: 'share', label: 'Share of AI+ML', format: 'pct' },
				{ key: 'shareLo', label: 'AI share 95% low', format: 'pct' },
				{ key: 'shareHi', label: 'AI share 95% high', format: 'pct' },
				{ key: 'yoyCount', label: 'Reports vs prior year', format: 'pctSigned' },
				{ key: 'yoyMedian', label: 'Median vs prior year', format: 'pctSigned' },
				{ key: 'note', label: 'Note', align: 'left' }
			],
			rows
		}
	};
}

/**
 * The AI family's share of a year's AI + ML reports with its 95% Wilson interval on the
 * effective n of both families' reports, identical rows counted as clusters (`aiShareEffectiveN`),
 * as on the overview's claim check. Null below SUPPRESS_BELOW reports (the small-sample rule for
 * shares); no interval under MIN_INTERVAL_EFFECTIVE_N.
 */
export function yearShare(ai: GrowthPoint, ml: GrowthPoint): ReturnType<typeof shareOf> {
	return shareOf(ai.n, ai.total, aiShareEffectiveN(ai.n, ai.effectiveN, ml.n, ml.effectiveN));
}
