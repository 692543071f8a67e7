/**
 * Pay-band position: where a given salary falls within a family's distribution.
 * Percentile rank = 100 × (share of values strictly below + half the share equal), so a
 * salary equal to every value sits at 50 and one above all values at 100.
 */
import { bisectLeft, bisectRight } from 'd3-array';
import { supportOf, type Support } from './constants';

export interface PayBandPosition {
	readonly n: number;
	readonly support: Support;
	/** 0–100; null when suppressed (n < SUPPRESS_BELOW). */
	readonly percentile: number | null;
}

/**
 * Percentile rank of `salary` in ascending values (binary search), 0–100, or null when empty.
 * `percentileRankSorted([10, 20, 20, 30], 20) → 50`.
 */
export function percentileRankSorted(values: ArrayLike<number>, salary: number): number | null {
	const n = values.length;
	if (n === 0 || Number.isNaN(salary)) return null;
	const below = bisectLeft(values, salary);
	const upTo = bisectRight(values, salary);
	return (100 * (below + (upTo - below) / 2)) / n;
}

/** The position with the small-sample rule applied (null percentile when suppressed). */
export function payBandPositionSorted(values: ArrayLike<number>, salary: number): PayBandPosition {
	const n = values.length;
	const support = supportOf(n);
	return { n, support, percentile: support === 'suppressed' ? null : percentileRankSorted(values, salary) };
}
