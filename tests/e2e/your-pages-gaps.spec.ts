/**
 * Every page on a user's salaries file WITHOUT the optional columns (title, pay and year only)
 * and on one with some optional cells empty ("Not given"), with `source=yours`. Expected
 * figures are computed here from the fixture text with Papa and a type-7 quantile, families
 * from a title → family table written by hand (as in your-data-gaps.spec.ts), nothing from src/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { expect, test, type Download, type Page } from './fixtures';
import { quantile7, rawRows, usd } from './independent';

const FIX = resolve('tests/fixtures/upload');
const fixture = (name: string) => resolve(FIX, name);
type Row = Record<string, string>;
const rows = (name: string) => Papa.parse<Row>(readFileSync(fixture(name), 'utf8'), { header: true, skipEmptyLines: true }).data;

/** salaries-minimal.csv's titles in family mode, by hand from title-families.md ("Uploaded titles"). */
const FAMILY: Record<string, 'AI' | 'ML' | null> = {
	'Senior AI Engineer': 'AI',
	'AI Engineer': 'AI',
	'Sr. AI Engineer (Remote)': 'AI',
	'Lead AI Engineer - Copilot': 'AI',
	'AI Engineer II': 'AI',
	'Machine Learning Engineer': 'ML',
	'ML Engineer': 'ML',
	'Senior ML Engineer': 'ML',
	'Machine Learning Engineer, Ranking': 'ML',
	'Staff Machine Learning Engineer | Ads': 'ML',
	'AI/ML Engineer': null,
	'Data Scientist': null,
	'Machine Learning Scientist': null
};
const ABSENT = {
	size: 'This file has no company size column.',
	region: 'This file has no company country column, so no region.',
	country: 'This file has no company country column.',
	exp: 'This file has no experience level column.',
	type: 'This file has no employment type column.',
	remote: 'This file has no remote ratio column.'
} as const;

/** Upload a generic-layout file on /data (the guessed mapping is right) and wait until it is kept. */
async function load(page: Page, name: string): Promise<void> {
	await page.goto('/data');
	await page.getByLabel('CSV file').setInputFiles(fixture(name));
	const step = page.getByTestId('mapping-step');
	await expect(step).toBeVisible();
	await step.getByRole('button', { name: 'Load with this mapping' }).click();
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toBeVisible({ timeout: 60_000 });
	await page.waitForFunction(() => performance.getEntriesByName('your-data:stored').length > 0, null, { timeout: 60_000 });
}
async function csvOf(d: Download): Promise<Row[]> {
	return Papa.parse<Row>(readFileSync((await d.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

test('a file with only title, pay and year: / and /pay from its rows, absent filters and segments noted, screenshots', async ({ page }) => {
	mkdirSync('screenshots', { recursive: true });
	const raw = rows('salaries-minimal.csv');
	const pay = (fam: 'AI' | 'ML') => raw.filter((r) => FAMILY[r.title!] === fam).map((r) => Number(r.salary));
	await load(page, 'salaries-minimal.csv');

	await page.goto('/?source=yours');
	await expect(page.getByTestId('your-page')).toBeVisible();
	for (const fam of ['AI', 'ML'] as const) {
		await expect(page.getByTestId(`n-${fam}`)).toHaveText(`n = ${pay(fam).length}`);
		await expect(page.getByTestId(`median-${fam}`)).toHaveText(usd(quantile7(pay(fam), 0.5)));
	}
	// Every optional filter is hidden behind its note; the year filter offers the file's years.
	for (const [facet, note] of Object.entries(ABSENT)) await expect(page.getByTestId(`filter-absent-${facet}`)).toHaveText(note);
	// The claim (US companies; company size) cannot be checked without a country or size column: said, not a table of zeros.
	await expect(page.getByTestId('claim-absent')).toContainText(ABSENT.country);
	await expect(page.getByTestId('claim-bigtech')).toHaveCount(0);
	await expect(page.getByTestId('your-page')).toContainText('so none can be compared');
	await expect(page.getByRole('checkbox', { name: /Large/ })).toHaveCount(0);
	const years = [...new Set(raw.map((r) => r.year!))].sort();
	await expect(page.getByRole('combobox', { name: 'From' }).locator('option:not([value=""])')).toHaveText(years);

	await page.goto('/pay?source=yours');
	await expect(page.getByTestId('your-page')).toBeVisible();
	const n = pay('AI').length + pay('ML').length;
	await expect(page.getByTestId('your-page')).toContainText(`${n} reports`);
	const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-none').click()]);
	const csv = await csvOf(dl);
	for (const fam of ['AI', 'ML'] as const) {
		const row = csv.find((r) => r.family === fam)!;
		expect(Number(row.n)).toBe(pay(fam).length);
		expect(Number(row.median)).toBeCloseTo(quantile7(pay(fam), 0.5), 6);
	}
	// No segment chart: each segment's note instead, and no download for a segment.
	for (const dim of ['companySize', 'region', 'experienceLevel', 'employmentType', 'remoteRatio'])
		await expect(page.getByTestId(`segment-absent-${dim}`)).toBeVisible();
	await expect(page.getByTestId('segment-absent-companySize')).toContainText('This file has no company size column.');
	await expect(page.locator('[data-testid^="csv-"]')).toHaveCount(1);
	for (const [w, h, tag] of [
		[1280, 900, 'desktop'],
		[390, 844, 'phone']
	] as const) {
		await page.setViewportSize({ width: w, height: h });
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `screenshots/your-pay-minimal-${tag}.png`, fullPage: true });
	}
	// /trends and /titles compute too.
	await page.setViewportSize({ width: 1280, height: 900 });
	for (const path of ['/', '/trends', '/titles']) {
		await page.goto(`${path}?source=yours`);
		await expect(page.getByTestId('your-page')).toBeVisible();
		await expect(page.getByTestId('your-error')).toHaveCount(0);
		await page.screenshot({ path: `screenshots/your-minimal${path.replace('/', '-') || '-overview'}.png`, fullPage: true });
	}
});

test('a file with some optional cells empty: a "Not given" option with its count; ticking it filters and goes into the URL', async ({
	page
}) => {
	const raw = rows('salaries-gaps.csv');
	const family = (r: Row) => (r.title === 'AI Engineer' ? 'AI' : r.title === 'Machine Learning Engineer' ? 'ML' : null);
	const noSize = raw.filter((r) => family(r) !== null && r.company_size === '');
	await load(page, 'salaries-gaps.csv');
	await page.goto('/?source=yours');
	await expect(page.getByTestId('your-page')).toBeVisible();
	await expect(page.getByTestId('filter-absent-size')).toHaveCount(0);
	const option = page.locator('label', { has: page.locator('input[name="size"][value="none"]') });
	await expect(option).toContainText('Not given');
	await expect(option.locator('.opt-n')).toHaveText(String(noSize.length));
	await page.screenshot({ path: 'screenshots/your-overview-gaps.png', fullPage: true });
	await option.locator('input').check();
	await expect(page).toHaveURL(/[?&]size=none(&|$)/);
	await expect(page).toHaveURL(/source=yours/);
	for (const fam of ['AI', 'ML'] as const)
		await expect(page.getByTestId(`n-${fam}`)).toHaveText(`n = ${noSize.filter((r) => family(r) === fam).length}`);
	await expect(option.locator('input')).toBeChecked();
	// Unticking it gives every row back.
	await option.locator('input').uncheck();
	await expect(page).not.toHaveURL(/size=/);
	await expect(page.getByTestId('n-AI')).toHaveText(`n = ${raw.filter((r) => family(r) === 'AI').length}`);
});

test('work years: the selects list the built-in data years; a year outside them (from=2026) is accepted and stays selected', async ({
	page
}) => {
	const years = [...new Set(rawRows().map((r) => r.work_year!.replace(/e$/i, '')))].sort();
	await page.goto('/pay');
	const from = page.getByRole('combobox', { name: 'From' });
	await expect(from.locator('option:not([value=""])')).toHaveText(years);
	const res = await page.goto('/pay?from=2026');
	expect(res?.status()).toBe(200);
	await expect(from).toHaveValue('2026');
	await expect(from.locator('option:not([value=""])')).toHaveText([...years, '2026'].sort());
	await page.goto('/pay?from=2014');
	await expect(page.getByText('from: "2014" is not a year from 2015 to 2035')).toBeVisible();
});
