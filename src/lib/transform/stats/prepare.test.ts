import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../filters';
import { applyFilters } from './testing/oracle';
import { familyOf, TITLE_MODES } from '../title-families';
import { COMPANY_SIZES, EMPLOYMENT_TYPES, EXPERIENCE_LEVELS, REGIONS, REMOTE_RATIOS, type SalaryRow } from '../../data/types';
import { countDuplicates } from './dedupe';
import { cellAt } from './like-for-like';
import { FAMILY_CODE, isPreparedRows, prepareRows } from './prepare';
import { isSortedBySalary, sortBySalary } from './quantiles';
import { arbRows, frozen, row } from './testing/rows';

describe('prepareRows', () => {
	it('property: sorted once; the index lists exactly the family rows, in order, with their columns', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbRows(300), (rows) => {
				const p = prepareRows(frozen(rows));
				expect(isSortedBySalary(p.rows)).toBe(true);
				expect(p.rows).toEqual(sortBySalary(rows));
				expect(p.duplicates).toBe(countDuplicates(rows));
				for (const mode of TITLE_MODES) {
					const ix = p.modes[mode];
					const expected = applyFilters(p.rows, { ...DEFAULT_FILTERS, titles: mode });
					expect(ix.count).toBe(expected.length);
					// One comparison per column (not per element): the same checks, fast enough for mutation runs.
					const at = Array.from({ length: ix.count }, (_, e) => ix.pos[e]!);
					const indexed = at.map((i) => p.rows[i]!);
					expect(indexed).toEqual(expected.map(({ family: _, ...r }) => r));
					expect(Array.from(ix.family.subarray(0, ix.count))).toEqual(indexed.map((r) => FAMILY_CODE[familyOf(r.jobTitle, mode)!]));
					expect(Array.from(ix.salaryUsd.subarray(0, ix.count))).toEqual(indexed.map((r) => r.salaryUsd));
					expect(Array.from(ix.yearSlot.subarray(0, ix.count), (s) => ix.years[s])).toEqual(indexed.map((r) => r.workYear));
					expect(Array.from(ix.country.subarray(0, ix.count), (c) => p.countries[c])).toEqual(indexed.map((r) => r.companyLocation));
					expect(Array.from(ix.duplicate.subarray(0, ix.count))).toEqual(at.map((i) => p.duplicateFlags[i]));
					const codes = <T>(col: ArrayLike<number>, list: readonly T[]) => Array.from({ length: ix.count }, (_, e) => list[col[e]!]);
					expect(codes(ix.experienceLevel, EXPERIENCE_LEVELS)).toEqual(indexed.map((r) => r.experienceLevel));
					expect(codes(ix.employmentType, EMPLOYMENT_TYPES)).toEqual(indexed.map((r) => r.employmentType));
					expect(codes(ix.companySize, COMPANY_SIZES)).toEqual(indexed.map((r) => r.companySize));
					expect(codes(ix.region, REGIONS)).toEqual(indexed.map((r) => r.region));
					expect(codes(ix.remoteRatio, REMOTE_RATIOS)).toEqual(indexed.map((r) => r.remoteRatio));
					expect(Array.from(ix.cell.subarray(0, ix.count), (c) => cellAt(c))).toEqual(
						indexed.map((r, e) => ({ index: ix.cell[e], experienceLevel: r.experienceLevel, region: r.region, companySize: r.companySize }))
					);
					expect(ix.years).toEqual([...new Set(indexed.map((r) => r.workYear))].sort((a, b) => a - b));
				}
			}),
			{ seed: 31, numRuns: 100 }
		);
	});

	it('keeps an already sorted array as is and tells prepared data from arrays', () => {
		expect.hasAssertions();
		const rows = sortBySalary(fc.sample(arbRows(50), { seed: 2, numRuns: 1 })[0]!);
		const p = prepareRows(rows);
		expect(p.rows).toBe(rows);
		expect(isPreparedRows(p)).toBe(true);
		expect(isPreparedRows(rows)).toBe(false);
	});

	it('lists countries A–Z once, and refuses a row with a code outside the code lists, naming it', () => {
		expect.hasAssertions();
		const rows = [
			row({ companyLocation: 'US' }),
			row({ companyLocation: 'DE', salaryUsd: 1 }),
			row({ companyLocation: 'GB' }),
			row({ companyLocation: 'DE' })
		];
		expect(prepareRows(rows).countries).toEqual(['DE', 'GB', 'US']);
		const bad = (over: Partial<SalaryRow>, what: string) =>
			expect(() => prepareRows([row({ jobTitle: 'AI Engineer', ...over } as Partial<SalaryRow>)])).toThrow(`unknown ${what}`);
		bad({ experienceLevel: 'XX' as SalaryRow['experienceLevel'] }, 'experience level: XX');
		bad({ employmentType: 'XX' as SalaryRow['employmentType'] }, 'employment type: XX');
		bad({ companySize: 'XL' as SalaryRow['companySize'] }, 'company size: XL');
		bad({ remoteRatio: 30 as SalaryRow['remoteRatio'] }, 'remote ratio: 30');
		bad({ region: 'mars' as SalaryRow['region'] }, 'region: mars');
		// a row outside both families is not indexed, so its codes are not checked
		expect(prepareRows([row({ jobTitle: 'Data Analyst', experienceLevel: 'XX' as SalaryRow['experienceLevel'] })]).modes.family.count).toBe(
			0
		);
	});

	it('tells prepared data from arrays and other values', () => {
		expect.hasAssertions();
		expect(isPreparedRows([] as SalaryRow[])).toBe(false);
		expect(isPreparedRows(prepareRows([]))).toBe(true);
		expect(isPreparedRows(null as unknown as SalaryRow[])).toBe(false);
		expect(isPreparedRows({ rows: [] } as unknown as SalaryRow[])).toBe(false);
	});
});
