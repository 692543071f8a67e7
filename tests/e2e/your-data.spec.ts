/**
 * /data ("Your data") in Debian's Chromium, as a person uses it: choose a file, watch the
 * progress, map an unknown layout, read the validation report, download the rejected rows
 * and the figures (opened and checked), reload (the data stay), forget (they go). A network
 * log shows that no request carries any of the file's content. On the large files of
 * `npm run upload-files` (when present) it reports, without asserting, rows/s and the
 * longest main-thread task while the worker parses; screenshots go to screenshots/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import { expect, test, type Download, type Page } from './fixtures';

const FIX = resolve('tests/fixtures/upload');
const fixture = (name: string) => resolve(FIX, name);
const BUILT_IN = resolve('.data-cache/aijobs-salaries/salaries.csv');
const BIG = resolve('.data-cache/upload-big/salaries-1m.csv');
const BIG_POSTINGS = resolve('.data-cache/upload-big/postings-1m.csv');
const BIG_200MB = resolve('.data-cache/upload-big/salaries-200mb.csv');

async function upload(page: Page, path: string): Promise<void> {
	await page.getByLabel('CSV file').setInputFiles(path);
}

async function text(d: Download): Promise<string> {
	return readFileSync((await d.path())!, 'utf8');
}

/** Every request the page makes, with its method, URL and body. */
function networkLog(page: Page) {
	const log: { method: string; url: string; body: string | null }[] = [];
	page.on('request', (r) => log.push({ method: r.method(), url: r.url(), body: r.postData() }));
	return log;
}

test.beforeEach(async ({ page }) => {
	// Each test starts with nothing kept: a fresh context has empty storage already; say so.
	await page.goto('/data');
	await expect(page.getByTestId('no-data')).toBeVisible();
});

test('the nav links to /data and the page says the data stay in the browser', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Your data' }).click();
	await expect(page).toHaveURL(/\/data/);
	await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
	await expect(page.getByText('nothing of it is sent to any server')).toBeVisible();
});

test('aijobs salaries with 5 % broken rows: report, reasons, problems and the rejected rows download', async ({ page }) => {
	await upload(page, fixture('broken-5pct.csv'));
	const file = page.getByTestId('file-salaries');
	await expect(file.getByTestId('parse-summary')).toHaveText('40 rows read · 38 accepted · 2 rejected');
	// Focus moves to the loaded file's report.
	await expect(page.locator('#file-salaries-h')).toBeFocused();
	await expect(file.getByTestId('problems')).toContainText('not-a-number');
	const lines = await file.getByTestId('problems').locator('tbody tr td:first-child').allTextContents();
	expect(lines).toEqual(['6', '26']);
	const [dl] = await Promise.all([page.waitForEvent('download'), file.getByTestId('rejects-salaries').click()]);
	expect(dl.suggestedFilename()).toBe('ai-vs-ml_data_broken-5pct-rejected-rows.csv');
	const rows = Papa.parse<Record<string, string>>(await text(dl), { header: true, skipEmptyLines: true }).data;
	expect(rows.map((r) => r.source_line)).toEqual(['6', '26']);
	// The original cells travel with the reason (independently: the fixture's own lines).
	const src = readFileSync(fixture('broken-5pct.csv'), 'utf8').split('\n');
	expect(rows[0]!.salary_in_usd).toBe(Papa.parse<string[]>(src[5]!).data[0]![6]);
	expect(rows[0]!.reject_reason).toMatch(/salary_in_usd/);
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `screenshots/data-report-${width}.png`, fullPage: true });
	}
});

test('loading the built-in salaries file gives the same summary CSV as /api/summary.csv, byte for byte', async ({ page, request }) => {
	test.skip(!existsSync(BUILT_IN), 'built-in data not resolved (npm run data)');
	await upload(page, BUILT_IN);
	const file = page.getByTestId('file-salaries');
	await expect(file.getByTestId('parse-summary')).toContainText('rejected', { timeout: 30_000 });
	const csvButton = file.getByTestId('csv-salaries-summary-by-none');
	await expect(csvButton).toBeVisible({ timeout: 30_000 });
	const [dl] = await Promise.all([page.waitForEvent('download'), csvButton.click()]);
	const mine = await text(dl);
	const api = await (await request.get('/api/summary.csv')).text();
	expect(mine).toBe(api);
	// The medians on screen are the API's too.
	const apiRows = Papa.parse<Record<string, string>>(api, { header: true }).data;
	for (const fam of ['AI', 'ML'] as const) {
		const n = apiRows.find((r) => r.family === fam)!.n!;
		await expect(file.getByTestId(`n-${fam}`)).toHaveText(`n = ${Number(n).toLocaleString('en-US')}`);
	}
});

test('data_jobs postings: figures, both downloads, partial month, titles in neither family', async ({ page }) => {
	await upload(page, fixture('data-jobs-postings.csv'));
	const file = page.getByTestId('file-postings');
	await expect(file.getByTestId('parse-summary')).toHaveText('17 rows read · 17 accepted · 0 rejected');
	// Free-text titles are normalised: 'Senior AI Engineer' (line 11) is AI, 'Machine Learning Engineer, Ranking' (line 17) ML.
	await expect(file.getByTestId('postings-totals')).toContainText('17 postings: 8 in the AI Engineer family, 8 in the ML Engineer family');
	await expect(file.getByText('Partial months (the data do not cover the whole month): 2023-01.').first()).toBeVisible();
	await expect(file.getByTestId('postings-missing')).toContainText('company size');
	const [byMonth] = await Promise.all([
		page.waitForEvent('download'),
		file.getByRole('button', { name: 'Download CSV: postings by month' }).click()
	]);
	// Expected values hand-counted in tests/fixtures/upload/README.md (titles normalised).
	expect(await text(byMonth)).toBe(
		[
			'month,family,postings',
			'2023-01,AI Engineer,3',
			'2023-01,ML Engineer,2',
			'2023-02,AI Engineer,3',
			'2023-02,ML Engineer,3',
			'2023-03,AI Engineer,2',
			'2023-03,ML Engineer,3',
			''
		].join('\r\n')
	);
	const [skills] = await Promise.all([
		page.waitForEvent('download'),
		file.getByRole('button', { name: 'Download CSV: skills by family' }).click()
	]);
	const sk = Papa.parse<Record<string, string>>(await text(skills), { header: true, skipEmptyLines: true }).data;
	expect(Object.keys(sk[0]!)).toEqual(['family', 'skill', 'postings', 'share_pct']);
	expect(sk.find((r) => r.family === 'AI Engineer' && r.skill === 'python')?.postings).toBe('8');
	// 8 AI postings is under the small-sample threshold: no share is given.
	expect(sk.find((r) => r.family === 'AI Engineer' && r.skill === 'python')?.share_pct).toBe('');
	await expect(file.getByTestId('unmatched-titles').locator('tbody tr')).toHaveCount(1);
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `screenshots/data-postings-${width}.png`, fullPage: true });
	}
});

test('assigning a title to a family changes the figures and is kept', async ({ page }) => {
	await upload(page, fixture('data-jobs-postings.csv'));
	const file = page.getByTestId('file-postings');
	await expect(file.getByTestId('postings-totals')).toContainText('8 in the AI Engineer family');
	const first = file.getByTestId('unmatched-titles').locator('tbody tr').first();
	const title = (await first.locator('td').first().textContent())!;
	const n = Number((await first.locator('td').nth(1).textContent())!.replace(/,/g, ''));
	await first.getByRole('combobox').selectOption('AI');
	await expect(file.getByTestId('postings-totals')).toContainText(`${8 + n} in the AI Engineer family`);
	await page.reload();
	await expect(page.getByTestId('file-postings').getByTestId('postings-totals')).toContainText(`${8 + n} in the AI Engineer family`);
	await expect(page.getByRole('combobox', { name: `Count “${title}” as` })).toHaveValue('AI');
});

test('unknown layout: the mapping step, then the same layout loads without asking; a second file replaces the first', async ({ page }) => {
	await upload(page, fixture('generic-salaries.csv'));
	const step = page.getByTestId('mapping-step');
	await expect(step).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Which column is which?' })).toBeFocused();
	await expect(step.getByLabel('Job title (required)')).toHaveValue('0');
	await expect(step.getByLabel('Employment type')).toHaveValue('-1');
	await expect(step.getByText('"$120,000" → $120,000').or(step.getByText('$120,000 → $120,000'))).toBeVisible();
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `screenshots/data-mapping-${width}.png`, fullPage: true });
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
	}
	await step.getByRole('button', { name: 'Load with this mapping' }).click();
	const file = page.getByTestId('file-salaries');
	await expect(file.getByTestId('parse-summary')).toHaveText('6 rows read · 6 accepted · 0 rejected');
	await expect(file.getByTestId('salaries-missing')).toContainText('This file has no employment type column.');
	// The same layout again: no mapping step, and it replaces the earlier file of its kind.
	await upload(page, fixture('generic-salaries.csv'));
	await expect(page.getByTestId('upload-notice')).toContainText('replaced the earlier one');
	await expect(page.getByTestId('mapping-step')).toHaveCount(0);
	await expect(file.getByTestId('parse-summary')).toHaveText('6 rows read · 6 accepted · 0 rejected');
});

test('a date pattern in the mapping step; an incomplete mapping is refused with a reason', async ({ page }) => {
	await upload(page, fixture('dates-pattern.csv'));
	const step = page.getByTestId('mapping-step');
	await expect(step.getByRole('radio', { name: /job postings/ })).toBeChecked();
	await expect(step.getByLabel(/^Date pattern/)).toHaveValue('DD/MM/YYYY');
	await step.getByLabel('Posted date (required)').selectOption('-1');
	await step.getByRole('button', { name: 'Load with this mapping' }).click();
	await expect(step.getByTestId('mapping-problems')).toContainText('Posted date is required');
	await expect(step.getByTestId('mapping-problems')).toBeFocused();
	await step.getByLabel('Posted date (required)').selectOption('1');
	await step.getByRole('button', { name: 'Load with this mapping' }).click();
	await expect(page.getByTestId('file-postings').getByTestId('parse-summary')).toHaveText('5 rows read · 3 accepted · 2 rejected');
});

test('bad input gets a clear message and nothing is kept', async ({ page }) => {
	const cases: [string, RegExp][] = [
		['empty.csv', /The file is empty\./],
		['not-csv.png', /not a CSV file: it looks like a PNG image/],
		['not-csv.xlsx', /xlsx workbook is one: save it as CSV first/]
	];
	for (const [name, message] of cases) {
		await upload(page, fixture(name));
		await expect(page.getByTestId('upload-error')).toContainText(message);
		await expect(page.getByTestId('upload-error')).toContainText(name);
	}
	await expect(page.getByTestId('no-data')).toBeVisible();
	await upload(page, fixture('header-only.csv'));
	await expect(page.getByTestId('parse-summary')).toHaveText('0 rows read · 0 accepted · 0 rejected');
	await expect(page.getByText('The file has a header but no rows.')).toBeVisible();
	// Ragged rows: listed, with the extra cells kept in the download.
	await upload(page, fixture('ragged.csv'));
	await page.getByTestId('mapping-step').getByRole('button', { name: 'Load with this mapping' }).click();
	const file = page.getByTestId('file-salaries');
	await expect(file.getByTestId('parse-summary')).toHaveText('4 rows read · 2 accepted · 2 rejected');
	const [dl] = await Promise.all([page.waitForEvent('download'), file.getByTestId('rejects-salaries').click()]);
	const rows = Papa.parse<Record<string, string>>(await text(dl), { header: true, skipEmptyLines: true }).data;
	expect(rows.map((r) => r.source_line)).toEqual(['3', '4']);
	expect(rows[1]!.extra_fields).not.toBe('');
});

test('more spellings through the page: quoted line breaks, money formats, semicolons with decimal commas, tabs, a BOM', async ({
	page
}) => {
	// [file, needs the mapping step, summary, a text the report must show]; counts from tests/fixtures/upload/README.md.
	const cases: [string, boolean, string, string | RegExp][] = [
		['quoted-newlines.csv', true, '4 rows read · 3 accepted · 1 rejected', /^9$/],
		['money-formats.csv', true, '14 rows read · 6 accepted · 8 rejected', 'currency is not USD'],
		['semicolon-decimal-comma.csv', true, '6 rows read · 6 accepted · 0 rejected', '"." grouping, "," decimal'],
		['tab-separated.tsv', true, '3 rows read · 3 accepted · 0 rejected', '3 rows read'],
		['bom.csv', false, '2 rows read · 2 accepted · 0 rejected', '2 rows read']
	];
	for (const [name, mapping, summary, shows] of cases) {
		await upload(page, fixture(name));
		if (mapping) {
			const step = page.getByTestId('mapping-step');
			await expect(step).toBeVisible();
			if (name.startsWith('semicolon')) await expect(step.getByLabel(/^Number format/)).toContainText(shows as string);
			await step.getByRole('button', { name: 'Load with this mapping' }).click();
		}
		const file = page.getByTestId('file-salaries');
		await expect(page.locator('#file-salaries-h')).toHaveText(`Salaries: ${name}`);
		await expect(file.getByTestId('parse-summary')).toHaveText(summary);
		if (name.startsWith('quoted')) await expect(file.getByTestId('problems').locator('tbody td').first()).toHaveText(shows);
		if (name.startsWith('money')) await expect(file.getByTestId('reject-reasons')).toContainText(shows as string);
	}
});

test('dropping a file on the page loads it; a file over 1 GB is refused before a byte is read', async ({ page }) => {
	const csv = readFileSync(fixture('aijobs-salaries.csv'), 'utf8');
	await page.evaluate((text) => {
		const dt = new DataTransfer();
		dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
		document
			.querySelector('[data-testid="drop-zone"]')!
			.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
	}, csv);
	await expect(page.getByTestId('file-salaries').getByRole('heading', { name: 'Salaries: dropped.csv' })).toBeVisible();
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toHaveText('12 rows read · 11 accepted · 1 rejected');
	// A File claiming 2 GB (no 2 GB is allocated): the page refuses it by its size alone.
	await page.evaluate(() => {
		const huge = new File(['x'], 'huge.csv');
		Object.defineProperty(huge, 'size', { value: 2 * 1024 ** 3 });
		const drop = new Event('drop', { bubbles: true, cancelable: true });
		Object.defineProperty(drop, 'dataTransfer', { value: { files: [huge] } });
		document.querySelector('[data-testid="drop-zone"]')!.dispatchEvent(drop);
	});
	await expect(page.getByTestId('upload-error')).toContainText(
		'huge.csv: This file is 2.0 GB; files over 1 GB are not read in the browser.'
	);
	// The file already loaded stays.
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toHaveText('12 rows read · 11 accepted · 1 rejected');
});

test('reload keeps the data; "Forget this data" removes it from the browser', async ({ page }) => {
	await upload(page, fixture('aijobs-salaries.csv'));
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toHaveText('12 rows read · 11 accepted · 1 rejected');
	await upload(page, fixture('data-jobs-postings.csv'));
	await expect(page.getByTestId('file-postings').getByTestId('parse-summary')).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toHaveText('12 rows read · 11 accepted · 1 rejected');
	await expect(page.getByTestId('file-postings').getByTestId('parse-summary')).toHaveText('17 rows read · 17 accepted · 0 rejected');
	await page.getByTestId('forget').click();
	await expect(page.getByTestId('no-data')).toBeVisible();
	await expect(page.getByLabel('CSV file')).toBeFocused();
	await page.reload();
	await expect(page.getByTestId('no-data')).toBeVisible();
	const kept = await page.evaluate(
		() =>
			new Promise<number>((ok) => {
				const r = indexedDB.open('ai-vs-ml-your-data');
				r.onsuccess = () => {
					const c = r.result.transaction('files').objectStore('files').count();
					c.onsuccess = () => ok(c.result);
				};
			})
	);
	expect(kept).toBe(0);
});

test('no request carries any of the file content', async ({ page }) => {
	const log = networkLog(page);
	await page.goto('/data');
	await upload(page, fixture('data-jobs-postings.csv'));
	await expect(page.getByTestId('file-postings').getByTestId('parse-summary')).toBeVisible();
	await upload(page, fixture('aijobs-salaries.csv'));
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toBeVisible();
	await page.getByRole('button', { name: 'Download CSV: postings by month' }).click();
	await page.reload();
	await expect(page.getByTestId('file-salaries')).toBeVisible();
	expect(log.length).toBeGreaterThan(3); // the log sees the page's own requests
	// Values that appear only in the files (company names, skills, a raw title).
	const secrets = ['Acme AI', 'Beta Labs', 'langchain', 'Senior AI Engineer', 'job_title_short', 'work_year'];
	for (const r of log) {
		expect(r.body, `${r.method} ${r.url}`).toBeNull();
		expect(r.method === 'GET' || r.url.startsWith('blob:') || r.url.startsWith('data:')).toBe(true);
		const url = decodeURIComponent(r.url);
		for (const s of secrets) expect(url, r.url).not.toContain(s);
	}
});

test('large file: progress, cancel, then a full read; long tasks and rows/s reported', async ({ page }) => {
	test.skip(!existsSync(BIG), 'run npm run upload-files first');
	test.setTimeout(240_000);
	await page.addInitScript(() => {
		const w = window as unknown as { longTasks: number[] };
		w.longTasks = [];
		new PerformanceObserver((l) => {
			for (const e of l.getEntries()) w.longTasks.push(e.duration);
		}).observe({ type: 'longtask', buffered: false });
	});
	await page.goto('/data');
	// Cancel mid-way: nothing kept, a plain message.
	await upload(page, BIG);
	await expect(page.getByTestId('progress-text')).toContainText('rows/s');
	await expect(page.getByRole('progressbar')).toBeVisible();
	await page.getByTestId('cancel').click();
	await expect(page.getByTestId('upload-error')).toContainText('Loading was cancelled; nothing was kept.');
	await expect(page.getByTestId('no-data')).toBeVisible();

	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
		await upload(page, BIG);
		await expect(page.getByTestId('progress-text')).toContainText(/[1-9][\d,]* rows ·/);
		await page.screenshot({ path: `screenshots/data-parsing-${width}.png`, fullPage: false });
		// The page answers while the worker reads: a click on the page is handled.
		const t0 = Date.now();
		await page.getByRole('heading', { level: 1 }).click();
		const clickMs = Date.now() - t0;
		const during = await page.evaluate(() => [...(window as unknown as { longTasks: number[] }).longTasks]);
		await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toContainText('1,000,000 rows read', { timeout: 180_000 });
		const readLine = await page
			.getByTestId('file-salaries')
			.getByText(/read in/)
			.textContent();
		await expect(page.getByTestId('salaries-results').getByTestId('n-AI')).toBeVisible({ timeout: 120_000 });
		const after = await page.evaluate(() => [...(window as unknown as { longTasks: number[] }).longTasks]);
		const note = {
			width,
			file: readLine?.trim(),
			longestTaskWhileParsingMs: Math.max(0, ...during),
			longTasksWhileParsing: during.length,
			longestTaskWholeLoadMs: Math.max(0, ...after),
			clickWhileParsingMs: clickMs
		};
		console.log(`[your-data] ${JSON.stringify(note)}`);
		test.info().annotations.push({ type: 'measure', description: JSON.stringify(note) });
		// Start the next width from nothing, so its report cannot be this one's.
		await page.getByTestId('forget').click();
		await expect(page.getByTestId('no-data')).toBeVisible();
	}
});

test('large postings file: the demand figures on 1,000,000 postings (reported)', async ({ page }) => {
	test.skip(!existsSync(BIG_POSTINGS), 'run npm run upload-files first');
	test.setTimeout(300_000);
	await page.goto('/data');
	const t0 = Date.now();
	await upload(page, BIG_POSTINGS);
	const file = page.getByTestId('file-postings');
	await expect(file.getByTestId('parse-summary')).toContainText('rows read', { timeout: 240_000 });
	await expect(file.getByTestId('postings-totals')).toBeVisible({ timeout: 120_000 });
	const note = {
		summary: await file.getByTestId('parse-summary').textContent(),
		read: await file.getByText(/read in/).textContent(),
		totalMs: Date.now() - t0
	};
	console.log(`[your-data] ${JSON.stringify(note)}`);
	test.info().annotations.push({ type: 'measure', description: JSON.stringify(note) });
	await page.getByTestId('forget').click();
});

test('a 200 MB salaries file loads, gets its figures and survives a reload (its columns exceed one IndexedDB value)', async ({ page }) => {
	test.skip(!existsSync(BIG_200MB), 'run npm run upload-files first');
	test.setTimeout(400_000);
	await page.goto('/data');
	const t0 = Date.now();
	await upload(page, BIG_200MB);
	const file = page.getByTestId('file-salaries');
	await expect(file.getByTestId('parse-summary')).toContainText('rows read', { timeout: 300_000 });
	const parsedMs = Date.now() - t0;
	await expect(file.getByTestId('n-AI')).toBeVisible({ timeout: 300_000 });
	const computedMs = Date.now() - t0;
	const nAI = await file.getByTestId('n-AI').textContent();
	// Kept: wait for the save, then reload and find the same figures.
	await expect.poll(() => page.evaluate(() => performance.getEntriesByName('your-data:stored').length), { timeout: 120_000 }).toBe(1);
	await expect(page.getByTestId('upload-notice')).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('file-salaries').getByTestId('n-AI')).toHaveText(nAI!, { timeout: 300_000 });
	const note = { summary: await page.getByTestId('parse-summary').textContent(), parsedMs, computedMs, restoredMs: Date.now() - t0 };
	console.log(`[your-data] ${JSON.stringify(note)}`);
	test.info().annotations.push({ type: 'measure', description: JSON.stringify(note) });
	await page.getByTestId('forget').click();
});

test('worker heaps after loading the large files (reported via the DevTools protocol, not asserted)', async ({ page }) => {
	const files = [BIG, BIG_200MB, BIG_POSTINGS].filter((f) => existsSync(f));
	test.skip(files.length === 0, 'run npm run upload-files first');
	test.setTimeout(600_000);
	for (const path of files) {
		await page.goto('/data');
		const cdp = await page.context().newCDPSession(page);
		const sessions: Record<string, string> = {};
		const heaps: Record<string, { usedMB: number; backingStoreMB: number | null }> = {};
		cdp.on('Target.attachedToTarget', (e) => {
			sessions[e.sessionId] = e.targetInfo.url
				.split('/')
				.pop()!
				.replace(/-[\w]+\.js$/, '');
		});
		cdp.on('Target.detachedFromTarget', (e) => {
			delete sessions[e.sessionId];
		});
		cdp.on('Target.receivedMessageFromTarget', (e) => {
			const m = JSON.parse(e.message) as { id: number; result?: { usedSize: number; backingStorageSize?: number } };
			if (m.id === 7 && m.result && e.sessionId)
				heaps[sessions[e.sessionId]!] = {
					usedMB: Math.round(m.result.usedSize / 1e6),
					backingStoreMB: m.result.backingStorageSize === undefined ? null : Math.round(m.result.backingStorageSize / 1e6)
				};
		});
		await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
		await upload(page, path);
		await expect(page.getByTestId('parse-summary')).toBeVisible({ timeout: 300_000 });
		await expect(page.locator('[data-testid=salaries-results], [data-testid=postings-totals]').first()).toBeVisible({ timeout: 300_000 });
		// A worker can end (the parse worker does once the file is read) between attach and ask: its
		// session is then gone, and only the live ones are asked.
		for (const sessionId of Object.keys(sessions))
			await cdp
				.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 7, method: 'Runtime.getHeapUsage' }) })
				.catch(() => delete sessions[sessionId]);
		await expect
			.poll(() => Object.keys(heaps).filter((name) => Object.values(sessions).includes(name)).length)
			.toBe(Object.keys(sessions).length);
		const main = await cdp.send('Runtime.getHeapUsage');
		const note = {
			file: path.split('/').pop(),
			fileMB: Math.round(readFileSync(path).length / 1e6),
			heaps,
			mainThreadMB: Math.round(main.usedSize / 1e6)
		};
		console.log(`[your-data] heap ${JSON.stringify(note)}`);
		test.info().annotations.push({ type: 'measure', description: JSON.stringify(note) });
		await page.getByTestId('forget').click();
		await expect(page.getByTestId('no-data')).toBeVisible();
		await cdp.detach();
	}
});

test('axe finds no serious or critical violation on /data: empty, mapping step, both files loaded (light and dark)', async ({ page }) => {
	const scan = async (state: string) => {
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			const bad = results.violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${state}, ${scheme}: ${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')}`);
			expect(bad).toEqual([]);
		}
	};
	await scan('empty');
	await upload(page, fixture('generic-salaries.csv'));
	await expect(page.getByTestId('mapping-step')).toBeVisible();
	await scan('mapping');
	await page.getByTestId('mapping-step').getByRole('button', { name: 'Cancel' }).click();
	await upload(page, fixture('broken-5pct.csv'));
	await expect(page.getByTestId('salaries-results')).toBeVisible();
	await upload(page, fixture('data-jobs-postings.csv'));
	await expect(page.getByTestId('postings-results')).toBeVisible();
	await scan('loaded');
});

test('keyboard: the mapping step is submitted with the keyboard; focus moves to the step, then to the report', async ({ page }) => {
	await page.getByLabel('CSV file').focus();
	await expect(page.getByLabel('CSV file')).toBeFocused();
	await upload(page, fixture('dates-pattern.csv'));
	// Focus moved into the step; Tab walks its controls and Enter on the button submits.
	await expect(page.getByRole('heading', { name: 'Which column is which?' })).toBeFocused();
	await page.getByRole('button', { name: 'Load with this mapping' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('file-postings').getByTestId('parse-summary')).toHaveText('5 rows read · 3 accepted · 2 rejected');
	await expect(page.locator('#file-postings-h')).toBeFocused();
});
