/**
 * A salaries file whose pay is not in US dollars, loaded on /data in Debian's Chromium: an
 * aijobs.net export without its `salary_in_usd` column (pay in EUR and INR, one unknown
 * currency) is converted with the server's rates and the row it cannot convert is rejected with
 * the reason; a file with one pay column and "EUR for the whole file" chosen in the mapping step
 * gives /pay?source=yours medians in US dollars equal to the ones computed here (each amount ÷
 * the rate of its year, read from /api/money/tables.json, then a plain median); a failed fetch of
 * the tables refuses the file with a message. Screenshots of the mapping step and the report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { quantile7, usd } from './independent';

const DIR = resolve('test-results/your-data-currency');
mkdirSync(DIR, { recursive: true });
mkdirSync('screenshots', { recursive: true });

function write(name: string, text: string): string {
	const path = resolve(DIR, name);
	writeFileSync(path, text);
	return path;
}

/** Units per US dollar for a currency and year, from the tables the server publishes (the rate only; the arithmetic is done here). */
async function rateOf(page: Page, code: string, year: number): Promise<number> {
	const t = (await (await page.request.get('/api/money/tables.json')).json()) as {
		market: Record<string, Record<string, [number, string]>>;
	};
	return t.market[code]![String(year)]![0];
}

async function waitKept(page: Page) {
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toBeVisible({ timeout: 60_000 });
	await page.waitForFunction(() => performance.getEntriesByName('your-data:stored').length > 0, null, { timeout: 60_000 });
}

const AIJOBS_NO_USD =
	'work_year,experience_level,employment_type,job_title,salary,salary_currency,employee_residence,remote_ratio,company_location,company_size';

test('an aijobs.net export without salary_in_usd: EUR and INR converted, an unknown currency rejected with its reason', async ({
	page
}) => {
	const log: string[] = [];
	page.on('request', (r) => log.push(`${r.method()} ${new URL(r.url()).pathname} ${r.postData() ?? ''}`));
	const csv = [
		AIJOBS_NO_USD,
		'2024,SE,FT,AI Engineer,90000,EUR,DE,0,DE,M',
		'2024,SE,FT,Machine Learning Engineer,8330000,INR,IN,0,IN,L',
		'2024,MI,FT,AI Engineer,45000,EUR,FR,100,FR,S',
		'2024,SE,FT,AI Engineer,120000,USD,US,0,US,M',
		'2024,SE,FT,Machine Learning Engineer,70000,XYZ,DE,0,DE,M'
	].join('\n');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/data');
	await page.getByLabel('CSV file').setInputFiles(write('aijobs-local.csv', csv + '\n'));
	await waitKept(page);
	const file = page.getByTestId('file-salaries');
	await expect(file.getByTestId('parse-summary')).toHaveText('5 rows read · 4 accepted · 1 rejected');
	const reasons = file.getByTestId('reject-reasons');
	await expect(reasons.getByRole('row')).toHaveCount(2);
	await expect(reasons.getByRole('row').nth(1)).toHaveText(/salary_currency: no exchange rate for XYZ in 2024\s*1/);
	await expect(file.getByTestId('problems').getByRole('row').nth(1)).toContainText('6');

	// The rates used, one line per currency and year.
	const exchange = file.getByTestId('exchange');
	await exchange.locator('summary').click();
	await expect(exchange.getByRole('listitem')).toHaveText([
		/^EUR, 2024: .* per US dollar · 2 rows$/,
		/^INR, 2024: .* · 1 row$/,
		/^USD, 2024: 1 per US dollar · 1 row$/
	]);

	// The four converted rows reach the pages.
	await page.goto('/pay?source=yours&titles=strict');
	await expect(page.getByTestId('your-page')).toContainText('4 reports');

	await page.goto('/data');
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toBeVisible();
	await page.getByTestId('file-salaries').getByTestId('exchange').locator('summary').click();
	for (const [w, tag] of [
		[1280, 'desktop'],
		[390, 'phone']
	] as const) {
		await page.setViewportSize({ width: w, height: 900 });
		await page.getByTestId('file-salaries').getByTestId('parse-summary').scrollIntoViewIfNeeded();
		await page.screenshot({ path: `screenshots/your-data-currency-report-${tag}.png`, fullPage: true });
	}
	// Only the public tables were asked for; nothing of the file went anywhere.
	expect(log.filter((l) => /90000|8330000|XYZ/.test(l))).toEqual([]);
	expect(log.some((l) => l.startsWith('GET /api/money/tables.json'))).toBe(true);
});

test('one pay column, "EUR" chosen for the whole file: /pay medians in US dollars equal those computed here', async ({ page }) => {
	// 12 reports per family (≥ the 10 a family needs), pay in euros over two years.
	const rows: [string, number, number][] = [];
	for (let i = 0; i < 12; i++) {
		rows.push(['AI Engineer', 60000 + i * 7500, i % 2 ? 2023 : 2024]);
		rows.push(['Machine Learning Engineer', 55000 + i * 6100, i % 3 ? 2024 : 2023]);
	}
	const csv = ['Role,Annual pay,Year', ...rows.map(([t, p, y]) => `${t},"${p.toLocaleString('en-US')}",${y}`)].join('\n') + '\n';
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/data');
	await page.getByLabel('CSV file').setInputFiles(write('euro-pay.csv', csv));
	const step = page.getByTestId('mapping-step');
	await expect(step).toBeVisible();
	const select = step.getByRole('combobox', { name: 'The pay column is in' });
	await expect(select).toHaveValue('USD');
	// The currencies come from the money tables; EUR among them, by keyboard.
	await expect(select.locator('option[value="EUR"]')).toHaveCount(1);
	await select.focus();
	await select.selectOption('EUR');
	await expect(step.getByText('Pay in EUR (annual unless a pay period is given) (required)')).toBeVisible();
	await expect(step.getByTestId('pay-currency-note')).toContainText("converted to US dollars at the dashboard's EUR rate");
	await expect(step.getByRole('list', { name: 'How the first pay values are read' }).getByRole('listitem').first()).toHaveText(
		'60,000 → €60,000'
	);
	for (const [w, tag] of [
		[1280, 'desktop'],
		[390, 'phone']
	] as const) {
		await page.setViewportSize({ width: w, height: 900 });
		await select.scrollIntoViewIfNeeded();
		await page.screenshot({ path: `screenshots/your-data-currency-mapping-${tag}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
	await step.getByRole('button', { name: 'Load with this mapping' }).click();
	await waitKept(page);
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toHaveText('24 rows read · 24 accepted · 0 rejected');

	const rate = { 2023: await rateOf(page, 'EUR', 2023), 2024: await rateOf(page, 'EUR', 2024) } as Record<number, number>;
	const dollars = (title: string) => rows.filter((r) => r[0] === title).map(([, p, y]) => p / rate[y]!);
	await page.goto('/pay?source=yours&titles=strict');
	await expect(page.getByTestId('your-page')).toContainText('24 reports · US$ per year');
	const card = page.locator('section', { has: page.getByRole('heading', { name: 'Salary distribution by family' }) }).first();
	await card.getByRole('button', { name: 'Show as table' }).click();
	const table = card.getByRole('table');
	await expect(table.getByRole('row', { name: /^AI Engineer/ })).toContainText(usd(quantile7(dollars('AI Engineer'), 0.5)));
	await expect(table.getByRole('row', { name: /^ML Engineer/ })).toContainText(usd(quantile7(dollars('Machine Learning Engineer'), 0.5)));
});

test('the tables cannot be fetched: the file is refused with a message, nothing is kept', async ({ page }) => {
	await page.route('**/api/money/tables.json', (r) => r.fulfill({ status: 503, body: 'Service unavailable' }));
	await page.goto('/data');
	await page
		.getByLabel('CSV file')
		.setInputFiles(write('aijobs-local-503.csv', `${AIJOBS_NO_USD}\n2024,SE,FT,AI Engineer,90000,EUR,DE,0,DE,M\n`));
	const alert = page.getByTestId('upload-error');
	await expect(alert).toContainText('the exchange rates to convert it could not be loaded (the server answered HTTP 503)');
	await expect(alert).toContainText('nothing of the file was sent anywhere');
	await expect(page.getByTestId('file-salaries')).toHaveCount(0);
	await expect(page.getByTestId('no-data')).toBeVisible();
});
