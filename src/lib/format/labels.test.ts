import { describe, expect, it } from 'vitest';
import { REGIONS, TITLE_FAMILIES } from '$lib/data/types';
import { FAMILY_LABEL, REGION_LABEL, UPLOAD_KIND_LABEL } from './labels';

describe('labels of the data codes', () => {
	it('every region and family has a label in words', () => {
		expect.hasAssertions();
		expect(REGIONS.map((r) => REGION_LABEL[r])).toEqual(['Africa', 'Asia', 'Europe', 'North America', 'Oceania', 'South America']);
		expect(TITLE_FAMILIES.map((f) => FAMILY_LABEL[f])).toEqual(['AI Engineer', 'ML Engineer']);
		expect(UPLOAD_KIND_LABEL).toEqual({ salaries: 'Salaries', postings: 'Job postings' });
	});
});
