/**
 * server/page-cache.js in a real Node HTTP server on loopback, behind the same compression
 * middleware as server/index.js, with a stand-in app that counts its renders and answers the
 * way adapter-node does (setHeader, writeHead(status), body in chunks).
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import compression from 'compression';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, PageCache } from '../../server/page-cache.js';

interface Started {
	base: string;
	server: Server;
}

/** Renders per path (query included), so a test sees whether the app was asked. */
const renders = new Map<string, number>();
let total = 0;

/**
 * The stand-in app. The body names the URL and how many times the app rendered it; query
 * parameters change the answer: status, type, etag=no, cookie (Set-Cookie), vary, enc
 * (a Content-Encoding of its own), pad (bytes added), implicit (no writeHead).
 */
function app(req: IncomingMessage, res: ServerResponse) {
	total++;
	const n = (renders.get(req.url!) ?? 0) + 1;
	renders.set(req.url!, n);
	const url = new URL(req.url!, 'http://x');
	const q = url.searchParams;
	const node = q.get('node'); // a __data.json node SvelteKit sends with status 200: error, redirect
	const body =
		node === 'error'
			? `{"type":"data","nodes":[{"type":"data","data":[{"a":1},${n}]},{"type":"error","error":{"message":"no"},"status":503}]}`
			: node === 'redirect'
				? `{"type":"redirect","location":"/pay?n=${n}"}`
				: `<p>page ${url.pathname}${url.search} render ${n}</p>${'x'.repeat(Number(q.get('pad') ?? 0))}`;
	const type = q.get('type') ?? (url.pathname.endsWith('/__data.json') ? 'application/json' : 'text/html');
	res.setHeader('content-type', type);
	res.setHeader('cache-control', q.get('cc') ?? 'no-cache');
	res.setHeader('content-security-policy', "script-src 'self' 'sha256-abc'");
	res.setHeader('link', '<./_app/a.css>; rel="preload"; as="style"; nopush');
	if (q.get('etag') !== 'no') res.setHeader('etag', `"e${url.pathname.length}-${url.search.length}"`);
	if (q.has('cookie')) res.setHeader('set-cookie', 'a=1');
	if (q.has('vary')) res.setHeader('vary', q.get('vary')!);
	if (q.has('enc')) res.setHeader('content-encoding', q.get('enc')!);
	if (!q.has('implicit')) res.writeHead(Number(q.get('status') ?? 200));
	else res.statusCode = Number(q.get('status') ?? 200);
	// In pieces, as a streamed Response arrives: a string, then bytes, then the rest at end().
	res.write(body.slice(0, 3));
	res.write(Buffer.from(body.slice(3, 10)));
	res.end(body.slice(10));
}

const compress = compression();
function start(cache: PageCache): Promise<Started> {
	// As server/index.js: a hit before the compression middleware, the recording inside it.
	const server = createServer((req, res) => {
		if (cache.serve(req, res)) return;
		compress(req as never, res as never, () => {
			cache.record(req, res);
			app(req, res);
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` }))
	);
}
const stop = (s: Started) => new Promise<void>((r) => s.server.close(() => r()));

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}
function get(base: string, path: string, headers: Record<string, string> = {}, method = 'GET') {
	return new Promise<Answer>((resolve, reject) => {
		const req = request(`${base}${path}`, { headers, method }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

/** How many times the app rendered while `f` ran. */
async function rendersDuring(f: () => Promise<unknown>): Promise<number> {
	const before = total;
	await f();
	return total - before;
}

const cache = new PageCache(100, 1_000_000);
let s: Started;
beforeAll(async () => (s = await start(cache)));
afterAll(() => stop(s));

describe('PageCache: hits', () => {
	it('replays a page byte for byte with the app’s headers, without rendering it again', async () => {
		expect.hasAssertions();
		const first = await get(s.base, '/pay');
		expect(first.headers['x-cache']).toBeUndefined();
		let second!: Answer;
		expect(await rendersDuring(async () => (second = await get(s.base, '/pay')))).toBe(0);
		expect(second.headers['x-cache']).toBe('hit');
		expect(second.status).toBe(200);
		expect(second.body.equals(first.body)).toBe(true);
		expect(second.body.toString()).toBe('<p>page /pay render 1</p>');
		for (const h of ['content-type', 'etag', 'cache-control', 'content-security-policy', 'link'])
			expect(second.headers[h], h).toBe(first.headers[h]);
		expect(second.headers['content-length']).toBe(String(first.body.length));
	});

	it('keeps a page’s __data.json (JSON) the same way', async () => {
		expect.hasAssertions();
		const first = await get(s.base, '/pay/__data.json?x-sveltekit-invalidated=01');
		const again = await get(s.base, '/pay/__data.json?x-sveltekit-invalidated=01');
		expect(first.headers['content-type']).toBe('application/json');
		expect(again.headers['x-cache']).toBe('hit');
		expect(again.body.equals(first.body)).toBe(true);
	});

	it('serves the same view spelt differently from one entry', async () => {
		expect.hasAssertions();
		const first = await get(s.base, '/trends?size=S,M&exp=SE');
		const n = await rendersDuring(async () => {
			for (const v of ['/trends?size=m,s&exp=se', '/trends?exp=SE&size=S%2CM', '/trends?size=%20M,,s&exp=SE&titles=family&from=']) {
				const r = await get(s.base, v);
				expect(r.headers['x-cache'], v).toBe('hit');
				expect(r.body.equals(first.body), v).toBe(true);
			}
		});
		expect(n).toBe(0);
		// A different view is another entry.
		expect(await rendersDuring(() => get(s.base, '/trends?size=S'))).toBe(1);
	});

	it('answers HEAD from a kept page with its headers and length, and no body', async () => {
		expect.hasAssertions();
		const page = await get(s.base, '/titles');
		let head!: Answer;
		expect(await rendersDuring(async () => (head = await get(s.base, '/titles', {}, 'HEAD')))).toBe(0);
		expect(head.status).toBe(200);
		expect(head.headers['x-cache']).toBe('hit');
		expect(head.headers['content-length']).toBe(String(page.body.length));
		expect(head.body.length).toBe(0);
	});

	it('answers a matching If-None-Match with 304 (a list, a weak tag), any other with the page', async () => {
		expect.hasAssertions();
		const page = await get(s.base, '/demand');
		const etag = String(page.headers.etag);
		for (const inm of [etag, `"other", ${etag}`, `W/${etag}`]) {
			const r = await get(s.base, '/demand', { 'if-none-match': inm });
			expect(r.status, inm).toBe(304);
			expect(r.body.length).toBe(0);
			expect(r.headers.etag).toBe(etag);
			expect(r.headers['cache-control']).toBe('no-cache');
		}
		const other = await get(s.base, '/demand', { 'if-none-match': '"other"' });
		expect(other.status).toBe(200);
		expect(other.headers['x-cache']).toBe('hit');
		expect(other.body.equals(page.body)).toBe(true);
	});

	it('a page with no ETag is kept too, and never answered with 304', async () => {
		expect.hasAssertions();
		await get(s.base, '/noetag?etag=no');
		const r = await get(s.base, '/noetag?etag=no', { 'if-none-match': '*' });
		expect(r.status).toBe(200);
		expect(r.headers['x-cache']).toBe('hit');
	});

	it('a request with Cache-Control: no-cache (a hard reload) renders again and replaces the entry', async () => {
		expect.hasAssertions();
		await get(s.base, '/methodology');
		const reload = await get(s.base, '/methodology', { 'cache-control': 'no-cache' });
		expect(reload.headers['x-cache']).toBeUndefined();
		expect(reload.body.toString()).toBe('<p>page /methodology render 2</p>');
		const pragma = await get(s.base, '/methodology', { pragma: 'no-cache' });
		expect(pragma.body.toString()).toBe('<p>page /methodology render 3</p>');
		const after = await get(s.base, '/methodology', { 'cache-control': 'max-age=0' });
		expect(after.headers['x-cache']).toBe('hit');
		expect(after.body.toString()).toBe('<p>page /methodology render 3</p>');
	});

	it('keeps the uncompressed bytes: a gzip request and a plain one get the same page', async () => {
		expect.hasAssertions();
		// Over the middleware's 1 KB threshold, so a hit (which has a length) is compressed too.
		const gz = await get(s.base, '/gz?pad=2000', { 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		const plain = await get(s.base, '/gz?pad=2000');
		expect(plain.headers['x-cache']).toBe('hit');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers.vary).toBe('Accept-Encoding');
		expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
		const gz2 = await get(s.base, '/gz?pad=2000', { 'accept-encoding': 'gzip' });
		expect(gz2.headers['x-cache']).toBe('hit');
		expect(gz2.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz2.body).equals(plain.body)).toBe(true);
	});

	it('sends a hit compressed as the client asks, each copy made once and counted in the bytes', async () => {
		expect.hasAssertions();
		const plain = await get(s.base, '/br?pad=5000');
		const afterPlain = cache.bytes;
		const br = await get(s.base, '/br?pad=5000', { 'accept-encoding': 'gzip, deflate, br, zstd' });
		expect(br.headers['x-cache']).toBe('hit');
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers.vary).toBe('Accept-Encoding');
		expect(br.headers['content-length']).toBe(String(br.body.length));
		expect(br.body.length).toBeLessThan(plain.body.length / 10);
		expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
		expect(br.headers.etag).toBe(plain.headers.etag);
		const afterBr = cache.bytes;
		expect(afterBr - afterPlain).toBe(br.body.length);
		// The same copy again: nothing more kept.
		const again = await get(s.base, '/br?pad=5000', { 'accept-encoding': 'br' });
		expect(again.body.equals(br.body)).toBe(true);
		expect(cache.bytes).toBe(afterBr);
		const gz = await get(s.base, '/br?pad=5000', { 'accept-encoding': 'gzip;q=1, br;q=0.5' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
		expect(cache.bytes - afterBr).toBe(gz.body.length);
		// HEAD: the headers of the body as it is.
		const head = await get(s.base, '/br?pad=5000', { 'accept-encoding': 'br' }, 'HEAD');
		expect(head.headers['content-encoding']).toBeUndefined();
		expect(head.headers['content-length']).toBe(String(plain.body.length));
	});

	it('sends a small body or one marked no-transform as it is, as the middleware would', async () => {
		expect.hasAssertions();
		await get(s.base, '/tiny');
		const tiny = await get(s.base, '/tiny', { 'accept-encoding': 'br' });
		expect(tiny.headers['x-cache']).toBe('hit');
		expect(tiny.headers['content-encoding']).toBeUndefined();
		expect(tiny.body.toString()).toBe('<p>page /tiny render 1</p>');
		await get(s.base, '/nt?pad=3000&cc=no-transform');
		const nt = await get(s.base, '/nt?pad=3000&cc=no-transform', { 'accept-encoding': 'br' });
		expect(nt.headers['x-cache']).toBe('hit');
		expect(nt.headers['content-encoding']).toBeUndefined();
	});

	it('keeps a page whose status line the app left implicit (no writeHead)', async () => {
		expect.hasAssertions();
		const first = await get(s.base, '/implicit?implicit=1');
		const again = await get(s.base, '/implicit?implicit=1');
		expect(again.headers['x-cache']).toBe('hit');
		expect(again.body.toString()).toBe(first.body.toString());
		expect(again.body.toString()).toBe('<p>page /implicit?implicit=1 render 1</p>');
	});
});

describe('PageCache: what is never kept', () => {
	it.each([
		['a 404', '/missing?status=404'],
		['a 400', '/pay?source=bad&status=400'],
		['a redirect', '/pay/?status=308'],
		['a 500', '/pay?status=500'],
		['a 304 of the app', '/pay?status=304'],
		['a page that sets a cookie', '/pay?cookie=1'],
		['a page that varies by Accept', '/pay?vary=Accept'],
		['a page that varies by Accept and Accept-Encoding', '/pay?vary=accept-encoding,%20accept'],
		['a page the app compressed itself', '/pay?enc=br'],
		['a non-HTML answer at a page path', '/feed?type=text/plain'],
		['a non-HTML answer, implicit status line', '/feed?type=text/plain&implicit=1'],
		['HTML at a __data.json path', '/pay/__data.json?type=text/html'],
		['a __data.json holding a load’s error (status 200)', '/pay/__data.json?node=error'],
		['a __data.json holding a redirect (status 200)', '/pay/__data.json?node=redirect'],
		['a path with a file extension', '/robots.txt'],
		['a static file under /_app/', '/_app/immutable/x'],
		['the API', '/api/summary.json?by=region&type=application/json']
	])('%s', async (_, path) => {
		expect.hasAssertions();
		await get(s.base, path);
		let again!: Answer;
		expect(await rendersDuring(async () => (again = await get(s.base, path)))).toBe(1);
		expect(again.headers['x-cache']).toBeUndefined();
	});

	it('HEAD before any GET goes to the app and keeps nothing', async () => {
		expect.hasAssertions();
		expect(await rendersDuring(() => get(s.base, '/head-first', {}, 'HEAD'))).toBe(1);
		expect(await rendersDuring(() => get(s.base, '/head-first'))).toBe(1);
	});

	it('other methods pass through', async () => {
		expect.hasAssertions();
		await get(s.base, '/posted');
		expect(await rendersDuring(() => get(s.base, '/posted', {}, 'POST'))).toBe(1);
	});

	it('requests with a Cookie or Authorization header are neither served from nor kept in the cache', async () => {
		expect.hasAssertions();
		await get(s.base, '/creds');
		const credentials: Record<string, string>[] = [{ cookie: 'session=1' }, { authorization: 'Basic eDp5' }];
		for (const h of credentials) {
			let r!: Answer;
			expect(await rendersDuring(async () => (r = await get(s.base, '/creds', h)))).toBe(1);
			expect(r.headers['x-cache']).toBeUndefined();
		}
		expect(await rendersDuring(() => get(s.base, '/creds-only', { cookie: 'a=1' }))).toBe(1);
		expect(await rendersDuring(() => get(s.base, '/creds-only'))).toBe(1);
	});

	it('a request target in absolute form is passed on', async () => {
		expect.hasAssertions();
		const fake = { method: 'GET', url: 'http://example.com/pay', headers: {} } as IncomingMessage;
		const res = {} as ServerResponse;
		expect(cache.serve(fake, res)).toBe(false);
		cache.record(fake, res);
		expect(res).toEqual({});
	});
});

describe('chooseEncoding: as the compression middleware negotiates', () => {
	it.each([
		[undefined, 'identity'],
		['', 'identity'],
		['gzip, deflate, br, zstd', 'br'],
		['gzip, deflate', 'gzip'],
		['br;q=0.5, gzip', 'gzip'],
		['BR;Q=0.9, gzip;q=0.9', 'br'],
		['br;q=0, gzip;q=0', 'identity'],
		['*', 'br'],
		['*;q=0.5, br;q=0', 'gzip'],
		['deflate', 'identity'],
		['identity', 'identity'],
		['br;q=abc, gzip', 'gzip'],
		['br;q=abc', 'identity']
	] as const)('%s → %s', (header, encoding) => {
		expect.hasAssertions();
		expect(chooseEncoding(header)).toBe(encoding);
	});
});

describe('PageCache: bounds', () => {
	it('holds at most maxEntries, least recently used out', async () => {
		expect.hasAssertions();
		const small = new PageCache(3, 1_000_000);
		const t = await start(small);
		try {
			for (const p of ['/a', '/b', '/c']) await get(t.base, p);
			await get(t.base, '/a'); // /a is now the most recent
			await get(t.base, '/d'); // 4 > 3: /b goes
			expect(small.size).toBe(3);
			expect(await rendersDuring(() => get(t.base, '/a'))).toBe(0);
			expect(await rendersDuring(() => get(t.base, '/c'))).toBe(0);
			expect(await rendersDuring(() => get(t.base, '/d'))).toBe(0);
			expect(await rendersDuring(() => get(t.base, '/b'))).toBe(1);
		} finally {
			await stop(t);
		}
	});

	it('holds at most maxBytes (bodies, keys and headers counted); a page larger than the budget is not kept', async () => {
		expect.hasAssertions();
		const small = new PageCache(100, 5_000);
		const t = await start(small);
		try {
			const one = await get(t.base, '/p1?pad=1500');
			const perEntry = small.bytes;
			// The body plus the key plus every kept header, so more than the body alone.
			expect(perEntry).toBeGreaterThan(one.body.length + '/p1?pad=1500'.length);
			expect(perEntry).toBeLessThan(one.body.length + 600);
			for (const p of ['/p2?pad=1500', '/p3?pad=1500', '/p4?pad=1500']) await get(t.base, p);
			expect(small.bytes).toBeLessThanOrEqual(5_000);
			expect(small.size).toBe(Math.floor(5_000 / perEntry));
			expect(await rendersDuring(() => get(t.base, '/p4?pad=1500'))).toBe(0);
			expect(await rendersDuring(() => get(t.base, '/p1?pad=1500'))).toBe(1);
			await get(t.base, '/huge?pad=6000');
			expect(await rendersDuring(() => get(t.base, '/huge?pad=6000'))).toBe(1);
			expect(small.bytes).toBeLessThanOrEqual(5_000);
		} finally {
			await stop(t);
		}
	});
});
