/**
 * View models on rows with dimensions not given (an uploaded file): "Not given" groups and
 * filter options, notes for dimensions absent from the whole file, and the like-for-like
 * counts. Expected values are counted by hand from the rows built here.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { NOT_GIVEN } from '$lib/transform/stats/dimensions';
import { familyRow, shuffled, withGaps } from '$lib/transform/stats/testing/rows';
import { computeStats } from '$lib/transform/stats/compute';
import { facetsView, NOT_GIVEN_OPTION, removeFacet } from './facets';
import { ABSENT_NOTE, groupLabel, NOT_GIVEN_LABEL } from '$lib/format/labels';
import { overviewView } from './overview';
import { payView, SEGMENT_DIMENSIONS } from './pay';
import { summaryView } from './summary-table';
import { datasetOf, seq } from './testing/year-rows';

// 12 AI + 12 ML with size M; 11 AI + 10 ML without a size; nobody has a remote ratio.
const complete = [
	...seq(100_000, 12).map((v) => familyRow('AI', { salaryUsd: v })),
	...seq(90_000, 12).map((v) => familyRow('ML', { salaryUsd: v }))
];
const noSize = [
	...seq(200_000, 11).map((v) => familyRow('AI', { salaryUsd: v, companySize: null })),
	...seq(150_000, 10).map((v) => familyRow('ML', { salaryUsd: v, companySize: null }))
];
const rows = shuffled(
	[...complete, ...noSize].map((r) => withGaps(r, ['remoteRatio'])),
	17
);
const data = datasetOf(rows);

describe('labels', () => {
	it('"Not given" for the NOT_GIVEN key in every dimension, and a note per absent dimension', () => {
		expect.hasAssertions();
		for (const d of ['companySize', 'region', 'country', 'experienceLevel', 'employmentType', 'remoteRatio'] as const)
			expect(groupLabel(d, NOT_GIVEN)).toBe(NOT_GIVEN_LABEL);
		expect(NOT_GIVEN_LABEL).toBe('Not given');
		expect(ABSENT_NOTE.companySize).toBe('This file has no company size column.');
		expect(ABSENT_NOTE.region).toMatch(/no company country column/);
	});
});

describe('facetsView', () => {
	it('offers "none" only where rows lack the value, hides absent filters with their note', () => {
		expect.hasAssertions();
		const f = facetsView(data, DEFAULT_FILTERS);
		expect(f.options.size).toEqual({ S: 0, M: 24, L: 0, [NOT_GIVEN_OPTION]: 21 });
		expect(NOT_GIVEN_OPTION in f.options.exp).toBe(false);
		expect(NOT_GIVEN_OPTION in f.options.country).toBe(false);
		expect(f.options.remote).toEqual({});
		expect(f.absent).toEqual([{ facet: 'remote', dimension: 'remoteRatio', note: 'This file has no remote ratio column.' }]);
		// Ticking "Not given" narrows the view to those rows.
		const only = facetsView(data, { ...DEFAULT_FILTERS, notGiven: ['size'] });
		expect(only.current).toEqual({ ai: 11, ml: 10, n: 21 });
	});
	it('removeFacet unticks "Not given" when told the current list, and leaves it alone otherwise', () => {
		expect.hasAssertions();
		expect(removeFacet('size', ['size', 'exp'])).toEqual({ size: [], notGiven: ['exp'] });
		expect(removeFacet('size')).toEqual({ size: [] });
		expect(removeFacet('years', ['size'])).toEqual({ from: null, to: null });
	});
	it('the built-in case: no "none" option and nothing absent', () => {
		expect.hasAssertions();
		const f = facetsView(datasetOf(complete), DEFAULT_FILTERS);
		expect(f.absent).toEqual([]);
		expect(Object.keys(f.options.size)).toEqual(['S', 'M', 'L']);
	});
});

describe('group-by views', () => {
	it('payView: "Not given" is its own segment group; an absent dimension has a note instead of a chart', () => {
		expect.hasAssertions();
		const m = payView(data, { filters: DEFAULT_FILTERS, scale: 'linear', salary: null });
		expect(m.segments.map((s) => s.dim)).toEqual(SEGMENT_DIMENSIONS.filter((d) => d !== 'remoteRatio'));
		expect(m.absentSegments).toEqual([{ dim: 'remoteRatio', note: 'This file has no remote ratio column.' }]);
		const size = m.segments.find((s) => s.dim === 'companySize')!;
		expect(size.rows.map((r) => [r.label, r.n.AI, r.n.ML])).toEqual([
			['Medium (50–250)', 12, 12],
			['Not given', 11, 10]
		]);
		// Medians of the not-given group, by hand: AI 200k…210k → 205,000; ML 150k…159k → 154,500.
		expect(size.rows[1]!.medians).toEqual({ AI: 205_000, ML: 154_500 });
	});
	it('the summary table has a "Not given" row per family', () => {
		expect.hasAssertions();
		const t = summaryView(data, { by: 'company_size', filters: DEFAULT_FILTERS });
		const col = (name: string) => t.columns.indexOf(name);
		const ng = t.rows.filter((r) => r[col('group')] === NOT_GIVEN);
		expect(ng.map((r) => [r[col('group_label')], r[col('family')], r[col('n')], r[col('median')]])).toEqual([
			['Not given', 'AI', 11, 205_000],
			['Not given', 'ML', 10, 154_500]
		]);
	});
	it('a "Not given" group under the suppression rule has no median', () => {
		expect.hasAssertions();
		const small = datasetOf([...complete, familyRow('AI', { companySize: null, salaryUsd: 1 })]);
		const g = computeStats(small.prepared, DEFAULT_FILTERS, { groupBy: 'companySize' }).groups!.groups.find((x) => x.key === NOT_GIVEN)!;
		expect(g.families.AI.n).toBe(1);
		expect(g.families.AI.median).toBeNull();
	});
});

describe('overviewView', () => {
	it('like-for-like: says how many rows it left out; the raw figures use every row', () => {
		expect.hasAssertions();
		const o = overviewView(data, { filters: DEFAULT_FILTERS });
		expect([o.families.AI.n, o.families.ML.n]).toEqual([23, 22]);
		expect(o.likeForLike).toMatchObject({ aiRowsWithoutCell: 11, mlRowsWithoutCell: 10, aiNUsed: 12, mlNSupported: 12 });
		// One supported cell: the adjusted AI median is the complete AI rows' median (100k…111k → 105,500); ML 95,500.
		expect(o.likeForLike.aiMedianAdjusted).toBe(105_500);
		expect(o.likeForLike.mlMedianSupported).toBe(95_500);
	});
});
