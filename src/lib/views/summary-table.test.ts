import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSalaries } from '$lib/data/salaries';
import { computeStats } from '$lib/transform/stats/compute';
import { prepareRows } from '$lib/transform/stats/prepare';
import { DEFAULT_FILTERS, type Filters } from '$lib/transform/filters';
import { summaryQuery } from '$lib/format/query';
import { round } from '$lib/csv/write';
import { BY_DIMENSION, GROWTH_COLUMNS, SUMMARY_COLUMNS, summaryTable, summaryView, type By, type SummaryTable } from './summary-table';
import { datasetOf, rows as yearRows } from './testing/year-rows';

const fixtureText = readFileSync(new URL('../../../tests/fixtures/salaries-small.csv', import.meta.url), 'utf8');

/**
 * salaries-small.csv as is: every family has fewer than 10 rows, so every statistic is suppressed.
 * Family mode: AI = 3 × AI Engineer (100k M, 120k M, 150k L; US 2024) + Prompt Engineer (90k S; US 2024) → n 4;
 * ML = 4 × Machine Learning Engineer (130k M, 170k M, 200k L, 250k L; US 2024) + MLOps Engineer (DE 2023, M)
 * + Machine Learning Engineer (GB 2021e, S) → n 6. Data Scientist is in neither family.
 */
const small = prepareRows(parseSalaries(fixtureText).rows);

/**
 * The same rows three times over (header once): AI n 12, ML n 18, so the US rows
 * (north-america) pass the small-sample rule while europe stays suppressed.
 */
const dataLines = fixtureText.trim().split(/\r?\n/).slice(1);
const tripled = prepareRows(parseSalaries([fixtureText.trim(), ...dataLines, ...dataLines].join('\n') + '\n').rows);

function table(data: typeof small, by: By, filters: Partial<Filters> = {}): SummaryTable {
	const f = { ...DEFAULT_FILTERS, ...filters };
	const view = computeStats(data, f, { groupBy: by === 'none' ? null : BY_DIMENSION[by] });
	return summaryTable(view, by, summaryQuery(by, f));
}

/** Rows as objects keyed by column, so assertions name what they check. */
function records(t: SummaryTable): Record<string, unknown>[] {
	return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

const STAT_COLUMNS = ['p10', 'p25', 'median', 'p75', 'p90', 'median_ci_low', 'median_ci_high'] as const;
const GAP_COLUMNS = [
	'gap_usd',
	'gap_usd_ci_low',
	'gap_usd_ci_high',
	'gap_pct',
	'gap_pct_ci_low',
	'gap_pct_ci_high',
	'gap_distinguishable'
] as const;

describe('summaryTable', () => {
	it('by=none: one row per family with counts and shares; suppressed rows carry no statistics', () => {
		expect.hasAssertions();
		const t = table(small, 'none');
		expect(t.columns).toEqual([...SUMMARY_COLUMNS]);
		const [ai, ml] = records(t);
		expect(t.rows).toHaveLength(2);
		// n: AI 4, ML 6 (see the fixture note above); share = 4/10 and 6/10.
		expect(ai).toMatchObject({
			group: 'all',
			group_label: 'All reports in view',
			family: 'AI',
			n: 4,
			suppressed: true,
			low_confidence: false,
			share_pct: 40,
			pay_basis: 'nominal US$'
		});
		expect(ml).toMatchObject({ group: 'all', family: 'ML', n: 6, suppressed: true, low_confidence: false, share_pct: 60 });
		for (const r of [ai!, ml!]) for (const c of [...STAT_COLUMNS, ...GAP_COLUMNS]) expect(r[c], c).toBeNull();
	});

	it('by=company_size: groups in S, M, L order, one AI and one ML row each', () => {
		expect.hasAssertions();
		const t = records(table(small, 'company_size'));
		// S: AI Prompt 90k, ML GB 2021e → 1/1; M: AI 100k,120k, ML 130k,170k,DE 151k → 2/3; L: AI 150k, ML 200k,250k → 1/2.
		// Every group has fewer than 10 reports, so no share is given (support.ts: a share's n is its denominator).
		expect(t.map((r) => [r.group, r.family, r.n, r.share_pct])).toEqual([
			['S', 'AI', 1, null],
			['S', 'ML', 1, null],
			['M', 'AI', 2, null],
			['M', 'ML', 3, null],
			['L', 'AI', 1, null],
			['L', 'ML', 2, null]
		]);
		// Tripled, M has 15 reports (6 AI, 9 ML) → 40 / 60 %; S (6) and L (9) stay below the rule.
		expect(records(table(tripled, 'company_size')).map((r) => [r.group, r.family, r.n, r.share_pct])).toEqual([
			['S', 'AI', 3, null],
			['S', 'ML', 3, null],
			['M', 'AI', 6, 40],
			['M', 'ML', 9, 60],
			['L', 'AI', 3, null],
			['L', 'ML', 6, null]
		]);
		expect(t.map((r) => r.group_label)).toEqual([
			'Small (< 50 staff)',
			'Small (< 50 staff)',
			'Medium (50–250)',
			'Medium (50–250)',
			'Large (> 250)',
			'Large (> 250)'
		]);
		for (const r of t) {
			expect(r.suppressed).toBe(true);
			for (const c of [...STAT_COLUMNS, ...GAP_COLUMNS]) expect(r[c], `${r.group} ${r.family} ${c}`).toBeNull();
		}
	});

	it('titles=strict keeps only the two exact titles', () => {
		expect.hasAssertions();
		// Strict: 3 × AI Engineer; 5 × Machine Learning Engineer (4 US + the GB 2021e row).
		const [ai, ml] = records(table(small, 'none', { titles: 'strict' }));
		expect([ai!.n, ml!.n, ai!.share_pct, ml!.share_pct]).toEqual([3, 5, null, null]); // 8 reports: no share
		const [ai3, ml3] = records(table(tripled, 'none', { titles: 'strict' }));
		expect([ai3!.n, ml3!.n, ai3!.share_pct, ml3!.share_pct]).toEqual([9, 15, 37.5, 62.5]);
	});

	it('by=region on the tripled fixture: hand-computed quantiles, intervals and gap; gap equal on both rows', () => {
		expect.hasAssertions();
		const t = records(table(tripled, 'region'));
		// Groups in REGIONS order: europe (DE, GB) before north-america (US).
		expect(t.map((r) => [r.group, r.family, r.n])).toEqual([
			['europe', 'AI', 0],
			['europe', 'ML', 6],
			['north-america', 'AI', 12],
			['north-america', 'ML', 12]
		]);
		const [euAi, euMl, naAi, naMl] = t as [
			Record<string, unknown>,
			Record<string, unknown>,
			Record<string, unknown>,
			Record<string, unknown>
		];

		// europe: AI has no rows, ML 6 rows → suppressed; no statistics, no gap, and no share
		// either: "100 % ML" from 6 reports falls under the small-sample rule (support.ts).
		expect(euAi).toMatchObject({ group_label: 'Europe', suppressed: true, share_pct: null });
		expect(euMl).toMatchObject({ suppressed: true, share_pct: null });
		for (const r of [euAi, euMl]) for (const c of [...STAT_COLUMNS, ...GAP_COLUMNS]) expect(r[c], c).toBeNull();

		/*
		 * north-america by hand, R type 7: h = (n − 1)·p = 11p, q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), 0-based.
		 * AI sorted (k$): 90 90 90 100 100 100 120 120 120 150 150 150
		 *   p10 h=1.1 → 90; p25 h=2.75 → 90 + .75·10 = 97.5; median h=5.5 → (100+120)/2 = 110;
		 *   p75 h=8.25 → 120 + .25·30 = 127.5; p90 h=9.9 → 150.
		 * ML sorted (k$): 130 130 130 170 170 170 200 200 200 250 250 250
		 *   p10 → 130; p25 → 130 + .75·40 = 160; median → (170+200)/2 = 185; p75 → 200 + .25·50 = 212.5; p90 → 250.
		 * Share: 12 / 24 = 50 %. Gap: 110 − 185 = −75k; gap % = 100·(110/185 − 1) = −40.5405…
		 * The fixture is tripled: every report is there three times, so each family is 4 clusters of
		 * 3 identical rows, effective n = 12² / (4 · 3²) = 4, design effect 3 (METHODS.md, "Repeated
		 * rows"). Four distinct reports are fewer than the 6 an interval needs (MIN_INTERVAL_EFFECTIVE_N):
		 * no median interval, no gap interval and no verdict (expected-values.py, "tripled fixture"),
		 * and low confidence although each family has 12 rows: three copies of 4 reports are not 12 reports.
		 */
		expect(naAi).toMatchObject({
			group_label: 'North America',
			suppressed: false,
			low_confidence: true,
			p10: 90000,
			p25: 97500,
			median: 110000,
			p75: 127500,
			p90: 150000,
			n: 12,
			effective_n: 4,
			median_ci_low: null,
			median_ci_high: null,
			share_pct: 50
		});
		expect(naMl).toMatchObject({
			suppressed: false,
			low_confidence: true,
			p10: 130000,
			p25: 160000,
			median: 185000,
			p75: 212500,
			p90: 250000,
			effective_n: 4,
			median_ci_low: null,
			median_ci_high: null,
			share_pct: 50
		});
		expect(naAi).toMatchObject({
			gap_usd: -75000,
			gap_usd_ci_low: null,
			gap_usd_ci_high: null,
			gap_pct: -40.541,
			gap_pct_ci_low: null,
			gap_pct_ci_high: null,
			gap_distinguishable: null
		});
		for (const c of GAP_COLUMNS) expect(naMl[c], c).toBe(naAi[c]);
	});

	it('by=work_year adds the year-over-year columns (hand-computed on the fixture)', () => {
		expect.hasAssertions();
		const t = table(small, 'work_year');
		expect(t.columns).toEqual([...SUMMARY_COLUMNS, ...GROWTH_COLUMNS]);
		for (const r of t.rows) expect(r).toHaveLength(t.columns.length);
		/*
		 * Years with rows: 2021 (ML 1), 2023 (ML 1), 2024 (AI 4, ML 4); growth runs over 2021–2024
		 * with 2022 empty. 2023 follows the empty 2022 → no change can be given. 2024 vs 2023:
		 * ML count 1 → 4 and the shares of 1 and 8 reports are all below the small-sample rule
		 * (n < 10, support.ts), so no change is given (it would read "+300 %", "−50 pp").
		 * All medians are suppressed → no median change.
		 */
		expect(records(t).map((r) => [r.group, r.family, r.n, r.yoy_count_pct, r.yoy_share_pp, r.yoy_median_pct])).toEqual([
			['2021', 'AI', 0, null, null, null],
			['2021', 'ML', 1, null, null, null],
			['2023', 'AI', 0, null, null, null],
			['2023', 'ML', 1, null, null, null],
			['2024', 'AI', 4, null, null, null],
			['2024', 'ML', 4, null, null, null]
		]);
	});

	it('every row carries the canonical query of the view (grouping first, then the filters set)', () => {
		expect.hasAssertions();
		const t = table(tripled, 'company_size', { country: ['US'], exp: ['SE', 'MI'], real: false });
		const qi = t.columns.indexOf('query');
		expect(qi).toBe(SUMMARY_COLUMNS.length - 1);
		expect(t.rows.length).toBeGreaterThan(0);
		// exp keeps the order given; the query writes what the filters hold.
		for (const r of t.rows) expect(r[qi]).toBe('by=company_size&country=US&exp=SE,MI');
		expect(records(table(small, 'none'))[0]!.query).toBe('by=none');
	});

	it('refuses a view grouped by another dimension, and leaves the view unchanged', () => {
		expect.hasAssertions();
		const view = computeStats(tripled, DEFAULT_FILTERS, { groupBy: 'region' });
		const before = JSON.stringify(view);
		expect(() => summaryTable(view, 'company_size', 'by=company_size')).toThrow(/not grouped by companySize/);
		expect(() => summaryTable(computeStats(tripled, DEFAULT_FILTERS), 'region', 'by=region')).toThrow(/not grouped by region/);
		summaryTable(view, 'region', 'by=region');
		expect(JSON.stringify(view)).toBe(before);
	});
});

describe('summaryView and the pay basis', () => {
	const full = datasetOf(yearRows);
	const partial = datasetOf(yearRows, { dataVersion: '2024-06-30' });

	it('is the summary table of the statistics for the filters and grouping, returned with them', () => {
		expect.hasAssertions();
		for (const by of ['none', 'company_size', 'work_year'] as const) {
			const v = summaryView(full, { by, filters: DEFAULT_FILTERS });
			const stats = computeStats(full.prepared, DEFAULT_FILTERS, {
				cpi: full.annualCpi,
				groupBy: by === 'none' ? null : BY_DIMENSION[by]
			});
			expect(v.stats).toEqual(stats);
			// issue 10: summaryTable takes the canonical query (the default filters add nothing to
			// `by=…`) and the partial year (none: this snapshot ends on 31 December)
			expect({ columns: v.columns, rows: v.rows }).toEqual(summaryTable(stats, by, `by=${by}`, null));
			expect(new Set(records(v).map((r) => r.query))).toEqual(new Set([`by=${by}`]));
		}
		expect(summaryView(full, { by: 'none', filters: DEFAULT_FILTERS }).rows.map((r) => r[0])).toEqual(['all', 'all']);
	});

	it("partial_year marks the snapshot's own year only when the snapshot does not end on 31 December", () => {
		expect.hasAssertions();
		const partialOf = (data: typeof full) =>
			records(summaryView(data, { by: 'work_year', filters: DEFAULT_FILTERS })).map((r) => [r.group, r.partial_year]);
		expect(partialOf(partial)).toEqual(['2022', '2022', '2023', '2023', '2024', '2024'].map((y) => [y, y === '2024']));
		expect(partialOf(full).every(([, p]) => p === false)).toBe(true);
	});

	it('real pay: the basis names the CPI base year and the median change is the real one', () => {
		expect.hasAssertions();
		const filters = { ...DEFAULT_FILTERS, real: true };
		const v = summaryView(full, { by: 'work_year', filters });
		const r = records(v);
		expect(new Set(r.map((x) => x.pay_basis))).toEqual(new Set(['real 2024 US$']));
		const ml = v.stats.growth.families.ML.points;
		expect(r.filter((x) => x.family === 'ML').map((x) => x.yoy_median_pct)).toEqual(ml.map((p) => round(p.yoy.medianRealPct, 3)));
		expect(ml[2]!.yoy.medianRealPct).not.toBe(ml[2]!.yoy.medianPct);
		const nominal = records(summaryView(full, { by: 'work_year', filters: DEFAULT_FILTERS }));
		expect(new Set(nominal.map((x) => x.pay_basis))).toEqual(new Set(['nominal US$']));
		expect(nominal.filter((x) => x.family === 'ML').map((x) => x.yoy_median_pct)).toEqual(ml.map((p) => round(p.yoy.medianPct, 3)));
	});

	it('without any report, the shares are null, not a division by zero; without growth, no growth columns', () => {
		expect.hasAssertions();
		const none = records(summaryView(full, { by: 'none', filters: { ...DEFAULT_FILTERS, exp: ['EX'] } }));
		expect(none.map((r) => [r.n, r.share_pct])).toEqual([
			[0, null],
			[0, null]
		]);
		const bySize = summaryView(full, { by: 'company_size', filters: DEFAULT_FILTERS });
		for (const row of bySize.rows) expect(row).toHaveLength(SUMMARY_COLUMNS.length);
	});

	it('a gap without a percent interval leaves its percent bounds empty and keeps the dollar interval', () => {
		expect.hasAssertions();
		const stats = computeStats(full.prepared, DEFAULT_FILTERS, { cpi: full.annualCpi });
		const e = stats.gap.estimate!;
		const noPct = { ...stats, gap: { ...stats.gap, estimate: { ...e, gapPctInterval: null } } };
		const [ai] = records(summaryTable(noPct, 'none', 'by=none'));
		expect(ai).toMatchObject({ gap_pct: round(e.gapPct, 3), gap_pct_ci_low: null, gap_pct_ci_high: null });
		expect(ai!.gap_usd_ci_low).toBe(round(e.gapUsdInterval!.lower, 2));
	});
});
