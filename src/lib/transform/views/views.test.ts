import { median } from 'd3-array';
import { describe, expect, it } from 'vitest';
import type { SalaryRow } from '$lib/data/types';
import { DEFAULT_FILTERS } from '../filters';
import { annualCpi } from '../stats/real-pay';
import { cpiYear, familyRow, shuffled } from '../stats/testing/rows';
import { computeView } from '../stats/view';
import { sizeShares, sectorByMonth, shareMarkets } from './demand';
import { DIMENSION_LABEL, gapRows, groupLabel, SEGMENT_DIMENSIONS } from './pay';
import { defaultGrowthSpan, trendsModel } from './trends';

const seq = (start: number, n: number, step = 1000) => Array.from({ length: n }, (_, i) => start + step * i);
const cpi = annualCpi([...cpiYear(2022, 290), ...cpiYear(2023, 300), ...cpiYear(2024, 310)]);

// AI: 2022 12 rows (low), 2023 5 (suppressed), 2024 35 (ok); ML: 2022 30, 2023 15, 2024 40.
const plan = { AI: { 2022: 12, 2023: 5, 2024: 35 }, ML: { 2022: 30, 2023: 15, 2024: 40 } } as const;
const values = (family: 'AI' | 'ML', year: 2022 | 2023 | 2024) => seq(family === 'AI' ? 110_000 : 100_000, plan[family][year], 1500 + year);
const rows: SalaryRow[] = shuffled(
	(['AI', 'ML'] as const).flatMap((family) =>
		([2022, 2023, 2024] as const).flatMap((year) =>
			values(family, year).map((salaryUsd) => familyRow(family, { workYear: year, salaryUsd }))
		)
	),
	4
);

// Built inside each test, not at collection time: a mutation run changes the code per test.
const yearView = () => computeView(rows, DEFAULT_FILTERS, { cpi, groupBy: 'workYear' });

describe('trendsModel', () => {
	it('refuses a view not grouped by work year', () => {
		expect.hasAssertions();
		expect(() => trendsModel(computeView(rows, DEFAULT_FILTERS, { cpi, groupBy: 'region' }))).toThrow(/grouped by workYear/);
		expect(() => trendsModel(computeView(rows, DEFAULT_FILTERS, { cpi }))).toThrow(/grouped by workYear/);
	});

	it('medians per family and year with n and a note on weak years', () => {
		expect.hasAssertions();
		const model = trendsModel(yearView());
		expect(model.years).toEqual([2022, 2023, 2024]);
		const ai = model.medians.find((s) => s.id === 'AI')!;
		const ml = model.medians.find((s) => s.id === 'ML')!;
		expect([ai.label, ml.label]).toEqual(['AI Engineer family', 'ML Engineer family']);
		expect([ai.color, ml.color]).toEqual(['var(--ai)', 'var(--ml)']);
		expect(ai.points.map((p) => p.y)).toEqual([median(values('AI', 2022)), null, median(values('AI', 2024))]);
		expect(ml.points.map((p) => p.y)).toEqual([2022, 2023, 2024].map((y) => median(values('ML', y as 2022))));
		expect(ai.points.map((p) => p.n)).toEqual([12, 5, 35]);
		expect(ai.points.map((p) => p.note)).toEqual(['low confidence', 'too few reports', undefined]);
		expect(ml.points.map((p) => p.note)).toEqual([undefined, 'low confidence', undefined]);
		expect(ai.points[1]).toMatchObject({ x: 2023, lo: null, hi: null });
		for (const p of [...ai.points, ...ml.points].filter((q) => q.y !== null)) {
			expect(p.lo!).toBeLessThanOrEqual(p.y!);
			expect(p.hi!).toBeGreaterThanOrEqual(p.y!);
		}
	});

	it('counts and the AI share per year', () => {
		expect.hasAssertions();
		const view = yearView();
		const model = trendsModel(view);
		expect(model.counts.categories).toEqual(['2022', '2023', '2024']);
		expect(model.counts.series.map((s) => [s.id, s.values])).toEqual([
			['AI', [12, 5, 35]],
			['ML', [30, 15, 40]]
		]);
		const share = model.aiShare[0]!;
		expect(share.points.map((p) => p.n)).toEqual([42, 20, 75]);
		expect(share.points.map((p) => p.y)).toEqual([(100 * 12) / 42, (100 * 5) / 20, (100 * 35) / 75]);
		expect(model.cagr).toBe(view.growth.families);
	});

	it('one table row per year and family; the change of the median follows the pay basis', () => {
		expect.hasAssertions();
		const t = trendsModel(yearView()).table;
		expect(t.columns.map((c) => c.key)).toEqual(['year', 'family', 'n', 'median', 'lo', 'hi', 'share', 'yoyCount', 'yoyMedian']);
		expect(t.rows.map((r) => [r.year, r.family, r.n])).toEqual([
			['2022', 'AI Engineer', 12],
			['2022', 'ML Engineer', 30],
			['2023', 'AI Engineer', 5],
			['2023', 'ML Engineer', 15],
			['2024', 'AI Engineer', 35],
			['2024', 'ML Engineer', 40]
		]);
		expect(t.rows[2]).toMatchObject({ median: null, lo: null, hi: null, yoyMedian: null });
		const ml24 = t.rows[5]!;
		expect(ml24.median).toBe(median(values('ML', 2024)));
		expect(ml24.yoyMedian).toBeCloseTo(100 * (median(values('ML', 2024))! / median(values('ML', 2023))! - 1), 10);
		expect(ml24.yoyCount).toBeCloseTo(100 * (40 / 15 - 1), 10);
		expect(ml24.share).toBeCloseTo((100 * 40) / 75, 10);
		const real = trendsModel(computeView(rows, { ...DEFAULT_FILTERS, real: true }, { cpi, groupBy: 'workYear' }));
		const g = computeView(rows, { ...DEFAULT_FILTERS, real: true }, { cpi, groupBy: 'workYear' }).growth.families.ML.points[2]!;
		expect(real.table.rows[5]!.yoyMedian).toBe(g.yoy.medianRealPct);
		expect(g.yoy.medianRealPct).not.toBe(g.yoy.medianPct);
	});
});

describe('trendsModel: labels and empty years', () => {
	it('every table column and series is labelled, with the unit where it has one', () => {
		expect.hasAssertions();
		const model = trendsModel(yearView());
		expect(model.table.columns.map((c) => [c.key, c.label, c.align ?? 'right'])).toEqual([
			['year', 'Year', 'left'],
			['family', 'Family', 'left'],
			['n', 'Reports', 'right'],
			['median', 'Median (US$)', 'right'],
			['lo', '95% low', 'right'],
			['hi', '95% high', 'right'],
			['share', 'Share of AI+ML', 'right'],
			['yoyCount', 'Reports vs prior year', 'right'],
			['yoyMedian', 'Median vs prior year', 'right']
		]);
		expect(model.counts.series.map((s) => [s.label, s.color])).toEqual([
			['AI Engineer family', 'var(--ai)'],
			['ML Engineer family', 'var(--ml)']
		]);
		expect(model.aiShare.map((s) => [s.id, s.label])).toEqual([['AI-share', 'AI family share of AI + ML reports']]);
	});

	it('a year with no reports at all shows no median, n = 0 and a note', () => {
		expect.hasAssertions();
		const gappy = rows.filter((r) => r.workYear !== 2023);
		const model = trendsModel(computeView(gappy, DEFAULT_FILTERS, { cpi, groupBy: 'workYear' }));
		expect(model.years).toEqual([2022, 2023, 2024]);
		for (const series of model.medians)
			expect(series.points[1]).toMatchObject({ x: 2023, y: null, lo: null, hi: null, n: 0, note: 'too few reports' });
		expect(model.table.rows.filter((r) => r.year === '2023').map((r) => [r.n, r.median, r.lo, r.hi])).toEqual([
			[0, null, null, null],
			[0, null, null, null]
		]);
	});
});

describe('defaultGrowthSpan', () => {
	it('the widest run of years where both families have a median, without the partial year', () => {
		expect.hasAssertions();
		const view = yearView();
		expect(defaultGrowthSpan(view, null)).toEqual({ fromYear: 2022, toYear: 2024 });
		expect(defaultGrowthSpan(view, 2024)).toBeNull(); // 2023 has no AI median, so only 2022 is left
		expect(defaultGrowthSpan(view, 2022)).toBeNull();
		// the same with the families' roles swapped: a suppressed ML year breaks the run too
		const swapped = rows.map((r) =>
			familyRow(r.jobTitle === 'AI Engineer' ? 'ML' : 'AI', { workYear: r.workYear, salaryUsd: r.salaryUsd })
		);
		const swappedView = computeView(swapped, DEFAULT_FILTERS, { cpi, groupBy: 'workYear' });
		expect(defaultGrowthSpan(swappedView, null)).toEqual({ fromYear: 2022, toYear: 2024 });
		expect(defaultGrowthSpan(swappedView, 2024)).toBeNull();
		const onlyMl = computeView(
			rows.filter((r) => r.jobTitle !== 'AI Engineer'),
			DEFAULT_FILTERS,
			{ cpi, groupBy: 'workYear' }
		);
		expect(defaultGrowthSpan(onlyMl, null)).toBeNull();
	});
});

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
		const view = computeView(rows, DEFAULT_FILTERS, { groupBy: 'workYear' });
		const out = gapRows('workYear', view.groups!.groups);
		expect(out.map((r) => [r.label, r.status, r.detail])).toEqual([
			['2022', 'low', 'AI n = 12 · ML n = 30'],
			['2023', 'suppressed', 'AI n = 5 · ML n = 15'],
			['2024', 'ok', 'AI n = 35 · ML n = 40']
		]);
		expect(out[1]).toMatchObject({ value: null, lo: null, hi: null });
		const e = view.groups!.groups[2]!.gap.estimate!;
		expect(out[2]).toMatchObject({ value: e.gapPct, lo: e.gapPctInterval!.lower, hi: e.gapPctInterval!.upper });
		expect(out[2]!.value).toBeCloseTo(100 * (median(values('AI', 2024))! / median(values('ML', 2024))! - 1), 10);
	});

	it('a gap without a percent interval has no bounds (null, not a crash)', () => {
		expect.hasAssertions();
		const view = computeView(rows, DEFAULT_FILTERS, { groupBy: 'workYear' });
		const g = view.groups!.groups[2]!;
		const noPct = { ...g, gap: { ...g.gap, estimate: { ...g.gap.estimate!, gapPctInterval: null } } };
		expect(gapRows('workYear', [noPct])[0]).toMatchObject({ value: g.gap.estimate!.gapPct, lo: null, hi: null });
	});
});

describe('demand view models', () => {
	it('markets A–Z, once each', () => {
		expect.hasAssertions();
		const share = (country: string) => ({ date: '2024-01-01', country, sharePct: 1 });
		expect(shareMarkets([share('US'), share('DE'), share('US'), share('AU')])).toEqual(['AU', 'DE', 'US']);
	});

	it('sector months: one country, one sector, total postings only', () => {
		expect.hasAssertions();
		const r = (date: string, country: string, sector: string, variable: 'total postings' | 'new postings', index: number) => ({
			date,
			country,
			sector,
			variable,
			index
		});
		const rows = [
			r('2024-01-01', 'US', 'Software', 'total postings', 100),
			r('2024-01-15', 'US', 'Software', 'total postings', 110),
			r('2024-01-15', 'US', 'Software', 'new postings', 999),
			r('2024-01-15', 'GB', 'Software', 'total postings', 999),
			r('2024-01-15', 'US', 'Nursing', 'total postings', 999)
		];
		expect(sectorByMonth(rows, 'US', 'Software')).toEqual([{ month: '2024-01-01', value: 105, days: 2 }]);
	});

	it('size shares per year and family; null share without reports; views must be grouped by size', () => {
		expect.hasAssertions();
		const sized = [
			...seq(100_000, 6).map((v) => familyRow('AI', { workYear: 2024, companySize: 'S', salaryUsd: v })),
			...seq(100_000, 2).map((v) => familyRow('AI', { workYear: 2024, companySize: 'L', salaryUsd: v })),
			...seq(100_000, 3).map((v) => familyRow('ML', { workYear: 2024, companySize: 'M', salaryUsd: v }))
		];
		const view = computeView(sized, DEFAULT_FILTERS, { groupBy: 'companySize' });
		const empty = computeView([], DEFAULT_FILTERS, { groupBy: 'companySize' });
		const out = sizeShares([
			{ year: 2024, view },
			{ year: 2025, view: empty }
		]);
		expect(out.map((s) => [s.year, s.family, s.total])).toEqual([
			[2024, 'AI', 8],
			[2024, 'ML', 3],
			[2025, 'AI', 0],
			[2025, 'ML', 0]
		]);
		expect(out[0]!.bySize).toEqual({ S: { n: 6, sharePct: 75 }, M: { n: 0, sharePct: 0 }, L: { n: 2, sharePct: 25 } });
		expect(out[1]!.bySize.M).toEqual({ n: 3, sharePct: 100 });
		expect(out[2]!.bySize.S).toEqual({ n: 0, sharePct: null });
		expect(() => sizeShares([{ year: 2024, view: computeView(sized, DEFAULT_FILTERS, {}) }])).toThrow(/grouped by companySize/);
	});
});
