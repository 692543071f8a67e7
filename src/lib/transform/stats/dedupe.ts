/**
 * Exact duplicates: about half the aijobs.net rows repeat another row in every source
 * column. "Count identical rows once" keeps the first occurrence. Identical rows pass or
 * fail every filter together (filters read source columns, and `region` is a function of
 * `company_location`), so deduping before or after filtering gives the same rows.
 */
import type { SalaryRow } from '../../data/types';

const SEP = '\u001f';

/**
 * A string equal for two rows exactly when every source column is equal (everything but
 * `line` and derived fields; `workYearEstimated` is part of the source `work_year` text, `2021e`).
 */
export function duplicateKey(r: SalaryRow): string {
	return (
		r.workYear +
		(r.workYearEstimated ? 'e' : '') +
		SEP +
		r.experienceLevel +
		SEP +
		r.employmentType +
		SEP +
		r.jobTitle +
		SEP +
		r.salary +
		SEP +
		r.salaryCurrency +
		SEP +
		r.salaryUsd +
		SEP +
		r.employeeResidence +
		SEP +
		r.remoteRatio +
		SEP +
		r.companyLocation +
		SEP +
		r.companySize
	);
}

/**
 * 1 where the row repeats an earlier row of the array exactly, else 0.
 * `duplicateFlags([a, b, a']) → [0, 0, 1]` when a' equals a in every source column.
 */
export function duplicateFlags(rows: readonly SalaryRow[]): Uint8Array {
	const flags = new Uint8Array(rows.length);
	const seen = new Set<string>();
	for (let i = 0; i < rows.length; i++) {
		const key = duplicateKey(rows[i]!);
		if (seen.has(key)) flags[i] = 1;
		else seen.add(key);
	}
	return flags;
}

/**
 * As `duplicateFlags`, faster for rows sorted by `salaryUsd` (identical rows are then in the
 * same run of equal salaries, so keys are built only inside runs longer than one).
 */
export function duplicateFlagsSorted(rows: readonly SalaryRow[]): Uint8Array {
	const flags = new Uint8Array(rows.length);
	let start = 0;
	while (start < rows.length) {
		const usd = rows[start]!.salaryUsd;
		let end = start + 1;
		while (end < rows.length && rows[end]!.salaryUsd === usd) end++;
		// Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent output, a run of one has no repeat (the test only saves building its key)
		if (end - start > 1) {
			const seen = new Set<string>();
			for (let i = start; i < end; i++) {
				const key = duplicateKey(rows[i]!);
				if (seen.has(key)) flags[i] = 1;
				else seen.add(key);
			}
		}
		start = end;
	}
	return flags;
}

/**
 * Clusters of identical rows, for rows sorted by `salaryUsd`: per row, the position of the
 * first row identical to it (its cluster id) and how many rows the cluster has.
 * `duplicateClustersSorted([a, b, a']) → { id: [0, 1, 0], size: [2, 1, 2] }` when a' equals a.
 */
export function duplicateClustersSorted(rows: readonly SalaryRow[]): { readonly id: Int32Array; readonly size: Uint32Array } {
	const id = new Int32Array(rows.length);
	const size = new Uint32Array(rows.length);
	let start = 0;
	while (start < rows.length) {
		const usd = rows[start]!.salaryUsd;
		let end = start + 1;
		while (end < rows.length && rows[end]!.salaryUsd === usd) end++;
		if (end - start === 1) {
			id[start] = start;
			size[start] = 1;
		} else {
			const first = new Map<string, number>();
			const count = new Map<number, number>();
			for (let i = start; i < end; i++) {
				const key = duplicateKey(rows[i]!);
				const f = first.get(key) ?? i;
				if (f === i) first.set(key, i);
				id[i] = f;
				count.set(f, (count.get(f) ?? 0) + 1);
			}
			for (let i = start; i < end; i++) size[i] = count.get(id[i]!)!;
		}
		start = end;
	}
	return { id, size };
}

/**
 * Per row, how many rows of the array are identical to it (itself included): the cluster
 * sizes `clusterEffectiveN` takes. `clusterSizesOf([a, b, a']) → [2, 1, 2]`.
 */
export function clusterSizesOf(rows: readonly SalaryRow[]): Uint32Array {
	const keys = rows.map(duplicateKey);
	const count = new Map<string, number>();
	for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
	return Uint32Array.from(keys, (k) => count.get(k)!);
}

/** How many rows repeat an earlier row exactly (rows minus distinct rows). */
export function countDuplicates(rows: readonly SalaryRow[]): number {
	const seen = new Set<string>();
	for (const r of rows) seen.add(duplicateKey(r));
	return rows.length - seen.size;
}

/**
 * The rows with every exact repeat dropped, first occurrences kept, order preserved (so
 * sorted input stays sorted). Idempotent: `dedupeRows(dedupeRows(x))` equals `dedupeRows(x)`.
 */
export function dedupeRows<T extends SalaryRow>(rows: readonly T[]): T[] {
	const seen = new Set<string>();
	const out: T[] = [];
	for (const r of rows) {
		const key = duplicateKey(r);
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(r);
	}
	return out;
}
