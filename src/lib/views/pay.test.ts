/** Pay view pieces: group labels, segment labels and gap rows (views.test.ts checks payView on a Dataset). */
import { median } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import { familyRow } from '$lib/transform/stats/testing/rows';
import { DIMENSION_LABEL, FAMILY_LABEL, groupLabel } from '$lib/format/labels';
import { FAMILY_COLOR } from '$lib/theme';
import { BY_DIMENSION } from './summary-table';
import { expectWellFormedTable } from './testing/tables';
import { datasetOf, rows, seq, values } from './testing/year-rows';
import { DOTS_PER_FAMILY, gapRows, payView, SEGMENT_DIMENSIONS, segmentModel } from './pay';

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

// By company size: S has 5 AI reports (gap suppressed), M 40 and 40 (ok), L 15 and 20 (low).
const sized = [
	...seq(90_000, 5).map((v) => familyRow('AI', { companySize: 'S', salaryUsd: v })),
	...seq(80_000, 12).map((v) => familyRow('ML', { companySize: 'S', salaryUsd: v })),
	...seq(150_000, 40).map((v) => familyRow('AI', { companySize: 'M', salaryUsd: v, experienceLevel: 'MI' })),
	...seq(100_000, 40).map((v) => familyRow('ML', { companySize: 'M', salaryUsd: v })),
	...seq(170_000, 15).map((v) => familyRow('AI', { companySize: 'L', salaryUsd: v, remoteRatio: 100 })),
	...seq(120_000, 20).map((v) => familyRow('ML', { companySize: 'L', salaryUsd: v, employmentType: 'CT' }))
];
const data = datasetOf(sized);

describe('segmentModel', () => {
	it('one table row per group: its label, both n and medians, the gap and its interval, the evidence in words', () => {
		expect.hasAssertions();
		const groups = computeStats(data.prepared, DEFAULT_FILTERS, { groupBy: 'companySize' }).groups!.groups;
		const m = segmentModel('companySize', groups);
		expect(m.dim).toBe('companySize');
		expect(m.by).toBe('company_size');
		expect(m.rows).toEqual(gapRows('companySize', groups));
		expectWellFormedTable(m.table);
		expect(m.table.columns[0]).toMatchObject({ key: 'group', label: 'Company size', align: 'left' });
		expect(m.table.rows.map((r) => [r.group, r.aiN, r.mlN, r.status])).toEqual([
			[groupLabel('companySize', 'S'), 5, 12, 'too few reports'],
			[groupLabel('companySize', 'M'), 40, 40, 'ok'],
			[groupLabel('companySize', 'L'), 15, 20, 'low confidence']
		]);
		const [s, md, l] = m.table.rows;
		expect(s).toMatchObject({ aiMedian: null, mlMedian: median(seq(80_000, 12)), gapPct: null, lo: null, hi: null });
		for (const [row, g] of [
			[md!, groups[1]!],
			[l!, groups[2]!]
		] as const) {
			expect(row.aiMedian).toBe(g.families.AI.median!.median);
			expect(row.mlMedian).toBe(g.families.ML.median!.median);
			expect([row.gapPct, row.lo, row.hi]).toEqual([
				g.gap.estimate!.gapPct,
				g.gap.estimate!.gapPctInterval!.lower,
				g.gap.estimate!.gapPctInterval!.upper
			]);
			expect(row.lo as number).toBeLessThan(row.gapPct as number);
			expect(row.hi as number).toBeGreaterThan(row.gapPct as number);
		}
		// a gap without a percent interval (a non-positive ML bound) has no bounds in the table either
		const g = groups[1]!;
		const noPct = { ...g, gap: { ...g.gap, estimate: { ...g.gap.estimate!, gapPctInterval: null } } };
		expect(segmentModel('companySize', [noPct]).table.rows[0]).toMatchObject({ gapPct: g.gap.estimate!.gapPct, lo: null, hi: null });
		expect(md!.aiMedian).toBe(median(seq(150_000, 40)));
		// the gap columns are percent changes, the medians dollars
		expect(m.table.columns.filter((c) => c.format === 'money').map((c) => c.key)).toEqual(['aiMedian', 'mlMedian']);
		expect(m.table.columns.filter((c) => c.format === 'pctSigned').map((c) => c.key)).toEqual(['gapPct', 'lo', 'hi']);
	});

	it("each segment's download is the summary grouped by the same dimension", () => {
		expect.hasAssertions();
		for (const dim of SEGMENT_DIMENSIONS) {
			const m = segmentModel(dim, []);
			expect(m.by).not.toBe('none');
			expect(BY_DIMENSION[m.by as Exclude<typeof m.by, 'none'>]).toBe(dim);
			expect(m.table.columns[0]!.label).toBe(DIMENSION_LABEL[dim]);
		}
	});
});

describe('payView', () => {
	it('passes the scale and salary through, and places the salary in each family', () => {
		expect.hasAssertions();
		const m = payView(data, { filters: DEFAULT_FILTERS, scale: 'log', salary: 130_000 });
		const s = computeStats(data.prepared, DEFAULT_FILTERS, { cpi: data.annualCpi, salary: 130_000 });
		expect([m.scale, m.salary]).toEqual(['log', 130_000]);
		expect(m.position).toEqual(s.position);
		expect(m.position).not.toBeNull();
		expect(m.pay).toEqual(s.pay);
		expect(m.counts).toEqual(s.counts);
		expect(payView(data, { filters: DEFAULT_FILTERS, scale: 'linear', salary: null }).position).toBeNull();
	});

	it('one distribution group per family: its label, colour, n, quantiles and up to DOTS_PER_FAMILY dots', () => {
		expect.hasAssertions();
		const m = payView(data, { filters: DEFAULT_FILTERS, scale: 'linear', salary: null });
		const s = computeStats(data.prepared, DEFAULT_FILTERS, { cpi: data.annualCpi, sample: DOTS_PER_FAMILY });
		expect(m.groups.map((g) => [g.id, g.label, g.color, g.n])).toEqual([
			['AI', `${FAMILY_LABEL.AI} family`, FAMILY_COLOR.AI, 60],
			['ML', `${FAMILY_LABEL.ML} family`, FAMILY_COLOR.ML, 72]
		]);
		for (const g of m.groups) {
			const q = s.families[g.id as 'AI' | 'ML'].quantiles!;
			expect(g.q).toEqual({ p10: q.p10, p25: q.p25, p50: q.median, p75: q.p75, p90: q.p90 });
			expect(g.points).toEqual(s.samples![g.id as 'AI' | 'ML']);
			expect(g.points).toHaveLength(g.n);
		}
		// a suppressed family has no quantiles to draw
		const small = payView(data, { filters: { ...DEFAULT_FILTERS, size: ['S'] }, scale: 'linear', salary: null });
		expect(small.groups.map((g) => [g.n, g.q === null])).toEqual([
			[5, true],
			[12, false]
		]);
	});

	it('the distribution table: family in words, n, and the five quantiles in dollars', () => {
		expect.hasAssertions();
		const m = payView(data, { filters: { ...DEFAULT_FILTERS, size: ['S'] }, scale: 'linear', salary: null });
		expectWellFormedTable(m.distTable);
		expect(m.distTable.columns.map((c) => [c.key, c.format ?? 'count'])).toEqual([
			['family', 'count'],
			['n', 'count'],
			['p10', 'money'],
			['p25', 'money'],
			['median', 'money'],
			['p75', 'money'],
			['p90', 'money']
		]);
		const ml = seq(80_000, 12);
		expect(m.distTable.rows).toEqual([
			{ family: 'AI Engineer', n: 5, p10: null, p25: null, median: null, p75: null, p90: null },
			{
				family: 'ML Engineer',
				n: 12,
				p10: m.groups[1]!.q!.p10,
				p25: m.groups[1]!.q!.p25,
				median: median(ml),
				p75: m.groups[1]!.q!.p75,
				p90: m.groups[1]!.q!.p90
			}
		]);
		expect(m.groups[1]!.q!.p10).toBeLessThan(m.groups[1]!.q!.p25);
	});

	it('one segment per segment dimension, each from statistics grouped by it under the same filters', () => {
		expect.hasAssertions();
		const filters = { ...DEFAULT_FILTERS, exp: ['SE' as const, 'MI' as const] };
		const m = payView(data, { filters, scale: 'linear', salary: null });
		expect(m.segments.map((s) => s.dim)).toEqual([...SEGMENT_DIMENSIONS]);
		for (const s of m.segments)
			expect(s).toEqual(segmentModel(s.dim, computeStats(data.prepared, filters, { groupBy: s.dim }).groups!.groups));
		const bySize = m.segments.find((s) => s.dim === 'companySize')!;
		expect(bySize.table.rows.map((r) => r.aiN)).toEqual([5, 40, 15]);
	});
});
