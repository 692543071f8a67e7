/**
 * The row-level statistics engine, kept as a test oracle: plain arrays of row objects,
 * filtered and grouped the obvious way, then summarised with the same leaf functions.
 * `computeStats` (../compute.ts) is the one production engine; tests check it against these.
 * Not for production code.
 */
import type { SalaryRow, TitleFamily } from '$lib/data/types';
import { rowMatcher, type FamilyRow, type Filters } from '../../filters';
import { familyOf } from '../../title-families';
import { clusterSizesOf } from '../dedupe';
import { dimensionKey, type Dimension } from '../dimensions';
import { clusterEffectiveN } from '../intervals';
import { familySummariesSorted, groupSummariesSorted, type FamilySummary, type GroupSummary } from '../summary';

// Row-level growth and like-for-like still live in their leaf modules (growth.ts,
// like-for-like.ts); re-exported here so tests take every oracle from one place.
export { growthByYear } from '../growth';
export { likeForLike } from '../like-for-like';

/**
 * Keep the rows that match every filter and belong to a family under `filters.titles`.
 * Order is preserved, so rows sorted by salary stay sorted. Does not apply `dedupe`.
 */
export function applyFilters(rows: readonly SalaryRow[], filters: Filters): FamilyRow[] {
	const match = rowMatcher(filters);
	const out: FamilyRow[] = [];
	for (const r of rows) {
		if (!match(r)) continue;
		const family = familyOf(r.jobTitle, filters.titles);
		if (family === null) continue;
		out.push({ ...r, family });
	}
	return out;
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
