/**
 * countryChoices: the "Add a country" select's order (by name, countries that would leave no
 * report last and disabled) and what it leaves out (the chosen countries, shown as chips).
 */
import { describe, expect, it } from 'vitest';
import type { CountryOption } from '$lib/transform/options';
import { countryChoices } from './facets';

// Most reports first, as countryOptions orders them: not the order the select shows.
const COUNTRIES: CountryOption[] = [
	{ code: 'US', name: 'United States', n: 900 },
	{ code: 'GB', name: 'United Kingdom', n: 80 },
	{ code: 'NZ', name: 'New Zealand', n: 4 },
	{ code: 'DE', name: 'Germany', n: 40 },
	{ code: 'AT', name: 'Austria', n: 2 }
];
const facets = (country: Record<string, number>) => ({
	options: { size: {}, region: {}, country, exp: {}, type: {}, remote: {}, years: {} }
});
const view = (c: ReturnType<typeof countryChoices>) => c.map((x) => `${x.name} (${x.n})${x.disabled ? ' disabled' : ''}`);

describe('countryChoices', () => {
	it('without facet counts: every country by name with the data count, none disabled', () => {
		expect(view(countryChoices(COUNTRIES, null, []))).toEqual([
			'Austria (2)',
			'Germany (40)',
			'New Zealand (4)',
			'United Kingdom (80)',
			'United States (900)'
		]);
	});
	it('with facet counts (Europe ticked): countries with reports by name, then the zero ones by name, disabled', () => {
		const c = countryChoices(COUNTRIES, facets({ US: 0, GB: 30, NZ: 0, DE: 12, AT: 1 }), []);
		expect(view(c)).toEqual([
			'Austria (1)',
			'Germany (12)',
			'United Kingdom (30)',
			'New Zealand (0) disabled',
			'United States (0) disabled'
		]);
		expect(c.map((x) => x.code)).toEqual(['AT', 'DE', 'GB', 'NZ', 'US']);
	});
	it('a country the facet counts lack keeps the data count', () => {
		expect(view(countryChoices(COUNTRIES.slice(0, 2), facets({ US: 5 }), []))).toEqual(['United Kingdom (80)', 'United States (5)']);
	});
	it('a data count of 0 also disables (an uploaded file without facet counts yet)', () => {
		expect(view(countryChoices([{ code: 'FR', name: 'France', n: 0 }, ...COUNTRIES.slice(2, 3)], null, []))).toEqual([
			'New Zealand (4)',
			'France (0) disabled'
		]);
	});
	it('chosen countries are left out (the panel shows them as removable chips), even one with no report', () => {
		const c = countryChoices(COUNTRIES, facets({ US: 0, GB: 30, NZ: 0, DE: 12, AT: 1 }), ['NZ', 'DE']);
		expect(c.map((x) => x.code)).toEqual(['AT', 'GB', 'US']);
	});
	it('names that compare equal keep a stable order by code; the input is unchanged', () => {
		const twins: CountryOption[] = [
			{ code: 'XB', name: 'Same', n: 1 },
			{ code: 'XA', name: 'Same', n: 1 }
		];
		const before = structuredClone(twins);
		expect(countryChoices(twins, null, []).map((x) => x.code)).toEqual(['XA', 'XB']);
		expect(twins).toEqual(before);
	});
});
