/**
 * Test oracle (never imported by app code): a stratified cluster bootstrap of the
 * like-for-like adjusted AI median. Within each supported cell, AI clusters of identical rows
 * are resampled with replacement; the weights are recomputed for the resample (ML's mix held
 * fixed, as in the analytic method) and the weighted median taken. Slow and obvious.
 */
import { mulberry32 } from '../bootstrap';
import { weightedQuantileSorted } from '../like-for-like';
import { quantileOfSorted } from '../quantiles';

export interface OracleRow {
	readonly value: number;
	readonly cell: number;
	/** Rows with equal `cluster` are identical (same value and cell). */
	readonly cluster: number;
}

/** Percentile interval of the adjusted AI median under a stratified cluster bootstrap. */
export function lflAdjustedMedianBootstrap(
	ai: readonly OracleRow[],
	mlCellCounts: ReadonlyMap<number, number>,
	seed: number,
	resamples = 2000
): { lower: number; upper: number } {
	const rand = mulberry32(seed);
	const byCell = new Map<number, { value: number; size: number }[]>();
	const clusters = new Map<number, { value: number; cell: number; size: number }>();
	for (const r of ai) {
		const c = clusters.get(r.cluster);
		if (c) c.size++;
		else clusters.set(r.cluster, { value: r.value, cell: r.cell, size: 1 });
	}
	for (const c of clusters.values()) {
		if (!mlCellCounts.has(c.cell)) continue;
		const list = byCell.get(c.cell) ?? [];
		list.push({ value: c.value, size: c.size });
		byCell.set(c.cell, list);
	}
	let mlTotal = 0;
	for (const [cell, m] of mlCellCounts) if (byCell.has(cell)) mlTotal += m;
	const medians: number[] = [];
	for (let b = 0; b < resamples; b++) {
		const drawn: { value: number; weight: number }[] = [];
		for (const [cell, list] of byCell) {
			const picked: { value: number; size: number }[] = [];
			let rows = 0;
			for (let i = 0; i < list.length; i++) {
				const c = list[Math.floor(rand() * list.length)]!;
				picked.push(c);
				rows += c.size;
			}
			const w = mlCellCounts.get(cell)! / mlTotal / rows;
			for (const c of picked) drawn.push({ value: c.value, weight: w * c.size });
		}
		drawn.sort((x, y) => x.value - y.value);
		medians.push(
			weightedQuantileSorted(
				drawn.map((d) => d.value),
				drawn.map((d) => d.weight),
				0.5
			)
		);
	}
	medians.sort((x, y) => x - y);
	return { lower: quantileOfSorted(medians, 0.025), upper: quantileOfSorted(medians, 0.975) };
}
