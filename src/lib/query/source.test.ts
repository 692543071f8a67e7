import { describe, expect, it } from 'vitest';
import { parseSource, withoutParam, withSource } from './source';

describe('parseSource', () => {
	it.each([
		['', 'builtin'],
		['source=', 'builtin'],
		['source=builtin', 'builtin'],
		['source=yours', 'yours'],
		['source=YOURS', 'yours'],
		['source=%20yours%20', 'yours']
	])('%s → %s', (q, want) => {
		const r = parseSource(new URLSearchParams(q));
		expect(r).toEqual({ source: want, error: null });
	});
	it.each(['source=mine', 'source=1', 'source=yours&source=yours', 'source=builtin,yours'])('%s is an error naming source', (q) => {
		const r = parseSource(new URLSearchParams(q));
		expect(r.source).toBe('builtin');
		expect(r.error?.param).toBe('source');
		expect(r.error?.message).toMatch(/^source: /);
	});
	it('clips a long value in the message', () => {
		const r = parseSource(new URLSearchParams(`source=${'x'.repeat(500)}`));
		expect(r.error!.message.length).toBeLessThan(120);
	});
});

describe('withSource', () => {
	it('adds source=yours after the other parameters and removes it for builtin', () => {
		const p = new URLSearchParams('size=M&scale=log');
		expect(withSource(p, 'yours')).toBe('?size=M&scale=log&source=yours');
		expect(withSource(new URLSearchParams('source=yours&size=M'), 'builtin')).toBe('?size=M');
		expect(withSource(new URLSearchParams('source=yours'), 'builtin')).toBe('');
	});
	it('leaves its input unchanged', () => {
		const p = new URLSearchParams('source=yours&size=M');
		withSource(p, 'builtin');
		expect(p.toString()).toBe('source=yours&size=M');
	});
});

describe('withoutParam', () => {
	it('drops every value of the parameter and keeps the others in order', () => {
		expect(withoutParam(new URLSearchParams('size=L&currency=EUR&exp=SE'), 'currency')).toBe('?size=L&exp=SE');
		expect(withoutParam(new URLSearchParams('currency=EUR&currency=GBP'), 'currency')).toBe('');
		expect(withoutParam(new URLSearchParams('size=L'), 'currency')).toBe('?size=L');
	});
});
