import { beforeEach, describe, expect, test } from 'vitest';
import { axisTicks, buildScale, numericDomain, outlierCap, position, r1, tickCount, tickLabelWidth, ticksFor, timeDomain } from './scales';
import { moneyShort } from '$lib/format';

beforeEach(() => {
	expect.hasAssertions();
});

describe('r1', () => {
	test.each([
		[12.345, 12.3],
		[12.35, 12.4],
		[-0.04, 0],
		[0, 0],
		[100, 100]
	])('r1(%d) = %d', (v, want) => {
		expect(r1(v)).toBe(want);
		expect(Object.is(r1(v), -0)).toBe(false);
	});
});

describe('buildScale', () => {
	test('log scale puts 100k exactly midway between 10k and 1M', () => {
		const s = buildScale({ kind: 'log', domain: [1e4, 1e6] }, [0, 600]);
		expect(position(s, 1e4)).toBe(0);
		expect(position(s, 1e5)).toBe(300);
		expect(position(s, 1e6)).toBe(600);
	});

	test('linear scale maps the domain onto the range, reversed for y', () => {
		const s = buildScale({ kind: 'linear', domain: [0, 200] }, [300, 0]);
		expect(position(s, 0)).toBe(300);
		expect(position(s, 50)).toBe(225);
		expect(position(s, 200)).toBe(0);
	});

	test('band scale: categories get equal bands in order', () => {
		const s = buildScale({ kind: 'band', domain: ['S', 'M', 'L'], paddingInner: 0, paddingOuter: 0 }, [0, 300]);
		expect(['S', 'M', 'L'].map((c) => position(s, c))).toEqual([0, 100, 200]);
	});

	test('time scale places a mid-year date proportionally', () => {
		const s = buildScale({ kind: 'time', domain: [new Date('2024-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z')] }, [0, 366]);
		expect(position(s, new Date('2024-07-01T00:00:00Z'))).toBe(182);
	});

	test('a log domain that is not positive is clamped instead of producing NaN', () => {
		const s = buildScale({ kind: 'log', domain: [0, 1000] }, [0, 100]);
		expect(Number.isFinite(position(s, 10))).toBe(true);
	});
});

describe('ticksFor', () => {
	const log = buildScale({ kind: 'log', domain: [1e4, 1e6] }, [0, 600]);

	test('a narrow log axis labels only the powers of ten', () => {
		expect(ticksFor(log, 3, { format: moneyShort }).map((t) => t.label)).toEqual(['$10k', '$100k', '$1M']);
	});

	test('a wide log axis adds intermediate ticks, all inside the domain, increasing', () => {
		const ticks = ticksFor(log, 8, { format: moneyShort });
		expect(ticks.length).toBeGreaterThan(3);
		expect(ticks.map((t) => t.label)).toContain('$20k');
		for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.pos).toBeGreaterThan(ticks[i - 1]!.pos);
	});

	test('integer ticks for years never show fractions', () => {
		const years = buildScale({ kind: 'linear', domain: [2020, 2024] }, [0, 1000]);
		const ticks = ticksFor(years, 10, { integer: true });
		expect(ticks.map((t) => t.label)).toEqual(['2020', '2021', '2022', '2023', '2024']);
	});

	test('band ticks sit at band centres and keep the category text', () => {
		const s = buildScale({ kind: 'band', domain: ['a', 'b'], paddingInner: 0, paddingOuter: 0 }, [0, 200]);
		expect(ticksFor(s, 5).map((t) => [t.label, t.pos])).toEqual([
			['a', 50],
			['b', 150]
		]);
	});

	test('tick count follows the axis length, with a floor of 2', () => {
		expect(tickCount(100)).toBe(2);
		expect(tickCount(900)).toBe(10);
	});

	test('tickLabelWidth measures the longest formatted label', () => {
		const w = tickLabelWidth({ kind: 'linear', domain: [0, 250000], nice: true }, 6, moneyShort);
		expect(w).toBeCloseTo('$250k'.length * 6.6, 5);
	});
});

describe('axisTicks', () => {
	/** A 600 × 150 plot area, 0–100 on both axes (y drawn upward). */
	const frame = {
		xScale: buildScale({ kind: 'linear', domain: [0, 100] }, [0, 600]),
		yScale: buildScale({ kind: 'linear', domain: [0, 100] }, [150, 0]),
		width: 600,
		height: 150
	};
	const values = (axis: 'x' | 'y', opts = {}) => axisTicks(axis, frame, opts).map((t) => t.value);

	test('x: one tick per 90 px of width (6 → a step of 20), placed on the x scale', () => {
		const ticks = axisTicks('x', frame);
		expect(ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
		expect(ticks.map((t) => t.pos)).toEqual([0, 120, 240, 360, 480, 600]);
	});

	test('y: one tick per 50 px of height (3 → a step of 50), placed on the y scale', () => {
		const ticks = axisTicks('y', frame);
		expect(ticks.map((t) => t.value)).toEqual([0, 50, 100]);
		expect(ticks.map((t) => t.pos)).toEqual([150, 75, 0]);
	});

	test('an integer (year) x axis spaces ticks 50 px apart: 12 over 600 px → every 2nd year', () => {
		const years = { ...frame, xScale: buildScale({ kind: 'linear', domain: [2000, 2024] }, [0, 600]) };
		const labels = axisTicks('x', years, { integer: true }).map((t) => t.label);
		expect(labels).toEqual(Array.from({ length: 13 }, (_, i) => String(2000 + 2 * i)));
		// Not integer: 6 ticks at 90 px → every 5th value.
		expect(axisTicks('x', years).map((t) => t.value)).toEqual([2000, 2005, 2010, 2015, 2020]);
	});

	test('an explicit count, explicit values and a formatter override the defaults', () => {
		expect(values('x', { ticks: 2 })).toEqual([0, 50, 100]);
		const given = axisTicks('x', frame, { tickValues: [10, 55] });
		expect(given.map((t) => [t.label, t.pos])).toEqual([
			['10', 60],
			['55', 330]
		]);
		expect(axisTicks('y', frame, { format: moneyShort }).map((t) => t.label)).toEqual(['$0', '$50', '$100']);
	});

	test('matches ticksFor with the same count and options', () => {
		expect(axisTicks('y', frame, { ticks: 4, format: moneyShort })).toEqual(ticksFor(frame.yScale, 4, { format: moneyShort }));
	});
});

describe('numericDomain', () => {
	test.each([
		{ values: [3, 7, null], opts: {}, want: [3, 7] },
		{ values: [3, 7, null], opts: { zero: true }, want: [0, 7] },
		{ values: [-2, 5], opts: { zero: true }, want: [-2, 5] },
		{ values: [5, 5], opts: {}, want: [2.5, 7.5] },
		{ values: [], opts: {}, want: [0, 1] },
		{ values: [0, -3, 100, 1000], opts: { positive: true }, want: [100, 1000] },
		{ values: [Number.NaN, Infinity, 4, 8], opts: {}, want: [4, 8] }
	])('$values $opts → $want', ({ values, opts, want }) => {
		const input = [...values];
		expect(numericDomain(input, opts)).toEqual(want);
		expect(input).toEqual(values);
	});

	test('timeDomain widens a single date by a day each side', () => {
		const d = new Date('2024-05-01T00:00:00Z');
		const [a, b] = timeDomain([d]);
		expect(b.getTime() - a.getTime()).toBe(2 * 86_400_000);
	});
});

describe('outlierCap', () => {
	test('caps at the largest p90 + 2 × (p90 − p10) when a point lies beyond it', () => {
		expect(outlierCap([{ p10: 100, p90: 200, points: [150, 900] }])).toBe(400);
		expect(
			outlierCap([
				{ p10: 100, p90: 200, points: [150] },
				{ p10: 100, p90: 300, points: [750] }
			])
		).toBe(700);
	});
	test('null when nothing lies beyond, or there are no groups', () => {
		expect(outlierCap([{ p10: 100, p90: 200, points: [150, 400] }])).toBeNull();
		expect(outlierCap([])).toBeNull();
	});
});
