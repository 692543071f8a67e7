/**
 * /data on files the dashboard used to refuse or half-match: salaries with only title, pay
 * and year; salaries with some optional cells empty ("not given"); and data_jobs postings
 * whose `job_title` is free text. Expected figures are computed here from the fixture text
 * with Papa and a type-7 quantile, and a title → family table written by hand from the
 * rules in src/lib/transform/title-families.md ("Uploaded titles"), nothing from src/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { expect, test, type Download, type Page } from './fixtures';
import { quantile7, usd } from './independent';

const FIX = resolve('tests/fixtures/upload');
const fixture = (name: string) => resolve(FIX, name);
const rows = (name: string) =>
	Papa.parse<Record<string, string>>(readFileSync(fixture(name), 'utf8'), { header: true, skipEmptyLines: true }).data;

/** Family mode, by hand: the normal form (qualifier, seniority, ML spelled out) is a families-v1 title. */
const FAMILY: Record<string, 'AI' | 'ML' | null> = {
	'Senior AI Engineer': 'AI',
	'AI Engineer': 'AI',
	'Sr. AI Engineer (Remote)': 'AI',
	'Lead AI Engineer - Copilot': 'AI',
	'AI Engineer II': 'AI',
	'Staff AI Engineer | Platform': 'AI',
	'AI Engineer (Hybrid)': 'AI',
	'Machine Learning Engineer': 'ML',
	'ML Engineer': 'ML',
	'Senior ML Engineer': 'ML',
	'Machine Learning Engineer, Ranking': 'ML',
	'Staff Machine Learning Engineer | Ads': 'ML',
	'Sr. ML Engineer (Remote)': 'ML',
	'Lead Machine Learning Engineer - NLP': 'ML',
	'Machine Learning Engineer II': 'ML',
	'Junior Machine Learning Engineer': 'ML',
	'AI/ML Engineer': null,
	'Data Scientist': null,
	'Senior Data Scientist': null,
	'Machine Learning Scientist': null,
	'Generative AI Engineer': null
};
/** Strict mode, by hand: the title itself up to case and punctuation. */
const STRICT: Record<string, 'AI' | 'ML'> = { 'AI Engineer': 'AI', 'Machine Learning Engineer': 'ML' };

async function upload(page: Page, path: string): Promise<void> {
	await page.getByLabel('CSV file').setInputFiles(path);
}
async function text(d: Download): Promise<string> {
	return readFileSync((await d.path())!, 'utf8');
}
/** A generic layout asks for its mapping: the guessed one is right for these headers. */
async function confirmMapping(page: Page): Promise<void> {
	const step = page.getByTestId('mapping-step');
	await expect(step).toBeVisible();
	await step.getByRole('button', { name: 'Load with this mapping' }).click();
}
async function summaryCsv(page: Page, base: string): Promise<Record<string, string>[]> {
	const file = page.getByTestId('file-salaries');
	const [dl] = await Promise.all([page.waitForEvent('download'), file.getByTestId(`csv-${base}-summary-by-none`).click()]);
	return Papa.parse<Record<string, string>>(await text(dl), { header: true, skipEmptyLines: true }).data;
}
async function shoot(page: Page, name: string): Promise<void> {
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

test.beforeEach(async ({ page }) => {
	await page.goto('/data');
	await expect(page.getByTestId('no-data')).toBeVisible();
});

test('salaries with only title, salary and year: medians, n and gap from the rows; absent columns named', async ({ page }) => {
	const raw = rows('salaries-minimal.csv');
	await upload(page, fixture('salaries-minimal.csv'));
	await confirmMapping(page);
	const file = page.getByTestId('file-salaries');
	await expect(file.getByTestId('parse-summary')).toHaveText(`${raw.length} rows read · ${raw.length} accepted · 0 rejected`);
	const pay = (fam: 'AI' | 'ML') => raw.filter((r) => FAMILY[r.title!] === fam).map((r) => Number(r.salary));
	for (const fam of ['AI', 'ML'] as const) {
		const v = pay(fam);
		await expect(file.getByTestId(`n-${fam}`)).toHaveText(`n = ${v.length}`);
		await expect(file.getByTestId(`median-${fam}`)).toHaveText(usd(quantile7(v, 0.5)));
	}
	const missing = file.getByTestId('salaries-missing');
	for (const note of ['company size', 'company country', 'experience level', 'employment type', 'remote ratio'])
		await expect(missing).toContainText(`This file has no ${note} column.`);
	// Every row lacks experience, country and size: none can be compared like for like.
	await expect(file.getByTestId('your-lfl-left-out')).toContainText(`leaves out ${pay('AI').length} AI and ${pay('ML').length} ML reports`);
	const csv = await summaryCsv(page, 'salaries-minimal');
	for (const fam of ['AI', 'ML'] as const) {
		const row = csv.find((r) => r.family === fam)!;
		expect(Number(row.n)).toBe(pay(fam).length);
		expect(Number(row.median)).toBeCloseTo(quantile7(pay(fam), 0.5), 6);
		expect(Number(row.p25)).toBeCloseTo(quantile7(pay(fam), 0.25), 6);
	}
	const gap = Number(csv[0]!.gap_usd);
	expect(gap).toBeCloseTo(quantile7(pay('AI'), 0.5) - quantile7(pay('ML'), 0.5), 6);
	// The titles in neither family, with the form each reached.
	const table = page.getByTestId('unmatched-titles');
	const got = await table
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent!.trim())));
	expect(got.map((r) => r[0]).sort()).toEqual(
		Object.keys(FAMILY)
			.filter((t) => FAMILY[t] === null && raw.some((r) => r.title === t))
			.sort()
	);
	expect(got.find((r) => r[0] === 'AI/ML Engineer')).toEqual([
		'AI/ML Engineer',
		'1',
		'ai machine learning engineer',
		'names AI and ML as one'
	]);
	await shoot(page, 'data-salaries-minimal');

	// Strict: only the exact titles count; the choice goes into the URL.
	await page.getByTestId('title-mode').getByRole('button', { name: 'Strict titles only' }).click();
	await expect(page).toHaveURL(/titles=strict/);
	for (const fam of ['AI', 'ML'] as const) {
		const n = raw.filter((r) => STRICT[r.title!] === fam).length;
		await expect(file.getByTestId(`n-${fam}`)).toHaveText(`n = ${n}`);
	}
	await page.reload();
	await expect(page.getByTestId('title-mode').getByRole('button', { name: 'Strict titles only' })).toHaveAttribute('aria-pressed', 'true');
});

test('salaries with some optional cells empty: "not given" counted per column, figures from every row', async ({ page }) => {
	const raw = rows('salaries-gaps.csv');
	await upload(page, fixture('salaries-gaps.csv'));
	await confirmMapping(page);
	const file = page.getByTestId('file-salaries');
	await expect(file.getByTestId('parse-summary')).toHaveText(`${raw.length} rows read · ${raw.length} accepted · 0 rejected`);
	await expect(file.getByTestId('salaries-missing')).toHaveCount(0);
	const empty = (col: string) => raw.filter((r) => r[col] === '').length;
	const note = file.getByTestId('salaries-not-given');
	await expect(note).toContainText(`Company size (S/M/L): ${empty('company_size')} reports`);
	await expect(note).toContainText(`Company country: ${empty('company_country')} reports`);
	await expect(note).toContainText(`Experience level: ${empty('experience_level')} reports`);
	await expect(note).toContainText(`Remote ratio (0/50/100): ${empty('remote_ratio')} reports`);
	const pay = (fam: string) => raw.filter((r) => r.title === fam).map((r) => Number(r.salary_usd));
	const fams = { AI: 'AI Engineer', ML: 'Machine Learning Engineer' } as const;
	for (const fam of ['AI', 'ML'] as const) {
		await expect(file.getByTestId(`n-${fam}`)).toHaveText(`n = ${pay(fams[fam]).length}`);
		await expect(file.getByTestId(`median-${fam}`)).toHaveText(usd(quantile7(pay(fams[fam]), 0.5)));
	}
	// Like-for-like leaves out the rows with experience, country or size empty.
	const noCell = (fam: string) =>
		raw.filter((r) => r.title === fam && (r.experience_level === '' || r.company_country === '' || r.company_size === '')).length;
	await expect(file.getByTestId('your-lfl-left-out')).toContainText(`leaves out ${noCell(fams.AI)} AI and ${noCell(fams.ML)} ML reports`);
	const csv = await summaryCsv(page, 'salaries-gaps');
	expect(Number(csv.find((r) => r.family === 'ML')!.median)).toBeCloseTo(quantile7(pay(fams.ML), 0.5), 6);
	await shoot(page, 'data-salaries-gaps');
});

test('data_jobs postings with free-text titles: families from the normal forms, strict from the exact titles', async ({ page }) => {
	const raw = rows('data-jobs-free-titles.csv');
	await upload(page, fixture('data-jobs-free-titles.csv'));
	const file = page.getByTestId('file-postings');
	await expect(file.getByTestId('parse-summary')).toHaveText(`${raw.length} rows read · ${raw.length} accepted · 0 rejected`);
	const count = (fam: 'AI' | 'ML', table: Record<string, 'AI' | 'ML' | null>, month?: string) =>
		raw.filter((r) => table[r.job_title!] === fam && (!month || r.job_posted_date!.startsWith(month))).length;
	await expect(file.getByTestId('postings-totals')).toContainText(
		`${raw.length} postings: ${count('AI', FAMILY)} in the AI Engineer family, ${count('ML', FAMILY)} in the ML Engineer family`
	);
	const [byMonth] = await Promise.all([
		page.waitForEvent('download'),
		file.getByRole('button', { name: 'Download CSV: postings by month' }).click()
	]);
	const months = [...new Set(raw.map((r) => r.job_posted_date!.slice(0, 7)))].sort();
	const want = [
		'month,family,postings',
		...months.flatMap((m) => [`${m},AI Engineer,${count('AI', FAMILY, m)}`, `${m},ML Engineer,${count('ML', FAMILY, m)}`]),
		''
	];
	expect(await text(byMonth)).toBe(want.join('\r\n'));
	// Raw titles in neither family, with counts and the normal form they reached.
	const table = file.getByTestId('unmatched-titles');
	const got = await table
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim())));
	expect(got.sort()).toEqual([
		['AI/ML Engineer', '2', 'ai machine learning engineer'],
		['Generative AI Engineer', '2', 'generative ai engineer'],
		['Senior Data Scientist', '2', 'data scientist']
	]);
	await shoot(page, 'data-postings-free-titles');
	await page.getByTestId('title-mode').getByRole('button', { name: 'Strict titles only' }).click();
	await expect(file.getByTestId('postings-totals')).toContainText(
		`${count('AI', STRICT)} in the AI Engineer family, ${count('ML', STRICT)} in the ML Engineer family`
	);
	await expect(file.getByTestId('unmatched-titles').locator('thead')).toContainText('Looked up as');
	await shoot(page, 'data-postings-free-titles-strict');
});
