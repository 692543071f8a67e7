/**
 * Per-family summaries (n, quantiles, median interval), the AI − ML gap, and per-group
 * summaries for a dimension. `…Sorted` functions take ascending values; the others sort.
 */
import type { TitleFamily } from '../title-families';
import { supportOf, weakerSupport, type Support } from './constants';
import { compareGroupKeys, type Dimension } from './dimensions';
import { gapFromMedians, medianEstimateSorted, type GapEstimate, type MedianEstimate } from './intervals';
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
 * small-sample rule: below SUPPRESS_BELOW the numbers are null.
 * `summarizeSorted([1..10]).quantiles.median → 5.5`.
 */
export function summarizeSorted(values: SortedValues): DistributionSummary {
	const n = values.length;
	const support = supportOf(n);
	if (support === 'suppressed') return { n, support, quantiles: null, median: null };
	return { n, support, quantiles: quantilesSorted(values), median: medianEstimateSorted(values) };
}

/** As `summarizeSorted`, for values in any order (sorts a copy). */
export function summarize(values: readonly number[]): DistributionSummary {
	return summarizeSorted(Float64Array.from(values).sort());
}

/** The gap between two family summaries, with the small-sample rule. */
export function gapSummary(ai: DistributionSummary, ml: DistributionSummary): GapSummary {
	const support = weakerSupport(ai.support, ml.support);
	// A suppressed side has no median, so this is null whenever `support` is 'suppressed'.
	const estimate = ai.median && ml.median ? gapFromMedians(ai.median, ml.median) : null;
	return { support, aiN: ai.n, mlN: ml.n, estimate };
}

/** Summaries of each family's ascending values. */
export function familySummariesSorted(values: Readonly<Record<TitleFamily, SortedValues>>): Record<TitleFamily, FamilySummary> {
	return {
		AI: { family: 'AI', ...summarizeSorted(values.AI) },
		ML: { family: 'ML', ...summarizeSorted(values.ML) }
	};
}

/** Group summaries from ascending values per group key, listed in the dimension's order. */
export function groupSummariesSorted(
	dim: Dimension,
	groups: ReadonlyMap<string, Readonly<Record<TitleFamily, SortedValues>>>
): GroupSummary[] {
	return [...groups.keys()]
		.sort((a, b) => compareGroupKeys(dim, a, b))
		.map((key) => {
			const families = familySummariesSorted(groups.get(key)!);
			return { key, families, gap: gapSummary(families.AI, families.ML) };
		});
}
