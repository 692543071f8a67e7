import { beforeEach, describe, expect, it, test } from 'vitest';
import {
	EXPORT_CHART_WIDTH,
	EXPORT_MARGIN,
	EXPORT_WIDTH,
	exportHeight,
	intervalAxisValues,
	spacedLine,
	barLayout,
	gapRowPlacement,
	jitter,
	legendLayout,
	LINE_PX,
	nearestIndex,
	placeMedianLabel,
	NARROW_PX,
	rowLabelY,
	rowLayout,
	seedOf,
	truncate,
	wrapText
} from './layout';

beforeEach(() => {
	expect.hasAssertions();
});

describe('wrapText', () => {
	test.each([
		{ text: 'Senior', max: 20, lines: 2, want: ['Senior'] },
		{ text: 'Machine learning engineer', max: 10, lines: 2, want: ['Machine', 'learning…'] },
		{ text: 'Machine learning engineer', max: 10, lines: 3, want: ['Machine', 'learning', 'engineer'] },
		{ text: 'Supercalifragilistic', max: 8, lines: 2, want: ['Superca…'] },
		{ text: '  spaced   out  ', max: 20, lines: 1, want: ['spaced out'] },
		{ text: '', max: 10, lines: 2, want: [] }
	])('$text at $max chars × $lines lines', ({ text, max, lines, want }) => {
		const out = wrapText(text, max, lines);
		expect(out).toEqual(want);
		for (const line of out) expect(line.length).toBeLessThanOrEqual(Math.max(3, max));
	});

	test('truncate keeps short text and cuts long text to the limit', () => {
		expect(truncate('abc', 5)).toBe('abc');
		expect(truncate('Engineering', 6)).toBe('Engin…');
	});
});

describe('legendLayout', () => {
	const items = [
		{ id: 'a', label: 'AI engineer', color: 'var(--ai)' },
		{ id: 'b', label: 'ML engineer', color: 'var(--ml)' },
		{ id: 'c', label: 'Shaded: 95% interval', color: 'var(--muted)' }
	];
	test('one row when wide, wrapped rows when narrow, never wider than the space', () => {
		expect(legendLayout(items, 1000).height).toBe(18);
		const narrow = legendLayout(items, 200);
		expect(narrow.height).toBeGreaterThan(18);
		expect(narrow.items.every((p) => p.x < 200)).toBe(true);
	});
	test('no items, no height', () => {
		expect(legendLayout([], 500)).toEqual({ items: [], height: 0 });
	});
});

describe('barLayout', () => {
	const y = (v: number) => 100 - v; // baseline at 100, 1 px per unit
	const x = (c: string) => ({ A: 0, B: 100 })[c] ?? 0;

	test('grouped bars sit side by side within the band, heights match values', () => {
		const rects = barLayout({
			categories: ['A', 'B'],
			series: [{ values: [10, 20] }, { values: [40, null] }],
			stacked: false,
			x,
			band: 84,
			y,
			gap: 4
		});
		expect(rects.map((r) => [r.key, r.x, r.width, r.y, r.height, r.value])).toEqual([
			['0-0', 0, 40, 90, 10, 10],
			['0-1', 44, 40, 60, 40, 40],
			['1-0', 100, 40, 80, 20, 20],
			['1-1', 144, 40, 100, 0, null]
		]);
	});

	test('stacked bars: each series starts where the previous ended', () => {
		const rects = barLayout({
			categories: ['A'],
			series: [{ values: [10] }, { values: [30] }],
			stacked: true,
			x,
			band: 50,
			y
		});
		const [a, b] = rects;
		expect(a).toMatchObject({ y: 90, height: 10, width: 50 });
		expect(b).toMatchObject({ y: 60, height: 30, width: 50 });
		expect(b!.y + b!.height).toBe(a!.y);
	});

	test('negative values grow down from the baseline', () => {
		const [r] = barLayout({ categories: ['A'], series: [{ values: [-15] }], stacked: false, x, band: 50, y });
		expect(r).toMatchObject({ y: 100, height: 15 });
	});
});

describe('jitter', () => {
	test('deterministic, in [-0.5, 0.5), roughly uniform', () => {
		const a = Array.from({ length: 2000 }, (_, i) => jitter(i, 7));
		const b = Array.from({ length: 2000 }, (_, i) => jitter(i, 7));
		expect(a).toEqual(b);
		expect(Math.min(...a)).toBeGreaterThanOrEqual(-0.5);
		expect(Math.max(...a)).toBeLessThan(0.5);
		const mean = a.reduce((s, v) => s + v, 0) / a.length;
		expect(Math.abs(mean)).toBeLessThan(0.03);
		const lowHalf = a.filter((v) => v < 0).length / a.length;
		expect(lowHalf).toBeGreaterThan(0.45);
		expect(lowHalf).toBeLessThan(0.55);
	});
	test('different seeds give different patterns', () => {
		expect(jitter(1, seedOf('ai'))).not.toBe(jitter(1, seedOf('ml')));
	});
});

describe('nearestIndex', () => {
	const pts = [
		{ x: 0, y: 0 },
		{ x: 100, y: 50 },
		{ x: 200, y: 0 }
	];
	test('finds the closest candidate, or -1 when all are too far', () => {
		expect(nearestIndex(pts, 90, 40)).toBe(1);
		expect(nearestIndex(pts, 190, 10)).toBe(2);
		expect(nearestIndex(pts, 500, 500)).toBe(-1);
		expect(nearestIndex([], 0, 0)).toBe(-1);
	});
});

describe('rowLayout', () => {
	const labels = ['Entry', 'Senior individual contributor, large company'];
	test(`below ${NARROW_PX}px labels go above bars with a small left margin`, () => {
		const L = rowLayout(labels, 375, { barHeight: 16, top: 20 });
		expect(L.narrow).toBe(true);
		expect(L.padding.left).toBe(12);
		expect(L.lines[1]!.length).toBeLessThanOrEqual(2);
		expect(L.height).toBe(20 + 2 * L.rowHeight + 44);
	});
	test('wide: a label column, wrapped, within 220 px', () => {
		const L = rowLayout(labels, 1000, { barHeight: 16, top: 20 });
		expect(L.narrow).toBe(false);
		expect(L.padding.left).toBeLessThanOrEqual(236);
		expect(L.lines[1]!.length).toBe(2);
	});
	test('notes add lines to the row; a narrow label leaves room for a value', () => {
		const plain = rowLayout(['Entry'], 1000, { barHeight: 16, top: 0 });
		const noted = rowLayout(['Entry'], 1000, { barHeight: 16, top: 0, extraLines: [1] });
		expect(noted.lineCount).toBe(2);
		expect(noted.rowHeight).toBeGreaterThanOrEqual(plain.rowHeight);
		const label = 'x'.repeat(50);
		expect(rowLayout([label], 375, { barHeight: 16, top: 0 }).lines[0]).toEqual([label]);
		expect(rowLayout([label], 375, { barHeight: 16, top: 0, labelReserve: 60 }).lines[0]![0]!.endsWith('…')).toBe(true);
	});
});

describe('rowLabelY', () => {
	const wide = { narrow: false, rowHeight: 40 };
	test.each([
		{ lines: 1, want: 124 },
		{ lines: 2, want: 116.5 },
		{ lines: 3, want: 109 }
	])('wide, row at 100 px, $lines line(s) → $want', ({ lines, want }) => {
		expect(rowLabelY(wide, 100, lines)).toBe(want);
	});

	test('wide: the label block is centred on the row whatever its line count', () => {
		for (const n of [1, 2, 3, 4]) {
			const middle = rowLabelY(wide, 100, n) + ((n - 1) * LINE_PX) / 2;
			expect(middle).toBe(100 + 40 / 2 + 4);
		}
	});

	test('narrow: the first line sits 12 px below the row top, however many lines follow', () => {
		expect([1, 2, 3].map((n) => rowLabelY({ narrow: true, rowHeight: 90 }, 100, n))).toEqual([112, 112, 112]);
	});
});

describe('gapRowPlacement', () => {
	const wide = { narrow: false, rowHeight: 40 };
	const narrow = { narrow: true, rowHeight: 60 };
	const common = { top: 100, usedLines: 1, barHeight: 16, zero: 200, plotWidth: 400, valueX: 440, noteWidth: 80 };

	test('wide: the bar is centred in its row, runs from zero to the value, and the value sits at the right edge on its line', () => {
		// By hand: barY = 100 + (40 − 16) / 2 = 112; bar from x(−gap) = 150 to zero = 200.
		expect(gapRowPlacement({ ...common, layout: wide, end: 150 })).toEqual({
			barY: 112,
			barX: 150,
			barW: 50,
			valueX: 440,
			valueY: 120,
			valueDy: '0.32em',
			anchor: 'end'
		});
	});

	test('narrow: the bar follows the label lines and the value shares the label baseline', () => {
		const p = gapRowPlacement({ ...common, layout: narrow, usedLines: 2, end: 260 });
		expect(p.barY).toBe(100 + 2 * LINE_PX + 4);
		expect([p.barX, p.barW]).toEqual([200, 60]);
		expect(p.valueY).toBe(rowLabelY(narrow, 100, 2));
		expect(p.valueDy).toBe('0');
	});

	test('a tiny gap still draws a 1 px bar', () => {
		expect(gapRowPlacement({ ...common, layout: wide, end: 200.2 }).barW).toBe(1);
	});

	test('no value: a zero-width bar and the note right of zero when it fits, else left of zero', () => {
		const fits = gapRowPlacement({ ...common, layout: wide, end: null });
		expect([fits.barX, fits.barW, fits.valueX, fits.anchor]).toEqual([200, 0, 206, 'start']);
		// 200 + 6 + 250 > 400: the note would cross the plot's right edge.
		const tight = gapRowPlacement({ ...common, layout: wide, end: null, noteWidth: 250 });
		expect([tight.valueX, tight.anchor]).toEqual([194, 'end']);
	});
});

test('intervalAxisValues: a far wider interval is left off the axis and listed as clipped; fewer than three intervals never clip', () => {
	const rows = [
		{ value: -10, lo: -15, hi: -5 },
		{ value: -20, lo: -30, hi: -10 },
		{ value: -5, lo: -8, hi: -2 },
		{ value: -27, lo: -75, hi: 110 }
	];
	const r = intervalAxisValues(rows);
	// median width of [6, 10, 20, 185] (lower middle) is 10 → limit 30; 185 > 30.
	expect(r.clipped).toEqual([3]);
	expect(r.values).toEqual([-10, -15, -5, -20, -30, -10, -5, -8, -2, -27]);
	expect(intervalAxisValues(rows.slice(2)).clipped).toEqual([]);
	expect(intervalAxisValues(rows.slice(0, 3)).clipped).toEqual([]);
});

describe('export size', () => {
	it('the file is 960 px wide: a 944 px chart inside 8 px margins', () => {
		expect.hasAssertions();
		expect(EXPORT_WIDTH).toBe(960);
		expect(EXPORT_CHART_WIDTH + 2 * EXPORT_MARGIN).toBe(EXPORT_WIDTH);
	});

	it.each([
		// fixed heights get a 16:9 frame at the export width (944 × 9 / 16 = 531), or keep a taller height
		[320, 944, 531],
		[200, 944, 531],
		[600, 944, 600],
		[320, 640, 360],
		[320.4, 400, 320]
	])('fixed height %s at width %s → %s', (height, width, want) => {
		expect.hasAssertions();
		expect(exportHeight(height, width)).toBe(want);
	});

	it('a height that follows the content keeps its natural height at the export width', () => {
		expect.hasAssertions();
		const seen: number[] = [];
		const rows = (w: number) => {
			seen.push(w);
			return 100 + w / 10;
		};
		expect(exportHeight(rows)).toBe(194);
		expect(seen).toEqual([944]);
		expect(exportHeight((w) => w / 3, 600)).toBe(200);
	});
});

describe('spacedLine: wrapped lines keep their word breaks in the SVG text', () => {
	it.each([
		[['Source', 'shift'], 0, 'start', 'Source '],
		[['Source', 'shift'], 1, 'start', 'shift'],
		[['Source', 'shift'], 0, 'middle', 'Source '],
		[['Source', 'shift'], 0, 'end', 'Source'],
		[['Source', 'shift'], 1, 'end', ' shift'],
		[['one line'], 0, 'start', 'one line'],
		[['one line'], 0, 'end', 'one line']
	] as const)('%j line %i, anchor %s → %j', (lines, i, anchor, want) => {
		expect.hasAssertions();
		expect(spacedLine(lines, i, anchor)).toBe(want);
	});

	it('joined in order, the lines read as the original words', () => {
		expect.hasAssertions();
		const lines = ['AI Engineer family · n = 14 ·', 'few reports'];
		expect(lines.map((_, i) => spacedLine(lines, i)).join('')).toBe('AI Engineer family · n = 14 · few reports');
		expect(lines.map((_, i) => spacedLine(lines, i, 'end')).join('')).toBe('AI Engineer family · n = 14 · few reports');
	});
});

describe('placeMedianLabel', () => {
	// 'median $178k' is 12 characters = 79.2 px at 6.6 px; '$178k' is 33 px. The chart spans 0…300.
	it('puts the full label right of the whisker when it fits, else left of it', () => {
		expect(placeMedianLabel('$178k', 100, 200, 0, 300)).toEqual({ x: 200, anchor: 'start', text: 'median $178k' });
		expect(placeMedianLabel('$178k', 100, 250, 0, 300)).toEqual({ x: 100, anchor: 'end', text: 'median $178k' });
		// The left margin counts as room: 50 − 79.2 = −29.2 ≥ −40.
		expect(placeMedianLabel('$178k', 50, 250, -40, 300)).toEqual({ x: 50, anchor: 'end', text: 'median $178k' });
	});
	it('on a narrow chart drops the word before cutting the label at an edge (the phone /pay case)', () => {
		// Right: 250 + 79.2 > 300; left: 50 − 79.2 < 0; the value alone fits right (250 + 33 ≤ 300).
		expect(placeMedianLabel('$178k', 50, 250, 0, 300)).toEqual({ x: 250, anchor: 'start', text: '$178k' });
		expect(placeMedianLabel('$178k', 50, 280, 0, 300)).toEqual({ x: 50, anchor: 'end', text: '$178k' });
	});
	it('when nothing fits beside the whiskers, keeps the value whole inside the chart on the roomier side', () => {
		// Room: 15 px right of the whisker, 20 px left of it; the value needs 33 px; the chart is 40 px.
		expect(placeMedianLabel('$178k', 20, 25, 0, 40)).toEqual({ x: 33, anchor: 'end', text: '$178k' });
		// Room: 30 px right, 5 px left: start at 40 − 33 = 7, so it ends at the chart's edge.
		expect(placeMedianLabel('$178k', 5, 10, 0, 40)).toEqual({ x: 7, anchor: 'start', text: '$178k' });
	});
});
