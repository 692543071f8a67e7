import { describe, expect, it } from 'vitest';
import { finiteNumber, isError, isoDate, oneOf, parseWithSchema, requiredText, type RowError } from './schema';

describe('isoDate', () => {
	it.each(['2024-01-01', '2024-02-29', '2000-02-29', '2023-12-31', '2023-04-30'])('%s is a date', (d) => {
		expect.hasAssertions();
		expect(isoDate(d)).toBe(d);
	});

	// 2023 and 1900 are not leap years; April has 30 days; months run 01–12.
	it.each(['2024-02-30', '2023-02-29', '1900-02-29', '2023-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-01-32'])(
		'%s does not exist',
		(d) => {
			expect.hasAssertions();
			expect(isoDate(d)).toEqual({ error: 'no such calendar date' });
		}
	);

	it.each(['2024-1-01', '2024-01-1', '24-01-01', 'x2024-01-01', '2024-01-01x', '2024/01/01', ''])('%j is not in YYYY-MM-DD form', (d) => {
		expect.hasAssertions();
		expect(isoDate(d)).toEqual({ error: 'not a date in YYYY-MM-DD form' });
	});
});

describe('finiteNumber', () => {
	it.each([
		['12', 12],
		['-3.5', -3.5],
		['+3', 3],
		['.5', 0.5],
		['.25', 0.25],
		['5.', 5],
		['1e3', 1000],
		['2.5E-1', 0.25]
	])('%j → %d', (raw, n) => {
		expect.hasAssertions();
		expect(finiteNumber()(raw)).toBe(n);
	});

	it.each(['1,000', '$5', '1 000', ' 1', '1abc', 'abc1', '0x10', 'NaN', 'Infinity', '--1', '.', 'e5'])('%j is not a number', (raw) => {
		expect.hasAssertions();
		expect(finiteNumber()(raw)).toEqual({ error: 'not a number' });
	});

	it('too large for a double is not finite', () => {
		expect.hasAssertions();
		expect(finiteNumber()('1e999')).toEqual({ error: 'not a finite number' });
	});

	it('empty is an error unless allowed, then null', () => {
		expect.hasAssertions();
		expect(finiteNumber()('')).toEqual({ error: 'empty' });
		expect(finiteNumber({ allowEmpty: true })('')).toBeNull();
		expect(finiteNumber({ allowEmpty: true })('7')).toBe(7);
	});

	it('integer: whole numbers only, however written', () => {
		expect.hasAssertions();
		const int = finiteNumber({ integer: true });
		expect(int('2')).toBe(2);
		expect(int('2.0')).toBe(2);
		expect(int('1e2')).toBe(100);
		expect(int('1.5')).toEqual({ error: 'not a whole number' });
		expect(finiteNumber()('1.5')).toBe(1.5);
	});

	it('positive: zero and below are refused', () => {
		expect.hasAssertions();
		const pos = finiteNumber({ positive: true });
		expect(pos('0')).toEqual({ error: 'not positive' });
		expect(pos('-0.01')).toEqual({ error: 'not positive' });
		expect(pos('0.001')).toBe(0.001);
		expect(finiteNumber()('0')).toBe(0);
		expect(finiteNumber()('-1')).toBe(-1);
	});
});

describe('requiredText and oneOf', () => {
	it('requiredText refuses empty and text over the limit, keeps text at the limit', () => {
		expect.hasAssertions();
		expect(requiredText(3)('')).toEqual({ error: 'empty' });
		expect(requiredText(3)('abc')).toBe('abc');
		expect(requiredText(3)('abcd')).toEqual({ error: 'longer than 3 characters' });
		expect(requiredText()('x'.repeat(200))).toBe('x'.repeat(200));
		expect(requiredText()('x'.repeat(201))).toEqual({ error: 'longer than 200 characters' });
	});

	it('oneOf matches exactly (case matters) and lists the allowed values', () => {
		expect.hasAssertions();
		const size = oneOf(['S', 'M', 'L'] as const, 'company_size');
		expect(size('M')).toBe('M');
		expect(size('m')).toEqual({ error: 'unknown company_size "m"; expected one of S, M, L' });
		const ratio = oneOf([0, 50, 100] as const, 'remote_ratio');
		expect(ratio('50')).toBe(50);
		expect(ratio('0')).toBe(0);
	});

	it('isError tells a reason from a value', () => {
		expect.hasAssertions();
		expect(isError({ error: 'x' })).toBe(true);
		expect(isError(null)).toBe(false);
		expect(isError('error')).toBe(false);
		expect(isError(0)).toBe(false);
		expect(isError({ value: 1 })).toBe(false);
	});
});

describe('parseWithSchema', () => {
	const schema = { id: finiteNumber({ integer: true }), name: requiredText(10) };
	const parse = (text: string, build?: (c: { id: number | null; name: string }, line: number) => object | RowError) =>
		parseWithSchema(text, schema, build ?? ((c, line) => ({ ...c, line })));

	it('reads rows by header name, in any column order, ignoring extra columns and trimming cells', () => {
		expect.hasAssertions();
		const r = parse(' name , extra,id\r\n ann ,z, 1\r\nbob,z,2\r\n');
		expect(r).toEqual({
			rows: [
				{ id: 1, name: 'ann', line: 2 },
				{ id: 2, name: 'bob', line: 3 }
			],
			issues: [],
			rowsRead: 2,
			rejected: 0
		});
	});

	it('names every bad cell of a row with its raw value, and rejects the row once', () => {
		expect.hasAssertions();
		const r = parse('id,name\n1.5, \nx,ok\n3,ok\n');
		expect(r.rows).toEqual([{ id: 3, name: 'ok', line: 4 }]);
		expect(r.issues).toEqual([
			{ line: 2, column: 'id', value: '1.5', reason: 'not a whole number' },
			{ line: 2, column: 'name', value: ' ', reason: 'empty' },
			{ line: 3, column: 'id', value: 'x', reason: 'not a number' }
		]);
		expect([r.rowsRead, r.rejected]).toEqual([3, 2]);
	});

	it('reports blank lines and records with the wrong number of fields', () => {
		expect.hasAssertions();
		const r = parse('id,name\n1,a\n\n   \n2\n3,c,d\n4,d\n');
		expect(r.rows.map((x) => (x as { id: number }).id)).toEqual([1, 4]);
		expect(r.issues).toEqual([
			{ line: 3, column: '*', value: '', reason: 'blank line' },
			{ line: 4, column: '*', value: '', reason: 'blank line' },
			{ line: 5, column: '*', value: '2', reason: 'expected 2 fields, found 1' },
			{ line: 6, column: '*', value: '3,c,d', reason: 'expected 2 fields, found 3' }
		]);
		expect([r.rowsRead, r.rejected]).toEqual([6, 4]);
	});

	it('a missing column rejects every data line, saying which column and why', () => {
		expect.hasAssertions();
		const r = parse('id,title\n1,a\n2,b\n');
		expect(r).toEqual({
			rows: [],
			issues: [
				{ line: 1, column: '*', value: 'id,title', reason: 'header lacks required column(s): name' },
				{ line: 2, column: '*', value: '', reason: 'not read: the header is unusable' },
				{ line: 3, column: '*', value: '', reason: 'not read: the header is unusable' }
			],
			rowsRead: 2,
			rejected: 2
		});
		expect(parse('title\n').issues[0]!.reason).toBe('header lacks required column(s): id, name');
	});

	it('an empty file (or only blank lines) has no header row', () => {
		expect.hasAssertions();
		for (const text of ['', '\n', '\n\n']) {
			expect(parse(text)).toEqual({
				rows: [],
				issues: [{ line: 1, column: '*', value: '', reason: 'empty file: no header row' }],
				rowsRead: 0,
				rejected: 0
			});
		}
	});

	it('a header without rows reads nothing and reports nothing', () => {
		expect.hasAssertions();
		expect(parse('id,name')).toEqual({ rows: [], issues: [], rowsRead: 0, rejected: 0 });
		expect(parse('id,name\n')).toEqual({ rows: [], issues: [], rowsRead: 0, rejected: 0 });
	});

	it('strips a byte-order mark, so a quoted first header name still reads', () => {
		expect.hasAssertions();
		expect(parse('\ufeffid,name\n1,a\n').rows).toEqual([{ id: 1, name: 'a', line: 2 }]);
		// Left in place, the mark would stand before the opening quote and keep the quotes in the name.
		expect(parse('\ufeff"id",name\n1,a\n').rows).toEqual([{ id: 1, name: 'a', line: 2 }]);
	});

	it('clips long values in issues to 200 characters', () => {
		expect.hasAssertions();
		const long = 'n'.repeat(201);
		const r = parse(`id,name\n1,${long}\n1,${'n'.repeat(200)}0\n`);
		expect(r.issues[0]).toEqual({ line: 2, column: 'name', value: `${'n'.repeat(200)}…`, reason: 'longer than 10 characters' });
		expect(r.issues[1]!.value).toBe(`${'n'.repeat(200)}…`);
		expect(parse(`id,name\n1,${'n'.repeat(200)}\n`).issues[0]!.value).toBe('n'.repeat(200));
	});

	it('a row the build step refuses is reported with its column, value and line', () => {
		expect.hasAssertions();
		const r = parse('id,name\n1,a\n2,b\n', (c, line) =>
			c.id === 2 ? { error: 'two is not allowed', column: 'id', value: '2' } : { ...c, line }
		);
		expect(r.rows).toEqual([{ id: 1, name: 'a', line: 2 }]);
		expect(r.issues).toEqual([{ line: 3, column: 'id', value: '2', reason: 'two is not allowed' }]);
		expect([r.rowsRead, r.rejected]).toEqual([2, 1]);
	});

	it('counts physical lines across quoted newlines and CRLF', () => {
		expect.hasAssertions();
		const r = parse('id,name\r\n1,"a\r\nb"\r\nx,c\r\n');
		expect(r.rows).toEqual([{ id: 1, name: 'a\r\nb', line: 2 }]);
		expect(r.issues.map((i) => [i.line, i.column])).toEqual([[4, 'id']]);
	});
});
