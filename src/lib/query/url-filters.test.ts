import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type Filters } from '$lib/transform/filters';
import { filtersToQuery } from '$lib/format/query';
import { FILTER_ALLOWED, FILTER_PARAMS, parseFilters } from './url-filters';

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

	it('reads `none` as a filter\'s "Not given" option, alone or with values, in any case and order', () => {
		expect.hasAssertions();
		const { filters, errors } = parse('remote=NONE&size=none,L&country=US,none&exp=SE');
		expect(errors).toEqual([]);
		expect(filters).toMatchObject({ size: ['L'], country: ['US'], remote: [], exp: ['SE'], notGiven: ['size', 'country', 'remote'] });
		expect(filtersToQuery(filters)).toBe('size=L,none&country=US,none&exp=SE&remote=none');
		expect(parse(filtersToQuery(filters)).filters).toEqual(filters);
		// A bad value next to `none` is still an error, and `none` is not a country code.
		expect(parse('size=none,XL').errors.map((e) => e.param)).toEqual(['size']);
		expect(parse('size=none,XL').filters.notGiven).toEqual(['size']);
	});

	it.each([
		['size=XL', 'size', /S, M, L/],
		['region=mars', 'region', /europe/],
		['country=USA', 'country', /ISO 3166-1/],
		['exp=junior', 'exp', /EN, MI, SE, EX/],
		['remote=30', 'remote', /0, 50, 100/],
		['from=1999', 'from', /2015 to 2035/],
		['to=abc', 'to', /2015 to 2035/],
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

describe('parseFilters: years', () => {
	it.each([
		['from=2020', 2020],
		['from=2025', 2025],
		['from=2015', 2015],
		['from=2035', 2035],
		['from=2019', 2019],
		['from=2026', 2026],
		['from= 2023 ', 2023]
	])('%s is read as %i', (q, year) => {
		expect.hasAssertions();
		expect(parse(q)).toEqual({ filters: { ...DEFAULT_FILTERS, from: year }, errors: [] });
	});

	it.each(['2014', '2036', '2099', 'x2021', '2021x', '20210', '202', '2021.0', '-2021'])(
		'from=%j is rejected with a message naming the value',
		(v) => {
			expect.hasAssertions();
			for (const param of ['from', 'to'] as const) {
				const { filters, errors } = parse(`${param}=${encodeURIComponent(v)}`);
				expect(filters[param]).toBeNull();
				expect(errors).toEqual([{ param, message: `${param}: "${v}" is not a year from 2015 to 2035` }]);
			}
		}
	);

	it('an empty year (from= or to=, even blank) is the default, not an error (README, query rules)', () => {
		expect.hasAssertions();
		for (const q of ['from=', 'to=', 'from=%20%20', 'from=&to=2022'])
			expect(parse(q)).toEqual({ filters: { ...DEFAULT_FILTERS, to: q.endsWith('2022') ? 2022 : null }, errors: [] });
	});

	it('a single bound is kept as given, never swapped', () => {
		expect.hasAssertions();
		expect(parse('from=2024')).toEqual({ filters: { ...DEFAULT_FILTERS, from: 2024 }, errors: [] });
		expect(parse('to=2021')).toEqual({ filters: { ...DEFAULT_FILTERS, to: 2021 }, errors: [] });
		expect(parse('from=2022&to=2022')).toEqual({ filters: { ...DEFAULT_FILTERS, from: 2022, to: 2022 }, errors: [] });
	});

	it('reversed bounds are swapped and the message gives both years', () => {
		expect.hasAssertions();
		const { filters, errors } = parse('from=2024&to=2021');
		expect([filters.from, filters.to]).toEqual([2021, 2024]);
		expect(errors).toEqual([{ param: 'from', message: 'from: 2024 is after to: 2021; the years were swapped' }]);
	});
});

describe('parseFilters: lists, flags and limits', () => {
	it('lists ignore case, blanks and repeats, and come back in the canonical order', () => {
		expect.hasAssertions();
		const { filters, errors } = parse('size=l,,s, m ,L&exp=ex,en&remote=100,0&region=Asia,EUROPE&type=fl,ft');
		expect(errors).toEqual([]);
		expect(filters.size).toEqual(['S', 'M', 'L']);
		expect(filters.exp).toEqual(['EN', 'EX']);
		expect(filters.remote).toEqual([0, 100]);
		expect(filters.region).toEqual(['asia', 'europe']);
		expect(filters.type).toEqual(['FT', 'FL']);
	});

	it('one bad value drops the whole list, and the message quotes it and lists what is allowed', () => {
		expect.hasAssertions();
		const { filters, errors } = parse('size=S,XL,M');
		expect(filters.size).toEqual([]);
		expect(errors).toEqual([{ param: 'size', message: 'size: "XL" is not allowed; use one or more of S, M, L (comma-separated)' }]);
	});

	it('a long bad value is clipped to 40 characters in the message', () => {
		expect.hasAssertions();
		const long = 'Q'.repeat(41);
		expect(parse(`exp=${long}`).errors[0]!.message).toContain(`"${'Q'.repeat(40)}…"`);
		expect(parse(`exp=${'Q'.repeat(40)}`).errors[0]!.message).toContain(`"${'Q'.repeat(40)}"`);
	});

	it('countries: upper-cased, de-duplicated, sorted; one bad code drops them all', () => {
		expect.hasAssertions();
		expect(parse('country=us,,gb,US, de ')).toEqual({ filters: { ...DEFAULT_FILTERS, country: ['DE', 'GB', 'US'] }, errors: [] });
		const bad = parse('country=US, xx ,GB');
		expect(bad.filters.country).toEqual([]);
		expect(bad.errors).toEqual([{ param: 'country', message: 'country: "xx" is not an ISO 3166-1 alpha-2 code such as US, GB, DE' }]);
	});

	it('titles ignore case and spaces; anything else is named in the message', () => {
		expect.hasAssertions();
		expect(parse('titles= STRICT ').filters.titles).toBe('strict');
		expect(parse('titles=Family').filters.titles).toBe('family');
		expect(parse('titles=all')).toEqual({
			filters: DEFAULT_FILTERS,
			errors: [{ param: 'titles', message: 'titles: "all" is not allowed; use family or strict' }]
		});
	});

	it.each([
		['1', true],
		['true', true],
		['TRUE', true],
		[' 1', true],
		['0', false],
		['false', false],
		['', false]
	])('a flag given as %j reads as %s', (v, on) => {
		expect.hasAssertions();
		for (const param of ['dedupe', 'real'] as const) {
			const { filters, errors } = parse(`${param}=${encodeURIComponent(v)}`);
			expect(errors).toEqual([]);
			expect(filters[param]).toBe(on);
		}
	});

	it.each(['yes', '2', '1 1', 'truee'])('a flag given as %j is an error', (v) => {
		expect.hasAssertions();
		for (const param of ['dedupe', 'real'] as const) {
			const { filters, errors } = parse(`${param}=${encodeURIComponent(v)}`);
			expect(filters[param]).toBe(false);
			expect(errors).toEqual([{ param, message: `${param}: "${v}" is not allowed; use 1 or 0 (or true, false)` }]);
		}
	});

	it('a parameter given twice is refused with the allowed values; so is one longer than 400 characters', () => {
		expect.hasAssertions();
		for (const p of FILTER_PARAMS) {
			const { filters, errors } = parse(`${p}=x&${p}=y`);
			expect(filters).toEqual(DEFAULT_FILTERS);
			const message =
				p === 'currency'
					? 'currency: give it once, e.g. currency=EUR or currency=PPP'
					: `${p}: given 2 times; give it once, with a comma-separated list of ${FILTER_ALLOWED[p]}`;
			expect(errors).toEqual([{ param: p, message }]);
		}
		expect(parse(`size=${'S,'.repeat(200)}S`)).toEqual({
			filters: DEFAULT_FILTERS,
			errors: [{ param: 'size', message: 'size: longer than 400 characters' }]
		});
		// exactly 400 characters is still read
		expect(parse(`size=${'S,'.repeat(199)}SS`).errors[0]!.message).toMatch(/"SS" is not allowed/);
	});

	it('leaves unknown parameters alone and freezes the result', () => {
		expect.hasAssertions();
		const { filters, errors } = parse('by=size&scale=log');
		expect(errors).toEqual([]);
		expect(filters).toEqual(DEFAULT_FILTERS);
		expect(Object.isFrozen(filters)).toBe(true);
	});
});

describe('filtersToQuery: every filter and the extras', () => {
	const every: Filters = {
		size: ['S', 'L'],
		region: ['europe', 'asia'],
		country: ['GB', 'US'],
		exp: ['SE'],
		type: ['FT', 'CT'],
		remote: [0, 100],
		notGiven: ['type'],
		from: 2021,
		to: 2024,
		titles: 'strict',
		dedupe: true,
		real: true
	};

	it('writes each non-default filter in the fixed order', () => {
		expect.hasAssertions();
		expect(filtersToQuery(every)).toBe(
			'size=S,L&region=europe,asia&country=GB,US&exp=SE&type=FT,CT,none&remote=0,100&from=2021&to=2024&titles=strict&dedupe=1&real=1'
		);
		expect(filtersToQuery({ ...DEFAULT_FILTERS, from: 2020 })).toBe('from=2020');
		expect(filtersToQuery({ ...DEFAULT_FILTERS, to: 2025 })).toBe('to=2025');
		expect(filtersToQuery({ ...DEFAULT_FILTERS, dedupe: true })).toBe('dedupe=1');
	});

	it('round-trips every filter', () => {
		expect.hasAssertions();
		const back = parse(filtersToQuery(every));
		expect(back.errors).toEqual([]);
		expect(back.filters).toEqual({ ...every, region: ['asia', 'europe'] });
	});

	it('appends extras after the filters, encoded, skipping empty ones', () => {
		expect.hasAssertions();
		expect(filtersToQuery(DEFAULT_FILTERS, { by: 'company_size', none: null, unset: undefined, blank: '' })).toBe('by=company_size');
		expect(filtersToQuery({ ...DEFAULT_FILTERS, real: true }, { 'a b': 'x&y=z', scale: 'log' })).toBe('real=1&a%20b=x%26y%3Dz&scale=log');
		const back = new URLSearchParams(filtersToQuery(DEFAULT_FILTERS, { 'a b': 'x&y=z' }));
		expect(back.get('a b')).toBe('x&y=z');
	});
});

describe('currency', () => {
	it.each([
		['currency=eur', 'EUR'],
		['currency=PPP', 'PPP'],
		['currency=%20gbp%20', 'GBP'],
		['currency=USD', undefined],
		['currency=', undefined]
	])('%s → %s, no error (USD and empty are the default and leave the filters as they were)', (q, code) => {
		const { filters, errors } = parse(q);
		expect(errors).toEqual([]);
		expect(filters.currency).toBe(code);
		if (code === undefined) expect(filters).toEqual(DEFAULT_FILTERS);
	});
	it.each(['euro', 'E1R', '€'])('currency=%s is not a code: an error, and US dollars', (v) => {
		const { filters, errors } = parse(`currency=${encodeURIComponent(v)}`);
		expect(filters.currency).toBeUndefined();
		expect(errors).toEqual([
			{ param: 'currency', message: `currency: "${v}" is not a currency code; use a three-letter ISO 4217 code such as EUR, or PPP` }
		]);
	});
	it('real pay with another money is an error and the view stays nominal in that money', () => {
		const { filters, errors } = parse('real=1&currency=EUR');
		expect(filters.real).toBe(false);
		expect(filters.currency).toBe('EUR');
		expect(errors.map((e) => e.param)).toEqual(['real']);
		expect(errors[0]!.message).toMatch(/US dollars only; remove real=1 or currency=EUR$/);
		expect(parse('real=1&currency=usd')).toEqual({ filters: { ...DEFAULT_FILTERS, real: true }, errors: [] });
	});
});
