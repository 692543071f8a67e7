/**
 * Models the charts draw. View models (src/lib/views) produce these (plain data, already computed);
 * the components in src/lib/charts only place and label them. They live here, with the views
 * that build them, because views sit below charts in the layer order (src/lib/layers.ts): the
 * charts import the models, never the other way round. Plain types, no Svelte.
 */

import type { NumberFormat } from '$lib/format';

/** A CSS colour, usually a custom property from app.css: `'var(--ai)'`, `'var(--ml)'`. */
export type CssColor = string;

/**
 * A number → text function for axes and tooltips, normally one from `$lib/format`
 * (`moneyShort`, `pctSigned`, …). Declared as a method so that `(v: number) => string`
 * is accepted where the axis may also hold dates (bivariant parameter check).
 */
export type Formatter<T = number> = { bivarianceHack(v: T): string }['bivarianceHack'];

/** How much a row's numbers can be trusted (same meaning as `Support` in transform/stats). */
export type RowStatus = 'ok' | 'low' | 'suppressed';

export interface LinePoint {
	/** A year (xKind 'year') or a Date (xKind 'time'). */
	x: number | Date;
	/** `null` draws a gap in the line. */
	y: number | null;
	/** Interval bounds; the band is drawn where both are present. */
	lo?: number | null;
	hi?: number | null;
	n?: number;
	/** Extra tooltip line, e.g. "low confidence: 14 reports". */
	note?: string;
	/** A partial period (e.g. the snapshot's own year): drawn hollow, reached by a dashed segment. */
	partial?: boolean;
	/** The small-sample verdict (transform/stats/support.ts): 'low' draws the point faded with a dashed ring. */
	support?: RowStatus;
}

export interface LineSeries {
	id: string;
	label: string;
	color: CssColor;
	points: readonly LinePoint[];
}

export interface Annotation {
	x: number | Date;
	label: string;
}

export interface BarSeries {
	id: string;
	label: string;
	color: CssColor;
	/** One value per category, in the order of `categories`; `null` = no data. */
	values: readonly (number | null)[];
	/** Small-sample verdict per category (same order); a 'low' bar is drawn faded and dashed. */
	support?: readonly (RowStatus | null)[];
	/** Reports behind each value (same order), shown in the tooltip. */
	n?: readonly (number | null)[];
}

export interface GapRow {
	label: string;
	/** The gap, in the unit of the x axis (e.g. percent of the ML median). */
	value: number | null;
	lo: number | null;
	hi: number | null;
	/** Reports behind the gap, shown in the tooltip as "AI n = 40 · ML n = 900". */
	n: { AI: number; ML: number };
	status: RowStatus;
	/** Both medians (tooltip) and the gap in dollars with its interval (label and tooltip), when known. */
	medians?: { AI: number | null; ML: number | null };
	usd?: { value: number; lo: number | null; hi: number | null } | null;
}

export interface Quantiles {
	p10: number;
	p25: number;
	p50: number;
	p75: number;
	p90: number;
}

export interface DistributionGroup {
	id: string;
	label: string;
	color: CssColor;
	n: number;
	/** `null` when the group is too small to summarise (suppressed). */
	q: Quantiles | null;
	/** Individual salaries (or a sample of them) drawn as jittered dots. */
	points: readonly number[];
	/** Small-sample verdict; 'low' draws the box faded with dashed whiskers. */
	support?: RowStatus;
}

export interface LegendItem {
	id: string;
	label: string;
	color: CssColor;
	/** 'line' for line series, 'box' (default) for bars and areas. */
	shape?: 'line' | 'box';
	/** Optional fill for the swatch, e.g. a hatch pattern `url(#…)`. */
	fill?: string;
	/** Draw the swatch in the low-confidence style (faded, dashed outline). */
	low?: boolean;
}

export interface TableColumn {
	key: string;
	label: string;
	align?: 'left' | 'right';
	/** Formats numeric cells: a named format from `$lib/format` (NUMBER_FORMATS) or a function; defaults to `count`. Strings are shown as given. */
	format?: Formatter | NumberFormat;
}

export type TableRow = Record<string, string | number | null>;

export interface TableData {
	/** The money of the `money` columns (`EUR`, `PPP`); absent = US dollars. */
	money?: string;
	columns: readonly TableColumn[];
	rows: readonly TableRow[];
}

/** A median with its interval (MedianIntervals), optionally with a claimed value to compare. */
export interface MedianRow {
	id: string;
	label: string;
	color: CssColor;
	median: number | null;
	lo: number | null;
	hi: number | null;
	n: number;
	claimed: number | null;
	/** Small-sample verdict; 'low' draws the dot faded and the whisker dashed. */
	support?: RowStatus;
}
