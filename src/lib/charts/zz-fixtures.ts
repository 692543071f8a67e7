import type { DistributionGroup, GapRow, LineSeries } from './types';
export function spreadFixtures(moneyShort: (v: number) => string, pctSigned: (v: number) => string) {
const lineSeries: LineSeries[] = [
	{
		id: 'ai',
		label: 'AI engineer',
		color: 'var(--ai)',
		points: [
			{ x: 2021, y: 140000, lo: 120000, hi: 160000, n: 12, note: 'Low confidence: 12 reports' },
			{ x: 2022, y: null },
			{ x: 2023, y: 160000, lo: 150000, hi: 172000, n: 60 },
			{ x: 2024, y: 175000, lo: 168000, hi: 183000, n: 240 }
		]
	},
	{
		id: 'ml',
		label: 'ML engineer',
		color: 'var(--ml)',
		points: [
			{ x: 2021, y: 150000, n: 300 },
			{ x: 2022, y: 155000, n: 420 },
			{ x: 2023, y: 158000, n: 800 },
			{ x: 2024, y: 165000, n: 1200 }
		]
	}
];
const lineProps = {
	series: lineSeries,
	xKind: 'year' as const,
	xLabel: 'Year',
	yLabel: 'Median salary (US$)',
	yFormat: moneyShort,
	annotations: [{ x: 2022.9, label: 'ChatGPT released' }],
	title: 'Median salary by year',
	desc: 'AI engineer median pay rose from $140k in 2021 to $175k in 2024.',
	width: 640
};

const gapRows: GapRow[] = [
	{ label: 'Entry', value: 12.5, lo: 4, hi: 21, detail: 'AI n = 40 · ML n = 900', status: 'ok' },
	{ label: 'Mid', value: -8, lo: -15, hi: -1, detail: 'AI n = 120 · ML n = 1,400', status: 'ok' },
	{ label: 'Senior individual contributor at a large company in North America', value: 3, lo: -6, hi: 14, detail: 'AI n = 14 · ML n = 2,100', status: 'low' },
	{ label: 'Executive', value: null, lo: null, hi: null, detail: 'AI n = 3 · ML n = 80', status: 'suppressed' }
];
const gapProps = {
	rows: gapRows,
	xLabel: 'AI minus ML median, % of ML median',
	xFormat: (v: number) => pctSigned(v),
	title: 'Pay gap by experience level',
	desc: 'AI engineers earn more at entry level and less at mid level.',
	width: 640
};

/** Deterministic salaries spread evenly (in log space) between lo and hi. */
const spread = (lo: number, hi: number, n: number) =>
	Array.from({ length: n }, (_, i) => Math.round(lo * (hi / lo) ** (i / (n - 1))));
const groups: DistributionGroup[] = [
	{
		id: 'ai',
		label: 'AI engineer',
		color: 'var(--ai)',
		n: 25,
		q: { p10: 20000, p25: 50000, p50: 100000, p75: 200000, p90: 500000 },
		points: spread(10000, 1000000, 25)
	},
	{
		id: 'ml',
		label: 'ML engineer',
		color: 'var(--ml)',
		n: 30,
		q: { p10: 30000, p25: 60000, p50: 120000, p75: 180000, p90: 400000 },
		points: spread(15000, 800000, 30)
	},
	{ id: 'pe', label: 'Prompt engineer', color: 'var(--ai)', n: 4, q: null, points: [50000, 60000] }
];
const distProps = {
	groups,
	scale: 'log' as const,
	xLabel: 'Annual salary (US$, log scale)',
	xFormat: moneyShort,
	title: 'Salary distribution',
	desc: 'Both families span $10k to $1M.',
	width: 640
};

const barProps = {
	categories: ['Small (< 50 staff)', 'Medium (50–250)', 'Large (> 250)'],
	series: [
		{ id: 'ai', label: 'AI engineer', color: 'var(--ai)', values: [100000, 150000, null] },
		{ id: 'ml', label: 'ML engineer', color: 'var(--ml)', values: [50000, 160000, 200000] }
	],
	yLabel: 'Median salary (US$)',
	xLabel: 'Company size',
	yFormat: moneyShort,
	title: 'Median salary by company size',
	desc: 'ML engineers earn most at large companies.',
	width: 640
};


return { line: lineProps, gap: gapProps, dist: distProps, bar: barProps };
}
