/**
 * Two-count figures at a tie (the first count is named), and a cell's effective n that
 * floating-point sums leave a hair under a whole number.
 */
import { describe, expect, it } from 'vitest';
import { SUPPRESS_BELOW } from './constants';
import { figureSupport } from './support';

describe('figureSupport at ties and rounding', () => {
	it('names the first count when both counts are equal', () => {
		expect(figureSupport({ kind: 'gap', aiN: 20, mlN: 20 })).toMatchObject({ n: 20, limitedBy: 'ai' });
		expect(figureSupport({ kind: 'growth', nFrom: 5, nTo: 5 })).toMatchObject({ n: 5, limitedBy: 'from' });
		expect(figureSupport({ kind: 'cell', aiEffectiveN: 40, mlN: 40 })).toMatchObject({ n: 40, limitedBy: 'ai' });
	});
	it('counts an effective n a rounding error under a whole number as that number', () => {
		// 0.1 added 100 times is 9.99999999999998, not 10.
		let sum = 0;
		for (let i = 0; i < 100; i++) sum += 0.1;
		expect(sum).toBeLessThan(SUPPRESS_BELOW);
		expect(figureSupport({ kind: 'cell', aiEffectiveN: sum, mlN: 400 })).toMatchObject({ support: 'low', n: 10, limitedBy: 'ai' });
		expect(figureSupport({ kind: 'cell', aiEffectiveN: 9.999, mlN: 400 })).toMatchObject({ support: 'suppressed', n: 9 });
	});
});
