/**
 * Growth per family and work year: report counts, the family's share of all AI+ML reports
 * that year (the mix), median pay nominal and real, year-over-year changes and compound
 * annual growth over a span. Years run contiguously from the first to the last year with
 * any AI/ML rows, so "year over year" always means the previous calendar year.
 *
 * Honesty rules (METHODS.md, "Growth"): every change carries the support of its weaker end
 * (`figureSupport`), counts and shares of suppressed ends are null (never "−100 %"), median
 * changes carry a 95% interval from the log ratio of medians with cluster-aware Price–Bonett
 * SEs, and spans are flagged when they cross SOURCE_SHIFT_YEAR or touch a partial year.
 */
import type { FamilyRow } from '../filters';
import type { TitleFamily } from '../../data/types';
import { SOURCE_SHIFT_YEAR, Z_95, supportOf, type Support } from './constants';
import { clusterSizesOf } from './dedupe';
import { clusterEffectiveN, medianEstimateClusteredSorted, type Interval } from './intervals';
import { deflator, latestFullYear, type AnnualCpi } from './real-pay';
import { figureSupport } from './support';

/** Why a growth figure is null. */
export type GrowthNullReason =
	/** An end year has no reports of the family. */
	| 'endpoint-empty'
	/** An end year has fewer than SUPPRESS_BELOW reports (or its median is suppressed). */
	| 'endpoint-suppressed'
	/** An end year has no full CPI year (real medians only). */
	| 'endpoint-without-cpi'
	/** No span: fewer than two usable years, or from ≥ to. */
	| 'no-span';

export interface YearChange {
	/** Change in report count vs the previous year, percent; null when either year is suppressed (n < SUPPRESS_BELOW). */
	readonly countPct: number | null;
	/** Change in share, percentage points; null when either year's share is suppressed. */
	readonly sharePp: number | null;
	readonly medianPct: number | null;
	/** 95% interval of `medianPct` (log ratio of medians, cluster-aware SEs); null with it. */
	readonly medianPctInterval: Interval | null;
	readonly medianRealPct: number | null;
	/** The same interval for the real change (the deflator ratio is a constant shift on the log scale). */
	readonly medianRealPctInterval: Interval | null;
	/** Weaker support of this year and the previous one (null in the first year). */
	readonly support: Support | null;
	/** True when this year is SOURCE_SHIFT_YEAR: the change compares two sources. */
	readonly crossesSourceShift: boolean;
	/** True when this or the previous year is the partial year. */
	readonly partial: boolean;
}

export interface GrowthPoint {
	readonly year: number;
	readonly n: number;
	readonly support: Support;
	/** True for the partial year (the snapshot's own year unless it was cut on 31 December). */
	readonly partial: boolean;
	/** AI+ML reports of the year: the denominator of `sharePct`. */
	readonly total: number;
	/** Support of the share, decided by `total` (a share of 3 reports is 0, 33, 67 or 100 %). */
	readonly shareSupport: Support;
	/** This family's share of the AI+ML reports of the year, 0–100; null when the year has fewer than SUPPRESS_BELOW reports. */
	readonly sharePct: number | null;
	/** Median pay in work-year dollars; null when suppressed. */
	readonly median: number | null;
	/** 95% order-statistic interval of the median (cluster-aware); null when suppressed. */
	readonly medianInterval: Interval | null;
	/** Kish effective n of the year's reports (identical rows as clusters). */
	readonly effectiveN: number;
	/** Median pay in base-year dollars; null when suppressed or without a full CPI year. */
	readonly medianReal: number | null;
	readonly yoy: YearChange;
}

export interface CagrSummary {
	readonly fromYear: number;
	readonly toYear: number;
	/** Compound annual growth, percent per year; null where either end is missing or suppressed. */
	readonly countPct: number | null;
	readonly countReason: GrowthNullReason | null;
	readonly medianPct: number | null;
	/** 95% interval of `medianPct`: (ln(end/start) ± z·√(SE²_log,start + SE²_log,end)) / years. */
	readonly medianPctInterval: Interval | null;
	readonly medianReason: GrowthNullReason | null;
	readonly medianRealPct: number | null;
	readonly medianRealPctInterval: Interval | null;
	/** Share at toYear minus share at fromYear, percentage points; null when an end's share is suppressed. */
	readonly sharePpChange: number | null;
	/** Weaker support of the two end years (`figureSupport` kind 'growth'). */
	readonly support: Support;
	/** fromYear < SOURCE_SHIFT_YEAR ≤ toYear: the span compares two sources. */
	readonly crossesSourceShift: boolean;
	/** An end of the span is the partial year. */
	readonly includesPartialYear: boolean;
}

export interface FamilyGrowth {
	readonly family: TitleFamily;
	readonly points: readonly GrowthPoint[];
	/** null when the span is empty or reversed. */
	readonly cagr: CagrSummary | null;
}

export interface Growth {
	readonly years: readonly number[];
	/** AI+ML reports per year, parallel to `years`. */
	readonly totals: readonly number[];
	readonly families: Readonly<Record<TitleFamily, FamilyGrowth>>;
	/** CPI base year of `medianReal`; null without CPI. */
	readonly baseYear: number | null;
	readonly span: { readonly fromYear: number; readonly toYear: number } | null;
	/** The partial year the growth was told about (null when none). */
	readonly partialYear: number | null;
	/** The source's change-of-collection year (SOURCE_SHIFT_YEAR for the built-in data), so a chart can mark it; null when none is known. */
	readonly sourceShiftYear: number | null;
}

export interface GrowthOptions {
	/** Factor from work-year to base-year dollars, or null when the year has no full CPI year. */
	readonly deflate?: ((year: number) => number | null) | null;
	readonly baseYear?: number | null;
	/** CAGR span; default from the first to the last year. */
	readonly span?: { readonly fromYear: number; readonly toYear: number } | null;
	/** Kish effective n per family and year (identical rows as clusters); default n. */
	readonly effectiveN?: Readonly<Record<TitleFamily, ReadonlyMap<number, number>>> | null;
	/** The partial work year (flagged, and left out of the default span); null when none. */
	readonly partialYear?: number | null;
	/** The source's change-of-collection year (default SOURCE_SHIFT_YEAR); null: none known, nothing flagged. */
	readonly sourceShiftYear?: number | null;
}

/**
 * Compound annual growth rate in percent: 100 · ((end / start)^(1 / years) − 1).
 * `cagrPct(100, 121, 2) → 10`; null when start ≤ 0, end < 0 or years ≤ 0.
 */
export function cagrPct(start: number | null, end: number | null, years: number): number | null {
	// Stryker disable next-line ConditionalExpression: equivalent, `!(start > 0)` below is true for null too; this line narrows the type
	if (start === null) return null;
	if (end === null || !(start > 0) || !(end >= 0) || !(years > 0)) return null;
	return 100 * (Math.pow(end / start, 1 / years) - 1);
}

const pctChange = (prev: number | null | undefined, cur: number | null): number | null => {
	// Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, `!(prev > 0)` below is true for null and undefined too; this line narrows the type
	if (prev == null) return null;
	return cur === null || !(prev > 0) ? null : 100 * (cur / prev - 1);
};

/**
 * Percent change per year from the log ratio ln(end/start) with SE `seLog`, over `years`:
 * `100 · (exp((ln r ± z·seLog) / years) − 1)`. `logRatioPctInterval(1.21, 0, 2) → { 10, 10 }`.
 */
export function logRatioPctInterval(ratio: number, seLog: number, years: number, z: number = Z_95): Interval | null {
	if (!(ratio > 0) || !Number.isFinite(seLog) || !(years > 0)) return null;
	const l = Math.log(ratio);
	return { lower: 100 * (Math.exp((l - z * seLog) / years) - 1), upper: 100 * (Math.exp((l + z * seLog) / years) - 1) };
}

/** True when a span from `fromYear` to `toYear` compares reports from before and after the source shift (never when there is none). */
export function crossesSourceShift(fromYear: number, toYear: number, shiftYear: number | null = SOURCE_SHIFT_YEAR): boolean {
	return shiftYear !== null && Math.min(fromYear, toYear) < shiftYear && Math.max(fromYear, toYear) >= shiftYear;
}

/**
 * The default span for compound growth: the widest run of years, leaving out the partial
 * year, at whose ends both families have a median (n ≥ SUPPRESS_BELOW); null when no two
 * such years exist (then the span selects say why instead of going blank).
 */
export function defaultGrowthSpanOf(growth: Pick<Growth, 'years' | 'families'>, partialYear: number | null = null): Growth['span'] {
	const ok = growth.years.filter(
		(y, i) => y !== partialYear && growth.families.AI.points[i]!.median !== null && growth.families.ML.points[i]!.median !== null
	);
	if (ok.length < 2) return null;
	return { fromYear: ok[0]!, toYear: ok[ok.length - 1]! };
}

interface YearStats {
	readonly median: number | null;
	readonly seLog: number;
	readonly interval: Interval | null;
	readonly effectiveN: number;
}

/**
 * Growth from each family's ascending values per work year (the `…Sorted` precondition
 * holds per year). Medians, counts and shares follow the small-sample rule (`support.ts`).
 * Default span: first to last year, leaving out the partial year.
 */
export function growthFromSortedByYear(
	byYear: Readonly<Record<TitleFamily, ReadonlyMap<number, ArrayLike<number>>>>,
	options: GrowthOptions = {}
): Growth {
	const all = [...byYear.AI.keys(), ...byYear.ML.keys()].filter(
		(y) => (byYear.AI.get(y)?.length ?? 0) + (byYear.ML.get(y)?.length ?? 0) > 0
	);
	const years: number[] = [];
	// With no years, Math.min() is Infinity and the loop does not run.
	for (let y = Math.min(...all); y <= Math.max(...all); y++) years.push(y);
	const totals = years.map((y) => (byYear.AI.get(y)?.length ?? 0) + (byYear.ML.get(y)?.length ?? 0));
	const partialYear = options.partialYear ?? null;
	const shiftYear = options.sourceShiftYear === undefined ? SOURCE_SHIFT_YEAR : options.sourceShiftYear;
	const full = years.filter((y) => y !== partialYear);
	const first = full[0];
	const last = full[full.length - 1];
	const span = options.span ?? (first !== undefined && last !== undefined && last > first ? { fromYear: first, toYear: last } : null);
	const deflate = options.deflate ?? null;

	const familyGrowth = (family: TitleFamily): FamilyGrowth => {
		const points: GrowthPoint[] = [];
		const stats: YearStats[] = [];
		years.forEach((year, i) => {
			const values = byYear[family].get(year) ?? [];
			const n = values.length;
			const total = totals[i]!;
			const effectiveN = options.effectiveN?.[family].get(year) ?? n;
			const support = supportOf(n, effectiveN);
			const est = support === 'suppressed' ? null : medianEstimateClusteredSorted(values, effectiveN);
			const median = est?.median ?? null;
			stats.push({
				median,
				seLog: est?.seLog ?? NaN,
				interval: est?.interval ? { lower: est.interval.lower, upper: est.interval.upper } : null,
				effectiveN
			});
			const factor = deflate ? deflate(year) : null;
			const medianReal = median !== null && factor !== null ? median * factor : null;
			const shareSupport = figureSupport({ kind: 'share', total }).support;
			const sharePct = shareSupport !== 'suppressed' ? (100 * n) / total : null;
			const prev = points[i - 1];
			const prevStats = stats[i - 1];
			const partial = year === partialYear;
			let yoy: YearChange;
			if (!prev || !prevStats) {
				yoy = {
					countPct: null,
					sharePp: null,
					medianPct: null,
					medianPctInterval: null,
					medianRealPct: null,
					medianRealPctInterval: null,
					support: null,
					crossesSourceShift: false,
					partial
				};
			} else {
				const changeSupport = figureSupport({
					kind: 'growth',
					nFrom: prev.n,
					nTo: n,
					effectiveNFrom: prev.effectiveN,
					effectiveNTo: effectiveN
				}).support;
				const seLog = Math.hypot(prevStats.seLog, stats[i]!.seLog);
				const medianPct = pctChange(prev.median, median);
				const medianRealPct = pctChange(prev.medianReal, medianReal);
				yoy = {
					countPct: changeSupport === 'suppressed' ? null : pctChange(prev.n, n),
					sharePp: prev.sharePct !== null && sharePct !== null ? sharePct - prev.sharePct : null,
					medianPct,
					medianPctInterval: medianPct === null ? null : logRatioPctInterval(median! / prev.median!, seLog, 1),
					medianRealPct,
					medianRealPctInterval: medianRealPct === null ? null : logRatioPctInterval(medianReal! / prev.medianReal!, seLog, 1),
					support: changeSupport,
					crossesSourceShift: year === shiftYear,
					partial: partial || prev.partial
				};
			}
			points.push({
				year,
				n,
				support,
				partial,
				total,
				shareSupport,
				sharePct,
				median,
				medianInterval: stats[i]!.interval,
				effectiveN,
				medianReal,
				yoy
			});
		});
		let cagr: CagrSummary | null = null;
		if (span && span.toYear > span.fromYear) {
			const ia = years.indexOf(span.fromYear);
			const ib = years.indexOf(span.toYear);
			const a = points[ia];
			const b = points[ib];
			const nYears = span.toYear - span.fromYear;
			const nA = a?.n ?? 0;
			const nB = b?.n ?? 0;
			const support = figureSupport({
				kind: 'growth',
				nFrom: nA,
				nTo: nB,
				effectiveNFrom: a?.effectiveN ?? nA,
				effectiveNTo: b?.effectiveN ?? nB
			}).support;
			const emptyOrSuppressed: GrowthNullReason | null =
				nA === 0 || nB === 0 ? 'endpoint-empty' : support === 'suppressed' ? 'endpoint-suppressed' : null;
			const medianPct = cagrPct(a?.median ?? null, b?.median ?? null, nYears);
			const medianRealPct = cagrPct(a?.medianReal ?? null, b?.medianReal ?? null, nYears);
			const seLog = a && b ? Math.hypot(stats[ia]!.seLog, stats[ib]!.seLog) : NaN;
			cagr = {
				...span,
				countPct: emptyOrSuppressed ? null : cagrPct(nA, nB, nYears),
				countReason: emptyOrSuppressed,
				medianPct,
				medianPctInterval: medianPct === null ? null : logRatioPctInterval(b!.median! / a!.median!, seLog, nYears),
				medianReason: medianPct !== null ? null : (emptyOrSuppressed ?? 'endpoint-suppressed'),
				medianRealPct,
				medianRealPctInterval: medianRealPct === null ? null : logRatioPctInterval(b!.medianReal! / a!.medianReal!, seLog, nYears),
				sharePpChange: a?.sharePct != null && b?.sharePct != null ? b.sharePct - a.sharePct : null,
				support,
				crossesSourceShift: crossesSourceShift(span.fromYear, span.toYear, shiftYear),
				includesPartialYear: span.fromYear === partialYear || span.toYear === partialYear
			};
		}
		return { family, points, cagr };
	};

	return {
		years,
		totals,
		families: { AI: familyGrowth('AI'), ML: familyGrowth('ML') },
		baseYear: deflate ? (options.baseYear ?? null) : null,
		span,
		partialYear,
		sourceShiftYear: shiftYear
	};
}

/**
 * Convenience: growth from family rows in any order (sorts copies per year). With `cpi`,
 * real medians use the base year (default the latest full CPI year).
 */
export function growthByYear(
	rows: readonly FamilyRow[],
	options: {
		readonly cpi?: readonly AnnualCpi[] | null;
		readonly baseYear?: number | null;
		readonly span?: GrowthOptions['span'];
		readonly partialYear?: number | null;
	} = {}
): Growth {
	const byYear: Record<TitleFamily, Map<number, number[]>> = { AI: new Map(), ML: new Map() };
	const sizes: Record<TitleFamily, Map<number, number[]>> = { AI: new Map(), ML: new Map() };
	const clusterSize = clusterSizesOf(rows);
	rows.forEach((r, i) => {
		for (const [m, v] of [
			[byYear[r.family], r.salaryUsd],
			[sizes[r.family], clusterSize[i]!]
		] as const) {
			const list = m.get(r.workYear);
			if (list) list.push(v);
			else m.set(r.workYear, [v]);
		}
	});
	for (const m of Object.values(byYear)) for (const list of m.values()) list.sort((a, b) => a - b);
	const effectiveN = {
		AI: new Map([...sizes.AI].map(([y, m]) => [y, clusterEffectiveN(m)])),
		ML: new Map([...sizes.ML].map(([y, m]) => [y, clusterEffectiveN(m)]))
	};
	const cpi = options.cpi ?? null;
	const baseYear = cpi ? (options.baseYear ?? latestFullYear(cpi)) : null;
	return growthFromSortedByYear(byYear, {
		deflate: cpi ? (year) => deflator(cpi, year, baseYear) : null,
		baseYear,
		span: options.span ?? null,
		effectiveN,
		partialYear: options.partialYear ?? null
	});
}
