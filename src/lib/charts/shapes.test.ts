import { beforeEach, expect, test } from 'vitest';
import { areaPath, isolatedIndices, linePath, partialSegments } from './shapes';

beforeEach(() => {
	expect.hasAssertions();
});

const pts = [
	{ x: 0, y: 10 as number | null },
	{ x: 10, y: 20 },
	{ x: 20, y: null },
	{ x: 30, y: 5.55 }
];

test('a null value breaks the line into two subpaths, coordinates to 1 decimal', () => {
	const d = linePath(
		pts,
		(p) => p.x,
		(p) => p.y
	);
	expect(d).toBe('M0,10L10,20M30,5.6Z');
	expect(d.match(/M/g)).toHaveLength(2);
});

test('area breaks where a bound is missing', () => {
	const d = areaPath(
		[
			{ x: 0, lo: 1, hi: 3 },
			{ x: 10, lo: 2, hi: 4 },
			{ x: 20, lo: null, hi: 5 }
		],
		(p) => p.x,
		(p) => p.lo,
		(p) => p.hi
	);
	expect(d).toBe('M0,3L10,4L10,2L0,1Z');
});

test('isolatedIndices finds intervals without neighbours', () => {
	const flags = [true, false, true, true, false, true];
	expect(isolatedIndices(flags, (f) => f)).toEqual([0, 5]);
});

test('partialSegments: one segment per pair touching a partial point, only where both ends are drawn', () => {
	const pts = [
		{ x: 0, y: 1, partial: false },
		{ x: 1, y: 2, partial: false },
		{ x: 2, y: null, partial: false },
		{ x: 3, y: 4, partial: false },
		{ x: 4, y: 5, partial: true }
	];
	{
		const segs = partialSegments(
			pts,
			(p) => p.x,
			(p) => p.y,
			(p) => p.partial
		);
		expect(segs).toEqual(['M3,4L4,5']);
		const none = partialSegments(
			pts.map((p) => ({ ...p, partial: false })),
			(p) => p.x,
			(p) => p.y,
			(p) => p.partial
		);
		expect(none).toEqual([]);
		// A partial point after a gap has no segment into it.
		const gap = partialSegments(
			[pts[2]!, { ...pts[3]!, partial: true }],
			(p) => p.x,
			(p) => p.y,
			(p) => p.partial
		);
		expect(gap).toEqual([]);
	}
});
