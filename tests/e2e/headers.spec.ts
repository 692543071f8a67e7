/**
 * What every response of the production server (server/index.js, the Playwright web
 * server) carries: security headers, compression by Accept-Encoding, revalidation, and
 * short plain-text error bodies. Raw node:http requests, so nothing decompresses or adds
 * headers behind the test's back.
 */
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

interface Raw {
	readonly status: number;
	readonly headers: Record<string, string | string[] | undefined>;
	readonly body: Buffer;
}

let base = '';
test.beforeAll(({ baseURL }) => {
	base = baseURL!;
	expect(new URL(base).hostname).toBe('127.0.0.1');
});

function raw(path: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

const header = (r: Raw, name: string) => String(r.headers[name] ?? '');

function expectSecurityHeaders(r: Raw, what: string) {
	const csp = header(r, 'content-security-policy');
	expect(csp, what).toContain("frame-ancestors 'none'");
	expect(csp, what).toContain("form-action 'self'");
	expect(header(r, 'x-content-type-options'), what).toBe('nosniff');
	expect(header(r, 'x-frame-options'), what).toBe('DENY');
	expect(header(r, 'referrer-policy'), what).toBe('strict-origin-when-cross-origin');
	expect(header(r, 'permissions-policy'), what).toContain('camera=()');
	expect(header(r, 'permissions-policy'), what).toContain('geolocation=()');
}

const TARGETS = [
	{ path: '/pay', type: 'text/html' },
	{ path: '/', type: 'text/html' },
	{ path: '/pay/__data.json', type: 'application/json' },
	{ path: '/api/summary.csv?by=country', type: 'text/csv; charset=utf-8' },
	{ path: '/api/summary.json?by=country', type: 'application/json; charset=utf-8' },
	{ path: '/api/summary.meta.json?by=region', type: 'application/json; charset=utf-8' }
];

test.describe('compression and headers on pages, page data and the API', () => {
	for (const { path, type } of TARGETS)
		test(`${path}: identity, gzip and brotli bodies decode to the same bytes; security headers`, async () => {
			const plain = await raw(path);
			expect(plain.status).toBe(200);
			expect(header(plain, 'content-type')).toBe(type);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expectSecurityHeaders(plain, path);
			// A body that differs per response (the sidecar's time stamp) is compared without it.
			const stable = (b: Buffer) => b.toString('utf8').replace(/"generated_at": "[^"]+"/, '');

			const gz = await raw(path, { headers: { 'accept-encoding': 'gzip' } });
			expect(header(gz, 'content-encoding')).toBe('gzip');
			expect(header(gz, 'vary').toLowerCase()).toContain('accept-encoding');
			expect(stable(gunzipSync(gz.body))).toBe(stable(plain.body));
			expectSecurityHeaders(gz, `${path} gzip`);

			// A browser's list: brotli is preferred.
			const br = await raw(path, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
			expect(header(br, 'content-encoding')).toBe('br');
			expect(stable(brotliDecompressSync(br.body))).toBe(stable(plain.body));
			expect(br.body.length).toBeLessThan(plain.body.length * 0.6);
		});

	test('static files: precompressed brotli, security headers, fallback CSP', async () => {
		const r = await raw('/favicon.svg', { headers: { 'accept-encoding': 'br' } });
		expect(r.status).toBe(200);
		expect(header(r, 'content-encoding')).toBe('br');
		expectSecurityHeaders(r, '/favicon.svg');
		expect(header(r, 'content-security-policy')).toContain("default-src 'none'");
	});
});

test.describe('revalidation', () => {
	test('a page revisited in the browser is revalidated and still runs its scripts under its own CSP', async ({ page }) => {
		const errors: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		const validators: (string | undefined)[] = [];
		page.on('requestfinished', async (r) => {
			if (new URL(r.url()).pathname === '/titles') validators.push((await r.allHeaders())['if-none-match']);
		});
		await page.goto('/titles');
		await page.goto('about:blank');
		await page.goto('/titles'); // the fixture waits for hydration: the scripts ran
		expect(await page.locator('html').getAttribute('data-hydrated')).toBe('true');
		expect(errors.filter((e) => e.includes('Content Security Policy'))).toEqual([]);
		// The second visit asked with the first visit's ETag.
		await expect.poll(() => validators.length).toBe(2);
		expect(validators[0]).toBeUndefined();
		expect(validators[1]).toMatch(/^"[^"]+"$/);
	});

	test('a page has the same bytes and ETag on every request (CSP by hashes, no nonce) and revalidates with 304', async () => {
		const a = await raw('/pay?size=M');
		const b = await raw('/pay?size=M');
		expect(a.status).toBe(200);
		expect(a.body.equals(b.body)).toBe(true);
		const etag = header(a, 'etag');
		expect(etag).toMatch(/^"[^"]+"$/);
		expect(header(b, 'etag')).toBe(etag);
		expect(header(a, 'cache-control')).toBe('no-cache');
		expect(header(a, 'content-security-policy')).not.toContain('nonce-');
		expect(header(a, 'content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
		const again = await raw('/pay?size=M', { headers: { 'if-none-match': etag } });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
		// A browser merges a 304's headers into its cached page: no other CSP may come with it.
		expect([undefined, header(a, 'content-security-policy')]).toContain(again.headers['content-security-policy']);
		// Another view is other bytes.
		expect(header(await raw('/pay?size=L'), 'etag')).not.toBe(etag);
	});

	test('API ETags are the sha256 of the bytes served; 304 on a match', async () => {
		const path = '/api/summary.csv?by=company_size';
		const r = await raw(path);
		const { createHash } = await import('node:crypto');
		expect(header(r, 'etag')).toBe(`"${createHash('sha256').update(r.body).digest('hex').slice(0, 32)}"`);
		expect((await raw(path, { headers: { 'if-none-match': header(r, 'etag') } })).status).toBe(304);
	});
});

test.describe('error bodies: short, plain text, with a content type', () => {
	test('a 14 KB query of 1,900 unknown keys: a capped 400 listing 10 problems and "and N more"', async () => {
		const query = Array.from({ length: 1900 }, (_, i) => `k${i}=1`).join('&');
		expect(query.length).toBeGreaterThan(14_000);
		const r = await raw(`/api/summary.csv?${query}`);
		expect(r.status).toBe(400);
		expect(header(r, 'content-type')).toBe('text/plain; charset=utf-8');
		expect(r.body.length).toBeLessThan(2_000);
		const lines = r.body.toString('utf8').trimEnd().split('\n');
		expect(lines[0]).toBe('Bad request:');
		expect(lines).toHaveLength(12);
		expect(lines[11]).toBe('- and 1890 more problems');
	});

	test('control characters from the query are escaped, never echoed raw', async () => {
		const r = await raw('/api/summary.json?size=%00XL%0A-%20forged&k%01=1');
		expect(r.status).toBe(400);
		const text = r.body.toString('utf8');
		expect([...text.trimEnd()].filter((c) => c !== '\n' && c.charCodeAt(0) < 0x20)).toEqual([]);
		expect(text).toContain('\\u0000XL\\u000a- forged');
		expect(text).toContain('unknown parameter "k\\u0001"');
		expect(text.trimEnd().split('\n')).toHaveLength(3);
	});

	test('431 for oversized headers has a text body and the security headers', async () => {
		const r = await raw('/', { headers: { 'x-big': 'a'.repeat(20_000) } });
		expect(r.status).toBe(431);
		expect(header(r, 'content-type')).toBe('text/plain; charset=utf-8');
		expect(r.body.toString('utf8')).toMatch(/^Request header fields too large/);
		expectSecurityHeaders(r, '431');
	});

	for (const path of ['/_app/immutable/missing.js', '/missing.txt', '/no/such/page'])
		test(`404 ${path}: a body and a content type`, async () => {
			const r = await raw(path);
			expect(r.status).toBe(404);
			expect(header(r, 'content-type')).toMatch(/^text\/(plain|html)/);
			expect(r.body.length).toBeGreaterThan(0);
			expectSecurityHeaders(r, path);
		});

	for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'])
		for (const path of ['/favicon.svg', '/_app/version.json', '/pay', '/api/summary.csv'])
			test(`${method} ${path}: 405 with Allow and a text body`, async () => {
				const r = await raw(path, { method });
				expect(r.status).toBe(405);
				expect(header(r, 'allow')).toBe('GET, HEAD');
				expect(header(r, 'content-type')).toBe('text/plain; charset=utf-8');
				expect(r.body.toString('utf8')).toContain(`Method not allowed: ${method}`);
				expectSecurityHeaders(r, `${method} ${path}`);
			});

	test('HEAD is answered like GET without a body', async () => {
		const r = await raw('/favicon.svg', { method: 'HEAD' });
		expect(r.status).toBe(200);
		expect(r.body.length).toBe(0);
	});
});

test.describe('query rules (README): empty means default, switches take 1/0 or true/false', () => {
	test('by= and size= are the defaults; real=TRUE is real=1; dedupe=2 is a 400', async () => {
		const dflt = await raw('/api/summary.csv');
		const empty = await raw('/api/summary.csv?by=&size=&real=');
		expect(empty.status).toBe(200);
		expect(empty.body.equals(dflt.body)).toBe(true);
		const t = await raw('/api/summary.csv?real=TRUE');
		expect(t.body.equals((await raw('/api/summary.csv?real=1')).body)).toBe(true);
		const bad = await raw('/api/summary.csv?dedupe=2');
		expect(bad.status).toBe(400);
		expect(bad.body.toString('utf8')).toContain('dedupe: "2" is not allowed; use 1 or 0 (or true, false)');
	});
});
