/**
 * Facet counts at their edges: which filters are active, an empty dataset, removed filters
 * that tie (panel order), and the year options with a one-sided range.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../filters';
import { FACETS, facetCounts, isActive } from './facets';
import { prepareRows } from './prepare';
import { familyRow } from './testing/rows';

describe('isActive', () => {
	it('calls the year range active when either end is set, and a list when it has an option', () => {
		expect(isActive(DEFAULT_FILTERS, 'years')).toBe(false);
		expect(isActive({ ...DEFAULT_FILTERS, from: 2022 }, 'years')).toBe(true);
		expect(isActive({ ...DEFAULT_FILTERS, to: 2022 }, 'years')).toBe(true);
		for (const f of FACETS.filter((f) => f !== 'years')) expect(isActive(DEFAULT_FILTERS, f), f).toBe(false);
		expect(isActive({ ...DEFAULT_FILTERS, remote: [0] }, 'remote')).toBe(true);
	});
});

describe('facetCounts', () => {
	it('counts nothing, and offers no years, on an empty dataset', () => {
		const r = facetCounts(prepareRows([]), { ...DEFAULT_FILTERS, size: ['L'] });
		expect(r.current).toEqual({ ai: 0, ml: 0, n: 0 });
		expect(r.withoutFilter).toEqual([{ facet: 'size', ai: 0, ml: 0, n: 0 }]);
		expect(r.options.years).toEqual([]);
		expect(r.options.size.map((o) => o.n)).toEqual([0, 0, 0]);
	});
	it('lists removed filters that tie in the order of the panel', () => {
		// Every row fails both filters: removing either alone brings none back.
		const rows = Array.from({ length: 12 }, (_, i) => familyRow('ML', { companySize: 'M', experienceLevel: 'SE', salaryUsd: 100_000 + i }));
		const r = facetCounts(prepareRows(rows), { ...DEFAULT_FILTERS, remote: [50], size: ['L'], exp: ['EN'] });
		expect(r.withoutFilter.map((w) => w.facet)).toEqual(['size', 'exp', 'remote']);
		expect(r.withoutFilter.every((w) => w.n === 0)).toBe(true);
	});
	it('lists the removed filter that brings back more reports first', () => {
		// Removing experience brings back 20 AI MI rows; removing size, 6 ML rows.
		const rows = [
			...Array.from({ length: 6 }, (_, i) => familyRow('ML', { companySize: 'M', experienceLevel: 'SE', salaryUsd: 100_000 + i })),
			...Array.from({ length: 20 }, (_, i) => familyRow('AI', { companySize: 'L', experienceLevel: 'MI', salaryUsd: 90_000 + i })),
			...Array.from({ length: 3 }, (_, i) => familyRow('AI', { companySize: 'L', experienceLevel: 'SE', salaryUsd: 80_000 + i }))
		];
		const r = facetCounts(prepareRows(rows), { ...DEFAULT_FILTERS, size: ['L'], exp: ['SE'] });
		expect(r.withoutFilter).toEqual([
			{ facet: 'exp', ai: 23, ml: 0, n: 23 },
			{ facet: 'size', ai: 3, ml: 6, n: 9 }
		]);
	});
	it('counts years against a range open at one end', () => {
		const rows = [2021, 2022, 2023, 2024].flatMap((workYear) =>
			Array.from({ length: 3 }, (_, i) => familyRow(i ? 'ML' : 'AI', { workYear, salaryUsd: 100_000 + i }))
		);
		const r = facetCounts(prepareRows(rows), { ...DEFAULT_FILTERS, from: 2023 });
		expect(r.current).toEqual({ ai: 2, ml: 4, n: 6 });
		expect(r.withoutFilter).toEqual([{ facet: 'years', ai: 4, ml: 8, n: 12 }]);
		expect(r.options.years.map((o) => [o.value, o.n])).toEqual([
			[2021, 3],
			[2022, 3],
			[2023, 3],
			[2024, 3]
		]);
		const upTo = facetCounts(prepareRows(rows), { ...DEFAULT_FILTERS, to: 2022 });
		expect(upTo.current.n).toBe(6);
	});
	it('leaves repeated identical rows out when asked to count them once', () => {
		const same = Array.from({ length: 4 }, () => familyRow('AI', { salaryUsd: 123_000 }));
		expect(facetCounts(prepareRows(same), { ...DEFAULT_FILTERS, dedupe: true }).current.n).toBe(1);
		expect(facetCounts(prepareRows(same), { ...DEFAULT_FILTERS, dedupe: false }).current.n).toBe(4);
	});
});
