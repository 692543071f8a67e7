import { describe, expect, it } from 'vitest';
import { companySizeCode, countryCode, employmentCode, experienceCode, remoteCode, skillList, workYear } from './coerce';

describe('countryCode', () => {
	it.each([
		['US', 'US'],
		['us', 'US'],
		['United States', 'US'],
		['USA', 'US'],
		['Germany', 'DE'],
		['Deutschland', 'DE'],
		['Czechia', 'CZ'],
		['United Kingdom', 'GB'],
		['UK', 'GB'],
		['South Korea', 'KR'],
		['Türkiye', 'TR'],
		['Hong Kong', 'HK'],
		['Vietnam', 'VN'],
		['Russia', 'RU'],
		["Côte d'Ivoire", 'CI'],
		['Netherlands', 'NL'],
		['india', 'IN']
	])('%s → %s', (raw, code) => {
		expect(countryCode(raw)).toBe(code);
	});
	it('refuses unknown codes and names', () => {
		expect(countryCode('XX')).toEqual({ error: 'not an ISO 3166-1 alpha-2 country code' });
		expect(countryCode('Atlantis')).toEqual({ error: 'unknown country name' });
	});
});

describe('codes in words', () => {
	it('reads aijobs codes and the words people write', () => {
		expect(['S', 'm', 'Large', 'small'].map(companySizeCode)).toEqual([0, 1, 2, 0]);
		expect(['EN', 'Junior', 'mid-level', 'Senior', 'Director'].map(experienceCode)).toEqual([0, 0, 1, 2, 3]);
		expect(['FT', 'part-time', 'Contract', 'freelance'].map(employmentCode)).toEqual([0, 1, 2, 3]);
		expect(['0', '50', '100', 'Remote', 'hybrid', 'On-site'].map(remoteCode)).toEqual([0, 1, 2, 2, 1, 0]);
		expect(companySizeCode('XL')).toEqual({ error: 'unknown company size' });
		expect(remoteCode('30')).toEqual({ error: 'unknown remote ratio' });
	});
	it('reads years with the estimate mark and refuses others', () => {
		expect(workYear('2021e')).toEqual({ year: 2021, estimated: true });
		expect(workYear('2024')).toEqual({ year: 2024, estimated: false });
		expect(workYear('1999')).toEqual({ error: 'year outside 2015–2035' });
		expect(workYear('24')).toEqual({ error: 'not a year (YYYY, or YYYYe for an estimate)' });
	});
});

describe('skillList', () => {
	it.each([
		["['python', 'sql']", ['python', 'sql']],
		['["Python","SQL"]', ['python', 'sql']],
		['python; sql; Python', ['python', 'sql']],
		['aws|gcp', ['aws', 'gcp']],
		['[]', []],
		['', []],
		['None', []],
		["['c++', 'c#']", ['c++', 'c#']]
	])('%s', (raw, want) => {
		expect(skillList(raw)).toEqual(want);
	});
	it('refuses an unclosed list', () => {
		expect(skillList("['python'")).toEqual({ error: 'not a list' });
	});
});
