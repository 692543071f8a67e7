/** Pay view pieces: group labels, segment labels and gap rows (views.test.ts checks payView on a Dataset). */
import { median } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import { rows, values } from './testing/year-rows';
import { DIMENSION_LABEL, gapRows, groupLabel, SEGMENT_DIMENSIONS } from './pay';

describe('pay view models', () => {
	it.each([
		['companySize', 'L', 'Large (> 250)'],
		['region', 'europe', 'Europe'],
		['experienceLevel', 'EN', 'Entry'],
		['employmentType', 'CT', 'Contract'],
		['remoteRatio', '50', 'Hybrid'],
		['country', 'GB', 'United Kingdom'],
		['workYear', '2023', '2023'],
		['companySize', 'XL', 'XL'],
		['region', 'mars', 'mars'],
		['experienceLevel', 'XX', 'XX'],
		['employmentType', 'XX', 'XX'],
		['remoteRatio', '30', '30']
	] as const)('groupLabel(%s, %s) = %s', (dim, key, label) => {
		expect.hasAssertions();
		expect(groupLabel(dim, key)).toBe(label);
	});

	it('segments and their labels', () => {
		expect.hasAssertions();
		expect(SEGMENT_DIMENSIONS.map((d) => DIMENSION_LABEL[d])).toEqual([
			'Company size',
			'Region',
			'Experience level',
			'Employment type',
			'Remote work'
		]);
		expect([DIMENSION_LABEL.country, DIMENSION_LABEL.workYear]).toEqual(['Country', 'Work year']);
	});

	it('gap rows carry the percent gap, its interval, both n and the support', () => {
		expect.hasAssertions();
		const view = computeStats(rows, DEFAULT_FILTERS, { groupBy: 'workYear' });
		const out = gapRows('workYear', view.groups!.groups);
		expect(out.map((r) => [r.label, r.status, r.n])).toEqual([
			['2022', 'low', { AI: 12, ML: 30 }],
			['2023', 'suppressed', { AI: 5, ML: 15 }],
			['2024', 'ok', { AI: 35, ML: 40 }]
		]);
		expect(out[1]).toMatchObject({ value: null, lo: null, hi: null });
		const e = view.groups!.groups[2]!.gap.estimate!;
		expect(out[2]).toMatchObject({ value: e.gapPct, lo: e.gapPctInterval!.lower, hi: e.gapPctInterval!.upper });
		expect(out[2]!.value).toBeCloseTo(100 * (median(values('AI', 2024))! / median(values('ML', 2024))! - 1), 10);
	});

	it('a gap without a percent interval has no bounds (null, not a crash)', () => {
		expect.hasAssertions();
		const view = computeStats(rows, DEFAULT_FILTERS, { groupBy: 'workYear' });
		const g = view.groups!.groups[2]!;
		const noPct = { ...g, gap: { ...g.gap, estimate: { ...g.gap.estimate!, gapPctInterval: null } } };
		expect(gapRows('workYear', [noPct])[0]).toMatchObject({ value: g.gap.estimate!.gapPct, lo: null, hi: null });
	});
});
