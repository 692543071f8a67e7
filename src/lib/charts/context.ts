/**
 * The typed context a ChartFrame shares with its marks. Every field is a getter over the
 * frame's `$derived` state, so marks re-render when the frame is resized or its data change.
 */
import { getContext, setContext } from 'svelte';
import type { AnyScale, Datum, ScaleKind } from './scales';

export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface ChartContext {
	readonly xScale: AnyScale;
	readonly yScale: AnyScale;
	readonly xKind: ScaleKind;
	readonly yKind: ScaleKind;
	/** Inner (plot area) width and height in px; marks draw in [0, width] × [0, height]. */
	readonly width: number;
	readonly height: number;
	/** Whole SVG size (viewBox), including padding. */
	readonly outerWidth: number;
	readonly outerHeight: number;
	readonly padding: Padding;
	/** Unique per frame, for ids inside the SVG (patterns, clip paths, tooltip ids). */
	readonly uid: string;
	/** Position of a value in px (0.1 px precision); band scales give the band start. */
	x(v: Datum): number;
	y(v: Datum): number;
	/** Band width in px, 0 for continuous scales. */
	readonly xBandwidth: number;
	readonly yBandwidth: number;
	/** Pointer position in plot-area px, or null before the frame is mounted. */
	pointer(e: MouseEvent): { x: number; y: number } | null;
}

const KEY = Symbol('chart-context');

export function setChartContext(ctx: ChartContext): ChartContext {
	return setContext(KEY, ctx);
}

export function getChartContext(): ChartContext {
	const ctx = getContext<ChartContext | undefined>(KEY);
	if (!ctx) throw new Error('Chart marks must be rendered inside <ChartFrame>.');
	return ctx;
}

/** Set by ChartCard around the copy of a chart it lays out for a file: frames inside use this size. */
export interface ExportLayout {
	/** Outer width of the chart in the file, px. */
	readonly width: number;
}

const EXPORT_KEY = Symbol('chart-export');

export function setExportLayout(layout: ExportLayout): ExportLayout {
	return setContext(EXPORT_KEY, layout);
}

/** The export layout a frame is rendered in, or undefined on screen. */
export function getExportLayout(): ExportLayout | undefined {
	return getContext<ExportLayout | undefined>(EXPORT_KEY);
}
