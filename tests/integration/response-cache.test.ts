/** server/response-cache.js in a real Node HTTP server on loopback, with a stand-in app that counts its calls. */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../server/response-cache.js';

let server: Server;
let base = '';
let calls = 0;
const cache = new ResponseCache(3, 10_000);

/** The stand-in app: the body names the URL; ?status=, ?etag=no and ?cc= change what it answers. */
function app(req: IncomingMessage, res: ServerResponse) {
	calls++;
	const url = new URL(req.url!, 'http://x');
	const body = `body of ${req.url}`;
	res.setHeader('content-type', 'text/csv; charset=utf-8');
	res.setHeader('content-disposition', 'attachment; filename="x.csv"');
	if (url.searchParams.get('etag') !== 'no') res.setHeader('etag', `"${Buffer.from(body).toString('hex').slice(-16)}"`);
	res.setHeader('cache-control', url.searchParams.get('cc') ?? 'public, max-age=60');
	res.writeHead(Number(url.searchParams.get('status') ?? 200));
	res.write(body.slice(0, 5));
	res.end(body.slice(5));
}

beforeAll(async () => {
	server = createServer((req, res) => {
		if (!cache.serveOrRecord(req, res)) app(req, res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
	return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
		const req = request(`${base}${path}`, { headers, method }, (res) => {
			let body = '';
			res.on('data', (c) => (body += c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('ResponseCache', () => {
	it('replays a cacheable API response byte for byte, with its headers, without calling the app', async () => {
		expect.hasAssertions();
		const before = calls;
		const first = await get('/api/summary.csv?by=region');
		const second = await get('/api/summary.csv?by=region');
		expect(calls - before).toBe(1);
		expect(first.headers['x-cache']).toBeUndefined();
		expect(second.headers['x-cache']).toBe('hit');
		expect(second.body).toBe(first.body);
		expect(second.body).toBe('body of /api/summary.csv?by=region');
		for (const h of ['content-type', 'etag', 'cache-control', 'content-disposition']) expect(second.headers[h]).toBe(first.headers[h]);
		expect(second.headers['content-length']).toBe(String(first.body.length));
	});

	it('answers a matching If-None-Match from the cache with 304', async () => {
		expect.hasAssertions();
		const first = await get('/api/summary.json?by=country');
		const before = calls;
		const again = await get('/api/summary.json?by=country', { 'if-none-match': `"zz", ${String(first.headers.etag)}` });
		expect(again.status).toBe(304);
		expect(again.body).toBe('');
		expect(again.headers.etag).toBe(first.headers.etag);
		expect(calls).toBe(before);
	});

	it.each([
		['another path', '/api/summary.meta.json?by=x'],
		['a page', '/pay'],
		['an error status', '/api/summary.csv?status=400'],
		['no ETag', '/api/summary.csv?etag=no'],
		['no public Cache-Control', '/api/summary.csv?cc=no-store']
	])('does not keep %s', async (_, path) => {
		expect.hasAssertions();
		await get(path);
		const before = calls;
		await get(path);
		expect(calls - before).toBe(1);
	});

	it('leaves HEAD to the app', async () => {
		expect.hasAssertions();
		await get('/api/summary.csv?by=none');
		const before = calls;
		await get('/api/summary.csv?by=none', {}, 'HEAD');
		expect(calls - before).toBe(1);
	});

	it('stays within its bounds, dropping the least recently used', async () => {
		expect.hasAssertions();
		for (const by of ['a', 'b', 'c', 'd', 'e']) await get(`/api/summary.csv?by=${by}`);
		expect(cache.size).toBeLessThanOrEqual(3);
		expect(cache.bytes).toBeLessThanOrEqual(10_000);
		const before = calls;
		await get('/api/summary.csv?by=e'); // most recent: kept
		await get('/api/summary.csv?by=a'); // oldest: gone
		expect(calls - before).toBe(1);
	});
});
