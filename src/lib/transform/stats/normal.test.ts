import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal';

// Expected values from Python 3.11 `statistics.NormalDist()` (cdf / inv_cdf), except
// Φ(-8), from the exact erfc value 6.22096057e-16 (Python's cdf loses precision that far out).
describe('normal', () => {
	it.each([
		[-5, 2.8665157186802404e-7],
		[-3, 0.0013498980316301035],
		[-1.96, 0.024997895148220428],
		[-1, 0.15865525393145707],
		[0, 0.5],
		[1, 0.8413447460685429],
		[2, 0.9772498680518208],
		[6, 0.9999999990134123]
	])('Φ(%s) = %s', (x, p) => {
		expect.hasAssertions();
		expect(normalCdf(x)).toBeCloseTo(p, 14);
		expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-9);
	});

	it('Φ(-8) in the far tail', () => {
		expect.hasAssertions();
		expect(normalCdf(-8) / 6.22096057e-16).toBeCloseTo(1, 6);
	});

	it.each([
		[0.001, -3.090232306167813],
		[0.01, -2.3263478740408408],
		[0.02425, -1.9729610513118845],
		[0.025, -1.9599639845400538],
		[0.1, -1.2815515655446008],
		[0.5, 0],
		[0.8, 0.8416212335729144],
		[0.975, 1.9599639845400536]
	])('Φ⁻¹(%s) = %s', (p, x) => {
		expect.hasAssertions();
		expect(normalQuantile(p)).toBeCloseTo(x, 12);
	});

	it('edge probabilities', () => {
		expect.hasAssertions();
		expect(normalQuantile(0)).toBe(-Infinity);
		expect(normalQuantile(1)).toBe(Infinity);
		expect(normalQuantile(1.5)).toBeNaN();
		expect(normalCdf(NaN)).toBeNaN();
	});
});

describe('normal: tails and branches', () => {
	// 0.5 · erfc(−x/√2) with Python's math.erfc (accurate to a few ulps in the tails).
	it.each([
		[-7.07, 7.746684865636529e-13],
		[-7.08, 7.207723086467529e-13],
		[-7.5, 3.19089167291092e-14],
		[-10, 7.619853024160593e-24],
		[-20, 2.7536241186063314e-89],
		[-37, 5.725571222525139e-300]
	])('Φ(%s) = %s to 1e-7 relative (both sides of the 7.07 switch, up to 37)', (x, p) => {
		expect.hasAssertions();
		expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-7);
		expect(1 - normalCdf(-x)).toBeCloseTo(p, 15);
	});

	it('beyond 37 the tail is 0 (and 1 on the right)', () => {
		expect.hasAssertions();
		expect(normalCdf(-37.5)).toBe(0);
		expect(normalCdf(40)).toBe(1);
		expect(normalCdf(-Infinity)).toBe(0);
		expect(normalCdf(Infinity)).toBe(1);
	});

	// Python statistics.NormalDist().inv_cdf; the upper branch starts above 1 − 0.02425.
	it.each([
		[0.97575, 1.9729610513118847, 12],
		[0.976, 1.9773684281819461, 12],
		[0.99, 2.3263478740408408, 12],
		[0.999, 3.090232306167813, 12],
		// far tails: Φ itself is good to ~1e-8 relative there, so the inverse to ~1e-10
		[0.9999999, 5.199337582290662, 9],
		[1e-10, -6.361340902404056, 9]
	])('Φ⁻¹(%s) = %s (to %i digits)', (p, x, digits) => {
		expect.hasAssertions();
		expect(normalQuantile(p)).toBeCloseTo(x, digits);
	});

	it('quantile inverts the CDF and is odd around ½', () => {
		expect.hasAssertions();
		for (const p of [1e-6, 0.01, 0.0242, 0.0243, 0.3, 0.5, 0.7, 0.9757, 0.9758, 0.99]) {
			expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
			expect(normalQuantile(1 - p) + normalQuantile(p)).toBeCloseTo(0, 9);
		}
	});

	it('probabilities outside [0, 1] or NaN have no quantile', () => {
		expect.hasAssertions();
		expect(normalQuantile(-0.1)).toBeNaN();
		expect(normalQuantile(Number.NaN)).toBeNaN();
	});
});
