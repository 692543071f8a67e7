/**
 * The upload worker in Debian's Chromium, before any page uses it: bundled on the fly with
 * esbuild into a blob worker, fed real `File`s through an <input type="file">. Checks the
 * protocol end to end (sniff → parse → transferred columns; not-CSV; cancel) and, on the
 * 1,000,000-row file of `npm run upload-files` when present, reports (does not assert) the
 * longest main-thread task while the worker parses, rows/s and the column bytes.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { expect, test, type Page } from '@playwright/test';

let workerJs = '';

test.beforeAll(async () => {
	const out = await build({
		entryPoints: [resolve('src/lib/workers/upload.ts')],
		bundle: true,
		format: 'iife',
		platform: 'browser',
		target: 'chrome120',
		write: false,
		logLevel: 'silent'
	});
	workerJs = out.outputFiles[0]!.text;
});

async function open(page: Page): Promise<void> {
	// A bare page on the app's origin, served by the test itself: no app page is involved.
	await page.route('**/__upload-worker-test', (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: '<!doctype html><title>upload worker</title><input type="file" aria-label="CSV file">'
		})
	);
	await page.goto('/__upload-worker-test');
	await page.evaluate((src) => {
		const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
		(window as unknown as { uploadWorker: Worker }).uploadWorker = new Worker(url);
	}, workerJs);
}

/** Sniff then parse the chosen file in the worker; resolves with a summary of the messages. */
function run(page: Page, opts: { cancelAfterProgress?: boolean } = {}) {
	return page.evaluate(
		({ cancelAfterProgress }) =>
			new Promise<Record<string, unknown>>((done) => {
				const w = (window as unknown as { uploadWorker: Worker }).uploadWorker;
				const file = (document.querySelector('input') as HTMLInputElement).files![0]!;
				let longest = 0;
				const obs = new PerformanceObserver((l) => {
					for (const e of l.getEntries()) longest = Math.max(longest, e.duration);
				});
				obs.observe({ type: 'longtask', buffered: false });
				const progress: { bytesRead: number; rowsRead: number; rowsPerSecond: number }[] = [];
				w.onmessage = (e: MessageEvent) => {
					const m = e.data;
					if (m.type === 'sniffed') {
						w.postMessage({ type: 'parse', file, sniff: m.sniff, mapping: m.sniff.detection.mapping });
					} else if (m.type === 'progress') {
						progress.push(m);
						if (cancelAfterProgress && progress.length === 1) w.postMessage({ type: 'cancel' });
					} else {
						obs.disconnect();
						const c = m.columns;
						done({
							type: m.type,
							code: m.code,
							message: m.message,
							report: m.report && { rowsRead: m.report.rowsRead, accepted: m.report.accepted, rejected: m.report.rejected },
							n: c?.n,
							titleIsInt32: c ? c.title.codes instanceof Int32Array : null,
							firstTitle: c ? c.title.dict[c.title.codes[0]] : null,
							firstPosted: c?.postedMs ? c.postedMs[0] : null,
							columnBytes: c
								? Object.values(c).reduce(
										(s: number, v: unknown) =>
											s +
											(ArrayBuffer.isView(v)
												? v.byteLength
												: v && typeof v === 'object' && 'codes' in v
													? (v as { codes: Int32Array }).codes.byteLength
													: 0),
										0
									)
								: 0,
							rowsPerSecond: m.rowsPerSecond,
							elapsedMs: m.elapsedMs,
							progressCount: progress.length,
							lastProgress: progress[progress.length - 1] ?? null,
							longestMainTaskMs: longest
						});
					}
				};
				w.postMessage({ type: 'sniff', file });
			}),
		opts
	);
}

test('a data_jobs file parses in the worker from a real File; columns arrive as typed arrays', async ({ page }) => {
	await open(page);
	await page.getByLabel('CSV file').setInputFiles(resolve('tests/fixtures/upload/data-jobs-postings.csv'));
	const r = await run(page);
	expect(r).toMatchObject({
		type: 'done',
		report: { rowsRead: 17, accepted: 17, rejected: 0 },
		n: 17,
		titleIsInt32: true,
		firstTitle: 'AI Engineer',
		firstPosted: Date.UTC(2023, 0, 3, 9, 15)
	});
});

test('an image is refused with a plain message', async ({ page }) => {
	await open(page);
	await page.getByLabel('CSV file').setInputFiles(resolve('tests/fixtures/upload/not-csv.png'));
	await page.evaluate(() => {
		const w = (window as unknown as { uploadWorker: Worker }).uploadWorker;
		(window as unknown as { answer: Promise<unknown> }).answer = new Promise((done) => {
			w.onmessage = (e) => done(e.data);
		});
		w.postMessage({ type: 'sniff', file: (document.querySelector('input') as HTMLInputElement).files![0] });
	});
	expect(await page.evaluate(() => (window as unknown as { answer: Promise<unknown> }).answer)).toEqual({
		type: 'error',
		code: 'not-csv',
		message: 'This is not a CSV file: it looks like a PNG image.'
	});
});

test('the long-task observer used below does see a main-thread task over 50 ms', async ({ page }) => {
	await open(page);
	const seen = await page.evaluate(
		() =>
			new Promise<number>((done) => {
				const obs = new PerformanceObserver((l) => {
					obs.disconnect();
					done(Math.max(...l.getEntries().map((e) => e.duration)));
				});
				obs.observe({ type: 'longtask', buffered: false });
				// A real event-loop task (work run by page.evaluate itself is not reported).
				setTimeout(() => {
					const t0 = performance.now();
					while (performance.now() - t0 < 120);
				}, 0);
			})
	);
	expect(seen).toBeGreaterThan(50);
});

const BIG = resolve('.data-cache/upload-big/salaries-1m.csv');
const HUGE = resolve('.data-cache/upload-big/salaries-200mb.csv');

test.describe('1,000,000 salary rows (npm run upload-files)', () => {
	test.skip(!existsSync(BIG), 'run npm run upload-files to create the large file');
	test.setTimeout(180_000);

	test('parses in the worker with progress; main-thread long tasks reported', async ({ page }, info) => {
		await open(page);
		await page.getByLabel('CSV file').setInputFiles(BIG);
		const r = await run(page);
		expect(r).toMatchObject({ type: 'done', report: { rowsRead: 1_000_000, accepted: 1_000_000 }, n: 1_000_000 });
		expect(r.progressCount as number).toBeGreaterThan(1);
		const figures = {
			rows_per_s: r.rowsPerSecond,
			seconds: Math.round(r.elapsedMs as number) / 1000,
			column_mb: Math.round((r.columnBytes as number) / 1e5) / 10,
			longest_main_thread_task_ms: r.longestMainTaskMs
		};
		info.annotations.push({ type: 'figures', description: JSON.stringify(figures) });
		console.log('upload worker, 1e6 rows in Chromium:', JSON.stringify(figures));
	});

	test('a 200 MB file parses in the worker too (figures reported)', async ({ page }, info) => {
		test.skip(!existsSync(HUGE), 'run npm run upload-files to create the 200 MB file');
		await open(page);
		await page.getByLabel('CSV file').setInputFiles(HUGE);
		const r = await run(page);
		expect(r).toMatchObject({ type: 'done', report: { rejected: 0 } });
		const rows = (r.report as { rowsRead: number }).rowsRead;
		expect(rows).toBeGreaterThan(3_000_000);
		const workerHeap = await page
			.workers()[0]
			?.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);
		const figures = {
			rows,
			rows_per_s: r.rowsPerSecond,
			seconds: Math.round(r.elapsedMs as number) / 1000,
			worker_js_heap_mb: workerHeap ? Math.round(workerHeap / 1e5) / 10 : 'not exposed',
			longest_main_thread_task_ms: r.longestMainTaskMs
		};
		info.annotations.push({ type: 'figures', description: JSON.stringify(figures) });
		console.log('upload worker, 200 MB in Chromium:', JSON.stringify(figures));
	});

	test('cancel mid-way stops the parse', async ({ page }) => {
		await open(page);
		// The 200 MB file: on a loaded machine the worker can read all of the 55 MB one before the
		// first progress message reaches the page, and the cancel then lands in the last step.
		const file = existsSync(HUGE) ? HUGE : BIG;
		await page.getByLabel('CSV file').setInputFiles(file);
		const r = await run(page, { cancelAfterProgress: true });
		expect(r).toMatchObject({ type: 'error', code: 'cancelled' });
		expect((r.lastProgress as { bytesRead: number }).bytesRead).toBeLessThan(statSync(file).size);
	});
});
