import fc from 'fast-check';
import { median as d3Median } from 'd3-array';
import { describe, expect, it } from 'vitest';
import type { FamilyRow } from '../filters';
import { mulberry32 } from './bootstrap';
import { CELL_COUNT, cellAt, cellOf, likeForLike, likeForLikeSorted, weightedQuantileSorted } from './like-for-like';
import { lflAdjustedMedianBootstrap, type OracleRow } from './testing/lfl-bootstrap';
import { arbValues, familyRow, frozen, shuffled } from './testing/rows';

const seq = (start: number, n: number, step = 1000) => Array.from({ length: n }, (_, i) => start + step * i);

/** Kish effective sample size (Σw)² / Σw², written out plainly as the oracle for `aiEffectiveN`. */
function kishEffectiveN(weights: readonly number[]): number {
	const s = weights.reduce((a, w) => a + w, 0);
	const s2 = weights.reduce((a, w) => a + w * w, 0);
	return s2 > 0 ? (s * s) / s2 : 0;
}

describe('weighted quantile', () => {
	// Hand-computed from the definition (smallest value whose cumulative weight reaches p·W;
	// exactly p·W → average with the next positive-weight value).
	it.each([
		[[1, 2, 3], [1, 1, 2], 0.5, 2.5], // cum 1, 2 = 2 → (2 + 3) / 2
		[[1, 2, 3], [1, 1, 1], 0.5, 2],
		[[1, 2, 3, 4], [1, 1, 1, 1], 0.5, 2.5],
		[[1, 2, 3], [0, 1, 1], 0.5, 2.5], // zero weight ignored
		[[1, 2, 3], [3, 1, 1], 0.5, 1],
		[[1, 2, 3], [1, 1, 1], 0, 1],
		[[1, 2, 3], [1, 1, 1], 1, 3],
		[[10, 20, 30, 40], [1, 2, 3, 4], 0.25, 20], // W = 10, p·W = 2.5: cum 1, then 3 ≥ 2.5
		[[10, 20, 30, 40], [1, 2, 3, 4], 0.3, 25] // p·W = 3 exactly at 20 → (20 + 30) / 2
	])('%j with weights %j at p = %d → %d', (values, weights, p, q) => {
		expect.hasAssertions();
		expect(weightedQuantileSorted(values, weights, p)).toBe(q);
	});

	it('no weight → NaN; Kish effective n', () => {
		expect.hasAssertions();
		expect(weightedQuantileSorted([1, 2], [0, 0], 0.5)).toBeNaN();
		expect(kishEffectiveN([1, 1, 1, 1])).toBe(4);
		expect(kishEffectiveN([0.6, 0.2, 0.2])).toBeCloseTo(1 / 0.44, 12); // 1² / (0.36 + 0.04 + 0.04)
	});

	it('property: equal weights give d3’s median', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbValues(1, 300), fc.integer({ min: 1, max: 50 }), (values, w) => {
				const s = Float64Array.from(values).sort();
				expect(weightedQuantileSorted(s, new Float64Array(s.length).fill(1 / w), 0.5)).toBe(d3Median(values));
			}),
			{ seed: 17, numRuns: 300 }
		);
	});
});

describe('cells', () => {
	it('index ↔ labels round-trip', () => {
		expect.hasAssertions();
		expect(CELL_COUNT).toBe(72);
		for (let i = 0; i < CELL_COUNT; i++) expect(cellOf(cellAt(i))).toBe(i);
		expect(cellAt(0)).toEqual({ index: 0, experienceLevel: 'EN', region: 'africa', companySize: 'S' });
	});
});

// ML: cell A (SE, US, M) 30 rows, B (MI, US, M) 20 rows, C (EN, DE, M) 10 rows — C has no AI rows.
// AI: A 10 rows, B 40 rows, D (EX, IN, L) 3 rows — D has no ML rows (weight 0).
// Expected values from plain Python (testing/expected-values.py, "like-for-like").
function fixture(): FamilyRow[] {
	const rows: FamilyRow[] = [];
	const add = (family: 'AI' | 'ML', over: Partial<FamilyRow>, n: number, start: number, step: number) => {
		for (let i = 0; i < n; i++) rows.push(familyRow(family, { ...over, salaryUsd: start + step * i }));
	};
	const A = { experienceLevel: 'SE', companyLocation: 'US', companySize: 'M' } as const;
	const B = { experienceLevel: 'MI', companyLocation: 'US', companySize: 'M' } as const;
	add('ML', A, 30, 100_000, 1000);
	add('ML', B, 20, 80_000, 1000);
	add('ML', { experienceLevel: 'EN', companyLocation: 'DE', companySize: 'M' }, 10, 50_000, 1000);
	add('AI', A, 10, 120_000, 2000);
	add('AI', B, 40, 70_000, 1000);
	add('AI', { experienceLevel: 'EX', companyLocation: 'IN', companySize: 'L' }, 3, 300_000, 10_000);
	return rows;
}

describe('like-for-like (post-stratification)', () => {
	it('weights AI to ML’s mix over supported cells', () => {
		expect.hasAssertions();
		const rows = frozen(fixture());
		const l = likeForLike(rows);
		expect(l.aiN).toBe(53);
		expect(l.mlN).toBe(60);
		expect(l.aiNUsed).toBe(50);
		expect(l.aiRowsWithoutTarget).toBe(3);
		expect(l.mlNSupported).toBe(50);
		expect(l.aiEffectiveN).toBeCloseTo(25, 10); // 1 / (10·0.06² + 40·0.01²)
		// the same from the weights written out: A rows 0.6 / 10 each, B rows 0.4 / 40 each, D rows 0
		const weights = [...Array(10).fill(0.06), ...Array(40).fill(0.01), ...Array(3).fill(0)];
		expect(l.aiEffectiveN).toBeCloseTo(kishEffectiveN(weights), 10);
		expect(l.support).toBe('low'); // 10 ≤ 25 < 30
		expect(l.unsupportedCells).toEqual([
			{
				index: cellOf({ experienceLevel: 'EN', region: 'europe', companySize: 'M' }),
				experienceLevel: 'EN',
				region: 'europe',
				companySize: 'M',
				mlRows: 10,
				mlSharePct: (100 * 10) / 60
			}
		]);
		expect(l.unsupportedMlSharePct).toBeCloseTo(16.666666666666668, 12);
		expect(l.aiMedianAdjusted).toBe(122_000);
		expect(l.aiMedianAdjustedInterval).toEqual({ lower: 100_000, upper: 136_000 }); // widened to median ± z·SE (see the floor)
		expect(l.mlMedianSupported).toBe(104_500);
		const g = l.adjusted!;
		expect(g.gapUsd).toBe(17_500);
		expect(g.gapUsdInterval!.lower).toBeCloseTo(1939.899963611002, 6);
		expect(g.gapUsdInterval!.upper).toBeCloseTo(33060.100036389, 6);
		expect(g.gapPct).toBeCloseTo(16.7464114832536, 10);
		expect(g.gapPctInterval!.lower).toBeCloseTo(1.541684958454681, 8);
		expect(g.gapPctInterval!.upper).toBeCloseTo(34.22787498349773, 8);
		expect(g.distinguishable).toBe(true);
	});

	it('one shared cell: the adjusted median is the plain median', () => {
		expect.hasAssertions();
		const rows = [
			...Array.from({ length: 31 }, (_, i) => familyRow('AI', { salaryUsd: 1000 * (i + 1) })),
			...Array.from({ length: 40 }, (_, i) => familyRow('ML', { salaryUsd: 500 * (i + 1) }))
		];
		const l = likeForLike(rows);
		expect(l.aiMedianAdjusted).toBe(16_000);
		expect(l.aiEffectiveN).toBeCloseTo(31, 10);
		expect(l.unsupportedCells).toEqual([]);
	});

	it('suppressed when AI has no supported cell', () => {
		expect.hasAssertions();
		const rows = [
			...Array.from({ length: 20 }, () => familyRow('AI', { experienceLevel: 'EN' })),
			...Array.from({ length: 20 }, () => familyRow('ML', { experienceLevel: 'EX' }))
		];
		const l = likeForLike(rows);
		expect(l.support).toBe('suppressed');
		expect(l.adjusted).toBeNull();
		expect(l.unsupportedMlSharePct).toBe(100);
	});

	it('property: does not depend on row order', () => {
		expect.hasAssertions();
		const rows = fixture();
		fc.assert(
			fc.property(fc.integer(), (seed) => {
				expect(likeForLike(shuffled(rows, seed))).toEqual(likeForLike(rows));
			}),
			{ seed: 23, numRuns: 50 }
		);
	});
});

describe('like-for-like on small, clustered groups vs a stratified cluster bootstrap', () => {
	/** Rows of `k` clusters of 1–5 identical rows in cells 0–2; pay rises 15 % per cell. */
	function gen(r: () => number, k: number, centre: number, idBase: number): OracleRow[] {
		const rows: OracleRow[] = [];
		for (let j = 0; j < k; j++) {
			const cell = Math.floor(r() * 3);
			const value = Math.round((centre * (1 + 0.15 * cell) * Math.exp(0.4 * (r() + r() + r() - 1.5))) / 1000) * 1000;
			const size = 1 + Math.floor(4 * r() ** 3);
			for (let i = 0; i < size; i++) rows.push({ value, cell, cluster: idBase + j });
		}
		return rows.sort((a, b) => a.value - b.value);
	}
	const sizes = (rows: readonly OracleRow[]) => Uint32Array.from(rows, (x) => rows.filter((y) => y.cluster === x.cluster).length);

	// The analytic interval (effective n over clusters, floor from the raw SE) is conservative
	// here: it contains the bootstrap's 95% interval in every case, and is up to ~4× wider on
	// 12–30 clusters (see METHODS.md). It must never be the narrower of the two.
	it.each([1, 2, 3, 4, 5, 6, 7, 9, 10])('seed %i: the adjusted AI median interval contains the bootstrap interval', (seed) => {
		expect.hasAssertions();
		const r = mulberry32(seed);
		const ai = gen(r, 12 + (seed % 4) * 6, 150_000, 0);
		const ml = gen(r, 60, 170_000, 10_000);
		const l = likeForLikeSorted(
			{ values: ai.map((x) => x.value), cells: ai.map((x) => x.cell), clusterSizes: sizes(ai) },
			{ values: ml.map((x) => x.value), cells: ml.map((x) => x.cell), clusterSizes: sizes(ml) }
		);
		const counts = new Map<number, number>();
		for (const x of ml) counts.set(x.cell, (counts.get(x.cell) ?? 0) + 1);
		const boot = lflAdjustedMedianBootstrap(ai, counts, seed);
		expect(l.aiEffectiveNClustered).toBeLessThan(l.aiEffectiveN);
		const i = l.aiMedianAdjustedInterval!;
		expect(i.lower).toBeLessThanOrEqual(boot.lower);
		expect(i.upper).toBeGreaterThanOrEqual(boot.upper);
	});
});

describe('like-for-like: edges', () => {
	it('weighted quantile: p outside [0, 1] is clamped, NaN p gives NaN, zero weights at the ends are skipped', () => {
		expect.hasAssertions();
		expect(weightedQuantileSorted([1, 2, 3], [1, 1, 1], -0.5)).toBe(1);
		expect(weightedQuantileSorted([1, 2, 3], [1, 1, 1], 1.5)).toBe(3);
		expect(weightedQuantileSorted([1, 2, 3], [1, 1, 1], Number.NaN)).toBeNaN();
		expect(weightedQuantileSorted([1, 2, 3, 4], [0, 1, 1, 0], 0)).toBe(2);
		expect(weightedQuantileSorted([1, 2, 3, 4], [0, 1, 1, 0], 1)).toBe(3);
		// cumulative weight reaches p·W exactly at the last positive weight: no next value to average with
		expect(weightedQuantileSorted([1, 2, 3], [1, 1, 0], 1)).toBe(2);
		expect(weightedQuantileSorted([], [], 0.5)).toBeNaN();
	});

	it('weighted quantile: tiny float error in the cumulative weight still counts as an exact hit', () => {
		expect.hasAssertions();
		// 0.1 + 0.2 = 0.30000000000000004 ≠ 0.3, but within the 1e-9 relative tolerance
		expect(weightedQuantileSorted([10, 20, 30], [0.1, 0.2, 0.7], 0.3)).toBe(25);
	});

	it('unsupported cells: largest ML share first, ties by cell index; AI rows without ML counted', () => {
		expect.hasAssertions();
		const cell = (experienceLevel: 'EN' | 'MI' | 'SE' | 'EX', companyLocation: string) => ({
			experienceLevel,
			companyLocation,
			companySize: 'M' as const
		});
		const rows = [
			...seq(100_000, 40).map((v) => familyRow('ML', { ...cell('SE', 'US'), salaryUsd: v })),
			...seq(100_000, 5).map((v) => familyRow('ML', { ...cell('EX', 'US'), salaryUsd: v })),
			...seq(100_000, 5).map((v) => familyRow('ML', { ...cell('EN', 'US'), salaryUsd: v })),
			...seq(100_000, 10).map((v) => familyRow('ML', { ...cell('MI', 'DE'), salaryUsd: v })),
			...seq(110_000, 30).map((v) => familyRow('AI', { ...cell('SE', 'US'), salaryUsd: v })),
			...seq(110_000, 4).map((v) => familyRow('AI', { ...cell('EX', 'IN'), salaryUsd: v }))
		];
		const l = likeForLike(rows);
		expect(l.unsupportedCells.map((c) => [c.experienceLevel, c.region, c.mlRows, c.mlSharePct])).toEqual([
			['MI', 'europe', 10, (100 * 10) / 60],
			['EN', 'north-america', 5, (100 * 5) / 60],
			['EX', 'north-america', 5, (100 * 5) / 60]
		]);
		expect(l.unsupportedMlSharePct).toBeCloseTo((100 * 20) / 60, 12);
		expect([l.aiN, l.aiNUsed, l.aiRowsWithoutTarget, l.mlN, l.mlNSupported]).toEqual([34, 30, 4, 60, 40]);
		// one shared cell: the comparison is AI's 30 rows against ML's 40 in that cell
		expect(l.aiEffectiveN).toBeCloseTo(30, 10);
		expect(l.mlMedianSupported).toBe(d3Median(seq(100_000, 40)));
		expect(l.aiMedianAdjusted).toBe(d3Median(seq(110_000, 30)));
		expect(l.support).toBe('ok');
	});

	it('no ML rows: nothing to match, everything suppressed, shares 0', () => {
		expect.hasAssertions();
		const l = likeForLike(seq(100_000, 20).map((v) => familyRow('AI', { salaryUsd: v })));
		expect(l).toMatchObject({
			support: 'suppressed',
			mlN: 0,
			aiRowsWithoutTarget: 20,
			aiNUsed: 0,
			aiEffectiveN: 0,
			unsupportedCells: [],
			unsupportedMlSharePct: 0,
			aiMedianAdjusted: null,
			aiMedianAdjustedInterval: null,
			mlMedianSupported: null,
			adjusted: null
		});
	});

	it('ML side below the threshold in the shared cells suppresses the comparison', () => {
		expect.hasAssertions();
		const rows = [
			...seq(100_000, 9).map((v) => familyRow('ML', { salaryUsd: v })),
			...seq(100_000, 40).map((v) => familyRow('AI', { salaryUsd: v }))
		];
		const l = likeForLike(rows);
		expect(l.support).toBe('suppressed');
		expect(l.adjusted).toBeNull();
		expect(l.mlNSupported).toBe(9);
	});

	it('a custom pay scales every money figure', () => {
		expect.hasAssertions();
		const rows = fixture();
		const base = likeForLike(rows);
		const scaled = likeForLike(rows, (r) => r.salaryUsd / 1000);
		expect(scaled.aiMedianAdjusted).toBeCloseTo(base.aiMedianAdjusted! / 1000, 9);
		expect(scaled.mlMedianSupported).toBeCloseTo(base.mlMedianSupported! / 1000, 9);
		expect(scaled.adjusted!.gapPct).toBeCloseTo(base.adjusted!.gapPct, 9);
	});

	it('the adjusted interval contains the adjusted median and is never narrower than the raw median interval of the rows used', () => {
		expect.hasAssertions();
		const l = likeForLike(fixture());
		const i = l.aiMedianAdjustedInterval!;
		expect(i.lower).toBeLessThanOrEqual(l.aiMedianAdjusted!);
		expect(i.upper).toBeGreaterThanOrEqual(l.aiMedianAdjusted!);
		expect(l.adjusted!.medianA).toBe(l.aiMedianAdjusted);
		expect(l.adjusted!.medianB).toBe(l.mlMedianSupported);
	});
});

describe('like-for-like with rows without a cell (uploaded files, "not given")', () => {
	const gapFields = ['experienceLevel', 'companySize', 'companyLocation'] as const;
	const arbFamRow = fc
		.record({
			family: fc.constantFrom<'AI' | 'ML'>('AI', 'ML'),
			salaryUsd: fc.integer({ min: 10, max: 60 }).map((k) => k * 5000),
			experienceLevel: fc.constantFrom('MI' as const, 'SE' as const),
			companySize: fc.constantFrom('M' as const, 'L' as const),
			gap: fc.option(fc.constantFrom(...gapFields), { freq: 4 })
		})
		.map(({ family, gap, ...r }) => {
			const row = familyRow(family, r);
			return gap === null ? row : ({ ...row, [gap]: null, ...(gap === 'companyLocation' ? { region: null } : {}) } as FamilyRow);
		});

	it('cellOf gives NO_CELL (= CELL_COUNT) when experience, region or size is not given', () => {
		expect.hasAssertions();
		const r = familyRow('AI');
		expect(cellOf(r)).toBeLessThan(CELL_COUNT);
		expect(cellOf({ ...r, experienceLevel: null })).toBe(CELL_COUNT);
		expect(cellOf({ ...r, region: null })).toBe(CELL_COUNT);
		expect(cellOf({ ...r, companySize: null })).toBe(CELL_COUNT);
	});

	it('property: equals the comparison of the rows with a cell alone, and counts the others', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(fc.array(arbFamRow, { maxLength: 120 }), (rows) => {
				const all = likeForLike(rows);
				const withCell = rows.filter((r) => cellOf(r) < CELL_COUNT);
				const only = likeForLike(withCell);
				const noCell = (f: 'AI' | 'ML') => rows.filter((r) => r.family === f && cellOf(r) === CELL_COUNT).length;
				expect([all.aiRowsWithoutCell, all.mlRowsWithoutCell]).toEqual([noCell('AI'), noCell('ML')]);
				expect([only.aiRowsWithoutCell, only.mlRowsWithoutCell]).toEqual([0, 0]);
				expect(all.aiN).toBe(only.aiN + noCell('AI'));
				expect(all.mlN).toBe(only.mlN + noCell('ML'));
				// Everything else is the comparison of the rows with a cell (cluster sizes: identical rows share gaps).
				const strip = (l: typeof all) => {
					const { aiN: _a, mlN: _m, aiRowsWithoutCell: _x, mlRowsWithoutCell: _y, ...rest } = l;
					return rest;
				};
				expect(strip(all)).toEqual(strip(only));
			}),
			{ seed: 77, numRuns: 200 }
		);
	});

	it('hand example: 12 AI and 12 ML in one cell, plus 3 AI and 2 ML without a size', () => {
		expect.hasAssertions();
		const rows = [
			...seq(100_000, 12).map((v) => familyRow('AI', { salaryUsd: v })),
			...seq(90_000, 12).map((v) => familyRow('ML', { salaryUsd: v })),
			...seq(500_000, 3).map((v) => familyRow('AI', { salaryUsd: v, companySize: null })),
			...seq(10_000, 2).map((v) => familyRow('ML', { salaryUsd: v, companySize: null }))
		];
		const l = likeForLike(shuffled(rows, 3));
		expect(l).toMatchObject({ aiN: 15, mlN: 14, aiRowsWithoutCell: 3, mlRowsWithoutCell: 2, aiNUsed: 12, mlNSupported: 12 });
		expect(l.unsupportedMlSharePct).toBe(0);
		// One cell: the adjusted AI median is the plain median of the 12 AI rows, 105,500; ML 95,500.
		expect(l.aiMedianAdjusted).toBe(105_500);
		expect(l.mlMedianSupported).toBe(95_500);
	});
});
