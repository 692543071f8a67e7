/**
 * The trends model on rows with known medians (views/testing/year-rows.ts): values, labels,
 * notes on weak years, and the default growth span; views.test.ts checks trendsView on a Dataset.
 */
import { median } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import type { Stats } from '$lib/transform/stats/types';
import { familyRow } from '$lib/transform/stats/testing/rows';
import { expectWellFormedTable } from './testing/tables';
import { cpi, datasetOf, rows, values } from './testing/year-rows';
import { defaultGrowthSpanOf } from '$lib/transform/stats/growth';
import { trendsModel, trendsView } from './trends';

// Issue 10 replaced views/trends `defaultGrowthSpan(view, partialYear)` with stats/growth
// `defaultGrowthSpanOf(growth, partialYear)`; the properties below are the same.
const defaultGrowthSpan = (view: Stats, partialYear: number | null) => defaultGrowthSpanOf(view.growth, partialYear);

// Built inside each test, not at collection time: a mutation run changes the code per test.
const yearView = () => computeStats(rows, DEFAULT_FILTERS, { cpi, groupBy: 'workYear' });

describe('trendsModel', () => {
	it('refuses a view not grouped by work year', () => {
		expect.hasAssertions();
		expect(() => trendsModel(computeStats(rows, DEFAULT_FILTERS, { cpi, groupBy: 'region' }))).toThrow(/grouped by workYear/);
		expect(() => trendsModel(computeStats(rows, DEFAULT_FILTERS, { cpi }))).toThrow(/grouped by workYear/);
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

	it('the AI share carries a 95% Wilson interval on its n and the small-sample verdict', () => {
		expect.hasAssertions();
		const view = yearView();
		const model = trendsModel(view);
		const share = model.aiShare[0]!;
		// No repeated rows in these fixtures: effective n = n, so the interval is Wilson's on the year's total.
		for (const fam of ['AI', 'ML'] as const) for (const p of view.growth.families[fam].points) expect(p.effectiveN).toBe(p.n);
		const z = 1.959963984540054;
		const wilson = (k: number, n: number) => {
			const p = k / n;
			const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
			const h = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
			return [100 * (c - h), 100 * (c + h)];
		};
		[
			[12, 42],
			[5, 20],
			[35, 75]
		].forEach(([k, n], i) => {
			const [lo, hi] = wilson(k!, n!);
			expect(share.points[i]!.lo).toBeCloseTo(lo!, 8);
			expect(share.points[i]!.hi).toBeCloseTo(hi!, 8);
		});
		// shares of 42, 20 and 75 reports: 20 is low confidence (10–29), the others ok
		expect(share.points.map((p) => p.support)).toEqual(['ok', 'low', 'ok']);
		const t = model.table.rows;
		expect(t[0]!.shareLo).toBeCloseTo(wilson(12, 42)[0]!, 8);
		expect(t[1]!.shareLo).toBeNull();
		// the median points and count bars carry the same verdicts as their notes
		expect(model.medians.find((s) => s.id === 'AI')!.points.map((p) => p.support)).toEqual(['low', 'suppressed', 'ok']);
		expect(model.counts.series.map((s) => s.support)).toEqual([
			['low', 'low', 'ok'],
			['ok', 'low', 'ok']
		]);
	});

	it('one table row per year and family; the change of the median follows the pay basis', () => {
		expect.hasAssertions();
		const t = trendsModel(yearView()).table;
		// issue 10 added the 'note' column (the evidence and flags of each row)
		// issue 10 added the share's 95% interval (AI rows only)
		expect(t.columns.map((c) => c.key)).toEqual([
			'year',
			'family',
			'n',
			'median',
			'lo',
			'hi',
			'share',
			'shareLo',
			'shareHi',
			'yoyCount',
			'yoyMedian',
			'note'
		]);
		expect(t.rows.map((r) => [r.year, r.family, r.n])).toEqual([
			['2022', 'AI Engineer', 12],
			['2022', 'ML Engineer', 30],
			['2023', 'AI Engineer', 5],
			['2023', 'ML Engineer', 15],
			['2024', 'AI Engineer', 35],
			['2024', 'ML Engineer', 40]
		]);
		expect(t.rows[2]).toMatchObject({ median: null, lo: null, hi: null, yoyMedian: null });
		// notes by hand: n 12 and 15 are low (10–29), 5 is suppressed, 30 and 40 are ok; 2024's
		// change vs 2023 crosses the source shift (SOURCE_SHIFT_YEAR 2024)
		expect(t.rows.map((r) => r.note)).toEqual([
			'low confidence',
			'',
			'too few reports',
			'low confidence',
			'change vs prior year crosses the source shift',
			'change vs prior year crosses the source shift'
		]);
		const ml24 = t.rows[5]!;
		expect(ml24.median).toBe(median(values('ML', 2024)));
		expect(ml24.yoyMedian).toBeCloseTo(100 * (median(values('ML', 2024))! / median(values('ML', 2023))! - 1), 10);
		expect(ml24.yoyCount).toBeCloseTo(100 * (40 / 15 - 1), 10);
		expect(ml24.share).toBeCloseTo((100 * 40) / 75, 10);
		const real = trendsModel(computeStats(rows, { ...DEFAULT_FILTERS, real: true }, { cpi, groupBy: 'workYear' }));
		const g = computeStats(rows, { ...DEFAULT_FILTERS, real: true }, { cpi, groupBy: 'workYear' }).growth.families.ML.points[2]!;
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
			['shareLo', 'AI share 95% low', 'right'],
			['shareHi', 'AI share 95% high', 'right'],
			['yoyCount', 'Reports vs prior year', 'right'],
			['yoyMedian', 'Median vs prior year', 'right'],
			['note', 'Note', 'left']
		]);
		expect(model.counts.series.map((s) => [s.label, s.color])).toEqual([
			['AI Engineer family', 'var(--ai)'],
			['ML Engineer family', 'var(--ml)']
		]);
		expect(model.aiShare.map((s) => [s.id, s.label])).toEqual([['AI-share', 'AI family share of AI + ML reports']]);
	});

	it('says whether the median and share charts have anything to draw', () => {
		expect.hasAssertions();
		expect(trendsModel(yearView()).drawable).toEqual({ medians: true, share: true });
		// three reports: no median (10 needed per family and year) and no share (10 per year)
		const few = trendsModel(computeStats(rows.slice(0, 3), DEFAULT_FILTERS, { cpi, groupBy: 'workYear' }));
		expect(few.years.length).toBeGreaterThan(0);
		expect(few.drawable).toEqual({ medians: false, share: false });
	});

	it('a year with no reports at all shows no median, n = 0 and a note', () => {
		expect.hasAssertions();
		const gappy = rows.filter((r) => r.workYear !== 2023);
		const model = trendsModel(computeStats(gappy, DEFAULT_FILTERS, { cpi, groupBy: 'workYear' }));
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
		const swappedView = computeStats(swapped, DEFAULT_FILTERS, { cpi, groupBy: 'workYear' });
		expect(defaultGrowthSpan(swappedView, null)).toEqual({ fromYear: 2022, toYear: 2024 });
		expect(defaultGrowthSpan(swappedView, 2024)).toBeNull();
		const onlyMl = computeStats(
			rows.filter((r) => r.jobTitle !== 'AI Engineer'),
			DEFAULT_FILTERS,
			{ cpi, groupBy: 'workYear' }
		);
		expect(defaultGrowthSpan(onlyMl, null)).toBeNull();
	});
});

describe('trendsView', () => {
	const full = datasetOf(rows); // cut on 31 December: no partial year
	const partial = datasetOf(rows, { dataVersion: '2024-06-30' });
	const spanOf = (data: typeof full, gfrom: number | null, gto: number | null) =>
		trendsView(data, { filters: DEFAULT_FILTERS, gfrom, gto }).span;

	it('the partial year comes from the data version', () => {
		expect.hasAssertions();
		expect(trendsView(full, { filters: DEFAULT_FILTERS, gfrom: null, gto: null }).partialYear).toBeNull();
		expect(trendsView(partial, { filters: DEFAULT_FILTERS, gfrom: null, gto: null }).partialYear).toBe(2024);
	});

	it('the asked span when both years are in the data, in order; a missing end falls back to the default', () => {
		expect.hasAssertions();
		expect(spanOf(full, null, null)).toEqual({ fromYear: 2022, toYear: 2024 });
		expect(spanOf(full, 2023, null)).toEqual({ fromYear: 2023, toYear: 2024 });
		expect(spanOf(full, null, 2023)).toEqual({ fromYear: 2022, toYear: 2023 });
		expect(spanOf(full, 2024, 2022)).toEqual({ fromYear: 2022, toYear: 2024 });
		expect(spanOf(full, 2019, 2030)).toEqual({ fromYear: 2022, toYear: 2024 });
		// Without the partial year no default exists (2023 has no AI median): only a full request gives a span.
		expect(spanOf(partial, null, null)).toBeNull();
		expect(spanOf(partial, 2022, null)).toBeNull();
		expect(spanOf(partial, null, 2024)).toBeNull();
		expect(spanOf(partial, 2022, 2024)).toEqual({ fromYear: 2022, toYear: 2024 });
	});

	it('growth, pay basis and model come from statistics over the chosen span', () => {
		expect.hasAssertions();
		const filters = { ...DEFAULT_FILTERS, real: true };
		const page = trendsView(full, { filters, gfrom: 2023, gto: 2024 });
		const stats = computeStats(full.prepared, filters, {
			cpi: full.annualCpi,
			groupBy: 'workYear',
			span: { fromYear: 2023, toYear: 2024 }
		});
		const { pay, partialYear: _p, span: _s, estimated, ...model } = page;
		expect(estimated).toEqual([]);
		expect(pay).toEqual(stats.pay);
		expect(pay.basis).toBe('real');
		expect(model).toEqual(trendsModel(stats));
		expect(page.cagr.ML.cagr?.fromYear).toBe(2023);
		expect(trendsView(full, { filters, gfrom: null, gto: null }).cagr.ML.cagr?.fromYear).toBe(2022);
		const none = trendsView(partial, { filters, gfrom: null, gto: null });
		// issue 10: the default span leaves out the partial year (2024 for a 2024-06-30 snapshot),
		// so the statistics it equals are those told about that partial year
		expect(none.cagr).toEqual(
			computeStats(partial.prepared, filters, { cpi: partial.annualCpi, groupBy: 'workYear', partialYear: 2024 }).growth.families
		);
		expect(none.cagr.AI.cagr).toMatchObject({ fromYear: 2022, toYear: 2023, countReason: 'endpoint-suppressed' });
	});

	it('its table is well formed and the medians are in dollars', () => {
		expect.hasAssertions();
		const t = trendsView(full, { filters: DEFAULT_FILTERS, gfrom: null, gto: null }).table;
		expectWellFormedTable(t);
		expect(t.columns.filter((c) => c.format === 'money').map((c) => c.key)).toEqual(['median', 'lo', 'hi']);
		expect(t.columns.filter((c) => c.format === 'pctSigned').map((c) => c.key)).toEqual(['yoyCount', 'yoyMedian']);
	});
});

describe('estimated work years (2021e)', () => {
	// 2021: 3 AI estimated (2 of them identical), 1 AI exact, 2 ML estimated, one in DE; a Prompt
	// Engineer (family mode only) estimated; a Data Scientist (neither family) estimated; 2022 exact.
	const est = (jobTitle: string, over: Parameters<typeof familyRow>[1] = {}) =>
		familyRow('AI', { jobTitle, workYear: 2021, workYearEstimated: true, ...over });
	const data = () =>
		datasetOf([
			est('AI Engineer', { salaryUsd: 120_000 }),
			est('AI Engineer', { salaryUsd: 120_000 }),
			est('AI Engineer', { salaryUsd: 130_000 }),
			familyRow('AI', { workYear: 2021, salaryUsd: 125_000 }),
			est('Machine Learning Engineer', { salaryUsd: 110_000 }),
			est('Machine Learning Engineer', { salaryUsd: 111_000, companyLocation: 'DE' }),
			est('Prompt Engineer', { salaryUsd: 90_000 }),
			est('Data Scientist', { salaryUsd: 80_000 }),
			familyRow('ML', { workYear: 2022, salaryUsd: 140_000 }),
			// 2020: 30 ML reports, all estimated, in the UK (enough for a median: no other note).
			...Array.from({ length: 30 }, (_, i) =>
				est('Machine Learning Engineer', { workYear: 2020, salaryUsd: 100_000 + 1000 * i, companyLocation: 'GB' })
			)
		]);
	const q = (filters = DEFAULT_FILTERS) => trendsView(data(), { filters, gfrom: null, gto: null });

	it('counts them per year and family under the filters, the title mode and dedupe', () => {
		expect.hasAssertions();
		const y2020 = { year: 2020, ai: 0, ml: 30 };
		expect(q().estimated).toEqual([y2020, { year: 2021, ai: 4, ml: 2 }]);
		expect(q({ ...DEFAULT_FILTERS, titles: 'strict' }).estimated).toEqual([y2020, { year: 2021, ai: 3, ml: 2 }]);
		expect(q({ ...DEFAULT_FILTERS, dedupe: true }).estimated).toEqual([y2020, { year: 2021, ai: 3, ml: 2 }]);
		expect(q({ ...DEFAULT_FILTERS, country: ['DE'] }).estimated).toEqual([{ year: 2021, ai: 0, ml: 1 }]);
		expect(q({ ...DEFAULT_FILTERS, from: 2022 }).estimated).toEqual([]);
	});

	it('marks them in the table notes of their year and family only', () => {
		expect.hasAssertions();
		const notes = Object.fromEntries(q().table.rows.map((r) => [`${String(r.year)} ${String(r.family)}`, String(r.note)]));
		expect(notes['2021 AI Engineer']).toBe('too few reports; 4 with an estimated year (2021e)');
		expect(notes['2021 ML Engineer']).toBe('too few reports; 2 with an estimated year (2021e)');
		expect(notes['2020 ML Engineer']).toBe('30 with an estimated year (2020e)');
		expect(notes['2020 AI Engineer']).toBe('too few reports');
		expect(notes['2022 ML Engineer']).not.toContain('estimated');
		expect(notes['2022 AI Engineer']).not.toContain('estimated');
	});

	it('is empty, with the table untouched, when no row has an estimated year (the built-in data today)', () => {
		expect.hasAssertions();
		const plain = datasetOf(rows);
		const v = trendsView(plain, { filters: DEFAULT_FILTERS, gfrom: null, gto: null });
		expect(v.estimated).toEqual([]);
		expect(v.table).toEqual(
			trendsModel(
				computeStats(plain.prepared, DEFAULT_FILTERS, {
					cpi: plain.annualCpi,
					groupBy: 'workYear',
					partialYear: null,
					sourceShiftYear: plain.sourceShiftYear
				})
			).table
		);
	});
});
