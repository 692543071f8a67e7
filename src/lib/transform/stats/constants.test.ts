import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE_BELOW, QUANTILE_PROBS, SUPPRESS_BELOW, supportOf, weakerSupport, Z_95, type Support } from './constants';
import { normalQuantile } from './normal';

describe('constants', () => {
	it.each([
		[0, 'suppressed'],
		[SUPPRESS_BELOW - 1, 'suppressed'],
		[SUPPRESS_BELOW, 'low'],
		[LOW_CONFIDENCE_BELOW - 1, 'low'],
		[LOW_CONFIDENCE_BELOW, 'ok'],
		[10_000, 'ok']
	])('supportOf(%i) = %s', (n, support) => {
		expect.hasAssertions();
		expect(supportOf(n)).toBe(support);
	});

	it('weakerSupport is the minimum in the order suppressed < low < ok, whichever side it is on', () => {
		expect.hasAssertions();
		const order: Support[] = ['suppressed', 'low', 'ok'];
		for (const a of order) for (const b of order) expect(weakerSupport(a, b)).toBe(order[Math.min(order.indexOf(a), order.indexOf(b))]);
	});

	it('Z_95 is the 97.5th percentile of the standard normal; the quantile probabilities are the reported ones', () => {
		expect.hasAssertions();
		expect(Z_95).toBeCloseTo(normalQuantile(0.975), 14);
		expect(QUANTILE_PROBS).toEqual({ p10: 0.1, p25: 0.25, median: 0.5, p75: 0.75, p90: 0.9 });
	});
});
