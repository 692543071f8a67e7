/**
 * Pages and phone (issue 16, items 10–13), in Debian's Chromium: /demand's Indeed charts follow
 * the country and region filters (or say why not), a rejected salary on /pay takes the earlier
 * answer and its marker away, the phone layout (claim table, title pickers, filter panel) and
 * the country select's order. Screenshots go to screenshots/ (git-ignored).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Download, type Page } from './fixtures';
import { rawRows } from './independent';

mkdirSync('screenshots', { recursive: true });
const shoot = (page: Page, name: string) => page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });

test.describe('/demand follows the filters', () => {
	test('Europe: the chart, its title, the select, the CSV name and rows and the note name the same market', async ({ page }) => {
		// Independently: the European Indeed market with the most exact-title AI and ML reports.
		const europe = ['DE', 'FR', 'GB', 'IE', 'IT', 'NL'];
		const n = (c: string) =>
			rawRows().filter((r) => r.company_location === c && (r.job_title === 'AI Engineer' || r.job_title === 'Machine Learning Engineer'))
				.length;
		const want = [...europe].sort((a, b) => n(b) - n(a))[0]!;
		const names: Record<string, string> = {
			DE: 'Germany',
			FR: 'France',
			GB: 'United Kingdom',
			IE: 'Ireland',
			IT: 'Italy',
			NL: 'Netherlands'
		};
		await page.goto('/demand?region=europe&titles=strict');
		await expect(page.getByRole('heading', { name: `Share of job postings mentioning AI — ${names[want]}` })).toBeVisible();
		await expect(page.getByRole('heading', { name: /— United States/ })).toHaveCount(0);
		await expect(page.getByLabel('Indeed country')).toHaveValue(want);
		const note = page.getByTestId('market-note');
		await expect(note).toContainText(`the Indeed charts show ${want === 'GB' || want === 'NL' ? 'the ' : ''}${names[want]}`);
		await expect(note).toContainText('France, Germany, Ireland, Italy, Netherlands and United Kingdom');
		const [download] = (await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-indeed-ai-share').click()])) as [
			Download,
			void
		];
		expect(download.suggestedFilename()).toBe(`ai-vs-ml_demand_indeed-ai-share_market-${want}_region-europe_titles-strict.csv`);
		const lines = readFileSync((await download.path())!, 'utf8')
			.trim()
			.split(/\r?\n/);
		expect(lines.length).toBeGreaterThan(12);
		expect(lines.slice(1).every((l) => l.split(',')[1] === want)).toBe(true);
		// The select offers the filter's countries first; picking the US says it is outside the filter.
		await expect(page.getByLabel('Indeed country').locator('optgroup').first()).toHaveAttribute('label', 'In your filters');
		await page.getByLabel('Indeed country').selectOption('US');
		await expect(page).toHaveURL(/market=US/);
		await expect(page.getByRole('heading', { name: 'Share of job postings mentioning AI — United States' })).toBeVisible();
		await expect(note).toContainText('chosen under Indeed country; your region filter is set to Europe');
		// Back to the filter's market: no market= in the URL.
		await page.getByLabel('Indeed country').selectOption(want);
		await expect(page).not.toHaveURL(/market=/);
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await shoot(page, `demand-europe-${width}`);
		}
	});

	test('a country Indeed covers is followed; places it does not cover are said so beside the chart', async ({ page }) => {
		await page.goto('/demand?country=DE');
		await expect(page.getByRole('heading', { name: 'Share of job postings mentioning AI — Germany' })).toBeVisible();
		await expect(page.getByTestId('market-note')).toHaveText('The Indeed charts follow your country filter: they show Germany.');
		await page.goto('/demand?region=asia');
		await expect(page.getByRole('heading', { name: 'Share of job postings mentioning AI — United States' })).toBeVisible();
		await expect(page.getByTestId('market-note')).toHaveText(
			'Indeed publishes no postings data for Asia, so the Indeed charts show the United States; the company-size charts below follow your filters.'
		);
		// No place filter: the United States, nothing to explain.
		await page.goto('/demand');
		await expect(page.getByRole('heading', { name: 'Share of job postings mentioning AI — United States' })).toBeVisible();
		await expect(page.getByTestId('market-note')).toHaveCount(0);
	});
});

test.describe('/pay: a rejected salary takes the earlier answer away', () => {
	const box = (page: Page) => page.getByLabel(/Yearly salary/);
	const submit = (page: Page) => page.getByRole('button', { name: 'Show position' }).click();

	async function rejectAfterAnswer(page: Page, text: string, message: RegExp) {
		await expect(page.getByTestId('positions')).toBeVisible();
		await expect(page.getByTestId('salary-marker')).toBeVisible();
		await box(page).fill(text);
		await submit(page);
		await expect(page.getByTestId('salary-error')).toHaveText(message);
		await expect(page.getByTestId('positions')).toHaveCount(0);
		await expect(page.getByTestId('band-shares')).toHaveCount(0);
		await expect(page.getByTestId('salary-marker')).toHaveCount(0);
		await expect(box(page)).toHaveValue(text);
		await expect(box(page)).toHaveAttribute('aria-invalid', 'true');
		// Editing the text clears the message; the old answer does not come back with it.
		await box(page).press('End');
		await box(page).press('Backspace');
		await expect(page.getByTestId('salary-error')).toHaveText('');
		await expect(page.getByTestId('positions')).toHaveCount(0);
		await expect(page.getByTestId('band-shares')).toHaveCount(0);
		await expect(page.getByTestId('salary-marker')).toHaveCount(0);
	}

	test('on the server-rendered page: "abc" after 150000', async ({ page }) => {
		await page.goto('/pay?salary=150000');
		await box(page).fill('abc');
		await submit(page);
		await expect(page.getByTestId('salary-error')).toHaveText(/Could not read a number/);
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await page.getByTestId('salary-error').scrollIntoViewIfNeeded();
			await page.screenshot({ path: `screenshots/pay-rejected-${width}.png` });
		}
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.reload();
		await rejectAfterAnswer(page, 'abc', /Could not read a number/);
		// Another page state (a filter) shows the URL's salary again, with its answer.
		await page.getByRole('checkbox', { name: 'Senior' }).check();
		await expect(page).toHaveURL(/exp=SE/);
		await expect(box(page)).toHaveValue('150000');
		await expect(page.getByTestId('positions')).toContainText('$150,000 is at the');
		await expect(page.getByTestId('salary-marker')).toBeVisible();
	});

	test('after a client-side navigation: an out-of-bounds amount after a band', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Pay' }).click();
		await expect(page).toHaveURL(/\/pay/);
		await box(page).fill('150k–200k');
		await submit(page);
		await expect(page.getByTestId('band-shares')).toBeVisible();
		await expect(page.getByTestId('salary-marker')).toBeVisible();
		await box(page).fill('20000000');
		await submit(page);
		await expect(page.getByTestId('salary-error')).toHaveText(/larger than any yearly salary/);
		await expect(page.getByTestId('band-shares')).toHaveCount(0);
		await expect(page.getByTestId('salary-marker')).toHaveCount(0);
		// A valid amount brings an answer back.
		await box(page).fill('120k');
		await submit(page);
		await expect(page.getByTestId('salary-error')).toHaveText('');
		await expect(page.getByTestId('positions')).toContainText('$120,000 is at the');
		await rejectAfterAnswer(page, '5', /too small/);
	});
});

test.describe('phone, 390 px', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the claim table fits the screen (nothing cut, no sideways scroll needed)', async ({ page }) => {
		await page.goto('/');
		const wrap = page.locator('section[aria-labelledby="claim-h"] .table-wrap');
		await expect(wrap).toBeVisible();
		const box = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
		expect(box.scroll).toBeLessThanOrEqual(box.client);
		expect(box.right).toBeLessThanOrEqual(390);
		// The upper end of the ML interval is read whole.
		await expect(wrap.locator('tbody tr').first().locator('td').nth(2)).toHaveText(/^\$[\d,]+–\$[\d,]+$/);
		await wrap.scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'screenshots/overview-claim-390.png' });
		await shoot(page, 'overview-390');
	});

	test('a table wider than the screen scrolls visibly and is a labelled, focusable region', async ({ page }) => {
		await page.goto('/methodology');
		const wrap = page.locator('.table-wrap[data-scrolls]').first();
		await expect(wrap).toHaveAttribute('tabindex', '0');
		await expect(wrap).toHaveAttribute('role', 'region');
		await expect(wrap).toHaveAttribute('aria-label', /\(scrolls\)$/);
		const cue = await wrap.evaluate((el) => getComputedStyle(el, '::before').content);
		expect(cue).toContain('Scroll sideways');
		await wrap.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
		// A table that fits is no tab stop.
		await page.setViewportSize({ width: 1280, height: 900 });
		await expect(page.locator('.table-wrap[data-scrolls]')).toHaveCount(0);
		await expect(page.locator('.table-wrap[tabindex]')).toHaveCount(0);
	});

	test('/data: every "Count it as" picker of the unmatched titles is on screen', async ({ page }) => {
		await page.goto('/data');
		await page.getByLabel('CSV file').setInputFiles(resolve('tests/fixtures/upload/data-jobs-free-titles.csv'));
		const table = page.getByTestId('unmatched-titles').first();
		await expect(table).toBeVisible({ timeout: 60_000 });
		await table.scrollIntoViewIfNeeded();
		const pickers = table.getByRole('combobox');
		expect(await pickers.count()).toBeGreaterThan(0);
		for (const box of await pickers.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
			expect(box.left).toBeGreaterThanOrEqual(0);
			expect(box.right).toBeLessThanOrEqual(390);
		}
		await page.screenshot({ path: 'screenshots/data-unmatched-390.png' });
	});

	test('/data mapping step: the kind radios are targets a finger can hit', async ({ page }) => {
		await page.goto('/data');
		await page.getByLabel('CSV file').setInputFiles(resolve('tests/fixtures/upload/dates-pattern.csv'));
		const step = page.getByTestId('mapping-step');
		await expect(step).toBeVisible();
		const boxes = await step.getByRole('radio').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
		expect(boxes).toHaveLength(2);
		// WCAG 2.2 target size: 24 px, or undersized targets whose centres are 24 px apart.
		const centre = (b: DOMRect) => b.top + b.height / 2;
		expect(Math.min(...boxes.map((b) => b.width))).toBeGreaterThanOrEqual(18);
		expect(centre(boxes[1]!) - centre(boxes[0]!)).toBeGreaterThanOrEqual(24);
		await shoot(page, 'data-mapping-390');
	});

	test('the filter panel closes when another page opens (and stays open while filters change)', async ({ page }) => {
		await page.goto('/pay');
		const panel = page.locator('aside details');
		await expect(panel).not.toHaveAttribute('open', '');
		await panel.locator('summary').click();
		await expect(panel).toHaveAttribute('open', '');
		await page.getByRole('checkbox', { name: 'Senior' }).check();
		await expect(page).toHaveURL(/exp=SE/);
		await expect(panel).toHaveAttribute('open', '');
		await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Trends' }).click();
		await expect(page).toHaveURL(/\/trends\?exp=SE/);
		await expect(panel).not.toHaveAttribute('open', '');
		await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
	});
});

test.describe('the country select', () => {
	test('by name, countries that would leave no report last and disabled; a chosen one stays as a removable chip', async ({ page }) => {
		await page.goto('/?region=europe');
		const select = page.getByRole('combobox', { name: 'Add a country' });
		const options = await select
			.locator('option:not([value=""])')
			.evaluateAll((els) => els.map((e) => ({ text: e.textContent!.trim(), disabled: (e as HTMLOptionElement).disabled })));
		const name = (t: string) => t.replace(/ \([\d,]+\)$/, '');
		const enabled = options.filter((o) => !o.disabled);
		const disabled = options.filter((o) => o.disabled);
		expect(enabled.length).toBeGreaterThan(5);
		expect(disabled.length).toBeGreaterThan(5);
		// Every disabled option says (0), every enabled one more; the disabled ones come last.
		expect(disabled.every((o) => o.text.endsWith(' (0)'))).toBe(true);
		expect(enabled.every((o) => !o.text.endsWith(' (0)'))).toBe(true);
		expect(options.slice(enabled.length)).toEqual(disabled);
		const sorted = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, 'en'));
		expect(enabled.map((o) => name(o.text))).toEqual(sorted(enabled.map((o) => name(o.text))));
		expect(disabled.map((o) => name(o.text))).toEqual(sorted(disabled.map((o) => name(o.text))));
		expect(disabled.map((o) => o.text)).toContain('United States (0)');

		// A chosen country with no report in the view: shown as a chip that removes it.
		await page.goto('/?region=europe&country=US');
		await expect(page.getByRole('button', { name: 'Remove United States' })).toBeVisible();
		await page.getByRole('button', { name: 'Remove United States' }).click();
		await expect(page).not.toHaveURL(/country=/);
	});
});
