/**
 * The named rules every statistic in this folder follows. Change them here and only here;
 * the methodology page reads the same constants.
 */

/** Groups with fewer rows than this are suppressed: no quantiles, no medians, numbers are null. */
export const SUPPRESS_BELOW = 10;

/**
 * Groups with at least SUPPRESS_BELOW rows but an effective n (identical rows counted as one
 * cluster) under this are flagged "low confidence".
 */
export const LOW_CONFIDENCE_BELOW = 30;

/** Confidence level of every interval. */
export const CONFIDENCE = 0.95;

/** Two-sided standard normal critical value for CONFIDENCE (qnorm(0.975)). */
export const Z_95 = 1.959963984540054;

/**
 * No interval (and no verdict on a gap) below this effective n: the coverage simulation
 * (scripts/coverage.ts, METHODS.md) measures the shipped interval at 93–97 % from here on and
 * nothing below, so a narrower group would get a "95 %" it has not earned.
 */
export const MIN_INTERVAL_EFFECTIVE_N = 6;

/**
 * First work year whose reports come mostly from job listings rather than the survey: the
 * aijobs.net file jumps from ~8.5k rows (2023) to ~62k (2024). Growth over a span that
 * crosses it (from < SOURCE_SHIFT_YEAR ≤ to) mixes two sources and is flagged.
 */
export const SOURCE_SHIFT_YEAR = 2024;

/** The quantiles reported for every distribution, as probabilities (d3 / R type 7). */
export const QUANTILE_PROBS = { p10: 0.1, p25: 0.25, median: 0.5, p75: 0.75, p90: 0.9 } as const;

/** How much a group's numbers can be trusted, from its row count and effective n. */
export type Support = 'suppressed' | 'low' | 'ok';

/**
 * Suppressed below SUPPRESS_BELOW rows; low confidence below LOW_CONFIDENCE_BELOW effective
 * reports (default: the rows, when no row repeats another).
 * `supportOf(9) → 'suppressed'`, `supportOf(12) → 'low'`, `supportOf(30) → 'ok'`, `supportOf(40, 6) → 'low'`.
 */
export function supportOf(n: number, effectiveN: number = n): Support {
	if (n < SUPPRESS_BELOW) return 'suppressed';
	if (effectiveN < LOW_CONFIDENCE_BELOW) return 'low';
	return 'ok';
}

/** The weaker of two supports (used for comparisons: a gap is as weak as its weaker side). */
export function weakerSupport(a: Support, b: Support): Support {
	const rank: Record<Support, number> = { suppressed: 0, low: 1, ok: 2 };
	// Stryker disable next-line EqualityOperator: equivalent, equal ranks mean a and b are the same support
	return rank[a] <= rank[b] ? a : b;
}
