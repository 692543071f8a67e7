/**
 * The two ways to start the built app, as README's "Serving in production" describes them:
 * `node server` (server/index.js, what `npm start` and the other tests run) and adapter-node's
 * own `node build`, the start adapter-node documents and a Dockerfile often uses. What the
 * app answers carries the security headers under both (the handle hook); compression, the
 * headers on static files and the 405s for other methods come with `node server` only, and
 * `node build` says so when it starts.
 */
import { expect, test } from './fixtures';
import { expectSecurityHeaders, header, rawRequest } from './raw-http';
import { startServer, stopServer, type Started } from './server-process';

test.describe.configure({ timeout: 120_000 });

/** What the app itself answers: pages, page data, the API, its errors. */
const APP_ANSWERS = [
	{ path: '/pay', status: 200 },
	{ path: '/pay/__data.json', status: 200 },
	{ path: '/api/summary.csv?by=country', status: 200 },
	{ path: '/api/summary.meta.json?by=region', status: 200 },
	{ path: '/api/summary.csv?by=city', status: 400 },
	{ path: '/no/such/page', status: 404 },
	{ path: '/%zz', status: 400 }
];

const WARNING = 'server: started without server/index.js (e.g. "node build")';

/** Both entries: the security headers on every answer of the app, each with its own policy. */
async function expectAppAnswersHeaders(s: Started, entry: string) {
	expect(s.base).not.toBeNull();
	for (const { path, status } of APP_ANSWERS) {
		const r = await rawRequest(`${s.base}${path}`);
		expect(r.status, path).toBe(status);
		expectSecurityHeaders(r, `${entry} ${path}`);
		expect(header(r, 'content-type'), path).not.toBe('');
	}
	// Pages keep SvelteKit's own policy (script hashes); everything else the fallback.
	expect(header(await rawRequest(`${s.base}/pay`), 'content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
	expect(header(await rawRequest(`${s.base}/api/summary.csv`), 'content-security-policy')).toContain("default-src 'none'");
}

test('node server: security headers on every answer, compression, headers on static files, 405 for other methods, no warning', async () => {
	const s = await startServer({});
	try {
		await expectAppAnswersHeaders(s, 'node server');
		const page = await rawRequest(`${s.base}/pay`, { headers: { 'accept-encoding': 'gzip' } });
		expect(header(page, 'content-encoding')).toBe('gzip');
		const file = await rawRequest(`${s.base}/favicon.svg`);
		expect(file.status).toBe(200);
		expectSecurityHeaders(file, '/favicon.svg');
		const post = await rawRequest(`${s.base}/favicon.svg`, { method: 'POST' });
		expect(post.status).toBe(405);
		expect(header(post, 'allow')).toBe('GET, HEAD');
		expect(s.output()).not.toContain(WARNING);
	} finally {
		await stopServer(s);
	}
});

test('node build: security headers on every answer of the app; says at start what it leaves out, as README does', async () => {
	const s = await startServer({}, { entry: 'build' });
	try {
		await expectAppAnswersHeaders(s, 'node build');
		const lines = s.output().split('\n');
		expect(lines.filter((l) => l.startsWith(WARNING))).toHaveLength(1);
		expect(s.output()).toContain('Run "node server" (or "npm start") for all of it');
		// What the line and README say is left out, so both stay true.
		const page = await rawRequest(`${s.base}/pay`, { headers: { 'accept-encoding': 'gzip' } });
		expect(page.status).toBe(200);
		expect(page.headers['content-encoding']).toBeUndefined();
		const file = await rawRequest(`${s.base}/favicon.svg`);
		expect(file.status).toBe(200);
		expect(file.headers['content-security-policy']).toBeUndefined();
		expect(file.headers['x-content-type-options']).toBeUndefined();
		expect((await rawRequest(`${s.base}/favicon.svg`, { method: 'POST' })).status).toBe(200);
		// The app's logging is the same under both entries: one line per client error, no stack.
		expect(lines).toContain('[404] GET /no/such/page');
		expect(lines).toContain('[400] GET /%zz: Failed to decode URI: /%zz');
		expect(s.output()).not.toMatch(/^\s+at /m);
	} finally {
		await stopServer(s);
	}
	// adapter-node's graceful shutdown ends with exit 0 (node server dies by the signal).
	expect(await s.exit).toEqual({ code: 0, signal: null });
});
