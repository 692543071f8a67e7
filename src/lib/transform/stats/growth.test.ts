import { describe, expect, it } from 'vitest';
import type { FamilyRow } from '../filters';
import { cagrPct, growthByYear } from './growth';
import { annualCpi } from './real-pay';
import { cpiYear, familyRow, frozen } from './testing/rows';

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
		expect(ai[0]!.yoy).toEqual({ countPct: null, sharePp: null, medianPct: null, medianRealPct: null });
		expect(ai[1]!.yoy.countPct).toBeCloseTo(100, 12);
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
		expect(ai.countPct).toBeCloseTo(100, 10); // (20 / 5)^(1/2) − 1
		expect(ai.medianPct).toBeNull();
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
