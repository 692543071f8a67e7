/**
 * The claim check of overviewView on hand-placed US rows over four years (2025 partial) and
 * three company sizes, plus GB rows and a GB-only year: the years used, the page filters set
 * aside, AI shares counted by hand, the big-tech gap difference and the overview chart rows.
 */
import { describe, expect, it } from 'vitest';
import type { CompanySize, SalaryRow } from '$lib/data/types';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { Z_95 } from '$lib/transform/stats/constants';
import { familyRow } from '$lib/transform/stats/testing/rows';
import { FAMILY_LABEL } from '$lib/format/labels';
import { CLAIM, overviewView } from './overview';
import { datasetOf, seq } from './testing/year-rows';

type Counts = Record<CompanySize, number>;
// US reports per year, size and family. Large companies pay ML more, the others pay AI more.
const US: Record<number, { AI: Counts; ML: Counts }> = {
	2022: { AI: { S: 4, M: 4, L: 4 }, ML: { S: 5, M: 5, L: 5 } },
	2023: { AI: { S: 6, M: 5, L: 4 }, ML: { S: 4, M: 6, L: 10 } },
	2024: { AI: { S: 10, M: 6, L: 10 }, ML: { S: 3, M: 8, L: 12 } },
	2025: { AI: { S: 1, M: 1, L: 1 }, ML: { S: 1, M: 2, L: 1 } }
};
const SIZES = ['S', 'M', 'L'] as const;
const base = (family: 'AI' | 'ML', size: CompanySize) =>
	size === 'L' ? (family === 'ML' ? 300_000 : 150_000) : family === 'AI' ? 140_000 : 90_000;
const usRows: SalaryRow[] = Object.entries(US).flatMap(([year, fams]) =>
	(['AI', 'ML'] as const).flatMap((family) =>
		SIZES.flatMap((size) =>
			seq(base(family, size) + Number(year), fams[family][size], 997).map((salaryUsd) =>
				familyRow(family, { workYear: Number(year), companySize: size, salaryUsd })
			)
		)
	)
);
const gbRows: SalaryRow[] = [
	...seq(50_000, 12, 311).map((v) => familyRow('AI', { workYear: 2024, companyLocation: 'GB', salaryUsd: v })),
	...seq(60_000, 12, 313).map((v) => familyRow('ML', { workYear: 2024, companyLocation: 'GB', salaryUsd: v })),
	...seq(70_000, 11, 317).map((v) => familyRow('ML', { workYear: 2021, companyLocation: 'GB', salaryUsd: v }))
];
const rows = [...usRows, ...gbRows];
const data = datasetOf(rows, { dataVersion: '2025-06-30' });
const claimOf = (claimYear?: number | 'all' | null, filters = DEFAULT_FILTERS) => overviewView(data, { filters, claimYear }).claim;

const count = (family: 'AI' | 'ML', years: readonly number[], sizes: readonly CompanySize[] = SIZES) =>
	years.reduce((t, y) => t + sizes.reduce((s, size) => s + US[y]![family][size], 0), 0);
const pct = (ai: number, ml: number) => (100 * ai) / (ai + ml);
const seOfShare = (s: { interval: { lower: number; upper: number } | null }) => (s.interval!.upper - s.interval!.lower) / (2 * Z_95);

describe('claim check: years', () => {
	it('defaults to the latest full year; the partial year and GB-only years are not the default', () => {
		expect.hasAssertions();
		for (const c of [claimOf(), claimOf(null), claimOf(1999), claimOf(2021)]) {
			expect(c.years).toEqual({ from: 2024, to: 2024 });
			expect(c.partialYear).toBe(2025);
			expect(c.yearChoices).toEqual([2022, 2023, 2024, 2025]);
			expect(c.families.AI.n).toBe(count('AI', [2024]));
			expect(c.families.ML.n).toBe(count('ML', [2024]));
		}
	});

	it('one chosen year, every year, or the partial year itself', () => {
		expect.hasAssertions();
		const y23 = claimOf(2023);
		expect(y23.years).toEqual({ from: 2023, to: 2023 });
		expect(y23.families.ML.n).toBe(count('ML', [2023]));
		const all = claimOf('all');
		expect(all.years).toBeNull();
		expect(all.families.AI.n).toBe(count('AI', [2022, 2023, 2024, 2025]));
		expect(all.families.ML.n).toBe(count('ML', [2022, 2023, 2024, 2025]));
		expect(claimOf(2025).years).toEqual({ from: 2025, to: 2025 });
	});

	it('with no partial year the latest year is the default', () => {
		expect.hasAssertions();
		const full = overviewView(datasetOf(rows), { filters: DEFAULT_FILTERS }).claim;
		expect(full.partialYear).toBeNull();
		expect(full.years).toEqual({ from: 2025, to: 2025 });
	});
});

describe('claim check: page filters set aside', () => {
	it('region, countries other than the US and years are listed', () => {
		expect.hasAssertions();
		expect(claimOf().setAside).toEqual({ region: [], country: [], years: false, size: [] });
		const f = { ...DEFAULT_FILTERS, region: ['europe' as const], country: ['US', 'GB', 'DE'], from: 2022 };
		expect(claimOf(null, f).setAside).toEqual({ region: ['europe'], country: ['GB', 'DE'], years: true, size: [] });
		// Issue 16: the big-tech line and shares by size replace a size filter, so it is named as set aside.
		expect(claimOf(null, { ...DEFAULT_FILTERS, size: ['M'] }).setAside.size).toEqual(['M']);
		expect(claimOf(null, { ...DEFAULT_FILTERS, to: 2023 }).setAside.years).toBe(true);
		expect(claimOf(null, { ...DEFAULT_FILTERS, from: 2023 }).setAside.years).toBe(true);
		expect(claimOf(null, { ...DEFAULT_FILTERS, country: ['US'] }).setAside.country).toEqual([]);
		// The page's region, country and years do not change the claim's figures.
		expect(claimOf(null, f).families).toEqual(claimOf().families);
	});
});

describe('claim check: positions of the claimed medians', () => {
	it('the claimed ML median in ML pay, the claimed AI median in AI pay', () => {
		expect.hasAssertions();
		const c = claimOf();
		expect(c.positions.ML.claimed).toBe(CLAIM.mlMedian);
		expect(c.positions.AI.claimed).toBe(CLAIM.aiMedian);
		expect(c.positions.ML.n).toBe(count('ML', [2024]));
		expect(c.positions.AI.n).toBe(count('AI', [2024]));
		// Counted in the test: the share of reports below the claim, ties counting half.
		const at = (family: 'AI' | 'ML', claimed: number) => {
			const pay = usRows.filter((r) => r.workYear === 2024 && (r.jobTitle === 'AI Engineer') === (family === 'AI')).map((r) => r.salaryUsd);
			return (100 * (pay.filter((v) => v < claimed).length + pay.filter((v) => v === claimed).length / 2)) / pay.length;
		};
		expect(c.positions.ML.percentile).toBeCloseTo(at('ML', CLAIM.mlMedian), 6);
		expect(c.positions.AI.percentile).toBeCloseTo(at('AI', CLAIM.aiMedian), 6);
		expect(c.positions.ML.percentile).not.toBeCloseTo(c.positions.AI.percentile!, 1);
	});
});

describe('claim check: big tech', () => {
	it('ML − AI at large companies vs the others, with the difference of the gaps', () => {
		expect.hasAssertions();
		const c = claimOf();
		const { large, others, difference } = c.bigTech;
		expect([large.aiN, large.mlN]).toEqual([US[2024]!.AI.L, US[2024]!.ML.L]);
		expect([others.aiN, others.mlN]).toEqual([count('AI', [2024], ['S', 'M']), count('ML', [2024], ['S', 'M'])]);
		// AI − ML gaps: negative at large companies, positive elsewhere.
		expect(large.estimate!.gapUsd).toBeLessThan(0);
		expect(others.estimate!.gapUsd).toBeGreaterThan(0);
		expect(difference).not.toBeNull();
		expect(difference!.diff).toBeCloseTo(others.estimate!.gapUsd - large.estimate!.gapUsd, 6);
		expect(difference!.diff).toBeGreaterThan(0);
		const half = Z_95 * Math.hypot(others.estimate!.seUsd!, large.estimate!.seUsd!);
		expect(difference!.interval.lower).toBeCloseTo(difference!.diff - half, 6);
		expect(difference!.interval.upper).toBeCloseTo(difference!.diff + half, 6);
		// 2022: 4 AI reports at large companies, too few for a gap: no difference.
		const y22 = claimOf(2022).bigTech;
		expect(y22.large.estimate).toBeNull();
		expect(y22.difference).toBeNull();
	});
});

describe('claim check: AI share', () => {
	it('by year: one entry per year with reports, AI / (AI + ML) counted by hand; null below 10 reports', () => {
		expect.hasAssertions();
		for (const claimYear of [null, 2023, 'all'] as const) {
			const byYear = claimOf(claimYear).aiShareByYear;
			expect(byYear.map((r) => r.key)).toEqual(['2022', '2023', '2024', '2025']);
			for (const r of byYear) {
				const y = Number(r.key);
				const ai = count('AI', [y]);
				const ml = count('ML', [y]);
				expect([r.ai, r.n]).toEqual([ai, ai + ml]);
				if (ai + ml < 10) expect(r.share).toBeNull();
				else {
					expect(r.share!.pct).toBeCloseTo(pct(ai, ml), 10);
					expect(r.share!.interval!.lower).toBeLessThan(r.share!.pct);
					expect(r.share!.interval!.upper).toBeGreaterThan(r.share!.pct);
				}
			}
			expect(byYear[3]!.share).toBeNull();
		}
	});

	it('the Wilson interval on n when no report repeats another', () => {
		expect.hasAssertions();
		const r = claimOf().aiShareByYear[2]!;
		const p = r.ai / r.n;
		const z2 = Z_95 * Z_95;
		const centre = (p + z2 / (2 * r.n)) / (1 + z2 / r.n);
		const half = (Z_95 * Math.sqrt((p * (1 - p)) / r.n + z2 / (4 * r.n * r.n))) / (1 + z2 / r.n);
		expect(r.share!.interval!.lower).toBeCloseTo(100 * (centre - half), 6);
		expect(r.share!.interval!.upper).toBeCloseTo(100 * (centre + half), 6);
	});

	it('by size in the claim year, counted by hand', () => {
		expect.hasAssertions();
		for (const year of [2024, 2023]) {
			const bySize = claimOf(year).aiShareBySize;
			expect(bySize.map((r) => r.key)).toEqual(['S', 'M', 'L']);
			for (const r of bySize) {
				const size = r.key as CompanySize;
				const ai = US[year]!.AI[size];
				const ml = US[year]!.ML[size];
				expect([r.ai, r.n]).toEqual([ai, ai + ml]);
				if (ai + ml >= 10) expect(r.share!.pct).toBeCloseTo(pct(ai, ml), 10);
				else expect(r.share).toBeNull();
			}
		}
	});

	it('share change: the latest full year minus the year before, with the combined interval', () => {
		expect.hasAssertions();
		const c = claimOf();
		const change = c.shareChange!;
		expect([change.fromYear, change.toYear]).toEqual([2023, 2024]);
		const [a, b] = [c.aiShareByYear[2]!.share!, c.aiShareByYear[1]!.share!];
		const expected = pct(count('AI', [2024]), count('ML', [2024])) - pct(count('AI', [2023]), count('ML', [2023]));
		expect(change.diff).toBeCloseTo(expected, 10);
		const half = Z_95 * Math.hypot(seOfShare(a), seOfShare(b));
		expect(change.interval.lower).toBeCloseTo(expected - half, 6);
		expect(change.interval.upper).toBeCloseTo(expected + half, 6);
		expect(change.distinguishable).toBe(change.interval.lower > 0 || change.interval.upper < 0);
	});

	it('share change is null with one full year, or when the latest full year has too few reports', () => {
		expect.hasAssertions();
		const only24 = datasetOf(usRows.filter((r) => r.workYear === 2024));
		expect(overviewView(only24, { filters: DEFAULT_FILTERS }).claim.shareChange).toBeNull();
		// No partial year: 2025 (7 reports) is the latest full year, its share is suppressed.
		expect(overviewView(datasetOf(rows), { filters: DEFAULT_FILTERS }).claim.shareChange).toBeNull();
	});

	it('startup difference: AI share at small companies minus at medium + large', () => {
		expect.hasAssertions();
		const c = claimOf();
		const d = c.startupDifference!;
		const small = pct(US[2024]!.AI.S, US[2024]!.ML.S);
		const bigger = pct(count('AI', [2024], ['M', 'L']), count('ML', [2024], ['M', 'L']));
		expect(d.diff).toBeCloseTo(small - bigger, 10);
		expect(d.diff).toBeGreaterThan(0);
		expect(d.interval.lower).toBeLessThan(d.diff);
		expect(d.interval.upper).toBeGreaterThan(d.diff);
		// 2022: 9 small-company reports, suppressed: no difference.
		expect(claimOf(2022).startupDifference).toBeNull();
	});

	it('the source shift year is the data set’s', () => {
		expect.hasAssertions();
		expect(claimOf().sourceShiftYear).toBe(data.sourceShiftYear);
	});
});

describe('overview chart rows', () => {
	it('each family’s median and interval with n and the claimed median', () => {
		expect.hasAssertions();
		const m = overviewView(data, { filters: DEFAULT_FILTERS });
		expect(m.medianRows.map((r) => r.id)).toEqual(['ML', 'AI']);
		for (const r of m.medianRows) {
			const s = m.families[r.id as 'AI' | 'ML'];
			expect(r.label).toBe(`${FAMILY_LABEL[r.id as 'AI' | 'ML']} family`);
			expect(r.median).toBe(s.median!.median);
			expect(r.lo).toBe(s.median!.interval!.lower);
			expect(r.hi).toBe(s.median!.interval!.upper);
			expect(r.lo!).toBeLessThanOrEqual(r.median!);
			expect(r.hi!).toBeGreaterThanOrEqual(r.median!);
			expect(r.n).toBe(rows.filter((x) => (x.jobTitle === 'AI Engineer' ? 'AI' : 'ML') === r.id).length);
			expect(r.support).toBe(s.support);
			expect(r.claimed).toBe(r.id === 'ML' ? CLAIM.mlMedian : CLAIM.aiMedian);
			expect(typeof r.color).toBe('string');
		}
		expect(m.medianRows[0]!.claimed).toBe(250_000);
		expect(m.medianRows[1]!.claimed).toBe(160_000);
		// Too few reports: no median, no interval.
		const few = overviewView(data, { filters: { ...DEFAULT_FILTERS, country: ['GB'], from: 2021, to: 2021 } });
		const ai = few.medianRows.find((r) => r.id === 'AI')!;
		expect([ai.median, ai.lo, ai.hi, ai.n]).toEqual([null, null, null, 0]);
	});

	it('no absent dimensions for complete rows', () => {
		expect.hasAssertions();
		expect(overviewView(data, { filters: DEFAULT_FILTERS }).absentDimensions).toEqual([]);
	});

	it('the claimed year is passed on from the query', () => {
		expect.hasAssertions();
		expect(overviewView(data, { filters: DEFAULT_FILTERS, claimYear: 2023 }).claim.years).toEqual({ from: 2023, to: 2023 });
	});
});

describe('claim check: AI share with repeated reports', () => {
	it('the interval uses the effective n of all the reports: each AI report given twice counts once', () => {
		expect.hasAssertions();
		// 2024 US: 15 distinct AI reports each given twice (30 rows, 15 clusters), 20 distinct ML reports.
		const ai = seq(140_000, 15, 991).map((salaryUsd) => familyRow('AI', { workYear: 2024, companySize: 'S', salaryUsd }));
		const ml = seq(90_000, 20, 993).map((salaryUsd) => familyRow('ML', { workYear: 2024, companySize: 'S', salaryUsd }));
		const c = overviewView(datasetOf([...ai, ...ai, ...ml]), { filters: DEFAULT_FILTERS }).claim;
		const z2 = Z_95 * Z_95;
		const wilson = (p: number, n: number) => {
			const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
			const half = (Z_95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
			return { lower: 100 * (centre - half), upper: 100 * (centre + half) };
		};
		// Kish effective n over all 35 clusters: 50² / (15 × 2² + 20 × 1²) = 2500 / 80 = 31.25.
		const expected = wilson(30 / 50, 31.25);
		for (const r of [c.aiShareByYear[0]!, c.aiShareBySize[0]!]) {
			expect([r.ai, r.n]).toEqual([30, 50]);
			expect(r.share!.pct).toBeCloseTo(60, 10);
			expect(r.share!.interval!.lower).toBeCloseTo(expected.lower, 6);
			expect(r.share!.interval!.upper).toBeCloseTo(expected.upper, 6);
		}
	});
});

describe('claim check: year choices', () => {
	it('only years with US reports: a gap year between two is no choice', () => {
		expect.hasAssertions();
		const gap = [2021, 2024].flatMap((workYear) =>
			(['AI', 'ML'] as const).flatMap((f) => seq(100_000, 6, 977).map((salaryUsd) => familyRow(f, { workYear, salaryUsd })))
		);
		const c = overviewView(datasetOf(gap), { filters: DEFAULT_FILTERS, claimYear: 2022 }).claim;
		expect(c.yearChoices).toEqual([2021, 2024]);
		expect(c.aiShareByYear.map((r) => r.key)).toEqual(['2021', '2024']);
		expect(c.years).toEqual({ from: 2024, to: 2024 });
	});
});
