import { describe, expect, it } from 'vitest';
import { compareGroupKeys, dimensionKey, type Dimension } from './dimensions';
import { row } from './testing/rows';

describe('dimensions', () => {
	const r = row({ companySize: 'L', companyLocation: 'DE', experienceLevel: 'EX', employmentType: 'CT', remoteRatio: 50, workYear: 2022 });

	it.each([
		['companySize', 'L'],
		['region', 'europe'],
		['country', 'DE'],
		['experienceLevel', 'EX'],
		['employmentType', 'CT'],
		['remoteRatio', '50'],
		['workYear', '2022']
	] as [Dimension, string][])('dimensionKey(row, %s) = %s', (dim, key) => {
		expect.hasAssertions();
		expect(dimensionKey(r, dim)).toBe(key);
	});

	it.each([
		['companySize', ['L', 'S', 'M'], ['S', 'M', 'L']],
		['region', ['oceania', 'africa', 'europe'], ['africa', 'europe', 'oceania']],
		['experienceLevel', ['EX', 'SE', 'EN', 'MI'], ['EN', 'MI', 'SE', 'EX']],
		['employmentType', ['FL', 'FT', 'CT', 'PT'], ['FT', 'PT', 'CT', 'FL']],
		['remoteRatio', ['100', '0', '50'], ['0', '50', '100']],
		['workYear', ['2024', '999', '2021'], ['999', '2021', '2024']],
		['country', ['US', 'DE', 'GB', 'DE'], ['DE', 'DE', 'GB', 'US']]
	] as [Dimension, string[], string[]][])('%s keys sort as %j → %j', (dim, keys, sorted) => {
		expect.hasAssertions();
		expect(keys.slice().sort((a, b) => compareGroupKeys(dim, a, b))).toEqual(sorted);
	});

	it('equal keys compare as 0, and the order is antisymmetric', () => {
		expect.hasAssertions();
		expect(compareGroupKeys('country', 'GB', 'GB')).toBe(0);
		expect(compareGroupKeys('workYear', '2022', '2022')).toBe(0);
		expect(Math.sign(compareGroupKeys('country', 'US', 'GB'))).toBe(1);
		expect(Math.sign(compareGroupKeys('country', 'GB', 'US'))).toBe(-1);
	});
});
