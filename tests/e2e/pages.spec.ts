import { expect, test } from './fixtures';
import { rawRows, titleStats, usd } from './independent';

test.describe('/pay', () => {
	test('distribution, scale toggle, pay-band position and back/forward', async ({ page }) => {
		await page.goto('/pay?titles=strict');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pay: distributions and gaps');
		await expect(page.locator('svg[data-chart-svg]').first()).toBeVisible();

		await page.getByRole('button', { name: 'Log scale' }).click();
		await expect(page).toHaveURL(/scale=log/);
		await expect(page.getByRole('button', { name: 'Log scale' })).toHaveAttribute('aria-pressed', 'true');

		// Pay band: percentile = share strictly below + half the ties, computed here from the raw file.
		await page.getByLabel(/Yearly salary/).fill('175000');
		await page.getByRole('button', { name: 'Show position' }).click();
		await expect(page).toHaveURL(/salary=175000/);
		const ai = rawRows()
			.filter((r) => r.job_title === 'AI Engineer')
			.map((r) => Number(r.salary_in_usd));
		const below = ai.filter((v) => v < 175000).length;
		const ties = ai.filter((v) => v === 175000).length;
		const expected = Math.round((100 * (below + ties / 2)) / ai.length);
		const suffix = expected % 100 >= 11 && expected % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][expected % 10] ?? 'th');
		await expect(page.getByTestId('position-AI')).toContainText(`is at the ${expected}${suffix} percentile of ${ai.length} reports`);

		await page.goBack();
		await expect(page).not.toHaveURL(/salary=/);
		await expect(page.getByTestId('positions')).toHaveCount(0);
		await page.goForward();
		await expect(page.getByTestId('position-AI')).toContainText(`${expected}${suffix} percentile`);
	});

	test('gap by company size as a table matches the raw data', async ({ page }) => {
		await page.goto('/pay?titles=strict');
		const card = page.getByRole('region', { name: 'Gap by company size' });
		await card.getByRole('button', { name: 'Show as table' }).click();
		const large = (r: Record<string, string>) => r.company_size === 'L';
		const ml = titleStats('Machine Learning Engineer', large);
		const row = card.getByRole('row').filter({ hasText: 'Large' });
		await expect(row).toContainText(usd(ml.median));
		await expect(row).toContainText(String(ml.n));
	});
});

test.describe('/trends', () => {
	test('nominal/real toggle changes the medians, and back restores them', async ({ page }) => {
		await page.goto('/trends?titles=strict');
		await page.getByRole('button', { name: 'Show as table' }).first().click();
		const ml2024 = titleStats('Machine Learning Engineer', (r) => r.work_year === '2024');
		const row = page.getByRole('row').filter({ hasText: '2024' }).filter({ hasText: 'ML Engineer' }).first();
		await expect(row).toContainText(usd(ml2024.median));

		await page.getByRole('button', { name: 'Real dollars (CPI-U)' }).click();
		await expect(page).toHaveURL(/real=1/);
		await expect(page.getByText(/deflated by the US CPI-U annual average/)).toBeVisible();
		await page.goBack();
		await expect(page).not.toHaveURL(/real=1/);
		await expect(page.getByRole('button', { name: 'Nominal dollars' })).toHaveAttribute('aria-pressed', 'true');
	});
});

test.describe('/demand', () => {
	test('country picker changes the Indeed series; company-size mix follows the filters', async ({ page }) => {
		await page.goto('/demand');
		await expect(page.getByRole('heading', { name: /Share of job postings mentioning AI — United States/ })).toBeVisible();
		await page.getByLabel('Indeed country').selectOption('GB');
		await expect(page).toHaveURL(/market=GB/);
		await expect(page.getByRole('heading', { name: /Share of job postings mentioning AI — United Kingdom/ })).toBeVisible();
		await page.goBack();
		await expect(page.getByRole('heading', { name: /— United States/ }).first()).toBeVisible();

		await page.goto('/demand?titles=strict&from=2024&to=2024');
		const card = page.getByRole('region', { name: 'ML Engineer family: reports by company size' });
		await card.getByRole('button', { name: 'Show as table' }).click();
		const rows = rawRows().filter((r) => r.job_title === 'Machine Learning Engineer' && r.work_year === '2024');
		const m = rows.filter((r) => r.company_size === 'M').length;
		const share = ((100 * m) / rows.length).toFixed(1).replace(/\.0$/, '');
		await expect(card.getByRole('row').filter({ hasText: '2024' })).toContainText(`${share}%`);
	});
});

test.describe('/titles', () => {
	test('lists each title with its family and count, and switches modes', async ({ page }) => {
		await page.goto('/titles');
		const prompt = rawRows().filter((r) => r.job_title === 'Prompt Engineer').length;
		const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Prompt Engineer', exact: true }) });
		await expect(row).toContainText('AI Engineer');
		await expect(row).toContainText(String(prompt));
		await page.getByRole('radio', { name: /Exact titles only \("AI Engineer"/ }).check();
		await expect(page).toHaveURL(/titles=strict/);
		const ai = rawRows().filter((r) => r.job_title === 'AI Engineer').length;
		await expect(page.getByTestId('title-totals')).toContainText(`AI Engineer: ${ai} reports from 1 title`);
	});
});

test.describe('/methodology', () => {
	test('states the rules and the parse results', async ({ page }) => {
		await page.goto('/methodology');
		await expect(page.getByText(/fewer than\s+10\s+reports is\s+suppressed/)).toBeVisible();
		const row = page.getByRole('row').filter({ hasText: 'aijobs-salaries/salaries.csv' });
		await expect(row).toContainText('74,301');
	});
});

test('every page honours the filters in the URL and keeps them in the navigation', async ({ page }) => {
	await page.goto('/?size=L&titles=strict');
	for (const name of ['Pay', 'Trends', 'Demand', 'Titles', 'Methodology', 'Overview']) {
		await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name }).click();
		await expect(page).toHaveURL(/size=L/);
		await expect(page).toHaveURL(/titles=strict/);
		// /titles and /methodology have no filter panel (nothing there is filtered), but keep the filters for the way back.
		if (name === 'Titles' || name === 'Methodology') await expect(page.getByRole('complementary', { name: 'Filters' })).toHaveCount(0);
		else await expect(page.getByRole('checkbox', { name: 'Large (> 250)' })).toBeChecked();
	}
});

test('a chart downloads as SVG with its title, the filters and the source drawn in', async ({ page }) => {
	await page.goto('/trends?titles=strict&size=M');
	const card = page.getByRole('region', { name: 'Median salary by work year' });
	const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download SVG' }).click()]);
	expect(download.suggestedFilename()).toBe('ai-vs-ml_trends_median-by-year_titles-strict_size-M.svg');
	const { readFile } = await import('node:fs/promises');
	const svg = await readFile((await download.path())!, 'utf8');
	expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
	expect(svg).toContain('Median salary by work year');
	expect(svg).toContain('Exact titles · Size: Medium (50–250)');
	expect(svg).toContain('Source: aijobs.net salaries (CC0), snapshot of 19 Jan 2025');
	expect(svg).not.toContain('var(--');

	const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PNG' }).click()]);
	const bytes = await readFile((await png.path())!);
	expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
});

test('in dark mode a chart still exports light, with its notes', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/trends?region=europe&exp=SE');
	// The page itself is dark.
	expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
	const card = page.getByRole('region', { name: 'Median salary by work year' });
	const note = (await card.locator('.chart-note').first().textContent())!.trim();
	expect(note.length).toBeGreaterThan(10);
	const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download SVG' }).click()]);
	const { readFile } = await import('node:fs/promises');
	const svg = await readFile((await download.path())!, 'utf8');
	expect(svg).toMatch(/^<svg[^>]*>\n<rect width="\d+" height="\d+" fill="#ffffff"\/>/);
	// No colour of the dark palette (background, text, family hues) is left in the file.
	for (const dark of ['13, 17, 23', '230, 237, 243', '240, 160, 64', '86, 180, 233', '#0d1117', '#e6edf3']) expect(svg).not.toContain(dark);
	// The light family colours are there: AI #b35400 = rgb(179, 84, 0), ML #0072b2 = rgb(0, 114, 178).
	expect(svg).toContain('rgb(179, 84, 0)');
	expect(svg).toContain('rgb(0, 114, 178)');
	expect(svg).toContain(note.slice(0, 30).replace(/&/g, '&amp;'));

	const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PNG' }).click()]);
	const path = (await png.path())!;
	const { copyFile, mkdir } = await import('node:fs/promises');
	await mkdir('screenshots', { recursive: true });
	await copyFile(path, 'screenshots/export-dark-mode-median-by-year.png');
	// The PNG's corner and centre pixels, read back in the browser: the background is white.
	const b64 = (await readFile(path)).toString('base64');
	const pixels = await page.evaluate(async (data) => {
		const img = new Image();
		img.src = `data:image/png;base64,${data}`;
		await img.decode();
		const c = document.createElement('canvas');
		c.width = img.width;
		c.height = img.height;
		const ctx = c.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		return [ctx.getImageData(2, 2, 1, 1).data, ctx.getImageData(img.width - 3, img.height - 3, 1, 1).data].map((d) => [...d]);
	}, b64);
	for (const px of pixels) expect(px).toEqual([255, 255, 255, 255]);
});

test('Copy link puts the view URL with its filters on the clipboard', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/pay?size=L&scale=log');
	await page.getByTestId('copy-link').first().click();
	await expect(page.getByText('Link copied to the clipboard.').first()).toBeVisible();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toBe(page.url());
	expect(copied).toContain('size=L');
	expect(copied).toContain('scale=log');
});
