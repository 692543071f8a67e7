/**
 * The production server as a supervisor sees it: it checks the data it serves at start,
 * refuses altered salaries (exit 1, one clear line), degrades per source when an Indeed
 * or CPI file is missing or altered, says how to choose another port and what PORT and HOST
 * accept, never exits 0 when stopped by a signal, keeps serving when its log cannot be
 * written, and logs one short line per client error. Each case starts `node server/index.js` on its own free port
 * with a copy of the data cache (symlinks, one file changed).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { expect, test } from './fixtures';
import { rawRequest } from './raw-http';
import { dataCopy, removeDir, startServer, stopServer } from './server-process';

const SALARIES = 'aijobs-salaries/salaries.csv';
const AI_SHARE = 'indeed-ai-tracker/AI_posting.csv';
const CPI = 'us-cpi/cpiai.csv';

/** No server path may reach a client or a log line: only names inside the data cache. */
function expectNoServerPath(text: string, dataDir: string) {
	expect(text).not.toContain(dataDir);
	expect(text).not.toContain(process.cwd());
}

test.describe.configure({ timeout: 120_000 });

test('one altered byte in the salaries: the server refuses to start, exit 1, naming the file', async () => {
	// The probe's change: one 2024 work year made 2021.
	const dir = dataCopy({ edit: { [SALARIES]: (t) => t.replace(/\n2024,/, '\n2021,') } });
	try {
		const s = await startServer({ DATA_CACHE_DIR: dir });
		expect(s.base).toBeNull();
		expect(await s.exit).toEqual({ code: 1, signal: null });
		const lines = s.output().trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain(`${SALARIES} does not match its pinned sha256`);
		expect(lines[0]).toContain('npm run data');
		expectNoServerPath(s.output(), dir);
	} finally {
		removeDir(dir);
	}
});

test('salaries missing: exit 1 saying to run npm run data', async () => {
	const dir = dataCopy({ remove: [SALARIES] });
	try {
		const s = await startServer({ DATA_CACHE_DIR: dir });
		expect(s.base).toBeNull();
		expect((await s.exit).code).toBe(1);
		expect(s.output()).toContain(`${SALARIES} is missing from the data cache; run "npm run data"`);
		expectNoServerPath(s.output(), dir);
	} finally {
		removeDir(dir);
	}
});

test('Indeed AI tracker missing: salary pages and the API work; /demand names the file', async ({ request }) => {
	const dir = dataCopy({ remove: [AI_SHARE] });
	const s = await startServer({ DATA_CACHE_DIR: dir });
	try {
		expect(s.base).not.toBeNull();
		expect(s.output()).toContain(`data: The data file ${AI_SHARE} is missing`);
		for (const path of ['/', '/pay', '/trends', '/titles', '/methodology', '/api/summary.csv?by=region', '/api/summary.json?real=1']) {
			const res = await request.get(`${s.base}${path}`);
			expect(res.status(), path).toBe(200);
		}
		const demand = await request.get(`${s.base}/demand`);
		expect(demand.status()).toBe(200);
		const html = await demand.text();
		// Named exactly once where the chart would be (the layout's list of unusable files has no such prefix).
		expect(
			html.split(`Indeed data unavailable: The data file ${AI_SHARE} is missing from the data cache; run "npm run data"`)
		).toHaveLength(2);
		// The salary part of the page is still there.
		expect(html).toContain('Demand by company type (aijobs.net reports)');
		expectNoServerPath(html, dir);
	} finally {
		await stopServer(s);
		removeDir(dir);
	}
});

test('CPI missing: nominal pay everywhere; real=1 is a plain-text 503 in the API and a redirect to nominal pay with a notice on pages', async ({
	request
}) => {
	const dir = dataCopy({ remove: [CPI] });
	const s = await startServer({ DATA_CACHE_DIR: dir });
	try {
		expect(s.base).not.toBeNull();
		const nominal = await request.get(`${s.base}/api/summary.csv?by=work_year`);
		expect(nominal.status()).toBe(200);
		expect(await nominal.text()).toContain('nominal US$');

		for (const endpoint of ['summary.csv', 'summary.json', 'summary.meta.json']) {
			const res = await request.get(`${s.base}/api/${endpoint}?by=work_year&real=1`);
			expect(res.status(), endpoint).toBe(503);
			expect(res.headers()['content-type']).toBe('text/plain; charset=utf-8');
			const body = await res.text();
			expect(body).toContain(`Real (inflation-adjusted) pay is unavailable. The data file ${CPI} is missing`);
			expect(body.length).toBeLessThan(400);
			expectNoServerPath(body, dir);
		}

		// real=1 on a page redirects to the nominal view, which says why.
		const redirected = await request.get(`${s.base}/trends?real=1&size=M`, { maxRedirects: 0 });
		expect(redirected.status()).toBe(307);
		expect(redirected.headers()['location']).toBe('/trends?size=M');
		const page = await request.get(`${s.base}/trends?real=1`);
		expect(page.status()).toBe(200);
		expect(new URL(page.url()).search).toBe('');
		const html = await page.text();
		expect(html).toContain('Real (inflation-adjusted) pay is unavailable; pay is shown in nominal dollars.');
		expect(html).toContain(CPI);
		expectNoServerPath(html, dir);
		for (const path of ['/', '/pay', '/demand', '/methodology']) expect((await request.get(`${s.base}${path}`)).status(), path).toBe(200);
	} finally {
		await stopServer(s);
		removeDir(dir);
	}
});

test('an altered CPI file is refused like a missing one', async ({ request }) => {
	const dir = dataCopy({ edit: { [CPI]: (t) => t.replace(/\d(\r?\n)/, '7$1') } });
	const s = await startServer({ DATA_CACHE_DIR: dir });
	try {
		expect(s.output()).toContain(`${CPI} does not match its pinned sha256`);
		const res = await request.get(`${s.base}/api/summary.csv?real=1`);
		expect(res.status()).toBe(503);
		expect(await res.text()).toContain(`${CPI} does not match its pinned sha256`);
	} finally {
		await stopServer(s);
		removeDir(dir);
	}
});

test('port in use: one line naming the port and PORT=, exit 1', async () => {
	const blocker = createServer();
	await new Promise<void>((res) => blocker.listen(0, '127.0.0.1', res));
	const port = (blocker.address() as { port: number }).port;
	try {
		const s = await startServer({ PORT: String(port) });
		expect(s.base).toBeNull();
		expect(await s.exit).toEqual({ code: 1, signal: null });
		const lines = s.output().trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toBe(`server: port ${port} is already in use; choose another with PORT=<port>, e.g. PORT=${port + 1} npm start`);
	} finally {
		blocker.close();
	}
});

test('stopped by SIGTERM or SIGINT: the process dies by that signal (a shell sees 143/130), not exit 0', async () => {
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		const s = await startServer({});
		expect(s.base).not.toBeNull();
		s.child.kill(signal);
		expect(await s.exit).toEqual({ code: null, signal });
	}
});

const PORT_HELP = 'use a whole number from 0 to 65535 (0 = any free port), or leave PORT unset for 3000.';

test('a bad PORT: one line naming PORT and the allowed range, exit 1, no stack trace', async () => {
	for (const value of ['abc', '99999', '-1', '', '1.5', '65536', '0x50', ' 80']) {
		const s = await startServer({ PORT: value });
		expect(s.base, value).toBeNull();
		expect(await s.exit, value).toEqual({ code: 1, signal: null });
		expect(s.output(), value).toBe(`server: PORT=${JSON.stringify(value)} is not a port number; ${PORT_HELP}\n`);
	}
});

test('a bad HOST: one line naming HOST, exit 1', async () => {
	for (const value of ['', 'a b']) {
		const s = await startServer({ HOST: value });
		expect(s.base, value).toBeNull();
		expect(await s.exit, value).toEqual({ code: 1, signal: null });
		const lines = s.output().trim().split('\n');
		expect(lines, value).toHaveLength(1);
		expect(lines[0]).toMatch(
			new RegExp(`^server: HOST=${JSON.stringify(value)} is not a host name or address; use e\\.g\\. HOST=127\\.0\\.0\\.1`)
		);
	}
	// A name that does not resolve is found only when listening, after the data loaded.
	const s = await startServer({ HOST: 'nonexistent.invalid' });
	expect(s.base).toBeNull();
	expect(await s.exit).toEqual({ code: 1, signal: null });
	expect(s.output()).toMatch(
		/^server: HOST="nonexistent\.invalid" is not a known host name \((ENOTFOUND|EAI_AGAIN)\); use e\.g\. HOST=127\.0\.0\.1/m
	);
	expect(s.output()).not.toMatch(/^\s+at /m);
});

async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((res) => probe.listen(0, '127.0.0.1', res));
	const port = (probe.address() as { port: number }).port;
	await new Promise<void>((res) => probe.close(() => res()));
	return port;
}

test('a log that cannot be written (stdout and stderr on /dev/full) never stops the server', async () => {
	test.skip(!existsSync('/dev/full'), 'needs /dev/full (Linux)');
	const port = await freePort();
	const full = openSync('/dev/full', 'w');
	const child = spawn(process.execPath, ['server/index.js'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
		stdio: ['ignore', full, full]
	});
	closeSync(full);
	const exit = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
	const base = `http://127.0.0.1:${port}`;
	try {
		await expect.poll(async () => (await rawRequest(`${base}/favicon.svg`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
		// Each of these logs a line (ENOSPC); before, the second one ended the process with exit 1.
		for (const path of ['/nope', '/nope', '/%zz', '/no/such/page', '/%zz']) {
			expect((await rawRequest(`${base}${path}`)).status, path).toBeGreaterThanOrEqual(400);
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(child.exitCode).toBeNull();
		expect((await rawRequest(`${base}/api/summary.csv?by=region`)).status).toBe(200);
	} finally {
		child.kill('SIGTERM');
		await exit;
	}
});

test('client errors log one short line each: URL cut, no stack trace, no server path', async () => {
	const s = await startServer({});
	try {
		const long = `/${'a'.repeat(15_000)}`;
		const asked = ['/nope', long, '/%zz', '/%zz', '/%zz', '/api/nope?x=%0a'];
		for (const path of asked) expect((await rawRequest(`${s.base}${path}`)).status, path.slice(0, 20)).toBeGreaterThanOrEqual(400);
		await new Promise((r) => setTimeout(r, 300));
		const log = s.output().slice(s.output().indexOf('\n', s.output().indexOf('Listening on')) + 1);
		const lines = log.trimEnd().split('\n');
		expect(lines).toEqual([
			'[404] GET /nope',
			`[404] GET /${'a'.repeat(199)}… (15,001 characters)`,
			'[400] GET /%zz: Failed to decode URI: /%zz',
			'[400] GET /%zz: Failed to decode URI: /%zz',
			'[400] GET /%zz: Failed to decode URI: /%zz',
			'[404] GET /api/nope?x=%0a'
		]);
		expect(log).not.toContain(process.cwd());
		expect(Buffer.byteLength(log)).toBeLessThan(600);
	} finally {
		await stopServer(s);
	}
});
