/**
 * Issue 16, "Your own data" and upload reliability, in Debian's Chromium:
 * - a kept file is kept: its report appears once the IndexedDB write has committed, so a page
 *   opened (or a tab closed) right after finds it, and navigating within the app while it is
 *   being written does not lose it (item 8);
 * - "Forget this data" says "forgotten" only once the deletion has committed, even while the
 *   figures are being computed (item 17);
 * - one title rule whatever the layout, and /titles lists every title a family counts (item 6);
 * - estimated years (`2021e`) are counted in the report and marked on /trends (item 7);
 * - /demand on a postings file has one heading and a working title switch (item 9);
 * - a line with no break, pay above the bound, UTF-16 without a BOM, and a hostile file name (item 21).
 *
 * A slow results worker is simulated without any hook in the app: the test serves the built
 * worker script with a few lines in front that keep the worker busy (as a large file would) at
 * one chosen point. Expected figures come from tests/fixtures/upload/README.md.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { expect, test, type Download, type Page } from './fixtures';

const FIX = resolve('tests/fixtures/upload');
const fixture = (name: string) => resolve(FIX, name);

async function upload(page: Page, path: string): Promise<void> {
	await page.getByLabel('CSV file').setInputFiles(path);
}

async function text(d: Download): Promise<string> {
	return readFileSync((await d.path())!, 'utf8');
}

/** Rows kept in this browser's IndexedDB (the app's store), read from the page. */
function keptRecords(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((ok, fail) => {
				const r = indexedDB.open('ai-vs-ml-your-data');
				r.onerror = () => fail(r.error);
				r.onsuccess = () => {
					const db = r.result;
					if (!db.objectStoreNames.contains('files')) return ok(0);
					const c = db.transaction('files').objectStore('files').count();
					c.onsuccess = () => {
						db.close();
						ok(c.result);
					};
				};
			})
	);
}

/**
 * Serve the results worker with a busy wait of `ms` in front of one moment: `before` a message
 * of that type is handled, or `after` the worker posts one (what it does next waits).
 */
async function slowResultsWorker(page: Page, at: { before?: string; after?: string }, ms: number): Promise<void> {
	const hook = `(() => {
		const hold = () => { const end = Date.now() + ${ms}; while (Date.now() < end); };
		${at.before ? `self.addEventListener('message', (e) => { if (e.data && e.data.type === ${JSON.stringify(at.before)}) hold(); });` : ''}
		${
			at.after
				? `const post = self.postMessage.bind(self);
		self.postMessage = (m, t) => { post(m, t); if (m && m.type === ${JSON.stringify(at.after)} && (!m.files || m.files.length > 0)) hold(); };`
				: ''
		}
	})();\n`;
	await page.context().route('**/_app/immutable/workers/results-*.js', async (route) => {
		const res = await route.fetch();
		await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: hook + (await res.text()) });
	});
}

test.beforeEach(async ({ page }) => {
	await page.goto('/data');
	await expect(page.getByTestId('no-data')).toBeVisible();
});

// A worker script still being served when a test ends must not fail the next one.
test.afterEach(async ({ context }) => {
	await context.unrouteAll({ behavior: 'ignoreErrors' });
});

test.describe('item 8: the kept file is kept', () => {
	test('a page opened right after the report appears finds the file (a slow write, as for a large file)', async ({ page }) => {
		await slowResultsWorker(page, { before: 'load' }, 1500);
		await page.goto('/data');
		await upload(page, fixture('pages-salaries.csv'));
		// While the worker writes, the page says so; the report comes once the write has committed.
		await expect(page.getByTestId('keeping')).toBeVisible();
		const file = page.getByTestId('file-salaries');
		await expect(file.getByTestId('parse-summary')).toHaveText('52 rows read · 52 accepted · 0 rejected');
		await expect(file.getByTestId('kept')).toContainText('Kept in this browser');
		// At once, a full page load elsewhere.
		await page.goto('/?source=yours&titles=strict');
		await expect(page.getByTestId('source-yours')).toHaveText('Your data: pages-salaries.csv, 52 rows');
		await expect(page.getByTestId('n-AI')).toHaveText('n = 24');
		await expect(page.getByTestId('your-none')).toHaveCount(0);
	});

	test('a tab closed right after the report appears keeps the file', async ({ page, context }) => {
		await slowResultsWorker(page, { before: 'load' }, 1500);
		await page.goto('/data');
		await upload(page, fixture('pages-salaries.csv'));
		await expect(page.getByTestId('file-salaries').getByTestId('kept')).toBeVisible();
		await page.close();
		const next = await context.newPage();
		await next.goto('/data');
		await expect(next.getByTestId('file-salaries').getByTestId('parse-summary')).toHaveText('52 rows read · 52 accepted · 0 rejected');
		await expect(next.getByTestId('file-salaries').getByTestId('kept')).toBeVisible();
		expect(await keptRecords(next)).toBeGreaterThan(1);
	});

	test('navigating within the app while the file is being written does not lose it', async ({ page }) => {
		await slowResultsWorker(page, { before: 'load' }, 2000);
		await page.goto('/data');
		await upload(page, fixture('pages-salaries.csv'));
		await expect(page.getByTestId('keeping')).toBeVisible();
		// Leave /data in the app (no reload) while the write is still under way.
		await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Overview' }).click();
		await expect(page).toHaveURL(/\/$/);
		// The switch waits for the write, then offers the file; the page on it computes.
		await page.getByTestId('source-yours').click();
		await expect(page).toHaveURL(/source=yours/);
		await expect(page.getByTestId('n-ML')).toBeVisible();
		await expect(page.getByTestId('your-none')).toHaveCount(0);
		await page.reload();
		await expect(page.getByTestId('source-yours')).toHaveText('Your data: pages-salaries.csv, 52 rows');
	});
});

test('item 17: "Forget this data" while the figures are being computed says "forgotten" only once nothing is kept', async ({
	page,
	context
}) => {
	await upload(page, fixture('pages-salaries.csv'));
	await expect(page.getByTestId('file-salaries').getByTestId('kept')).toBeVisible();
	expect(await keptRecords(page)).toBeGreaterThan(1);
	// After a reload the worker reads the file back, then computes for 8 s (a large file).
	await slowResultsWorker(page, { after: 'restored' }, 8000);
	await page.reload();
	await expect(page.getByText('Computing the figures…')).toBeVisible();
	const t0 = Date.now();
	await page.getByTestId('forget').click();
	await expect(page.getByTestId('upload-notice')).toHaveText('Your data was forgotten: nothing of it is kept in this browser any more.', {
		timeout: 4000
	});
	// Said only once it is true: nothing is left in IndexedDB at that moment.
	expect(await keptRecords(page)).toBe(0);
	const forgetMs = Date.now() - t0;
	test.info().annotations.push({ type: 'measure', description: JSON.stringify({ forgetWhileComputingMs: forgetMs }) });
	await expect(page.getByTestId('no-data')).toBeVisible();
	// A tab closed now keeps nothing: a new one finds no file.
	await page.close();
	const next = await context.newPage();
	await context.unroute('**/_app/immutable/workers/results-*.js');
	await next.goto('/data');
	await expect(next.getByTestId('no-data')).toBeVisible();
	expect(await keptRecords(next)).toBe(0);
	// And a new file can be loaded after forgetting (a fresh results worker).
	await next.getByLabel('CSV file').setInputFiles(fixture('pages-salaries.csv'));
	await expect(next.getByTestId('file-salaries').getByTestId('n-AI')).toBeVisible();
});

test('item 6: an older aijobs.net export counts "ML Engineer" in the ML family, and /titles lists every title it counts', async ({
	page
}) => {
	await upload(page, fixture('aijobs-older-export.csv'));
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toHaveText('38 rows read · 38 accepted · 0 rejected');
	// Family mode: AI 10, ML 12 + 8 "ML Engineer" + 2 "Applied ML Engineer" = 22 (fixture README).
	await expect(page.getByTestId('file-salaries').getByTestId('n-ML')).toHaveText('n = 22');
	await page.goto('/?source=yours');
	await expect(page.getByTestId('n-AI')).toHaveText('n = 10');
	await expect(page.getByTestId('n-ML')).toHaveText('n = 22');
	await page.goto('/titles?source=yours');
	await expect(page.getByTestId('title-totals')).toContainText(
		'AI Engineer: 10 reports from 1 title; ML Engineer: 22 reports from 3 titles'
	);
	const row = page.getByRole('row', { name: /^ML Engineer matched as/ });
	await expect(row).toContainText('matched as “machine learning engineer”');
	await expect(row.getByRole('cell').nth(2)).toHaveText('8');
	await page.goto('/titles?source=yours&titles=strict');
	await expect(page.getByTestId('title-totals')).toContainText(
		'AI Engineer: 10 reports from 1 title; ML Engineer: 12 reports from 1 title'
	);
});

test('item 7: estimated years are counted in the report and marked on /trends', async ({ page }) => {
	await upload(page, fixture('aijobs-older-export.csv'));
	const file = page.getByTestId('file-salaries');
	await expect(file.getByTestId('estimated-years')).toHaveText(
		'13 rows have an estimated year (written like “2021e”, as older aijobs.net exports do): each counts in that year, and Trends says how many reports of which year are estimated.'
	);
	await page.goto('/trends?source=yours');
	await expect(page.getByTestId('estimated-years')).toHaveText(
		'Estimated years: in 2021, 4 AI and 7 ML reports carry a work year the file marks as estimated (written “2021e”). They are counted in that year; the table notes them.'
	);
	await page.goto('/trends?source=yours&titles=strict');
	// Strict: 4 "AI Engineer" and 4 "Machine Learning Engineer" rows of 2021e.
	await expect(page.getByTestId('estimated-years')).toContainText('in 2021, 4 AI and 4 ML reports');
	// The built-in data has none: no note.
	await page.goto('/trends');
	await expect(page.getByTestId('estimated-years')).toHaveCount(0);
});

test('item 9: /demand on a postings file has one heading and a title switch that changes the figures and the URL', async ({ page }) => {
	await upload(page, fixture('data-jobs-postings.csv'));
	await expect(page.getByTestId('file-postings').getByTestId('kept')).toBeVisible();
	await page.goto('/demand?source=yours');
	await expect(page.getByRole('heading', { name: 'Demand in your postings' })).toHaveCount(1);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demand in your postings');
	await expect(page.getByTestId('postings-results')).toHaveAccessibleName('Demand in your postings');
	await expect(page.getByText('as the title switch says')).toHaveCount(0);
	const totals = page.getByTestId('postings-totals');
	await expect(totals).toContainText('17 postings: 8 in the AI Engineer family, 8 in the ML Engineer family');
	const titles = page.getByRole('group', { name: 'Job titles' });
	await expect(titles.getByRole('button', { name: 'Title families' })).toHaveAttribute('aria-pressed', 'true');
	await titles.getByRole('button', { name: 'Exact titles only' }).click();
	await expect(page).toHaveURL(/titles=strict/);
	await expect(page).toHaveURL(/source=yours/);
	// Strict (fixture README): Jan 2 / 2, Feb 2 / 2, Mar 2 / 1.
	await expect(totals).toContainText('17 postings: 6 in the AI Engineer family, 5 in the ML Engineer family');
	await expect(totals).toContainText('exact titles only');
	await expect(titles.getByRole('button', { name: 'Exact titles only' })).toHaveAttribute('aria-pressed', 'true');
	// A shared link reproduces it.
	await page.reload();
	await expect(totals).toContainText('6 in the AI Engineer family, 5 in the ML Engineer family');
	mkdirSync('screenshots', { recursive: true });
	for (const [width, tag] of [
		[1280, 'desktop'],
		[390, 'phone']
	] as const) {
		await page.setViewportSize({ width, height: 900 });
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `screenshots/your-demand-switch-${tag}.png` });
	}
});

test.describe('item 21: hostile and odd uploads', () => {
	test('pay above the bound and beyond exact integers is rejected with its reason; the rejects download has a safe name', async ({
		page
	}) => {
		const csv = [
			'title,salary,year',
			'AI Engineer,"999,999,999,999",2024',
			'AI Engineer,9007199254740993,2024',
			'AI Engineer,150000,2024',
			'Machine Learning Engineer,"10,000,000",2024'
		].join('\n');
		await page
			.getByLabel('CSV file')
			.setInputFiles({ name: '<img src=x onerror=alert(5)>.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.getByTestId('mapping-step').getByRole('button', { name: 'Load with this mapping' }).click();
		const file = page.getByTestId('file-salaries');
		await expect(file.getByTestId('parse-summary')).toHaveText('4 rows read · 2 accepted · 2 rejected');
		await expect(file.getByTestId('reject-reasons')).toContainText('salary: above $10,000,000 a year: check the unit');
		await expect(file.getByTestId('reject-reasons')).toContainText('salary: too large to read exactly (above 9,007,199,254,740,991)');
		await expect(file.getByTestId('pay-bound')).toContainText('Pay above $10,000,000 a year');
		// The file name is shown as text, never as markup.
		await expect(page.locator('#file-salaries-h')).toHaveText('Salaries: <img src=x onerror=alert(5)>.csv');
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
		const [dl] = await Promise.all([page.waitForEvent('download'), file.getByTestId('rejects-salaries').click()]);
		expect(dl.suggestedFilename()).toBe('ai-vs-ml_data_img-src-x-onerror-alert-5-rejected-rows.csv');
		expect(dl.suggestedFilename()).toMatch(/^[A-Za-z0-9_.-]+$/);
		const rows = Papa.parse<Record<string, string>>(await text(dl), { header: true, skipEmptyLines: true }).data;
		expect(rows.map((r) => [r.source_line, r.salary])).toEqual([
			['2', '999,999,999,999'],
			['3', '9007199254740993']
		]);
	});

	test('UTF-16 without a byte-order mark is named with its byte order, not "binary data"', async ({ page }) => {
		const csv = 'title,salary,year\nAI Engineer,150000,2024\n';
		const le = Buffer.from(csv, 'utf16le');
		const be = Buffer.from(le);
		be.swap16();
		for (const [buffer, order] of [
			[le, 'little-endian'],
			[be, 'big-endian']
		] as const) {
			await page.getByLabel('CSV file').setInputFiles({ name: `utf16-${order}.csv`, mimeType: 'text/csv', buffer });
			await expect(page.getByTestId('upload-error')).toContainText(
				`This file is UTF-16 text (${order}, without a byte-order mark); save it as UTF-8 CSV`
			);
			await expect(page.getByTestId('upload-error')).not.toContainText('binary');
		}
	});

	test('a line longer than the limit with no quote is named as such, with its line number', async ({ page }) => {
		test.setTimeout(90_000);
		// Header, one row, then 17 million characters without a line break or a quote (line 3).
		const csv = Buffer.concat([Buffer.from('title,salary,year\nAI Engineer,150000,2024\n'), Buffer.alloc(17 * 1024 * 1024, 'a')]);
		await page.getByLabel('CSV file').setInputFiles({ name: 'one-long-line.csv', mimeType: 'text/csv', buffer: csv });
		await page.getByTestId('mapping-step').getByRole('button', { name: 'Load with this mapping' }).click();
		await expect(page.getByTestId('upload-error')).toContainText(
			'Line 3 is longer than 16,777,216 characters, the most one line may hold',
			{ timeout: 60_000 }
		);
		await expect(page.getByTestId('upload-error')).not.toContainText('quote');
	});
});
