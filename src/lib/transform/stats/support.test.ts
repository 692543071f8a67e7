import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE_BELOW, SUPPRESS_BELOW } from './constants';
import { figureSupport, isShown, type Figure } from './support';

describe('one small-sample rule for every figure', () => {
	// The thresholds are the named constants (10 and 30); each row is one kind of figure at
	// the edges of the rule.
	it.each<[string, Figure, string, string | null, number, string]>([
		['median of 9', { kind: 'median', n: 9 }, 'suppressed', 'below-suppress', 9, 'n'],
		['median of 10', { kind: 'median', n: 10 }, 'low', 'below-low-confidence', 10, 'n'],
		['median of 30', { kind: 'median', n: 30 }, 'ok', null, 30, 'n'],
		['per-year point of 29', { kind: 'point', n: 29 }, 'low', 'below-low-confidence', 29, 'n'],
		['share of 3 reports (100 %)', { kind: 'share', total: 3 }, 'suppressed', 'below-suppress', 3, 'total'],
		['share of 1,000 reports', { kind: 'share', total: 1000 }, 'ok', null, 1000, 'total'],
		['size mix of 3 reports (33/33/33 %)', { kind: 'mix', total: 3 }, 'suppressed', 'below-suppress', 3, 'total'],
		['mix of 12 reports', { kind: 'mix', total: 12 }, 'low', 'below-low-confidence', 12, 'total'],
		['gap, ML side 8', { kind: 'gap', aiN: 500, mlN: 8 }, 'suppressed', 'below-suppress', 8, 'ml'],
		['gap, AI side 20', { kind: 'gap', aiN: 20, mlN: 4000 }, 'low', 'below-low-confidence', 20, 'ai'],
		['growth from 3 reports to 571', { kind: 'growth', nFrom: 3, nTo: 571 }, 'suppressed', 'below-suppress', 3, 'from'],
		['growth from 47 to 12', { kind: 'growth', nFrom: 47, nTo: 12 }, 'low', 'below-low-confidence', 12, 'to'],
		['growth from 47 to 571', { kind: 'growth', nFrom: 47, nTo: 571 }, 'ok', null, 47, 'from'],
		['like-for-like cell, effective n 9.99', { kind: 'cell', aiEffectiveN: 9.99, mlN: 400 }, 'suppressed', 'below-suppress', 9, 'ai'],
		[
			'like-for-like cell, effective n 10.0000000001',
			{ kind: 'cell', aiEffectiveN: 10.0000000001, mlN: 400 },
			'low',
			'below-low-confidence',
			10,
			'ai'
		],
		['like-for-like cell, ML 25', { kind: 'cell', aiEffectiveN: 300, mlN: 25 }, 'low', 'below-low-confidence', 25, 'ml']
	])('%s → %s', (_, figure, support, reason, n, limitedBy) => {
		expect.hasAssertions();
		expect(figureSupport(figure)).toEqual({
			support,
			reason,
			n,
			effectiveN: n,
			limitedBy,
			suppressBelow: SUPPRESS_BELOW,
			lowConfidenceBelow: LOW_CONFIDENCE_BELOW
		});
		expect(isShown(figure)).toBe(support !== 'suppressed');
	});

	// Issue 16: 40 rows that are about 6 distinct reports are low confidence, not ok; the rows still decide suppression.
	it.each<[string, Figure, string, number, number, string]>([
		['median of 40 rows, effective n 6', { kind: 'median', n: 40, effectiveN: 6 }, 'low', 40, 6, 'n'],
		['median of 9 rows, effective n 9', { kind: 'median', n: 9, effectiveN: 9 }, 'suppressed', 9, 9, 'n'],
		['median of 60 rows, effective n 30', { kind: 'median', n: 60, effectiveN: 30 }, 'ok', 60, 30, 'n'],
		['point of 45 rows, effective n 29.9', { kind: 'point', n: 45, effectiveN: 29.9 }, 'low', 45, 29.9, 'n'],
		[
			'gap: AI 500 rows worth 400, ML 50 worth 12',
			{ kind: 'gap', aiN: 500, mlN: 50, aiEffectiveN: 400, mlEffectiveN: 12 },
			'low',
			50,
			12,
			'ml'
		],
		[
			'gap: AI 40 rows worth 20, ML 35 worth 25',
			{ kind: 'gap', aiN: 40, mlN: 35, aiEffectiveN: 20, mlEffectiveN: 25 },
			'low',
			40,
			20,
			'ai'
		],
		['gap: ML 9 rows, AI 40 worth 5', { kind: 'gap', aiN: 40, mlN: 9, aiEffectiveN: 5, mlEffectiveN: 9 }, 'suppressed', 9, 9, 'ml'],
		[
			'growth: 100 rows worth 20 to 80',
			{ kind: 'growth', nFrom: 100, nTo: 80, effectiveNFrom: 20, effectiveNTo: 80 },
			'low',
			100,
			20,
			'from'
		]
	])('%s → %s', (_, figure, support, n, effectiveN, limitedBy) => {
		expect.hasAssertions();
		expect(figureSupport(figure)).toMatchObject({ support, n, effectiveN, limitedBy });
	});

	it('every kind changes verdict exactly at the named thresholds', () => {
		expect.hasAssertions();
		const kinds = (n: number): Figure[] => [
			{ kind: 'median', n },
			{ kind: 'point', n },
			{ kind: 'share', total: n },
			{ kind: 'mix', total: n },
			{ kind: 'gap', aiN: n, mlN: 10_000 },
			{ kind: 'growth', nFrom: 10_000, nTo: n },
			{ kind: 'cell', aiEffectiveN: n, mlN: 10_000 }
		];
		for (const f of kinds(SUPPRESS_BELOW - 1)) expect(figureSupport(f).support, f.kind).toBe('suppressed');
		for (const f of kinds(SUPPRESS_BELOW)) expect(figureSupport(f).support, f.kind).toBe('low');
		for (const f of kinds(LOW_CONFIDENCE_BELOW - 1)) expect(figureSupport(f).support, f.kind).toBe('low');
		for (const f of kinds(LOW_CONFIDENCE_BELOW)) expect(figureSupport(f).support, f.kind).toBe('ok');
	});
});
