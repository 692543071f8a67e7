/**
 * overviewView on a Dataset of hand-placed rows: the model carries the statistics of the
 * filters, the like-for-like comparison with its unsupported cells capped, the claim on US
 * rows whatever the location filter, and the duplicate sensitivity.
 */
import { describe, expect, it } from 'vitest';
import type { CompanySize, ExperienceLevel } from '$lib/data/types';
import { DEFAULT_FILTERS, type Filters } from '$lib/transform/filters';
import { computeStats, dedupeSensitivity } from '$lib/transform/stats/compute';
import { familyRow } from '$lib/transform/stats/testing/rows';
import { CLAIM, overviewView, UNSUPPORTED_CELLS_SHOWN } from './overview';
import { datasetOf, seq } from './testing/year-rows';

// AI and ML share the cells (SE, US, M) and (SE, GB, M); ML alone has one report in each of
// 14 further cells (3 levels × 2 sizes in the US and in GB, 2 in Japan), which like-for-like
// cannot match.
const alone: (readonly [ExperienceLevel, CompanySize, string])[] = [
	...(['EN', 'MI', 'EX'] as const).flatMap((exp) =>
		(['S', 'L'] as const).flatMap((size) => [[exp, size, 'US'] as const, [exp, size, 'GB'] as const])
	),
	['EN', 'S', 'JP'],
	['MI', 'L', 'JP']
];
const rows = [
	...seq(150_000, 40).map((v) => familyRow('AI', { salaryUsd: v, companyLocation: 'US' })),
	...seq(90_000, 12).map((v) => familyRow('AI', { salaryUsd: v, companyLocation: 'GB' })),
	...seq(100_000, 40).map((v) => familyRow('ML', { salaryUsd: v, companyLocation: 'US' })),
	...seq(80_000, 15).map((v) => familyRow('ML', { salaryUsd: v, companyLocation: 'GB' })),
	...alone.map(([experienceLevel, companySize, companyLocation], i) =>
		familyRow('ML', { experienceLevel, companySize, companyLocation, salaryUsd: 120_000 + 500 * i })
	)
];
const data = datasetOf(rows);
const stats = (filters: Filters) => computeStats(data.prepared, filters, { cpi: data.annualCpi });

describe('overviewView', () => {
	it('families, gap, pay basis and counts are the statistics of the filters', () => {
		expect.hasAssertions();
		for (const filters of [DEFAULT_FILTERS, { ...DEFAULT_FILTERS, country: ['GB'] }, { ...DEFAULT_FILTERS, real: true }]) {
			const m = overviewView(data, { filters });
			const s = stats(filters);
			expect(m.families).toEqual(s.families);
			expect(m.gap).toEqual(s.gap);
			expect(m.pay).toEqual(s.pay);
			expect(m.counts).toEqual(s.counts);
		}
		expect(overviewView(data, { filters: DEFAULT_FILTERS }).families.ML.n).toBe(40 + 15 + alone.length);
	});

	it('like-for-like: the comparison of the statistics, with the unsupported cells capped and counted', () => {
		expect.hasAssertions();
		const m = overviewView(data, { filters: DEFAULT_FILTERS }).likeForLike;
		const l = stats(DEFAULT_FILTERS).likeForLike;
		expect(m.unsupportedCellCount).toBe(alone.length);
		expect(alone.length).toBeGreaterThan(UNSUPPORTED_CELLS_SHOWN);
		expect(m.unsupportedCells).toEqual(l.unsupportedCells.slice(0, UNSUPPORTED_CELLS_SHOWN));
		expect(m.unsupportedCells).toHaveLength(UNSUPPORTED_CELLS_SHOWN);
		const { unsupportedCells: _cells, unsupportedCellCount: _count, ...rest } = m;
		expect(Object.keys(rest).sort()).toEqual(
			[
				'support',
				'adjusted',
				'aiMedianAdjusted',
				'mlMedianSupported',
				'aiNUsed',
				'aiEffectiveN',
				'mlNSupported',
				'unsupportedMlSharePct',
				'aiRowsWithoutCell',
				'mlRowsWithoutCell'
			].sort()
		);
		for (const [key, value] of Object.entries(rest)) expect(value).toEqual(l[key as keyof typeof l]);
		// By hand: AI 52 rows in two cells, ML 55 rows there; 14 of 69 ML rows cannot be matched.
		expect([m.aiNUsed, m.mlNSupported]).toEqual([52, 55]);
		expect(m.unsupportedMlSharePct).toBeCloseTo((100 * 14) / 69, 10);
		expect(m.adjusted).not.toBeNull();
	});

	it('the claim is checked on US companies whatever the location filter; the other filters still apply', () => {
		expect.hasAssertions();
		const us = stats({ ...DEFAULT_FILTERS, region: [], country: ['US'] });
		for (const filters of [DEFAULT_FILTERS, { ...DEFAULT_FILTERS, country: ['GB'] }, { ...DEFAULT_FILTERS, region: ['europe' as const] }]) {
			const { claim } = overviewView(data, { filters });
			expect(claim).toMatchObject(CLAIM);
			expect(claim.families).toEqual(us.families);
			expect(claim.gap).toEqual(us.gap);
		}
		expect(overviewView(data, { filters: DEFAULT_FILTERS }).claim.families.ML.n).toBe(40 + 6);
		const mid = overviewView(data, { filters: { ...DEFAULT_FILTERS, exp: ['MI'] } }).claim;
		expect([mid.families.AI.n, mid.families.ML.n]).toEqual([0, 2]);
	});

	it('the duplicate sensitivity of the same filters', () => {
		expect.hasAssertions();
		const doubled = datasetOf([...rows, ...rows.slice(0, 20)]);
		const m = overviewView(doubled, { filters: DEFAULT_FILTERS });
		expect(m.sensitivity).toEqual(dedupeSensitivity(doubled.prepared, DEFAULT_FILTERS, { cpi: doubled.annualCpi }));
		expect(m.sensitivity).not.toEqual(overviewView(data, { filters: DEFAULT_FILTERS }).sensitivity);
	});
});
