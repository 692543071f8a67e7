import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralize, round, toCsv } from './write';

describe('neutralize', () => {
	it.each([
		['=1+1', "'=1+1"],
		['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
		['+SUM(A1:A9)', "'+SUM(A1:A9)"],
		['-2+3', "'-2+3"],
		['@SUM(1)', "'@SUM(1)"],
		['\t=1', "'\t=1"],
		['\r=1', "'\r=1"],
		['-cmd|" /C calc"!A0', `'-cmd|" /C calc"!A0`],
		['AI Engineer', 'AI Engineer'],
		['a=b', 'a=b'],
		['', ''],
		// looks numeric at the start only: still a formula to a spreadsheet
		['-12abc', "'-12abc"],
		['+1e3x', "'+1e3x"],
		['- 5', "'- 5"],
		['-', "'-"],
		['+', "'+"]
	])('text %j → %j', (input, out) => {
		expect.hasAssertions();
		expect(neutralize(input)).toBe(out);
	});

	it('leaves numbers and plain numeric text alone, so negative numbers survive', () => {
		expect.hasAssertions();
		expect(neutralize(-29415.5)).toBe(-29415.5);
		expect(neutralize('-12.5')).toBe('-12.5');
		expect(neutralize('+3')).toBe('+3');
		expect(neutralize('-1e3')).toBe('-1e3');
		expect(neutralize('-.5')).toBe('-.5');
		expect(neutralize('-5.')).toBe('-5.');
		expect(neutralize('+2E-3')).toBe('+2E-3');
		expect(neutralize(0)).toBe(0);
		expect(neutralize(Number.NaN)).toBe('');
		expect(neutralize(Number.POSITIVE_INFINITY)).toBe('');
		expect(neutralize(null)).toBe('');
		expect(neutralize(undefined)).toBe('');
		expect(neutralize(true)).toBe('true');
		expect(neutralize(false)).toBe('false');
	});
});

describe('toCsv', () => {
	it('writes a header and rows that parse back to the same cells, hostile ones neutralised', () => {
		expect.hasAssertions();
		const csv = toCsv(
			['group', 'family', 'gap'],
			[
				['=cmd|"/C calc"!A0', 'AI, "quoted"', -1234.5],
				['L', 'ML', null]
			]
		);
		expect(csv.endsWith('\r\n')).toBe(true);
		const back = Papa.parse<string[]>(csv.trim(), { header: false }).data;
		expect(back).toEqual([
			['group', 'family', 'gap'],
			[`'=cmd|"/C calc"!A0`, 'AI, "quoted"', '-1234.5'],
			['L', 'ML', '']
		]);
	});

	it('writes RFC 4180 text exactly: CRLF after every record, quotes only where needed', () => {
		expect.hasAssertions();
		expect(toCsv(['a', 'b'], [[1, 'x y']])).toBe('a,b\r\n1,x y\r\n');
		expect(toCsv(['a'], [['say "hi", twice']])).toBe('a\r\n"say ""hi"", twice"\r\n');
		expect(toCsv(['a'], [])).toBe('a\r\n');
	});

	it('leaves numeric text and negative numbers as they are (no second formula escape)', () => {
		expect.hasAssertions();
		expect(
			toCsv(
				['pct', 'usd'],
				[
					['-12.5', -12.5],
					['+3', 3]
				]
			)
		).toBe('pct,usd\r\n-12.5,-12.5\r\n+3,3\r\n');
		expect(toCsv(['t'], [['@x']])).toBe("t\r\n'@x\r\n");
	});

	it('neutralises a hostile header too', () => {
		expect.hasAssertions();
		expect(toCsv(['=1+1', 'ok'], [])).toBe("'=1+1,ok\r\n");
	});

	it('rounds without float noise', () => {
		expect.hasAssertions();
		expect(round(0.1 + 0.2, 4)).toBe(0.3);
		expect(round(-18.2345, 2)).toBe(-18.23);
		expect(round(null, 2)).toBeNull();
		expect(round(undefined, 2)).toBeNull();
		expect(round(Number.NaN, 2)).toBeNull();
		expect(round(Number.POSITIVE_INFINITY, 2)).toBeNull();
		expect(round(2.5, 0)).toBe(3);
		expect(round(1234.5, -2)).toBe(1200);
		expect(round(0, 3)).toBe(0);
	});
});
