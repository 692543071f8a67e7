/** parseSalaryQuery: `salary=` kept as typed (at most 80 characters), read by parseSalaryInput, blank → no input. */
import { describe, expect, it } from 'vitest';
import { parseSalaryQuery } from './page-params';

const q = (s: string) => parseSalaryQuery(new URLSearchParams(s));

describe('parseSalaryQuery', () => {
	it('absent or blank: empty text and no input', () => {
		expect(q('')).toEqual({ text: '', input: null });
		expect(q('salary=')).toEqual({ text: '', input: null });
		expect(q('salary=%20%20%20')).toEqual({ text: '   ', input: null });
		expect(q('salaries=120k')).toEqual({ text: '', input: null });
	});
	it('a value keeps its text as typed and is read', () => {
		expect(q('salary=%20120k%20')).toEqual({ text: ' 120k ', input: { ok: true, kind: 'value', value: 120_000 } });
		expect(q('salary=150k-200k')).toEqual({ text: '150k-200k', input: { ok: true, kind: 'band', low: 150_000, high: 200_000 } });
	});
	it('text is cut at 80 characters, and such a text is too long to be a salary', () => {
		const r = q(`salary=${'1'.repeat(100)}`);
		expect(r.text).toBe('1'.repeat(80));
		expect(r.input).toMatchObject({ ok: false, error: 'too-long' });
	});
});
