import { quantile } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../filters';
import { annualCpi } from './real-pay';
import { cpiYear, familyRow } from './testing/rows';
import { computeStats, dedupeSensitivity, headlineOf, rankSample } from './compute';

const seq = (start: number, n: number, step = 1000) => Array.from({ length: n }, (_, i) => start + step * i);
const cpi = annualCpi([...cpiYear(2023, 300), ...cpiYear(2024, 310)]);

describe('computeStats: optional parts and suppressed headlines', () => {
	it('a suppressed side gives a headline of nulls (not a crash), and null changes in the sensitivity', () => {
		expect.hasAssertions();
		const rows = [
			...seq(100_000, 5).map((v) => familyRow('AI', { salaryUsd: v })),
			...seq(100_000, 40).map((v) => familyRow('ML', { salaryUsd: v }))
		];
		const h = headlineOf(computeStats(rows, DEFAULT_FILTERS));
		expect(h).toEqual({
			aiN: 5,
			mlN: 40,
			aiMedian: null,
			mlMedian: 119_500,
			gapUsd: null,
			gapPct: null,
			distinguishable: null,
			adjustedGapUsd: null,
			adjustedGapPct: null
		});
		const s = dedupeSensitivity(rows, DEFAULT_FILTERS);
		expect(s.change).toEqual({
			aiN: 0,
			mlN: 0,
			aiMedian: null,
			mlMedian: 0,
			gapUsd: null,
			gapPct: null,
			adjustedGapUsd: null,
			adjustedGapPct: null
		});
	});

	it('no bootstrap for a suppressed gap; no samples unless asked', () => {
		expect.hasAssertions();
		const rows = [
			...seq(100_000, 5).map((v) => familyRow('AI', { salaryUsd: v })),
			...seq(100_000, 40).map((v) => familyRow('ML', { salaryUsd: v }))
		];
		const v = computeStats(rows, DEFAULT_FILTERS, { bootstrap: { seed: 1, resamples: 20 } });
		expect(v.bootstrap).toBeNull();
		expect(computeStats(rows, DEFAULT_FILTERS, { sample: 0 }).samples).toBeNull();
		expect(computeStats(rows, DEFAULT_FILTERS).samples).toBeNull();
		expect(computeStats(rows, DEFAULT_FILTERS, { sample: 3 }).samples).toEqual({ AI: [], ML: [100_000, 120_000, 139_000] });
	});

	it('groups by remote ratio are labelled with the ratio', () => {
		expect.hasAssertions();
		const rows = [
			...seq(100_000, 12).map((v) => familyRow('AI', { salaryUsd: v, remoteRatio: 100 })),
			...seq(100_000, 12).map((v) => familyRow('ML', { salaryUsd: v, remoteRatio: 50 }))
		];
		const v = computeStats(rows, DEFAULT_FILTERS, { groupBy: 'remoteRatio' });
		expect(v.groups!.groups.map((g) => [g.key, g.families.AI.n, g.families.ML.n])).toEqual([
			['50', 0, 12],
			['100', 12, 0]
		]);
	});

	it('a chosen growth span and CPI base year pass through', () => {
		expect.hasAssertions();
		const rows = [
			...seq(100_000, 12).map((v) => familyRow('ML', { salaryUsd: v, workYear: 2023 })),
			...seq(100_000, 12).map((v) => familyRow('ML', { salaryUsd: v, workYear: 2024 }))
		];
		const v = computeStats(rows, { ...DEFAULT_FILTERS, real: true }, { cpi, baseYear: 2023, span: { fromYear: 2023, toYear: 2024 } });
		expect(v.growth.span).toEqual({ fromYear: 2023, toYear: 2024 });
		expect(v.pay).toEqual({ basis: 'real', baseYear: 2023, rowsWithoutCpi: 0 });
		// 2024 pay in 2023 dollars: × 300 / 310; 2023 pay unchanged
		const real = [...seq(100_000, 12), ...seq(100_000, 12).map((x) => (x * 300) / 310)];
		expect(v.families.ML.quantiles!.p90).toBeCloseTo(quantile(real, 0.9)!, 6);
		expect(v.families.ML.quantiles!.p10).toBeCloseTo(quantile(real, 0.1)!, 6);
		expect(computeStats(rows, DEFAULT_FILTERS).growth.span).toEqual({ fromYear: 2023, toYear: 2024 });
		expect(() => computeStats(rows, DEFAULT_FILTERS, { cpi: annualCpi(cpiYear(2024, 310, 11)) })).not.toThrow();
	});

	it('rankSample returns every value when there are exactly m', () => {
		expect.hasAssertions();
		expect(rankSample([1, 2, 3], 3)).toEqual([1, 2, 3]);
		expect(rankSample([1, 2, 3, 4], 2)).toEqual([1, 4]);
	});
});
