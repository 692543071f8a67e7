/**
 * Every page at desktop and phone width: no horizontal overflow, a screenshot to look at
 * (in screenshots/, git-ignored), and an axe-core scan with no serious or critical issue.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const PAGES = [
	['overview', '/'],
	['pay', '/pay?titles=strict&salary=150000'],
	['trends', '/trends'],
	['demand', '/demand'],
	['titles', '/titles'],
	['methodology', '/methodology']
] as const;

for (const [name, path] of PAGES) {
	for (const width of [1280, 375]) {
		test(`${name} at ${width}px: no horizontal overflow`, async ({ page }) => {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow).toBeLessThanOrEqual(0);
			await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
		});
	}

	test(`${name}: axe finds no serious or critical violation (light and dark)`, async ({ page }) => {
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			const bad = results.violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${scheme}: ${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')}`);
			expect(bad).toEqual([]);
		}
	});
}

test('tooltips open on keyboard focus as well as on hover', async ({ page }) => {
	await page.goto('/trends');
	const mark = page.locator('svg[data-chart-svg] [tabindex="0"]').first();
	await mark.focus();
	await expect(page.getByRole('tooltip').first()).toBeVisible();
	await page.keyboard.press('Escape');
	await mark.hover();
	await expect(page.getByRole('tooltip').first()).toBeVisible();
});
