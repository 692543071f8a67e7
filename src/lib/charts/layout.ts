/**
 * Layout arithmetic shared by the charts: text fitting, legend rows, bar rectangles,
 * deterministic jitter, nearest-point lookup. Pure functions (no DOM, no Svelte), so the
 * geometry is tested without rendering. Text widths are estimates for a 12px sans-serif;
 * they only decide where to wrap, so being a little off costs nothing but spacing.
 */
import { r1 } from './scales';
import type { LegendItem } from '$lib/views/chart-models';

/** Average advance of one character at 12px system-ui, in px (slightly generous). */
export const CHAR_PX = 6.6;
/** Line height of 12px chart text, in px. */
export const LINE_PX = 15;

/** Estimated rendered width of a 12px label: `textWidth('abc') → 19.8`. */
export function textWidth(text: string, charPx = CHAR_PX): number {
	return text.length * charPx;
}

/**
 * Greedy word wrap to at most `maxLines` lines of `maxChars` characters; the last line and any
 * over-long word end in "…". `wrapText('Machine learning engineer', 10) → ['Machine', 'learning…']`.
 */
export function wrapText(text: string, maxChars: number, maxLines = 2): string[] {
	const limit = Math.max(3, Math.floor(maxChars));
	const words = text.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return [];
	const lines: string[] = [];
	let current = '';
	for (const w of words) {
		if (current === '') current = w;
		else if (current.length + 1 + w.length <= limit) current += ` ${w}`;
		else {
			lines.push(current);
			current = w;
		}
	}
	lines.push(current);
	const kept = lines.slice(0, Math.max(1, maxLines));
	if (lines.length > kept.length) kept[kept.length - 1] = `${lines.slice(kept.length - 1).join(' ')}`;
	return kept.map((line, i) => {
		const cut = lines.length > kept.length && i === kept.length - 1;
		return line.length > limit || cut ? truncate(line, limit) : line;
	});
}

/**
 * A wrapped line with the space the wrap took out put back where it cannot move the text: at
 * the end of every line but the last for start- or middle-anchored text, at the start of every
 * line but the first for end-anchored text. Without it, text read from the SVG (screen readers,
 * copy, innerText) runs the lines together: "Source" + "shift" → "Sourceshift".
 * `spacedLine(['Source', 'shift'], 0, 'start') → 'Source '`; `spacedLine(['a', 'b'], 1, 'end') → ' b'`.
 */
export function spacedLine(lines: readonly string[], i: number, anchor: 'start' | 'middle' | 'end' = 'start'): string {
	const line = lines[i] ?? '';
	if (anchor === 'end') return i > 0 ? ` ${line}` : line;
	return i < lines.length - 1 ? `${line} ` : line;
}

/** `truncate('Engineering', 6) → 'Engin…'` (the result is at most `limit` characters). */
export function truncate(text: string, limit: number): string {
	if (text.length <= limit) return text;
	return `${text.slice(0, Math.max(1, limit - 1)).trimEnd()}…`;
}

export interface LegendPlacement {
	items: { item: LegendItem; x: number; y: number }[];
	/** Total height of the legend block in px (0 when there are no items). */
	height: number;
}

/** Swatch width + gap before the label, and the gap after an item, in px. */
const SWATCH = 22;
const ITEM_GAP = 16;

/**
 * Flow legend items left to right, wrapping to new rows within `width`.
 * Each y is the baseline-centre of its row.
 */
export function legendLayout(items: readonly LegendItem[], width: number): LegendPlacement {
	const out: LegendPlacement['items'] = [];
	let x = 0;
	let row = 0;
	for (const item of items) {
		const w = SWATCH + textWidth(item.label);
		if (x > 0 && x + w > width) {
			row += 1;
			x = 0;
		}
		out.push({ item, x: r1(x), y: r1(row * 18 + 9) });
		x += w + ITEM_GAP;
	}
	return { items: out, height: items.length === 0 ? 0 : (row + 1) * 18 };
}

export interface BarRect {
	key: string;
	category: string;
	categoryIndex: number;
	seriesIndex: number;
	value: number | null;
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Rectangles for grouped (side by side) or stacked bars. `x(category)` is the band start and
 * `band` its width; `y(value)` maps a value to px. Null values yield a zero-height rect at the
 * baseline with `value: null`, so callers can mark "no data". Stacks add positive values only
 * (a negative value in a stack is drawn from the baseline, downward).
 */
export function barLayout(input: {
	categories: readonly string[];
	series: readonly { values: readonly (number | null)[] }[];
	stacked: boolean;
	x: (category: string) => number;
	band: number;
	y: (value: number) => number;
	gap?: number;
}): BarRect[] {
	const { categories, series, stacked, x, band, y } = input;
	const k = series.length;
	const gap = k > 1 && !stacked ? (input.gap ?? Math.min(4, band * 0.08)) : 0;
	const barW = stacked || k === 0 ? band : (band - gap * (k - 1)) / k;
	const base = y(0);
	const rects: BarRect[] = [];
	categories.forEach((category, ci) => {
		let top = 0;
		series.forEach((s, si) => {
			const v = s.values[ci] ?? null;
			const x0 = x(category) + (stacked ? 0 : si * (barW + gap));
			const key = `${ci}-${si}`;
			if (v === null || !Number.isFinite(v)) {
				rects.push({ key, category, categoryIndex: ci, seriesIndex: si, value: null, x: r1(x0), y: base, width: r1(barW), height: 0 });
				return;
			}
			let y0: number;
			let y1: number;
			if (stacked && v >= 0) {
				y0 = y(top);
				y1 = y(top + v);
				top += v;
			} else {
				y0 = base;
				y1 = y(v);
			}
			rects.push({
				key,
				category,
				categoryIndex: ci,
				seriesIndex: si,
				value: v,
				x: r1(x0),
				y: r1(Math.min(y0, y1)),
				width: r1(barW),
				height: r1(Math.abs(y1 - y0))
			});
		});
	});
	return rects;
}

/**
 * A deterministic pseudo-random number in [-0.5, 0.5) from an index and a seed
 * (integer hash, no Math.random), so jittered dots land in the same place on every render.
 */
export function jitter(index: number, seed = 0): number {
	let h = (Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(seed + 0x632be5ab, 0x85ebca6b)) >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x7feb352d) >>> 0;
	h ^= h >>> 15;
	h = Math.imul(h, 0x846ca68b) >>> 0;
	h ^= h >>> 16;
	return (h >>> 0) / 4294967296 - 0.5;
}

/** A small integer seed from a string id, so each group gets its own jitter pattern. */
export function seedOf(id: string): number {
	let h = 2166136261;
	for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
	return h;
}

/**
 * Index of the candidate nearest to (x, y), weighting horizontal distance more (line charts
 * are read along x), or -1 if none lies within `maxDistance` px.
 */
export function nearestIndex(candidates: readonly { x: number; y: number }[], x: number, y: number, maxDistance = 48): number {
	let best = -1;
	let bestD = maxDistance * maxDistance;
	candidates.forEach((c, i) => {
		const dx = c.x - x;
		const dy = (c.y - y) / 2;
		const d = dx * dx + dy * dy;
		if (d <= bestD) {
			bestD = d;
			best = i;
		}
	});
	return best;
}

export interface RowLayout {
	/** Narrow screens put each label on its own line above its bar. */
	narrow: boolean;
	/** Wrapped label lines per row. */
	lines: string[][];
	/** Lines reserved per row (the most any label and its notes need). */
	lineCount: number;
	rowHeight: number;
	height: number;
	padding: { top: number; right: number; bottom: number; left: number };
}

/** Below this outer width, row labels go above the bars instead of in a left column. */
export const NARROW_PX = 560;

/**
 * Layout for charts with one labelled row per item (GapBars, DistributionChart): where the
 * labels go, how they wrap, how tall each row is. `barHeight` is the height the row's mark
 * needs; `top` the space above the rows (legend).
 */
export function rowLayout(
	labels: readonly string[],
	outerWidth: number,
	opts: {
		barHeight: number;
		top: number;
		bottom?: number;
		/** Right padding on wide screens (e.g. a value column). */
		right?: number;
		maxLines?: number;
		/** Lines to reserve under each label (notes), per row. */
		extraLines?: readonly number[];
		/** On narrow screens, px kept free at the right end of the label line (a value). */
		labelReserve?: number;
	}
): RowLayout {
	const narrow = outerWidth < NARROW_PX;
	const maxLines = opts.maxLines ?? 2;
	const bottom = opts.bottom ?? 44;
	const right = narrow ? 12 : (opts.right ?? 16);
	const labelWidth = narrow ? outerWidth - 8 - (opts.labelReserve ?? 0) : Math.min(220, Math.max(120, outerWidth * 0.28));
	const lines = labels.map((l) => wrapText(l, labelWidth / CHAR_PX, maxLines));
	const lineCount = Math.max(1, ...lines.map((l, i) => l.length + (opts.extraLines?.[i] ?? 0)));
	const rowHeight = narrow ? lineCount * LINE_PX + opts.barHeight + 14 : Math.max(opts.barHeight + 16, lineCount * LINE_PX + 12);
	const left = narrow ? 12 : Math.round(labelWidth + 16);
	return {
		narrow,
		lines,
		lineCount,
		rowHeight,
		height: Math.round(opts.top + labels.length * rowHeight + bottom),
		padding: { top: opts.top, right, bottom, left }
	};
}

/**
 * Baseline of the first line of a row's label of `lineCount` lines (label lines plus notes):
 * 12 px below the row top when narrow (the mark follows underneath), else the block is centred
 * on the row. Wide, row top 0, height 40, 2 lines: `rowLabelY(L, 0, 2) → 16.5`.
 */
export function rowLabelY(layout: Pick<RowLayout, 'narrow' | 'rowHeight'>, top: number, lineCount: number): number {
	return layout.narrow ? top + 12 : top + layout.rowHeight / 2 - ((lineCount - 1) * LINE_PX) / 2 + 4;
}

/** Where one GapBars row draws its bar and its value text. */
export interface GapRowPlacement {
	readonly barY: number;
	readonly barX: number;
	readonly barW: number;
	readonly valueX: number;
	readonly valueY: number;
	/** '0' when the value shares the label's baseline (narrow), else centred on the bar. */
	readonly valueDy: '0' | '0.32em';
	readonly anchor: 'start' | 'end';
}

/**
 * Geometry of one gap row, in plot coordinates. Wide: the bar is centred in the row and the
 * value sits at the right edge on the bar's line. Narrow: the bar follows the row's label
 * lines (so label and bar read as one unit) and the value shares the first label line.
 * A row without a value gets a zero-width bar and its note beside zero: right of zero
 * when the note fits before the plot's right edge, else left of it.
 * `end` is the x of the value (null when there is none); `noteWidth` the note's text width.
 */
export function gapRowPlacement(input: {
	readonly layout: Pick<RowLayout, 'narrow' | 'rowHeight'>;
	readonly top: number;
	/** Label lines plus a note line, if any. */
	readonly usedLines: number;
	readonly barHeight: number;
	readonly zero: number;
	readonly end: number | null;
	/** Plot width, and the x where right-aligned values end (in the right padding). */
	readonly plotWidth: number;
	readonly valueX: number;
	readonly noteWidth: number;
}): GapRowPlacement {
	const { layout, top, usedLines, barHeight, zero, end } = input;
	const barY = layout.narrow ? top + usedLines * LINE_PX + 4 : top + (layout.rowHeight - barHeight) / 2;
	if (end === null) {
		const fits = zero + 6 + input.noteWidth <= input.plotWidth;
		return {
			barY,
			barX: zero,
			barW: 0,
			valueX: fits ? zero + 6 : zero - 6,
			valueY: barY + barHeight / 2,
			valueDy: '0.32em',
			anchor: fits ? 'start' : 'end'
		};
	}
	return {
		barY,
		barX: Math.min(zero, end),
		barW: Math.max(1, Math.abs(end - zero)),
		valueX: input.valueX,
		valueY: layout.narrow ? rowLabelY(layout, top, usedLines) : barY + barHeight / 2,
		valueDy: layout.narrow ? '0' : '0.32em',
		anchor: 'end'
	};
}

/** How much wider than the typical interval an interval may be before the axis clips it. */
export const CLIP_WIDTH_FACTOR = 3;

/**
 * Values the axis of an interval chart should span so one very wide interval does not
 * squash the rest: every value, plus the bounds of each interval at most CLIP_WIDTH_FACTOR ×
 * the median interval width (with at least three intervals); wider intervals are clipped to
 * the axis and listed in `clipped` (their row indices) to be drawn with an arrow.
 * `intervalAxisValues([{v:1,lo:0,hi:2},{v:1,lo:0,hi:2},{v:1,lo:-50,hi:50}]).clipped → [2]`.
 */
export function intervalAxisValues(rows: readonly { value: number | null; lo: number | null; hi: number | null }[]): {
	values: number[];
	clipped: number[];
} {
	const widths = rows.flatMap((r) => (r.lo !== null && r.hi !== null ? [r.hi - r.lo] : [])).sort((a, b) => a - b);
	const limit = widths.length >= 3 ? CLIP_WIDTH_FACTOR * widths[Math.floor((widths.length - 1) / 2)]! : Infinity;
	const values: number[] = [];
	const clipped: number[] = [];
	rows.forEach((r, i) => {
		if (r.value !== null) values.push(r.value);
		if (r.lo === null || r.hi === null) return;
		if (r.hi - r.lo > limit) clipped.push(i);
		else values.push(r.lo, r.hi);
	});
	return { values, clipped };
}

/** Width of an exported chart file in px (its chart is this less the file's side margins), whatever the screen. */
export const EXPORT_WIDTH = 960;
/** Side margin of an exported file around the chart, in px (export.ts draws the chart at this inset). */
export const EXPORT_MARGIN = 8;
/** The width a chart is laid out at for export: `EXPORT_WIDTH − 2 × EXPORT_MARGIN` = 944. */
export const EXPORT_CHART_WIDTH = EXPORT_WIDTH - 2 * EXPORT_MARGIN;

/**
 * Height of a chart laid out for export at `width`. A chart whose height follows its content
 * (a function of the width: one row per group) keeps that natural height; a chart with a fixed
 * on-screen height (lines, bars) gets a 16:9 frame, or its own height if taller, so a file has
 * the same sensible shape whether it was downloaded on a phone or a wide screen.
 * `exportHeight(320, 944) → 531`, `exportHeight((w) => 100 + w / 10, 944) → 194`.
 */
export function exportHeight(height: number | ((outerWidth: number) => number), width: number = EXPORT_CHART_WIDTH): number {
	if (typeof height === 'function') return Math.round(height(width));
	return Math.max(Math.round(height), Math.round((width * 9) / 16));
}

/**
 * Where a distribution row's median label goes, given the room between the chart's edges
 * (`minX` … `maxX` in plot coordinates, margins included) and the whisker ends (`leftEdge` =
 * p10 − gap, `rightEdge` = p90 + gap): "median $152k" right of the whisker, else left of it; on
 * a narrow chart where neither fits, the value alone ("$152k", the box's median line says what
 * it is) on whichever side fits, else on the roomier side, clamped so it is never cut at an edge.
 */
export function placeMedianLabel(
	value: string,
	leftEdge: number,
	rightEdge: number,
	minX: number,
	maxX: number
): { x: number; anchor: 'start' | 'end'; text: string } {
	for (const text of [`median ${value}`, value]) {
		const w = textWidth(text);
		if (rightEdge + w <= maxX) return { x: r1(rightEdge), anchor: 'start', text };
		if (leftEdge - w >= minX) return { x: r1(leftEdge), anchor: 'end', text };
	}
	const w = textWidth(value);
	return maxX - rightEdge >= leftEdge - minX
		? { x: r1(Math.max(minX, maxX - w)), anchor: 'start', text: value }
		: { x: r1(Math.min(maxX, minX + w)), anchor: 'end', text: value };
}
