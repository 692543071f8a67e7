/**
 * Candidate 95 % intervals for a median (and, through their standard errors, for the gap
 * between two medians) of rows that come in clusters of identical rows. The coverage
 * simulation (scripts/coverage.ts, `npm run coverage`) compares them; the one shipped lives in
 * intervals.ts. Never imported by the app.
 *
 * Every candidate sees what production sees: the group's values in ascending order and each
 * row's cluster size (rows of one cluster are identical, so their values are equal).
 */
import { medianEstimateClusteredSorted, type Interval } from '../intervals';
import { clusteredRankInterval, medianRankInterval } from './previous-intervals';
import { normalQuantile } from '../normal';
import { quantileOfSorted } from '../quantiles';
import { Z_95 } from '../constants';

/** A sample as production holds it: ascending values and each row's cluster size. */
export interface ClusteredSample {
	readonly values: Float64Array;
	/** Size of the row's cluster of identical rows (Σ over rows = Σ over clusters of m²). */
	readonly clusterSize: Uint32Array;
	/** Distinct clusters: value and size, ascending by value (for the bootstrap). */
	readonly clusterValues: Float64Array;
	readonly clusterSizes: Uint32Array;
	/** Per distinct cluster: 1 for an AI cluster (share samples only). */
	readonly clusterIsAi?: Uint8Array;
	/** Kish effective n, N² / Σ m². */
	readonly effectiveN: number;
}

/** The shipped method (intervals.ts), run as production runs it. */
export function shippedInterval(s: ClusteredSample): Interval | null {
	const e = medianEstimateClusteredSorted(s.values, s.effectiveN);
	return e?.interval ? { lower: e.interval.lower, upper: e.interval.upper } : null;
}

/** Today's method: exact binomial ranks of a ⌊n_eff⌋ sample, mapped onto the rows by position and rounded outwards. */
export function rankMapInterval(s: ClusteredSample): Interval | null {
	const r = clusteredRankInterval(s.values.length, s.effectiveN);
	if (!r) return null;
	return { lower: s.values[r.lowerRank - 1]!, upper: s.values[r.upperRank - 1]! };
}

/** Woodruff (1952): the row quantiles at ½ ∓ z·½/√n_eff (type 7, interpolated). */
export function woodruffInterval(s: ClusteredSample, z: number = Z_95): Interval | null {
	if (s.values.length < 2) return null;
	const half = z / (2 * Math.sqrt(s.effectiveN));
	const lo = Math.max(0, 0.5 - half);
	const hi = Math.min(1, 0.5 + half);
	return { lower: quantileOfSorted(s.values, lo), upper: quantileOfSorted(s.values, hi) };
}

/**
 * Hettmansperger & Sheather (1986) fractional lower rank k − 1 + λ of an n-sample (integer n ≥ 2):
 * interpolates between the exact ranks k (coverage γ_k ≥ 0.95) and k + 1 (γ_{k+1} < 0.95) so the
 * interval's coverage is 95 % for a symmetric continuous distribution. Returned as the level
 * (k − 1 + λ) / (n − 1) of the type-7 quantile, so with n = N rows it is HS's interval exactly.
 */
export function hsLevel(n: number, confidence = 0.95): number {
	const r = medianRankInterval(n, confidence)!;
	const k = r.lowerRank;
	if (k + 1 > n + 1 - (k + 1)) return (k - 1) / (n - 1); // no narrower pair left
	const gk = r.coverage;
	// Coverage of [x_(k+1), x_(n−k)]: 1 − 2 P(B ≤ k).
	const gk1 = gk - 2 * binomPmfHalf(k, n);
	const I = (gk - confidence) / (gk - gk1);
	const lambda = ((n - k) * I) / (k + (n - 2 * k) * I);
	return (k - 1 + lambda) / (n - 1);
}

function binomPmfHalf(k: number, n: number): number {
	let logC = 0;
	for (let i = 1; i <= k; i++) logC += Math.log(n - k + i) - Math.log(i);
	return Math.exp(logC - n * Math.LN2);
}

/**
 * Hettmansperger–Sheather on the effective n: the level of `hsLevel` for n_eff (interpolated
 * between ⌊n_eff⌋ and ⌈n_eff⌉), applied to the rows' type-7 quantile function.
 */
export function hsClusterInterval(s: ClusteredSample): Interval | null {
	const ne = Math.min(s.values.length, s.effectiveN);
	if (ne < 2) return null;
	const lo = Math.floor(ne);
	const hi = Math.ceil(ne);
	const pLo = hsLevel(Math.max(2, lo));
	const pHi = hi === lo ? pLo : hsLevel(hi);
	const p = pLo + (pHi - pLo) * (ne - lo);
	return { lower: quantileOfSorted(s.values, p), upper: quantileOfSorted(s.values, 1 - p) };
}

/** Woodruff with Student's t on df = n_eff − 1 in place of z. */
export function woodruffTInterval(s: ClusteredSample): Interval | null {
	const df = Math.max(1, s.effectiveN - 1);
	return woodruffInterval(s, tQuantile975(df));
}

/** Student's t 0.975 quantile (Hill 1970 expansion; within 1e-3 for df ≥ 2, exact enough for df = 1 by special case). */
export function tQuantile975(df: number): number {
	if (df <= 1) return 12.706;
	const z = normalQuantile(0.975);
	const z3 = z ** 3,
		z5 = z ** 5,
		z7 = z ** 7,
		z9 = z ** 9;
	return (
		z +
		(z3 + z) / (4 * df) +
		(5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
		(3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
		(79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
	);
}

/** Median (type 7) of a cluster resample with counts per cluster. */
function resampledMedian(values: Float64Array, sizes: Uint32Array, counts: Uint32Array, total: number): number {
	const lo = Math.floor((total - 1) / 2);
	const hi = Math.ceil((total - 1) / 2);
	let seen = 0;
	let vLo = NaN;
	for (let i = 0; i < values.length; i++) {
		seen += counts[i]! * sizes[i]!;
		if (Number.isNaN(vLo) && seen > lo) vLo = values[i]!;
		if (seen > hi) return (vLo + values[i]!) / 2;
	}
	return vLo;
}

/** `resamples` cluster-bootstrap medians of the sample, ascending. */
export function bootstrapMedians(s: ClusteredSample, rand: () => number, resamples: number): Float64Array {
	const k = s.clusterValues.length;
	const counts = new Uint32Array(k);
	const out = new Float64Array(resamples);
	for (let r = 0; r < resamples; r++) {
		counts.fill(0);
		let total = 0;
		for (let i = 0; i < k; i++) {
			const j = Math.floor(rand() * k);
			counts[j]! += 1;
			total += s.clusterSizes[j]!;
		}
		out[r] = resampledMedian(s.clusterValues, s.clusterSizes, counts, total);
	}
	return out;
}

/** Percentile interval of ascending bootstrap replicates. */
export function percentileInterval(sortedReplicates: Float64Array, confidence = 0.95): Interval {
	const tail = (1 - confidence) / 2;
	return { lower: quantileOfSorted(sortedReplicates, tail), upper: quantileOfSorted(sortedReplicates, 1 - tail) };
}

/**
 * Woodruff with a design-based variance of the ECDF at the median (clusters as primary units,
 * linearised ratio estimator, c/(c − 1) correction): Var F̂ = c/(c−1) · Σ_j m_j² (I_j − F̂)² / N².
 */
export function woodruffDesignInterval(s: ClusteredSample, z: number = Z_95): Interval | null {
	const N = s.values.length;
	const c = s.clusterValues.length;
	if (N < 2 || c < 2) return null;
	const med = quantileOfSorted(s.values, 0.5);
	let below = 0;
	for (let j = 0; j < c; j++) {
		const v = s.clusterValues[j]!;
		below += s.clusterSizes[j]! * (v < med ? 1 : v === med ? 0.5 : 0);
	}
	const F = below / N;
	let ss = 0;
	for (let j = 0; j < c; j++) {
		const v = s.clusterValues[j]!;
		const I = v < med ? 1 : v === med ? 0.5 : 0;
		const m = s.clusterSizes[j]!;
		ss += m * m * (I - F) * (I - F);
	}
	const se = Math.sqrt((c / (c - 1)) * ss) / N;
	const lo = Math.max(0, 0.5 - z * se);
	const hi = Math.min(1, 0.5 + z * se);
	return { lower: quantileOfSorted(s.values, lo), upper: quantileOfSorted(s.values, hi) };
}
