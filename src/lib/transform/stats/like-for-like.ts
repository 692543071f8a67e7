/**
 * Like-for-like gap by post-stratification: AI rows are reweighted so that their mix of
 * experience level × region × company size matches the ML family's mix, then the weighted
 * AI median is compared with the ML median over the same cells.
 *
 * - Cells where ML has rows and AI has none cannot be matched ("without support"): they
 *   are listed with the share of ML rows they hold, and the target mix is renormalised
 *   over the supported cells (the ML side is restricted to those cells too).
 * - AI rows in cells where ML has no rows get weight 0.
 * - Rows with experience, region or size not given (NO_CELL) are left out on both sides and
 *   counted (`aiRowsWithoutCell`, `mlRowsWithoutCell`); shares are of the rows with a cell.
 * - Weight of an AI row in cell c: w = t_c / a_c, with t_c the ML share of supported cell c
 *   and a_c the AI rows in c (weights sum to 1). Kish effective n = 1 / Σ w².
 */
import { COMPANY_SIZES, EXPERIENCE_LEVELS, REGIONS, type CompanySize, type ExperienceLevel, type Region } from '../../data/types';
import type { FamilyRow } from '../filters';
import { Z_95, type Support } from './constants';
import { clusterSizesOf } from './dedupe';
import { figureSupport } from './support';
import {
	gapFromMedians,
	medianEstimateClusteredSorted,
	medianEstimateSorted,
	woodruffLevels,
	type GapEstimate,
	type Interval
} from './intervals';

const NE = EXPERIENCE_LEVELS.length;
const NR = REGIONS.length;
const NS = COMPANY_SIZES.length;
/** Number of experience × region × size cells (4 × 6 × 3 = 72). */
export const CELL_COUNT = NE * NR * NS;

export interface Cell {
	readonly index: number;
	readonly experienceLevel: ExperienceLevel;
	readonly region: Region;
	readonly companySize: CompanySize;
}

/** The cell "index" of a row with experience, region or size not given: no cell, left out of the like-for-like gap. */
export const NO_CELL = CELL_COUNT;

/**
 * Cell index from the three code positions (as in EXPERIENCE_LEVELS, REGIONS, COMPANY_SIZES);
 * NO_CELL when a code is the list's "not given" code (its length) or beyond.
 */
export function cellIndexOfCodes(exp: number, region: number, size: number): number {
	if (exp >= NE || region >= NR || size >= NS) return NO_CELL;
	return (exp * NR + region) * NS + size;
}

/** The cell index of a row (NO_CELL when one of the three is not given). */
export function cellOf(row: {
	readonly experienceLevel: ExperienceLevel | null;
	readonly region: Region | null;
	readonly companySize: CompanySize | null;
}): number {
	if (row.experienceLevel === null || row.region === null || row.companySize === null) return NO_CELL;
	return cellIndexOfCodes(
		EXPERIENCE_LEVELS.indexOf(row.experienceLevel),
		REGIONS.indexOf(row.region),
		COMPANY_SIZES.indexOf(row.companySize)
	);
}

/** The labels of a cell index. `cellAt(0) → { experienceLevel: 'EN', region: 'africa', companySize: 'S' }`. */
export function cellAt(index: number): Cell {
	const size = index % NS;
	const region = Math.floor(index / NS) % NR;
	const exp = Math.floor(index / (NS * NR));
	return { index, experienceLevel: EXPERIENCE_LEVELS[exp]!, region: REGIONS[region]!, companySize: COMPANY_SIZES[size]! };
}

/**
 * Weighted p-quantile of ascending values: the smallest value whose cumulative weight
 * reaches p of the total; when the cumulative weight equals p·total exactly (relative
 * tolerance 1e-9), the average of that value and the next one with positive weight.
 * Zero-weight values are ignored. With equal weights the median equals d3's median.
 * `weightedQuantileSorted([1, 2, 3], [1, 1, 2], 0.5) → 2.5`; NaN when total weight is 0.
 */
export function weightedQuantileSorted(values: ArrayLike<number>, weights: ArrayLike<number>, p: number): number {
	const n = values.length;
	let total = 0;
	for (let i = 0; i < n; i++) total += weights[i]!;
	if (!(total > 0) || Number.isNaN(p)) return NaN;
	const target = Math.min(1, Math.max(0, p)) * total;
	const tol = 1e-9 * total;
	let cum = 0;
	for (let i = 0; i < n; i++) {
		const w = weights[i]!;
		if (!(w > 0)) continue;
		cum += w;
		if (cum >= target - tol) {
			if (cum > target + tol) return values[i]!;
			for (let j = i + 1; j < n; j++) if (weights[j]! > 0) return (values[i]! + values[j]!) / 2;
			return values[i]!;
		}
	}
	// Not reached: the target is at most the total, and the last positive weight brings cum to
	// the total exactly (the same additions in the same order; zero weights add nothing).
	return NaN;
}

export interface UnsupportedCell extends Cell {
	readonly mlRows: number;
	/** Share of all ML rows in the view that sit in this cell, 0–100. */
	readonly mlSharePct: number;
}

export interface LikeForLike {
	/** Weaker of the AI side (by Kish effective n) and the ML side (rows in supported cells). */
	readonly support: Support;
	/** Rows in the view per family, including rows without a cell. */
	readonly aiN: number;
	readonly mlN: number;
	/**
	 * Rows left out because experience level, region or company size is not given (an
	 * uploaded file): they have no cell. Zero for the built-in data.
	 */
	readonly aiRowsWithoutCell: number;
	readonly mlRowsWithoutCell: number;
	/** AI rows with positive weight (with a cell that ML also has). */
	readonly aiNUsed: number;
	/** AI rows in cells where ML has no rows: weight 0. */
	readonly aiRowsWithoutTarget: number;
	readonly aiEffectiveN: number;
	/** As `aiEffectiveN`, counting each cluster of identical rows as one unit of weight m·w (used for the interval). */
	readonly aiEffectiveNClustered: number;
	/** Kish effective n of the ML rows in supported cells after clustering identical rows. */
	readonly mlEffectiveNClustered: number;
	/** ML rows in supported cells (the comparison population). */
	readonly mlNSupported: number;
	/** Cells where ML has rows but AI has none, largest ML share first (shares of the ML rows with a cell). */
	readonly unsupportedCells: readonly UnsupportedCell[];
	/** Share of the ML rows with a cell that sit in unsupported cells, 0–100. */
	readonly unsupportedMlSharePct: number;
	/** Post-stratified (weighted) AI median, and its interval; null when suppressed. */
	readonly aiMedianAdjusted: number | null;
	readonly aiMedianAdjustedInterval: Interval | null;
	/** ML median over supported cells; null when suppressed. */
	readonly mlMedianSupported: number | null;
	/** Adjusted AI median − ML median (supported cells), with intervals; null when suppressed. */
	readonly adjusted: GapEstimate | null;
}

/** Values in ascending order with the cell index of each (and, optionally, each row's cluster size). */
export interface CelledValues {
	readonly values: ArrayLike<number>;
	readonly cells: ArrayLike<number>;
	/** Rows in each row's cluster of identical rows; all 1 when absent. */
	readonly clusterSizes?: ArrayLike<number>;
}

/**
 * The like-for-like comparison from each family's ascending values and cells (see the
 * module comment). The adjusted AI median's interval is [Q(½ − δ), Q(½ + δ)] with
 * δ = z / (2√n_eff), the Woodruff interval every median gets (intervals.ts) on the weighted
 * quantile function, with the Kish effective n of the weights; its SE is the width / (2z),
 * combined in quadrature with the ML median's SE. No interval under MIN_INTERVAL_EFFECTIVE_N.
 */
export function likeForLikeSorted(ai: CelledValues, ml: CelledValues, z: number = Z_95): LikeForLike {
	// One extra slot collects the rows without a cell (NO_CELL); no loop below reads it as a cell.
	const aiCount = new Float64Array(CELL_COUNT + 1);
	const mlCount = new Float64Array(CELL_COUNT + 1);
	for (let i = 0; i < ai.cells.length; i++) aiCount[ai.cells[i]!]! += 1;
	for (let i = 0; i < ml.cells.length; i++) mlCount[ml.cells[i]!]! += 1;
	const aiRowsWithoutCell = aiCount[NO_CELL]!;
	const mlRowsWithoutCell = mlCount[NO_CELL]!;
	const mlN = ml.values.length;
	const aiN = ai.values.length;
	// ML rows with a cell: the population whose mix the AI rows are reweighted to.
	const mlWithCell = mlN - mlRowsWithoutCell;

	let mlSupported = 0;
	let aiWithoutTarget = 0;
	const unsupported: UnsupportedCell[] = [];
	for (let c = 0; c < CELL_COUNT; c++) {
		const m = mlCount[c]!;
		const a = aiCount[c]!;
		if (m > 0 && a > 0) mlSupported += m;
		else if (m > 0) unsupported.push({ ...cellAt(c), mlRows: m, mlSharePct: (100 * m) / mlWithCell });
		else aiWithoutTarget += a; // 0 where neither family has rows
	}
	unsupported.sort((x, y) => y.mlRows - x.mlRows || x.index - y.index);

	// Weight per AI row by cell: t_c / a_c, t_c = m_c / (ML rows in supported cells); NO_CELL keeps weight 0.
	const cellWeight = new Float64Array(CELL_COUNT + 1);
	let sumW2 = 0;
	for (let c = 0; c < CELL_COUNT; c++) {
		const m = mlCount[c]!;
		const a = aiCount[c]!;
		if (m > 0 && a > 0) {
			const t = m / mlSupported;
			cellWeight[c] = t / a;
			sumW2 += (t * t) / a;
		}
	}
	const aiEffectiveN = sumW2 > 0 ? 1 / sumW2 : 0;
	const weights = new Float64Array(aiN);
	// Σ over rows of m·w² = Σ over clusters of (m·w)² (a cluster's rows share a cell); summed
	// per cell first (integers), so the result does not depend on row order.
	const aiSumM = new Float64Array(CELL_COUNT + 1);
	for (let i = 0; i < aiN; i++) {
		weights[i] = cellWeight[ai.cells[i]!]!;
		aiSumM[ai.cells[i]!]! += ai.clusterSizes ? ai.clusterSizes[i]! : 1;
	}
	let sumClusterW2 = 0;
	for (let c = 0; c < CELL_COUNT; c++) {
		const w = cellWeight[c]!; // 0 outside the supported cells
		sumClusterW2 += w * w * aiSumM[c]!;
	}
	const aiEffectiveNClustered = sumClusterW2 > 0 ? 1 / sumClusterW2 : 0;

	const mlSupportedValues = new Float64Array(mlSupported);
	let mlSumM = 0;
	for (let i = 0, j = 0; i < mlN; i++)
		if (cellWeight[ml.cells[i]!]! > 0) {
			mlSupportedValues[j++] = ml.values[i]!;
			mlSumM += ml.clusterSizes ? ml.clusterSizes[i]! : 1;
		}
	const mlEffectiveNClustered = mlSumM > 0 ? (mlSupported * mlSupported) / mlSumM : 0;

	const support = figureSupport({
		kind: 'cell',
		aiEffectiveN,
		mlN: mlSupported,
		aiEffectiveNClustered,
		mlEffectiveN: mlEffectiveNClustered
	}).support;
	const base = {
		support,
		aiN,
		mlN,
		aiRowsWithoutCell,
		mlRowsWithoutCell,
		aiNUsed: aiN - aiRowsWithoutCell - aiWithoutTarget,
		aiRowsWithoutTarget: aiWithoutTarget,
		aiEffectiveN,
		aiEffectiveNClustered,
		mlEffectiveNClustered,
		mlNSupported: mlSupported,
		unsupportedCells: unsupported,
		unsupportedMlSharePct: mlWithCell > 0 ? (100 * (mlWithCell - mlSupported)) / mlWithCell : 0
	};
	const mlEst = support === 'suppressed' ? null : medianEstimateClusteredSorted(mlSupportedValues, mlEffectiveNClustered);
	if (mlEst === null) {
		return {
			...base,
			support: 'suppressed',
			aiMedianAdjusted: null,
			aiMedianAdjustedInterval: null,
			mlMedianSupported: null,
			adjusted: null
		};
	}
	const median = weightedQuantileSorted(ai.values, weights, 0.5);
	const levels = woodruffLevels(aiEffectiveNClustered, z);
	if (!levels || mlEst.se === null) {
		// Too few effective reports on a side for an interval that earns its 95 %: the medians only.
		return {
			...base,
			aiMedianAdjusted: median,
			aiMedianAdjustedInterval: null,
			mlMedianSupported: mlEst.median,
			adjusted: gapFromMedians({ median, se: null, seLog: null }, mlEst, z)
		};
	}
	const lower = weightedQuantileSorted(ai.values, weights, levels.lower);
	const upper = weightedQuantileSorted(ai.values, weights, levels.upper);
	// Floor on the uncertainty: the SE of the AI rows used as if unweighted, inflated by Kish's
	// design effect √(n_used / n_eff). With few distinct values (ties) the weighted
	// interval alone can come out narrower than the raw one; reweighting never adds
	// information, so the adjusted interval is never narrower than this.
	const used = new Float64Array(base.aiNUsed);
	for (let i = 0, j = 0; i < aiN; i++) if (weights[i]! > 0) used[j++] = ai.values[i]!;
	// Not suppressed, so the AI side has at least SUPPRESS_BELOW rows used: the estimate has an SE.
	const raw = medianEstimateSorted(used)!;
	const deff = Math.sqrt(base.aiNUsed / aiEffectiveNClustered);
	const seOs = (upper - lower) / (2 * z);
	const seLogOs = lower > 0 ? (Math.log(upper) - Math.log(lower)) / (2 * z) : null;
	const se = Math.max(seOs, raw.se! * deff);
	const seLog = seLogOs !== null && raw.seLog !== null ? Math.max(seLogOs, raw.seLog * deff) : seLogOs;
	const aiEst = { median, se, seLog };
	return {
		...base,
		aiMedianAdjusted: median,
		aiMedianAdjustedInterval: { lower: Math.min(lower, median - z * se), upper: Math.max(upper, median + z * se) },
		mlMedianSupported: mlEst.median,
		adjusted: gapFromMedians(aiEst, mlEst, z)
	};
}

/**
 * Convenience: the like-for-like comparison of family rows in any order, on `pay`
 * (default `salaryUsd`), identical rows among `rows` as clusters. Sorts copies.
 */
export function likeForLike(rows: readonly FamilyRow[], pay: (r: FamilyRow) => number = (r) => r.salaryUsd): LikeForLike {
	const sizes = clusterSizesOf(rows);
	const sorted = rows.map((r, i) => ({ v: pay(r), c: cellOf(r), f: r.family, m: sizes[i]! })).sort((a, b) => a.v - b.v);
	const side = (fam: 'AI' | 'ML'): CelledValues => {
		const s = sorted.filter((x) => x.f === fam);
		return {
			values: Float64Array.from(s, (x) => x.v),
			cells: Int32Array.from(s, (x) => x.c),
			clusterSizes: Uint32Array.from(s, (x) => x.m)
		};
	};
	return likeForLikeSorted(side('AI'), side('ML'));
}
