/**
 * Test support only (imported by *.test.ts, never by app code): typed rows with defaults,
 * and fast-check arbitraries over small domains so that ties and exact duplicates are common.
 */
import fc from 'fast-check';
import { regionOf } from '../../../data/countries';
import type { CompanySize, CpiRow, EmploymentType, ExperienceLevel, RemoteRatio, SalaryRow, TitleFamily } from '../../../data/types';
import type { FamilyRow } from '../../filters';

/** A valid row; override any field. `region` follows `companyLocation` unless given. */
export function row(over: Partial<SalaryRow> = {}): SalaryRow {
	const companyLocation = over.companyLocation ?? 'US';
	return {
		line: 2,
		workYear: 2024,
		workYearEstimated: false,
		experienceLevel: 'SE',
		employmentType: 'FT',
		jobTitle: 'Machine Learning Engineer',
		salary: over.salaryUsd ?? 100_000,
		salaryCurrency: 'USD',
		salaryUsd: 100_000,
		employeeResidence: companyLocation,
		remoteRatio: 0,
		region: regionOf(companyLocation) ?? 'north-america',
		companySize: 'M',
		...over,
		companyLocation
	};
}

/** A family row (as `applyFilters` returns). */
export function familyRow(family: TitleFamily, over: Partial<SalaryRow> = {}): FamilyRow {
	return { ...row({ jobTitle: family === 'AI' ? 'AI Engineer' : 'Machine Learning Engineer', ...over }), family };
}

/** 12 monthly CPI rows at one index level (or `months` of them). */
export function cpiYear(year: number, index: number, months = 12): CpiRow[] {
	return Array.from({ length: months }, (_, i) => ({
		date: `${year}-${String(i + 1).padStart(2, '0')}-01`,
		year,
		month: i + 1,
		index
	}));
}

const TITLES = ['AI Engineer', 'Prompt Engineer', 'Machine Learning Engineer', 'MLOps Engineer', 'Data Scientist'] as const;
const COUNTRIES = ['US', 'GB', 'DE', 'IN', 'CA', 'BR'] as const;

/** One row from small domains (many ties, many exact repeats). */
export const arbRow: fc.Arbitrary<SalaryRow> = fc
	.record({
		workYear: fc.integer({ min: 2020, max: 2025 }),
		experienceLevel: fc.constantFrom<ExperienceLevel>('EN', 'MI', 'SE', 'EX'),
		employmentType: fc.constantFrom<EmploymentType>('FT', 'FT', 'FT', 'CT'),
		jobTitle: fc.constantFrom(...TITLES),
		salaryUsd: fc.integer({ min: 4, max: 40 }).map((k) => k * 5_000),
		remoteRatio: fc.constantFrom<RemoteRatio>(0, 50, 100),
		companyLocation: fc.constantFrom(...COUNTRIES),
		companySize: fc.constantFrom<CompanySize>('S', 'M', 'M', 'L')
	})
	.map((r) => row({ ...r, salary: r.salaryUsd }));

/** Rows with exact repeats mixed in, line numbers 2, 3, … */
export const arbRows = (maxLength = 300): fc.Arbitrary<SalaryRow[]> =>
	fc
		.tuple(fc.array(arbRow, { minLength: 0, maxLength, size: 'max' }), fc.array(fc.nat(), { maxLength: maxLength / 2, size: 'max' }))
		.map(([base, picks]) => {
			const all = base.slice();
			if (base.length > 0) for (const p of picks) all.push(base[p % base.length]!);
			return all.map((r, i) => ({ ...r, line: i + 2 }));
		});

/** The row fields an uploaded file may leave out (`region` follows `companyLocation`). */
const GAP_FIELDS = ['companySize', 'companyLocation', 'experienceLevel', 'employmentType', 'remoteRatio'] as const;

/** A row with these fields not given (null); a null company country nulls the region too. */
export function withGaps(r: SalaryRow, fields: readonly (typeof GAP_FIELDS)[number][]): SalaryRow {
	const out: Record<string, unknown> = { ...r };
	for (const f of fields) out[f] = null;
	if (fields.includes('companyLocation')) out.region = null;
	return out as unknown as SalaryRow;
}

/**
 * Rows as `arbRows`, with some dimensions not given: each field of each row empty with
 * probability about 1/5, and sometimes a field absent from every row (a file without that
 * column). Repeats of a row keep its gaps, so exact duplicates stay common.
 */
export const arbRowsWithGaps = (maxLength = 300): fc.Arbitrary<SalaryRow[]> =>
	fc
		.tuple(arbRows(maxLength), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.subarray([...GAP_FIELDS], { maxLength: 2 }))
		.map(([rows, seed, absent]) => {
			const gapsOf = new Map<string, (typeof GAP_FIELDS)[number][]>();
			let s = seed;
			return rows.map((r) => {
				const key = JSON.stringify({ ...r, line: 0 });
				let gaps = gapsOf.get(key);
				if (!gaps) {
					gaps = GAP_FIELDS.filter(() => {
						s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
						return s % 5 === 0;
					});
					gapsOf.set(key, gaps);
				}
				return withGaps(r, [...new Set([...gaps, ...absent])]);
			});
		});

/** A value array of small integers (ties likely). */
export const arbValues = (minLength = 1, maxLength = 200) =>
	fc.array(
		fc.integer({ min: 1, max: 60 }).map((k) => k * 1_000),
		{ minLength, maxLength, size: 'max' }
	);

/** A permutation of `xs` drawn from a seed (Fisher–Yates with a tiny LCG). */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
	const out = xs.slice();
	let s = seed >>> 0 || 1;
	for (let i = out.length - 1; i > 0; i--) {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		const j = s % (i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** Deep-freezes rows so any mutation throws in strict mode. */
export function frozen<T extends object>(rows: T[]): readonly T[] {
	for (const r of rows) Object.freeze(r);
	return Object.freeze(rows);
}
