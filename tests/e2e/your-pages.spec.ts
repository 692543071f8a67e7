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
import AxeBuilder from '@axe-core/playwright';
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
	await page.getByRole('checkbox', { name: 'Senior' }).check();
	await expect(page).toHaveURL(/exp=SE/);
	await expect(page).toHaveURL(/source=yours/);
	const senior = (r: Row) => r.experience_level === 'SE';
	await expect(page.getByTestId('median-AI')).toHaveText(usd(stats('AI Engineer', senior).median));
	await expect(page.getByTestId('n-AI')).toHaveText(`n = ${stats('AI Engineer', senior).n}`);

	// Reload: IndexedDB keeps the file, the page computes again.
	await page.reload();
	await expect(page.getByTestId('median-ML')).toHaveText(usd(stats('Machine Learning Engineer', senior).median));

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
	// Nothing to filter and no file to name: no filter panel, no "your file" footer line.
	await expect(page.getByRole('complementary')).toHaveCount(0);
	await expect(page.getByTestId('your-footer')).toHaveCount(0);
	// A bad source is a 400.
	const r = await page.request.get('/pay?source=mine');
	expect(r.status()).toBe(400);
});

test('screenshots of /pay and /demand on your data; no serious accessibility problem on every page on it', async ({ page }) => {
	mkdirSync('screenshots', { recursive: true });
	await load(page, SALARIES, 'salaries');
	await load(page, POSTINGS, 'postings');
	for (const path of ['/', '/pay', '/trends', '/titles', '/demand']) {
		await page.goto(`${path}?source=yours`);
		await expect(page.getByTestId('your-page')).toBeVisible();
		await expect(page.getByTestId('source-yours')).toBeVisible();
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		const bad = results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${path}: ${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')}`);
		expect(bad).toEqual([]);
	}
	for (const [w, h, tag] of [
		[1280, 900, 'desktop'],
		[390, 844, 'phone']
	] as const) {
		await page.setViewportSize({ width: w, height: h });
		await page.goto('/pay?source=yours');
		await expect(page.getByTestId('your-page')).toBeVisible();
		await page.screenshot({ path: `screenshots/your-pay-${tag}.png`, fullPage: true });
		await page.screenshot({ path: `screenshots/your-pay-${tag}-top.png` });
		await page.goto('/titles?source=yours');
		await expect(page.getByTestId('your-titles')).toBeVisible();
		await page.getByTestId('your-titles').scrollIntoViewIfNeeded();
		await page.screenshot({ path: `screenshots/your-titles-${tag}.png` });
		await page.goto('/demand?source=yours');
		await expect(page.getByTestId('postings-results')).toBeVisible();
		await page.screenshot({ path: `screenshots/your-demand-${tag}.png`, fullPage: true });
	}
});

test('the built-in file uploaded: Overview, /pay and /trends CSVs are byte-identical to /api/summary.csv; sidecar names the file', async ({
	page
}) => {
	test.setTimeout(180_000);
	await load(page, BUILT_IN, 'salaries');
	const q = 'size=M&exp=SE';
	await page.goto(`/?${q}&source=yours`);
	const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-none').click()]);
	expect(dl.suggestedFilename()).toBe('ai-vs-ml_overview_size-M_exp-SE_source-yours.csv');
	const api = await (await page.request.get(`/api/summary.csv?by=none&${q}`)).text();
	expect(api.length).toBeGreaterThan(100);
	expect(await text(dl)).toBe(api);

	const [meta] = await Promise.all([page.waitForEvent('download'), page.getByTestId('meta-none').click()]);
	const sidecar = JSON.parse(await text(meta)) as { source: string; query: string; file: string };
	expect(sidecar.source).toBe('your file salaries.csv');
	expect(sidecar.query).toBe(`by=none&${q}`);
	expect(sidecar.file).toBe('ai-vs-ml_overview_size-M_exp-SE_source-yours.csv');

	await page.goto(`/pay?${q}&source=yours`);
	const buttons = page.locator('[data-testid^="csv-"]');
	await expect(buttons.first()).toBeVisible();
	const ids = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
	expect(ids).toContain('csv-none');
	expect(ids).toContain('csv-region');
	for (const id of ids) {
		const by = id.slice('csv-'.length);
		const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
		const want = await (await page.request.get(`/api/summary.csv?by=${by}&${q}`)).text();
		expect(await text(d), `by=${by}`).toBe(want);
	}

	// /trends: a file has no snapshot date; given the built-in one ("Data as of" on /data), 2025 is partial as on the server.
	await page.goto('/data');
	await page.getByTestId('as-of').fill('2025-01-19');
	await expect(page.getByTestId('as-of')).toHaveValue('2025-01-19');
	await page.goto(`/trends?${q}&source=yours`);
	await expect(page.getByTestId('your-page')).toContainText('2025 is partial');
	const [tr] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-work_year').click()]);
	expect(await text(tr)).toBe(await (await page.request.get(`/api/summary.csv?by=work_year&${q}`)).text());
});

/** A simple CSV reader for our own downloads (no quoted commas in these files). */
function csvRecords(s: string): Row[] {
	const [head, ...lines] = s.trim().split(/\r?\n/);
	const cols = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

test('/pay, /trends and /titles on your data; title choices flow in; no request carries the file', async ({ page }) => {
	const log = networkLog(page);
	await load(page, SALARIES, 'salaries');

	await page.goto('/pay?source=yours&titles=strict');
	await expect(page.getByTestId('your-page')).toContainText('48 reports · US$ per year');
	const card = page.locator('section', { has: page.getByRole('heading', { name: 'Salary distribution by family' }) }).first();
	await card.getByRole('button', { name: 'Show as table' }).click();
	const ai = stats('AI Engineer');
	const ml = stats('Machine Learning Engineer');
	const table = card.getByRole('table');
	await expect(table.getByRole('row', { name: /^AI Engineer/ })).toContainText(usd(ai.median));
	await expect(table.getByRole('row', { name: /^ML Engineer/ })).toContainText(usd(ml.median));
	await expect(page.getByText('Source: your file pages-salaries.csv (read in this browser only)').first()).toBeVisible();
	await expect(page.getByTestId('your-footer')).toContainText('pages-salaries.csv');

	// Trends: the by-year CSV, built in the browser, has the medians per year computed here.
	await page.goto('/trends?source=yours&titles=strict');
	const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-work_year').click()]);
	expect(dl.suggestedFilename()).toBe('ai-vs-ml_trends_by-work-year_titles-strict_source-yours.csv');
	const recs = csvRecords(await text(dl));
	for (const year of ['2023', '2024'])
		for (const [fam, title] of [
			['AI', 'AI Engineer'],
			['ML', 'Machine Learning Engineer']
		] as const) {
			const want = stats(title, (r) => r.work_year === year);
			const got = recs.find((r) => r.group === year && r.family === fam)!;
			expect(Number(got.n), `${year} ${fam}`).toBe(want.n);
			expect(Number(got.median), `${year} ${fam}`).toBeCloseTo(want.median, 6);
		}

	// A title choice made on /data (kept in localStorage): "Prompt Wrangler" counts as AI: n = 24 + 2.
	await page.evaluate(() => localStorage.setItem('ai-vs-ml:title-overrides', JSON.stringify({ 'Prompt Wrangler': 'AI' })));
	await page.goto('/?source=yours');
	await expect(page.getByTestId('n-AI')).toHaveText('n = 26');

	// /titles: the choice beside the app's lists, and the titles in neither family with counts.
	await page.goto('/titles?source=yours');
	const overrides = page.getByTestId('your-overrides');
	await expect(overrides.getByRole('row', { name: /Prompt Wrangler/ })).toContainText('AI Engineer family');
	await expect(overrides.getByRole('row', { name: /Prompt Wrangler/ })).toContainText('neither');
	await expect(
		overrides
			.getByRole('row', { name: /Prompt Wrangler/ })
			.getByRole('cell')
			.last()
	).toHaveText('2');
	const neither = page.getByTestId('your-neither');
	await expect(
		neither
			.getByRole('row', { name: /Chief Vibes Officer/ })
			.getByRole('cell')
			.last()
	).toHaveText('1');
	await expect(neither).not.toContainText('Prompt Wrangler');

	// No request carried anything of the file: no title, no salary, no POST.
	const file = readFileSync(SALARIES, 'utf8');
	const needles = [
		'Prompt Wrangler',
		'Prompt%20Wrangler',
		'Chief Vibes',
		'Chief%20Vibes',
		...new Set(fixtureRows().map((r) => r.salary_in_usd!))
	];
	expect(file).toContain('Chief Vibes');
	for (const r of log) {
		expect(r.method, r.url).toBe('GET');
		for (const n of needles) {
			expect(r.url.includes(n), `${r.url} carries ${n}`).toBe(false);
			expect(r.body ?? '').not.toContain(n);
		}
	}
	expect(log.some((r) => r.url.includes('/titles?source=yours'))).toBe(true);
});

test('/demand on a postings file: totals, and the two downloads built in the browser', async ({ page }) => {
	const log = networkLog(page);
	await load(page, POSTINGS, 'postings');
	await page.goto('/demand?source=yours');
	await expect(page.getByTestId('source-yours')).toHaveText('Your data: data-jobs-postings.csv, 17 rows');
	// From the fixture README, as uploaded (free-text titles normalised): Jan 3 AI / 2 ML, Feb 3 / 3, Mar 2 / 3;
	// 1 title in neither family ('Data Scientist'); AI python 8.
	await expect(page.getByTestId('postings-totals')).toContainText(
		'17 postings: 8 in the AI Engineer family, 8 in the ML Engineer family, 1 in neither'
	);
	const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(/^csv-.*postings-by-month$/).click()]);
	expect(dl.suggestedFilename()).toMatch(/^ai-vs-ml_demand_.*postings-by-month_source-yours\.csv$/);
	expect((await text(dl)).trim().split(/\r?\n/)).toEqual([
		'month,family,postings',
		'2023-01,AI Engineer,3',
		'2023-01,ML Engineer,2',
		'2023-02,AI Engineer,3',
		'2023-02,ML Engineer,3',
		'2023-03,AI Engineer,2',
		'2023-03,ML Engineer,3'
	]);
	const [sk] = await Promise.all([page.waitForEvent('download'), page.getByTestId(/^csv-.*skills-by-family$/).click()]);
	const skills = (await text(sk)).trim().split(/\r?\n/);
	expect(skills[0]).toBe('family,skill,postings,share_pct');
	expect(skills).toContain('AI Engineer,python,8,');
	for (const r of log) {
		expect(r.method, r.url).toBe('GET');
		expect(r.url).not.toContain('langchain');
		expect(r.url).not.toContain('Acme');
	}
});

test('real pay on your data uses the built-in CPI (one GET without parameters); chart SVG names your file', async ({ page }) => {
	const log = networkLog(page);
	await load(page, SALARIES, 'salaries');
	await page.goto('/pay?source=yours&real=1&titles=strict');
	await expect(page.getByTestId('your-page')).toContainText('48 reports');
	await expect(page.getByTestId('your-page')).toContainText('US$ per year, real');
	const cpi = log.filter((r) => r.url.includes('/api/cpi.json'));
	expect(cpi.length).toBe(1);
	expect(new URL(cpi[0]!.url).search).toBe('');
	const card = page.locator('section', { has: page.getByRole('heading', { name: 'Salary distribution by family' }) }).first();
	const [svg] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download SVG' }).click()]);
	expect(svg.suggestedFilename()).toMatch(/_source-yours_.*\.svg$/);
	const body = await text(svg);
	expect(body).toContain('your file pages-salaries.csv');
	expect(body).toContain('<svg');
	const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PNG' }).click()]);
	expect(png.suggestedFilename()).toMatch(/_source-yours_.*\.png$/);
	expect(
		readFileSync((await png.path())!)
			.subarray(1, 4)
			.toString()
	).toBe('PNG');
	// /api/cpi.json takes no parameter.
	expect((await page.request.get('/api/cpi.json?source=yours')).status()).toBe(400);
});

test('server-rendered: a source=yours page says it is loading (never "no file" before IndexedDB is read); /data links to the pages', async ({
	page
}) => {
	const html = await (await page.request.get('/trends?source=yours')).text();
	expect(html).toContain('Reading your data kept in this browser');
	expect(html).not.toContain('none is loaded in this browser');
	// Nothing of the built-in figures is rendered under the "your data" view.
	expect(html).not.toContain('Median salary by work year');
	await load(page, SALARIES, 'salaries');
	await page.getByTestId('pages-on-salaries').getByRole('link', { name: 'Pay' }).click();
	await expect(page).toHaveURL(/\/pay\?source=yours$/);
	await expect(page.getByTestId('your-page')).toContainText('48 reports');
});
