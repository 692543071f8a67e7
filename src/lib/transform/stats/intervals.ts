/**
 * Intervals for medians and for the gap between two medians, for rows that come in clusters of
 * identical rows (about half the aijobs.net AI/ML rows repeat another row exactly).
 *
 * - Effective n: identical rows form a cluster, one report observed m times; with cluster sizes
 *   m_j and N rows, Kish's effective n is n_eff = N² / Σ m_j² (N without repeats).
 * - Median interval: Woodruff (1952): the type-7 quantiles of the rows at the levels
 *   ½ ∓ z / (2√n_eff), z = 1.96 — the variance of the empirical CDF at the median, ¼ / n_eff,
 *   turned into an interval on the quantile scale and interpolated between rows.
 * - Standard error of a median: the interval's half-width over z, on the dollar and the log scale.
 * - Gap: difference of medians ± z·√(SE₁² + SE₂²); percent gap from the log ratio of medians
 *   ± z·√(SE₁,log² + SE₂,log²), back-transformed (as Bonett & Price 2002, 2020 combine SEs).
 * - No interval (and no verdict) when n_eff < MIN_INTERVAL_EFFECTIVE_N: the coverage simulation
 *   (scripts/coverage.ts) shows 93–97 % coverage from n_eff = 6 on, and nothing below.
 * The method was chosen by that simulation against the exact-binomial rank mapping used before,
 * a cluster bootstrap and an interpolated order-statistic interval; see METHODS.md.
 */
import { MIN_INTERVAL_EFFECTIVE_N, Z_95 } from './constants';
import { quantileOfSorted } from './quantiles';

export interface Interval {
	readonly lower: number;
	readonly upper: number;
}

/** A median's interval with the quantile levels its ends were read at. */
export interface MedianInterval extends Interval {
	/** ½ − z/(2√n_eff) and ½ + z/(2√n_eff), clamped to [0, 1]. */
	readonly levelLower: number;
	readonly levelUpper: number;
}

export interface MedianEstimate {
	readonly median: number;
	/** Woodruff interval for the population median; null when the effective n is under MIN_INTERVAL_EFFECTIVE_N. */
	readonly interval: MedianInterval | null;
	/** Standard error of the sample median (the interval's half-width over z), in the values' unit; null with the interval. */
	readonly se: number | null;
	/** The same on the log scale (for ratios); null with the interval or when its lower end is ≤ 0. */
	readonly seLog: number | null;
	/** Kish effective n after counting clusters of identical rows (N when there are none). */
	readonly effectiveN: number;
	/** N / effectiveN (1 without repeated rows): how much the variance is inflated. */
	readonly designEffect: number;
}

/**
 * What the gap's two intervals say together:
 * - 'distinguishable': both the dollar and the percent interval exclude zero;
 * - 'not-distinguishable': both include zero;
 * - 'intervals-disagree': one excludes zero and the other does not (small, skewed samples):
 *   not distinguishable, and the page says why;
 * - 'no-interval': a family's effective n is under MIN_INTERVAL_EFFECTIVE_N, so there is no interval to judge by.
 */
export type GapVerdict = 'distinguishable' | 'not-distinguishable' | 'intervals-disagree' | 'no-interval';

/** The sample medians, their difference with an interval, and the percent gap with an interval. */
export interface GapEstimate {
	/** Median of the first group (AI) and of the second (ML, the reference). */
	readonly medianA: number;
	readonly medianB: number;
	/** medianA - medianB. */
	readonly gapUsd: number;
	/** null when either median has no interval. */
	readonly gapUsdInterval: Interval | null;
	readonly seUsd: number | null;
	/** 100 · (medianA / medianB - 1): the gap relative to the reference median, 0–100 scale. */
	readonly gapPct: number;
	/** Back-transformed from the log-ratio interval, so it is not symmetric around gapPct; null without log-scale SEs. */
	readonly gapPctInterval: Interval | null;
	readonly seLogRatio: number | null;
	readonly verdict: GapVerdict;
	/** True only for the verdict 'distinguishable'; null for 'no-interval'. */
	readonly distinguishable: boolean | null;
}

/**
 * Kish effective sample size of rows in clusters of identical rows: N² / Σ_j m_j². Takes
 * each row's cluster size (so Σ over rows of m = Σ over clusters of m²).
 * `clusterEffectiveN([2, 2, 1]) → 9 / 5 = 1.8`; N when every size is 1; 0 when empty.
 */
export function clusterEffectiveN(clusterSizeOfRow: ArrayLike<number>): number {
	const n = clusterSizeOfRow.length;
	let sumM = 0;
	for (let i = 0; i < n; i++) sumM += clusterSizeOfRow[i]!;
	return sumM > 0 ? (n * n) / sumM : 0;
}

/**
 * The quantile levels of the Woodruff interval for an effective n: ½ ∓ z/(2√n_eff), clamped to
 * [0, 1]; null under MIN_INTERVAL_EFFECTIVE_N (no interval there earns its 95 %).
 * `woodruffLevels(100) → { lower: 0.402, upper: 0.598 }` (to 3 decimals).
 */
export function woodruffLevels(effectiveN: number, z: number = Z_95): { readonly lower: number; readonly upper: number } | null {
	if (!(effectiveN >= MIN_INTERVAL_EFFECTIVE_N)) return null;
	const half = z / (2 * Math.sqrt(effectiveN));
	return { lower: Math.max(0, 0.5 - half), upper: Math.min(1, 0.5 + half) };
}

/** Median of ascending values with its interval and standard errors (every row its own cluster). */
export function medianEstimateSorted(values: ArrayLike<number>, z: number = Z_95): MedianEstimate | null {
	return medianEstimateClusteredSorted(values, values.length, z);
}

/**
 * As `medianEstimateSorted`, for rows in clusters of identical rows with Kish effective n
 * `effectiveN` (from `clusterEffectiveN`; capped at the row count). Null when there are no values.
 * `medianEstimateClusteredSorted([1..100], 100).interval → { lower: Q(0.402), upper: Q(0.598) }`.
 */
export function medianEstimateClusteredSorted(values: ArrayLike<number>, effectiveN: number, z: number = Z_95): MedianEstimate | null {
	const n = values.length;
	if (n === 0) return null;
	const nEff = Math.min(n, effectiveN > 0 ? effectiveN : n);
	const median = quantileOfSorted(values, 0.5);
	const levels = woodruffLevels(nEff, z);
	if (!levels) return { median, interval: null, se: null, seLog: null, effectiveN: nEff, designEffect: n / nEff };
	const lower = quantileOfSorted(values, levels.lower);
	const upper = quantileOfSorted(values, levels.upper);
	return {
		median,
		interval: { lower, upper, levelLower: levels.lower, levelUpper: levels.upper },
		se: (upper - lower) / (2 * z),
		// upper ≥ lower (ascending values), so lower > 0 is enough.
		seLog: lower > 0 ? (Math.log(upper) - Math.log(lower)) / (2 * z) : null,
		effectiveN: nEff,
		designEffect: n / nEff
	};
}

const excludesZero = (i: Interval) => i.lower > 0 || i.upper < 0;

/** The verdict of a dollar interval and a percent interval (null: not available) on zero. */
export function gapVerdict(usd: Interval | null, pct: Interval | null): GapVerdict {
	if (!usd) return 'no-interval';
	const a = excludesZero(usd);
	if (pct && excludesZero(pct) !== a) return 'intervals-disagree';
	return a ? 'distinguishable' : 'not-distinguishable';
}

/**
 * The gap A − B between two medians with a normal interval from their standard errors
 * combined in quadrature, and the percent gap from the log ratio. No interval when either SE is null.
 * `gapFromMedians({median: 110, se: 3, seLog: .03}, {median: 100, se: 4, seLog: .04}).gapUsd → 10`.
 */
export function gapFromMedians(
	a: { readonly median: number; readonly se: number | null; readonly seLog: number | null },
	b: { readonly median: number; readonly se: number | null; readonly seLog: number | null },
	z: number = Z_95
): GapEstimate {
	const gapUsd = a.median - b.median;
	const gapPct = 100 * (a.median / b.median - 1);
	const seUsd = a.se !== null && b.se !== null ? Math.sqrt(a.se * a.se + b.se * b.se) : null;
	const gapUsdInterval = seUsd !== null ? { lower: gapUsd - z * seUsd, upper: gapUsd + z * seUsd } : null;
	const seLogRatio = seUsd !== null && a.seLog !== null && b.seLog !== null ? Math.sqrt(a.seLog * a.seLog + b.seLog * b.seLog) : null;
	const logRatio = Math.log(a.median / b.median);
	const gapPctInterval =
		seLogRatio !== null && Number.isFinite(logRatio)
			? { lower: 100 * (Math.exp(logRatio - z * seLogRatio) - 1), upper: 100 * (Math.exp(logRatio + z * seLogRatio) - 1) }
			: null;
	const verdict = gapVerdict(gapUsdInterval, gapPctInterval);
	const distinguishable = verdict === 'no-interval' ? null : verdict === 'distinguishable';
	return {
		medianA: a.median,
		medianB: b.median,
		gapUsd,
		gapUsdInterval,
		seUsd,
		gapPct,
		gapPctInterval,
		seLogRatio,
		verdict,
		distinguishable
	};
}

/** Gap between the medians of two ascending arrays (A − B, B the reference), every row its own cluster; null if either is empty. */
export function medianGapSorted(a: ArrayLike<number>, b: ArrayLike<number>, z: number = Z_95): GapEstimate | null {
	const ea = medianEstimateSorted(a, z);
	const eb = medianEstimateSorted(b, z);
	return ea && eb ? gapFromMedians(ea, eb, z) : null;
}
