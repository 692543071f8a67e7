/**
 * Scale building and tick generation for ChartFrame and the axes. Pure TypeScript (d3-scale,
 * no DOM), so it is unit-tested directly. Every pixel value leaving this module is rounded to
 * 0.1 px: the SVG stays small and server-rendered snapshots stay stable.
 */
import { scaleBand, scaleLinear, scaleLog, scaleTime } from 'd3-scale';
import type { ScaleBand, ScaleLinear, ScaleLogarithmic, ScaleTime } from 'd3-scale';
import { yearLabel } from '$lib/format';
import type { Formatter } from '$lib/views/chart-models';

export type ScaleKind = 'linear' | 'log' | 'time' | 'band';

/** What a frame is asked to build for one axis: a kind and its domain. */
export type ScaleSpec =
	| { kind: 'linear' | 'log'; domain: readonly [number, number]; nice?: boolean }
	| { kind: 'time'; domain: readonly [Date, Date]; nice?: boolean }
	| { kind: 'band'; domain: readonly string[]; paddingInner?: number; paddingOuter?: number };

export type AnyScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number> | ScaleTime<number, number> | ScaleBand<string>;

/** A value an axis can hold. */
export type Datum = number | Date | string;

export interface Tick {
	/** Stable key for keyed each-blocks. */
	key: string;
	value: Datum;
	/** Pixel position along the axis (band: the band's centre). */
	pos: number;
	label: string;
}

/** Round to 0.1 px: `r1(12.345) → 12.3`. Negative zero becomes 0 so it prints as "0". */
export function r1(v: number): number {
	const r = Math.round(v * 10) / 10;
	return r === 0 ? 0 : r;
}

export function isBand(scale: AnyScale): scale is ScaleBand<string> {
	return 'bandwidth' in scale;
}

/** Build the d3 scale for a spec over a pixel range. Log domains must be positive. */
export function buildScale(spec: ScaleSpec, range: readonly [number, number]): AnyScale {
	const r: [number, number] = [range[0], range[1]];
	switch (spec.kind) {
		case 'band':
			return scaleBand<string>()
				.domain([...spec.domain])
				.range(r)
				.paddingInner(spec.paddingInner ?? 0.2)
				.paddingOuter(spec.paddingOuter ?? 0.1);
		case 'time': {
			const s = scaleTime().domain([spec.domain[0], spec.domain[1]]).range(r);
			return spec.nice ? s.nice() : s;
		}
		case 'log': {
			const lo = Math.max(spec.domain[0], Number.MIN_VALUE);
			const hi = Math.max(spec.domain[1], lo * 10);
			const s = scaleLog().domain([lo, hi]).range(r);
			return spec.nice ? s.nice() : s;
		}
		case 'linear': {
			const s = scaleLinear().domain([spec.domain[0], spec.domain[1]]).range(r);
			return spec.nice ? s.nice() : s;
		}
	}
}

/** Pixel position of a value (band scales: the start of the band), rounded to 0.1 px. */
export function position(scale: AnyScale, v: Datum): number {
	if (isBand(scale)) return r1(scale(String(v)) ?? Number.NaN);
	const f = scale as (x: number | Date) => number;
	return r1(f(v instanceof Date ? v : Number(v)));
}

export function bandwidth(scale: AnyScale): number {
	return isBand(scale) ? r1(scale.bandwidth()) : 0;
}

/** How many ticks fit along an axis of this length: about one per `spacing` px, at least 2. */
export function tickCount(lengthPx: number, spacing = 90): number {
	return Math.max(2, Math.floor(lengthPx / spacing));
}

/**
 * Ticks for any scale. Log scales keep only the ticks d3 would label (1, 2, 5 … per decade,
 * thinned by `count`), so a narrow axis shows 10k · 100k · 1M rather than every multiple.
 * `integer` keeps whole numbers only (years).
 */
export function ticksFor(
	scale: AnyScale,
	count: number,
	opts: { format?: Formatter<never>; integer?: boolean; values?: readonly Datum[] } = {}
): Tick[] {
	const fmt = opts.format as ((v: Datum) => string) | undefined;
	if (isBand(scale)) {
		const half = scale.bandwidth() / 2;
		return scale.domain().map((d, i) => ({
			key: `${i}:${d}`,
			value: d,
			pos: r1((scale(d) ?? 0) + half),
			label: fmt ? fmt(d) : d
		}));
	}
	let values: Datum[];
	let fallback: (v: Datum) => string;
	if (opts.values) {
		values = [...opts.values];
		fallback = (v) => String(v);
	} else if ('base' in scale) {
		const labelled = scale.tickFormat(count);
		values = scale.ticks(count).filter((t) => labelled(t) !== '');
		fallback = (v) => labelled(v as number);
	} else if (opts.integer) {
		const s = scale as ScaleLinear<number, number>;
		const [a, b] = s.domain() as [number, number];
		const span = Math.abs(b - a);
		values = s.ticks(Math.min(count, Math.max(1, Math.floor(span)))).filter((t) => Number.isInteger(t));
		fallback = (v) => yearLabel(v as number);
	} else {
		const s = scale as ScaleLinear<number, number>;
		values = s.ticks(count);
		const tf = s.tickFormat(count);
		fallback = (v) => tf(v as number);
	}
	return values.map((v) => ({
		key: v instanceof Date ? v.toISOString() : String(v),
		value: v,
		pos: position(scale, v),
		label: fmt ? fmt(v) : fallback(v)
	}));
}

/** What an axis passes on from its props to choose its ticks. */
export interface AxisTickOptions {
	format?: Formatter<never>;
	/** Override the length-based tick count. */
	ticks?: number;
	/** Explicit tick values (continuous scales). */
	tickValues?: readonly Datum[];
	/** Whole numbers only (years). */
	integer?: boolean;
}

/**
 * The ticks of a frame's x or y axis: `ticks` if given, else as many as the axis length
 * allows, one per 90 px along x and per 50 px along y. Year labels are short (4 characters),
 * so an `integer` x axis spaces them 50 px apart too.
 */
export function axisTicks(
	axis: 'x' | 'y',
	frame: { readonly xScale: AnyScale; readonly yScale: AnyScale; readonly width: number; readonly height: number },
	opts: AxisTickOptions = {}
): Tick[] {
	const scale = axis === 'x' ? frame.xScale : frame.yScale;
	const length = axis === 'x' ? frame.width : frame.height;
	const spacing = axis === 'y' || opts.integer ? 50 : 90;
	return ticksFor(scale, opts.ticks ?? tickCount(length, spacing), {
		format: opts.format,
		integer: opts.integer,
		values: opts.tickValues
	});
}

/**
 * A numeric domain covering the finite values, optionally including zero, never empty or
 * zero-width: `numericDomain([3, 7, null], { zero: true }) → [0, 7]`.
 */
export function numericDomain(
	values: Iterable<number | null | undefined>,
	opts: { zero?: boolean; positive?: boolean } = {}
): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of values) {
		if (v === null || v === undefined || !Number.isFinite(v)) continue;
		if (opts.positive && v <= 0) continue;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	if (opts.zero) {
		lo = Math.min(lo, 0);
		hi = Math.max(hi, 0);
	}
	if (lo === Infinity) return opts.positive ? [1, 10] : [0, 1];
	if (lo === hi) {
		if (opts.positive) return [lo / 2, hi * 2];
		const d = Math.abs(lo) || 1;
		return [lo - d / 2, hi + d / 2];
	}
	return [lo, hi];
}

/** Earliest and latest date, never zero-width (a single date gets ± one day). */
export function timeDomain(values: Iterable<Date>): [Date, Date] {
	let lo = Infinity;
	let hi = -Infinity;
	for (const d of values) {
		const t = d.getTime();
		if (!Number.isFinite(t)) continue;
		if (t < lo) lo = t;
		if (t > hi) hi = t;
	}
	if (lo === Infinity) return [new Date(0), new Date(86_400_000)];
	if (lo === hi) return [new Date(lo - 86_400_000), new Date(hi + 86_400_000)];
	return [new Date(lo), new Date(hi)];
}

/**
 * Width in px that the longest tick label of an axis needs, estimated at `charPx` per
 * character; used to size the left padding before the frame exists.
 */
export function tickLabelWidth(spec: ScaleSpec, count: number, format?: Formatter<never>, charPx = 6.6): number {
	const labels = ticksFor(buildScale(spec, [0, 100]), count, { format }).map((t) => t.label);
	return Math.max(0, ...labels.map((l) => l.length * charPx));
}

/**
 * Where a distribution axis stops so that a few far outliers do not squash every box: the
 * largest `p90 + 2 × (p90 − p10)` over the groups, if some point lies beyond it, else null
 * (nothing to clip). Points beyond it are drawn at the edge and counted, not dropped.
 * `outlierCap([{ p10: 100, p90: 200, points: [150, 900] }]) → 400`.
 */
export function outlierCap(groups: readonly { p10: number; p90: number; points: readonly number[] }[]): number | null {
	let cap = -Infinity;
	for (const g of groups) cap = Math.max(cap, g.p90 + 2 * (g.p90 - g.p10));
	if (!Number.isFinite(cap)) return null;
	return groups.some((g) => g.points.some((v) => v > cap)) ? cap : null;
}
