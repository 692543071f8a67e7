/**
 * facetsView's "remove one filter" suggestion (`relax`): offered only when a family has fewer
 * than SUPPRESS_BELOW reports, only when removing a filter gives more reports, and then the
 * filter whose removal gives the most. Expected counts are the rows built here, counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type Filters } from '$lib/transform/filters';
import { SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import { familyRow } from '$lib/transform/stats/testing/rows';
import type { SalaryRow } from '$lib/data/types';
import { facetsView, removeFacet } from './facets';
import { datasetOf, seq } from './testing/year-rows';

/** `ai` AI and `ml` ML rows with company size L, plus `aiM`/`mlM` with size M. */
function build(ai: number, ml: number, aiM = 5, mlM = 6): SalaryRow[] {
	return [
		...seq(100_000, ai).map((v) => familyRow('AI', { salaryUsd: v, companySize: 'L' })),
		...seq(90_000, ml).map((v) => familyRow('ML', { salaryUsd: v, companySize: 'L' })),
		...seq(300_000, aiM).map((v) => familyRow('AI', { salaryUsd: v, companySize: 'M' })),
		...seq(250_000, mlM).map((v) => familyRow('ML', { salaryUsd: v, companySize: 'M' }))
	];
}
const large: Filters = { ...DEFAULT_FILTERS, size: ['L'] };

describe('facetsView relax', () => {
	it('SUPPRESS_BELOW is 10 (the boundaries below are built around it)', () => {
		expect(SUPPRESS_BELOW).toBe(10);
	});
	it('both families at exactly SUPPRESS_BELOW: nothing to relax', () => {
		const f = facetsView(datasetOf(build(10, 10)), large);
		expect(f.current).toEqual({ ai: 10, ml: 10, n: 20 });
		expect(f.relax).toBeNull();
	});
	it('AI one below the threshold (ML at it): suggest removing the size filter, with the counts without it', () => {
		const f = facetsView(datasetOf(build(9, 10)), large);
		expect(f.current).toEqual({ ai: 9, ml: 10, n: 19 });
		expect(f.relax).toEqual({ facet: 'size', ai: 14, ml: 16, n: 30 });
	});
	it('ML one below the threshold (AI at it): suggest removing the size filter', () => {
		const f = facetsView(datasetOf(build(10, 9)), large);
		expect(f.current).toEqual({ ai: 10, ml: 9, n: 19 });
		expect(f.relax).toEqual({ facet: 'size', ai: 15, ml: 15, n: 30 });
	});
	it('both families well above: nothing to relax', () => {
		expect(facetsView(datasetOf(build(11, 12)), large).relax).toBeNull();
	});
	it('small, but removing the filter gives no more reports: nothing to relax', () => {
		// Every row is size L, so dropping the size filter leaves the same 5 + 3 reports.
		const f = facetsView(datasetOf(build(5, 3, 0, 0)), large);
		expect(f.current).toEqual({ ai: 5, ml: 3, n: 8 });
		expect(f.relax).toBeNull();
	});
	it('small with no filter set: nothing to remove', () => {
		const f = facetsView(datasetOf(build(2, 3, 1, 1)), DEFAULT_FILTERS);
		expect(f.current).toEqual({ ai: 3, ml: 4, n: 7 });
		expect(f.relax).toBeNull();
	});
	it('two filters: the one whose removal gives the most reports', () => {
		// size L and experience SE: 4 AI + 4 ML. Without size: + 5 AI + 6 ML (size M, SE) = 19.
		// Without experience: + 3 AI EN rows of size L = 11.
		const rows = [
			...build(4, 4),
			...seq(500_000, 3).map((v) => familyRow('AI', { salaryUsd: v, companySize: 'L', experienceLevel: 'EN' }))
		];
		const f = facetsView(datasetOf(rows), { ...large, exp: ['SE'] });
		expect(f.current).toEqual({ ai: 4, ml: 4, n: 8 });
		expect(f.relax).toEqual({ facet: 'size', ai: 9, ml: 10, n: 19 });
	});
});

describe('removeFacet', () => {
	it('clears only the named filter; the years filter clears both ends', () => {
		expect(removeFacet('region')).toEqual({ region: [] });
		expect(removeFacet('exp', [])).toEqual({ exp: [], notGiven: [] });
		expect(removeFacet('exp', ['size'])).toEqual({ exp: [], notGiven: ['size'] });
		expect(removeFacet('years')).toEqual({ from: null, to: null });
	});
});
