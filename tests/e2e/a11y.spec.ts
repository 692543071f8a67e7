/**
 * axe-core on every page, at desktop (1280 px) and phone (390 px) width, in the light and the
 * dark colour scheme: the built-in pages, the pages on the user's data (`source=yours`, a
 * salaries and a postings file loaded), and /data in its three states (empty, the mapping step
 * of an unknown layout, both files loaded with their unmatched-titles tables). Every rule axe
 * runs by default counts, whatever its impact (best practices such as `region` and
 * `empty-table-header` included, and WCAG 2.2's `target-size`): the target is zero violations.
 */
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';

const FIX = resolve('tests/fixtures/upload');
const SALARIES = resolve(FIX, 'pages-salaries.csv');
const POSTINGS = resolve(FIX, 'data-jobs-postings.csv');
const UNKNOWN_LAYOUT = resolve(FIX, 'generic-salaries.csv');

const BUILT_IN = ['/', '/pay?salary=150000', '/trends', '/demand', '/titles', '/methodology', '/data'];
const YOURS = ['/', '/pay', '/trends', '/titles', '/demand'].map((p) => `${p}?source=yours`);
const WIDTHS = [1280, 390] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Every violation axe finds on the page as it is now, one line each. */
async function violations(page: Page, where: string): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.map((v) => `${where}: ${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')}`);
}

async function load(page: Page, path: string, kind: 'salaries' | 'postings'): Promise<void> {
	await page.getByLabel('CSV file').setInputFiles(path);
	await expect(page.getByTestId(`file-${kind}`).getByTestId('parse-summary')).toBeVisible({ timeout: 60_000 });
	await page.waitForFunction((n) => performance.getEntriesByName('your-data:stored').length >= n, kind === 'salaries' ? 1 : 2, {
		timeout: 60_000
	});
}

for (const width of WIDTHS) {
	for (const colorScheme of SCHEMES) {
		test.describe(`${width} px, ${colorScheme}`, () => {
			test.use({ viewport: { width, height: 900 }, colorScheme });

			test('axe: no violation on the built-in pages', async ({ page }) => {
				test.setTimeout(240_000);
				const found: string[] = [];
				for (const path of BUILT_IN) {
					await page.goto(path);
					await page.waitForLoadState('networkidle');
					found.push(...(await violations(page, path)));
				}
				expect(found).toEqual([]);
			});

			test('axe: no violation on /data (empty, mapping step, files loaded) and on the pages of your data', async ({ page }) => {
				test.setTimeout(240_000);
				const found: string[] = [];
				await page.goto('/data');
				await expect(page.getByTestId('no-data')).toBeVisible();
				await page.getByLabel('CSV file').setInputFiles(UNKNOWN_LAYOUT);
				await expect(page.getByTestId('mapping-step')).toBeVisible();
				found.push(...(await violations(page, '/data mapping step')));
				await page.getByTestId('mapping-step').getByRole('button', { name: 'Cancel' }).click();
				await load(page, SALARIES, 'salaries');
				await load(page, POSTINGS, 'postings');
				await expect(page.getByTestId('unmatched-titles').first()).toBeVisible();
				found.push(...(await violations(page, '/data loaded')));
				for (const path of YOURS) {
					await page.goto(path);
					// The page's model is shown (PageShell renders your-page only with a result).
					await expect(page.getByTestId('your-page')).toBeVisible({ timeout: 30_000 });
					await page.waitForLoadState('networkidle');
					found.push(...(await violations(page, path)));
				}
				expect(found).toEqual([]);
			});
		});
	}
}
