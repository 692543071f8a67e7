/**
 * The column builders on their own: growth by doubling, exact-length copies with their own
 * buffers, dictionaries compacted to the entries accepted rows use, lists overwritten before
 * they are committed, counts per entry, and each buffer handed over once.
 */
import { describe, expect, it } from 'vitest';
import { DictBuilder, Growable, ListBuilder, dictCounts, transferablesOf, type UploadColumns } from './columns';

describe('Growable', () => {
	it('doubles until index n fits, keeping what it holds', () => {
		const g = new Growable((n) => new Float64Array(n), 1);
		g.arr[0] = 7;
		g.ensure(0);
		expect(g.arr.length).toBe(1);
		g.ensure(1);
		expect(g.arr.length).toBe(2);
		g.ensure(5);
		expect(g.arr.length).toBe(8);
		g.ensure(8);
		expect(g.arr.length).toBe(16);
		const h = new Growable((n) => new Int8Array(n), 4);
		h.ensure(8);
		expect(h.arr.length).toBe(16);
		expect(g.arr[0]).toBe(7);
		expect(new Growable((n) => new Uint8Array(n)).arr.length).toBe(1024);
	});
	it('finishes with an exact-length copy in a buffer of its own', () => {
		const g = new Growable((n) => new Uint32Array(n), 4);
		g.arr.set([1, 2, 3, 4]);
		const out = g.finish(3);
		expect(Array.from(out)).toEqual([1, 2, 3]);
		expect(out.buffer).not.toBe(g.arr.buffer);
		expect(out.buffer.byteLength).toBe(12);
	});
});

describe('DictBuilder', () => {
	it('gives one code per distinct string and drops entries no accepted row uses', () => {
		const d = new DictBuilder();
		d.codes.ensure(4);
		d.codes.arr[0] = d.code('a');
		d.codes.arr[1] = d.code('b');
		d.codes.arr[2] = d.code('a');
		d.codes.arr[3] = -1;
		d.code('c'); // a rejected row's value
		const col = d.finish(4);
		expect(col.dict).toEqual(['a', 'b']);
		expect(Array.from(col.codes)).toEqual([0, 1, 0, -1]);
	});
	it('renumbers the codes after a dropped entry', () => {
		const d = new DictBuilder();
		d.codes.ensure(2);
		d.code('rejected');
		d.codes.arr[0] = d.code('x');
		d.codes.arr[1] = -1;
		const col = d.finish(2);
		expect(col.dict).toEqual(['x']);
		expect(Array.from(col.codes)).toEqual([0, -1]);
	});
});

describe('ListBuilder', () => {
	it('stores each row its list, a row set again replacing its list', () => {
		const b = new ListBuilder();
		b.set(0, ['python', 'sql']);
		b.set(1, ['rust']); // rejected later: overwritten below
		b.set(1, ['sql']);
		b.set(2, []);
		b.set(3, ['go', 'python']);
		const col = b.finish(4);
		const row = (i: number) => Array.from(col.codes.subarray(col.offsets[i]!, col.offsets[i + 1]!), (k) => col.dict[k]);
		expect([row(0), row(1), row(2), row(3)]).toEqual([['python', 'sql'], ['sql'], [], ['go', 'python']]);
		expect(col.dict).toEqual(['python', 'sql', 'go']);
		expect(Array.from(col.offsets)).toEqual([0, 2, 3, 3, 5]);
	});
	it('drops entries only an overwritten list used', () => {
		const b = new ListBuilder();
		b.set(0, ['a']);
		b.set(1, ['gone', 'b']);
		b.set(1, ['b']);
		const col = b.finish(2);
		expect(col.dict).toEqual(['a', 'b']);
		expect(Array.from(col.codes)).toEqual([0, 1]);
	});
	it('gives an empty column for no rows', () => {
		const col = new ListBuilder().finish(0);
		expect([Array.from(col.offsets), Array.from(col.codes), col.dict]).toEqual([[0], [], []]);
	});
	it('grows past its first capacity', () => {
		const b = new ListBuilder();
		for (let i = 0; i < 3000; i++) b.set(i, [`s${i % 7}`, 'x']);
		const col = b.finish(3000);
		expect(col.offsets[3000]).toBe(6000);
		for (let i = 0; i < 3000; i++) {
			expect(col.dict[col.codes[2 * i]!]).toBe(`s${i % 7}`);
			expect(col.dict[col.codes[2 * i + 1]!]).toBe('x');
		}
	});
});

describe('dictCounts', () => {
	it('counts rows per entry, code 0 included and missing cells not, weighted when asked', () => {
		const col = { codes: Int32Array.from([0, 1, 0, -1, 2]), dict: ['a', 'b', 'c'] };
		expect(Array.from(dictCounts(col))).toEqual([2, 1, 1]);
		expect(Array.from(dictCounts(col, Float64Array.from([5, 1, 2, 100, 0.5])))).toEqual([7, 1, 0.5]);
		expect(Array.from(dictCounts(col, null))).toEqual([2, 1, 1]);
	});
});

describe('transferablesOf', () => {
	it('lists each buffer once, dictionary codes and list offsets included, and skips missing columns', () => {
		const shared = new Float64Array(4);
		const cols = {
			kind: 'postings',
			n: 2,
			line: Uint32Array.from([2, 3]),
			title: { codes: Int32Array.from([0, 0]), dict: ['a'] },
			postedMs: shared.subarray(0, 2),
			salaryUsd: shared.subarray(2, 4),
			skills: { offsets: Uint32Array.from([0, 0, 0]), codes: new Uint32Array(0), dict: [] },
			country: null,
			monthOnly: false,
			fields: ['title', 'postedDate']
		} as unknown as UploadColumns;
		const t = transferablesOf(cols);
		const c = cols as unknown as Record<string, { buffer: ArrayBuffer; codes: { buffer: ArrayBuffer }; offsets: { buffer: ArrayBuffer } }>;
		expect(t).toEqual([c.line!.buffer, c.title!.codes.buffer, shared.buffer, c.skills!.codes.buffer, c.skills!.offsets.buffer]);
	});
});
