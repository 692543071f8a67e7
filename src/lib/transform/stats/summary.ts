/**
 * Per-family summaries (n, quantiles, median interval), the AI − ML gap, and per-group
 * summaries for a dimension. `…Sorted` functions take ascending values; the others sort.
 */
import type { FamilyRow } from '../filters';
import type { TitleFamily } from '../title-families';
import { supportOf, type Support } from './constants';
import { figureSupport } from './support';
import { compareGroupKeys, dimensionKey, type Dimension } from './dimensions';
import { clusterSizesOf } from './dedupe';
import { clusterEffectiveN, gapFromMedians, medianEstimateClusteredSorted, type GapEstimate, type MedianEstimate } from './intervals';
import { quantilesSorted, type Quantiles, type SortedValues } from './quantiles';

export const FAMILIES = ['AI', 'ML'] as const satisfies readonly TitleFamily[];

/** A distribution with its evidence: n, support, quantiles and the median's interval. */
export interface DistributionSummary {
	readonly n: number;
	readonly support: Support;
	/** null when suppressed (n < SUPPRESS_BELOW). */
	readonly quantiles: Quantiles | null;
	/** Median with its order-statistic interval and standard error; null when suppressed. */
	readonly median: MedianEstimate | null;
}

export interface FamilySummary extends DistributionSummary {
	readonly family: TitleFamily;
}

/** AI − ML, ML the reference; `estimate` is null when either side is suppressed. */
export interface GapSummary {
	readonly support: Support;
	readonly aiN: number;
	readonly mlN: number;
	readonly estimate: GapEstimate | null;
}

export interface GroupSummary {
	readonly key: string;
	readonly families: Readonly<Record<TitleFamily, FamilySummary>>;
	readonly gap: GapSummary;
}

/**
 * n, support, quantiles and median interval of ascending values, applying the
 * small-sample rule: below SUPPRESS_BELOW the numbers are null. `effectiveN` (default n)
 * is the Kish effective n when rows repeat each other (`clusterEffectiveN`); it widens the
 * median's interval and SE but not the rule, which counts reports.
 * `summarizeSorted([1..10]).quantiles.median → 5.5`.
 */
export function summarizeSorted(values: SortedValues, effectiveN: number = values.length): DistributionSummary {
	const n = values.length;
	const support = supportOf(n);
	if (support === 'suppressed') return { n, support, quantiles: null, median: null };
	return { n, support, quantiles: quantilesSorted(values), median: medianEstimateClusteredSorted(values, effectiveN) };
}

/** As `summarizeSorted`, for values in any order (sorts a copy). */
export function summarize(values: readonly number[]): DistributionSummary {
	return summarizeSorted(Float64Array.from(values).sort());
}

/** The gap between two family summaries, with the small-sample rule. */
export function gapSummary(ai: DistributionSummary, ml: DistributionSummary): GapSummary {
	const support = figureSupport({ kind: 'gap', aiN: ai.n, mlN: ml.n }).support;
	const estimate = support !== 'suppressed' && ai.median && ml.median ? gapFromMedians(ai.median, ml.median) : null;
	return { support, aiN: ai.n, mlN: ml.n, estimate };
}

/** Summaries of each family's ascending values (with each family's effective n, default n). */
export function familySummariesSorted(
	values: Readonly<Record<TitleFamily, SortedValues>>,
	effectiveN: Readonly<Record<TitleFamily, number>> | null = null
): Record<TitleFamily, FamilySummary> {
	return {
		AI: { family: 'AI', ...summarizeSorted(values.AI, effectiveN?.AI) },
		ML: { family: 'ML', ...summarizeSorted(values.ML, effectiveN?.ML) }
	};
}

/**
 * Each family's pay values in row order. For rows sorted by `pay` (e.g. filtered rows
 * sorted by salaryUsd at load, with the default `pay`), the values are ascending.
 */
export function familyValues(
	rows: readonly FamilyRow[],
	pay: (r: FamilyRow) => number = (r) => r.salaryUsd
): Record<TitleFamily, Float64Array> {
	let nAi = 0;
	for (const r of rows) if (r.family === 'AI') nAi++;
	const out = { AI: new Float64Array(nAi), ML: new Float64Array(rows.length - nAi) };
	let a = 0;
	let m = 0;
	for (const r of rows) {
		if (r.family === 'AI') out.AI[a++] = pay(r);
		else out.ML[m++] = pay(r);
	}
	return out;
}

/** Kish effective n per family of rows, identical rows (within `rows`) as clusters. */
export function familyEffectiveN(rows: readonly FamilyRow[]): Record<TitleFamily, number> {
	const sizes = clusterSizesOf(rows);
	const of = (fam: TitleFamily) => clusterEffectiveN(Uint32Array.from(sizes).filter((_, i) => rows[i]!.family === fam));
	return { AI: of('AI'), ML: of('ML') };
}

/**
 * Convenience: family summaries of rows in any order, on `pay` (default salaryUsd), with
 * identical rows among `rows` treated as clusters for the intervals.
 */
export function familySummaries(rows: readonly FamilyRow[], pay?: (r: FamilyRow) => number): Record<TitleFamily, FamilySummary> {
	const v = familyValues(rows, pay);
	return familySummariesSorted({ AI: v.AI.sort(), ML: v.ML.sort() }, familyEffectiveN(rows));
}

/**
 * Group summaries from ascending values per group key, listed in the dimension's order;
 * `effectiveN` per group key and family where rows repeat each other (default n).
 */
export function groupSummariesSorted(
	dim: Dimension,
	groups: ReadonlyMap<string, Readonly<Record<TitleFamily, SortedValues>>>,
	effectiveN: ReadonlyMap<string, Readonly<Record<TitleFamily, number>>> | null = null
): GroupSummary[] {
	return [...groups.keys()]
		.sort((a, b) => compareGroupKeys(dim, a, b))
		.map((key) => {
			const families = familySummariesSorted(groups.get(key)!, effectiveN?.get(key) ?? null);
			return { key, families, gap: gapSummary(families.AI, families.ML) };
		});
}

/** Convenience: per-group family summaries and gaps for rows in any order. */
export function groupSummaries(rows: readonly FamilyRow[], dim: Dimension, pay?: (r: FamilyRow) => number): GroupSummary[] {
	const byKey = new Map<string, FamilyRow[]>();
	for (const r of rows) {
		const k = dimensionKey(r, dim);
		const list = byKey.get(k);
		if (list) list.push(r);
		else byKey.set(k, [r]);
	}
	const groups = new Map<string, Record<TitleFamily, Float64Array>>();
	const eff = new Map<string, Record<TitleFamily, number>>();
	for (const [k, list] of byKey) {
		const v = familyValues(list, pay);
		groups.set(k, { AI: v.AI.sort(), ML: v.ML.sort() });
		eff.set(k, familyEffectiveN(list));
	}
	return groupSummariesSorted(dim, groups, eff);
}
