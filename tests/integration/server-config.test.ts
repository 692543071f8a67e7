import { describe, expect, it } from 'vitest';
import { listenAddress } from '../../server/config.js';

describe('listenAddress (PORT, HOST)', () => {
	it('defaults when unset', () => {
		expect.hasAssertions();
		expect(listenAddress({})).toEqual({ ok: true, port: 3000, host: '0.0.0.0' });
	});

	it.each([
		['0', 0],
		['80', 80],
		['3000', 3000],
		['65535', 65535],
		['08080', 8080]
	])('PORT=%j → %i', (value, port) => {
		expect.hasAssertions();
		expect(listenAddress({ PORT: value, HOST: '127.0.0.1' })).toEqual({ ok: true, port, host: '127.0.0.1' });
	});

	it.each(['abc', '99999', '65536', '-1', '', '1.5', '1e3', '0x50', ' 80', '80 ', '+80', '123456'])(
		'PORT=%j is refused in one line',
		(value) => {
			expect.hasAssertions();
			const r = listenAddress({ PORT: value });
			expect(r).toEqual({
				ok: false,
				message: `PORT=${JSON.stringify(value)} is not a port number; use a whole number from 0 to 65535 (0 = any free port), or leave PORT unset for 3000.`
			});
		}
	);

	it('quotes a long or odd PORT safely, on one line', () => {
		expect.hasAssertions();
		const r = listenAddress({ PORT: `8\n${'9'.repeat(100)}\u2028` });
		expect(r.ok).toBe(false);
		const message = r.ok ? '' : r.message;
		expect(message.startsWith(`PORT="8\\n${'9'.repeat(38)}…" is not a port number`)).toBe(true);
		expect(message).not.toMatch(/[\n\u2028]/);
	});

	it.each(['localhost', '127.0.0.1', '::1', '0.0.0.0', 'example.com'])('HOST=%j is kept', (host) => {
		expect.hasAssertions();
		expect(listenAddress({ HOST: host })).toEqual({ ok: true, port: 3000, host });
	});

	it.each(['', 'a b', 'tab\there', 'x'.repeat(254)])('HOST=%j is refused in one line', (host) => {
		expect.hasAssertions();
		const r = listenAddress({ HOST: host });
		expect(r.ok).toBe(false);
		expect(r.ok ? '' : r.message).toMatch(
			/^HOST=".*" is not a host name or address; use e\.g\. HOST=127\.0\.0\.1 \(this machine only\) or HOST=0\.0\.0\.0 \(every interface\), or leave HOST unset for 0\.0\.0\.0\.$/
		);
	});
});
