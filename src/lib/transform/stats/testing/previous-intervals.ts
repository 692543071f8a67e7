/**
 * The interval method used until 2026-12 (exact-binomial ranks of a ⌊n_eff⌋ sample mapped onto
 * the rows; Price–Bonett standard errors on the same mapped ranks), kept verbatim as one of the
 * candidates of the coverage simulation (scripts/coverage.ts). Never imported by the app.
 */
import { CONFIDENCE, Z_95 } from '../constants';
import { normalCdf, normalQuantile } from '../normal';
import { quantileOfSorted } from '../quantiles';

const EXACT_BINOMIAL_MAX_N = 1000;

export type RankMethod = 'exact-binomial' | 'normal-approx';

export interface Interval {
	readonly lower: number;
	readonly upper: number;
}

/** 1-based ranks of the order statistics that bound a median interval, and its coverage. */
export interface RankInterval {
	readonly lowerRank: number;
	readonly upperRank: number;
	/** Coverage actually achieved (≥ CONFIDENCE except for n < 6, where no pair reaches 95%). */
	readonly coverage: number;
	readonly method: RankMethod;
}

export interface MedianEstimate {
	readonly median: number;
	/** Order-statistic interval for the population median. */
	readonly interval: Interval & RankInterval;
	/** Price–Bonett standard error of the sample median, in the values' unit. */
	readonly se: number;
	/** The same on the log scale (for ratios); NaN if a bounding value is ≤ 0. */
	readonly seLog: number;
	/** Kish effective n after counting clusters of identical rows (N when there are none). */
	readonly effectiveN: number;
	/** N / effectiveN (1 without repeated rows): how much the variance is inflated. */
	readonly designEffect: number;
}

/** The sample medians, their difference with an interval, and the percent gap with an interval. */
export interface GapEstimate {
	/** Median of the first group (AI) and of the second (ML, the reference). */
	readonly medianA: number;
	readonly medianB: number;
	/** medianA - medianB. */
	readonly gapUsd: number;
	readonly gapUsdInterval: Interval;
	readonly seUsd: number;
	/** 100 · (medianA / medianB - 1): the gap relative to the reference median, 0–100 scale. */
	readonly gapPct: number;
	/** Back-transformed from the log-ratio interval, so it is not symmetric around gapPct. */
	readonly gapPctInterval: Interval | null;
	readonly seLogRatio: number;
	/** False when either interval (dollars or percent) includes zero: "not distinguishable". */
	readonly distinguishable: boolean;
}

/**
 * P(B ≤ k) for B ~ Binomial(n, 1/2). Exact for n ≤ EXACT_BINOMIAL_MAX_N (2⁻ⁿ does not
 * underflow there); normal approximation with continuity correction above.
 * `binomialHalfCdf(1, 10) → 11/1024`.
 */
export function binomialHalfCdf(k: number, n: number): number {
	if (k < 0) return 0;
	if (k >= n) return 1;
	if (n > EXACT_BINOMIAL_MAX_N) return normalCdf((k + 0.5 - n / 2) / (Math.sqrt(n) / 2));
	let pmf = Math.pow(2, -n);
	let cdf = pmf;
	for (let i = 0; i < k; i++) {
		pmf = (pmf * (n - i)) / (i + 1);
		cdf += pmf;
	}
	return Math.min(1, cdf);
}

/**
 * Ranks [k, n+1-k] of the distribution-free interval for the median of n values.
 * `medianRankInterval(10) → { lowerRank: 2, upperRank: 9, coverage: 0.9785…, method: 'exact-binomial' }`.
 */
export function medianRankInterval(n: number, confidence: number = CONFIDENCE): RankInterval | null {
	if (!(n >= 1)) return null;
	const tail = (1 - confidence) / 2;
	if (n > EXACT_BINOMIAL_MAX_N) {
		// P(B ≤ k-1) ≈ Φ((k - 1/2 - n/2) / (√n/2)) ≤ tail  ⇔  k ≤ n/2 + 1/2 + z_tail·√n/2.
		const z = normalQuantile(tail);
		const k = Math.max(1, Math.floor(n / 2 + 0.5 + (z * Math.sqrt(n)) / 2));
		const coverage = 1 - 2 * binomialHalfCdf(k - 1, n);
		return { lowerRank: k, upperRank: n + 1 - k, coverage, method: 'normal-approx' };
	}
	// Walk the exact CDF up while the lower tail P(B ≤ k-1) stays within `tail`.
	// For n < 6 even the extreme pair misses the target: the walk stops at k = 1, the widest interval.
	let pmf = Math.pow(2, -n); // P(B = 0)
	let cdf = pmf; // P(B ≤ k-1) for the current k
	let k = 1;
	for (;;) {
		pmf = (pmf * (n - k + 1)) / k; // P(B = k)
		if (cdf + pmf > tail) break;
		// Only for confidence < 0 (tail > ½), where the tail bound would not stop the walk at the middle.
		if (k + 1 > n - k) break;
		cdf += pmf;
		k++;
	}
	return { lowerRank: k, upperRank: n + 1 - k, coverage: 1 - 2 * cdf, method: 'exact-binomial' };
}

/** Rank a = max(1, round(n/2 - √n)) and the critical value z0 of the Price–Bonett SE. */
export function priceBonettRank(n: number): { readonly rank: number; readonly z0: number } | null {
	// n < 2 gives z0 ≤ 0 (or NaN), hence null below.
	const rank = Math.max(1, Math.round(n / 2 - Math.sqrt(n)));
	const z0 = normalQuantile(1 - binomialHalfCdf(rank - 1, n));
	return z0 > 0 ? { rank, z0 } : null;
}

/**
 * Price–Bonett standard error of the median of ascending values, in dollars and on the
 * log scale. Needs n ≥ 2; returns null otherwise.
 */
export function medianSeSorted(values: ArrayLike<number>): { readonly se: number; readonly seLog: number } | null {
	const n = values.length;
	const pb = priceBonettRank(n);
	if (pb === null) return null;
	const lo = values[pb.rank - 1]!;
	const hi = values[n - pb.rank]!;
	// hi ≥ lo (ascending values), so lo > 0 is enough.
	const seLog = lo > 0 ? (Math.log(hi) - Math.log(lo)) / (2 * pb.z0) : NaN;
	return { se: (hi - lo) / (2 * pb.z0), seLog };
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
 * Ranks of the median interval of n rows whose effective n is `effectiveN` (≤ n): the exact
 * ranks [k, n'+1−k] of an n' = ⌊effectiveN⌋ sample, mapped onto n rows by their position
 * (k − 1)/(n' − 1) and rounded outwards, so the interval is never narrower than the mapped one.
 * With effectiveN ≥ n it is `medianRankInterval(n)`. Coverage is the nominal one at n'.
 * `clusteredRankInterval(20, 10) → ranks 3..18` (k = 2 of 10 → 1 + ⌊1 · 19 / 9⌋ = 3).
 */
export function clusteredRankInterval(n: number, effectiveN: number, confidence: number = CONFIDENCE): RankInterval | null {
	if (!(n >= 1)) return null;
	const nEff = Math.min(n, Math.max(1, Math.floor(effectiveN + 1e-9)));
	if (nEff >= n) return medianRankInterval(n, confidence);
	const r = medianRankInterval(nEff, confidence)!;
	const lowerRank = nEff === 1 ? 1 : 1 + Math.floor(((r.lowerRank - 1) * (n - 1)) / (nEff - 1) + 1e-9);
	return { lowerRank, upperRank: n + 1 - lowerRank, coverage: r.coverage, method: r.method };
}

/** Median of ascending values with its order-statistic interval and standard errors (n ≥ 2). */
export function medianEstimateSorted(values: ArrayLike<number>, confidence: number = CONFIDENCE): MedianEstimate | null {
	return medianEstimateClusteredSorted(values, values.length, confidence);
}

/**
 * As `medianEstimateSorted`, for rows in clusters of identical rows with Kish effective n
 * `effectiveN` (from `clusterEffectiveN`): the SE of `medianSeClusteredSorted` and the
 * order-statistic interval of `clusteredRankInterval`. Null when n < 2 (or n' < 2).
 */
export function medianEstimateClusteredSorted(
	values: ArrayLike<number>,
	effectiveN: number,
	confidence: number = CONFIDENCE
): MedianEstimate | null {
	const n = values.length;
	const nEff = Math.min(n, effectiveN > 0 ? effectiveN : n);
	const ranks = clusteredRankInterval(n, nEff, confidence);
	const se = medianSeClusteredSorted(values, nEff);
	if (ranks === null || se === null) return null;
	return {
		median: quantileOfSorted(values, 0.5),
		interval: { lower: values[ranks.lowerRank - 1]!, upper: values[ranks.upperRank - 1]!, ...ranks },
		se: se.se,
		seLog: se.seLog,
		effectiveN: nEff,
		designEffect: n / nEff
	};
}

/**
 * Price–Bonett SE of the median of n rows with effective n `effectiveN`: the formula for an
 * n' = ⌊effectiveN⌋ sample (rank a' = round(n'/2 − √n'), z₀ from Binomial(n', ½)), its
 * bounding ranks mapped onto the n rows as in `clusteredRankInterval`. Equal to
 * `medianSeSorted` when effectiveN ≥ n. Reading the spread over n' ranks rather than
 * multiplying the n-row SE by √deff matters with large clusters: the central √n rows can
 * sit inside one repeated value and give a spread of zero. n' is at least 2; null when n < 2.
 */
export function medianSeClusteredSorted(
	values: ArrayLike<number>,
	effectiveN: number
): { readonly se: number; readonly seLog: number } | null {
	const n = values.length;
	// n' is at least 2 (the smallest sample with an SE): a group that is one report repeated
	// then gets the spread of its whole range, which is 0 — the ties caveat in METHODS.md.
	const nEff = Math.min(n, Math.max(2, Math.floor(effectiveN + 1e-9)));
	if (nEff >= n) return medianSeSorted(values);
	const pb = priceBonettRank(nEff);
	if (pb === null) return null;
	const lowerRank = 1 + Math.floor(((pb.rank - 1) * (n - 1)) / (nEff - 1) + 1e-9);
	const lo = values[lowerRank - 1]!;
	const hi = values[n - lowerRank]!;
	const seLog = lo > 0 && hi > 0 ? (Math.log(hi) - Math.log(lo)) / (2 * pb.z0) : NaN;
	// Repeats never add information: never smaller than the SE of n independent rows.
	const plain = medianSeSorted(values)!;
	return { se: Math.max((hi - lo) / (2 * pb.z0), plain.se), seLog: Math.max(seLog, plain.seLog) };
}

/**
 * The gap A − B between two medians with a normal interval from their standard errors
 * combined in quadrature, and the percent gap from the log ratio.
 * `gapFromMedians({median: 110, se: 3, seLog: .03}, {median: 100, se: 4, seLog: .04}).gapUsd → 10`.
 */
export function gapFromMedians(
	a: { readonly median: number; readonly se: number; readonly seLog: number },
	b: { readonly median: number; readonly se: number; readonly seLog: number },
	z: number = Z_95
): GapEstimate {
	const gapUsd = a.median - b.median;
	const seUsd = Math.sqrt(a.se * a.se + b.se * b.se);
	const gapUsdInterval = { lower: gapUsd - z * seUsd, upper: gapUsd + z * seUsd };
	const gapPct = 100 * (a.median / b.median - 1);
	const seLogRatio = Math.sqrt(a.seLog * a.seLog + b.seLog * b.seLog);
	const logRatio = Math.log(a.median / b.median);
	const gapPctInterval =
		Number.isFinite(seLogRatio) && Number.isFinite(logRatio)
			? { lower: 100 * (Math.exp(logRatio - z * seLogRatio) - 1), upper: 100 * (Math.exp(logRatio + z * seLogRatio) - 1) }
			: null;
	const excludesZero = (i: Interval) => i.lower > 0 || i.upper < 0;
	const distinguishable = excludesZero(gapUsdInterval) && (gapPctInterval === null || excludesZero(gapPctInterval));
	return { medianA: a.median, medianB: b.median, gapUsd, gapUsdInterval, seUsd, gapPct, gapPctInterval, seLogRatio, distinguishable };
}

/** Gap between the medians of two ascending arrays (A − B, B the reference); null if either has n < 2. */
export function medianGapSorted(a: ArrayLike<number>, b: ArrayLike<number>, z: number = Z_95): GapEstimate | null {
	const ea = medianEstimateSorted(a);
	const eb = medianEstimateSorted(b);
	return ea && eb ? gapFromMedians(ea, eb, z) : null;
}
