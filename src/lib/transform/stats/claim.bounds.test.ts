/**
 * The claim check at its edges: a claim exactly on the median interval's ends, claims that
 * are not numbers, effective n out of range (0, negative, above n), inclusive band ends,
 * an inverted band, differences exactly at zero, and shares at the suppression bound.
 * Wilson intervals are recomputed here from the formula (Wilson 1927).
 */
import { describe, expect, it } from 'vitest';
import { SUPPRESS_BELOW, Z_95 } from './constants';
import { bandShareSorted, claimPositionSorted, differenceOf, shareOf, wilsonInterval } from './claim';

const seq = (n: number, start = 100_000, step = 1000) => Float64Array.from({ length: n }, (_, i) => start + step * i);

/** Wilson score interval, written out again. */
function wilson(p: number, n: number, z = Z_95) {
	const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
	const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
	return { lower: centre - half, upper: centre + half };
}

describe('wilsonInterval', () => {
	it('is null for a proportion outside 0–1 or a count that is not positive', () => {
		for (const [p, n] of [
			[-0.01, 100],
			[1.01, 100],
			[Number.NaN, 100],
			[0.5, -5],
			[0.5, Number.NaN]
		])
			expect(wilsonInterval(p!, n!), `${p} of ${n}`).toBeNull();
	});
	it('reaches 0 and 1 at the ends and stays inside them', () => {
		const none = wilsonInterval(0, 20)!;
		const all = wilsonInterval(1, 20)!;
		expect(none.lower).toBeCloseTo(0, 12);
		expect(none.lower).toBeGreaterThanOrEqual(0);
		expect(none.upper).toBeCloseTo(wilson(0, 20).upper, 12);
		expect(all.upper).toBeCloseTo(1, 12);
		expect(all.upper).toBeLessThanOrEqual(1);
		expect(all.lower).toBeCloseTo(wilson(1, 20).lower, 12);
	});
	it('uses the z it is given', () => {
		const w = wilsonInterval(0.3, 50, 1)!;
		expect(w.lower).toBeCloseTo(wilson(0.3, 50, 1).lower, 12);
		expect(w.upper).toBeCloseTo(wilson(0.3, 50, 1).upper, 12);
	});
});

describe('claimPositionSorted', () => {
	const v = seq(100); // 100k … 199k; median 149.5k, its interval [139,798.18, 159,201.82]
	it('calls a claim on either end of the median interval consistent, and one step outside not', () => {
		const { lower, upper } = claimPositionSorted(v, 150_000).medianInterval!;
		expect(claimPositionSorted(v, lower).verdict).toBe('consistent-with-median');
		expect(claimPositionSorted(v, upper).verdict).toBe('consistent-with-median');
		expect(claimPositionSorted(v, lower - 0.01).verdict).toBe('below-median');
		expect(claimPositionSorted(v, upper + 0.01).verdict).toBe('above-median');
	});
	it('gives the full evidence: n, effective n, median, rounded percentile and its Wilson interval', () => {
		const c = claimPositionSorted(v, 172_000, 40);
		// 72 values below 172k and one equal: (72 + ½) / 100.
		expect(c.percentile).toBeCloseTo(72.5, 12);
		expect(c.aboutPercentile).toBe(75);
		expect(c.median).toBe(149_500);
		expect(c).toMatchObject({ claimed: 172_000, n: 100, effectiveN: 40, support: 'ok' });
		expect(c.percentileInterval!.lower).toBeCloseTo(100 * wilson(0.725, 40).lower, 10);
		expect(c.percentileInterval!.upper).toBeCloseTo(100 * wilson(0.725, 40).upper, 10);
		expect(claimPositionSorted(v, 171_400).aboutPercentile).toBe(70);
	});
	it('falls back to n for an effective n that is 0, negative or above n', () => {
		for (const eff of [0, -3, 250]) {
			const c = claimPositionSorted(v, 172_000, eff);
			expect(c.effectiveN, String(eff)).toBe(100);
			expect(c.percentileInterval!.lower).toBeCloseTo(100 * wilson(0.725, 100).lower, 10);
		}
	});
	it('places claims in a low-confidence group, and suppresses a claim that is not a number', () => {
		const low = claimPositionSorted(seq(SUPPRESS_BELOW), 100_000);
		expect(low.support).toBe('low');
		expect(low.percentile).toBeCloseTo(5, 12);
		for (const claimed of [Number.NaN, Number.POSITIVE_INFINITY])
			expect(claimPositionSorted(v, claimed, 40)).toEqual({
				claimed,
				n: 100,
				effectiveN: 40,
				support: 'suppressed',
				percentile: null,
				percentileInterval: null,
				aboutPercentile: null,
				median: null,
				medianInterval: null,
				verdict: 'suppressed'
			});
	});
});

describe('bandShareSorted', () => {
	const v = seq(100);
	it('counts values on both ends of the band and none in an inverted band', () => {
		expect(bandShareSorted(v, 150_000, 150_000).sharePct).toBe(1);
		expect(bandShareSorted(v, 150_500, 150_900).sharePct).toBe(0);
		expect(bandShareSorted(v, 199_000, 100_000).sharePct).toBe(0);
	});
	it('puts the Wilson interval on the effective n, falling back to n', () => {
		const b = bandShareSorted(v, 100_000, 119_000, 30);
		expect(b).toMatchObject({ low: 100_000, high: 119_000, n: 100, support: 'ok', sharePct: 20 });
		expect(b.shareInterval!.lower).toBeCloseTo(100 * wilson(0.2, 30).lower, 10);
		expect(b.shareInterval!.upper).toBeCloseTo(100 * wilson(0.2, 30).upper, 10);
		for (const eff of [0, 500])
			expect(bandShareSorted(v, 100_000, 119_000, eff).shareInterval!.lower).toBeCloseTo(100 * wilson(0.2, 100).lower, 10);
		expect(bandShareSorted(seq(12), 0, 1e9)).toMatchObject({ support: 'low', sharePct: 100 });
	});
});

describe('differenceOf', () => {
	it('is distinguishable only when the interval excludes zero, on either side', () => {
		expect(differenceOf(0, 0, 0, 0)!.distinguishable).toBe(false);
		expect(differenceOf(1, 0, 0, 0)!.distinguishable).toBe(true);
		expect(differenceOf(0, 0, 1, 0)!.distinguishable).toBe(true);
		expect(differenceOf(4, 3, 100, 4)).toMatchObject({ diff: -96, distinguishable: true });
	});
	it('uses the z it is given', () => {
		expect(differenceOf(10, 3, 4, 4, 1)).toEqual({ diff: 6, interval: { lower: 1, upper: 11 }, distinguishable: true });
	});
	it('is null when any input is not finite', () => {
		for (const args of [
			[Number.POSITIVE_INFINITY, 1, 0, 1],
			[1, 1, Number.NaN, 1],
			[1, 1, 0, Number.POSITIVE_INFINITY]
		])
			expect(differenceOf(args[0]!, args[1]!, args[2]!, args[3]!)).toBeNull();
	});
});

describe('shareOf', () => {
	it('gives a share from SUPPRESS_BELOW reports on', () => {
		expect(shareOf(3, SUPPRESS_BELOW)?.pct).toBe(30);
		expect(shareOf(3, SUPPRESS_BELOW - 1)).toBeNull();
	});
	it('puts the interval on the effective n, falling back to n for 0 or more than n', () => {
		const s = shareOf(3, 12, 6)!;
		expect(s.interval!.lower).toBeCloseTo(100 * wilson(0.25, 6).lower, 10);
		expect(s.interval!.upper).toBeCloseTo(100 * wilson(0.25, 6).upper, 10);
		for (const eff of [0, 40]) expect(shareOf(3, 12, eff)!.interval!.upper).toBeCloseTo(100 * wilson(0.25, 12).upper, 10);
	});
});
