/**
 * Server-rendered charts: golden SVG files (src/lib/charts/__snapshots__/*.svg, open them in
 * a browser to look at the charts) plus checks of real geometry, so a snapshot update cannot
 * silently accept a wrong chart. Widths are fixed by the `width` prop (no measuring on the
 * server), so output is deterministic.
 */
import { render } from 'svelte/server';
import { createRawSnippet } from 'svelte';
import { beforeEach, describe, expect, test } from 'vitest';
import LineChart from './LineChart.svelte';
import BarChart from './BarChart.svelte';
import GapBars from './GapBars.svelte';
import DistributionChart from './DistributionChart.svelte';
import ChartCard from './ChartCard.svelte';
import DataTable from './DataTable.svelte';
import { money, moneyShort, pctSigned, pctSignedAxis } from '$lib/format';
import MedianIntervals from './MedianIntervals.svelte';
import type { DistributionGroup, GapRow, LineSeries } from '$lib/views/chart-models';

beforeEach(() => {
	expect.hasAssertions();
});

// ── helpers ────────────────────────────────────────────────────────────────────────────

/** The chart's <svg> element as markup, without hydration comments and Svelte's hash classes. */
function svgOf(body: string): string {
	const start = body.indexOf('<svg');
	const end = body.lastIndexOf('</svg>');
	return body
		.slice(start, end + '</svg>'.length)
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/\s?svelte-[a-z0-9]+/g, '')
		.replace(/ class=""/g, '');
}
/** One element per line, so golden-file diffs point at the changed mark. */
const pretty = (svg: string) => `${svg.replace(/></g, '>\n<')}\n`;

/** Attributes of every opening tag matching `name` whose markup contains `marker`. */
function tags(svg: string, name: string, marker = ''): Record<string, string>[] {
	const re = new RegExp(`<${name}\\b[^>]*>`, 'g');
	return (svg.match(re) ?? [])
		.filter((t) => t.includes(marker))
		.map((t) => Object.fromEntries([...t.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])));
}
const num = (s: string | undefined) => Number(s);
/** x of a `translate(x,y)` transform. */
const tx = (t: string | undefined) => Number(/translate\(([-\d.]+)/.exec(t ?? '')?.[1]);
/** Markup of each GapBars row, keyed by data-row. */
function rowsOf(svg: string): string[] {
	return svg.split('data-row="').slice(1);
}

// ── fixtures ───────────────────────────────────────────────────────────────────────────

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
	{ label: 'Entry', value: 12.5, lo: 4, hi: 21, n: { AI: 40, ML: 900 }, status: 'ok' },
	{ label: 'Mid', value: -8, lo: -15, hi: -1, n: { AI: 120, ML: 1_400 }, status: 'ok' },
	{
		label: 'Senior individual contributor at a large company in North America',
		value: 3,
		lo: -6,
		hi: 14,
		n: { AI: 14, ML: 2_100 },
		status: 'low'
	},
	{ label: 'Executive', value: null, lo: null, hi: null, n: { AI: 3, ML: 80 }, status: 'suppressed' }
];
const gapProps = {
	rows: gapRows,
	xLabel: 'AI minus ML median, % of ML median',
	xFormat: (v: number) => pctSigned(v),
	tickFormat: pctSignedAxis,
	title: 'Pay gap by experience level',
	desc: 'AI engineers earn more at entry level and less at mid level.',
	width: 640
};

/** Deterministic salaries spread evenly (in log space) between lo and hi. */
const spread = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, i) => Math.round(lo * (hi / lo) ** (i / (n - 1))));
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

// ── golden files ───────────────────────────────────────────────────────────────────────

describe('golden SVG snapshots', () => {
	test.each([
		['line-chart', () => render(LineChart, { props: lineProps })],
		['line-chart-375', () => render(LineChart, { props: { ...lineProps, width: 375 } })],
		['bar-chart', () => render(BarChart, { props: barProps })],
		['bar-chart-stacked-375', () => render(BarChart, { props: { ...barProps, stacked: true, width: 375 } })],
		['gap-bars', () => render(GapBars, { props: gapProps })],
		['gap-bars-375', () => render(GapBars, { props: { ...gapProps, width: 375 } })],
		['distribution-log', () => render(DistributionChart, { props: distProps })],
		['distribution-linear-375', () => render(DistributionChart, { props: { ...distProps, scale: 'linear' as const, width: 375 } })]
	])('%s', async (name, draw) => {
		await expect(pretty(svgOf(draw().body))).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
	});
});

// ── properties ─────────────────────────────────────────────────────────────────────────

describe('ChartFrame (through any chart)', () => {
	test('the SVG is named by its title and described by its desc, scales to its box', () => {
		const svg = svgOf(render(LineChart, { props: lineProps }).body);
		const [root] = tags(svg, 'svg');
		const [titleEl] = tags(svg, 'title');
		const [descEl] = tags(svg, 'desc');
		expect(root?.['aria-labelledby']).toBe(titleEl?.id);
		expect(root?.['aria-describedby']).toBe(descEl?.id);
		expect(root?.width).toBe('100%');
		expect(root?.viewBox).toMatch(/^0 0 640 \d+/);
		expect(svg).toContain('>Median salary by year</title>');
	});

	test('a chart with focusable marks is a graphics-document, not an img', () => {
		const [root] = tags(svgOf(render(BarChart, { props: barProps }).body), 'svg');
		expect(root?.role).toBe('graphics-document');
		expect(root?.['aria-roledescription']).toBe('bar chart');
	});

	test('text from data is escaped, never parsed as markup', () => {
		const hostile = '<script>alert(1)</script> & "quotes"';
		const { body } = render(BarChart, {
			props: { ...barProps, title: hostile, categories: [hostile], series: [{ id: 'x', label: hostile, color: 'var(--ai)', values: [1] }] }
		});
		expect(body).not.toContain('<script>');
		expect(body).toContain('&lt;script>alert(1)&lt;/script> &amp; "quotes"');
	});

	test('the same props render the same markup at each width', () => {
		for (const w of [375, 1280]) {
			const a = render(DistributionChart, { props: { ...distProps, width: w } }).body;
			const b = render(DistributionChart, { props: { ...distProps, width: w } }).body;
			expect(a).toBe(b);
			expect(tags(svgOf(a), 'svg')[0]?.viewBox).toMatch(new RegExp(`^0 0 ${w} `));
		}
	});
});

describe('LineChart', () => {
	const svg = svgOf(render(LineChart, { props: lineProps }).body);

	test('one focusable marker per non-null value, labelled with its value and n', () => {
		const points = tags(svg, 'circle', 'class="point');
		expect(points).toHaveLength(7);
		expect(points.every((p) => p.tabindex === '0' && p.role === 'img')).toBe(true);
		expect(points[0]?.['aria-label']).toBe('AI engineer, 2021: $140k; 95% interval: $120k to $160k; n = 12; Low confidence: 12 reports');
	});

	test('a null value breaks the line; years are evenly spaced', () => {
		const [ai] = tags(svg, 'path', 'class="line');
		expect(ai?.d?.match(/M/g)).toHaveLength(2);
		const ml = tags(svg, 'circle', 'var(--ml)').map((c) => num(c.cx));
		expect(ml[1]! - ml[0]!).toBeCloseTo(ml[3]! - ml[2]!, 0);
	});

	test('intervals: a band where neighbours have one, a whisker for the lone interval', () => {
		expect(tags(svg, 'path', 'class="band')).toHaveLength(1);
		const [w] = tags(svg, 'line', 'class="whisker');
		const first = tags(svg, 'circle', 'class="point')[0];
		expect(w?.x1).toBe(first?.cx);
		expect(num(w?.y1)).toBeGreaterThan(num(first?.cy)); // lo is below the median on screen
		expect(num(w?.y2)).toBeLessThan(num(first?.cy));
	});

	test('annotation rule sits between 2022 and 2023, with its label', () => {
		const ticks = Object.fromEntries(
			tags(svg, 'g', 'class="tick')
				.filter((t) => t.transform?.endsWith(',0)'))
				.map((t) => [t['data-value'], tx(t.transform)])
		);
		const [ann] = tags(svg, 'g', 'class="annotation');
		expect(tx(ann?.transform)).toBeGreaterThan(ticks['2022']!);
		expect(tx(ann?.transform)).toBeLessThan(ticks['2023']!);
		expect(svg).toContain('ChatGPT');
	});

	test('legend names both series and the band', () => {
		expect(svg).toContain('>AI engineer</text>');
		expect(svg).toContain('>ML engineer</text>');
		expect(svg).toContain('>Shaded: 95% interval</text>');
	});
});

describe('LineChart with dates', () => {
	test('time axis: dates are placed in proportion and described in words', () => {
		const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
		const svg = svgOf(
			render(LineChart, {
				props: {
					...lineProps,
					xKind: 'time' as const,
					xLabel: 'Month posted',
					annotations: [{ x: d('2024-03-01'), label: 'Model launch' }],
					series: [
						{
							id: 'ai',
							label: 'AI postings',
							color: 'var(--ai)',
							points: [
								{ x: d('2024-01-01'), y: 10 },
								{ x: d('2024-02-01'), y: 12 },
								{ x: d('2024-04-01'), y: 20 }
							]
						}
					]
				}
			}).body
		);
		const pts = tags(svg, 'circle', 'class="point');
		const [a, b, c] = pts.map((p) => num(p.cx));
		// Jan→Feb is 31 days, Feb→Apr is 60 days
		expect((c! - b!) / (b! - a!)).toBeCloseTo(60 / 31, 1);
		expect(pts[1]?.['aria-label']).toBe('AI postings, 1 Feb 2024: $12');
		expect(svg).toContain('Model launch');
	});
});

describe('degenerate inputs render without throwing', () => {
	test.each([
		['LineChart, no series', () => render(LineChart, { props: { ...lineProps, series: [], annotations: [] } })],
		[
			'LineChart, all null',
			() =>
				render(LineChart, {
					props: { ...lineProps, series: [{ id: 'a', label: 'A', color: 'var(--ai)', points: [{ x: 2024, y: null }] }] }
				})
		],
		['BarChart, no categories', () => render(BarChart, { props: { ...barProps, categories: [], series: [] } })],
		['GapBars, no rows', () => render(GapBars, { props: { ...gapProps, rows: [] } })],
		['GapBars, all suppressed', () => render(GapBars, { props: { ...gapProps, rows: [gapRows[3]!] } })],
		['DistributionChart, no groups', () => render(DistributionChart, { props: { ...distProps, groups: [] } })],
		[
			'DistributionChart, one salary',
			() =>
				render(DistributionChart, {
					props: { ...distProps, groups: [{ ...groups[0]!, points: [100000], q: { p10: 1e5, p25: 1e5, p50: 1e5, p75: 1e5, p90: 1e5 } }] }
				})
		]
	])('%s', (_, draw) => {
		const svg = svgOf(draw().body);
		expect(svg).toMatch(/^<svg/);
		expect(svg).not.toMatch(/NaN|Infinity|undefined/);
	});
});

describe('BarChart', () => {
	const svg = svgOf(render(BarChart, { props: barProps }).body);
	const bars = tags(svg, 'rect', 'class="bar');

	test('one focusable bar per non-null value; a null value is a dash, not a zero bar', () => {
		expect(bars).toHaveLength(5);
		expect(bars.every((b) => b.tabindex === '0')).toBe(true);
		expect(svg).toContain('class="missing"');
		expect(bars.map((b) => b['aria-label'])).toContain('Medium (50–250), ML engineer: $160k');
	});

	test('heights are proportional to values from a zero baseline', () => {
		const h = (key: string) => num(bars.find((b) => b['data-key'] === key)?.height);
		expect(h('0-0') / h('0-1')).toBeCloseTo(2, 1); // 100k vs 50k
		const [base] = tags(svg, 'line', 'class="rule baseline');
		const b = bars.find((x) => x['data-key'] === '0-0')!;
		expect(num(b.y) + num(b.height)).toBeCloseTo(num(base?.y1), 0);
	});

	test('stacked: the second series sits on top of the first', () => {
		const st = tags(svgOf(render(BarChart, { props: { ...barProps, stacked: true } }).body), 'rect', 'class="bar');
		const a = st.find((b) => b['data-key'] === '1-0')!;
		const m = st.find((b) => b['data-key'] === '1-1')!;
		expect(num(m.y) + num(m.height)).toBeCloseTo(num(a.y), 0);
		expect(a.x).toBe(m.x);
	});
});

describe('GapBars', () => {
	const svg = svgOf(render(GapBars, { props: gapProps }).body);
	const zeroX = num(tags(svg, 'line', 'class="rule zero')[0]?.x1);
	const rows = rowsOf(svg);
	const bar = (i: number) => tags(rows[i] ?? '', 'rect', 'class="bar')[0];

	test('a positive gap (AI higher) is right of zero in the AI colour', () => {
		const b = bar(0)!;
		expect(num(b.x)).toBeCloseTo(zeroX, 0);
		expect(num(b.x) + num(b.width)).toBeGreaterThan(zeroX);
		expect(b.style).toContain('var(--ai)');
	});

	test('a negative gap (ML higher) is left of zero in the ML colour', () => {
		const b = bar(1)!;
		expect(num(b.x) + num(b.width)).toBeCloseTo(zeroX, 0);
		expect(num(b.x)).toBeLessThan(zeroX);
		expect(b.style).toContain('var(--ml)');
	});

	test('the bar length is proportional to the gap', () => {
		expect(num(bar(0)!.width) / num(bar(1)!.width)).toBeCloseTo(12.5 / 8, 1);
	});

	test('a suppressed row says "too few reports" and draws no bar or whisker', () => {
		expect(rows[3]).toContain('too few reports');
		expect(rows[3]).toContain('data-status="suppressed"');
		expect(bar(3)).toBeUndefined();
		expect(rows[3]).not.toContain('class="whisker');
	});

	test('a low-confidence row is hatched and says so', () => {
		expect(bar(2)?.style).toMatch(/fill: url\(#[\w-]+-hatch-pos\)/);
		expect(rows[2]).toContain('>Few reports: less certain</tspan>');
		expect(svg).toContain('>Hatched: fewer than 30 distinct reports</text>');
	});

	test('every row is focusable with the value, interval and evidence in its label', () => {
		const gs = tags(svg, 'g', 'class="row');
		expect(gs).toHaveLength(4);
		expect(gs[0]?.['aria-label']).toBe('Entry: +12.5%; 95% interval: +4.0% to +21.0%; AI n = 40 · ML n = 900');
		expect(gs[3]?.['aria-label']).toBe('Executive: too few reports; AI n = 3 · ML n = 80');
	});

	test('at 375 px labels sit above their bars and long labels wrap to two lines', () => {
		const narrow = svgOf(render(GapBars, { props: { ...gapProps, width: 375 } }).body);
		expect(tags(narrow, 'svg')[0]?.viewBox).toMatch(/^0 0 375 /);
		const r = rowsOf(narrow);
		const labelY = num(tags(r[2]!, 'text', 'class="row-label')[0]?.y);
		const barY = num(tags(r[2]!, 'rect', 'class="bar')[0]?.y);
		expect(labelY).toBeLessThan(barY);
		const spans = tags(r[2]!, 'tspan', 'x="-8"');
		expect(spans.length).toBe(3); // two label lines and the low-confidence note
		// the label starts 4 px from the SVG's left edge (padding.left is 12); the value ends
		// at the right end of the label's first line
		const value = tags(r[0]!, 'text', 'class="value')[0]!;
		expect(value['text-anchor']).toBe('end');
		expect(value.y).toBe(tags(r[0]!, 'text', 'class="row-label')[0]?.y);
		expect(num(value.x)).toBeLessThanOrEqual(375 - 12 - 4);
	});
});

describe('DistributionChart', () => {
	const svg = svgOf(render(DistributionChart, { props: distProps }).body);
	const ticks = Object.fromEntries(tags(svg, 'g', 'class="tick').map((t) => [t['data-value'], tx(t.transform)]));

	test('log scale: $100k lies midway between $10k and $1M', () => {
		expect(ticks['10000']).toBeDefined();
		expect(ticks['1000000']).toBeDefined();
		expect(ticks['100000']).toBeCloseTo((ticks['10000']! + ticks['1000000']!) / 2, 0);
	});

	test('the box spans p25 to p75 and the median line sits at p50', () => {
		const ai = svg.slice(svg.indexOf('data-group="ai"'), svg.indexOf('data-group="ml"'));
		const iqr = tags(ai, 'rect', 'class="bar iqr')[0]!;
		const med = tags(ai, 'line', 'class="rule median')[0]!;
		// p25 = 50k, p75 = 200k, p50 = 100k on the log axis
		const x = (v: number) => ticks['10000']! + ((ticks['1000000']! - ticks['10000']!) * Math.log10(v / 1e4)) / 2;
		expect(num(iqr.x)).toBeCloseTo(x(50000), 0);
		expect(num(iqr.x) + num(iqr.width)).toBeCloseTo(x(200000), 0);
		expect(num(med.x1)).toBeCloseTo(x(100000), 0);
	});

	test('each box carries its median as text', () => {
		const ai = svg.slice(svg.indexOf('data-group="ai"'), svg.indexOf('data-group="ml"'));
		expect(ai).toMatch(/<text class="median-label[^>]*>median \$100k<\/text>/);
	});

	test('on a linear axis one far outlier is clipped: drawn hollow at the edge and counted, the axis not stretched to it', () => {
		const g = (id: string, points: number[]) => ({
			id,
			label: id,
			color: 'var(--ai)',
			n: points.length,
			q: { p10: 100_000, p25: 120_000, p50: 150_000, p75: 180_000, p90: 200_000 },
			points
		});
		const base = Array.from({ length: 30 }, (_, i) => 90_000 + i * 4_000);
		const props = { ...distProps, scale: 'linear' as const, groups: [g('a', [...base, 2_000_000]), g('b', base)] };
		const out = svgOf(render(DistributionChart, { props }).body);
		const tickValues = tags(out, 'g', 'class="tick').map((t) => Number(t['data-value']));
		// outlierCap = 200k + 2 × 100k = 400k: the axis ends near it, not at $2M.
		expect(Math.max(...tickValues)).toBeLessThanOrEqual(400_000);
		// The count names the axis's end (the nice-rounded largest point kept), here $210k.
		expect(Math.max(...tickValues)).toBe(200_000);
		expect(out).toContain('1 above $210k ▸');
		const a = out.slice(out.indexOf('data-group="a"'), out.indexOf('data-group="b"'));
		expect(tags(a, 'g', 'data-testid="clipped-points"')).toHaveLength(1);
		expect(out.slice(out.indexOf('data-group="b"'))).not.toContain('clipped-points');
		// Without the outlier nothing is clipped.
		const plain = svgOf(render(DistributionChart, { props: { ...props, groups: [g('a', base), g('b', base)] } }).body);
		expect(plain).not.toContain('clipped-points');
	});

	test('one dot per salary; jitter is deterministic and stays in its strip', () => {
		const ai = svg.slice(svg.indexOf('data-group="ai"'), svg.indexOf('data-group="ml"'));
		const dots = tags(ai, 'circle');
		expect(dots).toHaveLength(25);
		const ys = dots.map((d) => num(d.cy));
		expect(Math.max(...ys) - Math.min(...ys)).toBeLessThanOrEqual(24);
		expect(new Set(ys).size).toBeGreaterThan(5);
	});

	test('the box is focusable and lists p10…p90 and n', () => {
		const [box] = tags(svg, 'g', 'class="box');
		expect(box?.tabindex).toBe('0');
		expect(box?.['aria-label']).toBe(
			'AI engineer: 10th percentile: $20k; 25th percentile: $50k; Median: $100k; 75th percentile: $200k; 90th percentile: $500k; n = 25'
		);
	});

	test('a group without quantiles shows "too few reports" and none of its salaries', () => {
		const pe = svg.slice(svg.indexOf('data-group="pe"'));
		expect(pe).toContain('too few reports');
		expect(tags(pe, 'circle')).toHaveLength(0);
		expect(pe).toContain('Prompt engineer · n = 4');
	});
});

describe('ChartCard and DataTable', () => {
	const table = {
		columns: [
			{ key: 'level', label: 'Experience' },
			{ key: 'ai', label: 'AI median (US$)', format: money },
			{ key: 'n', label: 'Reports' }
		],
		rows: [
			{ level: 'Entry', ai: 95000, n: 40 },
			{ level: 'Senior <b>', ai: null, n: 1234 }
		]
	};

	test('the card shows heading, subtitle, source, the chart and the three buttons', () => {
		const chart = createRawSnippet(() => ({ render: () => '<svg data-chart-svg=""></svg>' }));
		const { body: raw } = render(ChartCard, {
			props: {
				title: 'Pay gap',
				subtitle: 'Filters: Large companies',
				source: 'Source: test · data as of 19 Jan 2025',
				table,
				filename: 'gap',
				children: chart
			}
		});
		const body = raw.replace(/<!--[\s\S]*?-->/g, '');
		expect(body).toMatch(/<h2 id="[^"]+-heading" class="title[^"]*">Pay gap<\/h2>/);
		expect(body).toContain('Filters: Large companies');
		expect(body).toContain('Source: test · data as of 19 Jan 2025');
		expect(body).toContain('<svg data-chart-svg=""></svg>');
		expect(body).toMatch(/<button type="button" aria-pressed="false"[^>]*>Show as table<\/button>/);
		expect(body).toContain('>Download SVG</button>');
		expect(body).toContain('>Download PNG</button>');
		expect(body).not.toContain('<table');
	});

	test('the table formats numbers per column and escapes text', () => {
		const { body } = render(DataTable, { props: { ...table, caption: 'Median pay' } });
		expect(body).toContain('<caption');
		expect(body).toMatch(/<th scope="row"[^>]*>Entry<\/th>/);
		expect(body).toContain('>$95,000</td>');
		expect(body).toContain('>–</td>'); // null → dash, never 0
		expect(body).toContain('>1,234</td>');
		expect(body).toContain('Senior &lt;b>');
	});
});

// ── low confidence (10 ≤ n < 30): drawn faded and dashed on every chart ────────────────

describe('low-confidence figures are drawn differently, with a legend entry', () => {
	const LEGEND = 'Faded, dashed: fewer than 30 distinct reports';

	test('line chart: only the low point gets the low class; the legend says what it means', () => {
		const series: LineSeries[] = [
			{
				id: 'ai',
				label: 'AI',
				color: 'var(--ai)',
				points: [
					{ x: 2022, y: 100, n: 50, support: 'ok' },
					{ x: 2023, y: 110, n: 14, support: 'low' },
					{ x: 2024, y: 120, n: 60, support: 'ok' }
				]
			}
		];
		const svg = svgOf(render(LineChart, { props: { ...lineProps, series } }).body);
		const points = tags(svg, 'circle', 'class="point');
		expect(points).toHaveLength(3);
		expect(points.map((p) => p.class?.split(' ').includes('low'))).toEqual([false, true, false]);
		expect(svg).toContain(LEGEND);
		// without a low point there is no legend entry
		const ok = svgOf(render(LineChart, { props: { ...lineProps, series: [{ ...series[0]!, points: [series[0]!.points[0]!] }] } }).body);
		expect(ok).not.toContain(LEGEND);
	});

	test('a lone low point with an interval gets a dashed (low) whisker', () => {
		const series: LineSeries[] = [
			{ id: 'ai', label: 'AI', color: 'var(--ai)', points: [{ x: 2024, y: 110, lo: 90, hi: 130, n: 12, support: 'low' }] }
		];
		const svg = svgOf(render(LineChart, { props: { ...lineProps, series } }).body);
		expect(tags(svg, 'line', 'whisker range').map((l) => l.class)).toEqual(['whisker range low']);
	});

	test('bar chart: a low bar is faded and outlined; its tooltip text carries n', () => {
		const series = [
			{ id: 'ai', label: 'AI', color: 'var(--ai)', values: [40, 12, 0], support: ['ok', 'low', 'ok'] as const, n: [40, 12, 0] }
		];
		const svg = svgOf(render(BarChart, { props: { ...barProps, series } }).body);
		const bars = tags(svg, 'rect', 'class="bar');
		expect(bars.map((b) => b.class?.split(' ').includes('low'))).toEqual([false, true, false]);
		expect(bars[1]?.['aria-label']).toBe('Medium (50–250), AI: $12; n = 12; low confidence: few reports');
		expect(svg).toContain(LEGEND);
	});

	test('distribution: a low group has a faded box, dashed whiskers and says "few reports"', () => {
		const low = groups.map((g, i) => (i === 0 ? { ...g, n: 25, support: 'low' as const } : { ...g, support: 'ok' as const }));
		const svg = svgOf(render(DistributionChart, { props: { ...distProps, groups: low } }).body);
		const boxes = tags(svg, 'rect', 'bar iqr');
		expect(boxes.map((b) => b.class?.split(' ').includes('low'))).toEqual([true, false]);
		expect(tags(svg, 'g', 'whisker box').map((g) => g.class?.split(' ').includes('low'))).toEqual([true, false]);
		expect(svg).toContain('AI engineer · n = 25 · few');
		expect(tags(svg, 'g', 'class="box')[0]?.['aria-label']).toMatch(/n = 25; low confidence: few reports$/);
	});

	test('median intervals: a low row has a faded dot and a dashed whisker', () => {
		const rows = [
			{ id: 'ML', label: 'ML', color: 'var(--ml)', median: 150000, lo: 140000, hi: 160000, n: 400, claimed: null, support: 'ok' as const },
			{ id: 'AI', label: 'AI', color: 'var(--ai)', median: 120000, lo: 90000, hi: 150000, n: 20, claimed: null, support: 'low' as const }
		];
		const svg = svgOf(
			render(MedianIntervals, { props: { rows, xLabel: 'Median (US$)', xFormat: moneyShort, title: 't', desc: 'd', width: 640 } }).body
		);
		expect(tags(svg, 'circle', 'class="point').map((c) => c.class?.split(' ').includes('low'))).toEqual([false, true]);
		expect(tags(svg, 'g', 'whisker capped').map((g) => g.class?.split(' ').includes('low'))).toEqual([false, true]);
		expect(svg).toContain('AI · n = 20 · few reports');
	});
});
