/**
 * Uploaded salary columns → the dashboard's `SalaryRow`s, for files that have every field
 * the stats layer needs. The aijobs.net layout has them all, and uploading the built-in
 * file gives exactly the rows `parseSalaries` gives (checked in the integration tests).
 * Files without some optional fields cannot become SalaryRows yet: see README.md beside
 * this file for the proposed "unknown" code per dimension.
 */
import { regionOf } from '../countries';
import { COMPANY_SIZES, EMPLOYMENT_TYPES, EXPERIENCE_LEVELS, REMOTE_RATIOS, type SalaryRow } from '../types';
import type { SalaryColumns } from './columns';
import type { SalaryField } from './fields';

/** The fields a SalaryRow cannot be built without (besides the required ones). */
export const SALARY_ROW_FIELDS = [
	'companySize',
	'country',
	'experienceLevel',
	'employmentType',
	'remoteRatio'
] as const satisfies readonly SalaryField[];

export interface SalaryRowsResult {
	readonly rows: SalaryRow[];
	/** Rows left out, with the reason (a missing value in one of SALARY_ROW_FIELDS, a country with no region). */
	readonly skipped: readonly { readonly line: number; readonly reason: string }[];
}

/** The SALARY_ROW_FIELDS the columns lack entirely (empty when `toSalaryRows` can run). */
export function missingSalaryRowFields(c: SalaryColumns): SalaryField[] {
	return SALARY_ROW_FIELDS.filter((f) => c[f] === null);
}

/**
 * One SalaryRow per accepted row, in file order. Where the file has no local salary or
 * currency, the USD figure and `USD` stand in; no employee residence → the company country.
 * Rows with an empty cell in a needed field, or a country without a continent (Antarctica),
 * are skipped and listed (the built-in parser rejects the latter too).
 * Throws when a needed column is absent altogether: check `missingSalaryRowFields` first.
 * `sortBySalary`: emit rows in ascending salaryUsd order, ties in file order — the order
 * `prepareRows` sorts into (a stable sort), so it skips its own sort of row objects; sorting
 * an index over the typed column here is several times cheaper.
 */
export function toSalaryRows(c: SalaryColumns, opts: { sortBySalary?: boolean } = {}): SalaryRowsResult {
	const missing = missingSalaryRowFields(c);
	if (missing.length) throw new Error(`cannot build salary rows without: ${missing.join(', ')}`);
	const size = c.companySize!;
	const exp = c.experienceLevel!;
	const type = c.employmentType!;
	const remote = c.remoteRatio!;
	const country = c.country!;
	const rows: SalaryRow[] = [];
	const skipped: { line: number; reason: string }[] = [];
	const regions = country.dict.map((code) => regionOf(code));
	const order = opts.sortBySalary ? salaryOrder(c.salaryUsd) : null;
	for (let k = 0; k < c.n; k++) {
		const i = order ? order[k]! : k;
		const line = c.line[i]!;
		const cc = country.codes[i]!;
		if (size[i]! < 0 || exp[i]! < 0 || type[i]! < 0 || remote[i]! < 0 || cc < 0) {
			skipped.push({ line, reason: 'a value needed by the dashboard is empty' });
			continue;
		}
		const region = regions[cc];
		if (region === null || region === undefined) {
			skipped.push({ line, reason: 'country has no region (continent)' });
			continue;
		}
		const companyLocation = country.dict[cc]!;
		const local = c.salaryLocal ? c.salaryLocal[i]! : NaN;
		const cur = c.salaryCurrency && c.salaryCurrency.codes[i]! >= 0 ? c.salaryCurrency.dict[c.salaryCurrency.codes[i]!]! : null;
		const res = c.employeeResidence && c.employeeResidence.codes[i]! >= 0 ? c.employeeResidence.dict[c.employeeResidence.codes[i]!]! : null;
		rows.push({
			line,
			workYear: c.year[i]!,
			workYearEstimated: c.yearEstimated[i] === 1,
			experienceLevel: EXPERIENCE_LEVELS[exp[i]!]!,
			employmentType: EMPLOYMENT_TYPES[type[i]!]!,
			jobTitle: c.title.dict[c.title.codes[i]!]!,
			salary: Number.isNaN(local) || cur === null ? c.salaryUsd[i]! : local,
			salaryCurrency: Number.isNaN(local) || cur === null ? 'USD' : cur,
			salaryUsd: c.salaryUsd[i]!,
			employeeResidence: res ?? companyLocation,
			remoteRatio: REMOTE_RATIOS[remote[i]!]!,
			companyLocation,
			region,
			companySize: COMPANY_SIZES[size[i]!]!
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
