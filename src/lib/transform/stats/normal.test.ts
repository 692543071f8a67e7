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
