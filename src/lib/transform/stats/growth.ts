/**
 * Growth per family and work year: report counts, the family's share of all AI+ML reports
 * that year (the mix), median pay nominal and real, year-over-year changes and compound
 * annual growth over a span. Years run contiguously from the first to the last year with
 * any AI/ML rows, so "year over year" always means the previous calendar year.
 */
import type { FamilyRow } from '../filters';
import type { TitleFamily } from '../title-families';
import { supportOf, type Support } from './constants';
import { quantileOfSorted } from './quantiles';
import { deflator, latestFullYear, type AnnualCpi } from './real-pay';

export interface YearChange {
	/** Change in report count vs the previous year, percent; null when the previous count is 0. */
	readonly countPct: number | null;
	/** Change in share, percentage points. */
	readonly sharePp: number | null;
	readonly medianPct: number | null;
	readonly medianRealPct: number | null;
}

export interface GrowthPoint {
	readonly year: number;
	readonly n: number;
	readonly support: Support;
	/** This family's share of the AI+ML reports of the year, 0–100; null when the year has none. */
	readonly sharePct: number | null;
	/** Median pay in work-year dollars; null when suppressed. */
	readonly median: number | null;
	/** Median pay in base-year dollars; null when suppressed or without a full CPI year. */
	readonly medianReal: number | null;
	readonly yoy: YearChange;
}

export interface CagrSummary {
	readonly fromYear: number;
	readonly toYear: number;
	/** Compound annual growth, percent per year; null where either end is missing or zero. */
	readonly countPct: number | null;
	readonly medianPct: number | null;
	readonly medianRealPct: number | null;
	/** Share at toYear minus share at fromYear, percentage points. */
	readonly sharePpChange: number | null;
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
}

export interface GrowthOptions {
	/** Factor from work-year to base-year dollars, or null when the year has no full CPI year. */
	readonly deflate?: ((year: number) => number | null) | null;
	readonly baseYear?: number | null;
	/** CAGR span; default from the first to the last year. */
	readonly span?: { readonly fromYear: number; readonly toYear: number } | null;
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
 * Growth from each family's ascending values per work year (the `…Sorted` precondition
 * holds per year). Medians follow the small-sample rule; counts and shares are always shown.
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
	const span = options.span ?? (years.length > 0 ? { fromYear: years[0]!, toYear: years[years.length - 1]! } : null);
	const deflate = options.deflate ?? null;

	const familyGrowth = (family: TitleFamily): FamilyGrowth => {
		const points: GrowthPoint[] = [];
		years.forEach((year, i) => {
			const values = byYear[family].get(year) ?? [];
			const n = values.length;
			const support = supportOf(n);
			const total = totals[i]!;
			const median = support === 'suppressed' ? null : quantileOfSorted(values, 0.5);
			const factor = deflate ? deflate(year) : null;
			const medianReal = median !== null && factor !== null ? median * factor : null;
			const sharePct = total > 0 ? (100 * n) / total : null;
			const prev = points[i - 1];
			points.push({
				year,
				n,
				support,
				sharePct,
				median,
				medianReal,
				yoy: {
					countPct: prev ? pctChange(prev.n, n) : null,
					sharePp: prev && prev.sharePct !== null && sharePct !== null ? sharePct - prev.sharePct : null,
					medianPct: prev ? pctChange(prev.median, median) : null,
					medianRealPct: prev ? pctChange(prev.medianReal, medianReal) : null
				}
			});
		});
		let cagr: CagrSummary | null = null;
		if (span && span.toYear > span.fromYear) {
			const a = points.find((p) => p.year === span.fromYear);
			const b = points.find((p) => p.year === span.toYear);
			const years = span.toYear - span.fromYear;
			cagr = {
				...span,
				countPct: cagrPct(a?.n ?? null, b?.n ?? null, years),
				medianPct: cagrPct(a?.median ?? null, b?.median ?? null, years),
				medianRealPct: cagrPct(a?.medianReal ?? null, b?.medianReal ?? null, years),
				sharePpChange: a?.sharePct != null && b?.sharePct != null ? b.sharePct - a.sharePct : null
			};
		}
		return { family, points, cagr };
	};

	return {
		years,
		totals,
		families: { AI: familyGrowth('AI'), ML: familyGrowth('ML') },
		baseYear: deflate ? (options.baseYear ?? null) : null,
		span
	};
}

/**
 * Convenience: growth from family rows in any order (sorts copies per year). With `cpi`,
 * real medians use the base year (default the latest full CPI year).
 */
export function growthByYear(
	rows: readonly FamilyRow[],
	options: { readonly cpi?: readonly AnnualCpi[] | null; readonly baseYear?: number | null; readonly span?: GrowthOptions['span'] } = {}
): Growth {
	const byYear: Record<TitleFamily, Map<number, number[]>> = { AI: new Map(), ML: new Map() };
	for (const r of rows) {
		const m = byYear[r.family];
		const list = m.get(r.workYear);
		if (list) list.push(r.salaryUsd);
		else m.set(r.workYear, [r.salaryUsd]);
	}
	for (const m of Object.values(byYear)) for (const list of m.values()) list.sort((a, b) => a - b);
	const cpi = options.cpi ?? null;
	const baseYear = cpi ? (options.baseYear ?? latestFullYear(cpi)) : null;
	return growthFromSortedByYear(byYear, {
		deflate: cpi ? (year) => deflator(cpi, year, baseYear) : null,
		baseYear,
		span: options.span ?? null
	});
}
