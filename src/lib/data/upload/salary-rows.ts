/**
 * Uploaded salary columns → the dashboard's `SalaryRow`s. Title, pay and year are required;
 * company size, country, experience level, employment type and remote ratio are optional:
 * a column the file lacks, or an empty cell, is "not given" (null in the row), and the
 * statistics treat it as its own value (see README.md beside this file). The aijobs.net
 * layout has every field, and uploading the built-in file gives exactly the rows
 * `parseSalaries` gives (checked in the integration tests).
 */
import { regionOf } from '../countries';
import { COMPANY_SIZES, EMPLOYMENT_TYPES, EXPERIENCE_LEVELS, REMOTE_RATIOS, type SalaryRow } from '../types';
import type { SalaryColumns } from './columns';
import type { SalaryField } from './fields';

/** The optional fields the dashboard filters and groups by; each may be absent or empty ("not given"). */
export const SALARY_ROW_FIELDS = [
	'companySize',
	'country',
	'experienceLevel',
	'employmentType',
	'remoteRatio'
] as const satisfies readonly SalaryField[];

export interface SalaryRowsResult {
	readonly rows: SalaryRow[];
	/** Rows left out, with the reason (a country with no region). */
	readonly skipped: readonly { readonly line: number; readonly reason: string }[];
}

/** The SALARY_ROW_FIELDS the columns lack entirely (the file has no such column): "not given" on every row. */
export function missingSalaryRowFields(c: SalaryColumns): SalaryField[] {
	return SALARY_ROW_FIELDS.filter((f) => c[f] === null);
}

/** Code → value, or null where the column is absent or the cell empty (code < 0). */
function pick<T>(codes: Int8Array | Int16Array | Int32Array | null, list: readonly T[], i: number): T | null {
	if (codes === null) return null;
	const c = codes[i]!;
	return c < 0 ? null : list[c]!;
}

/**
 * One SalaryRow per accepted row, in file order. Where the file has no local salary or
 * currency, the USD figure and `USD` stand in; no employee residence → the company country
 * (null when that is not given either). An absent optional column or an empty cell is null.
 * Rows whose country has no continent (Antarctica) are skipped and listed (the built-in
 * parser rejects them too).
 * `sortBySalary`: emit rows in ascending salaryUsd order, ties in file order — the order
 * `prepareRows` sorts into (a stable sort), so it skips its own sort of row objects; sorting
 * an index over the typed column here is several times cheaper.
 */
export function toSalaryRows(c: SalaryColumns, opts: { sortBySalary?: boolean } = {}): SalaryRowsResult {
	const size = c.companySize;
	const exp = c.experienceLevel;
	const type = c.employmentType;
	const remote = c.remoteRatio;
	const country = c.country;
	const rows: SalaryRow[] = [];
	const skipped: { line: number; reason: string }[] = [];
	const regions = country ? country.dict.map((code) => regionOf(code)) : [];
	const order = opts.sortBySalary ? salaryOrder(c.salaryUsd) : null;
	for (let k = 0; k < c.n; k++) {
		const i = order ? order[k]! : k;
		const line = c.line[i]!;
		const cc = country ? country.codes[i]! : -1;
		const region = cc < 0 ? null : regions[cc];
		if (region === null && cc >= 0) {
			skipped.push({ line, reason: 'country has no region (continent)' });
			continue;
		}
		const companyLocation = cc < 0 ? null : country!.dict[cc]!;
		const local = c.salaryLocal ? c.salaryLocal[i]! : NaN;
		const cur = c.salaryCurrency && c.salaryCurrency.codes[i]! >= 0 ? c.salaryCurrency.dict[c.salaryCurrency.codes[i]!]! : null;
		const res = c.employeeResidence && c.employeeResidence.codes[i]! >= 0 ? c.employeeResidence.dict[c.employeeResidence.codes[i]!]! : null;
		rows.push({
			line,
			workYear: c.year[i]!,
			workYearEstimated: c.yearEstimated[i] === 1,
			experienceLevel: pick(exp, EXPERIENCE_LEVELS, i),
			employmentType: pick(type, EMPLOYMENT_TYPES, i),
			jobTitle: c.title.dict[c.title.codes[i]!]!,
			salary: Number.isNaN(local) || cur === null ? c.salaryUsd[i]! : local,
			salaryCurrency: Number.isNaN(local) || cur === null ? 'USD' : cur,
			salaryUsd: c.salaryUsd[i]!,
			employeeResidence: res ?? companyLocation,
			remoteRatio: pick(remote, REMOTE_RATIOS, i),
			companyLocation,
			region: region ?? null,
			companySize: pick(size, COMPANY_SIZES, i)
		});
	}
	return { rows, skipped };
}

/**
 * Row positions in ascending salary order, ties by position (stable): a counting sort over
 * the ranks of the distinct values. Pay data have few distinct values (round figures), so
 * sorting those is cheap; a comparator sort over 1e6 indices is several times slower.
 */
function salaryOrder(pay: Float64Array): Uint32Array {
	const n = pay.length;
	const distinct = Float64Array.from(new Set(pay)).sort();
	const rankOf = new Map<number, number>();
	distinct.forEach((v, r) => rankOf.set(v, r));
	const rank = new Uint32Array(n);
	const start = new Uint32Array(distinct.length + 1);
	for (let i = 0; i < n; i++) {
		const r = rankOf.get(pay[i]!)!;
		rank[i] = r;
		start[r + 1]!++;
	}
	for (let r = 0; r < distinct.length; r++) start[r + 1]! += start[r]!;
	const out = new Uint32Array(n);
	for (let i = 0; i < n; i++) out[start[rank[i]!]!++] = i;
	return out;
}
