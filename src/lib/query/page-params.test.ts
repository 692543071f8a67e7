import { describe, expect, it } from 'vitest';
import { parseMarket, parseSalary, parseScale, parseSpanYear, SALARY_MAX, SALARY_MIN } from './page-params';
import type { ParamError } from './url-filters';

const q = (s: string) => new URLSearchParams(s);

describe('parseScale', () => {
	it.each([
		['', 'linear'],
		['scale=', 'linear'],
		['scale=linear', 'linear'],
		['scale=log', 'log']
	])('%j → %s without an error', (query, scale) => {
		expect.hasAssertions();
		const errors: ParamError[] = [];
		expect(parseScale(q(query), errors)).toBe(scale);
		expect(errors).toEqual([]);
	});

	it('anything else falls back to linear and names the value, clipped to 40 characters', () => {
		expect.hasAssertions();
		const errors: ParamError[] = [];
		expect(parseScale(q(`scale=${'L'.repeat(41)}`), errors)).toBe('linear');
		expect(errors).toEqual([{ param: 'scale', message: `scale: "${'L'.repeat(40)}" is not allowed; use linear or log` }]);
	});
});

describe('parseSalary', () => {
	it.each([
		['', null],
		['salary=', null],
		['salary=%20%20', null],
		['salary=1000', 1000],
		['salary=5000000', 5_000_000],
		['salary=150%2C000', 150_000],
		['salary=150_000', 150_000],
		['salary=150%20000', 150_000],
		['salary=123456.6', 123_457]
	])('%j → %s without an error', (query, salary) => {
		expect.hasAssertions();
		const errors: ParamError[] = [];
		expect(parseSalary(q(query), errors)).toBe(salary);
		expect(errors).toEqual([]);
	});

	it.each(['999', '5000001', 'abc', '1e400', '-150000'])('salary=%s is refused with the range in dollars', (v) => {
		expect.hasAssertions();
		const errors: ParamError[] = [];
		expect(parseSalary(q(`salary=${v}`), errors)).toBeNull();
		expect(errors).toEqual([{ param: 'salary', message: `salary: "${v}" is not a yearly salary from 1,000 to 5,000,000 US dollars` }]);
	});

	it('the bounds are the exported constants', () => {
		expect.hasAssertions();
		expect([SALARY_MIN, SALARY_MAX]).toEqual([1_000, 5_000_000]);
	});
});

describe('parseMarket', () => {
	const markets = ['US', 'GB', 'DE'];

	it('reads a listed market in any case, and falls back when none is given', () => {
		expect.hasAssertions();
		const errors: ParamError[] = [];
		expect(parseMarket(q('market=gb'), markets, 'US', errors)).toBe('GB');
		expect(parseMarket(q('market=%20de%20'), markets, 'US', errors)).toBe('DE');
		expect(parseMarket(q(''), markets, 'US', errors)).toBe('US');
		expect(parseMarket(q('market='), markets, 'GB', errors)).toBe('GB');
		expect(errors).toEqual([]);
	});

	it('an unlisted market falls back and the message lists the markets', () => {
		expect.hasAssertions();
		const errors: ParamError[] = [];
		expect(parseMarket(q('market=FR'), markets, 'US', errors)).toBe('US');
		expect(errors).toEqual([{ param: 'market', message: 'market: "FR" is not allowed; use one of US, GB, DE' }]);
	});
});

describe('parseSpanYear', () => {
	const read = (q: string, name: 'gfrom' | 'gto' = 'gfrom') => {
		const errors: ParamError[] = [];
		return { year: parseSpanYear(new URLSearchParams(q), name, errors), errors };
	};

	it('a four-digit year is read; absent or empty is no year and no error', () => {
		expect.hasAssertions();
		expect(read('gfrom=2023')).toEqual({ year: 2023, errors: [] });
		expect(read('gto=1999', 'gto')).toEqual({ year: 1999, errors: [] });
		expect(read('')).toEqual({ year: null, errors: [] });
		expect(read('gfrom=')).toEqual({ year: null, errors: [] });
		expect(read('gto=2023')).toEqual({ year: null, errors: [] }); // another parameter
	});

	it.each(['23', '20233', 'x2023', '2023x', '２０２３', 'abcd'])('gfrom=%j is an error naming the value', (v) => {
		expect.hasAssertions();
		expect(read(`gfrom=${encodeURIComponent(v)}`)).toEqual({
			year: null,
			errors: [{ param: 'gfrom', message: `gfrom: "${v}" is not a year (YYYY)` }]
		});
	});

	it('a long value is quoted to 40 characters in every page parameter message', () => {
		expect.hasAssertions();
		const long = 'y'.repeat(60);
		const errors: ParamError[] = [];
		parseSpanYear(new URLSearchParams(`gto=${long}`), 'gto', errors);
		parseSalary(new URLSearchParams(`salary=${long}`), errors);
		parseMarket(new URLSearchParams(`market=${long}`), ['US'], 'US', errors);
		expect(errors).toHaveLength(3);
		for (const e of errors) {
			expect(e.message).toContain(`"${'y'.repeat(40)}"`);
			expect(e.message).not.toContain('y'.repeat(41));
		}
	});
});
