import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	clusterSizesOf,
	countDuplicates,
	dedupeRows,
	duplicateClustersSorted,
	duplicateFlags,
	duplicateFlagsSorted,
	duplicateKey
} from './dedupe';
import { isSortedBySalary, sortBySalary } from './quantiles';
import { arbRows, frozen, row } from './testing/rows';

describe('duplicates', () => {
	// Hand-built: b repeats a except for `line`; c differs from a in one source column each.
	const a = row({ line: 2, salaryUsd: 120_000 });
	const b = row({ line: 3, salaryUsd: 120_000 });
	const cases: [string, ReturnType<typeof row>][] = [
		['salary', row({ line: 4, salaryUsd: 120_000, salary: 1 })],
		['currency', row({ line: 4, salaryUsd: 120_000, salaryCurrency: 'EUR' })],
		['estimated year', row({ line: 4, salaryUsd: 120_000, workYearEstimated: true })],
		['residence', row({ line: 4, salaryUsd: 120_000, employeeResidence: 'CA' })],
		['remote ratio', row({ line: 4, salaryUsd: 120_000, remoteRatio: 100 })],
		['title', row({ line: 4, salaryUsd: 120_000, jobTitle: 'AI Engineer' })],
		['work year', row({ line: 4, salaryUsd: 120_000, workYear: 2023 })],
		['experience', row({ line: 4, salaryUsd: 120_000, experienceLevel: 'EX' })],
		['employment type', row({ line: 4, salaryUsd: 120_000, employmentType: 'CT' })],
		['company location', row({ line: 4, salaryUsd: 120_000, companyLocation: 'CA', employeeResidence: 'US' })],
		['company size', row({ line: 4, salaryUsd: 120_000, companySize: 'L' })],
		['salary in USD', row({ line: 4, salaryUsd: 120_001, salary: 120_000 })]
	];

	it('rows equal in every source column but `line` are duplicates', () => {
		expect.hasAssertions();
		expect(duplicateKey(a)).toBe(duplicateKey(b));
		expect(countDuplicates([a, b, b])).toBe(2);
		expect(Array.from(duplicateFlags([a, b, b]))).toEqual([0, 1, 1]);
	});

	it.each(cases)('a row differing only in %s is not a duplicate', (_, c) => {
		expect.hasAssertions();
		expect(countDuplicates([a, c])).toBe(0);
		expect(Array.from(duplicateFlags([a, c]))).toEqual([0, 0]);
		expect(Array.from(duplicateFlagsSorted(sortBySalary([a, c])))).toEqual([0, 0]);
		expect(dedupeRows([a, c])).toEqual([a, c]);
	});

	it('estimated years stay apart: 2021e and 2022e are different rows', () => {
		expect.hasAssertions();
		const x = row({ line: 2, workYear: 2021, workYearEstimated: true });
		const y = row({ line: 3, workYear: 2022, workYearEstimated: true });
		expect(countDuplicates([x, y])).toBe(0);
		expect(countDuplicates([x, { ...x, line: 4 }])).toBe(1);
	});

	it('columns stay apart in the key: text that moves across a column boundary is a different row', () => {
		expect.hasAssertions();
		// "Engineer 1" + "20" and "Engineer " + "120" read the same when run together.
		const x = row({ line: 2, jobTitle: 'Engineer 1', salary: 20 });
		const y = row({ line: 3, jobTitle: 'Engineer ', salary: 120 });
		expect(x.salaryUsd).toBe(y.salaryUsd);
		expect(duplicateKey(x)).not.toBe(duplicateKey(y));
		expect(countDuplicates([x, y])).toBe(0);
		expect(Array.from(duplicateFlagsSorted([x, y]))).toEqual([0, 0]);
	});

	it('sorted flags: only repeats inside a run of equal salaries, each run on its own', () => {
		expect.hasAssertions();
		const r = (line: number, salaryUsd: number, jobTitle = 'AI Engineer') => row({ line, salaryUsd, jobTitle, salary: 1 });
		// runs: 100 ×3 (one repeat), 200 ×1, 300 ×3 (two repeats of the first)
		const rows = [r(2, 100), r(3, 100, 'ML Engineer'), r(4, 100), r(5, 200), r(6, 300), r(7, 300), r(8, 300)];
		expect(Array.from(duplicateFlagsSorted(rows))).toEqual([0, 0, 1, 0, 0, 1, 1]);
		expect(Array.from(duplicateFlags(rows))).toEqual([0, 0, 1, 0, 0, 1, 1]);
		expect(countDuplicates(rows)).toBe(3);
		expect(Array.from(duplicateFlagsSorted([]))).toEqual([]);
		expect(Array.from(duplicateFlagsSorted([r(2, 100)]))).toEqual([0]);
	});

	it('dedupeRows keeps first occurrences in order and leaves the input alone', () => {
		expect.hasAssertions();
		const c = cases[0]![1];
		const input = frozen([b, c, a, b, c]);
		expect(dedupeRows(input).map((r) => r.line)).toEqual([3, 4]);
		expect(input.map((r) => r.line)).toEqual([3, 4, 2, 3, 4]);
	});

	it('property: idempotent, order-preserving, sorted stays sorted, count matches', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbRows(200), (rows) => {
				const once = dedupeRows(rows);
				expect(dedupeRows(once)).toEqual(once);
				expect(countDuplicates(once)).toBe(0);
				expect(once.length).toBe(rows.length - countDuplicates(rows));
				// a subsequence of the input, in input order
				let j = 0;
				for (const r of rows) if (j < once.length && r === once[j]) j++;
				expect(j).toBe(once.length);
				const sorted = sortBySalary(rows);
				expect(isSortedBySalary(dedupeRows(sorted))).toBe(true);
				expect(Array.from(duplicateFlagsSorted(sorted))).toEqual(Array.from(duplicateFlags(sorted)));
			}),
			{ seed: 5, numRuns: 200 }
		);
	});
});

describe('clusters of identical rows', () => {
	it('property: ids point at the first identical row, sizes count the cluster, flags follow', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbRows(200), (rows) => {
				const sorted = sortBySalary(rows);
				const { id, size } = duplicateClustersSorted(sorted);
				const keys = sorted.map(duplicateKey);
				expect(Array.from(size)).toEqual(Array.from(clusterSizesOf(sorted)));
				sorted.forEach((_, i) => {
					expect(id[i]).toBe(keys.indexOf(keys[i]!));
				});
				expect(Array.from(id, (f, i) => (f === i ? 0 : 1))).toEqual(Array.from(duplicateFlags(sorted)));
			}),
			{ seed: 6, numRuns: 150 }
		);
	});

	it('clusterSizesOf: [a, b, a] → [2, 1, 2]', () => {
		expect.hasAssertions();
		const a = row({ salaryUsd: 1 });
		const b = row({ salaryUsd: 2 });
		expect(Array.from(clusterSizesOf([a, b, { ...a, line: 9 }]))).toEqual([2, 1, 2]);
	});
});
