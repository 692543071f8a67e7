import fc from 'fast-check';
import { median } from 'd3-array';
import { describe, expect, it } from 'vitest';
import type { PostingsColumns } from '../data/upload/columns';
import { FAMILY_CODES, familyCodes, rowFamilies } from './upload-titles';
import { listedFamilyOf } from './title-families';
import { load } from '../data/upload/testing/load';
import { summarisePostings, weightedMedian } from './postings';
import { postingsByMonthRows, skillsByFamilyRows } from '$lib/views/your-data';

/**
 * The fixture's hand counts (tests/fixtures/upload/README.md) are for families-v1 matched
 * exactly by name (`listedFamilyOf`); the one title rule's normal forms (which add lines 11
 * and 17) are tested in views/your-data.test.ts and transform/title-normalise.test.ts.
 */
async function dataJobs() {
	const { done } = await load('data-jobs-postings.csv');
	const c = done.columns as PostingsColumns;
	const exact = Int8Array.from(c.title.dict, (t) => {
		const f = listedFamilyOf(t, 'family');
		return f === null ? -1 : FAMILY_CODES[f];
	});
	return { c, fam: rowFamilies(c.title, exact) };
}

describe('summarisePostings on the data_jobs fixture (hand-counted, see tests/fixtures/upload/README.md)', () => {
	it('postings per month per family; small months suppressed; the first month partial', async () => {
		const { c, fam } = await dataJobs();
		const s = summarisePostings(c, fam);
		expect(s.totalPostings).toBe(17);
		expect(s.familyPostings).toEqual({ AI: 7, ML: 7 });
		expect(s.otherPostings).toBe(3);
		expect(s.months).toEqual([
			{ month: '2023-01', partial: true, ai: 3, ml: 2, n: 5, aiSharePct: null, support: 'suppressed' },
			{ month: '2023-02', partial: false, ai: 2, ml: 3, n: 5, aiSharePct: null, support: 'suppressed' },
			{ month: '2023-03', partial: false, ai: 2, ml: 2, n: 4, aiSharePct: null, support: 'suppressed' }
		]);
		expect(postingsByMonthRows(s)).toEqual([
			['2023-01', 'AI Engineer', 3],
			['2023-01', 'ML Engineer', 2],
			['2023-02', 'AI Engineer', 2],
			['2023-02', 'ML Engineer', 3],
			['2023-03', 'AI Engineer', 2],
			['2023-03', 'ML Engineer', 2]
		]);
	});
	it('by country (missing countries left out), no company size in this layout', async () => {
		const { c, fam } = await dataJobs();
		const s = summarisePostings(c, fam);
		expect(s.byCompanySize).toBeNull();
		expect(s.byCountry!.map((g) => [g.group, g.ai, g.ml])).toEqual([
			['US', 5, 2],
			['DE', 1, 1],
			['FR', 1, 1],
			['CZ', 0, 1],
			['GB', 0, 1]
		]);
	});
	it('top skills per family with their n; shares suppressed under 10 postings', async () => {
		const { c, fam } = await dataJobs();
		const s = summarisePostings(c, fam);
		const ai = s.skills!.filter((k) => k.family === 'AI').map((k) => [k.skill, k.postings]);
		expect(ai).toEqual([
			['python', 7],
			['aws', 3],
			['langchain', 2],
			['pytorch', 2],
			['llm', 1]
		]);
		expect(s.skills!.filter((k) => k.family === 'ML')).toHaveLength(9);
		expect(s.skills!.every((k) => k.familyPostings === 7 && k.sharePct === null && k.support === 'suppressed')).toBe(true);
		expect(skillsByFamilyRows(s)[0]).toEqual(['AI Engineer', 'python', 7, null]);
		expect(summarisePostings(c, fam, { topSkills: 2 }).skills!.map((k) => k.skill)).toEqual(['python', 'aws', 'python', 'pytorch']);
	});
	it('advertised salary: n per family (hourly annualised), median suppressed under 10', async () => {
		const { c, fam } = await dataJobs();
		const s = summarisePostings(c, fam);
		expect(s.salary).toEqual([
			{ family: 'AI', medianUsd: null, n: 4, support: 'suppressed' },
			{ family: 'ML', medianUsd: null, n: 5, support: 'suppressed' }
		]);
	});
	it('a stated coverage decides the months and partial flags', async () => {
		const { c, fam } = await dataJobs();
		const s = summarisePostings(c, fam, { coverage: { firstDay: '2022-12-01', lastDay: '2023-03-30' } });
		expect(s.months.map((m) => [m.month, m.partial, m.n])).toEqual([
			['2022-12', false, 0],
			['2023-01', false, 5],
			['2023-02', false, 5],
			['2023-03', true, 4]
		]);
	});
	it('does not change its input', async () => {
		const { c, fam } = await dataJobs();
		const before = structuredClone({ c, fam });
		summarisePostings(c, fam);
		expect({ c, fam }).toEqual(before);
	});
});

/** Columns built directly: title codes 0 = AI Engineer, 1 = Machine Learning Engineer, 2 = Data Scientist. */
function columns(
	rows: readonly { t: number; day: number; size: number; country: number; skills: number[]; pay: number; count: number }[],
	counted: boolean
): PostingsColumns {
	const offsets = new Uint32Array(rows.length + 1);
	const codes: number[] = [];
	rows.forEach((r, i) => {
		codes.push(...r.skills);
		offsets[i + 1] = codes.length;
	});
	return {
		kind: 'postings',
		n: rows.length,
		line: Uint32Array.from(rows, (_, i) => i + 2),
		title: { codes: Int32Array.from(rows, (r) => r.t), dict: ['AI Engineer', 'Machine Learning Engineer', 'Data Scientist'] },
		postedMs: Float64Array.from(rows, (r) => Date.UTC(2024, 0, 1) + r.day * 86_400_000),
		monthOnly: false,
		companyName: null,
		companySize: Int8Array.from(rows, (r) => r.size),
		country: { codes: Int32Array.from(rows, (r) => r.country), dict: ['US', 'DE'] },
		skills: { offsets, codes: Uint32Array.from(codes), dict: ['python', 'sql', 'aws'] },
		salaryUsd: Float64Array.from(rows, (r) => r.pay),
		count: counted ? Float64Array.from(rows, (r) => r.count) : null,
		fields: []
	};
}

describe('pre-counted rows weigh as many rows', () => {
	const row = fc.record({
		t: fc.integer({ min: 0, max: 2 }),
		day: fc.integer({ min: 0, max: 120 }),
		size: fc.integer({ min: -1, max: 2 }),
		country: fc.integer({ min: -1, max: 1 }),
		skills: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }),
		pay: fc.oneof(
			fc.constant(NaN),
			fc.integer({ min: 50, max: 60 }).map((k) => k * 1000)
		),
		count: fc.integer({ min: 0, max: 6 })
	});
	it('a row with count k gives the same figures as k copies of it', () => {
		// Not an exact count: mutation runs cap every property at fewer runs (tests/mutation).
		expect.hasAssertions();
		fc.assert(
			fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
				const counted = columns(rows, true);
				const expanded = columns(
					rows.flatMap((r) => Array.from({ length: r.count }, () => r)),
					false
				);
				const famOf = (c: PostingsColumns) => rowFamilies(c.title, familyCodes(c.title.dict, 'family'));
				const a = summarisePostings(counted, famOf(counted), { coverage: { firstDay: '2024-01-01', lastDay: '2024-04-30' } });
				const b = summarisePostings(expanded, famOf(expanded), { coverage: { firstDay: '2024-01-01', lastDay: '2024-04-30' } });
				// Totals differ only by zero-count rows, which no figure below includes.
				expect({ ...a, totalPostings: 0 }).toEqual({ ...b, totalPostings: 0 });
			}),
			{ numRuns: 100, seed: 9 }
		);
	});
	it('shares and medians appear once a group reaches 10', () => {
		const rows = [
			...Array.from({ length: 6 }, (_, i) => ({ t: 0, day: i, size: 1, country: 0, skills: [0, 2], pay: 100_000 + i * 10_000, count: 3 })),
			...Array.from({ length: 4 }, (_, i) => ({ t: 1, day: i, size: 2, country: 1, skills: [0], pay: 90_000, count: 5 }))
		];
		const c = columns(rows, true);
		const s = summarisePostings(c, rowFamilies(c.title, familyCodes(c.title.dict, 'family')));
		expect(s.months).toEqual([{ month: '2024-01', partial: true, ai: 18, ml: 20, n: 38, aiSharePct: (100 * 18) / 38, support: 'ok' }]);
		expect(s.byCompanySize!.map((g) => [g.group, g.ai, g.ml, g.support])).toEqual([
			['M', 18, 0, 'low'],
			['L', 0, 20, 'low']
		]);
		// AI pays 100k…150k, 3 postings each: 18 values, median = mean of the 9th and 10th = (120k + 130k) / 2.
		expect(s.salary![0]).toEqual({ family: 'AI', medianUsd: 125_000, n: 18, support: 'low' });
		expect(s.skills!.find((k) => k.family === 'AI' && k.skill === 'aws')).toMatchObject({
			postings: 18,
			familyPostings: 18,
			sharePct: 100,
			support: 'low'
		});
		expect(skillsByFamilyRows(s)).toContainEqual(['ML Engineer', 'python', 20, 100]);
	});
});

describe('weightedMedian', () => {
	it('equals the median of the expanded list', () => {
		// Property runs are capped in mutation runs (tests/mutation/fast-check-capped.ts), so ask for assertions, not a count.
		expect.hasAssertions();
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 30 }),
				(pairs) => {
					const expanded = pairs.flatMap(([v, w]) => Array.from({ length: w }, () => v));
					const want = expanded.length ? median(expanded)! : null;
					const values = pairs.map((p) => p[0]);
					const weights = pairs.map((p) => p[1]);
					const before = [values.slice(), weights.slice()];
					expect(weightedMedian(values, weights)).toBe(want);
					expect([values, weights]).toEqual(before); // inputs untouched
				}
			),
			{ numRuns: 100, seed: 3 }
		);
	});
});
