/** Facts about the whole salary file that the methodology page states, computed, not typed. */
import { rollup } from 'd3-array';
import type { SalaryRow } from '$lib/data/types';
import { familyOf } from './title-families';
import { countDuplicates } from './stats/dedupe';

export interface DataTraits {
	readonly rows: number;
	/** Share of all reports from US companies, 0–100. */
	readonly usSharePct: number;
	/** Share of AI/ML family reports (family mode) from medium-sized companies, 0–100. */
	readonly familySizeMSharePct: number;
	readonly familyRows: number;
	/** Reports per work year, ascending. */
	readonly perYear: readonly { year: number; n: number }[];
	/** Rows that repeat an earlier row in every source column. */
	readonly duplicateRows: number;
	readonly duplicateSharePct: number;
}

export function dataTraits(rows: readonly SalaryRow[]): DataTraits {
	const n = rows.length;
	const us = rows.filter((r) => r.companyLocation === 'US').length;
	const fam = rows.filter((r) => familyOf(r.jobTitle, 'family') !== null);
	const famM = fam.filter((r) => r.companySize === 'M').length;
	const perYear = [
		...rollup(
			rows,
			(g) => g.length,
			(r) => r.workYear
		)
	]
		.map(([year, c]) => ({ year, n: c }))
		.sort((a, b) => a.year - b.year);
	const dup = countDuplicates(rows);
	const share = (a: number, b: number) => (b === 0 ? 0 : (100 * a) / b);
	return {
		rows: n,
		usSharePct: share(us, n),
		familySizeMSharePct: share(famM, fam.length),
		familyRows: fam.length,
		perYear,
		duplicateRows: dup,
		duplicateSharePct: share(dup, n)
	};
}
