import { describe, expect, it } from 'vitest';
import { countryName, isCountryCode, regionOf } from './countries';

describe('countries', () => {
	it.each([
		['DE', 'europe'],
		['US', 'north-america'],
		['BR', 'south-america'],
		['IN', 'asia'],
		['NG', 'africa'],
		['AU', 'oceania'],
		['AQ', null], // Antarctica: no region
		['ZZ', null],
		['de', null]
	])('regionOf(%s) = %s', (code, region) => {
		expect.hasAssertions();
		expect(regionOf(code)).toBe(region);
	});

	it('names a known code and echoes an unknown one', () => {
		expect.hasAssertions();
		expect(countryName('GB')).toBe('United Kingdom');
		expect(countryName('ZZ')).toBe('ZZ');
	});

	it('a country code is two capital letters that name a country', () => {
		expect.hasAssertions();
		expect(isCountryCode('GB')).toBe(true);
		expect(isCountryCode('gb')).toBe(false);
		expect(isCountryCode('ZZ')).toBe(false);
		expect(isCountryCode('GBR')).toBe(false);
		expect(isCountryCode('xGB')).toBe(false);
		expect(isCountryCode('')).toBe(false);
		expect(isCountryCode('constructor')).toBe(false); // an object key, not a code
	});
});
