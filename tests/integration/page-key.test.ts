/**
 * server/page-key.js against the app's own query parsers: two URLs may share a cache entry
 * only when the app reads them alike. The key is itself a URL; the app must read it exactly
 * as it reads the URL it came from (then equal keys imply equal readings), and the same view
 * spelt differently must get the same key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_FILTER_PARAMS, KEY_LISTS, KEY_YEARS, pageKey } from '../../server/page-key.js';
import { COMPANY_SIZES, EMPLOYMENT_TYPES, EXPERIENCE_LEVELS, REGIONS, REMOTE_RATIOS, WORK_YEAR_MAX, WORK_YEAR_MIN } from '$lib/data/types';
import { FILTER_PARAMS, parseFilters } from '$lib/query/url-filters';
import { filtersToQuery } from '$lib/format/query';
import { parseSource } from '$lib/query/source';
import { DEFAULT_FILTERS, type Filters, type NotGivenFacet } from '$lib/transform/filters';

const query = (url: string) => new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');

/** Everything the app reads from a query: the filters and their messages, the source, and every other parameter by name. */
function reading(url: string) {
	const p = query(url);
	const others = [...new Set([...p.keys()])]
		.filter((k) => !(FILTER_PARAMS as readonly string[]).includes(k) && k !== 'source')
		.sort()
		.map((k) => [k, p.getAll(k)]);
	return { filters: parseFilters(p), source: parseSource(p), others };
}

describe('pageKey: the value lists are the app’s', () => {
	it('copies the filter names, list values and year bounds of src/lib', () => {
		expect.hasAssertions();
		expect(KEY_FILTER_PARAMS).toEqual([...FILTER_PARAMS]);
		expect(KEY_LISTS).toEqual({
			size: [...COMPANY_SIZES],
			region: [...REGIONS],
			exp: [...EXPERIENCE_LEVELS],
			type: [...EMPLOYMENT_TYPES],
			remote: REMOTE_RATIOS.map(String)
		});
		expect(KEY_YEARS).toEqual({ min: WORK_YEAR_MIN, max: WORK_YEAR_MAX });
	});
});

describe('pageKey: examples', () => {
	it.each([
		['/pay', '/pay'],
		['/pay?', '/pay'],
		['/pay?&&', '/pay'],
		['/pay?size=m,s', '/pay?size=S%2CM'],
		['/pay?size=S%2CM', '/pay?size=S%2CM'],
		['/pay?size=%20M%20,,s,M', '/pay?size=S%2CM'],
		['/pay?size=none,l', '/pay?size=L%2Cnone'],
		['/?country=gb,us,GB', '/?country=GB%2CUS'],
		['/?exp=se&country=us&titles=Strict&dedupe=TRUE&real=0', '/?country=US&dedupe=1&exp=SE&titles=strict'],
		['/?size=&from=&titles=family&dedupe=false&source=builtin', '/'],
		['/?source=%20Yours', '/?source=yours'],
		['/pay?currency=%20eur&size=m', '/pay?currency=EUR&size=M'],
		['/pay?currency=usd', '/pay'],
		['/pay?currency=euro', '/pay?currency=euro'],
		['/trends?to=2024&from=%202022%20', '/trends?from=2022&to=2024'],
		// Page parameters and unknown ones are kept as sent, only sorted by name.
		['/pay?scale=log&salary=120k&size=s', '/pay?salary=120k&scale=log&size=S'],
		['/pay?scale=LOG', '/pay?scale=LOG'],
		['/pay/__data.json?x-sveltekit-invalidated=01&size=m', '/pay/__data.json?size=M&x-sveltekit-invalidated=01'],
		// Invalid or repeated: kept as sent (the page quotes the value or says it was repeated).
		['/pay?size=m,XX', '/pay?size=m%2CXX'],
		['/pay?size=S&size=M', '/pay?size=S&size=M'],
		['/pay?size=&size=M', '/pay?size=&size=M'],
		['/?country=US,ZZ', '/?country=US%2CZZ'],
		['/?country=constructor', '/?country=constructor'],
		['/?from=2014', '/?from=2014'],
		['/?dedupe=yes', '/?dedupe=yes'],
		['/?source=theirs', '/?source=theirs'],
		// Names are case-sensitive: SIZE is not a filter.
		['/?SIZE=m', '/?SIZE=m']
	])('%s → %s', (url, key) => {
		expect.hasAssertions();
		expect(pageKey(url)).toBe(key);
	});

	it('a value over 400 characters is kept as sent (the parser refuses it)', () => {
		expect.hasAssertions();
		const long = `${'S,'.repeat(200)}M`;
		expect(pageKey(`/?size=${long}`)).toBe(`/?size=${encodeURIComponent(long)}`);
		expect(parseFilters(query(`/?size=${long}`)).errors[0]?.message).toContain('longer than 400');
	});
});

/** A value the parser may see for `name`: valid, oddly spelt, empty, invalid or too long. */
function valueFor(name: string): fc.Arbitrary<string> {
	const spaced = (s: string) => fc.constantFrom(s, ` ${s}`, `${s} `, s.toLowerCase(), s.toUpperCase());
	const listOf = (tokens: readonly string[]) =>
		fc
			.array(fc.constantFrom(...tokens).chain(spaced), { maxLength: 5 })
			.chain((xs) => fc.constantFrom(xs.join(','), `${xs.join(',')},`, `,${xs.join(',')}`, xs.join(',,')));
	const odd = fc.constantFrom('', ' ', ',', 'xx', 'none', '1', `${'S,'.repeat(201)}M`);
	switch (name) {
		case 'size':
		case 'region':
		case 'exp':
		case 'type':
		case 'remote':
			return fc.oneof(listOf([...KEY_LISTS[name]!, 'none', 'XL']), odd);
		case 'country':
			return fc.oneof(listOf(['US', 'GB', 'DE', 'fr', 'none', 'ZZ', 'constructor']), odd);
		case 'from':
		case 'to':
			return fc.oneof(fc.constantFrom('2015', '2020', '2023', '2035', '2014', '2036', '20a0', '02020').chain(spaced), odd);
		case 'titles':
			return fc.oneof(fc.constantFrom('family', 'strict', 'exact').chain(spaced), odd);
		case 'dedupe':
		case 'real':
			return fc.oneof(fc.constantFrom('1', '0', 'true', 'false', 'yes').chain(spaced), odd);
		case 'source':
			return fc.oneof(fc.constantFrom('builtin', 'yours', 'theirs').chain(spaced), odd);
		case 'currency':
			return fc.oneof(fc.constantFrom('EUR', 'PPP', 'USD', 'XYZ', 'E1', 'euro').chain(spaced), odd);
		default:
			return fc.oneof(fc.constantFrom('log', 'linear', '120k', '2023', 'all', 'US'), odd);
	}
}

const NAMES = [...FILTER_PARAMS, 'source', 'scale', 'salary', 'cyear', 'market', 'x-sveltekit-invalidated', 'SIZE'];
/** Percent-encode a value fully, or only where a query needs it (commas and spaces left readable). */
const encodings = [
	encodeURIComponent,
	(v: string) => v.replace(/%/g, '%25').replace(/&/g, '%26').replace(/=/g, '%3D').replace(/\+/g, '%2B').replace(/ /g, '+')
];
const arbUrl = fc
	.array(
		fc.tuple(
			fc.constantFrom(...NAMES).chain((n) => valueFor(n).map((v) => [n, v] as const)),
			fc.constantFrom(0, 1)
		),
		{ maxLength: 8 }
	)
	.map((pairs) => `/pay?${pairs.map(([[n, v], e]) => `${n}=${encodings[e]!(v)}`).join('&')}`);

describe('pageKey: the key reads as the URL it came from', () => {
	it('the app reads the key exactly as the URL (filters and their messages, source, every other parameter)', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbUrl, (url) => {
				const key = pageKey(url);
				expect(reading(key)).toEqual(reading(url));
				expect(pageKey(key)).toBe(key);
			}),
			{ seed: 17, numRuns: 3_000 }
		);
	});

	it('so two URLs with one key are read alike (random pairs that collide)', () => {
		expect.hasAssertions();
		let collisions = 0;
		fc.assert(
			fc.property(arbUrl, arbUrl, (a, b) => {
				if (pageKey(a) !== pageKey(b)) return;
				collisions++;
				expect(reading(a)).toEqual(reading(b));
			}),
			{ seed: 18, numRuns: 3_000 }
		);
		// Enough pairs collide for the check to mean something.
		expect(collisions).toBeGreaterThan(20);
	});
});

/** A view (filters) the way the app links to it, then spelt differently. */
const arbFilters: fc.Arbitrary<Filters> = fc
	.record({
		size: fc.subarray([...COMPANY_SIZES]),
		region: fc.subarray([...REGIONS]),
		country: fc.subarray(['DE', 'GB', 'IN', 'US']),
		exp: fc.subarray([...EXPERIENCE_LEVELS]),
		type: fc.subarray([...EMPLOYMENT_TYPES]),
		remote: fc.subarray([...REMOTE_RATIOS]),
		years: fc.subarray([2020, 2023]),
		titles: fc.constantFrom('family', 'strict') as fc.Arbitrary<'family' | 'strict'>,
		dedupe: fc.boolean(),
		real: fc.boolean(),
		currency: fc.constantFrom(undefined, 'EUR', 'PPP', 'GBP'),
		notGiven: fc.subarray(['size', 'exp'] as NotGivenFacet[])
	})
	.map(({ years, notGiven, ...f }) => ({
		...DEFAULT_FILTERS,
		...f,
		from: years[0] ?? null,
		to: years[1] ?? null,
		...(notGiven.length > 0 ? { notGiven } : {})
	}));

describe('pageKey: one view, one key', () => {
	it('the canonical link and a respelling of it (order, case, spaces, encoding, empty and default parameters) share a key', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(
				arbFilters,
				fc.constantFrom('', 'scale=log', 'source=yours'),
				fc.integer({ min: 0, max: 2 ** 16 }),
				(filters, extra, seed) => {
					const canonical = [filtersToQuery(filters), extra].filter(Boolean).join('&');
					let bits = seed;
					const bit = () => ((bits = (bits * 1103515245 + 12345) >>> 0) >> 16) & 1;
					const pairs = [...new URLSearchParams(canonical)].map(([k, v]) => {
						if (!v.includes(',') && k !== 'source') return `${k}=${encodeURIComponent(bit() ? v : v.toLowerCase())}`;
						const parts = v.split(',');
						if (bit()) parts.reverse();
						const spelt = parts.map((p) => (bit() ? ` ${p.toLowerCase()}` : p.toUpperCase())).join(bit() ? ',' : '%2C');
						return `${k}=${spelt.replace(/ /g, bit() ? '+' : '%20')}`;
					});
					if (bit()) pairs.reverse();
					const defaults = ['titles=family', 'dedupe=0', 'source=builtin'].filter((d) => !canonical.includes(d.split('=')[0]!));
					const variant = [...pairs, ...(bit() ? defaults.slice(0, 2) : []), bit() || canonical.includes('size=') ? '' : 'size=']
						.filter(Boolean)
						.join('&');
					const expected = pageKey(`/pay?${canonical}`);
					expect(pageKey(`/pay?${variant}`), `${variant} vs ${canonical}`).toBe(expected);
					// And the app reads them alike (so one entry serves both).
					expect(reading(`/pay?${variant}`)).toEqual(reading(`/pay?${canonical}`));
				}
			),
			{ seed: 19, numRuns: 1_000 }
		);
	});
});
