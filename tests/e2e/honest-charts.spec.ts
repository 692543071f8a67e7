/**
 * Issue 10, what the charts themselves show: low-confidence marks, the share's interval, the
 * /demand note on where series end, fixed-size chart exports and the percent format. Expected
 * values are computed here from the data files or from the chart's own stated n, never taken
 * from the code under test.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';

const LOW_LEGEND = 'Faded, dashed: fewer than 30 distinct reports';
const nOf = (label: string) => Number(/n = ([\d,]+)/.exec(label)?.[1]?.replace(/,/g, ''));

test.describe('low-confidence figures (10 ≤ n < 30) are drawn differently', () => {
	test('/trends: exactly the points whose n is 10–29 are faded, and the legend says what that means', async ({ page }) => {
		await page.goto('/trends?region=europe&exp=SE');
		const chart = page.getByRole('region', { name: 'Median salary by work year' });
		const points = chart.locator('circle.point');
		const labels = await points.evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label') ?? '', e.getAttribute('class') ?? '']));
		expect(labels.length).toBeGreaterThan(1);
		let low = 0;
		for (const [label, cls] of labels) {
			const n = nOf(label!);
			expect(Number.isFinite(n), label).toBe(true);
			const isLow = cls!.split(/\s+/).includes('low');
			expect(isLow, `${label} (${cls})`).toBe(n >= 10 && n < 30);
			if (isLow) low += 1;
		}
		// This view has at least one such point (AI 2024), so the legend entry is there.
		expect(low).toBeGreaterThan(0);
		await expect(chart.locator('svg[data-chart-svg]')).toContainText(LOW_LEGEND);
		// A faded point looks different: its fill is translucent and its ring dashed.
		const style = await chart
			.locator('circle.point.low')
			.first()
			.evaluate((e) => {
				const cs = getComputedStyle(e);
				return { opacity: cs.fillOpacity, dash: cs.strokeDasharray };
			});
		expect(Number(style.opacity)).toBeLessThan(1);
		expect(style.dash).not.toBe('none');

		// The count bars under 30 reports are marked the same way, with n in their names.
		const bars = page.getByRole('region', { name: 'Reports per year' }).locator('rect.bar');
		const barInfo = await bars.evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label') ?? '', e.getAttribute('class') ?? '']));
		for (const [label, cls] of barInfo) {
			const n = nOf(label!);
			if (n === 0) continue;
			expect(cls!.split(/\s+/).includes('low'), label).toBe(n < 30);
		}
	});

	test('/pay: a family with 10–29 reports has a faded box with dashed whiskers', async ({ page }) => {
		await page.goto('/pay?size=S');
		const chart = page.getByRole('region', { name: 'Salary distribution by family' });
		const groups = await chart.locator('g.box[role="img"]').evaluateAll((els) =>
			els.map((g) => ({
				label: g.getAttribute('aria-label') ?? '',
				iqrLow: g.querySelector('rect.iqr')?.classList.contains('low') ?? false,
				whiskerLow: g.querySelector('g.whisker')?.classList.contains('low') ?? false
			}))
		);
		expect(groups).toHaveLength(2);
		for (const g of groups) {
			const n = nOf(g.label);
			expect(g.iqrLow, g.label).toBe(n >= 10 && n < 30);
			expect(g.whiskerLow, g.label).toBe(n >= 10 && n < 30);
		}
		expect(groups.some((g) => g.iqrLow)).toBe(true);
	});
});

test('/trends share chart: a 95% interval band, and each point names its interval and n', async ({ page }) => {
	await page.goto('/trends');
	const chart = page.getByRole('region', { name: 'AI family share of AI + ML reports' });
	await expect(chart.locator('path.band')).toHaveCount(1);
	await expect(chart.locator('svg[data-chart-svg]')).toContainText('Shaded: 95% interval');
	const labels = await chart.locator('circle.point').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
	expect(labels.length).toBeGreaterThan(2);
	const z = 1.959963984540054;
	for (const label of labels) {
		const m = /(\d{4}): ([\d.]+)%; 95% interval: ([\d.]+)% to ([\d.]+)%; n = ([\d,]+)/.exec(label);
		expect(m, label).not.toBeNull();
		const [share, lo, hi, n] = [Number(m![2]), Number(m![3]), Number(m![4]), Number(m![5]!.replace(/,/g, ''))];
		expect(lo).toBeLessThanOrEqual(share);
		expect(hi).toBeGreaterThanOrEqual(share);
		// Repeated rows only shrink the effective n, so the interval is at least as wide as
		// Wilson's on the year's n (computed here), to the label's 0.1-point rounding.
		const p = share / 100;
		const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
		const h = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
		expect(lo).toBeLessThanOrEqual(100 * (c - h) + 0.15);
		expect(hi).toBeGreaterThanOrEqual(100 * (c + h) - 0.15);
	}
	// The snapshot's own year (2025) is drawn hollow and named partial.
	const partial = chart.locator('circle.point.hollow');
	await expect(partial).toHaveCount(1);
	await expect(partial).toHaveAttribute('aria-label', /^AI family share of AI \+ ML reports, 2025: .*partial/);
	// The table view gives the interval too.
	await chart.getByRole('button', { name: 'Show as table' }).click();
	await expect(chart.getByRole('columnheader', { name: 'AI share 95% low' })).toBeVisible();
});

test('/demand says where its series end, with dates read from the data files', async ({ page }) => {
	const dir = resolve(process.env.DATA_CACHE_DIR ?? '.data-cache');
	const lastDate = (file: string, keep: (cells: string[]) => boolean) =>
		readFileSync(join(dir, file), 'utf8')
			.trim()
			.split(/\r?\n/)
			.slice(1)
			.map((l) => l.split(','))
			.filter(keep)
			.map((c) => c[0]!)
			.sort()
			.at(-1)!;
	const us = (c: string[]) => c[1] === 'US';
	const ai = lastDate('indeed-ai-tracker/AI_posting.csv', us);
	const genai = lastDate('indeed-ai-tracker/GenAI_posting.csv', us);
	const sectors = lastDate(
		'indeed-job-postings/job_postings_by_sector_US.csv',
		(c) => us(c) && ['Software Development', 'Mathematics'].includes(c[4]!)
	);
	const sources = readFileSync(resolve('data/sources.json'), 'utf8');
	const snapshot = /snapshot of (\d{4}-\d{2}-\d{2})/.exec(sources)![1]!;
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const day = (iso: string) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

	await page.goto('/demand');
	const note = page.getByTestId('series-ends');
	await expect(note).toHaveText(
		`The series end at different dates: Indeed AI share ${day(ai)}; Indeed generative-AI share ${day(genai)}; ` +
			`Indeed sector index ${day(sectors)}; salary reports (aijobs.net snapshot) ${day(snapshot)}. Compare them only over the months they share.`
	);
	// It sits before the first chart, where the series are read.
	const noteBox = (await note.boundingBox())!;
	const chartBox = (await page.getByRole('region', { name: /Share of job postings mentioning AI/ }).boundingBox())!;
	expect(noteBox.y).toBeLessThan(chartBox.y);
});

test.describe('chart exports have one fixed size, whatever the screen', () => {
	/** Width and height from a PNG's IHDR chunk. */
	const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

	for (const [name, viewport] of [
		['phone', { width: 390, height: 844 }],
		['wide', { width: 1600, height: 900 }]
	] as const) {
		test(`${name}: the line chart exports as a 960 px file with a 944 × 531 (16:9) chart, PNG at 2×`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.goto('/trends');
			const card = page.getByRole('region', { name: 'Median salary by work year' });
			const [svgFile] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download SVG' }).click()]);
			const svg = readFileSync((await svgFile.path())!, 'utf8');
			const root = /^<svg[^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
			expect(Number(root[1])).toBe(960);
			// The chart inside the file: laid out at 944 px, 944 × 9 / 16 = 531 px tall.
			expect(svg).toMatch(/<svg x="8" y="[\d.]+" width="944" height="531" viewBox="0 0 944 531"/);
			const [pngFile] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PNG' }).click()]);
			const png = pngSize(readFileSync((await pngFile.path())!));
			expect(png.width).toBe(2 * 960);
			expect(png.height).toBe(2 * Number(root[2]));
			// The copy laid out for the file is gone again.
			await expect(page.locator('.export-copy')).toHaveCount(0);
		});
	}

	test('the distribution (a row chart) keeps its natural height at the export width on a phone and on a wide screen', async ({
		browser
	}) => {
		const sizes: { width: number; height: number }[] = [];
		for (const viewport of [
			{ width: 390, height: 844 },
			{ width: 1600, height: 900 }
		]) {
			const page = await browser.newPage({ viewport });
			await page.goto('/pay');
			// A page from `browser` lacks the fixture's hydration wait: a click before it would do nothing.
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
			const card = page.getByRole('region', { name: 'Salary distribution by family' });
			const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PNG' }).click()]);
			sizes.push(pngSize(readFileSync((await png.path())!)));
			await page.close();
		}
		expect(sizes[0]).toEqual(sizes[1]);
		expect(sizes[0]!.width).toBe(1920);
	});
});

test('percentages of one kind print the same decimals: the /trends growth table', async ({ page }) => {
	await page.goto('/trends');
	const cells = await page.locator('table').last().locator('td').allInnerTexts();
	const percents = cells.flatMap((t) => t.match(/[+−-]?[\d,]+(?:\.\d+)?(?:%| pts)/g) ?? []);
	expect(percents.length).toBeGreaterThan(3);
	for (const p of percents) expect(p, p).toMatch(/\.\d(?:%| pts)$/);
});

test('/demand: a family whose every yearly mix is suppressed says so in one line instead of drawing empty axes', async ({ page }) => {
	await page.goto('/demand?size=L&region=europe');
	const card = page.getByRole('region', { name: 'AI Engineer family: reports by company size' });
	const note = card.getByTestId('size-mix-empty-AI');
	await expect(note).toContainText('Nothing to draw');
	// Every year it names has fewer than 10 reports, and the table view gives the same counts.
	const ns = [...((await note.innerText()).matchAll(/(\d{4}) n = ([\d,]+)/g) ?? [])].map((m) => Number(m[2]!.replace(/,/g, '')));
	expect(ns.length).toBeGreaterThan(0);
	for (const n of ns) expect(n).toBeLessThan(10);
	await expect(card.locator('svg[data-chart-svg]')).toHaveCount(0);
	await card.getByRole('button', { name: 'Show as table' }).click();
	const totals = await card
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((r) => Number(r.children[1]?.textContent?.replace(/,/g, ''))));
	expect(totals).toEqual(ns);
});

test('/trends with 7 reports: the median and share charts say there is nothing to draw instead of empty axes', async ({ page }) => {
	await page.goto('/trends?size=L&region=europe&exp=SE');
	const medians = page.getByRole('region', { name: 'Median salary by work year' });
	await expect(medians.getByTestId('medians-empty')).toContainText('Nothing to draw');
	await expect(medians.locator('svg[data-chart-svg]')).toHaveCount(0);
	const share = page.getByRole('region', { name: 'AI family share of AI + ML reports' });
	await expect(share.getByTestId('share-empty')).toContainText('Nothing to draw');
	await expect(share.locator('svg[data-chart-svg]')).toHaveCount(0);
	// No image to download either.
	for (const card of [medians, share]) await expect(card.getByRole('button', { name: /Download (SVG|PNG)/ })).toHaveCount(0);
	// The claim holds: the table shows no year with 10 reports in a family, nor 10 AI + ML reports.
	await medians.getByRole('button', { name: 'Show as table' }).click();
	const ns = await medians
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((r) => Number(r.children[2]?.textContent?.replace(/,/g, ''))));
	expect(ns.length).toBeGreaterThan(0);
	for (const n of ns) expect(n).toBeLessThan(10);
	// The counts are still drawn: a count is its own evidence.
	await expect(page.getByRole('region', { name: 'Reports per year' }).locator('svg[data-chart-svg]')).toHaveCount(1);
});

test('/pay: on screen the distribution’s dots are painted on one canvas per family, and a downloaded SVG still has every dot', async ({
	page,
	request
}) => {
	// The server's page (no JavaScript) draws each dot as a <circle>: count them for size=M.
	const html = await (await request.get('/pay?size=M')).text();
	const chartHtml = html.slice(html.indexOf('data-chart-svg'), html.indexOf('</svg>', html.indexOf('data-chart-svg')));
	const serverDots = (chartHtml.match(/<circle/g) ?? []).length;
	expect(serverDots).toBeGreaterThan(400);

	await page.goto('/pay');
	await page.locator('html[data-builtin="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
	await page.getByRole('checkbox', { name: 'Medium (50–250)' }).check();
	await expect(page).toHaveURL(/size=M/);
	const card = page.getByRole('region', { name: 'Salary distribution by family' });
	const canvases = card.locator('svg[data-chart-svg] g[data-group] foreignObject canvas');
	await expect(canvases).toHaveCount(2);
	// Each canvas has dots painted on it (not blank), and no strip of <circle>s is left beside it.
	const painted = await canvases.evaluateAll((cs) =>
		(cs as HTMLCanvasElement[]).map((c) => {
			const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
			let n = 0;
			for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
			return n;
		})
	);
	for (const n of painted) expect(n).toBeGreaterThan(100);
	await expect(card.locator('.dots.strip circle')).toHaveCount(0);

	// The file is drawn from the export copy, with one <circle> per dot, as the server's page.
	const [svgFile] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download SVG' }).click()]);
	const svg = readFileSync((await svgFile.path())!, 'utf8');
	expect((svg.match(/<circle/g) ?? []).length).toBe(serverDots);
	expect(svg).not.toContain('<canvas');
});
