/**
 * Standard normal CDF and quantile, accurate to about 1e-14 / 1e-15 (checked against
 * Python's `statistics.NormalDist` in normal.test.ts). Used for interval critical values.
 */

/**
 * Φ(x), the standard normal CDF. Hart's double-precision rational approximation
 * (Hart 1968, algorithm 5666, as given by West 2005, "Better approximations to
 * cumulative normal functions").
 */
export function normalCdf(x: number): number {
	// NaN falls through to NaN: every comparison below is false and exp(NaN) is NaN.
	const ax = Math.abs(x);
	let c: number;
	if (ax > 37) c = 0;
	else {
		const e = Math.exp((-ax * ax) / 2);
		// Stryker disable next-line EqualityOperator: equivalent, both forms agree where they meet
		if (ax < 7.07106781186547) {
			let b = 3.52624965998911e-2 * ax + 0.700383064443688;
			b = b * ax + 6.37396220353165;
			b = b * ax + 33.912866078383;
			b = b * ax + 112.079291497871;
			b = b * ax + 221.213596169931;
			b = b * ax + 220.206867912376;
			c = e * b;
			b = 8.83883476483184e-2 * ax + 1.75566716318264;
			b = b * ax + 16.064177579207;
			b = b * ax + 86.7807322029461;
			b = b * ax + 296.564248779674;
			b = b * ax + 637.333633378831;
			b = b * ax + 793.826512519948;
			b = b * ax + 440.413735824752;
			c = c / b;
		} else {
			let b = ax + 0.65;
			b = ax + 4 / b;
			b = ax + 3 / b;
			b = ax + 2 / b;
			b = ax + 1 / b;
			c = e / b / 2.506628274631;
		}
	}
	// Stryker disable next-line EqualityOperator: equivalent, at x = 0 both give ½
	return x > 0 ? 1 - c : c;
}

const A = [
	-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239
] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [
	-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783
] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;

/**
 * Φ⁻¹(p), the standard normal quantile: Acklam's rational approximation refined by one
 * Halley step on `normalCdf`. `normalQuantile(0.975) → 1.959963984540054`.
 */
export function normalQuantile(p: number): number {
	// NaN, p < 0 and p > 1 give NaN through the logarithms below.
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	const pLow = 0.02425;
	let x: number;
	// Stryker disable next-line EqualityOperator: equivalent, the pieces meet at pLow and the Halley step refines either
	if (p < pLow) {
		const q = Math.sqrt(-2 * Math.log(p));
		x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
		// Stryker disable next-line EqualityOperator: equivalent, as above at 1 − pLow
	} else if (p <= 1 - pLow) {
		const q = p - 0.5;
		const r = q * q;
		x =
			((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
			(((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
	} else {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
	}
	// One Halley step brings the ~1e-9 relative error of the rational form to machine precision.
	const e = normalCdf(x) - p;
	const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
	// Stryker disable next-line ArithmeticOperator: equivalent in doubles, x·u/2 is about 1e-9, so the denominator's form moves the result below 1e-16
	const step = u / (1 + (x * u) / 2);
	return x - step;
}
