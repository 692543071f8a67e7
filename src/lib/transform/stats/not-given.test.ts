/**
 * "Not given" (an uploaded file without some optional dimensions): the code per dimension,
 * the counts per dimension, absent dimensions, group keys and order, the filter predicate,
 * and the duplicate key. computeStats itself is property-tested against the row-level oracle
 * on such rows in compute.test.ts and facets.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { COMPANY_SIZES, EXPERIENCE_LEVELS, REGIONS } from '../../data/types';
import { DEFAULT_FILTERS, filterSet, notGivenTicked, rowMatcher } from '../filters';
import { countDuplicates, duplicateKey } from './dedupe';
import { compareGroupKeys, dimensionKey, dimensionValue, NOT_GIVEN, NULLABLE_DIMENSIONS } from './dimensions';
import { cellIndexOfCodes, CELL_COUNT, NO_CELL } from './like-for-like';
import { absentDimensions, codeMask, notGivenCode, prepareRows } from './prepare';
import { familyRow, row, shuffled, withGaps } from './testing/rows';

describe('codeMask with "not given"', () => {
	it.each([
		[[], false, [1, 1, 1, 1]],
		[[], true, [0, 0, 0, 1]],
		[['M'], false, [0, 1, 0, 0]],
		[['M'], true, [0, 1, 0, 1]],
		[['S', 'L'], false, [1, 0, 1, 0]],
		[['X'], false, [0, 0, 0, 0]]
	] as const)('sizes %j, not given %s → %j', (allowed, ng, want) => {
		expect.hasAssertions();
		expect(Array.from(codeMask(COMPANY_SIZES, allowed as unknown as ('S' | 'M' | 'L')[], ng))).toEqual(want);
	});
	it('without the third argument, "not given" is allowed only by an empty filter', () => {
		expect.hasAssertions();
		expect(Array.from(codeMask(COMPANY_SIZES, ['M']))).toEqual([0, 1, 0, 0]);
		expect(Array.from(codeMask(COMPANY_SIZES, []))).toEqual([1, 1, 1, 1]);
	});
	it('the not-given code is one past the list, and never a cell', () => {
		expect.hasAssertions();
		expect(notGivenCode(COMPANY_SIZES)).toBe(3);
		expect(notGivenCode([])).toBe(0);
		expect(NO_CELL).toBe(CELL_COUNT);
		expect(cellIndexOfCodes(EXPERIENCE_LEVELS.length, 0, 0)).toBe(NO_CELL);
		expect(cellIndexOfCodes(0, REGIONS.length, 0)).toBe(NO_CELL);
		expect(cellIndexOfCodes(0, 0, COMPANY_SIZES.length)).toBe(NO_CELL);
		expect(cellIndexOfCodes(EXPERIENCE_LEVELS.length - 1, REGIONS.length - 1, COMPANY_SIZES.length - 1)).toBe(CELL_COUNT - 1);
		expect(cellIndexOfCodes(0, 0, 0)).toBe(0);
	});
});

describe('prepareRows on rows with gaps', () => {
	const rows = [
		row({ salaryUsd: 1, companySize: null }),
		row({ salaryUsd: 2, companySize: null, experienceLevel: null }),
		withGaps(row({ salaryUsd: 3 }), ['companyLocation', 'remoteRatio']),
		withGaps(row({ salaryUsd: 4 }), ['employmentType']),
		row({ salaryUsd: 5, companyLocation: 'DE' })
	];
	it('counts the rows without each dimension; region follows the country', () => {
		expect.hasAssertions();
		const p = prepareRows(shuffled(rows, 5));
		expect(p.notGiven).toEqual({ companySize: 2, region: 1, country: 1, experienceLevel: 1, employmentType: 1, remoteRatio: 1 });
		expect(p.countries).toEqual(['DE', 'US']);
		expect(absentDimensions(p)).toEqual([]);
	});
	it('gives each not-given value the code list length in the index', () => {
		expect.hasAssertions();
		const fam = rows.map((r) => ({ ...r, jobTitle: 'AI Engineer' }));
		const ix = prepareRows(fam).modes.family;
		expect(Array.from(ix.companySize)).toEqual([3, 3, 1, 1, 1]);
		expect(Array.from(ix.experienceLevel)).toEqual([2, 4, 2, 2, 2]);
		expect(Array.from(ix.country)).toEqual([1, 1, 2, 1, 0]);
		expect(Array.from(ix.region)).toEqual([3, 3, REGIONS.length, 3, 2]);
		expect(Array.from(ix.remoteRatio)).toEqual([0, 0, 3, 0, 0]);
		expect(Array.from(ix.employmentType)).toEqual([0, 0, 0, 4, 0]);
		expect(Array.from(ix.cell).map((c) => c === NO_CELL)).toEqual([true, true, true, false, false]);
	});
	it('absent dimensions: no row gives them; none for no rows', () => {
		expect.hasAssertions();
		const none = [withGaps(row({ salaryUsd: 1 }), ['companySize', 'remoteRatio']), withGaps(row({ salaryUsd: 2 }), ['companySize'])];
		expect(absentDimensions(prepareRows(none))).toEqual(['companySize']);
		const all = [withGaps(row(), ['companySize', 'companyLocation', 'experienceLevel', 'employmentType', 'remoteRatio'])];
		expect(absentDimensions(prepareRows(all))).toEqual([...NULLABLE_DIMENSIONS]);
		expect(absentDimensions(prepareRows([]))).toEqual([]);
	});
});

describe('group keys and the filter predicate', () => {
	it('dimensionKey: NOT_GIVEN for null, the value as a string otherwise', () => {
		expect.hasAssertions();
		const r = withGaps(row({ remoteRatio: 50 }), ['companySize', 'companyLocation']);
		expect(dimensionKey(r, 'companySize')).toBe(NOT_GIVEN);
		expect(dimensionKey(r, 'region')).toBe(NOT_GIVEN);
		expect(dimensionKey(r, 'country')).toBe(NOT_GIVEN);
		expect(dimensionKey(r, 'remoteRatio')).toBe('50');
		expect(dimensionKey(r, 'workYear')).toBe('2024');
		expect(dimensionValue(r, 'remoteRatio')).toBe(50);
		expect(dimensionValue(r, 'experienceLevel')).toBe('SE');
		expect(dimensionValue(r, 'employmentType')).toBe('FT');
	});
	it('compareGroupKeys puts NOT_GIVEN after every group, in every dimension', () => {
		expect.hasAssertions();
		expect(['L', NOT_GIVEN, 'S', 'M'].sort((a, b) => compareGroupKeys('companySize', a, b))).toEqual(['S', 'M', 'L', NOT_GIVEN]);
		expect([NOT_GIVEN, 'US', 'DE'].sort((a, b) => compareGroupKeys('country', a, b))).toEqual(['DE', 'US', NOT_GIVEN]);
		expect(['100', NOT_GIVEN, '0'].sort((a, b) => compareGroupKeys('remoteRatio', a, b))).toEqual(['0', '100', NOT_GIVEN]);
		expect(compareGroupKeys('region', NOT_GIVEN, NOT_GIVEN)).toBe(0);
	});
	it('rowMatcher: a chosen value excludes "not given" unless ticked; ticked alone keeps only "not given"', () => {
		expect.hasAssertions();
		const given = row({ companySize: 'M' });
		const none = row({ companySize: null });
		const m = (f: object) => [rowMatcher({ ...DEFAULT_FILTERS, ...f })(given), rowMatcher({ ...DEFAULT_FILTERS, ...f })(none)];
		expect(m({})).toEqual([true, true]);
		expect(m({ size: ['M'] })).toEqual([true, false]);
		expect(m({ size: ['M'], notGiven: ['size'] })).toEqual([true, true]);
		expect(m({ notGiven: ['size'] })).toEqual([false, true]);
		expect(m({ size: ['L'], notGiven: ['size'] })).toEqual([false, true]);
		expect(m({ notGiven: ['exp'] })).toEqual([false, false]);
		expect(notGivenTicked({ ...DEFAULT_FILTERS, notGiven: ['size'] }, 'size')).toBe(true);
		expect(notGivenTicked(DEFAULT_FILTERS, 'size')).toBe(false);
		expect(filterSet({ ...DEFAULT_FILTERS, notGiven: ['remote'] }, 'remote')).toBe(true);
		expect(filterSet({ ...DEFAULT_FILTERS, remote: [0] }, 'remote')).toBe(true);
		expect(filterSet({ ...DEFAULT_FILTERS, notGiven: ['remote'] }, 'size')).toBe(false);
	});
});

describe('dedupe: "not given" is a value like any other', () => {
	it('two rows both without a size are identical; without vs with are not', () => {
		expect.hasAssertions();
		const a = familyRow('AI', { companySize: null });
		const b = familyRow('AI', { companySize: null, line: 9 });
		const c = familyRow('AI', { companySize: 'M' });
		expect(duplicateKey(a)).toBe(duplicateKey(b));
		expect(duplicateKey(a)).not.toBe(duplicateKey(c));
		expect(countDuplicates([a, b, c])).toBe(1);
		const p = prepareRows([a, b, c]);
		expect(p.duplicates).toBe(1);
	});
});
