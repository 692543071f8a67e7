import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { describeFilters, facetLabel } from './filters';

describe('describeFilters', () => {
	it.each([
		[{}, 'Title families · all reports'],
		[{ titles: 'strict', size: ['L'] }, 'Exact titles · Size: Large (> 250)'],
		[{ country: ['GB', 'US'], from: 2022, to: 2024 }, 'Title families · Country: United Kingdom, United States · 2022–2024'],
		[{ from: 2023, to: 2023, dedupe: true, real: true }, 'Title families · 2023 · identical rows once · real pay'],
		[{ from: 2023 }, 'Title families · 2023 on'],
		[{ to: 2022 }, 'Title families · to 2022'],
		[{ size: ['L'], notGiven: ['size'] }, 'Title families · Size: Large (> 250), Not given'],
		[{ notGiven: ['remote', 'exp'] }, 'Title families · Experience: Not given · Remote: Not given']
	] as const)('%j → %s', (patch, text) => {
		expect.hasAssertions();
		expect(describeFilters({ ...DEFAULT_FILTERS, ...patch })).toBe(text);
	});
});

describe('facetLabel', () => {
	it('names the values and "Not given" when ticked', () => {
		expect.hasAssertions();
		expect(facetLabel('size', { ...DEFAULT_FILTERS, size: ['L'] })).toBe("'Large (> 250)'");
		expect(facetLabel('size', { ...DEFAULT_FILTERS, size: ['L'], notGiven: ['size'] })).toBe("'Large (> 250), Not given'");
		expect(facetLabel('exp', { ...DEFAULT_FILTERS, notGiven: ['exp'] })).toBe("'Not given'");
	});
});
