/**
 * SVG path strings from d3-shape, with coordinates limited to one decimal so the markup is
 * compact and stable. Missing values break the path (a visible gap), never drop to zero.
 */
import { area, line } from 'd3-shape';

const ok = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** `linePath(pts, d => d.x, d => d.y)` → "M0,10L5,3…"; null y breaks the line. */
export function linePath<T>(data: readonly T[], x: (d: T) => number, y: (d: T) => number | null): string {
	return (
		line<T>()
			.defined((d) => ok(y(d)))
			.x(x)
			.y((d) => y(d) as number)
			.digits(1)([...data]) ?? ''
	);
}

/** Area between y0 and y1 (an interval band); breaks where either bound is missing. */
export function areaPath<T>(data: readonly T[], x: (d: T) => number, y0: (d: T) => number | null, y1: (d: T) => number | null): string {
	return (
		area<T>()
			.defined((d) => ok(y0(d)) && ok(y1(d)))
			.x(x)
			.y0((d) => y0(d) as number)
			.y1((d) => y1(d) as number)
			.digits(1)([...data]) ?? ''
	);
}

/**
 * Indices of points that have an interval but no neighbour with one, so a band cannot be
 * drawn around them; they get a whisker instead. `isolated([t, f, t, t], i => flags[i]) → [0]`.
 */
export function isolatedIndices<T>(data: readonly T[], hasInterval: (d: T) => boolean): number[] {
	const out: number[] = [];
	data.forEach((d, i) => {
		if (!hasInterval(d)) return;
		const prev = i > 0 && hasInterval(data[i - 1] as T);
		const next = i < data.length - 1 && hasInterval(data[i + 1] as T);
		if (!prev && !next) out.push(i);
	});
	return out;
}

/**
 * Two-point segments between consecutive defined points where either end is `partial`, for
 * drawing them dashed: `partialSegments([a, b, c(partial)], …) → ["M…L…"]` (b to c).
 */
export function partialSegments<T>(
	data: readonly T[],
	x: (d: T) => number,
	y: (d: T) => number | null,
	partial: (d: T) => boolean
): string[] {
	const out: string[] = [];
	for (let i = 1; i < data.length; i++) {
		const a = data[i - 1] as T;
		const b = data[i] as T;
		if (!(partial(a) || partial(b))) continue;
		const d = linePath([a, b], x, y);
		if (d.includes('L')) out.push(d);
	}
	return out;
}
