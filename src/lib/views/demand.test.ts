import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import { familyRow } from '$lib/transform/stats/testing/rows';
import type { SectorIndexRow, ShareRow } from '$lib/data/types';
import { describeFilters } from '$lib/format/filters';
import { SIZE_LABEL } from '$lib/format/labels';
import { SERIES_COLOR, SIZE_COLOR } from '$lib/theme';
import { CONTEXT_SECTORS } from '$lib/transform/dataset';
import { demandView, monthlyMeans, sectorByMonth, sectorColumn, shareByMonth, shareMarkets, sizeShares } from './demand';
import { expectWellFormedTable } from './testing/tables';
import { datasetOf, seq } from './testing/year-rows';

describe('monthlyMeans', () => {
	it('averages daily values per calendar month, in month order, without changing the input', () => {
		expect.hasAssertions();
		const input = [
			{ date: '2024-02-01', value: 10 },
			{ date: '2024-01-31', value: 3 },
			{ date: '2024-01-01', value: 1 },
			{ date: '2024-02-29', value: 20 }
		];
		const copy = structuredClone(input);
		// By hand: Jan (1 + 3) / 2 = 2; Feb (10 + 20) / 2 = 15.
		expect(monthlyMeans(input)).toEqual([
			{ month: '2024-01-01', value: 2, days: 2 },
			{ month: '2024-02-01', value: 15, days: 2 }
		]);
		expect(input).toEqual(copy);
	});

	it('keeps one country only', () => {
		expect.hasAssertions();
		const rows = [
			{ date: '2024-01-01', country: 'US', sharePct: 4 },
			{ date: '2024-01-01', country: 'GB', sharePct: 9 }
		];
		expect(shareByMonth(rows, 'US')).toEqual([{ month: '2024-01-01', value: 4, days: 1 }]);
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
		// issue 10: a mix needs ≥ SUPPRESS_BELOW (10) reports in its denominator, so AI has 9 + 3 = 12
		// (before 6 + 2 = 8, which is now suppressed) and ML's 3 reports give no shares at all.
		const sized = [
			...seq(100_000, 9).map((v) => familyRow('AI', { workYear: 2024, companySize: 'S', salaryUsd: v })),
			...seq(100_000, 3).map((v) => familyRow('AI', { workYear: 2024, companySize: 'L', salaryUsd: v })),
			...seq(100_000, 3).map((v) => familyRow('ML', { workYear: 2024, companySize: 'M', salaryUsd: v }))
		];
		const view = computeStats(sized, DEFAULT_FILTERS, { groupBy: 'companySize' });
		const empty = computeStats([], DEFAULT_FILTERS, { groupBy: 'companySize' });
		const out = sizeShares([
			{ year: 2024, stats: view },
			{ year: 2025, stats: empty }
		]);
		expect(out.map((s) => [s.year, s.family, s.total])).toEqual([
			[2024, 'AI', 12],
			[2024, 'ML', 3],
			[2025, 'AI', 0],
			[2025, 'ML', 0]
		]);
		// 9/12 = 75 %, 0/12, 3/12 = 25 %
		expect(out[0]!.bySize).toEqual({ S: { n: 9, sharePct: 75 }, M: { n: 0, sharePct: 0 }, L: { n: 3, sharePct: 25 } });
		// 3 reports: not "100 %" but no share (the counts stay)
		expect(out[1]!.bySize).toEqual({ S: { n: 0, sharePct: null }, M: { n: 3, sharePct: null }, L: { n: 0, sharePct: null } });
		expect(out[2]!.bySize.S).toEqual({ n: 0, sharePct: null });
		expect(() => sizeShares([{ year: 2024, stats: computeStats(sized, DEFAULT_FILTERS, {}) }])).toThrow(/grouped by companySize/);
	});
});

describe('demandView', () => {
	const file = <T>(name: string, rows: readonly T[]) => ({ file: name, rows, issues: [], rowsRead: rows.length, rejected: 0 });
	const share = (country: string, date: string, sharePct: number): ShareRow => ({ date, country, sharePct });
	const sector = (sector: string, date: string, index: number, country = 'US'): SectorIndexRow => ({
		date,
		country,
		index,
		variable: 'total postings',
		sector
	});
	const [soft, maths] = CONTEXT_SECTORS;
	// Size mixes need ≥ 10 reports of the family and year (issue 10): AI 2023 has 9 + 3 = 12 and
	// ML 2024 has 12, so they have shares; AI 2025 has 2, so its mix is suppressed.
	const reports = [
		...seq(100_000, 9).map((v) => familyRow('AI', { workYear: 2023, companySize: 'S', salaryUsd: v })),
		...seq(100_000, 3).map((v) => familyRow('AI', { workYear: 2023, companySize: 'L', salaryUsd: v })),
		...seq(100_000, 12).map((v) => familyRow('ML', { workYear: 2024, companySize: 'M', salaryUsd: v })),
		// no CPI for 2025 (the fixture's CPI ends in 2024): counted all the same, pay basis or not
		...seq(100_000, 2).map((v) => familyRow('AI', { workYear: 2025, companySize: 'M', salaryUsd: v }))
	];
	const data = datasetOf(reports, {
		aiShare: file('ai.csv', [share('US', '2024-01-01', 1.23456), share('US', '2024-02-03', 2), share('DE', '2024-03-01', 7)]),
		genaiShare: file('genai.csv', [share('US', '2024-02-01', 0.5), share('JP', '2024-01-01', 3)]),
		sectors: [
			file('sectors.csv', [
				sector(soft, '2024-01-01', 100.12345),
				sector(soft, '2024-02-01', 98),
				sector(maths, '2024-02-01', 90),
				sector(soft, '2024-04-01', 1, 'DE')
			])
		]
	});
	const view = (market = 'US', filters = DEFAULT_FILTERS) => demandView(data, { filters, market });

	it('share lines: AI then GenAI, in the two series colours, one point per month at its first day', () => {
		expect.hasAssertions();
		const m = view();
		expect(m.shareSeries.map((s) => [s.id, s.color])).toEqual([
			['ai', SERIES_COLOR[0]],
			['genai', SERIES_COLOR[1]]
		]);
		for (const s of m.shareSeries) expect(s.label).toMatch(s.id === 'ai' ? /AI/ : /generative AI/);
		expect(m.shareSeries[0]!.points).toEqual([
			{ x: new Date(Date.UTC(2024, 0, 1)), y: 1.23456 },
			{ x: new Date(Date.UTC(2024, 1, 1)), y: 2 }
		]);
		expect(m.shareSeries[1]!.points).toEqual([{ x: new Date(Date.UTC(2024, 1, 1)), y: 0.5 }]);
		expect(m.annotations.map((a) => [a.x, a.label])).toEqual([[new Date(Date.UTC(2022, 10, 30)), expect.stringMatching(/ChatGPT/)]]);
		expect([m.hasShares, m.shareSourceDate, m.lastDates]).toEqual([
			true,
			'2024-02-03',
			{ ai: '2024-02-03', genai: '2024-02-01', sectors: '2024-02-01' }
		]);
	});

	it('share table and CSV: one row per AI month, GenAI beside it or null, CSV rounded to 4 decimals', () => {
		expect.hasAssertions();
		const m = view();
		expectWellFormedTable(m.shareTable);
		expect(m.shareTable.columns.map((c) => c.format ?? null)).toEqual([null, 'pct2', 'pct2']);
		expect(m.shareTable.rows).toEqual([
			{ month: '2024-01', ai: 1.23456, genai: null },
			{ month: '2024-02', ai: 2, genai: 0.5 }
		]);
		expect(m.shareCsv).toEqual({
			columns: ['month', 'country', 'ai_share_pct', 'genai_share_pct'],
			rows: [
				['2024-01', 'US', 1.2346, null],
				['2024-02', 'US', 2, 0.5]
			]
		});
	});

	it('sector lines, table and CSV: one column per context sector, months of the first sector, CSV rounded to 3 decimals', () => {
		expect.hasAssertions();
		const m = view();
		expect(m.hasSectors).toBe(true);
		expect(m.sectorSeries.map((s) => [s.id, s.label, s.color, s.points.length])).toEqual([
			[soft, soft, SERIES_COLOR[0], 2],
			[maths, maths, SERIES_COLOR[1], 1]
		]);
		expectWellFormedTable(m.sectorTable);
		expect(m.sectorTable.columns.map((c) => [c.key, c.format ?? null])).toEqual([
			['month', null],
			[soft, 'fixed1'],
			[maths, 'fixed1']
		]);
		for (const c of m.sectorTable.columns.slice(1)) expect(c.label).toContain(c.key);
		expect(m.sectorTable.rows).toEqual([
			{ month: '2024-01', [soft]: 100.12345, [maths]: null },
			{ month: '2024-02', [soft]: 98, [maths]: 90 }
		]);
		expect(m.sectorCsv.rows).toEqual([
			['2024-01', 'US', 100.123, null],
			['2024-02', 'US', 98, 90]
		]);
		expect(m.sectorCsv.columns).toEqual(['month', 'country', 'software_development_index', 'mathematics_index']);
	});

	it('a market without Indeed data: no shares, no sectors, no source date', () => {
		expect.hasAssertions();
		const m = view('FR');
		expect([m.hasShares, m.hasSectors, m.shareSourceDate]).toEqual([false, false, '']);
		expect(m.shareTable.rows).toEqual([]);
		expect(m.sectorTable.rows).toEqual([]);
		expect(m.markets).toEqual({ covered: [], others: ['DE', 'US'] });
		// GenAI data alone is enough for the share chart; one sector alone for the sector chart
		expect(view('JP').hasShares).toBe(true);
		const de = view('DE');
		expect([de.hasShares, de.hasSectors, de.lastDates]).toEqual([true, true, { ai: '2024-03-01', genai: '', sectors: '2024-04-01' }]);
	});

	it('company-size mix: one chart per family over the filtered years, the CSV with the same shares and the filters in words', () => {
		expect.hasAssertions();
		const m = view();
		expect(m.counts.counted).toBe(26); // 12 + 12 + 2
		// issue 10: each year's label carries the family's reports of that year (the mix's n)
		expect(m.sizeCharts.map((c) => [c.family, c.categories])).toEqual([
			['AI', ['2023 n=12', '2024 n=0', '2025 n=2']],
			['ML', ['2023 n=0', '2024 n=12', '2025 n=0']]
		]);
		const ai = m.sizeCharts[0]!;
		expect(ai.series.map((s) => [s.id, s.label, s.color])).toEqual(
			(['S', 'M', 'L'] as const).map((size) => [size, SIZE_LABEL[size], SIZE_COLOR[size]])
		);
		// 2023: 9/12, 0/12, 3/12; 2024: no AI reports; 2025: 2 reports, suppressed (before 0/100/0 %)
		expect(ai.series.map((s) => s.values)).toEqual([
			[75, null, null],
			[0, null, null],
			[25, null, null]
		]);
		expect(m.sizeCharts[1]!.series.map((s) => s.values)).toEqual([
			[null, 0, null],
			[null, 100, null],
			[null, 0, null]
		]);
		// the mixes of 12 reports (10–29) are drawable and marked low; a year of 0 or 2 reports has no verdict to draw
		expect(ai.series[0]!.support).toEqual(['low', 'suppressed', 'suppressed']);
		expect(ai.series[0]!.n).toEqual([9, 0, 0]);
		expect(m.sizeCharts.map((c) => c.drawable)).toEqual([true, true]);
		expect(ai.totals).toEqual([
			{ year: 2023, n: 12 },
			{ year: 2024, n: 0 },
			{ year: 2025, n: 2 }
		]);
		// with only the suppressed 2025 year, nothing is drawable
		const late = view('US', { ...DEFAULT_FILTERS, from: 2025, to: 2025 });
		expect(late.sizeCharts.map((c) => c.drawable)).toEqual([false, false]);
		expect(m.sizeCharts[1]!.table.rows.map((r) => [r.year, r.total, r.Mn])).toEqual([
			['2023', 0, 0],
			['2024', 12, 12],
			['2025', 0, 0]
		]);
		expectWellFormedTable(ai.table);
		expect(ai.table.rows[0]).toEqual({ year: '2023', total: 12, Sn: 9, Sp: 75, Mn: 0, Mp: 0, Ln: 3, Lp: 25 });
		// the suppressed 2025 mix keeps its counts and has no shares
		expect(ai.table.rows[2]).toEqual({ year: '2025', total: 2, Sn: 0, Sp: null, Mn: 2, Mp: null, Ln: 0, Lp: null });
		expect(ai.table.columns.filter((c) => c.format === 'pct').map((c) => c.key)).toEqual(['Sp', 'Mp', 'Lp']);
		expect(m.sizeCsv.columns).toEqual(['year', 'family', 'company_size', 'n', 'share_pct', 'filters']);
		expect(m.sizeCsv.rows.slice(0, 3)).toEqual([
			[2023, 'AI', 'S', 9, 75, describeFilters(DEFAULT_FILTERS)],
			[2023, 'AI', 'M', 0, 0, describeFilters(DEFAULT_FILTERS)],
			[2023, 'AI', 'L', 3, 25, describeFilters(DEFAULT_FILTERS)]
		]);
		const size = { ...DEFAULT_FILTERS, size: ['S' as const] };
		expect(view('US', size).sizeCsv.rows[0]![5]).toBe(describeFilters(size));
	});

	it('a refused GenAI file is named for the share chart only', () => {
		expect.hasAssertions();
		const missing = {
			id: 'indeed-genai-share',
			file: 'genai.csv',
			state: 'missing' as const,
			message: 'The data file genai.csv is missing.'
		};
		const m = demandView({ ...data, sources: [missing] }, { filters: DEFAULT_FILTERS, market: 'US' });
		expect(m.unavailable).toEqual({ share: ['The data file genai.csv is missing.'], sectors: [] });
	});

	it('sector CSV columns: the sector in lower case, every run of other characters one underscore', () => {
		expect.hasAssertions();
		expect(sectorColumn('Software Development')).toBe('software_development_index');
		expect(sectorColumn('Banking & Finance')).toBe('banking_finance_index');
	});

	it('counts do not depend on the pay basis; no matching report gives no size charts', () => {
		expect.hasAssertions();
		const counted = (m: ReturnType<typeof view>) => m.sizeCsv.rows.map((r) => r.slice(0, 5));
		expect(counted(view('US', { ...DEFAULT_FILTERS, real: true }))).toEqual(counted(view()));
		expect(view('US', { ...DEFAULT_FILTERS, real: true }).counts).toEqual(view().counts);
		const none = view('US', { ...DEFAULT_FILTERS, exp: ['EX'] });
		expect([none.sizeCharts, none.sizeCsv.rows]).toEqual([[], []]);
	});
});
