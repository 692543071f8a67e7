/**
 * Quantiles with d3's definition (linear interpolation between order statistics, R type 7)
 * everywhere. The speed idea: rows are sorted by `salaryUsd` once at load, filtering keeps
 * that order, so a quantile of any filtered group is an index look-up, not a sort.
 *
 * Functions named `…Sorted` take values already in ascending order (the precondition is
 * not checked, for speed); the others sort a copy first.
 */
import { ascending, quantileSorted as d3QuantileSorted } from 'd3-array';
import { QUANTILE_PROBS } from './constants';

/** Numbers in ascending order (a plain array or a typed array). */
export type SortedValues = ArrayLike<number>;

export interface Quantiles {
	readonly p10: number;
	readonly p25: number;
	readonly median: number;
	readonly p75: number;
	readonly p90: number;
}

/**
 * A new array of the rows sorted by `salaryUsd` ascending; ties keep their input order
 * (stable). Call once at load. `sortBySalary([{salaryUsd: 3}, {salaryUsd: 1}]) → [{1}, {3}]`.
 */
export function sortBySalary<T extends { readonly salaryUsd: number }>(rows: readonly T[]): T[] {
	return rows.slice().sort((a, b) => a.salaryUsd - b.salaryUsd);
}

/** True when `rows` are in ascending `salaryUsd` order (the precondition of the `…Sorted` functions). */
export function isSortedBySalary(rows: readonly { readonly salaryUsd: number }[]): boolean {
	for (let i = 1; i < rows.length; i++) if (rows[i - 1]!.salaryUsd > rows[i]!.salaryUsd) return false;
	return true;
}

/**
 * The p-quantile of ascending values, d3's `quantileSorted` (R type 7); NaN when empty.
 * `quantileOfSorted([1, 2, 3, 4], 0.5) → 2.5`.
 */
export function quantileOfSorted(values: SortedValues, p: number): number {
	// d3 reads only `length` and indices, so a typed array is fine at run time.
	return d3QuantileSorted(values as unknown as number[], p) ?? NaN;
}

/** p10, p25, median, p75, p90 of ascending values, or null when there are none. */
export function quantilesSorted(values: SortedValues): Quantiles | null {
	if (values.length === 0) return null;
	return {
		p10: quantileOfSorted(values, QUANTILE_PROBS.p10),
		p25: quantileOfSorted(values, QUANTILE_PROBS.p25),
		median: quantileOfSorted(values, QUANTILE_PROBS.median),
		p75: quantileOfSorted(values, QUANTILE_PROBS.p75),
		p90: quantileOfSorted(values, QUANTILE_PROBS.p90)
	};
}

/** As `quantilesSorted`, for values in any order (sorts a copy). */
export function quantiles(values: readonly number[]): Quantiles | null {
	return quantilesSorted(values.slice().sort(ascending));
}
