import { median, quantile } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { gapFromMedians } from './intervals';
import { gapSummary, summarize } from './summary';
import { familySummaries, familyValues, groupSummaries } from './testing/oracle';
import { familyRow, shuffled } from './testing/rows';

const seq = (start: number, n: number, step = 1000) => Array.from({ length: n }, (_, i) => start + step * i);

describe('summary', () => {
	it('summarize sorts numerically (100 after 20), whatever the input order', () => {
		expect.hasAssertions();
		const values = [100, 20, 3, 1000, 7, 50, 9, 600, 11, 40, 2];
		const s = summarize(values);
		expect(s.n).toBe(11);
		expect(s.quantiles!.median).toBe(median(values));
		expect(s.quantiles!.p90).toBe(quantile(values, 0.9));
		expect(s.median!.median).toBe(median(values));
	});

	it('familyValues splits by family in row order, on salaryUsd or on a chosen pay', () => {
		expect.hasAssertions();
		const rows = [
			familyRow('ML', { salaryUsd: 3 }),
			familyRow('AI', { salaryUsd: 2 }),
			familyRow('ML', { salaryUsd: 1 }),
			familyRow('AI', { salaryUsd: 5 })
		];
		const v = familyValues(rows);
		expect(Array.from(v.AI)).toEqual([2, 5]);
		expect(Array.from(v.ML)).toEqual([3, 1]);
		const doubled = familyValues(rows, (r) => 2 * r.salaryUsd);
		expect(Array.from(doubled.AI)).toEqual([4, 10]);
		expect(Array.from(doubled.ML)).toEqual([6, 2]);
		expect(familyValues([])).toEqual({ AI: new Float64Array(0), ML: new Float64Array(0) });
	});

	it('familySummaries of shuffled rows equal the summaries of each family’s values', () => {
		expect.hasAssertions();
		const ai = seq(90_000, 12, 3_000);
		const ml = seq(80_000, 31, 2_000);
		const rows = shuffled([...ai.map((v) => familyRow('AI', { salaryUsd: v })), ...ml.map((v) => familyRow('ML', { salaryUsd: v }))], 3);
		const s = familySummaries(rows);
		expect(s.AI).toEqual({ family: 'AI', ...summarize(ai) });
		expect(s.ML).toEqual({ family: 'ML', ...summarize(ml) });
		expect([s.AI.support, s.ML.support]).toEqual(['low', 'ok']);
	});

	it('a gap is as weak as its weaker side; suppressed on either side means no estimate', () => {
		expect.hasAssertions();
		const ok = summarize(seq(100_000, 40));
		const low = summarize(seq(90_000, 12));
		const tiny = summarize(seq(90_000, 9));
		expect(gapSummary(tiny, ok)).toEqual({ support: 'suppressed', aiN: 9, mlN: 40, aiEffectiveN: 9, mlEffectiveN: 40, estimate: null });
		expect(gapSummary(ok, tiny)).toEqual({ support: 'suppressed', aiN: 40, mlN: 9, aiEffectiveN: 40, mlEffectiveN: 9, estimate: null });
		const g = gapSummary(low, ok);
		expect(g.support).toBe('low');
		expect(g.estimate).toEqual(gapFromMedians(low.median!, ok.median!));
		expect(gapSummary(ok, ok).support).toBe('ok');
	});

	it('groups come in the dimension’s order with their own summaries and gaps', () => {
		expect.hasAssertions();
		const rows = shuffled(
			[
				...seq(100_000, 10).map((v) => familyRow('AI', { companySize: 'L', salaryUsd: v })),
				...seq(90_000, 10).map((v) => familyRow('ML', { companySize: 'L', salaryUsd: v })),
				...seq(80_000, 3).map((v) => familyRow('AI', { companySize: 'S', salaryUsd: v }))
			],
			8
		);
		const groups = groupSummaries(rows, 'companySize');
		expect(groups.map((g) => g.key)).toEqual(['S', 'L']);
		expect(groups[0]!.families.AI.n).toBe(3);
		expect(groups[0]!.families.ML.n).toBe(0);
		expect(groups[0]!.gap.estimate).toBeNull();
		expect(groups[1]!.families.AI.quantiles!.median).toBe(104_500);
		expect(groups[1]!.gap.estimate!.gapUsd).toBe(10_000);
		const byPay = groupSummaries(rows, 'companySize', (r) => r.salaryUsd / 1000);
		expect(byPay[1]!.gap.estimate!.gapUsd).toBe(10);
	});
});
