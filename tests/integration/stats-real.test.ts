/**
 * Headline numbers on the real aijobs.net file, pinned to values computed independently with
 * plain Python (csv module; src/lib/transform/stats/testing/expected-values.py, "real data").
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCpi } from '../../src/lib/data/cpi';
import { parseSalaries } from '../../src/lib/data/salaries';
import { DEFAULT_FILTERS, type Filters } from '../../src/lib/transform/filters';
import type { SalaryRow } from '../../src/lib/data/types';
import type { AnnualCpi } from '../../src/lib/transform/stats/real-pay';
import type { PreparedRows } from '../../src/lib/transform/stats/prepare';
import { annualCpi, deflator, latestFullYear } from '../../src/lib/transform/stats/real-pay';
import { prepareRows } from '../../src/lib/transform/stats/prepare';
import { computeStats, dedupeSensitivity } from '../../src/lib/transform/stats/compute';
import { gapFromMedians, medianEstimateSorted } from '../../src/lib/transform/stats/intervals';

function find(rel: string): string | null {
	const candidates = [resolve(process.env.DATA_DIR ?? '.data-cache', rel), resolve('../shared/data', rel)];
	return candidates.find((p) => existsSync(p)) ?? null;
}
const salariesPath = find('aijobs-salaries/salaries.csv');
const cpiPath = find('us-cpi/cpiai.csv');
const present = salariesPath !== null && cpiPath !== null;
if (!present) console.warn('real data absent: run npm run data (stats-real.test.ts skipped)');

describe.skipIf(!present)('statistics on the real aijobs file', () => {
	let rows: SalaryRow[];
	let cpi: AnnualCpi[];
	let prepared: PreparedRows;
	beforeAll(() => {
		rows = parseSalaries(readFileSync(salariesPath!, 'utf8')).rows;
		cpi = annualCpi(parseCpi(readFileSync(cpiPath!, 'utf8')).rows);
		prepared = prepareRows(rows);
	});
	const usStrict2024: Filters = { ...DEFAULT_FILTERS, titles: 'strict', country: ['US'], from: 2024, to: 2024 };

	it('reads every row and counts exact duplicates over the whole file', () => {
		expect.hasAssertions();
		expect(rows.length).toBe(74_301);
		expect(prepared.duplicates).toBe(39_304);
		const fam = prepared.modes.family;
		let ai = 0;
		for (let e = 0; e < fam.count; e++) ai += fam.family[e] === 0 ? 1 : 0;
		expect([ai, fam.count - ai]).toEqual([839, 6254]);
	});

	it('strict titles, US companies, 2024: n, quantiles, median intervals, gap', () => {
		expect.hasAssertions();
		const v = computeStats(prepared, usStrict2024, { cpi });
		const ai = v.families.AI;
		const ml = v.families.ML;
		expect(ai.n).toBe(500);
		expect(ml.n).toBe(4222);
		expect(ai.quantiles).toEqual({
			p10: expect.closeTo(95_405.1, 6),
			p25: 122_450,
			median: 164_584.5,
			p75: 211_475,
			p90: expect.closeTo(257_200, 6)
		});
		expect(ml.quantiles).toEqual({ p10: 125_000, p25: 147_000, median: 194_000, p75: 250_000, p90: 303_400 });
		// The intervals below treat the 500 and 4,222 rows as independent reports (the method
		// before identical rows became clusters); the view's own intervals are checked in
		// "identical rows as clusters" below.
		const plainAi = medianEstimateSorted(computeStats(prepared, usStrict2024, { sample: 1e6 }).samples!.AI)!;
		const plainMl = medianEstimateSorted(computeStats(prepared, usStrict2024, { sample: 1e6 }).samples!.ML)!;
		expect(plainAi.interval!.lower).toBeCloseTo(156_063.07626126142, 6);
		expect(plainAi.interval!.upper).toBe(170_000);
		expect(plainMl.interval).toMatchObject({ lower: 190_000, upper: 195_000 });
		expect(plainAi.se).toBeCloseTo(3555.403019818543, 6);
		const g = gapFromMedians(plainAi, plainMl);
		expect(g.gapUsd).toBe(-29_415.5);
		expect(g.gapUsdInterval!.lower).toBeCloseTo(-36_818.84119332979, 6);
		expect(g.gapUsdInterval!.upper).toBeCloseTo(-22_012.15880667021, 6);
		expect(g.gapPct).toBeCloseTo(-15.162628865979377, 10);
		expect(g.gapPctInterval!.lower).toBeCloseTo(-18.87115802884296, 8);
		expect(g.gapPctInterval!.upper).toBeCloseTo(-11.284576901881938, 8);
		expect(g.distinguishable).toBe(true);
		expect(v.gap.estimate!.gapUsd).toBe(-29_415.5);
	});

	it('strict, US, 2024, identical rows counted once', () => {
		expect.hasAssertions();
		const s = dedupeSensitivity(prepared, usStrict2024, { cpi });
		expect(s.deduped).toMatchObject({ aiN: 289, mlN: 1220, aiMedian: 160_000, mlMedian: 184_950, gapUsd: -24_950 });
		expect(s.allRows).toMatchObject({ aiN: 500, mlN: 4222, gapUsd: -29_415.5 });
		expect(s.change.gapUsd).toBe(4465.5);
		const v = computeStats(prepared, { ...usStrict2024, dedupe: true }, { cpi });
		expect(v.gap.estimate!.gapUsdInterval!.lower).toBeCloseTo(-35_981.574960572514, 6);
		expect(v.gap.estimate!.gapUsdInterval!.upper).toBeCloseTo(-13_918.425039427484, 6);
		expect(v.counts).toEqual({ matched: 4722, duplicates: 3213, counted: 1509, dedupe: true });
	});

	it('like-for-like: AI reweighted to ML’s experience × size mix (US, 2024)', () => {
		expect.hasAssertions();
		const l = computeStats(prepared, usStrict2024, { cpi }).likeForLike;
		expect(l.aiEffectiveN).toBeCloseTo(402.09897666720434, 8);
		expect(l.aiRowsWithoutTarget).toBe(2);
		expect(l.unsupportedCells).toEqual([]);
		expect(l.aiMedianAdjusted).toBe(165_100);
		// Identical AI rows as clusters of weight m·w: effective n 134.58 instead of 402.10.
		expect(l.aiEffectiveNClustered).toBeCloseTo(134.5848316103097, 8);
		expect(l.aiMedianAdjustedInterval).toEqual({ lower: 150_000, upper: 180_100 });
		expect(l.adjusted!.gapUsd).toBe(165_100 - 194_000);
	});

	it('CPI: 2025 lacks October, so 2024 is the latest full year', () => {
		expect.hasAssertions();
		expect(cpi.find((a) => a.year === 2025)).toMatchObject({ months: 11, full: false });
		expect(cpi.find((a) => a.year === 2024)!.index).toBeCloseTo(313.6888333333333, 10);
		expect(latestFullYear(cpi)).toBe(2024);
		expect(deflator(cpi, 2020)).toBeCloseTo(1.2120374764870396, 12);
	});

	it('growth, strict titles, every country', () => {
		expect.hasAssertions();
		const g = computeStats(prepared, { ...DEFAULT_FILTERS, titles: 'strict' }, { cpi }).growth;
		expect(g.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
		expect(g.families.AI.points.map((p) => p.n)).toEqual([0, 0, 1, 47, 571, 32]);
		expect(g.families.ML.points.map((p) => p.n)).toEqual([5, 22, 123, 1068, 4575, 48]);
		expect(g.families.AI.points[4]!.sharePct).toBeCloseTo(11.095996890788962, 10);
		expect(g.families.ML.points.map((p) => p.median)).toEqual([null, 75_682, 148_800, 186_377, 189_000, 189_160]);
		expect(g.families.ML.points[3]!.medianReal).toBeCloseTo(191_874.23659104714, 6);
		expect(g.families.ML.points[5]!.medianReal).toBeNull(); // 2025 is not a full CPI year
		expect(g.families.AI.points[4]!.yoy.countPct).toBeCloseTo(1114.8936170212767, 8);
	});

	describe('identical rows as clusters (issue 10)', () => {
		// Expected values from plain Python (expected-values.py, "strict, US, 2024, all rows": clustered …).
		it('strict, US, 2024: effective n, median intervals and the gap', () => {
			expect.hasAssertions();
			const v = computeStats(prepared, usStrict2024, { cpi });
			const ai = v.families.AI.median!;
			const ml = v.families.ML.median!;
			expect(ai.effectiveN).toBeCloseTo(152.06812652068126, 8);
			expect(ml.effectiveN).toBeCloseTo(368.2149142739103, 8);
			expect(ai.interval).toMatchObject({ lower: 150_000, upper: 175_000 });
			expect(ml.interval).toMatchObject({ lower: 184_300, upper: 203_000 });
			expect(ai.se).toBeCloseTo(6377.668211558176, 6);
			expect(ml.se).toBeCloseTo(4770.495822245515, 6);
			const g = v.gap.estimate!;
			expect(g.gapUsdInterval!.lower).toBeCloseTo(-45_025.512812294546, 6);
			expect(g.gapUsdInterval!.upper).toBeCloseTo(-13_805.48718770545, 6);
			expect(g.gapPctInterval!.lower).toBeCloseTo(-22.539629722591272, 8);
			expect(g.gapPctInterval!.upper).toBeCloseTo(-7.08307338119365, 8);
		});

		it('the gap interval agrees with a cluster bootstrap (Python: [−47,512, −14,900]; here seeded mulberry32)', () => {
			expect.hasAssertions();
			const v = computeStats(prepared, usStrict2024, { cpi, bootstrap: { seed: 7, resamples: 2000 } });
			const b = v.bootstrap!.gapUsdInterval;
			const g = v.gap.estimate!.gapUsdInterval!;
			const w = b.upper - b.lower;
			expect(Math.abs(g.lower - b.lower)).toBeLessThan(0.2 * w);
			expect(Math.abs(g.upper - b.upper)).toBeLessThan(0.2 * w);
			// Python's bootstrap (another PRNG) lands in the same place.
			expect(Math.abs(b.lower - -47_512.25)).toBeLessThan(0.15 * w);
			expect(Math.abs(b.upper - -14_900)).toBeLessThan(0.15 * w);
		});

		it('claim check: $250k is about the 75th percentile of ML pay, not the median (strict, US, 2024)', () => {
			expect.hasAssertions();
			const c = computeStats(prepared, usStrict2024, { cpi, claims: [250_000] }).claims![0]!.families.ML;
			expect(c.percentile).toBeCloseTo(74.95262908574135, 10);
			expect(c.aboutPercentile).toBe(75);
			expect(c.percentileInterval!.lower).toBeCloseTo(70.28477193183551, 8);
			expect(c.percentileInterval!.upper).toBeCloseTo(79.10521756515223, 8);
			expect(c.verdict).toBe('above-median');
		});

		it('with identical rows counted once nothing is clustered', () => {
			expect.hasAssertions();
			const v = computeStats(prepared, { ...usStrict2024, dedupe: true }, { cpi });
			expect(v.families.AI.median!.designEffect).toBe(1);
			expect(v.gap.estimate!.gapUsdInterval!.lower).toBeCloseTo(-35_981.574960572514, 6);
		});
	});
});
