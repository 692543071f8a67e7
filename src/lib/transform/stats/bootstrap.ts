/**
 * Optional percentile-bootstrap interval for the gap between two medians, with a seeded
 * PRNG so the same seed always gives the same interval. Not used by default: the
 * Price–Bonett intervals are cheaper and need no randomness.
 */
import { CONFIDENCE } from './constants';
import type { Interval } from './intervals';
import { quantileOfSorted } from './quantiles';

/** Mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface BootstrapOptions {
	readonly seed: number;
	/** Resamples; default 1000. */
	readonly resamples?: number;
	readonly confidence?: number;
}

export interface BootstrapGap {
	readonly seed: number;
	readonly resamples: number;
	readonly gapUsdInterval: Interval;
	readonly gapPctInterval: Interval;
}

/**
 * Median of a with-replacement resample of ascending values, without sorting: draw
 * counts per index, then walk them in order.
 */
function resampleMedian(values: ArrayLike<number>, rand: () => number, counts: Uint32Array): number {
	const n = values.length;
	counts.fill(0);
	for (let i = 0; i < n; i++) counts[Math.floor(rand() * n)]! += 1;
	const lo = Math.floor((n - 1) / 2);
	const hi = Math.ceil((n - 1) / 2);
	let seen = 0;
	let vLo = NaN;
	for (let i = 0; i < n; i++) {
		seen += counts[i]!;
		if (Number.isNaN(vLo) && seen > lo) vLo = values[i]!;
		if (seen > hi) return (vLo + values[i]!) / 2;
	}
	return vLo;
}

/**
 * Percentile-bootstrap interval for medianA − medianB and for the percent gap (B the
 * reference), resampling each group independently. Null if either group is empty.
 */
export function bootstrapGapSorted(a: ArrayLike<number>, b: ArrayLike<number>, options: BootstrapOptions): BootstrapGap | null {
	if (a.length === 0 || b.length === 0) return null;
	const ca = new Uint32Array(a.length);
	const cb = new Uint32Array(b.length);
	return gapPercentiles(options, (rand) => [resampleMedian(a, rand, ca), resampleMedian(b, rand, cb)]);
}

/**
 * The percentile intervals of the gap over `resamples` draws; `draw` gives one resample's
 * two medians (A then B, in that order from the one generator, so a seed fixes the result).
 */
function gapPercentiles(options: BootstrapOptions, draw: (rand: () => number) => readonly [number, number]): BootstrapGap {
	const resamples = options.resamples ?? 1000;
	const tail = (1 - (options.confidence ?? CONFIDENCE)) / 2;
	const rand = mulberry32(options.seed);
	const usd = new Float64Array(resamples);
	const pct = new Float64Array(resamples);
	for (let r = 0; r < resamples; r++) {
		const [ma, mb] = draw(rand);
		usd[r] = ma - mb;
		pct[r] = 100 * (ma / mb - 1);
	}
	usd.sort();
	pct.sort();
	return {
		seed: options.seed,
		resamples,
		gapUsdInterval: { lower: quantileOfSorted(usd, tail), upper: quantileOfSorted(usd, 1 - tail) },
		gapPctInterval: { lower: quantileOfSorted(pct, tail), upper: quantileOfSorted(pct, 1 - tail) }
	};
}

/** Distinct clusters of identical rows: one value and the row count per cluster, ascending by value. */
export interface Clusters {
	readonly values: Float64Array;
	readonly sizes: Uint32Array;
}

/**
 * Group ascending values into clusters by id (rows with the same id are identical, so they
 * share the value). `clustersOf([1, 2, 2], [0, 1, 1]) → { values: [1, 2], sizes: [1, 2] }`.
 */
export function clustersOf(values: ArrayLike<number>, ids: ArrayLike<number>): Clusters {
	const index = new Map<number, number>();
	const v: number[] = [];
	const m: number[] = [];
	for (let i = 0; i < values.length; i++) {
		const id = ids[i]!;
		const at = index.get(id);
		if (at === undefined) {
			index.set(id, v.length);
			v.push(values[i]!);
			m.push(1);
		} else m[at]! += 1;
	}
	// Values arrive ascending, so clusters (keyed by first row) are ascending too.
	return { values: Float64Array.from(v), sizes: Uint32Array.from(m) };
}

/**
 * Median (type 7) of a cluster resample: draw as many clusters as there are, with
 * replacement; each drawn cluster contributes all its rows.
 */
function resampleClusterMedian(c: Clusters, rand: () => number, counts: Uint32Array): number {
	const k = c.values.length;
	counts.fill(0);
	let total = 0;
	for (let i = 0; i < k; i++) {
		const j = Math.floor(rand() * k);
		counts[j]! += 1;
		total += c.sizes[j]!;
	}
	const lo = Math.floor((total - 1) / 2);
	const hi = Math.ceil((total - 1) / 2);
	let seen = 0;
	let vLo = NaN;
	for (let i = 0; i < k; i++) {
		seen += counts[i]! * c.sizes[i]!;
		if (Number.isNaN(vLo) && seen > lo) vLo = c.values[i]!;
		if (seen > hi) return (vLo + c.values[i]!) / 2;
	}
	return vLo;
}

/**
 * Percentile cluster bootstrap for medianA − medianB and the percent gap: each group's
 * clusters of identical rows are resampled (Davison & Hinkley 1997, §3.8), so a row repeated
 * 50 times moves as one. With every cluster of size 1 it is `bootstrapGapSorted`'s design.
 * Null if either group is empty.
 */
export function bootstrapGapClustered(a: Clusters, b: Clusters, options: BootstrapOptions): BootstrapGap | null {
	if (a.values.length === 0 || b.values.length === 0) return null;
	const ca = new Uint32Array(a.values.length);
	const cb = new Uint32Array(b.values.length);
	return gapPercentiles(options, (rand) => [resampleClusterMedian(a, rand, ca), resampleClusterMedian(b, rand, cb)]);
}
