/**
 * Sparse and odd states (issue 10): narrow filters, the salary box, partial years and the
 * claim check. Each test states the property a careful reader relies on.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { rawRows } from './independent';

const reportsLine = (text: string) => Number(/([\d,]+) reports ·/.exec(text)?.[1]?.replace(/,/g, ''));

test.describe('narrow filters on /pay', () => {
	test('7 reports: no empty axes, collapsed gap charts, and a hint whose count the next page confirms', async ({ page }) => {
		await page.goto('/pay?size=L&region=europe&exp=SE');
		// Nothing to draw: one line, no distribution SVG, no "$0 $0 $1" axis.
		await expect(page.getByTestId('distribution-empty')).toContainText('Nothing to draw');
		await expect(page.getByTestId('distribution-empty')).toContainText('n = 1');
		expect(await page.locator('svg[aria-roledescription="box plot"]').count()).toBe(0);
		// Every gap chart has only suppressed groups: each collapses to one line, no diverging bars drawn.
		for (const dim of ['companySize', 'region', 'experienceLevel', 'employmentType', 'remoteRatio'])
			await expect(page.getByTestId(`segment-empty-${dim}`)).toContainText('fewer than 10 reports');
		expect(await page.locator('svg[aria-roledescription="diverging bar chart"]').count()).toBe(0);

		// The hint names one filter and the reports its removal gives; following it shows that many.
		const hint = page.getByTestId('relax-hint');
		await expect(hint).toContainText('AI 1, ML 6');
		const button = hint.getByRole('button');
		const label = await button.innerText();
		const m = /Remove '(.+)' → ([\d,]+) reports/.exec(label);
		expect(m, label).not.toBeNull();
		const promised = Number(m![2]!.replace(/,/g, ''));
		await button.click();
		await expect(page).not.toHaveURL(/size=L/);
		await expect(page.locator('main p.muted').first()).toContainText(`${m![2]} reports`);
		expect(reportsLine(await page.locator('main p.muted').first().innerText())).toBe(promised);
	});

	test('option counts: each size option shows the reports that choosing it alone would give', async ({ page }) => {
		await page.goto('/pay?region=europe&exp=SE');
		for (const [code, label] of [
			['S', 'Small'],
			['M', 'Medium'],
			['L', 'Large']
		] as const) {
			const shown = await page.locator(`label:has(input[name="size"][value="${code}"]) .opt-n`).innerText();
			const other = await page.request.get(`/pay?region=europe&exp=SE&size=${code}`);
			const html = await other.text();
			expect(reportsLine(html.replace(/<[^>]+>/g, '')), label).toBe(Number(shown.replace(/,/g, '')));
		}
	});
});

test.describe('where a salary falls', () => {
	test('a band keeps its text, is drawn, and reports each family share; an unknown currency is refused inline', async ({ page }) => {
		await page.goto('/pay');
		const box = page.getByLabel(/Yearly salary/);
		await box.fill('150k–200k');
		await page.getByRole('button', { name: 'Show position' }).click();
		await expect(page).toHaveURL(/salary=150k/);
		await expect(box).toHaveValue('150k–200k');
		await expect(page.getByTestId('salary-marker')).toBeVisible();
		for (const f of ['AI', 'ML'])
			await expect(page.getByTestId(`band-${f}`)).toContainText(/% of [\d,]+ reports fall in \$150,000–\$200,000/);

		await box.fill('90k XYZ');
		await page.getByRole('button', { name: 'Show position' }).click();
		await expect(page.getByTestId('salary-error')).toContainText('"XYZ" is not a currency code this page knows');
		await expect(box).toHaveValue('90k XYZ');
		await expect(box).toHaveAttribute('aria-invalid', 'true');

		await box.fill('120k');
		await page.getByRole('button', { name: 'Show position' }).click();
		await expect(page).toHaveURL(/salary=120k/);
		await expect(page.getByTestId('salary-error')).toHaveText('');
		await expect(page.getByTestId('position-ML')).toContainText('$120,000 is at the');
	});

	test('pay typed in euros or rupees is converted at the data’s own rate, and the page says so', async ({ page }) => {
		// aijobs.net's 2024 rate per currency, from the raw file: the median ratio of salary to salary_in_usd.
		const rate = (code: string) => {
			const ratios = rawRows()
				.filter((r) => r.salary_currency === code && r.work_year === '2024')
				.map((r) => Number(r.salary) / Number(r.salary_in_usd))
				.sort((a, b) => a - b);
			const mid = ratios.length >> 1;
			return ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
		};
		const dollars = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
		const box = page.getByLabel(/Yearly salary/);
		await page.goto('/pay');
		await box.fill('€80–100k');
		await page.getByRole('button', { name: 'Show position' }).click();
		await expect(page).toHaveURL(/salary=%E2%82%AC80/);
		const low = 80_000 / rate('EUR');
		const high = 100_000 / rate('EUR');
		await expect(page.getByTestId('salary-note')).toHaveText(
			`€80,000–€100,000 ≈ ${dollars(low)}–${dollars(high)} at 2024's rate (0.9 EUR per US dollar, the rate this data's 2024 reports in EUR were converted at).`
		);
		await expect(page.getByTestId('band-AI')).toContainText(`fall in ${dollars(low)}–${dollars(high)}`);
		await expect(page.getByTestId('salary-marker')).toBeVisible();
		for (const [width, scheme] of [
			[1280, 'light'],
			[390, 'dark']
		] as const) {
			await page.setViewportSize({ width, height: 900 });
			await page.emulateMedia({ colorScheme: scheme });
			await page.getByTestId('salary-note').scrollIntoViewIfNeeded();
			await page.screenshot({ path: `screenshots/pay-euros-${width}.png` });
			const axe = await new AxeBuilder({ page }).analyze();
			expect(axe.violations.map((v) => `${width} ${scheme}: ${v.id}`)).toEqual([]);
		}

		await box.fill('30 lakh');
		await page.getByRole('button', { name: 'Show position' }).click();
		await expect(page).toHaveURL(/salary=30(\+|%20)lakh/);
		const inr = 3_000_000 / rate('INR');
		await expect(page.getByTestId('salary-note')).toContainText(`₹3,000,000 ≈ ${dollars(inr)} at 2024's rate`);
		await expect(page.getByTestId('position-ML')).toContainText(`${dollars(inr)} is at the`);

		// Two currencies in one range: refused, the earlier answer and its note gone.
		await box.fill('€80k–£100k');
		await page.getByRole('button', { name: 'Show position' }).click();
		await expect(page.getByTestId('salary-error')).toHaveText(
			'Two currencies in one salary: write both ends in one currency, e.g. €80k–100k.'
		);
		await expect(page.getByTestId('salary-note')).toHaveCount(0);
		await expect(page.getByTestId('positions')).toHaveCount(0);
		await expect(page.getByTestId('salary-marker')).toHaveCount(0);
	});

	test('a currency the data has no rate for is named in the message', async ({ page }) => {
		await page.goto(`/pay?salary=${encodeURIComponent('50k NGN')}`);
		await expect(page.getByTestId('salary-error')).toHaveText(
			'This data has no exchange rate for NGN; enter the amount in US dollars or in a currency it has (e.g. EUR, GBP, INR).'
		);
		await expect(page.getByTestId('positions')).toHaveCount(0);
	});

	test('a salary typed into the URL that is not a number is explained next to the box', async ({ page }) => {
		await page.goto('/pay?salary=lots');
		await expect(page.getByTestId('salary-error')).toContainText('Could not read a number');
		await expect(page.getByLabel(/Yearly salary/)).toHaveValue('lots');
	});
});

test.describe('/trends', () => {
	test('default: the span crosses the source shift and says so; the partial year is hollow and dashed', async ({ page }) => {
		await page.goto('/trends');
		await expect(page.locator('select[name="gfrom"]')).toHaveValue('2023');
		await expect(page.locator('select[name="gto"]')).toHaveValue('2024');
		await expect(page.getByTestId('shift-warning')).toContainText('2023→2024 change of source');
		// The median growth carries its interval: "+x% (lo to hi)".
		await expect(page.getByTestId('cagr').getByRole('row', { name: /AI Engineer/ })).toContainText(/%\s\([−+-][\d.]+% to [−+][\d.]+%\)/);
		// 2025 is partial: each line chart draws its 2025 points hollow, reached by a dashed segment.
		const median = page.locator('svg[data-chart-svg]').first();
		await expect(median.locator('circle.point.hollow')).toHaveCount(2);
		await expect(median.locator('path.line.dashed')).toHaveCount(2);
		const share = page.locator('svg[data-chart-svg]').nth(2);
		await expect(share.locator('circle.point.hollow')).toHaveCount(1);
		await share.locator('circle.point.hollow').focus();
		await expect(page.locator('[role="tooltip"], .tooltip').first()).toContainText('partial year');
		// The table says which rows are partial.
		await page.getByRole('button', { name: 'Show as table' }).first().click();
		await expect(page.getByRole('row', { name: /2025 AI Engineer/ }).first()).toContainText('partial year');
	});

	test('Europe, senior: no share drawn from a handful of partial-year reports, no −100 %, selects never blank', async ({ page }) => {
		await page.goto('/trends?region=europe&exp=SE');
		const share = page.locator('svg[data-chart-svg]').nth(2);
		// 2025 has fewer than 10 AI+ML reports here: no share point for it.
		const labels = await share.locator('circle.point').evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label') ?? ''));
		expect(labels.some((l) => l.includes('2025'))).toBe(false);
		await expect(page.getByTestId('no-span')).toContainText('need at least 10 reports in each family');
		expect(await page.locator('select[name="gfrom"]').inputValue()).not.toBe('');
		expect(await page.locator('select[name="gto"]').inputValue()).not.toBe('');
		await expect(page.locator('main')).not.toContainText('−100');
	});
});

test.describe('claim check', () => {
	test('with Europe selected: states its year, sets the region aside, gives verdicts in words, checks the other parts', async ({
		page
	}) => {
		await page.goto('/?region=europe');
		const claim = page.getByTestId('claim');
		// Default: the latest full year (2025 is partial in this snapshot).
		await expect(claim.locator('select[name="cyear"]')).toHaveValue('2024');
		await expect(page.getByTestId('claim-scope')).toContainText('work year 2024');
		await expect(page.getByTestId('claim-set-aside')).toContainText('region (Europe)');
		await expect(page.getByTestId('claim-verdict-ML')).toContainText(
			/\$250k is about the \d+(st|nd|rd|th) percentile of ML pay .*not the median/
		);
		await expect(page.getByTestId('claim-verdict-AI')).toContainText('$160k');
		await expect(page.getByTestId('claim-bigtech')).toContainText('AI n =');
		await expect(page.getByTestId('claim-growth')).toContainText('2023→2024');
		await expect(claim).toContainText('Salary reports are not job postings');

		// Choosing all years says so and changes the n.
		const n2024 = await page.getByTestId('claim-median-ML').locator('xpath=following-sibling::td[2]').innerText();
		await claim.locator('select[name="cyear"]').selectOption('all');
		await expect(page).toHaveURL(/cyear=all/);
		await expect(page.getByTestId('claim-scope')).toContainText('all work years pooled');
		const nAll = await page.getByTestId('claim-median-ML').locator('xpath=following-sibling::td[2]').innerText();
		expect(Number(nAll.replace(/,/g, ''))).toBeGreaterThan(Number(n2024.replace(/,/g, '')));
	});
});

test.describe('gap charts and small things', () => {
	test('gap by region: dollars beside percent, both medians in the tooltip, the far wider Asia interval clipped with an arrow', async ({
		page
	}) => {
		await page.goto('/pay');
		const chart = page.locator('svg[aria-roledescription="diverging bar chart"]').nth(1);
		const europe = chart.locator('g.row', { hasText: 'Europe' });
		await expect(europe.locator('text.value')).toHaveText(/^−[\d.]+% \(−\$\d+k\)$/);
		await europe.focus();
		const tip = page.locator('[role="tooltip"]').first();
		await expect(tip).toContainText(/Medians: AI \$\d+k · ML \$\d+k/);
		await expect(tip).toContainText('In dollars:');
		const asia = chart.locator('g.row', { hasText: 'Asia' });
		await expect(asia.locator('path.clip-arrow')).toHaveCount(2);
		await expect(asia).toHaveAttribute('aria-label', /clipped at the axis/);
		await expect(europe.locator('path.clip-arrow')).toHaveCount(0);
	});

	test('/titles: the family totals are separated by "; " and the page has no filter panel', async ({ page }) => {
		await page.goto('/titles');
		await expect(page.getByTestId('title-totals')).toContainText(/titles?; ML Engineer:/);
		await expect(page.getByRole('complementary', { name: 'Filters' })).toHaveCount(0);
	});
});

test.describe('/demand', () => {
	test('one focus stop per monthly series, arrow keys move along it; the size mix shows n and no shares from under 10 reports', async ({
		page
	}) => {
		await page.goto('/demand');
		const chart = page.locator('svg[data-chart-svg]').first();
		// No focusable dot per month: the only tab stops are one per series.
		expect(await chart.locator('circle.point[tabindex]').count()).toBe(0);
		const stops = chart.locator('rect.series-stop');
		await expect(stops).toHaveCount(2);
		await stops.first().focus();
		const tip = page.locator('[role="tooltip"]').first();
		const latest = await tip.innerText();
		await page.keyboard.press('ArrowLeft');
		await expect(tip).not.toHaveText(latest);
		await page.keyboard.press('End');
		await expect(tip).toHaveText(latest);

		// Size mix: every year label carries n; a year with fewer than 10 AI reports has no bars.
		const mix = page.locator('svg[data-chart-svg]').nth(2);
		const labels = await mix.locator('text').evaluateAll((ts) => ts.map((t) => t.textContent ?? '').join(' '));
		expect(labels).toMatch(/2022\s*n=3\b/);
		const bars2022 = mix.locator('rect.bar[aria-label^="2022"]');
		await expect(bars2022).toHaveCount(0);
	});
});

test('overview chart: both medians with intervals and the claimed values, inside the first screen at 1280×900', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/');
	const chart = page.getByTestId('overview-chart').locator('svg[data-chart-svg]');
	const box = (await chart.boundingBox())!;
	expect(box.y + box.height).toBeLessThanOrEqual(900);
	await expect(chart.locator('line.claim')).toHaveCount(2);
	// The dot's tooltip agrees with the ML family card (same view): its n.
	const mlCard = await page.getByText('ML Engineer family', { exact: true }).locator('xpath=..').innerText();
	const mlN = /n = ([\d,]*\d)/.exec(mlCard)![0];
	await chart.locator('g.mrow[data-row="ML"]').focus();
	const tip = page.locator('[role="tooltip"]').first();
	await expect(tip).toContainText(/Median: \$\d+k/);
	await expect(tip).toContainText('95% interval');
	await expect(tip).toContainText(mlN);
	await expect(tip).toContainText('claimed: $250k');
});

test('phone: after a filter change, "Show N reports" folds the panel and brings the results into view', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/pay');
	const panel = page.locator('aside details');
	await panel.locator('summary').click();
	await page.getByRole('checkbox', { name: 'Large (> 250)' }).check();
	await expect(page).toHaveURL(/size=L/);
	const show = page.getByTestId('show-results');
	await show.scrollIntoViewIfNeeded();
	// The button's count is the page's report count.
	const n = /Show ([\d,]+) reports/.exec(await show.innerText())![1]!;
	await show.click();
	await expect(panel).not.toHaveAttribute('open', '');
	await expect(page.locator('main p.muted').first()).toContainText(`${n} reports`);
	await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
});

test('/pay: a chart a filter empties is hidden, not destroyed, and comes back as the same element with the same marks', async ({
	page
}) => {
	await page.goto('/pay');
	await page.locator('html[data-builtin="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
	const box = page.locator('svg[aria-roledescription="box plot"]');
	const sizeGap = page.locator('section.chart-card', { has: page.getByRole('heading', { name: 'Gap by company size' }) });
	await expect(box).toBeVisible();
	const before = await box.evaluate((el) => el.outerHTML);
	// Tag the elements: a chart made again would not carry the tag.
	await box.evaluate((el) => ((el as unknown as { kept: boolean }).kept = true));
	await sizeGap.evaluate((el) => ((el as unknown as { kept: boolean }).kept = true));

	// Part-time: 6 reports, nothing to draw anywhere.
	await page.getByRole('checkbox', { name: /Part-time/ }).check();
	await expect(page.getByTestId('distribution-empty')).toContainText('Nothing to draw');
	await expect(page.getByTestId('segment-empty-companySize')).toBeVisible();
	await expect(box).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Gap by company size' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Log scale' })).toHaveCount(0);
	// Hidden, it is not drawn again (e.g. at a fallback width while its box measures 0).
	expect(await box.evaluate((el) => el.outerHTML)).toBe(before);

	await page.getByRole('checkbox', { name: /Part-time/ }).uncheck();
	await expect(box).toBeVisible();
	await expect(page.getByTestId('distribution-empty')).toHaveCount(0);
	await expect(page.getByTestId('segment-empty-companySize')).toHaveCount(0);
	expect(await box.evaluate((el) => (el as unknown as { kept?: boolean }).kept)).toBe(true);
	expect(await sizeGap.evaluate((el) => (el as unknown as { kept?: boolean }).kept)).toBe(true);
	// The same view as before the round trip, mark for mark.
	expect(await box.evaluate((el) => el.outerHTML)).toBe(before);
});

test('/pay: gap charts below the first screen follow a filter change and end as the page served for the new URL', async ({
	page,
	context
}) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/pay');
	await page.locator('html[data-builtin="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
	const marks = (p: typeof page) =>
		p
			.locator('section.chart-card', { has: p.getByRole('heading', { name: 'Gap by experience' }) })
			.locator('svg [aria-label]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
	// Below the first screen (ui/Deferred updates it once the screen is painted).
	const card = page.locator('section.chart-card', { has: page.getByRole('heading', { name: 'Gap by experience' }) });
	expect((await card.boundingBox())!.y).toBeGreaterThan(900);
	const before = await marks(page);

	await page.getByRole('checkbox', { name: /^Medium/ }).check();
	await expect(page).toHaveURL(/size=M/);
	const served = await context.newPage();
	await served.goto(page.url());
	const expected = await marks(served);
	expect(expected).not.toEqual(before);
	await expect.poll(() => marks(page)).toEqual(expected);
	// Scrolled into view it stays the same.
	await card.scrollIntoViewIfNeeded();
	expect(await marks(page)).toEqual(expected);
});
