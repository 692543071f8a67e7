import { median } from 'd3-array';
import { describe, expect, it } from 'vitest';
import type { FamilyRow } from '../filters';
import { cagrPct, crossesSourceShift, defaultGrowthSpanOf, growthByYear, growthFromSortedByYear, logRatioPctInterval } from './growth';
import { SOURCE_SHIFT_YEAR } from './constants';
import { annualCpi } from './real-pay';
import { cpiYear, familyRow, frozen, shuffled } from './testing/rows';

const seq = (start: number, n: number, step = 1000) => Array.from({ length: n }, (_, i) => start + step * i);

// Expected values from plain Python (testing/expected-values.py, "growth").
function fixture(): FamilyRow[] {
	const rows: FamilyRow[] = [];
	const add = (family: 'AI' | 'ML', year: number, values: number[]) => {
		for (const v of values) rows.push(familyRow(family, { workYear: year, salaryUsd: v }));
	};
	add('AI', 2022, seq(100_000, 5));
	add('AI', 2023, seq(100_000, 10));
	add('AI', 2024, seq(120_000, 20));
	add('ML', 2022, seq(90_000, 20));
	add('ML', 2023, seq(100_000, 30));
	add('ML', 2024, seq(110_000, 30));
	return rows.reverse(); // any order
}
const cpi = annualCpi([...cpiYear(2022, 290), ...cpiYear(2023, 300), ...cpiYear(2024, 310), ...cpiYear(2025, 320, 11)]);

describe('growth by year', () => {
	it('counts, shares, medians nominal and real', () => {
		expect.hasAssertions();
		const rows = frozen(fixture());
		const g = growthByYear(rows, { cpi });
		expect(g.years).toEqual([2022, 2023, 2024]);
		expect(g.totals).toEqual([25, 40, 50]);
		expect(g.baseYear).toBe(2024); // 2025 has 11 months: not a full year
		const ai = g.families.AI.points;
		const ml = g.families.ML.points;
		expect(ai.map((p) => p.n)).toEqual([5, 10, 20]);
		expect(ai.map((p) => p.sharePct)).toEqual([20, 25, 40]);
		expect(ml.map((p) => p.sharePct)).toEqual([80, 75, 60]);
		expect(ai.map((p) => p.median)).toEqual([null, 104_500, 129_500]); // 2022: 5 rows, suppressed
		expect(ai[1]!.medianReal).toBeCloseTo(107_983.33333333333, 6);
		expect(ml.map((p) => p.median)).toEqual([99_500, 114_500, 124_500]);
		expect(ml[0]!.medianReal).toBeCloseTo(106_362.06896551725, 6);
		expect(ml[2]!.medianReal).toBe(124_500);
	});

	it('year-over-year changes', () => {
		expect.hasAssertions();
		const g = growthByYear(fixture(), { cpi });
		const ai = g.families.AI.points;
		const ml = g.families.ML.points;
		expect(ai[0]!.yoy).toMatchObject({ countPct: null, sharePp: null, medianPct: null, medianRealPct: null, support: null });
		// 2022 has 5 AI reports (below SUPPRESS_BELOW): no count change from it (support.ts), though the share is fine (25 reports).
		expect(ai[1]!.yoy.countPct).toBeNull();
		expect(ai[1]!.yoy.support).toBe('suppressed');
		expect(ai[1]!.yoy.sharePp).toBeCloseTo(5, 12);
		expect(ai[1]!.yoy.medianPct).toBeNull(); // previous year suppressed
		expect(ai[2]!.yoy.medianPct).toBeCloseTo(23.923444976076546, 10);
		expect(ai[2]!.yoy.sharePp).toBeCloseTo(15, 12);
		expect(ml[1]!.yoy.medianPct).toBeCloseTo(15.07537688442211, 10);
		expect(ml[1]!.yoy.medianRealPct).toBeCloseTo(11.239530988274705, 10);
	});

	it('CAGR over the default span and a chosen one', () => {
		expect.hasAssertions();
		const g = growthByYear(fixture(), { cpi });
		expect(g.span).toEqual({ fromYear: 2022, toYear: 2024 });
		const ml = g.families.ML.cagr!;
		expect(ml.medianPct).toBeCloseTo(11.859567378344305, 10);
		expect(ml.medianRealPct).toBeCloseTo(8.191037970034998, 10);
		expect(ml.countPct).toBeCloseTo(22.474487139158896, 10);
		expect(ml.sharePpChange).toBeCloseTo(-20, 12);
		const ai = g.families.AI.cagr!;
		// (20 / 5)^(1/2) − 1 would be +100 % a year, from 5 reports: suppressed, with the reason.
		expect(ai.countPct).toBeNull();
		expect(ai.countReason).toBe('endpoint-suppressed');
		expect(ai.medianPct).toBeNull();
		expect(ai.medianReason).toBe('endpoint-suppressed');
		const chosen = growthByYear(fixture(), { cpi, span: { fromYear: 2023, toYear: 2024 } });
		expect(chosen.families.AI.cagr!.medianPct).toBeCloseTo(23.923444976076546, 10);
		expect(growthByYear(fixture(), { span: { fromYear: 2024, toYear: 2024 } }).families.AI.cagr).toBeNull();
	});

	it('without CPI there are no real medians; gaps in years are filled with zero counts', () => {
		expect.hasAssertions();
		const rows = [familyRow('AI', { workYear: 2020 }), familyRow('ML', { workYear: 2022 })];
		const g = growthByYear(rows);
		expect(g.years).toEqual([2020, 2021, 2022]);
		expect(g.totals).toEqual([1, 0, 1]);
		expect(g.families.AI.points[1]).toMatchObject({ n: 0, sharePct: null, medianReal: null });
		// a year with no reports at all has no share, so no share change into or out of it
		expect(g.families.AI.points.map((p) => p.yoy.sharePp)).toEqual([null, null, null]);
		// issue 10: a share needs ≥ SUPPRESS_BELOW (10) AI+ML reports in its year; the totals are
		// 1, 0, 1, so no year has a share (before: 100, null, 0 — shares of a single report)
		expect(g.families.AI.points.map((p) => p.sharePct)).toEqual([null, null, null]);
		// a span ending on that year has no share change either
		expect(growthByYear(rows, { span: { fromYear: 2020, toYear: 2021 } }).families.AI.cagr!.sharePpChange).toBeNull();
		// and a span ending after the data has no values (not an exception)
		expect(growthByYear(rows, { span: { fromYear: 2020, toYear: 2030 } }).families.AI.cagr).toMatchObject({
			countPct: null,
			medianPct: null,
			medianRealPct: null,
			sharePpChange: null
		});
		expect(g.baseYear).toBeNull();
		expect(growthByYear([]).years).toEqual([]);
	});

	it.each([
		[100, 121, 2, 10],
		[100, 100, 5, 0],
		[100, 0, 1, -100],
		[0, 10, 1, null],
		[100, 50, 0, null]
	])('cagrPct(%d, %d, %d) = %s', (a, b, y, r) => {
		expect.hasAssertions();
		if (r === null) expect(cagrPct(a, b, y)).toBeNull();
		else expect(cagrPct(a, b, y)).toBeCloseTo(r, 10);
	});
});

describe('growth with uncertainty, flags and the small-sample rule', () => {
	// Expected intervals from plain Python (testing/expected-values.py, "growth").
	it('median changes carry an interval from the log ratio of medians', () => {
		expect.hasAssertions();
		const g = growthByYear(fixture(), { cpi });
		const ml = g.families.ML;
		expect(ml.points[1]!.yoy.medianPctInterval!.lower).toBeCloseTo(8.187707361170649, 9);
		expect(ml.points[1]!.yoy.medianPctInterval!.upper).toBeCloseTo(22.401543466338047, 9);
		expect(ml.cagr!.medianPctInterval!.lower).toBeCloseTo(8.60290776277095, 9);
		expect(ml.cagr!.medianPctInterval!.upper).toBeCloseTo(15.213883972632036, 9);
		expect(ml.cagr!.medianRealPctInterval!.lower).toBeCloseTo(5.041183269343663, 9);
		expect(ml.cagr!.medianRealPctInterval!.upper).toBeCloseTo(11.435346905976385, 9);
		// Each interval contains its estimate.
		const c = ml.cagr!;
		expect(c.medianPctInterval!.lower).toBeLessThan(c.medianPct!);
		expect(c.medianPctInterval!.upper).toBeGreaterThan(c.medianPct!);
		// 90k, 91k, …, 109k at the levels ½ ∓ 1.96/(2√20)
		expect(ml.points[0]!.medianInterval!.lower).toBeCloseTo(95336.51793226124, 6);
		expect(ml.points[0]!.medianInterval!.upper).toBeCloseTo(103663.48206773876, 6);
	});

	it('every row twice adds no information: effective n stays n and the interval about as wide', () => {
		expect.hasAssertions();
		const twice = [...fixture(), ...fixture()];
		const once = growthByYear(fixture(), { cpi }).families.ML.cagr!;
		const doubled = growthByYear(twice, { cpi }).families.ML;
		expect(doubled.cagr!.medianPct).toBeCloseTo(once.medianPct!, 12);
		expect(doubled.points[0]!.n).toBe(40);
		expect(doubled.points[0]!.effectiveN).toBeCloseTo(20, 9); // 40² / (20 · 2²)
		const width = (i: { lower: number; upper: number }) => i.upper - i.lower;
		const ratio = width(doubled.cagr!.medianPctInterval!) / width(once.medianPctInterval!);
		// Counted as 40 independent reports it would shrink by about 1/√2 ≈ 0.71.
		expect(ratio).toBeGreaterThan(0.9);
		expect(ratio).toBeLessThan(1.1);
	});

	it('flags spans that cross the source shift and years that are partial', () => {
		expect.hasAssertions();
		expect(SOURCE_SHIFT_YEAR).toBe(2024);
		expect(crossesSourceShift(2023, 2024)).toBe(true);
		expect(crossesSourceShift(2024, 2025)).toBe(false);
		expect(crossesSourceShift(2021, 2023)).toBe(false);
		const g = growthByYear(fixture(), { cpi, partialYear: 2024 });
		expect(g.partialYear).toBe(2024);
		// The default span leaves out the partial year.
		expect(g.span).toEqual({ fromYear: 2022, toYear: 2023 });
		expect(g.families.ML.cagr).toMatchObject({ crossesSourceShift: false, includesPartialYear: false });
		expect(g.families.ML.points.map((p) => p.partial)).toEqual([false, false, true]);
		expect(g.families.ML.points[2]!.yoy).toMatchObject({ partial: true, crossesSourceShift: true });
		const chosen = growthByYear(fixture(), { cpi, partialYear: 2024, span: { fromYear: 2023, toYear: 2024 } });
		expect(chosen.families.AI.cagr).toMatchObject({ crossesSourceShift: true, includesPartialYear: true, support: 'low' }); // 10 AI reports in 2023
	});

	it('a span whose end is suppressed or empty gives null with a reason, never −100 %', () => {
		expect.hasAssertions();
		const rows: FamilyRow[] = [];
		for (let i = 0; i < 40; i++) rows.push(familyRow('AI', { workYear: 2020, salaryUsd: 100_000 + i }));
		for (let i = 0; i < 3; i++) rows.push(familyRow('AI', { workYear: 2022, salaryUsd: 100_000 + i }));
		for (let i = 0; i < 12; i++) rows.push(familyRow('ML', { workYear: 2022, salaryUsd: 90_000 + i }));
		const g = growthByYear(rows, { span: { fromYear: 2020, toYear: 2022 } });
		expect(g.families.AI.cagr).toMatchObject({
			countPct: null,
			countReason: 'endpoint-suppressed',
			medianPct: null,
			support: 'suppressed'
		});
		expect(g.families.ML.cagr).toMatchObject({ countPct: null, countReason: 'endpoint-empty', medianReason: 'endpoint-empty' });
		// The 2021 year has no reports at all: its share is not a number, and not 0 %.
		expect(g.families.AI.points[1]).toMatchObject({ n: 0, total: 0, shareSupport: 'suppressed', sharePct: null });
		// 2022: 15 reports, share low-confidence; 2020: 40 reports, ok.
		expect(g.families.AI.points.map((p) => p.shareSupport)).toEqual(['ok', 'suppressed', 'low']);
	});

	it('default span: both families need a median at both ends, the partial year is left out', () => {
		expect.hasAssertions();
		expect(defaultGrowthSpanOf(growthByYear(fixture()))).toEqual({ fromYear: 2023, toYear: 2024 });
		expect(defaultGrowthSpanOf(growthByYear(fixture()), 2024)).toBeNull();
		expect(logRatioPctInterval(1.21, 0, 2)!.lower).toBeCloseTo(10, 12);
		expect(logRatioPctInterval(0, 0.1, 1)).toBeNull();
	});
});

describe('growth: order, suppression and missing years', () => {
	const d3Median = (xs: number[]) => median(xs)!;

	it('medians do not depend on the order of the rows, and equal the median of each year', () => {
		expect.hasAssertions();
		// Values whose input order is far from sorted, so a missing sort would move the median.
		const values = shuffled(seq(50_000, 15, 7_000), 9).concat([1_000_000, 1]);
		const rows = values.map((v) => familyRow('AI', { workYear: 2023, salaryUsd: v }));
		for (const seed of [1, 2, 3]) {
			const g = growthByYear(shuffled(rows, seed));
			expect(g.families.AI.points[0]!.median).toBe(d3Median(values));
		}
	});

	it('a year that drops below the threshold has no median and no median change (not −100 %)', () => {
		expect.hasAssertions();
		const rows = [
			...seq(100_000, 12).map((v) => familyRow('ML', { workYear: 2022, salaryUsd: v })),
			...seq(100_000, 3).map((v) => familyRow('ML', { workYear: 2023, salaryUsd: v })),
			...seq(100_000, 12).map((v) => familyRow('ML', { workYear: 2024, salaryUsd: v }))
		];
		const ml = growthByYear(rows, { cpi }).families.ML;
		expect(ml.points.map((p) => p.median)).toEqual([105_500, null, 105_500]);
		expect(ml.points[1]!.yoy.medianPct).toBeNull();
		expect(ml.points[1]!.yoy.medianRealPct).toBeNull();
		expect(ml.points[2]!.yoy.medianPct).toBeNull();
		// issue 10: a count change whose end has fewer than 10 reports (here 3) is null, not −75 %;
		// the same holds out of that year (3 → 12)
		expect(ml.points[1]!.yoy.countPct).toBeNull();
		expect(ml.points[2]!.yoy.countPct).toBeNull();
		expect(ml.points[1]!.yoy.support).toBe('suppressed');
		// CAGR ends: 2022 and 2024 both shown, so it exists and is 0 %.
		expect(ml.cagr!.medianPct).toBeCloseTo(0, 12);
	});

	it('a CAGR span ending on a suppressed year has no median growth', () => {
		expect.hasAssertions();
		const rows = [
			...seq(100_000, 12).map((v) => familyRow('ML', { workYear: 2022, salaryUsd: v })),
			...seq(100_000, 3).map((v) => familyRow('ML', { workYear: 2024, salaryUsd: v }))
		];
		const cagr = growthByYear(rows).families.ML.cagr!;
		expect(cagr.medianPct).toBeNull();
		// issue 10: the end year has 3 reports (< 10), so the count CAGR is null with its reason
		// (before: 100·(√(3/12) − 1) = −50 %)
		expect(cagr.countPct).toBeNull();
		expect(cagr.countReason).toBe('endpoint-suppressed');
		expect(cagr.medianReason).toBe('endpoint-suppressed');
		// and the other way round
		const back = growthByYear(rows, { span: { fromYear: 2024, toYear: 2022 } }).families.ML.cagr;
		expect(back).toBeNull();
	});

	it('a year with no reports of a family: count changes into and out of it are null (never −100 %); its share is 0', () => {
		expect.hasAssertions();
		// issue 10: counts of an empty or suppressed end are null, and a share needs ≥ 10 AI+ML
		// reports in its year, so the years here have 12, 10 and 12 reports (before: 4, 1, 2,
		// with count changes −100 % and shares of 1–4 reports).
		const rows = [
			...seq(100_000, 12).map((v) => familyRow('AI', { workYear: 2022, salaryUsd: v })),
			...seq(100_000, 10).map((v) => familyRow('ML', { workYear: 2023, salaryUsd: v })),
			...seq(100_000, 12).map((v) => familyRow('AI', { workYear: 2024, salaryUsd: v }))
		];
		const ai = growthByYear(rows).families.AI.points;
		expect(ai.map((p) => p.n)).toEqual([12, 0, 12]);
		// 12/12, 0/10, 12/12
		expect(ai.map((p) => p.sharePct)).toEqual([100, 0, 100]);
		// 12 → 0 and 0 → 12: the weaker end has 0 reports, so no count change (not −100 %)
		expect(ai.map((p) => p.yoy.countPct)).toEqual([null, null, null]);
		expect(ai.map((p) => p.yoy.support)).toEqual([null, 'suppressed', 'suppressed']);
		// shares of years with ≥ 10 reports do change: 0 − 100 and 100 − 0
		expect(ai.map((p) => p.yoy.sharePp)).toEqual([null, -100, 100]);
		expect(ai.map((p) => p.support)).toEqual(['low', 'suppressed', 'low']);
	});

	it('a span outside the data has no CAGR values; a share change needs both ends', () => {
		expect.hasAssertions();
		const g = growthByYear(fixture(), { span: { fromYear: 2019, toYear: 2024 } });
		expect(g.span).toEqual({ fromYear: 2019, toYear: 2024 });
		// issue 10 added reasons, intervals, support and flags: 2019 is not a year of the data, so
		// its end is empty (n = 0 → suppressed), 2019 < 2024 ≤ 2024 crosses the source shift, and
		// no partial year was given
		expect(g.families.ML.cagr).toEqual({
			fromYear: 2019,
			toYear: 2024,
			countPct: null,
			countReason: 'endpoint-empty',
			medianPct: null,
			medianPctInterval: null,
			medianReason: 'endpoint-empty',
			medianRealPct: null,
			medianRealPctInterval: null,
			sharePpChange: null,
			support: 'suppressed',
			crossesSourceShift: true,
			includesPartialYear: false
		});
	});

	it('real medians: the CPI base year can be chosen, and a year without a full CPI year has none', () => {
		expect.hasAssertions();
		const g = growthByYear(fixture(), { cpi, baseYear: 2022 });
		expect(g.baseYear).toBe(2022);
		const ml = g.families.ML.points;
		expect(ml[0]!.medianReal).toBe(99_500); // base year: factor 1
		expect(ml[2]!.medianReal).toBeCloseTo((124_500 * 290) / 310, 8);
		const partial = annualCpi([...cpiYear(2022, 290), ...cpiYear(2023, 300, 6), ...cpiYear(2024, 310)]);
		const h = growthByYear(fixture(), { cpi: partial });
		expect(h.families.ML.points.map((p) => p.medianReal === null)).toEqual([false, true, false]);
		expect(h.families.ML.points[1]!.yoy.medianRealPct).toBeNull();
		expect(h.families.ML.points[2]!.yoy.medianRealPct).toBeNull();
		expect(h.families.ML.points[2]!.yoy.medianPct).not.toBeNull();
	});

	it('growthFromSortedByYear ignores years with no values at either end of the range', () => {
		expect.hasAssertions();
		const g = growthFromSortedByYear({
			AI: new Map([
				[2019, []],
				[2021, [1, 2]]
			]),
			ML: new Map([
				[2022, [3]],
				[2026, []]
			])
		});
		expect(g.years).toEqual([2021, 2022]);
		expect(g.totals).toEqual([2, 1]);
		expect(g.baseYear).toBeNull();
		expect(growthFromSortedByYear({ AI: new Map(), ML: new Map() }, { baseYear: 2024 })).toMatchObject({
			years: [],
			span: null,
			baseYear: null
		});
	});
});

describe('cagrPct and missing values', () => {
	it.each([
		[null, 100, 2],
		[100, null, 2],
		[-100, 100, 2],
		[100, -1, 2],
		[100, 121, -2],
		[Number.NaN, 100, 1]
	])('cagrPct(%s, %s, %s) is null', (a, b, y) => {
		expect.hasAssertions();
		expect(cagrPct(a, b, y)).toBeNull();
	});

	it('one year of growth is the plain percent change; three years compound', () => {
		expect.hasAssertions();
		expect(cagrPct(80, 100, 1)).toBeCloseTo(25, 12);
		expect(cagrPct(1000, 1331, 3)).toBeCloseTo(10, 10);
		expect(cagrPct(100, 50, 1)).toBeCloseTo(-50, 12);
	});
});
