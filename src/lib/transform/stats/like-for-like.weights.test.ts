/**
 * Like-for-like pieces the other tests leave loose: the weighted quantile skipping zero
 * weights to average, its relative tolerance on large totals, effective n of clustered ML
 * rows (Kish over clusters), zero effective n without support, tie order of unsupported
 * cells, and the interval floor (raw SE × Kish design effect) when it is wider
 * than the order-statistic interval. Pieces are recomputed from the tested building blocks.
 */
import { describe, expect, it } from 'vitest';
import { Z_95 } from './constants';
import { medianEstimateSorted } from './intervals';
import { cellIndexOfCodes, likeForLikeSorted, weightedQuantileSorted } from './like-for-like';

const ramp = (n: number, start = 80_000, step = 1000) => Array.from({ length: n }, (_, i) => start + step * i);

describe('weightedQuantileSorted', () => {
	it('averages an exact hit with the next value that has weight, skipping zero weights', () => {
		expect(weightedQuantileSorted([1, 2, 3], [1, 0, 1], 0.5)).toBe(2);
		expect(weightedQuantileSorted([1, 2, 3, 4], [1, 0, 0, 1], 0.5)).toBe(2.5);
	});
	it('scales its tolerance with the total weight', () => {
		// 0.1k + 0.2k differs from 0.3 · (0.1k + 0.2k + 0.7k) by 9e-13 at k = 12298: an exact hit.
		const k = 12298;
		expect(weightedQuantileSorted([10, 20, 30], [0.1 * k, 0.2 * k, 0.7 * k], 0.3)).toBe(25);
	});
});

describe('likeForLikeSorted', () => {
	const ml = { values: ramp(40), cells: Array<number>(40).fill(0) };

	it('takes ML effective n over clusters as n² / Σ cluster sizes, and n without clusters', () => {
		const ai = { values: ramp(30, 90_000), cells: Array<number>(30).fill(0) };
		// 40 ML rows in clusters of 4: (Σm)² / Σm² = 40² / (10 · 16) = 10.
		expect(likeForLikeSorted(ai, { ...ml, clusterSizes: Array<number>(40).fill(4) }).mlEffectiveNClustered).toBe(10);
		expect(likeForLikeSorted(ai, ml).mlEffectiveNClustered).toBe(40);
		// AI rows in clusters of 3, one cell: 1 / (30 · (1/30)² · 3) = 10.
		expect(likeForLikeSorted({ ...ai, clusterSizes: Array<number>(30).fill(3) }, ml).aiEffectiveNClustered).toBeCloseTo(10, 10);
	});

	it('gives zero effective n on both sides when no cell is shared', () => {
		const l = likeForLikeSorted({ values: ramp(20), cells: Array<number>(20).fill(1) }, ml);
		expect([l.aiEffectiveN, l.aiEffectiveNClustered, l.mlEffectiveNClustered, l.mlNSupported]).toEqual([0, 0, 0, 0]);
		expect(l.support).toBe('suppressed');
	});

	it('orders unsupported cells of equal size by cell index', () => {
		const cells = [cellIndexOfCodes(3, 5, 2), cellIndexOfCodes(0, 1, 0), cellIndexOfCodes(2, 0, 1), cellIndexOfCodes(1, 4, 2)];
		const mlRows = { values: ramp(42), cells: Array.from({ length: 42 }, (_, i) => (i < 10 ? 0 : cells[(i - 10) % 4]!)) };
		const l = likeForLikeSorted({ values: ramp(20), cells: Array<number>(20).fill(0) }, mlRows);
		expect(l.unsupportedCells.map((c) => c.index)).toEqual([...cells].sort((a, b) => a - b));
	});

	it('widens the interval to the raw SE × design effect when the order-statistic interval is narrower', () => {
		// 30 AI rows in one cell, in clusters of 3 (design effect √3), with three tied values.
		const values = [...Array<number>(12).fill(90_000), ...Array<number>(6).fill(100_000), ...Array<number>(12).fill(110_000)];
		const l = likeForLikeSorted({ values, cells: Array<number>(30).fill(0), clusterSizes: Array<number>(30).fill(3) }, ml);
		const weights = new Float64Array(30).fill(1 / 30);
		const delta = Z_95 / (2 * Math.sqrt(10));
		const seOs = (weightedQuantileSorted(values, weights, 0.5 + delta) - weightedQuantileSorted(values, weights, 0.5 - delta)) / (2 * Z_95);
		const floor = medianEstimateSorted(values)!.se! * Math.sqrt(3);
		expect(floor).toBeGreaterThan(seOs);
		expect(l.aiMedianAdjusted).toBe(100_000);
		expect(l.aiMedianAdjustedInterval!.lower).toBeCloseTo(100_000 - Z_95 * floor, 6);
		expect(l.aiMedianAdjustedInterval!.upper).toBeCloseTo(100_000 + Z_95 * floor, 6);
	});

	it('issue 16: no interval and no verdict when the AI clusters are worth fewer than 6 reports', () => {
		// 30 AI rows in clusters of 6: weights-only effective n 30 (not suppressed), clustered 30² / (30 · 6) = 5.
		const l = likeForLikeSorted(
			{ values: ramp(30, 90_000), cells: Array<number>(30).fill(0), clusterSizes: Array<number>(30).fill(6) },
			ml
		);
		expect(l.aiEffectiveN).toBeCloseTo(30, 10);
		expect(l.aiEffectiveNClustered).toBeCloseTo(5, 10);
		// Shown (30 weighted reports) but low confidence (about 5 distinct).
		expect(l.support).toBe('low');
		expect(l.aiMedianAdjusted).toBe(104_500);
		expect(l.aiMedianAdjustedInterval).toBeNull();
		expect(l.adjusted).toMatchObject({ gapUsd: 104_500 - 99_500, gapUsdInterval: null, verdict: 'no-interval', distinguishable: null });
	});

	it('uses only the AI rows with weight for the raw SE', () => {
		// The same 30 rows, plus 10 rows in a cell ML does not have (weight 0) below them.
		const values = [...Array<number>(12).fill(90_000), ...Array<number>(6).fill(100_000), ...Array<number>(12).fill(110_000)];
		const extra = Array<number>(10).fill(50_000);
		const l = likeForLikeSorted(
			{
				values: [...extra, ...values],
				cells: [...Array<number>(10).fill(5), ...Array<number>(30).fill(0)],
				clusterSizes: Array<number>(40).fill(3)
			},
			ml
		);
		const floor = medianEstimateSorted(values)!.se! * Math.sqrt(3);
		expect(l.aiNUsed).toBe(30);
		expect(l.aiMedianAdjustedInterval!.lower).toBeCloseTo(100_000 - Z_95 * floor, 6);
	});
});
