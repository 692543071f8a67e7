/**
 * trendsView on the year rows plus an ML-only year (2021, 5 reports) and a partial year
 * (2025, 12 + 12 reports): partial marks and notes, a family without reports in a year,
 * count bars, the years with a median, whether charts can be drawn, and yearShare's design effect.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { Z_95 } from '$lib/transform/stats/constants';
import type { GrowthPoint } from '$lib/transform/stats/growth';
import { familyRow } from '$lib/transform/stats/testing/rows';
import { datasetOf, rows, seq } from './testing/year-rows';
import { trendsView, yearShare } from './trends';

const extra = [
	...seq(95_000, 5, 700).map((salaryUsd) => familyRow('ML', { workYear: 2021, salaryUsd })),
	...seq(120_000, 12, 900).map((salaryUsd) => familyRow('AI', { workYear: 2025, salaryUsd })),
	...seq(105_000, 12, 800).map((salaryUsd) => familyRow('ML', { workYear: 2025, salaryUsd }))
];
// Reports per family and year, as placed above and in testing/year-rows.ts.
const N = { AI: [0, 12, 5, 35, 12], ML: [5, 30, 15, 40, 12] } as const;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const view = () =>
	trendsView(datasetOf([...rows, ...extra], { dataVersion: '2025-06-30' }), { filters: DEFAULT_FILTERS, gfrom: null, gto: null });
const supportOf = (n: number) => (n < 10 ? 'suppressed' : n < 30 ? 'low' : 'ok');
const wilson = (p: number, n: number) => {
	const z2 = Z_95 * Z_95;
	const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
	const half = (Z_95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
	return { lower: 100 * (centre - half), upper: 100 * (centre + half) };
};

describe('trendsView: partial year, missing family, weak years', () => {
	it('median points: partial mark, support and notes per year, computed from the counts', () => {
		expect.hasAssertions();
		const m = view();
		expect(m.years).toEqual(YEARS);
		expect(m.partialYear).toBe(2025);
		for (const fam of ['AI', 'ML'] as const) {
			const points = m.medians.find((s) => s.id === fam)!.points;
			points.forEach((p, i) => {
				const n = N[fam][i]!;
				const support = supportOf(n);
				const partial = YEARS[i] === 2025;
				expect(p.n).toBe(n);
				expect(p.partial).toBe(partial);
				expect(p.support).toBe(support);
				const parts = [
					support === 'suppressed' ? 'too few reports' : support === 'low' ? 'low confidence' : null,
					partial ? 'partial year' : null
				];
				const note = parts.filter((x) => x !== null).join('; ');
				expect(p.note).toBe(note === '' ? undefined : note);
				expect(p.y === null).toBe(support === 'suppressed');
			});
		}
		expect(m.medians.find((s) => s.id === 'AI')!.points[4]!.note).toBe('low confidence; partial year');
	});

	it('years with a median: n ≥ 10 only', () => {
		expect.hasAssertions();
		const m = view();
		expect(m.medianYears.AI).toEqual(YEARS.filter((_, i) => N.AI[i]! >= 10));
		expect(m.medianYears.ML).toEqual(YEARS.filter((_, i) => N.ML[i]! >= 10));
		expect(m.medianYears.AI).toEqual([2022, 2024, 2025]);
		expect(m.medianYears.ML).toEqual([2022, 2023, 2024, 2025]);
	});

	it('count bars: every count, marked low when 0 < n < 30', () => {
		expect.hasAssertions();
		const m = view();
		expect(m.counts.categories).toEqual(YEARS.map(String));
		for (const fam of ['AI', 'ML'] as const) {
			const s = m.counts.series.find((x) => x.id === fam)!;
			expect(s.values).toEqual([...N[fam]]);
			expect(s.n).toEqual([...N[fam]]);
			expect(s.support).toEqual(N[fam].map((n) => (n > 0 && n < 30 ? 'low' : 'ok')));
		}
	});

	it('AI share points and table: partial year noted, share interval only on AI rows', () => {
		expect.hasAssertions();
		const m = view();
		const share = m.aiShare[0]!.points;
		const last = share[4]!;
		expect(last.partial).toBe(true);
		expect(last.note).toBe('low confidence; partial year');
		expect(share.slice(0, 4).every((p) => !p.partial)).toBe(true);
		expect(share[0]!.y).toBeNull();
		expect(share[0]!.note).toBe('too few reports');
		for (const r of m.table.rows) {
			const i = YEARS.indexOf(Number(r.year));
			if (r.family === 'AI Engineer') {
				const total = N.AI[i]! + N.ML[i]!;
				if (total >= 10) {
					const w = wilson(N.AI[i]! / total, total);
					expect(r.shareLo).toBeCloseTo(w.lower, 6);
					expect(r.shareHi).toBeCloseTo(w.upper, 6);
				} else expect([r.shareLo, r.shareHi]).toEqual([null, null]);
			} else expect([r.shareLo, r.shareHi]).toEqual([null, null]);
			expect(String(r.note).includes('partial year')).toBe(r.year === '2025');
		}
	});

	it('drawable when some point of some series has a value, though every series has a gap', () => {
		expect.hasAssertions();
		const m = view();
		expect(m.medians.every((s) => s.points.some((p) => p.y === null))).toBe(true);
		expect(m.drawable).toEqual({ medians: true, share: true });
		const none = trendsView(datasetOf(extra.slice(0, 5)), { filters: DEFAULT_FILTERS, gfrom: null, gto: null });
		expect(none.drawable).toEqual({ medians: false, share: false });
	});
});

describe('yearShare', () => {
	const point = (n: number, effectiveN: number, total: number) => ({ n, effectiveN, total }) as GrowthPoint;

	it('the Wilson interval on the effective n of both families’ reports', () => {
		expect.hasAssertions();
		// AI: 20 reports worth 10 (Σm² = 20²/10 = 40), ML: 20 worth 20 (Σm² = 20): n_eff = 40² / 60.
		for (const [ai, ml] of [
			[point(20, 10, 40), point(20, 20, 40)],
			[point(20, 20, 40), point(20, 10, 40)]
		] as const) {
			const s = yearShare(ai, ml)!;
			expect(s.pct).toBeCloseTo(50, 10);
			const w = wilson(0.5, 1600 / 60);
			expect(s.interval!.lower).toBeCloseTo(w.lower, 6);
			expect(s.interval!.upper).toBeCloseTo(w.upper, 6);
		}
		// A family without reports adds nothing: AI alone, 12 reports worth 6.
		const alone = yearShare(point(12, 6, 12), point(0, 0, 12))!;
		expect(alone.pct).toBe(100);
		const w = wilson(1, 6);
		expect(alone.interval!.lower).toBeCloseTo(w.lower, 6);
		// 12 reports worth 3: the share, but no interval (fewer than 6 distinct reports).
		const noAi = yearShare(point(0, 0, 12), point(12, 3, 12))!;
		expect(noAi.pct).toBe(0);
		expect(noAi.interval).toBeNull();
		expect(yearShare(point(4, 4, 9), point(5, 5, 9))).toBeNull();
	});
});

describe('trendsView: sparse data', () => {
	it('a year between two report years has no group: both families suppressed there', () => {
		expect.hasAssertions();
		const sparse = [2021, 2023].flatMap((workYear) =>
			(['AI', 'ML'] as const).flatMap((f) => seq(100_000, 12, 911).map((salaryUsd) => familyRow(f, { workYear, salaryUsd })))
		);
		const m = trendsView(datasetOf(sparse), { filters: DEFAULT_FILTERS, gfrom: null, gto: null });
		expect(m.years).toEqual([2021, 2022, 2023]);
		for (const s of m.medians) {
			const gap = s.points[1]!;
			expect([gap.n, gap.y, gap.support, gap.note]).toEqual([0, null, 'suppressed', 'too few reports']);
			expect(s.points[0]!.support).toBe('low');
		}
	});

	it('the median chart is drawable when one family has a median and the other none', () => {
		expect.hasAssertions();
		const rows = [
			...seq(100_000, 12, 911).map((salaryUsd) => familyRow('ML', { workYear: 2024, salaryUsd })),
			...seq(100_000, 3, 911).map((salaryUsd) => familyRow('AI', { workYear: 2024, salaryUsd }))
		];
		const m = trendsView(datasetOf(rows), { filters: DEFAULT_FILTERS, gfrom: null, gto: null });
		expect(m.medians.find((s) => s.id === 'AI')!.points.every((p) => p.y === null)).toBe(true);
		expect(m.medians.find((s) => s.id === 'ML')!.points.some((p) => p.y !== null)).toBe(true);
		expect(m.drawable.medians).toBe(true);
	});
});
