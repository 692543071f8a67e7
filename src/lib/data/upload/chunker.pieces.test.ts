/**
 * The chunker over text cut anywhere: a row split across pieces comes out once and whole,
 * the last row waits for `end`, and an unclosed quote stops at MAX_CARRY_CHARS.
 */
import { describe, expect, it } from 'vitest';
import { CsvChunker, CsvShapeError, MAX_CARRY_CHARS } from './chunker';

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
		expect((thrown as Error).message).toBe(
			'A quoted value runs on for more than 16 million characters: the file probably has a quote (") that never closes.'
		);
	});
});
