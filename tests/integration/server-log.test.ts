import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cutForLog, MAX_LOGGED_URL, MAX_STACK_FRAMES, requestErrorLog } from '../../server/log.js';

describe('cutForLog', () => {
	it('keeps a short text, escaped', () => {
		expect.hasAssertions();
		expect(cutForLog('/a\nb\u0000', 50)).toBe('/a\\u000ab\\u0000');
	});

	it('cuts a long text and says how long it was', () => {
		expect.hasAssertions();
		expect(cutForLog('x'.repeat(16_000), 10)).toBe('xxxxxxxxxx… (16,000 characters)');
		expect(cutForLog('x'.repeat(10), 10)).toBe('xxxxxxxxxx');
	});

	it('never ends on half of a surrogate pair', () => {
		expect.hasAssertions();
		expect(cutForLog('ab😀cd', 3)).toBe('ab… (6 characters)');
	});
});

describe('requestErrorLog', () => {
	const notFound = new Error('Not found: /nope');

	it('a 404: method and URL only', () => {
		expect.hasAssertions();
		expect(requestErrorLog({ status: 404, method: 'GET', url: '/nope', error: notFound })).toBe('[404] GET /nope');
	});

	it('another 4xx: the message, no stack', () => {
		expect.hasAssertions();
		const error = new Error('Failed to decode URI: /%zz');
		expect(error.stack).toContain('    at ');
		expect(requestErrorLog({ status: 400, method: 'GET', url: '/%zz', error })).toBe('[400] GET /%zz: Failed to decode URI: /%zz');
	});

	it('a 16,000-character URL is one line of bounded length', () => {
		expect.hasAssertions();
		const url = `/${'a'.repeat(15_999)}`;
		const line = requestErrorLog({ status: 404, method: 'GET', url, error: notFound });
		expect(line).toBe(`[404] GET /${'a'.repeat(MAX_LOGGED_URL - 1)}… (16,000 characters)`);
	});

	it('control characters cannot forge a line', () => {
		expect.hasAssertions();
		const line = requestErrorLog({ status: 400, method: 'GET', url: '/x\n[500] GET /forged', error: new Error('bad\r\nthing') });
		expect(line.split('\n')).toHaveLength(1);
		expect(line).toBe('[400] GET /x\\u000a[500] GET /forged: bad\\u000d\\u000athing');
	});

	it('a 5xx: the line, then at most MAX_STACK_FRAMES frames and a count of the rest', () => {
		expect.hasAssertions();
		const error = new Error('boom');
		error.stack = ['Error: boom', ...Array.from({ length: 30 }, (_, i) => `    at f${i} (/srv/app/file.js:${i}:1)`)].join('\n');
		const lines = requestErrorLog({ status: 500, method: 'GET', url: '/pay', error }).split('\n');
		expect(lines[0]).toBe('[500] GET /pay: boom');
		expect(lines.slice(1, 1 + MAX_STACK_FRAMES)).toEqual(
			Array.from({ length: MAX_STACK_FRAMES }, (_, i) => `    at f${i} (/srv/app/file.js:${i}:1)`)
		);
		expect(lines.at(-1)).toBe(`    … ${30 - MAX_STACK_FRAMES} more frames`);
		expect(lines).toHaveLength(MAX_STACK_FRAMES + 2);
	});

	it('a 5xx with a short stack keeps it whole; a thrown string has no stack', () => {
		expect.hasAssertions();
		const error = new Error('x');
		error.stack = 'Error: x\n    at g (/srv/a.js:1:1)';
		expect(requestErrorLog({ status: 503, method: 'HEAD', url: '/', error })).toBe('[503] HEAD /: x\n    at g (/srv/a.js:1:1)');
		expect(requestErrorLog({ status: 500, method: 'GET', url: '/', error: 'thrown' })).toBe('[500] GET /: thrown');
		expect(requestErrorLog({ status: 500, method: 'GET', url: '/', error: { odd: true } })).toBe('[500] GET /');
	});
});

describe('keepServingWhenLogsFail', () => {
	it('a process whose stdout and stderr fail keeps running', () => {
		expect.hasAssertions();
		const script = [
			"import { keepServingWhenLogsFail } from './server/log.js';",
			'keepServingWhenLogsFail();',
			'let i = 0;',
			"const t = setInterval(() => { console.error('x'); console.log('y'); if (++i === 5) { clearInterval(t); process.exitCode = 7; } }, 10);"
		].join('\n');
		const full = process.platform === 'linux' ? '/dev/full' : null;
		if (!full) return void expect(full).toBeNull();
		const r = spawnSync('sh', ['-c', `"${process.execPath}" --input-type=module -e "$0" >/dev/full 2>/dev/full`, script]);
		// 7: it ran to the end; an unhandled write error would have exited 1.
		expect(r.status).toBe(7);
		// The same without the guard dies: the test can tell the difference.
		const bare = script.replace('keepServingWhenLogsFail();', '');
		expect(spawnSync('sh', ['-c', `"${process.execPath}" --input-type=module -e "$0" >/dev/full 2>/dev/full`, bare]).status).toBe(1);
	});
});
