import { describe, expect, it } from 'vitest';
import { escapeControl } from '../../../server/log.js';
import { MAX_LISTED_PROBLEMS, problemsBody, textResponse } from './http';

describe('escapeControl', () => {
	it.each([
		['a\u0000b', 'a\\u0000b'],
		['line\nbreak\r', 'line\\u000abreak\\u000d'],
		['tab\there', 'tab\\u0009here'],
		['del\u007f c1\u0085', 'del\\u007f c1\\u0085'],
		['sep\u2028x\u2029', 'sep\\u2028x\\u2029'],
		['plain "text" é ✓', 'plain "text" é ✓']
	])('%j → %j', (input, expected) => {
		expect.hasAssertions();
		expect(escapeControl(input)).toBe(expected);
		expect([...escapeControl(input)].every((c) => c.charCodeAt(0) >= 0x20)).toBe(true);
	});
});

describe('problemsBody', () => {
	it('lists every problem when there are few', () => {
		expect.hasAssertions();
		expect(problemsBody('Bad request:', ['one', 'two'])).toBe('Bad request:\n- one\n- two\n');
	});

	it('caps the list and counts the rest', () => {
		expect.hasAssertions();
		const messages = Array.from({ length: 4208 }, (_, i) => `unknown parameter "k${i}"`);
		const lines = problemsBody('Bad request:', messages).trimEnd().split('\n');
		expect(lines).toHaveLength(1 + MAX_LISTED_PROBLEMS + 1);
		expect(lines[1]).toBe('- unknown parameter "k0"');
		expect(lines.at(-1)).toBe(`- and ${4208 - MAX_LISTED_PROBLEMS} more problems`);
	});

	it('says "problem" for exactly one more', () => {
		expect.hasAssertions();
		const body = problemsBody(
			'Bad request:',
			Array.from({ length: MAX_LISTED_PROBLEMS + 1 }, (_, i) => `p${i}`)
		);
		expect(body.trimEnd().split('\n').at(-1)).toBe('- and 1 more problem');
	});

	it('escapes control characters inside a problem', () => {
		expect.hasAssertions();
		expect(problemsBody('Bad request:', ['bad "\u0000\n- forged"'])).toBe('Bad request:\n- bad "\\u0000\\u000a- forged"\n');
	});
});

describe('textResponse', () => {
	it('is plain text, not cached, not sniffed', async () => {
		expect.hasAssertions();
		const r = textResponse(503, 'down\n');
		expect(r.status).toBe(503);
		expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(r.headers.get('cache-control')).toBe('no-store');
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await r.text()).toBe('down\n');
	});
});
