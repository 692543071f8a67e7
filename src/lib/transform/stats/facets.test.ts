import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPANY_SIZES, EMPLOYMENT_TYPES, EXPERIENCE_LEVELS, REGIONS, REMOTE_RATIOS } from '../../data/types';
import { DEFAULT_FILTERS, NOT_GIVEN_FACETS, type Filters } from '../filters';
import { TITLE_MODES } from '../title-families';
import { FACETS, facetCounts, type Facet } from './facets';
import { prepareRows } from './prepare';
import { arbRows, familyRow } from './testing/rows';
import { computeStats } from './compute';

const subset = <T>(xs: readonly T[]): fc.Arbitrary<T[]> =>
	fc.oneof({ weight: 1, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary: fc.subarray(xs as T[], { minLength: 1 }) });
const arbFilters: fc.Arbitrary<Filters> = fc.record({
	size: subset(COMPANY_SIZES),
	region: subset(REGIONS),
	country: subset(['US', 'GB', 'DE', 'IN', 'CA', 'BR', 'FR']),
	exp: subset(EXPERIENCE_LEVELS),
	type: subset(EMPLOYMENT_TYPES),
	remote: subset(REMOTE_RATIOS),
	notGiven: subset(NOT_GIVEN_FACETS),
	from: fc.option(fc.integer({ min: 2020, max: 2025 }), { freq: 2 }),
	to: fc.option(fc.integer({ min: 2020, max: 2025 }), { freq: 2 }),
	titles: fc.constantFrom(...TITLE_MODES),
	dedupe: fc.boolean(),
	real: fc.constant(false)
});

/** The filters with one facet cleared, or set to one option. */
function without(f: Filters, facet: Facet): Filters {
	return facet === 'years'
		? { ...f, from: null, to: null }
		: { ...f, [facet]: [], notGiven: (f.notGiven ?? []).filter((x) => x !== facet) };
}
function only(f: Filters, facet: Facet, value: string | number | null): Filters {
	if (facet === 'years') return { ...f, from: value as number, to: value as number };
	const rest = (f.notGiven ?? []).filter((x) => x !== facet);
	return value === null ? { ...f, [facet]: [], notGiven: [...rest, facet] } : { ...f, [facet]: [value], notGiven: rest };
}

describe('facet counts (one pass) equal a computeStats per alternative', () => {
	it('property: current, every filter removed, every option chosen', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbRows(200), arbFilters, (rows, filters) => {
				const p = prepareRows(rows);
				const counted = (f: Filters) => {
					const v = computeStats(p, f);
					return { ai: v.families.AI.n, ml: v.families.ML.n, n: v.counts.counted };
				};
				const fc1 = facetCounts(p, filters);
				expect(fc1.current).toEqual(counted(filters));
				for (const w of fc1.withoutFilter) expect(w, w.facet).toMatchObject(counted(without(filters, w.facet)));
				for (const facet of FACETS)
					for (const o of fc1.options[facet]) expect(o, `${facet}=${o.value}`).toMatchObject(counted(only(filters, facet, o.value)));
			}),
			{ seed: 2026, numRuns: 60 }
		);
	});

	it('lists only active filters, most reports first', () => {
		expect.hasAssertions();
		const rows = [
			...Array.from({ length: 30 }, () => familyRow('ML', { companySize: 'M', experienceLevel: 'SE' })),
			...Array.from({ length: 5 }, (_, i) => familyRow('AI', { companySize: 'L', experienceLevel: 'SE', salaryUsd: 100_000 + i })),
			...Array.from({ length: 8 }, (_, i) => familyRow('AI', { companySize: 'L', experienceLevel: 'MI', salaryUsd: 90_000 + i }))
		];
		const p = prepareRows(rows);
		const r = facetCounts(p, { ...DEFAULT_FILTERS, size: ['L'], exp: ['SE'] });
		expect(r.current).toEqual({ ai: 5, ml: 0, n: 5 });
		// Remove size → the 30 ML SE rows come in; remove experience → the 8 AI MI rows.
		expect(r.withoutFilter).toEqual([
			{ facet: 'size', ai: 5, ml: 30, n: 35 },
			{ facet: 'exp', ai: 13, ml: 0, n: 13 }
		]);
		expect(r.options.size.map((o) => [o.value, o.n])).toEqual([
			['S', 0],
			['M', 30],
			['L', 5]
		]);
		expect(r.options.exp.find((o) => o.value === 'MI')).toMatchObject({ ai: 8, n: 8 });
	});
});

describe('facet counts kept per prepared set', () => {
	it('property: counts asked again (in any order, among other filters) equal counts on freshly prepared rows', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(
				arbRows(150),
				fc.array(arbFilters, { minLength: 1, maxLength: 6 }),
				fc.array(fc.nat(), { minLength: 2, maxLength: 14 }),
				(rows, views, order) => {
					const prepared = prepareRows(rows);
					for (const i of order) {
						const f = views[i % views.length]!;
						expect(facetCounts(prepared, f)).toEqual(facetCounts(prepareRows(rows), f));
					}
				}
			),
			{ seed: 20261207, numRuns: 60 }
		);
	});
});
