import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPANY_SIZES, EMPLOYMENT_TYPES, EXPERIENCE_LEVELS, REGIONS, REMOTE_RATIOS, type SalaryRow } from '../../data/types';
import { DEFAULT_FILTERS, NOT_GIVEN_FACETS, type Filters } from '../filters';
import { TITLE_MODES } from '../title-families';
import { countDuplicates, dedupeRows } from './dedupe';
import { DIMENSIONS, NOT_GIVEN, type Dimension } from './dimensions';
import { payBandPositionSorted } from './pay-band';
import { prepareRows } from './prepare';
import { sortBySalary } from './quantiles';
import { annualCpi, deflator, latestFullYear } from './real-pay';
import { gapSummary } from './summary';
import { applyFilters, familySummaries, familyValues, groupSummaries, growthByYear, likeForLike } from './testing/oracle';
import { arbRows, arbRowsWithGaps, cpiYear, familyRow, frozen, row, shuffled } from './testing/rows';
import type { StatsOptions } from './types';
import { BASES_LIMITS, computeStats, dedupeSensitivity, headlineOf, keptBases, rankSample } from './compute';

// 2020–2024 full years; 2025 has 11 months, so work year 2025 has no real pay.
const cpi = annualCpi([
	...cpiYear(2020, 258.8),
	...cpiYear(2021, 271),
	...cpiYear(2022, 292.7),
	...cpiYear(2023, 304.7),
	...cpiYear(2024, 313.7),
	...cpiYear(2025, 321.9, 11)
]);

// Mostly "no restriction", so that enough runs leave both families above the suppression rule.
const subset = <T>(xs: readonly T[]): fc.Arbitrary<T[]> =>
	fc.oneof({ weight: 3, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary: fc.subarray(xs as T[], { minLength: 1 }) });
const arbFilters: fc.Arbitrary<Filters> = fc.record({
	size: subset(COMPANY_SIZES),
	region: subset(REGIONS),
	country: subset(['US', 'GB', 'DE', 'IN', 'CA', 'BR', 'FR']),
	exp: subset(EXPERIENCE_LEVELS),
	type: subset(EMPLOYMENT_TYPES),
	remote: subset(REMOTE_RATIOS),
	from: fc.option(fc.integer({ min: 2019, max: 2025 }), { freq: 2 }),
	to: fc.option(fc.integer({ min: 2020, max: 2026 }), { freq: 2 }),
	titles: fc.constantFrom(...TITLE_MODES),
	dedupe: fc.boolean(),
	real: fc.boolean()
});
/** As arbFilters, with "Not given" ticked on some filters (for rows with gaps; on complete rows it would empty most views). */
const arbFiltersNotGiven: fc.Arbitrary<Filters> = fc
	.tuple(arbFilters, subset(NOT_GIVEN_FACETS))
	.map(([f, notGiven]) => (notGiven.length > 0 ? { ...f, notGiven } : f));
const arbOptions: fc.Arbitrary<StatsOptions> = fc.record({
	cpi: fc.constant(cpi),
	groupBy: fc.option(fc.constantFrom<Dimension>(...DIMENSIONS)),
	salary: fc.option(fc.integer({ min: 10, max: 50 }).map((k) => k * 5000))
});

/** The same view computed the slow, obvious way from the row-level functions. */
function reference(rows: readonly SalaryRow[], filters: Filters, options: StatsOptions) {
	const matchedRows = applyFilters(sortBySalary(rows), filters);
	let sel = filters.dedupe ? dedupeRows(matchedRows) : matchedRows;
	const baseYear = latestFullYear(cpi);
	const before = sel.length;
	if (filters.real) sel = sel.filter((r) => deflator(cpi, r.workYear, baseYear) !== null);
	const pay = filters.real ? (r: SalaryRow) => r.salaryUsd * deflator(cpi, r.workYear, baseYear)! : (r: SalaryRow) => r.salaryUsd;
	const families = familySummaries(sel, pay);
	const values = familyValues(sel, pay);
	values.AI.sort();
	values.ML.sort();
	return {
		counts: { matched: matchedRows.length, duplicates: countDuplicates(matchedRows), counted: sel.length, dedupe: filters.dedupe },
		pay: { basis: filters.real ? 'real' : 'nominal', baseYear: filters.real ? baseYear : null, rowsWithoutCpi: before - sel.length },
		families,
		gap: gapSummary(families.AI, families.ML),
		likeForLike: likeForLike(sel, pay),
		growth: growthByYear(sel, { cpi, baseYear }),
		groups: options.groupBy ? { dimension: options.groupBy, groups: groupSummaries(sel, options.groupBy, pay) } : null,
		position:
			options.salary == null
				? null
				: {
						salary: options.salary,
						families: { AI: payBandPositionSorted(values.AI, options.salary), ML: payBandPositionSorted(values.ML, options.salary) }
					}
	};
}

describe('computeStats', () => {
	it('property: equals the row-level reference for any filters (fast path = slow path)', () => {
		expect.hasAssertions();
		let informative = 0; // runs where the gap and the like-for-like gap are not suppressed
		let runs = 0;
		fc.assert(
			fc.property(arbRows(300), arbFilters, arbOptions, (rows, filters, options) => {
				const view = computeStats(prepareRows(rows), filters, options);
				const ref = reference(rows, filters, options);
				runs++;
				if (view.gap.estimate && view.likeForLike.adjusted) informative++;
				expect(view.counts).toEqual(ref.counts);
				expect(view.pay).toEqual(ref.pay);
				expect(view.families).toEqual(ref.families);
				expect(view.gap).toEqual(ref.gap);
				expect(view.likeForLike).toEqual(ref.likeForLike);
				expect(view.growth).toEqual(ref.growth);
				expect(view.groups).toEqual(ref.groups);
				expect(view.position).toEqual(ref.position);
				expect(view.bootstrap).toBeNull();
			}),
			{ seed: 20261128, numRuns: 250 }
		);
		// a share, not a count: mutation runs cap the number of cases (tests/mutation/fast-check-capped.ts)
		expect(informative / runs).toBeGreaterThan(0.15);
	});

	it('property: with dimensions not given (an uploaded file), equals the row-level reference', () => {
		expect.hasAssertions();
		let withGaps = 0;
		let runs = 0;
		fc.assert(
			fc.property(arbRowsWithGaps(300), arbFiltersNotGiven, arbOptions, (rows, filters, options) => {
				const prepared = prepareRows(rows);
				const view = computeStats(prepared, filters, options);
				const ref = reference(rows, filters, options);
				runs++;
				if (view.likeForLike.aiRowsWithoutCell + view.likeForLike.mlRowsWithoutCell > 0) withGaps++;
				expect(view.counts).toEqual(ref.counts);
				expect(view.families).toEqual(ref.families);
				expect(view.gap).toEqual(ref.gap);
				expect(view.likeForLike).toEqual(ref.likeForLike);
				expect(view.growth).toEqual(ref.growth);
				expect(view.groups).toEqual(ref.groups);
			}),
			{ seed: 20261129, numRuns: 200 }
		);
		expect(withGaps / runs).toBeGreaterThan(0.3);
	});

	it('"Not given" in a filter: only the rows without the value, or with one of the chosen values', () => {
		expect.hasAssertions();
		const rows = [
			...Array.from({ length: 3 }, (_, i) => familyRow('AI', { companySize: 'S', salaryUsd: 100_000 + i })),
			...Array.from({ length: 4 }, (_, i) => familyRow('AI', { companySize: null, salaryUsd: 200_000 + i })),
			...Array.from({ length: 5 }, (_, i) => familyRow('ML', { companySize: 'L', salaryUsd: 300_000 + i })),
			...Array.from({ length: 6 }, (_, i) => familyRow('ML', { companySize: null, salaryUsd: 400_000 + i }))
		];
		const p = prepareRows(shuffled(rows, 7));
		const n = (f: Partial<Filters>) => {
			const v = computeStats(p, { ...DEFAULT_FILTERS, ...f });
			return [v.families.AI.n, v.families.ML.n];
		};
		expect(n({})).toEqual([7, 11]);
		expect(n({ notGiven: ['size'] })).toEqual([4, 6]);
		expect(n({ size: ['S'] })).toEqual([3, 0]);
		expect(n({ size: ['S'], notGiven: ['size'] })).toEqual([7, 6]);
		expect(n({ size: ['M'], notGiven: ['size'] })).toEqual([4, 6]);
		// Ticking another dimension's "not given" does not touch size: no row lacks a country.
		expect(n({ notGiven: ['country'] })).toEqual([0, 0]);
		expect(p.notGiven).toMatchObject({ companySize: 10, country: 0, region: 0 });
		const g = computeStats(p, DEFAULT_FILTERS, { groupBy: 'companySize' }).groups!.groups;
		expect(g.map((x) => [x.key, x.families.AI.n, x.families.ML.n])).toEqual([
			['S', 3, 0],
			['L', 0, 5],
			[NOT_GIVEN, 4, 6]
		]);
		// Same suppression rules as any group: 4 and 6 reports are too few for a median.
		expect(g[2]!.families.AI.median).toBeNull();
		expect(g[2]!.families.ML.median).toBeNull();
		expect(g[2]!.families.AI.support).toBe('suppressed');
	});

	it('property: results do not depend on row order', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbRows(250), arbFilters, fc.integer(), (rows, filters, seed) => {
				const options = { cpi, groupBy: 'experienceLevel' as const, salary: 120_000 };
				expect(computeStats(prepareRows(shuffled(rows, seed)), filters, options)).toEqual(
					computeStats(prepareRows(rows), filters, options)
				);
			}),
			{ seed: 99, numRuns: 150 }
		);
	});

	it('does not change its input, and a plain sorted array gives the same view', () => {
		expect.hasAssertions();
		const rows = frozen(fc.sample(arbRows(400), { seed: 4, numRuns: 1 })[0]!);
		const snapshot = JSON.stringify(rows);
		const filters = { ...DEFAULT_FILTERS, dedupe: true, real: true };
		const a = computeStats(prepareRows(rows), filters, { cpi, groupBy: 'region' });
		const b = computeStats(rows, filters, { cpi, groupBy: 'region' });
		expect(b).toEqual(a);
		expect(JSON.stringify(rows)).toBe(snapshot);
	});

	it('hand-sized example: 12 AI, 40 ML rows, US, 2024', () => {
		expect.hasAssertions();
		// AI: 100k, 105k, …, 155k (median 127.5k); ML: 100k, 102k, …, 178k (median 139k); plus 2 rows
		// of other titles and one AI row outside the year filter.
		const rows = [
			...Array.from({ length: 12 }, (_, i) => familyRow('AI', { salaryUsd: 100_000 + 5000 * i })),
			...Array.from({ length: 40 }, (_, i) => familyRow('ML', { salaryUsd: 100_000 + 2000 * i })),
			row({ jobTitle: 'Data Scientist' }),
			row({ jobTitle: 'AI Architect' }),
			familyRow('AI', { workYear: 2023 })
		];
		const v = computeStats(rows, { ...DEFAULT_FILTERS, from: 2024 }, { salary: 130_000 });
		expect(v.counts).toEqual({ matched: 52, duplicates: 0, counted: 52, dedupe: false });
		expect(v.families.AI).toMatchObject({ n: 12, support: 'low' });
		expect(v.families.AI.quantiles?.median).toBe(127_500);
		expect(v.families.ML.quantiles?.median).toBe(139_000);
		expect(v.gap.estimate?.gapUsd).toBe(-11_500);
		expect(v.position?.families.AI.percentile).toBeCloseTo((100 * 6.5) / 12, 12); // 6 below, 1 equal
		expect(v.position?.families.ML.percentile).toBeCloseTo((100 * 15.5) / 40, 12); // 15 below, 1 equal
		expect(v.growth.years).toEqual([2024]);
		expect(v.likeForLike.aiMedianAdjusted).toBe(127_500); // a single cell: no reweighting
	});

	it('real pay needs CPI and a full base year', () => {
		expect.hasAssertions();
		const rows = [familyRow('AI')];
		expect(() => computeStats(rows, { ...DEFAULT_FILTERS, real: true })).toThrow(/options.cpi/);
		expect(() => computeStats(rows, { ...DEFAULT_FILTERS, real: true }, { cpi, baseYear: 2025 })).toThrow(/not a full CPI year/);
	});

	it('real pay reorders across years (the merge of per-year runs)', () => {
		expect.hasAssertions();
		// 2020 rows deflate up by 313.7 / 258.8 ≈ 1.2121: 100k (2020) → 121.2k, above 120k (2024).
		const rows = [
			...Array.from({ length: 10 }, () => familyRow('ML', { workYear: 2020, salaryUsd: 100_000 })),
			...Array.from({ length: 10 }, () => familyRow('ML', { workYear: 2024, salaryUsd: 120_000 })),
			...Array.from({ length: 10 }, () => familyRow('ML', { workYear: 2025, salaryUsd: 1 }))
		];
		const v = computeStats(rows, { ...DEFAULT_FILTERS, real: true }, { cpi });
		expect(v.pay).toEqual({ basis: 'real', baseYear: 2024, rowsWithoutCpi: 10 });
		expect(v.families.ML.quantiles?.p10).toBe(120_000);
		expect(v.families.ML.quantiles?.p90).toBeCloseTo((100_000 * 313.7) / 258.8, 6);
		expect(v.counts.counted).toBe(20);
	});

	it('bootstrap is optional and reproducible', () => {
		expect.hasAssertions();
		const rows = [
			...Array.from({ length: 40 }, (_, i) => familyRow('AI', { salaryUsd: 90_000 + 3000 * i })),
			...Array.from({ length: 60 }, (_, i) => familyRow('ML', { salaryUsd: 80_000 + 2000 * i }))
		];
		const p = prepareRows(rows);
		const a = computeStats(p, DEFAULT_FILTERS, { bootstrap: { seed: 7, resamples: 100 } });
		const b = computeStats(p, DEFAULT_FILTERS, { bootstrap: { seed: 7, resamples: 100 } });
		expect(a.bootstrap).not.toBeNull();
		expect(b.bootstrap).toEqual(a.bootstrap);
	});
});

describe('dedupeSensitivity', () => {
	it('reports the headline with and without repeats, and the change', () => {
		expect.hasAssertions();
		// AI: 10 distinct values 100k…190k, plus 10 copies of the 190k row → median 190k with repeats.
		// ML: 30 distinct values 100k…129k (median 114.5k), no repeats.
		const ai = Array.from({ length: 10 }, (_, i) => familyRow('AI', { salaryUsd: 100_000 + 10_000 * i }));
		const rows = [
			...ai,
			...Array.from({ length: 10 }, () => ({ ...ai[9]! })),
			...Array.from({ length: 30 }, (_, i) => familyRow('ML', { salaryUsd: 100_000 + 1000 * i }))
		];
		const s = dedupeSensitivity(rows, DEFAULT_FILTERS);
		expect(s.allRows).toMatchObject({ aiN: 20, mlN: 30, aiMedian: 190_000, mlMedian: 114_500, gapUsd: 75_500 });
		expect(s.deduped).toMatchObject({ aiN: 10, mlN: 30, aiMedian: 145_000, mlMedian: 114_500, gapUsd: 30_500 });
		expect(s.change).toMatchObject({ aiN: -10, mlN: 0, aiMedian: -45_000, mlMedian: 0, gapUsd: -45_000 });
		expect(headlineOf(computeStats(rows, { ...DEFAULT_FILTERS, dedupe: true }))).toEqual(s.deduped);
	});
});

describe('rankSample', () => {
	it('spreads the sample evenly by rank and keeps both ends', () => {
		expect.hasAssertions();
		expect(rankSample([1, 2, 3, 4, 5], 3)).toEqual([1, 3, 5]);
		expect(rankSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6)).toEqual([1, 3, 5, 7, 9, 11]);
		expect(rankSample([4, 7], 5)).toEqual([4, 7]);
		expect(rankSample([1, 2, 3], 1)).toEqual([2]);
	});
});

describe('computeStats samples', () => {
	it('sends no values for a suppressed family and rank-spaced values otherwise', () => {
		expect.hasAssertions();
		const rows = [
			...Array.from({ length: 5 }, (_, i) => row({ jobTitle: 'AI Engineer', salaryUsd: 100_000 + i })),
			...Array.from({ length: 20 }, (_, i) => row({ jobTitle: 'Machine Learning Engineer', salaryUsd: 200_000 + 1000 * i }))
		];
		const v = computeStats(prepareRows(rows), { ...DEFAULT_FILTERS, titles: 'strict' }, { sample: 5 });
		expect(v.families.AI.support).toBe('suppressed');
		expect(v.samples).toEqual({ AI: [], ML: [200_000, 205_000, 210_000, 214_000, 219_000] });
	});
});

describe('computeStats on kept bases', () => {
	/** Every field of a view as plain data (the lazily computed like-for-like and growth included). */
	const plain = (v: ReturnType<typeof computeStats>) => JSON.parse(JSON.stringify(v)) as unknown;

	it('property: a sequence of views on one prepared set equals each view computed on freshly prepared rows', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(
				arbRows(200),
				// Few distinct filter sets, drawn again and again: most calls after the first find a kept base.
				fc.array(fc.tuple(arbFilters, arbOptions), { minLength: 1, maxLength: 3 }),
				fc.array(fc.nat(), { minLength: 2, maxLength: 12 }),
				(rows, views, order) => {
					const prepared = prepareRows(rows);
					for (const i of order) {
						const [filters, options] = views[i % views.length]!;
						expect(plain(computeStats(prepared, filters, options))).toEqual(plain(computeStats(prepareRows(rows), filters, options)));
					}
				}
			),
			{ seed: 20261207, numRuns: 60 }
		);
	});

	it('reads like-for-like and growth the same whether or not they were asked for before, and spreads them', () => {
		expect.hasAssertions();
		const rows = [
			...Array.from({ length: 30 }, (_, i) => row({ jobTitle: 'AI Engineer', salaryUsd: 100_000 + 1000 * i, workYear: 2023 + (i % 2) })),
			...Array.from({ length: 40 }, (_, i) =>
				row({ jobTitle: 'Machine Learning Engineer', salaryUsd: 150_000 + 900 * i, workYear: 2023 + (i % 2) })
			)
		];
		const prepared = prepareRows(rows);
		const first = computeStats(prepared, DEFAULT_FILTERS, { groupBy: 'workYear' });
		const again = computeStats(prepared, DEFAULT_FILTERS, { groupBy: 'workYear' });
		const cold = computeStats(prepareRows(rows), DEFAULT_FILTERS, { groupBy: 'workYear' });
		expect({ ...again }.growth).toEqual(cold.growth);
		expect(first.likeForLike).toEqual(cold.likeForLike);
		expect(again.groups).toEqual(cold.groups);
		expect(again.growth.years).toEqual([2023, 2024]);
	});

	it('keeps at most the limit of bases and selected rows per prepared set', () => {
		expect.hasAssertions();
		const rows = Array.from({ length: 40 }, (_, i) =>
			row({ jobTitle: i % 2 ? 'AI Engineer' : 'Machine Learning Engineer', salaryUsd: 90_000 + 500 * i, workYear: 2015 + (i % 20) })
		);
		const prepared = prepareRows(rows);
		const years = BASES_LIMITS.entries + 10;
		for (let k = 0; k < years; k++) computeStats(prepared, { ...DEFAULT_FILTERS, from: 2000 + k });
		expect(keptBases(prepared).bases).toBe(BASES_LIMITS.entries);
		// The most recent view is kept: asking again adds no base.
		computeStats(prepared, { ...DEFAULT_FILTERS, from: 2000 + years - 1 });
		expect(keptBases(prepared).bases).toBe(BASES_LIMITS.entries);
		expect(keptBases(prepared).rows).toBeLessThanOrEqual(BASES_LIMITS.rows);
		expect(keptBases(prepareRows(rows)).bases).toBe(0);
	});
});
