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
		['', '']
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
		expect(neutralize(Number.NaN)).toBe('');
		expect(neutralize(null)).toBe('');
		expect(neutralize(true)).toBe('true');
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

	it('rounds without float noise', () => {
		expect.hasAssertions();
		expect(round(0.1 + 0.2, 4)).toBe(0.3);
		expect(round(-18.2345, 2)).toBe(-18.23);
		expect(round(null, 2)).toBeNull();
	});
});
