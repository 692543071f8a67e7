/**
 * `npm run bench:ui` (`tsx scripts/bench-ui.ts [--changes N] [--json]`): how long a filter change
 * takes from the click to the chart painted, in Debian's Chromium against the built server
 * (run `npm run build` first), before and after the built-in data reaches the browser.
 *
 * - before: the built-in data packs are refused, so every change is a server round trip
 *   (GET /api/pages/<page>), as every change was before the page runtime, except a change back to
 *   the URL the server rendered, whose model the page still has;
 * - after: the packs have arrived and the page has been drawn again on the worker's model
 *   (html[data-builtin="ready"], see DataRuntime.warmUp), and the worker computes the change;
 * - your-1m: a 1,000,000-row salaries file kept on /data (`npm run upload-files` writes it;
 *   skipped without it), source=yours.
 * Per page (/, /pay, /trends) it toggles the filter panel's checkboxes in turn, each on then off, N changes in all
 * (default 60, spread over the pages), and measures in the page: the click, then the first
 * animation frame after the URL has changed, the page's content has changed and the page is no
 * longer busy (requestAnimationFrame after the DOM change). It also reads the longest main-thread
 * task (PerformanceObserver 'longtask') during the changes, the bytes of the first view (every
 * response until the load event, as sent on the wire) and of the packs. Prints a table (or JSON).
 * Figures, not assertions: the machine may be busy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : dflt;
};
const CHANGES = arg('changes', 60);
const JSON_OUT = args.includes('--json');
const BIG = resolve(process.env.DATA_CACHE_DIR ?? '.data-cache', 'upload-big/salaries-1m.csv');
const PAGES = ['/', '/pay', '/trends'] as const;

function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const s = createServer();
		s.on('error', fail);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => ok(port));
		});
	});
}

async function startServer(): Promise<{ base: string; child: ChildProcess }> {
	if (!existsSync('build/handler.js')) throw new Error('build/ is missing: run npm run build first');
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['server/index.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(`${base}/api/cpi.json`)).ok) return { base, child };
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill();
	throw new Error('the server did not start');
}

/** Bytes of a response body as sent when a browser asks (brotli or gzip), not decompressed. */
function wireBytes(url: string): Promise<number> {
	return new Promise((ok, fail) => {
		get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
			let n = 0;
			res.on('data', (c: Buffer) => (n += c.length));
			res.on('end', () => ok(n));
		}).on('error', fail);
	});
}

const quantile = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	if (s.length === 0) return NaN;
	const h = (s.length - 1) * p;
	return s[Math.floor(h)]! + (s[Math.ceil(h)]! - s[Math.floor(h)]!) * (h - Math.floor(h));
};

/** In the page: click the element, resolve with ms to the first frame after the view has changed. */
async function timedClick(page: Page, index: number): Promise<number> {
	return page.evaluate(async (i) => {
		const main = document.querySelector('main')!;
		const boxes = [...document.querySelectorAll<HTMLInputElement>('aside input[type=checkbox]')];
		const box = boxes[i % boxes.length]!;
		const search = location.search;
		let changed = false;
		const mo = new MutationObserver(() => (changed = true));
		mo.observe(main, { subtree: true, childList: true, characterData: true });
		const t0 = performance.now();
		box.click();
		return new Promise<number>((ok) => {
			const tick = () => {
				if (location.search !== search && changed && main.getAttribute('aria-busy') !== 'true') {
					mo.disconnect();
					requestAnimationFrame(() => ok(performance.now() - t0));
				} else requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		});
	}, index);
}

interface Run {
	readonly mode: string;
	readonly changes: number[];
	/** Per page: its changes' times. */
	readonly byPage: Readonly<Record<string, number[]>>;
	readonly longestTaskMs: number;
	readonly firstViewBytes: number | null;
	readonly packBytes: number | null;
	readonly dataRequests: number;
}

async function run(browser: Browser, base: string, mode: 'before' | 'after' | 'your-1m'): Promise<Run> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	// tsx keeps function names with a helper (__name) that functions sent to the page also call.
	await context.addInitScript(() => ((globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f));
	const page = await context.newPage();
	// The packs refused (only they are intercepted): the worker's fetch too, which DevTools' blocked
	// URLs (Network.setBlockedURLs on the page) let through, so that "before" measured the worker
	// on most changes until 2026-12-07.
	if (mode === 'before') await context.route('**/api/builtin/**', (r) => r.abort());
	let packBytes: number | null = null;
	let dataRequests = 0;
	page.on('requestfinished', async (req) => {
		const u = new URL(req.url());
		if (u.pathname.startsWith('/api/builtin/salaries-')) {
			// The worker's fetch: Chromium reports no sizes for it (0), so ask the server for the same bytes as a browser would.
			const sizes = await req.sizes();
			if (sizes.responseBodySize > 0) packBytes = sizes.responseBodySize + sizes.responseHeadersSize;
			else {
				packBytes = await wireBytes(req.url());
			}
		}
		if (u.pathname.startsWith('/api/pages/') || u.pathname.endsWith('__data.json')) dataRequests++;
	});
	if (mode === 'your-1m') {
		await page.goto(`${base}/data`);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByLabel('CSV file').setInputFiles(BIG);
		await page.waitForFunction(() => performance.getEntriesByName('your-data:stored').length > 0, null, { timeout: 300_000 });
	}
	const changes: number[] = [];
	const byPage: Record<string, number[]> = {};
	let longest = 0;
	let firstViewBytes: number | null = null;
	const perPage = Math.ceil(CHANGES / PAGES.length);
	for (const path of PAGES) {
		const url = `${base}${path}${mode === 'your-1m' ? '?source=yours' : ''}`;
		await page.goto(url, { waitUntil: 'load' });
		// Bytes of the first view: the document and every resource until the load event, as sent (Resource Timing's transferSize);
		// not in "before", whose intercepted packs turn Playwright's HTTP cache off and change what is measured.
		if (path === '/pay' && mode === 'after')
			firstViewBytes = await page.evaluate(() =>
				[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
					.filter((e) => e.startTime <= (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart)
					.reduce((a, e) => a + (e as PerformanceResourceTiming).transferSize, 0)
			);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		if (mode === 'after') await page.locator('html[data-builtin="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
		if (mode === 'your-1m') await page.getByTestId('your-page').waitFor({ timeout: 120_000 });
		await page.evaluate(() => {
			const w = window as unknown as { __longest: number };
			w.__longest = 0;
			new PerformanceObserver((l) => {
				for (const e of l.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
			}).observe({ type: 'longtask', buffered: false });
		});
		if (mode !== 'before') dataRequests = 0;
		// Each option twice in a row: on, then off again (the view goes back to where it was).
		byPage[path] = [];
		for (let i = 0; i < perPage; i++) {
			const ms = await timedClick(page, Math.floor(i / 2));
			changes.push(ms);
			byPage[path].push(ms);
		}
		longest = Math.max(longest, await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
	}
	await context.close();
	return { mode, changes, byPage, longestTaskMs: longest, firstViewBytes, packBytes, dataRequests };
}

async function main() {
	const { base, child } = await startServer();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	try {
		const runs: Run[] = [];
		for (const mode of ['before', 'after', 'your-1m'] as const) {
			if (mode === 'your-1m' && !existsSync(BIG)) {
				if (!JSON_OUT) console.log(`your-1m: skipped (${BIG} is missing: run npm run upload-files)`);
				continue;
			}
			runs.push(await run(browser, base, mode));
		}
		const rows = runs.map((r) => ({
			mode: r.mode,
			changes: r.changes.length,
			p50_ms: Math.round(quantile(r.changes, 0.5)),
			p95_ms: Math.round(quantile(r.changes, 0.95)),
			max_ms: Math.round(Math.max(...r.changes)),
			longest_task_ms: Math.round(r.longestTaskMs),
			data_requests: r.dataRequests,
			first_view_bytes: r.firstViewBytes,
			pack_bytes: r.packBytes,
			by_page: Object.fromEntries(
				Object.entries(r.byPage).map(([p, xs]) => [p, { p50_ms: Math.round(quantile(xs, 0.5)), p95_ms: Math.round(quantile(xs, 0.95)) }])
			)
		}));
		if (JSON_OUT)
			console.log(JSON.stringify({ date: new Date().toISOString(), cpus: (await import('node:os')).cpus().length, runs: rows }, null, 2));
		else {
			console.log(
				'mode      changes  p50 ms  p95 ms  max ms  longest task ms  page-data requests  first view bytes (/pay)  pack bytes (salaries)'
			);
			for (const r of rows)
				console.log(
					`${r.mode.padEnd(9)} ${String(r.changes).padStart(7)} ${String(r.p50_ms).padStart(7)} ${String(r.p95_ms).padStart(7)} ${String(r.max_ms).padStart(7)} ${String(r.longest_task_ms).padStart(16)} ${String(r.data_requests).padStart(19)} ${String(r.first_view_bytes ?? '–').padStart(24)} ${String(r.pack_bytes ?? '–').padStart(22)}   ${Object.entries(
						r.by_page
					)
						.map(([p, v]) => `${p} ${v.p50_ms}/${v.p95_ms}`)
						.join('  ')}`
				);
		}
	} finally {
		await browser.close();
		child.kill();
	}
}

main().catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : String(err));
	process.exit(1);
});
