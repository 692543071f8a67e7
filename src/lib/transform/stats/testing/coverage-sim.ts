/**
 * The sampling design of the coverage simulation (scripts/coverage.ts, `npm run coverage`):
 * populations of clusters of identical rows taken from the built-in data, and samples drawn from
 * them at a target effective n. Never imported by the app; also used by tests/integration/coverage.test.ts.
 */
import type { SalaryRow } from '../../../data/types';
import { duplicateKey } from '../dedupe';
import { aiShareEffectiveN, shareOf } from '../claim';
import { quantileOfSorted } from '../quantiles';
import type { Interval } from '../intervals';
import type { ClusteredSample } from './interval-candidates';

/** The effective sample sizes the simulation reports on. */
export const COVERAGE_BUCKETS = [6, 10, 15, 20, 30, 60] as const;

/** Subgroups of the built-in data whose AI and ML rows serve as populations. */
export const COVERAGE_SUBGROUPS: readonly { readonly name: string; readonly keep: (r: SalaryRow) => boolean }[] = [
	{ name: 'all', keep: () => true },
	{ name: 'year 2023', keep: (r) => r.workYear === 2023 },
	{ name: 'year 2024', keep: (r) => r.workYear === 2024 },
	{ name: 'year 2025', keep: (r) => r.workYear === 2025 },
	{ name: 'US', keep: (r) => r.companyLocation === 'US' },
	{ name: 'outside US', keep: (r) => r.companyLocation !== 'US' },
	{ name: 'senior', keep: (r) => r.experienceLevel === 'SE' },
	{ name: 'mid', keep: (r) => r.experienceLevel === 'MI' },
	{ name: 'entry', keep: (r) => r.experienceLevel === 'EN' },
	{ name: 'large company', keep: (r) => r.companySize === 'L' }
];

/** Clusters of identical rows (value, size, and whether they are AI rows) with the truths a sample estimates. */
export interface Population {
	readonly values: Float64Array;
	readonly sizes: Uint32Array;
	readonly isAi: Uint8Array;
	/** Median of all the population's rows (type 7). */
	readonly trueMedian: number;
	/** AI rows as a share of all rows, 0–100 (for share populations). */
	readonly trueShare: number | null;
	/** Kish effective n of the whole population. */
	readonly effectiveN: number;
}

/**
 * The population of `rows`: one cluster per distinct row. `distinct` makes every cluster size 1
 * (the "count identical rows once" view); `isAi` marks AI rows for share populations.
 */
export function populationOf(rows: readonly SalaryRow[], distinct = false, isAi: ((r: SalaryRow) => boolean) | null = null): Population {
	const byKey = new Map<string, { v: number; m: number; ai: boolean }>();
	for (const r of rows) {
		const k = duplicateKey(r);
		const c = byKey.get(k);
		if (c) c.m++;
		else byKey.set(k, { v: r.salaryUsd, m: 1, ai: isAi ? isAi(r) : false });
	}
	const cl = [...byKey.values()].sort((a, b) => a.v - b.v);
	if (distinct) for (const c of cl) c.m = 1;
	const all: number[] = [];
	let n = 0,
		s2 = 0,
		ai = 0;
	for (const c of cl) {
		for (let i = 0; i < c.m; i++) all.push(c.v);
		n += c.m;
		s2 += c.m * c.m;
		if (c.ai) ai += c.m;
	}
	return {
		values: Float64Array.from(cl.map((c) => c.v)),
		sizes: Uint32Array.from(cl.map((c) => c.m)),
		isAi: Uint8Array.from(cl.map((c) => (c.ai ? 1 : 0))),
		trueMedian: quantileOfSorted(Float64Array.from(all), 0.5),
		trueShare: isAi ? (100 * ai) / n : null,
		effectiveN: (n * n) / s2
	};
}

/**
 * A sample at effective n `b`: clusters drawn uniformly with replacement (a cluster drawn again
 * merges into a bigger one, as identical rows do) until N²/Σm² reaches b; drawn again when it
 * overshoots 1.15·b.
 */
export function drawSample(p: Population, b: number, rand: () => number): ClusteredSample {
	for (;;) {
		const s = tryDraw(p, b, rand);
		if (s) return s;
	}
}

function tryDraw(p: Population, b: number, rand: () => number): ClusteredSample | null {
	const drawn = new Map<number, number>(); // cluster index → times drawn
	let n = 0,
		s2 = 0;
	for (;;) {
		const j = Math.floor(rand() * p.values.length);
		const m = p.sizes[j]!;
		const t = drawn.get(j) ?? 0;
		// The merged cluster has size (t + 1)·m: Σ m² grows by (2t + 1)·m².
		drawn.set(j, t + 1);
		n += m;
		s2 += (2 * t + 1) * m * m;
		const eff = (n * n) / s2;
		if (eff >= b) {
			if (eff >= 1.15 * b) return null;
			break;
		}
	}
	const idx = [...drawn.keys()].sort((x, y) => x - y);
	const clusterValues = Float64Array.from(idx, (j) => p.values[j]!);
	const clusterSizes = Uint32Array.from(idx, (j) => p.sizes[j]! * drawn.get(j)!);
	const clusterIsAi = Uint8Array.from(idx, (j) => p.isAi[j]!);
	const values = new Float64Array(n);
	const clusterSize = new Uint32Array(n);
	let at = 0;
	for (let i = 0; i < idx.length; i++)
		for (let r = 0; r < clusterSizes[i]!; r++) {
			values[at] = clusterValues[i]!;
			clusterSize[at++] = clusterSizes[i]!;
		}
	return { values, clusterSize, clusterValues, clusterSizes, clusterIsAi, effectiveN: (n * n) / s2 };
}

/**
 * The AI share of a sample of AI + ML clusters as the app computes it (views/trends.ts `yearShare`,
 * the claim check's `shareRow`): a Wilson interval on `aiShareEffectiveN`; null where the app shows no share.
 */
export function shareOfSample(s: ClusteredSample): { readonly pct: number; readonly interval: Interval | null } | null {
	const { ai, ml } = familySums(s);
	// null below SUPPRESS_BELOW reports: the app shows no share there.
	return shareOf(
		ai.n,
		ai.n + ml.n,
		aiShareEffectiveN(ai.n, ai.s2 > 0 ? (ai.n * ai.n) / ai.s2 : 0, ml.n, ml.s2 > 0 ? (ml.n * ml.n) / ml.s2 : 0)
	);
}

/** Per family: rows and Σ m² of a share sample's clusters (index 1 = AI). */
function familySums(s: ClusteredSample) {
	const fam = [
		{ n: 0, s2: 0 },
		{ n: 0, s2: 0 }
	];
	for (let i = 0; i < s.clusterValues.length; i++) {
		const m = s.clusterSizes[i]!;
		const f = fam[s.clusterIsAi![i]!]!;
		f.n += m;
		f.s2 += m * m;
	}
	return { ml: fam[0]!, ai: fam[1]! };
}

/** Candidate effective n for a share (Wilson interval on it). */
export const SHARE_EFFECTIVE_N: Readonly<Record<string, (s: ClusteredSample) => number>> = {
	"total × the weaker family's effective-n ratio (used before)": (s) => {
		const { ai, ml } = familySums(s);
		const ratio = (f: { n: number; s2: number }) => (f.n > 0 ? f.n / f.s2 : 1);
		return (ai.n + ml.n) * Math.min(ratio(ai), ratio(ml));
	},
	'Kish over all clusters, N² / Σ m² (shipped)': (s) => {
		const { ai, ml } = familySums(s);
		return (ai.n + ml.n) ** 2 / (ai.s2 + ml.s2);
	},
	'design-based (linearised variance of the ratio)': (s) => {
		const { ai, ml } = familySums(s);
		const N = ai.n + ml.n;
		const p = ai.n / N;
		const v = ((1 - p) ** 2 * ai.s2 + p * p * ml.s2) / (N * N);
		return p > 0 && p < 1 ? (p * (1 - p)) / v : (N * N) / (ai.s2 + ml.s2);
	},
	'design-based, c/(c − 1) correction': (s) => {
		const { ai, ml } = familySums(s);
		const N = ai.n + ml.n;
		const c = s.clusterValues.length;
		const p = ai.n / N;
		const v = ((c / (c - 1)) * ((1 - p) ** 2 * ai.s2 + p * p * ml.s2)) / (N * N);
		return p > 0 && p < 1 && c > 1 ? (p * (1 - p)) / v : (N * N) / (ai.s2 + ml.s2);
	},
	'mean of the Kish and the design-based variance': (s) => {
		const { ai, ml } = familySums(s);
		const N = ai.n + ml.n;
		const c = s.clusterValues.length;
		const p = ai.n / N;
		const kish = (N * N) / (ai.s2 + ml.s2);
		if (!(p > 0 && p < 1 && c > 1)) return kish;
		const vd = ((c / (c - 1)) * ((1 - p) ** 2 * ai.s2 + p * p * ml.s2)) / (N * N);
		const vk = (p * (1 - p)) / kish;
		return (p * (1 - p)) / ((vd + vk) / 2);
	}
};

/** A share of a sample with a Wilson interval on a given effective n; null under SUPPRESS_BELOW rows. */
export function shareWith(s: ClusteredSample, effectiveN: (s: ClusteredSample) => number) {
	const { ai, ml } = familySums(s);
	return shareOf(ai.n, ai.n + ml.n, effectiveN(s));
}
