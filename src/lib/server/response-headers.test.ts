import { describe, expect, it } from 'vitest';
import { FALLBACK_CSP, SECURITY_HEADERS } from '../../../server/headers.js';
import { withServerHeaders } from './response-headers';

const PAGE_CSP = "default-src 'self'; script-src 'self' 'sha256-abc'; frame-ancestors 'none'";

describe('withServerHeaders', () => {
	it('adds every security header to an API answer, with the fallback CSP', () => {
		expect.hasAssertions();
		const r = withServerHeaders(new Response('a,b\n', { headers: { 'content-type': 'text/csv; charset=utf-8' } }));
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers.get(name), name).toBe(value);
		expect(r.headers.get('content-security-policy')).toBe(FALLBACK_CSP);
		expect(r.headers.get('cache-control')).toBeNull();
	});

	it("keeps a page's own CSP and cache-control; an HTML page without one gets no-cache", () => {
		expect.hasAssertions();
		const page = withServerHeaders(new Response('<p>', { headers: { 'content-type': 'text/html', 'content-security-policy': PAGE_CSP } }));
		expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP);
		expect(page.headers.get('cache-control')).toBe('no-cache');
		expect(page.headers.get('x-frame-options')).toBe('DENY');
		const kept = withServerHeaders(new Response('<p>', { headers: { 'content-type': 'text/html', 'cache-control': 'private' } }));
		expect(kept.headers.get('cache-control')).toBe('private');
	});

	it('gives an error without a content type a plain-text one; a success keeps none', () => {
		expect.hasAssertions();
		const err = withServerHeaders(new Response('Not found', { status: 404, headers: {} }));
		// A string body gets text/plain;charset=UTF-8 from the Response constructor: kept as it is.
		expect(err.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
		const bare = withServerHeaders(new Response(null, { status: 404 }));
		expect(bare.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		const ok = withServerHeaders(new Response(null, { status: 204 }));
		expect(ok.headers.get('content-type')).toBeNull();
	});

	it('copies a response whose headers are immutable (a redirect) and keeps its status and location', () => {
		expect.hasAssertions();
		const r = withServerHeaders(Response.redirect('http://example.com/pay', 307));
		expect(r.status).toBe(307);
		expect(r.headers.get('location')).toBe('http://example.com/pay');
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('returns the same response when nothing is missing', () => {
		expect.hasAssertions();
		const full = new Response('x', { headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain' } });
		expect(withServerHeaders(full)).toBe(full);
	});
});
