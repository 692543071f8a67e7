/** The two rules every query parameter follows (README, "Query rules"): empty means default; switches take 1/0 or true/false. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { FILTER_PARAMS, parseFilters } from './url-filters';
import { parseSummaryQuery } from '$lib/server/summary';

const parse = (q: string) => parseFilters(new URLSearchParams(q));

describe('an empty value is the same as leaving the parameter out', () => {
	it.each(FILTER_PARAMS.map((p) => [p]))('%s= gives the defaults and no error', (p) => {
		expect.hasAssertions();
		expect(parse(`${p}=`)).toEqual({ filters: DEFAULT_FILTERS, errors: [] });
		expect(parse(`${p}=%20`)).toEqual({ filters: DEFAULT_FILTERS, errors: [] });
	});

	it('by= is by=none in the API', () => {
		expect.hasAssertions();
		expect(parseSummaryQuery(new URLSearchParams('by=&size=')).query?.canonical).toBe('by=none');
	});

	it('an empty value given twice is still "given 2 times"', () => {
		expect.hasAssertions();
		expect(parse('size=&size=').errors.map((e) => e.param)).toEqual(['size']);
	});
});

describe('switches (dedupe, real) take 1/0 or true/false, in any case, and nothing else', () => {
	it.each([
		['1', true],
		['true', true],
		['TRUE', true],
		[' True ', true],
		['0', false],
		['false', false],
		['False', false]
	])('real=%j → %s', (v, expected) => {
		expect.hasAssertions();
		const { filters, errors } = parse(`real=${encodeURIComponent(v)}&dedupe=${encodeURIComponent(v)}`);
		expect(errors).toEqual([]);
		expect([filters.real, filters.dedupe]).toEqual([expected, expected]);
	});

	it.each(['2', 'yes', 'on', '-1', '01', 't'])('dedupe=%s and real=%s are errors naming the accepted values', (v) => {
		expect.hasAssertions();
		const { filters, errors } = parse(`dedupe=${v}&real=${v}`);
		expect(errors.map((e) => e.param)).toEqual(['dedupe', 'real']);
		for (const e of errors) expect(e.message).toContain('use 1 or 0 (or true, false)');
		expect([filters.dedupe, filters.real]).toEqual([false, false]);
	});
});
