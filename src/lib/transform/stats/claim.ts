/**
 * The claim check: where a claimed salary (or band) falls in a family's distribution, with
 * the evidence to say so in words — "$250k is about the 75th percentile of ML pay, not the
 * median". Pure numbers and codes; the sentence is built in lib/format.
 *
 * - Percentile rank as in `pay-band.ts`: 100 · (#{x < s} + ½ #{x = s}) / n.
 * - Its interval: the rank is a proportion of reports below the value, so a Wilson score
 *   interval (Wilson 1927) on the Kish effective n (identical rows as clusters).
 * - Verdict against the median: inside the median's 95% interval → 'consistent-with-median';
 *   otherwise above or below it. Suppressed (no numbers) below SUPPRESS_BELOW reports; no
 *   interval and no verdict ('no-interval') under MIN_INTERVAL_EFFECTIVE_N effective reports.
 */
import { bisectLeft, bisectRight } from 'd3-array';
import { MIN_INTERVAL_EFFECTIVE_N, supportOf, Z_95, type Support } from './constants';
import { medianEstimateClusteredSorted, type Interval } from './intervals';
import { percentileRankSorted } from './pay-band';

export type ClaimVerdict = 'suppressed' | 'no-interval' | 'consistent-with-median' | 'above-median' | 'below-median';

export interface ClaimPosition {
	readonly claimed: number;
	readonly n: number;
	readonly effectiveN: number;
	readonly support: Support;
	/** 0–100; null when suppressed. */
	readonly percentile: number | null;
	/** 95% Wilson interval of the percentile on the effective n, 0–100; null when suppressed or under MIN_INTERVAL_EFFECTIVE_N. */
	readonly percentileInterval: Interval | null;
	/** The percentile rounded to the nearest 5 (for "about the 75th percentile"); null when suppressed. */
	readonly aboutPercentile: number | null;
	readonly median: number | null;
	/** null when suppressed or under MIN_INTERVAL_EFFECTIVE_N effective reports. */
	readonly medianInterval: Interval | null;
	readonly verdict: ClaimVerdict;
}

export interface BandShare {
	readonly low: number;
	readonly high: number;
	readonly n: number;
	readonly support: Support;
	/** Share of reports with low ≤ pay ≤ high, 0–100; null when suppressed. */
	readonly sharePct: number | null;
	readonly shareInterval: Interval | null;
}

/**
 * Wilson score interval for a proportion p̂ on n (may be fractional: an effective n), in 0–1.
 * `wilsonInterval(0.5, 100) → { lower: 0.4038…, upper: 0.5962… }`; null when n ≤ 0.
 */
export function wilsonInterval(p: number, n: number, z: number = Z_95): Interval | null {
	if (!(n > 0) || !(p >= 0 && p <= 1)) return null;
	const z2 = z * z;
	const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
	const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
	return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** Where `claimed` falls among ascending `values` whose Kish effective n is `effectiveN` (default n). */
export function claimPositionSorted(values: ArrayLike<number>, claimed: number, effectiveN: number = values.length): ClaimPosition {
	const n = values.length;
	const effN = Math.min(n, effectiveN > 0 ? effectiveN : n);
	const support = supportOf(n, effN);
	if (support === 'suppressed' || !Number.isFinite(claimed)) {
		return {
			claimed,
			n,
			effectiveN: effN,
			support: 'suppressed',
			percentile: null,
			percentileInterval: null,
			aboutPercentile: null,
			median: null,
			medianInterval: null,
			verdict: 'suppressed'
		};
	}
	const percentile = percentileRankSorted(values, claimed)!;
	const w = effN >= MIN_INTERVAL_EFFECTIVE_N ? wilsonInterval(percentile / 100, effN) : null;
	const m = medianEstimateClusteredSorted(values, effN)!;
	const medianInterval = m.interval ? { lower: m.interval.lower, upper: m.interval.upper } : null;
	const verdict: ClaimVerdict = !medianInterval
		? 'no-interval'
		: claimed < medianInterval.lower
			? 'below-median'
			: claimed > medianInterval.upper
				? 'above-median'
				: 'consistent-with-median';
	return {
		claimed,
		n,
		effectiveN: effN,
		support,
		percentile,
		percentileInterval: w ? { lower: 100 * w.lower, upper: 100 * w.upper } : null,
		aboutPercentile: Math.round(percentile / 5) * 5,
		median: m.median,
		medianInterval,
		verdict
	};
}

/** Share of ascending `values` inside [low, high] (inclusive), with a Wilson interval on the effective n. */
export function bandShareSorted(values: ArrayLike<number>, low: number, high: number, effectiveN: number = values.length): BandShare {
	const n = values.length;
	const effN = Math.min(n, effectiveN > 0 ? effectiveN : n);
	const support = supportOf(n, effN);
	if (support === 'suppressed') return { low, high, n, support, sharePct: null, shareInterval: null };
	const inside = bisectRight(values, high) - bisectLeft(values, low);
	const p = Math.max(0, inside) / n;
	const w = effN >= MIN_INTERVAL_EFFECTIVE_N ? wilsonInterval(p, effN) : null;
	return { low, high, n, support, sharePct: 100 * p, shareInterval: w ? { lower: 100 * w.lower, upper: 100 * w.upper } : null };
}

/** A difference of two independent estimates with their standard errors. */
export interface Difference {
	readonly diff: number;
	readonly interval: Interval;
	/** The interval excludes zero. */
	readonly distinguishable: boolean;
}

/**
 * a − b with a normal interval from independent standard errors:
 * `differenceOf(10, 3, 4, 4) → { diff: 6, interval: 6 ± 1.96·5 }`. Null when an SE is not finite.
 */
export function differenceOf(a: number, seA: number, b: number, seB: number, z: number = Z_95): Difference | null {
	if (![a, seA, b, seB].every(Number.isFinite)) return null;
	const diff = a - b;
	const half = z * Math.sqrt(seA * seA + seB * seB);
	const interval = { lower: diff - half, upper: diff + half };
	return { diff, interval, distinguishable: interval.lower > 0 || interval.upper < 0 };
}

/**
 * The effective n of an AI share of AI + ML reports, identical rows counted as one cluster across
 * both families: N² / Σ m² over all the clusters, from each family's n and effective n (a family's
 * Σ m² is n² / effective n). Chosen by the coverage simulation over the weaker family's design
 * effect, which over-covered (METHODS.md). `aiShareEffectiveN(20, 10, 20, 20) → 1600 / 60 ≈ 26.7`.
 */
export function aiShareEffectiveN(aiN: number, aiEffectiveN: number, mlN: number, mlEffectiveN: number): number {
	const sumSq = (n: number, eff: number) => (n > 0 && eff > 0 ? (n * n) / eff : 0);
	const s = sumSq(aiN, aiEffectiveN) + sumSq(mlN, mlEffectiveN);
	return s > 0 ? (aiN + mlN) ** 2 / s : 0;
}

/**
 * A share of `k` in `n` (0–100) with its Wilson interval on `effectiveN`; null when n < SUPPRESS_BELOW;
 * the interval null under MIN_INTERVAL_EFFECTIVE_N effective reports.
 */
export function shareOf(k: number, n: number, effectiveN: number = n): { readonly pct: number; readonly interval: Interval | null } | null {
	if (supportOf(n) === 'suppressed') return null;
	const effN = Math.min(n, effectiveN > 0 ? effectiveN : n);
	const w = effN >= MIN_INTERVAL_EFFECTIVE_N ? wilsonInterval(k / n, effN) : null;
	return { pct: (100 * k) / n, interval: w ? { lower: 100 * w.lower, upper: 100 * w.upper } : null };
}
