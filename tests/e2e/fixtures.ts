/**
 * Playwright `test` whose `page.goto` also waits until the app has hydrated (the root layout
 * marks <html data-hydrated> on mount), so a click never lands on server-rendered HTML whose
 * handlers are not attached yet. That race showed up on a loaded machine.
 */
import { test as base, type Page } from '@playwright/test';
export { expect } from '@playwright/test';
export type { APIRequestContext, Download, Page } from '@playwright/test';

export const test = base.extend({
	page: async ({ page }, use) => {
		const goto = page.goto.bind(page);
		page.goto = async (url, options) => {
			const response = await goto(url, options);
			const type = response?.headers()['content-type'] ?? '';
			if (type.includes('text/html') && (response?.status() ?? 500) < 400)
				await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 15_000 });
			return response;
		};
		await use(page);
	}
});

/** Requests to the server that carry page data (SvelteKit's __data.json and the pages' JSON endpoint), logged from now on. */
export function dataRequests(page: Page): string[] {
	const log: string[] = [];
	page.on('request', (r) => {
		const u = new URL(r.url());
		if (u.pathname.endsWith('__data.json') || u.pathname.startsWith('/api/pages/')) log.push(u.pathname + u.search);
	});
	return log;
}
