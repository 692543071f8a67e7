/**
 * Raw node:http requests for the server tests, so nothing decompresses or adds headers
 * behind the test's back, and the security headers every response must carry.
 */
import { request as httpRequest } from 'node:http';
import { expect } from './fixtures';

export interface Raw {
	readonly status: number;
	readonly headers: Record<string, string | string[] | undefined>;
	readonly body: Buffer;
}

export function rawRequest(
	url: string,
	{ method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}
): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(url, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

export const header = (r: Raw, name: string) => String(r.headers[name] ?? '');

/** The headers of server/headers.js, checked by value (README, "Serving in production"). */
export function expectSecurityHeaders(r: Raw, what: string) {
	const csp = header(r, 'content-security-policy');
	expect(csp, what).toContain("frame-ancestors 'none'");
	expect(csp, what).toContain("form-action 'self'");
	expect(header(r, 'x-content-type-options'), what).toBe('nosniff');
	expect(header(r, 'x-frame-options'), what).toBe('DENY');
	expect(header(r, 'referrer-policy'), what).toBe('strict-origin-when-cross-origin');
	expect(header(r, 'permissions-policy'), what).toContain('camera=()');
	expect(header(r, 'permissions-policy'), what).toContain('geolocation=()');
	expect(header(r, 'cross-origin-opener-policy'), what).toBe('same-origin');
}
