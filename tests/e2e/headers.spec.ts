/**
 * What every response of the production server (server/index.js, the Playwright web
 * server) carries: security headers, compression by Accept-Encoding, revalidation, and
 * short plain-text error bodies. Raw node:http requests, so nothing decompresses or adds
 * headers behind the test's back.
 */
import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { expectSecurityHeaders, header, rawRequest } from './raw-http';

let base = '';
test.beforeAll(({ baseURL }) => {
	base = baseURL!;
	expect(new URL(base).hostname).toBe('127.0.0.1');
});

const raw = (path: string, options: { method?: string; headers?: Record<string, string> } = {}) => rawRequest(`${base}${path}`, options);

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

	test('CONNECT: the same 405 as any other method, then the connection closes', async () => {
		// Node hands CONNECT to a separate event and, with no listener, closes the socket unanswered.
		const { port } = new URL(base);
		const text = await new Promise<string>((resolve, reject) => {
			const socket = connect(Number(port), '127.0.0.1', () =>
				socket.write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n')
			);
			let got = '';
			socket.setEncoding('utf8');
			socket.on('data', (c: string) => (got += c));
			socket.on('close', () => resolve(got));
			socket.on('error', reject);
		});
		const [head, body] = text.split('\r\n\r\n');
		const lines = head!.split('\r\n');
		expect(lines[0]).toBe('HTTP/1.1 405 Method Not Allowed');
		const headers = Object.fromEntries(
			lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()])
		);
		expect(headers['allow']).toBe('GET, HEAD');
		expect(headers['content-type']).toBe('text/plain; charset=utf-8');
		expect(headers['connection']).toBe('close');
		expect(Number(headers['content-length'])).toBe(Buffer.byteLength(body!));
		expectSecurityHeaders({ status: 405, headers, body: Buffer.from(body!) }, 'CONNECT');
		// The same words as a POST gets, with the method named.
		const post = await raw('/favicon.svg', { method: 'POST' });
		expect(body).toBe(post.body.toString('utf8').replace('POST', 'CONNECT'));
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

test.describe('byte ranges on static files', () => {
	test('a range beyond the end: 416 with a plain-text body saying the file size', async () => {
		const file = await raw('/favicon.svg');
		const r = await raw('/favicon.svg', { headers: { range: 'bytes=999999-' } });
		expect(r.status).toBe(416);
		expect(header(r, 'content-range')).toBe(`bytes */${file.body.length}`);
		expect(header(r, 'content-type')).toBe('text/plain; charset=utf-8');
		expect(r.body.toString('utf8')).toBe(
			`Range not satisfiable: the file has ${file.body.length} bytes (0 to ${file.body.length - 1}); ask for a range inside it, or send no Range header.\n`
		);
		expect(Number(header(r, 'content-length'))).toBe(r.body.length);
		expectSecurityHeaders(r, '416');
	});

	test('a satisfiable range: 206 with those bytes', async () => {
		const file = await raw('/favicon.svg');
		const r = await raw('/favicon.svg', { headers: { range: 'bytes=2-9' } });
		expect(r.status).toBe(206);
		expect(header(r, 'content-range')).toBe(`bytes 2-9/${file.body.length}`);
		expect(r.body.equals(file.body.subarray(2, 10))).toBe(true);
		const open = await raw('/favicon.svg', { headers: { range: 'bytes=200-' } });
		expect(open.status).toBe(206);
		expect(open.body.equals(file.body.subarray(200))).toBe(true);
	});

	// bytes=5-2 made the static-file server throw, which stopped the whole server.
	for (const range of ['bytes=5-2', 'bytes=-5', 'bytes=0-1,3-4', 'items=0-1', 'bytes=abc', 'bytes=1-2-3'])
		test(`a range it cannot serve as meant (${range}) is ignored: the whole file, 200, and the server stays up`, async () => {
			const file = await raw('/favicon.svg');
			const r = await raw('/favicon.svg', { headers: { range } });
			expect(r.status).toBe(200);
			expect(r.body.equals(file.body)).toBe(true);
			expect((await raw('/favicon.svg')).status).toBe(200);
		});
});
