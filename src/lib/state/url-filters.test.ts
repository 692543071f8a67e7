import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { filtersToQuery, parseFilters } from './url-filters';

const parse = (q: string) => parseFilters(new URLSearchParams(q));

describe('parseFilters', () => {
	it('gives the defaults for an empty query', () => {
		expect.hasAssertions();
		expect(parse('')).toEqual({ filters: DEFAULT_FILTERS, errors: [] });
	});

	it('reads every filter', () => {
		expect.hasAssertions();
		const { filters, errors } = parse(
			'size=L,S&region=europe&country=gb,US&exp=SE&type=FT,CT&remote=100&from=2022&to=2024&titles=strict&dedupe=1&real=1'
		);
		expect(errors).toEqual([]);
		expect(filters).toEqual({
			size: ['S', 'L'],
			region: ['europe'],
			country: ['GB', 'US'],
			exp: ['SE'],
			type: ['FT', 'CT'],
			remote: [100],
			from: 2022,
			to: 2024,
			titles: 'strict',
			dedupe: true,
			real: true
		});
	});

	it.each([
		['size=XL', 'size', /S, M, L/],
		['region=mars', 'region', /europe/],
		['country=USA', 'country', /ISO 3166-1/],
		['exp=junior', 'exp', /EN, MI, SE, EX/],
		['remote=30', 'remote', /0, 50, 100/],
		['from=1999', 'from', /2020 to 2025/],
		['to=abc', 'to', /2020 to 2025/],
		['titles=all', 'titles', /family or strict/],
		['dedupe=yes', 'dedupe', /1 or 0/],
		['size=S&size=M', 'size', /once/]
	])('%s → an error naming %s and the allowed values', (q, param, allowed) => {
		expect.hasAssertions();
		const { errors } = parse(q);
		expect(errors).toHaveLength(1);
		expect(errors[0]!.param).toBe(param);
		expect(errors[0]!.message).toMatch(allowed);
	});

	it('swaps from and to when reversed, and says so', () => {
		expect.hasAssertions();
		const { filters, errors } = parse('from=2024&to=2021');
		expect([filters.from, filters.to]).toEqual([2021, 2024]);
		expect(errors[0]!.param).toBe('from');
	});
});

describe('filtersToQuery', () => {
	it('writes nothing for the defaults', () => {
		expect.hasAssertions();
		expect(filtersToQuery(DEFAULT_FILTERS)).toBe('');
	});

	it('round-trips through parseFilters in a canonical order', () => {
		expect.hasAssertions();
		const q = 'real=1&titles=strict&size=L,S&country=us';
		const once = filtersToQuery(parse(q).filters);
		expect(once).toBe('size=S,L&country=US&titles=strict&real=1');
		expect(filtersToQuery(parse(once).filters)).toBe(once);
	});
});
