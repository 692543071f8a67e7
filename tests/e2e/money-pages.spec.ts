/**
 * Pay in other money on the pages (`currency=`), in Debian's Chromium: the figures, sentences,
 * axes, tables and downloads in euros or international dollars, checked against values computed
 * here from the raw CSV and the public rate tables (nothing from src/); the currency picker
 * computed in the browser's worker with no page-data request; the salary box in euros and
 * rupees; a code without rates; real pay with a currency; axe; screenshots at desktop and phone.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { dataRequests, expect, test, type Download, type Page } from './fixtures';
import { quantile7, rawRows } from './independent';

const BUILT_IN = resolve('.data-cache/aijobs-salaries/salaries.csv');

/** "€152,340" / "Int$152,340": the page's money format, written here. */
const inMoney = (sign: string, v: number) => `${v < 0 ? '−' : ''}${sign}${Math.abs(Math.round(v)).toLocaleString('en-US')}`;

/** A CSV of ours as records (no quoted commas in the columns read here). */
function csv(s: string): { header: string[]; rows: string[][] } {
	const [head, ...lines] = s.trim().split(/\r?\n/);
	return { header: head!.split(','), rows: lines.map((l) => l.split(',')) };
}

async function text(d: Download): Promise<string> {
	return readFileSync((await d.path())!, 'utf8');
}

/**
 * The strict-title euro median of reports at European companies in `year`: a report paid in euros
 * counts as paid, any other at the public table's EUR rate for its year times its dollar figure.
 */
async function euroMedian(page: Page, title: string, keep: (r: Record<string, string>) => boolean): Promise<{ n: number; median: number }> {
	const rates = csv(await (await page.request.get('/api/money/rates.csv')).text());
	const eur = new Map(rates.rows.filter((r) => r[0] === 'EUR').map((r) => [r[1]!, Number(r[2])]));
	const last = Math.max(...[...eur.keys()].map(Number));
	const v = rawRows()
		.filter((r) => r.job_title === title && keep(r))
		.map((r) =>
			r.salary_currency === 'EUR' ? Number(r.salary) : Number(r.salary_in_usd) * (eur.get(r.work_year!) ?? eur.get(String(last))!)
		);
	return { n: v.length, median: quantile7(v, 0.5) };
}

test('/pay?currency=EUR: every figure in euros, computed from the rows at the public rates; the CSV and its sidecar say EUR', async ({
	page
}) => {
	await page.goto('/pay?currency=EUR&titles=strict&country=DE');
	await expect(page.getByTestId('money-note')).toContainText('Pay in EUR');
	await expect(page.getByTestId('money-note')).toContainText("converted at aijobs.net's rate for each work year");
	await expect(page.getByText(/reports · EUR per year/)).toBeVisible();
	const card = page.locator('section', { has: page.getByRole('heading', { name: 'Salary distribution by family' }) }).first();
	await card.getByRole('button', { name: 'Show as table' }).click();
	const ml = await euroMedian(page, 'Machine Learning Engineer', (r) => r.company_location === 'DE');
	const row = card.getByRole('table').getByRole('row', { name: /^ML Engineer/ });
	await expect(row).toContainText(inMoney('€', ml.median));
	await expect(row).toContainText(String(ml.n));
	// The axis and the subtitle name the money; no dollar sign is left in the chart card.
	await card.getByRole('button', { name: 'Show as table' }).click();
	await expect(card.locator('svg').first()).toContainText('Annual salary (EUR per year)');
	await expect(card).toContainText('pay in EUR');
	expect(await card.innerText()).not.toContain('$');

	// The distribution CSV (the API, same query) has the euro median and says what it is.
	const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-none').click()]);
	expect(dl.suggestedFilename()).toContain('currency-EUR');
	const raw = await text(dl);
	const body = csv(raw);
	expect(body.header).toContain('gap_eur');
	expect(body.header).not.toContain('gap_usd');
	expect(raw).toContain(`"nominal EUR, converted at aijobs.net's rate for each work year`);
	const [meta] = await Promise.all([page.waitForEvent('download'), page.getByTestId('meta-none').click()]);
	const sidecar = JSON.parse(await text(meta)) as { query: string; money?: { currency: string } };
	expect(sidecar.query).toContain('currency=EUR');
	expect(sidecar.money?.currency).toBe('EUR');

	// The chart as SVG: the axis, the subtitle and the labels in euros.
	const [svgDl] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download SVG' }).click()]);
	expect(svgDl.suggestedFilename()).toContain('currency-EUR');
	const svg = await text(svgDl);
	expect(svg).toContain('Annual salary (EUR per year)');
	expect(svg).toContain('pay in EUR');
	expect(svg).toMatch(/median €\d+k/);
	expect(svg).not.toMatch(/\$\d/);

	// The footer lists the rate tables' sources and says what the figures are.
	await expect(page.getByRole('contentinfo')).toContainText('Figures are gross annual pay in EUR');
	await expect(page.getByRole('contentinfo')).toContainText('exchange-rates');
});

test('the currency picker: computed in the browser after the data arrived (no page-data request); back gives dollars again', async ({
	page
}) => {
	await page.goto('/pay?region=europe');
	await page.locator('html[data-builtin="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
	const requests = dataRequests(page);
	await page.getByLabel('Show pay in').selectOption('PPP');
	await expect(page).toHaveURL(/\/pay\?region=europe&currency=PPP$/);
	await expect(page.getByTestId('money-note')).toContainText('international $ at purchasing-power parity');
	// Left out and counted, for this view only (reports at European companies).
	await expect(page.getByTestId('money-note')).toContainText(/\d+ reports? left out: no exchange rate for their country's currency/);
	await expect(page.getByText(/reports · international \$, PPP per year/)).toBeVisible();
	// The same text the server renders for this URL.
	const other = await page.context().newPage();
	await other.goto('/pay?region=europe&currency=PPP');
	await expect(other.getByTestId('money-note')).toHaveText(await page.getByTestId('money-note').innerText());
	await other.close();
	// Real pay is US-dollar only: the box is off and disabled while another money is shown.
	await expect(page.getByRole('checkbox', { name: /real\) pay/ })).toBeDisabled();
	expect(requests).toEqual([]);
	await page.goBack();
	await expect(page).toHaveURL(/\/pay\?region=europe$/);
	await expect(page.getByTestId('money-note')).toHaveCount(0);
	await expect(page.getByText(/reports · US\$ per year/)).toBeVisible();
	// Links to the other pages keep the money.
	await page.getByLabel('Show pay in').selectOption('GBP');
	await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Trends' })).toHaveAttribute(
		'href',
		'/trends?region=europe&currency=GBP'
	);
});

test('the currency picker stays after a filter change computed in the browser in US dollars (its worker has no rate tables then)', async ({
	page
}) => {
	await page.goto('/pay');
	await page.locator('html[data-builtin="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
	const options = () => page.getByLabel('Show pay in').locator('option').allTextContents();
	const served = await options();
	expect(served.join('|')).toContain('US dollars');
	expect(served.length).toBeGreaterThan(10);
	const requests = dataRequests(page);
	await page.getByRole('checkbox', { name: /^Medium/ }).check();
	await expect(page).toHaveURL(/size=M/);
	await expect(page.getByText(/reports · US\$ per year/)).toBeVisible();
	expect(requests).toEqual([]);
	expect(await options()).toEqual(served);
	await page.getByLabel('Show pay in').selectOption('EUR');
	await expect(page).toHaveURL(/size=M&currency=EUR/);
});

test("the salary box in the page money: euros as typed, dollars converted; rupees at PPP by India's factor", async ({ page }) => {
	await page.goto('/pay?currency=EUR');
	await page.getByLabel(/Yearly salary/).fill('€80k');
	await page.getByRole('button', { name: 'Show position' }).click();
	await expect(page).toHaveURL(/salary=%E2%82%AC80k/);
	await expect(page.getByTestId('position-ML')).toContainText('€80,000 is at the');
	await expect(page.getByTestId('salary-note')).toHaveCount(0);

	const rates = csv(await (await page.request.get('/api/money/rates.csv')).text());
	const eur2024 = Number(rates.rows.find((r) => r[0] === 'EUR' && r[1] === '2024')![2]);
	await page.getByLabel(/Yearly salary/).fill('$100k');
	await page.getByRole('button', { name: 'Show position' }).click();
	await expect(page.getByTestId('salary-note')).toContainText(`$100,000 ≈ ${inMoney('€', 100_000 * eur2024)} at 2024's rate`);
	await expect(page.getByTestId('position-ML')).toContainText(`${inMoney('€', 100_000 * eur2024)} is at the`);

	const ppp = csv(await (await page.request.get('/api/money/ppp.csv')).text());
	const in2024 = Number(ppp.rows.find((r) => r[0] === 'IN' && r[2] === '2024')![3]);
	await page.goto('/pay?currency=PPP');
	await page.getByLabel(/Yearly salary/).fill('30 lakh');
	await page.getByRole('button', { name: 'Show position' }).click();
	const intl = inMoney('Int$', 3_000_000 / in2024);
	await expect(page.getByTestId('salary-note')).toContainText(`₹3,000,000 ≈ ${intl} at purchasing-power parity`);
	await expect(page.getByTestId('salary-note')).toContainText('India, World Bank ICP 2024');
	await expect(page.getByTestId('position-ML')).toContainText(`${intl} is at the`);
	// The CSV at PPP: the money columns renamed and pay_basis in words; the median of the rupee answer's page.
	const [pppCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-none').click()]);
	expect(pppCsv.suggestedFilename()).toContain('currency-PPP');
	const pppText = await text(pppCsv);
	expect(csv(pppText).header).toContain('gap_ppp');
	expect(pppText).toContain(
		`"international $ at purchasing-power parity (World Bank ICP PPP conversion factor, GDP, by the employee's country of residence`
	);
	const [pppMeta] = await Promise.all([page.waitForEvent('download'), page.getByTestId('meta-none').click()]);
	const pppSidecar = JSON.parse(await text(pppMeta)) as { money?: { currency: string; left_out_note?: string } };
	expect(pppSidecar.money?.currency).toBe('PPP');
	expect(pppSidecar.money?.left_out_note).toMatch(/reports? left out: /);
	// Euros at PPP need a country: several use the euro.
	await page.getByLabel(/Yearly salary/).fill('€80k');
	await page.getByRole('button', { name: 'Show position' }).click();
	await expect(page.getByTestId('salary-error')).toContainText('choose one of them in the Country filter');
	await expect(page.getByTestId('positions')).toHaveCount(0);
	await page.goto('/pay?currency=PPP&country=DE&salary=%E2%82%AC80k');
	await expect(page.getByTestId('salary-note')).toContainText('Germany, World Bank ICP');
});

test('a code without rates and real pay with a currency: said on the page, which stays in one money', async ({ page }) => {
	await page.goto('/?currency=XYZ');
	await expect(page.getByTestId('money-error')).toContainText('no exchange rates for "XYZ"');
	await expect(page.getByTestId('money-error')).toContainText('EUR');
	await expect(page.getByTestId('median-ML')).toContainText('$');
	await page.goto('/trends?currency=GBP&real=1');
	await expect(page.getByText(/real pay is measured with the US consumer price index/)).toBeVisible();
	await expect(page.getByTestId('nominal-only')).toContainText('Nominal GBP');
	await expect(page.locator('svg').first()).toContainText('GBP, nominal');
	// The overview's claim check stays in dollars: the claim is in dollars.
	await page.goto('/?currency=EUR');
	await expect(page.getByTestId('claim-usd')).toBeVisible();
	await expect(page.getByTestId('claim-median-ML')).toContainText('$');
	await expect(page.getByTestId('median-ML')).toContainText('€');
});

test('your own file (the built-in one uploaded) in euros: the browser-built CSVs equal /api/summary.csv?currency=EUR', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('/data');
	await page.getByLabel('CSV file').setInputFiles(BUILT_IN);
	await expect(page.getByTestId('file-salaries').getByTestId('parse-summary')).toBeVisible({ timeout: 60_000 });
	await page.waitForFunction(() => performance.getEntriesByName('your-data:stored').length > 0, null, { timeout: 60_000 });
	const q = 'size=M&currency=EUR';
	await page.goto(`/pay?${q}&source=yours`);
	await expect(page.getByTestId('money-note')).toContainText('Pay in EUR');
	for (const by of ['none', 'region']) {
		const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`csv-${by}`).click()]);
		const want = await (await page.request.get(`/api/summary.csv?by=${by}&${q}`)).text();
		expect(await text(d), `by=${by}`).toBe(want);
	}
});

test('axe finds nothing on pages in other money; screenshots at 1280 and 390 px', async ({ page }) => {
	test.setTimeout(240_000);
	mkdirSync('screenshots', { recursive: true });
	for (const [path, tag] of [
		['/pay?currency=EUR&salary=%E2%82%AC80k', 'pay-eur'],
		['/?currency=PPP&region=europe', 'overview-ppp'],
		['/trends?currency=INR', 'trends-inr']
	] as const) {
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(path);
			await expect(page.getByTestId('money-note')).toBeVisible();
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
			await page.screenshot({ path: `screenshots/money-${tag}-${width}.png`, fullPage: true });
		}
	}
});
