/**
 * The page cache of the production server (server/page-cache.js) on the real app: a page
 * asked for again comes from the cache with the bytes the app rendered; the same view spelt
 * differently is one entry, and the app really renders the same bytes for each spelling
 * (`Cache-Control: no-cache` makes the server render again, so the two can be compared);
 * errors and redirects are never kept. Raw node:http requests, so nothing decompresses or
 * adds headers behind the test's back.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { header, rawRequest, type Raw } from './raw-http';

let base = '';
test.beforeAll(({ baseURL }) => {
	base = baseURL!;
});

const raw = (path: string, headers: Record<string, string> = {}, method = 'GET') => rawRequest(`${base}${path}`, { headers, method });
/** Rendered by the app now, whatever the cache holds (and kept for the next request). */
const rendered = (path: string) => raw(path, { 'cache-control': 'no-cache' });

function expectSameAnswer(hit: Raw, fresh: Raw, what: string) {
	expect(hit.status, what).toBe(200);
	expect(hit.body.equals(fresh.body), `${what}: same bytes`).toBe(true);
	for (const h of ['content-type', 'etag', 'cache-control', 'content-security-policy', 'link'])
		expect(header(hit, h), `${what}: ${h}`).toBe(header(fresh, h));
}

test.describe('page cache', () => {
	for (const path of [
		'/',
		'/pay',
		'/trends?size=M&real=1',
		'/demand',
		'/pay/__data.json',
		'/pay/__data.json?exp=SE&x-sveltekit-invalidated=01'
	])
		test(`${path}: the second request is served from the cache, byte-identical to the first`, async () => {
			const first = await rendered(path);
			expect(first.status).toBe(200);
			expect(first.headers['x-cache']).toBeUndefined();
			const second = await raw(path);
			expect(header(second, 'x-cache')).toBe('hit');
			expectSameAnswer(second, first, path);
			expect(header(second, 'content-length')).toBe(String(first.body.length));
		});

	test('a kept page is sent compressed as a browser asks (brotli, else gzip), decoding to the bytes the app rendered', async () => {
		const fresh = await rendered('/pay?exp=MI');
		const br = await raw('/pay?exp=MI', { 'accept-encoding': 'gzip, deflate, br, zstd' });
		expect(header(br, 'x-cache')).toBe('hit');
		expect(header(br, 'content-encoding')).toBe('br');
		expect(header(br, 'vary')).toBe('Accept-Encoding');
		expect(brotliDecompressSync(br.body).equals(fresh.body)).toBe(true);
		expect(br.body.length).toBeLessThan(fresh.body.length / 4);
		const gz = await raw('/pay?exp=MI', { 'accept-encoding': 'gzip' });
		expect(header(gz, 'content-encoding')).toBe('gzip');
		expect(gunzipSync(gz.body).equals(fresh.body)).toBe(true);
	});

	test('a kept page answers If-None-Match with 304 and no other CSP, and HEAD with its headers', async () => {
		const page = await rendered('/titles');
		const etag = header(page, 'etag');
		expect(etag).toMatch(/^"[^"]+"$/);
		const again = await raw('/titles', { 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(header(again, 'x-cache')).toBe('hit');
		expect(again.body.length).toBe(0);
		expect([undefined, header(page, 'content-security-policy')]).toContain(again.headers['content-security-policy']);
		const head = await raw('/titles', {}, 'HEAD');
		expect(head.status).toBe(200);
		expect(header(head, 'x-cache')).toBe('hit');
		expect(header(head, 'content-length')).toBe(String(page.body.length));
		expect(head.body.length).toBe(0);
	});

	const VARIANTS: [string, string[]][] = [
		['/pay?size=S,M', ['/pay?size=m,s', '/pay?size=S%2CM', '/pay?size=%20M%20,,s,M&', '/pay?size=S,M&titles=family&dedupe=0&from=']],
		['/?country=GB,US&exp=SE', ['/?exp=se&country=us,gb', '/?country=gb%2CUS&exp=SE&source=builtin']],
		['/trends?region=europe&real=1', ['/trends?real=TRUE&region=EUROPE']],
		['/pay?scale=log&size=L', ['/pay?size=l&scale=log']],
		['/pay?size=S&source=yours', ['/pay?source=YOURS&size=s']],
		['/pay/__data.json?size=S,M&x-sveltekit-invalidated=01', ['/pay/__data.json?x-sveltekit-invalidated=01&size=m,s']]
	];
	for (const [canonical, variants] of VARIANTS)
		test(`${canonical}: each spelling renders the same bytes, and is served from one entry`, async () => {
			const fresh = await rendered(canonical);
			expect(fresh.status).toBe(200);
			// What the app renders for each spelling: the bytes of the canonical view.
			for (const v of variants) expectSameAnswer(await rendered(v), fresh, `${v} rendered`);
			// Kept once: the canonical link is a hit after the last spelling was rendered, and so is every spelling.
			await rendered(variants.at(-1)!);
			for (const v of [canonical, ...variants]) {
				const hit = await raw(v);
				expect(header(hit, 'x-cache'), v).toBe('hit');
				expectSameAnswer(hit, fresh, `${v} from the cache`);
			}
		});

	test('different spellings the page tells apart (an invalid value it quotes) stay apart', async () => {
		const lower = await rendered('/pay?size=m,xx');
		const upper = await rendered('/pay?size=M,XX');
		expect(lower.status).toBe(200);
		expect(lower.body.toString()).toContain('"xx" is not allowed');
		expect(upper.body.toString()).toContain('"XX" is not allowed');
		expect((await raw('/pay?size=m,xx')).body.equals(lower.body)).toBe(true);
		expect((await raw('/pay?size=M,XX')).body.equals(upper.body)).toBe(true);
	});

	for (const [what, path, status] of [
		['a 400 (unknown source)', '/pay?source=theirs', 400],
		['a 404', '/no/such/page', 404],
		['a redirect (trailing slash)', '/pay/', 308],
		['a malformed URL', '/%zz', 400],
		// SvelteKit sends a load's error in page data with status 200, inside the JSON.
		['page data holding a 400', '/pay/__data.json?source=theirs', 200]
	] as const)
		test(`${what} is not kept`, async () => {
			for (let i = 0; i < 2; i++) {
				const r = await raw(path);
				expect(r.status, `${path} #${i + 1}`).toBe(status);
				expect(r.headers['x-cache'], `${path} #${i + 1}`).toBeUndefined();
			}
		});

	test('a request with a cookie is answered by the app', async () => {
		await rendered('/methodology');
		expect(header(await raw('/methodology'), 'x-cache')).toBe('hit');
		const withCookie = await raw('/methodology', { cookie: 'theme=dark' });
		expect(withCookie.status).toBe(200);
		expect(withCookie.headers['x-cache']).toBeUndefined();
	});
});
