/**
 * Per-family summaries (n, quantiles, median interval), the AI − ML gap, and per-group
 * summaries for a dimension. `…Sorted` functions take ascending values; the others sort.
 */
import type { TitleFamily } from '../../data/types';
import { supportOf, type Support } from './constants';
import { figureSupport } from './support';
import { compareGroupKeys, type Dimension } from './dimensions';
import { gapFromMedians, medianEstimateClusteredSorted, type GapEstimate, type MedianEstimate } from './intervals';
import { quantilesSorted, type Quantiles, type SortedValues } from './quantiles';

export const FAMILIES = ['AI', 'ML'] as const satisfies readonly TitleFamily[];

/** A distribution with its evidence: n, support, quantiles and the median's interval. */
export interface DistributionSummary {
	readonly n: number;
	/** Kish effective n (identical rows as one cluster): "40 reports, about 6 distinct"; n without repeats. */
	readonly effectiveN: number;
	readonly support: Support;
	/** null when suppressed (n < SUPPRESS_BELOW). */
	readonly quantiles: Quantiles | null;
	/** Median with its order-statistic interval and standard error; null when suppressed. */
	readonly median: MedianEstimate | null;
}

export interface FamilySummary extends DistributionSummary {
	readonly family: TitleFamily;
}

/** AI − ML, ML the reference; `estimate` is null when either side is suppressed (its intervals null under MIN_INTERVAL_EFFECTIVE_N). */
export interface GapSummary {
	readonly support: Support;
	readonly aiN: number;
	readonly mlN: number;
	/** Each family's effective n (identical rows as one cluster); equal to its n without repeats. */
	readonly aiEffectiveN: number;
	readonly mlEffectiveN: number;
	readonly estimate: GapEstimate | null;
}

export interface GroupSummary {
	readonly key: string;
	readonly families: Readonly<Record<TitleFamily, FamilySummary>>;
	readonly gap: GapSummary;
}

/**
 * n, support, quantiles and median interval of ascending values, applying the
 * small-sample rule: below SUPPRESS_BELOW rows the numbers are null; below
 * LOW_CONFIDENCE_BELOW effective reports they are flagged. `effectiveN` (default n) is the
 * Kish effective n when rows repeat each other (`clusterEffectiveN`); it also sets the median's
 * interval and SE (none under MIN_INTERVAL_EFFECTIVE_N).
 * `summarizeSorted([1..10]).quantiles.median → 5.5`.
 */
export function summarizeSorted(values: SortedValues, effectiveN: number = values.length): DistributionSummary {
	const n = values.length;
	const effN = Math.min(n, effectiveN > 0 ? effectiveN : n);
	const support = supportOf(n, effN);
	if (support === 'suppressed') return { n, effectiveN: effN, support, quantiles: null, median: null };
	return { n, effectiveN: effN, support, quantiles: quantilesSorted(values), median: medianEstimateClusteredSorted(values, effN) };
}

/** As `summarizeSorted`, for values in any order (sorts a copy). */
export function summarize(values: readonly number[]): DistributionSummary {
	return summarizeSorted(Float64Array.from(values).sort());
}

/** The gap between two family summaries, with the small-sample rule. */
export function gapSummary(ai: DistributionSummary, ml: DistributionSummary): GapSummary {
	const aiEffectiveN = ai.effectiveN;
	const mlEffectiveN = ml.effectiveN;
	const support = figureSupport({ kind: 'gap', aiN: ai.n, mlN: ml.n, aiEffectiveN, mlEffectiveN }).support;
	const estimate = support !== 'suppressed' && ai.median && ml.median ? gapFromMedians(ai.median, ml.median) : null;
	return { support, aiN: ai.n, mlN: ml.n, aiEffectiveN, mlEffectiveN, estimate };
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
