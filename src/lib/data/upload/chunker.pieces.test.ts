/**
 * The chunker over text cut anywhere: a row split across pieces comes out once and whole,
 * the last row waits for `end`, and an unclosed quote or a line with no break stops at MAX_CARRY_CHARS.
 */
import { describe, expect, it } from 'vitest';
import { CsvChunker, CsvShapeError, MAX_CARRY_CHARS, shapeMessage } from './chunker';

describe('CsvChunker', () => {
	it('gives the same records whatever the cuts', () => {
		const text = 'a,b\n1,"x\ny"\n2,z\n3,w';
		const whole = new CsvChunker(',', '\n');
		const want = [...whole.push(text).records, ...whole.end().records];
		expect(want).toEqual([
			['a', 'b'],
			['1', 'x\ny'],
			['2', 'z'],
			['3', 'w']
		]);
		for (let cut = 0; cut <= text.length; cut++) {
			const c = new CsvChunker(',', '\n');
			const got = [...c.push(text.slice(0, cut)).records, ...c.push(text.slice(cut)).records, ...c.end().records];
			expect(got).toEqual(want);
		}
	});
	it('keeps an unfinished row until the rest arrives or the input ends', () => {
		const c = new CsvChunker(';', '\n');
		expect(c.push('a;b\n1;')).toEqual({ records: [['a', 'b']], quoted: false });
		expect(c.push('2\n3;4')).toEqual({ records: [['1', '2']], quoted: false });
		expect(c.end()).toEqual({ records: [['3', '4']], quoted: false });
		expect(c.end()).toEqual({ records: [], quoted: false });
		expect(c.push('')).toEqual({ records: [], quoted: false });
	});
	it('says whether the text it parsed (carried part included) had a quote', () => {
		const c = new CsvChunker(',', '\n');
		expect(c.push('a,"b').quoted).toBe(true);
		expect(c.push('"\n1,2\n')).toEqual({
			records: [
				['a', 'b'],
				['1', '2']
			],
			quoted: true
		});
		expect(c.push('3,4\n').quoted).toBe(false);
		const d = new CsvChunker(',', '\n');
		d.push('a,"b');
		expect(d.end()).toEqual({ records: [['a', 'b']], quoted: true });
	});
	it('carries up to MAX_CARRY_CHARS of an open quote and refuses more', () => {
		const open = 'a,"' + 'x'.repeat(MAX_CARRY_CHARS - 3);
		const c = new CsvChunker(',', '\n');
		expect(c.push(open).records).toEqual([]);
		let thrown: unknown;
		try {
			c.push('x');
		} catch (e) {
			thrown = e;
		}
		expect(thrown).toBeInstanceOf(CsvShapeError);
		expect(thrown).toMatchObject({ problem: 'open-quote', records: [], quoted: true, limit: MAX_CARRY_CHARS });
	});
	const caught = (f: () => unknown): CsvShapeError => {
		try {
			f();
		} catch (e) {
			if (e instanceof CsvShapeError) return e;
			throw e;
		}
		throw new Error('no CsvShapeError');
	};
	it('tells a line with no line break from a quote that never closes, and hands back the rows before it', () => {
		expect.hasAssertions();
		// A line of 12 characters with no quote at all, limit 10: a long line.
		const long = caught(() => new CsvChunker(',', '\n', 10).push('h,i\n1,2\n' + 'y'.repeat(12)));
		expect(long).toMatchObject({
			problem: 'long-line',
			records: [
				['h', 'i'],
				['1', '2']
			],
			quoted: false,
			limit: 10
		});
		expect(long.message).toBe('A line runs on past the limit.');
		// A quote inside a value (not at its start) does not open a quoted value: still a long line.
		expect(caught(() => new CsvChunker(',', '\n', 10).push('h,i\nab"c' + 'y'.repeat(12))).problem).toBe('long-line');
		// A quote opening the first value, or a later one (after the delimiter, here ';' and a tab): an open quote.
		expect(caught(() => new CsvChunker(',', '\n', 10).push('h,i\n"' + 'y'.repeat(12))).problem).toBe('open-quote');
		expect(caught(() => new CsvChunker(';', '\n', 10).push('h;i\n1;"' + 'y\n'.repeat(12))).problem).toBe('open-quote');
		const tab = caught(() => new CsvChunker('\t', '\r\n', 10).push('h\ti\r\n1\t"' + 'y\r\n'.repeat(12)));
		expect(tab).toMatchObject({ problem: 'open-quote', records: [['h', 'i']], quoted: true });
		expect(tab.message).toBe('A quoted value runs on past the limit.');
		// At the limit exactly it is still carried.
		expect(new CsvChunker(',', '\n', 10).push('h,i\n' + 'y'.repeat(10)).records).toEqual([['h', 'i']]);
	});
	it('words each problem with the line its row starts on', () => {
		expect.hasAssertions();
		expect(shapeMessage('long-line', 1234567)).toBe(
			"Line 1,234,567 is longer than 16,777,216 characters, the most one line may hold: the file's rows are not separated by line breaks, or it is not a table of rows."
		);
		expect(shapeMessage('open-quote', 5, 100)).toBe(
			'A quoted value in the row that starts on line 5 runs on for more than 100 characters: the file probably has a quote (") that never closes.'
		);
	});
});
