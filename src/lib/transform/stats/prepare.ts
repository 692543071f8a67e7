/**
 * Built once at load: rows sorted by salaryUsd, exact-duplicate flags, and per title mode a
 * columnar index of the rows that belong to a family (about a tenth of all rows). A filter
 * change then scans only that index with small lookup tables instead of every row object,
 * which is what keeps a full recompute cheap (see scripts/bench.ts). Same rows, same
 * order as `applyFilters` (the row-level oracle in testing/oracle.ts; checked in prepare.test.ts).
 */
import {
	COMPANY_SIZES,
	EMPLOYMENT_TYPES,
	EXPERIENCE_LEVELS,
	REGIONS,
	REMOTE_RATIOS,
	type SalaryRow,
	type TitleFamily
} from '../../data/types';
import { familyOf, TITLE_MODES, type TitleMode } from '../title-families';
import { duplicateClustersSorted } from './dedupe';
import { NULLABLE_DIMENSIONS, type NullableDimension } from './dimensions';
import { cellIndexOfCodes } from './like-for-like';
import { isSortedBySalary, sortBySalary } from './quantiles';

/** Family code used in `ModeIndex.family`. */
export const FAMILY_CODE = { AI: 0, ML: 1 } as const;

/**
 * Columns of the rows that belong to a family under one title mode, in ascending salaryUsd
 * order. Entry i describes `rows[pos[i]]`. Codes are positions in the type's code lists
 * (EXPERIENCE_LEVELS, …); treat every array as read-only.
 */
export interface ModeIndex {
	readonly count: number;
	readonly pos: Int32Array;
	/** FAMILY_CODE: 0 = AI, 1 = ML. */
	readonly family: Uint8Array;
	readonly salaryUsd: Float64Array;
	/** Position of the work year in `years`. */
	readonly yearSlot: Uint16Array;
	/** Distinct work years of the entries, ascending. */
	readonly years: readonly number[];
	readonly experienceLevel: Uint8Array;
	readonly employmentType: Uint8Array;
	readonly companySize: Uint8Array;
	readonly region: Uint8Array;
	readonly remoteRatio: Uint8Array;
	/** Position of companyLocation in `PreparedRows.countries` (`countries.length` = not given). */
	readonly country: Uint16Array;
	/** Like-for-like cell (experience × region × size); CELL_COUNT when one of the three is not given. */
	readonly cell: Uint8Array;
	/** 1 when the row repeats an earlier row exactly. */
	readonly duplicate: Uint8Array;
	/**
	 * Rows in this entry's cluster of identical rows (1 when it has no twin). Identical rows
	 * pass every filter together, so a selection holds whole clusters; Σ over a selection of
	 * `clusterSize` is Σ m² over its clusters (see `clusterEffectiveN`).
	 */
	readonly clusterSize: Uint32Array;
	/** Entry index of the cluster's first entry (equal for identical rows). */
	readonly clusterId: Int32Array;
}

export interface PreparedRows {
	/** All rows, ascending by salaryUsd (stable). */
	readonly rows: readonly SalaryRow[];
	/** Distinct company_location codes, A–Z (not given is not among them). */
	readonly countries: readonly string[];
	/** Per nullable dimension, rows (of all titles) where it is not given; all zero for the built-in data. */
	readonly notGiven: Readonly<Record<NullableDimension, number>>;
	/** Per row of `rows`: 1 when it repeats an earlier row exactly. */
	readonly duplicateFlags: Uint8Array;
	/** Rows that repeat an earlier row exactly, over the whole data set. */
	readonly duplicates: number;
	readonly modes: Readonly<Record<TitleMode, ModeIndex>>;
}

/**
 * Filter lookup table over a code list, one entry per code plus one for "not given" (code
 * `codes.length`, see `notGivenCode`): 1 for allowed codes. An empty filter list allows every
 * code unless `notGiven` is ticked; `notGiven` allows the extra code.
 * `codeMask(['S','M','L'], ['M'], true) → [0, 1, 0, 1]`.
 */
export function codeMask<T>(codes: readonly T[], allowed: readonly T[], notGiven = false): Uint8Array {
	const m = new Uint8Array(codes.length + 1);
	if (allowed.length === 0 && !notGiven) m.fill(1);
	else {
		for (const a of allowed) {
			const i = codes.indexOf(a);
			if (i >= 0) m[i] = 1;
		}
		if (notGiven) m[codes.length] = 1;
	}
	return m;
}

/** The "not given" code of a dimension with this code list: one past its last code. */
export const notGivenCode = (codes: readonly unknown[]): number => codes.length;

/** Code of a value in its list; null (not given) → `notGivenCode(list)`. */
function codeOf<T>(list: readonly T[], v: T | null, what: string): number {
	if (v === null) return list.length;
	const i = list.indexOf(v);
	if (i < 0) throw new RangeError(`unknown ${what}: ${String(v)}`);
	return i;
}

function buildModeIndex(
	rows: readonly SalaryRow[],
	mode: TitleMode,
	countryCode: ReadonlyMap<string, number>,
	dup: Uint8Array,
	classify: TitleClassifier,
	clusters: { readonly id: Int32Array; readonly size: Uint32Array }
): ModeIndex {
	const picked: number[] = [];
	const fams: number[] = [];
	for (let i = 0; i < rows.length; i++) {
		const f = classify(rows[i]!.jobTitle, mode);
		if (f === null) continue;
		picked.push(i);
		fams.push(FAMILY_CODE[f]);
	}
	const count = picked.length;
	const years = [...new Set(picked.map((i) => rows[i]!.workYear))].sort((a, b) => a - b);
	const slotOf = new Map(years.map((y, s) => [y, s]));
	const ix = {
		count,
		pos: Int32Array.from(picked),
		family: Uint8Array.from(fams),
		salaryUsd: new Float64Array(count),
		yearSlot: new Uint16Array(count),
		years,
		experienceLevel: new Uint8Array(count),
		employmentType: new Uint8Array(count),
		companySize: new Uint8Array(count),
		region: new Uint8Array(count),
		remoteRatio: new Uint8Array(count),
		country: new Uint16Array(count),
		cell: new Uint8Array(count),
		duplicate: new Uint8Array(count),
		clusterSize: new Uint32Array(count),
		clusterId: new Int32Array(count)
	};
	const entryOfRow = new Map<number, number>();
	for (let e = 0; e < count; e++) {
		const p = picked[e]!;
		const r = rows[p]!;
		const exp = codeOf(EXPERIENCE_LEVELS, r.experienceLevel, 'experience level');
		const region = codeOf(REGIONS, r.region, 'region');
		const size = codeOf(COMPANY_SIZES, r.companySize, 'company size');
		ix.salaryUsd[e] = r.salaryUsd;
		ix.yearSlot[e] = slotOf.get(r.workYear)!;
		ix.experienceLevel[e] = exp;
		ix.employmentType[e] = codeOf(EMPLOYMENT_TYPES, r.employmentType, 'employment type');
		ix.companySize[e] = size;
		ix.region[e] = region;
		ix.remoteRatio[e] = codeOf(REMOTE_RATIOS, r.remoteRatio, 'remote ratio');
		ix.country[e] = r.companyLocation === null ? countryCode.size : countryCode.get(r.companyLocation)!;
		ix.cell[e] = cellIndexOfCodes(exp, region, size);
		ix.duplicate[e] = dup[p]!;
		ix.clusterSize[e] = clusters.size[p]!;
		// Identical rows share the title, so the cluster's first row is in this index too.
		const firstRow = clusters.id[p]!;
		if (firstRow === p) entryOfRow.set(p, e);
		ix.clusterId[e] = entryOfRow.get(firstRow)!;
	}
	return ix;
}

/** Title → family under a mode; `familyOf` unless a user's overrides for their own file apply. */
export type TitleClassifier = (jobTitle: string, mode: TitleMode) => TitleFamily | null;

/**
 * Sort once (a copy; skipped when already sorted) and build the indexes. Call at load;
 * pass the result to `computeStats` on every filter change. Does not change `rows`.
 * `classify` defaults to the app's title families; an uploaded file may bring overrides.
 */
export function prepareRows(rows: readonly SalaryRow[], classify: TitleClassifier = familyOf): PreparedRows {
	const sorted = isSortedBySalary(rows) ? rows : sortBySalary(rows);
	// One pass for the countries and the "not given" counts (a loop per dimension costs more at 1e6 rows).
	const countrySet = new Set<string>();
	let size = 0;
	let country = 0;
	let exp = 0;
	let type = 0;
	let remote = 0;
	for (let i = 0; i < sorted.length; i++) {
		const r = sorted[i]!;
		if (r.companyLocation === null) country++;
		else countrySet.add(r.companyLocation);
		if (r.companySize === null) size++;
		if (r.experienceLevel === null) exp++;
		if (r.employmentType === null) type++;
		if (r.remoteRatio === null) remote++;
	}
	const countries = [...countrySet].sort();
	// region is null exactly when the company country is.
	const notGiven: Record<NullableDimension, number> = {
		companySize: size,
		region: country,
		country,
		experienceLevel: exp,
		employmentType: type,
		remoteRatio: remote
	};
	const countryCode = new Map(countries.map((c, i) => [c, i]));
	// One pass over runs of equal salaries gives the clusters; a row repeats an earlier one
	// exactly when it is not its cluster's first row (same flags as duplicateFlagsSorted).
	const clusters = duplicateClustersSorted(sorted);
	const duplicateFlags = Uint8Array.from(clusters.id, (first, i) => (first === i ? 0 : 1));
	let duplicates = 0;
	for (let i = 0; i < duplicateFlags.length; i++) duplicates += duplicateFlags[i]!;
	const modes = Object.fromEntries(
		TITLE_MODES.map((m) => [m, buildModeIndex(sorted, m, countryCode, duplicateFlags, classify, clusters)])
	) as Record<TitleMode, ModeIndex>;
	return { rows: sorted, countries, notGiven, duplicateFlags, duplicates, modes };
}

/**
 * Dimensions no row gives (an uploaded file without that column, or with it empty
 * throughout): their filter and chart are hidden. Empty for no rows.
 */
export function absentDimensions(prepared: Pick<PreparedRows, 'rows' | 'notGiven'>): NullableDimension[] {
	const n = prepared.rows.length;
	return n === 0 ? [] : NULLABLE_DIMENSIONS.filter((d) => prepared.notGiven[d] === n);
}

/** True for the output of `prepareRows` (as opposed to a plain row array). */
export function isPreparedRows(x: PreparedRows | readonly SalaryRow[]): x is PreparedRows {
	return !Array.isArray(x) && typeof x === 'object' && x !== null && 'modes' in x;
}
