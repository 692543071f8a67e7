/**
 * Edges of the cell coercers: case, the bounds of years and text, the exact reasons of
 * refusals, and the ways a list of skills can be written.
 */
import { describe, expect, it } from 'vitest';
import { WORK_YEAR_MAX as MAX_WORK_YEAR, WORK_YEAR_MIN as MIN_WORK_YEAR } from '../types';
import { MAX_TEXT_CHARS, countryCode, currencyCode, employmentCode, experienceCode, skillList, text, workYear } from './coerce';

describe('countryCode', () => {
	it('reads names in any case', () => {
		expect(countryCode('GERMANY')).toBe('DE');
		expect(countryCode('united states of america')).toBe('US');
		expect(countryCode('Holland')).toBe('NL');
		expect(countryCode('Österreich')).toBe('AT');
		expect(countryCode('toString')).toEqual({ error: 'unknown country name' });
		expect(countryCode('hasOwnProperty')).toEqual({ error: 'unknown country name' });
	});
	it('calls only two letters a code; anything else is an unknown name', () => {
		expect(countryCode('Xyz')).toEqual({ error: 'unknown country name' });
		expect(countryCode('DEU')).toEqual({ error: 'unknown country name' });
		expect(countryCode('X')).toEqual({ error: 'unknown country name' });
		expect(countryCode('Q1')).toEqual({ error: 'unknown country name' });
		expect(countryCode('QQ')).toEqual({ error: 'not an ISO 3166-1 alpha-2 country code' });
	});
});

describe('codes in words', () => {
	it('read in any case, and only whole words', () => {
		expect(experienceCode('ENTRY LEVEL')).toBe(0);
		expect(employmentCode('FullTime')).toBe(0);
		expect(experienceCode('seniors')).toEqual({ error: 'unknown experience level' });
		expect(employmentCode('gig')).toEqual({ error: 'unknown employment type' });
	});
});

describe('workYear', () => {
	it('accepts the first and last year of the app and refuses the years beside them', () => {
		const outside = { error: `year outside ${MIN_WORK_YEAR}–${MAX_WORK_YEAR}` };
		expect(workYear(String(MIN_WORK_YEAR))).toEqual({ year: MIN_WORK_YEAR, estimated: false });
		expect(workYear(String(MAX_WORK_YEAR))).toEqual({ year: MAX_WORK_YEAR, estimated: false });
		expect(workYear(String(MIN_WORK_YEAR - 1))).toEqual(outside);
		expect(workYear(String(MAX_WORK_YEAR + 1))).toEqual(outside);
		expect(workYear(`${MAX_WORK_YEAR + 1}e`)).toEqual(outside);
	});
	it('reads the estimate mark in either case and refuses anything around the year', () => {
		expect(workYear('2022E')).toEqual({ year: 2022, estimated: true });
		const bad = { error: 'not a year (YYYY, or YYYYe for an estimate)' };
		for (const raw of ['x2022', '2022x', '20221', '2022ee', 'e2022', '202']) expect(workYear(raw)).toEqual(bad);
	});
});

describe('text and currencyCode', () => {
	it('keeps text up to MAX_TEXT_CHARS and refuses empty or longer text', () => {
		expect(text('a'.repeat(MAX_TEXT_CHARS))).toBe('a'.repeat(MAX_TEXT_CHARS));
		expect(text('a'.repeat(MAX_TEXT_CHARS + 1))).toEqual({ error: `longer than ${MAX_TEXT_CHARS} characters` });
		expect(text('')).toEqual({ error: 'empty' });
		expect(text('Acme')).toBe('Acme');
		// Titles go through text() too: kept as written (matching them to a family is transform's job).
		expect(text('Sr. ML Engineer (Remote)')).toBe('Sr. ML Engineer (Remote)');
		expect(MAX_TEXT_CHARS).toBe(200);
	});
	it('reads three letters as an upper-case currency code, nothing else', () => {
		expect(currencyCode('eur')).toBe('EUR');
		const bad = { error: 'not a 3-letter currency code' };
		for (const raw of ['EURO', 'EU', 'E1R', 'xEUR', 'EURx', '€']) expect(currencyCode(raw)).toEqual(bad);
	});
});

describe('skillList', () => {
	it.each([
		['NULL', []],
		['nan', []],
		['NaN', []],
		['  none  ', []],
		['nonesuch', ['nonesuch']],
		['xnone', ['xnone']],
		['[]', []],
		['', []],
		["x'a'", ["x'a'"]],
		["'a'x", ["'a'x"]],
		['[ ]', []],
		['a,,b', ['a', 'b']],
		['a, ,b', ['a', 'b']],
		['a,b;c', ['a', 'b;c']],
		['a;b|c', ['a', 'b|c']],
		['python', ['python']],
		['"python"', ['python']],
		[`'python"`, [`'python"`]],
		["[' SQL ', 'sql']", ['sql']],
		['python]', ['python]']]
	] as const)('%j → %j', (raw, want) => {
		expect(skillList(raw)).toEqual(want);
	});
	it('keeps a skill of 80 characters and refuses a longer one', () => {
		expect(skillList(`${'a'.repeat(80)}, b`)).toEqual(['a'.repeat(80), 'b']);
		expect(skillList(`${'a'.repeat(81)}, b`)).toEqual({ error: 'a skill longer than 80 characters' });
	});
	it('refuses a list that opens and never closes', () => {
		expect(skillList('[python, sql')).toEqual({ error: 'not a list' });
	});
});
