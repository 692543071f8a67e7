/**
 * One page runtime, in the browser: after the first paint the built-in data arrives in the
 * worker (html[data-builtin="ready"]), and from then on a filter change is computed there —
 * the request log shows no __data.json and no /api/pages request — while the URL follows, so
 * back, forward, reload and a copied link in a fresh context show the same view the server
 * renders for that URL. Before the data arrives, or when its pack is refused (cut short,
 * altered), the page asks the server and draws the same numbers. The same on a user's file;
 * and with JavaScript off the pages work by links.
 */
import { resolve } from 'node:path';
import { test as plain } from '@playwright/test';
import { dataRequests, expect, test, type Page } from './fixtures';

const SALARIES = resolve('tests/fixtures/upload/pages-salaries.csv');

/**
 * The page's main content as text (the figures and sentences), for comparing two renderings of
 * one URL; without the data-source switch, which the browser draws once it has read IndexedDB.
 */
const mainText = (page: Page) =>
	page.evaluate(() => {
		const main = document.querySelector('main')!.innerText;
		const sw = (document.querySelector('[data-testid="source-switch"]') as HTMLElement | null)?.innerText ?? '';
		return main.replace(sw, '');
	});

/** What the server renders for a URL, read in a page of its own. */
async function serverText(page: Page, path: string): Promise<string> {
	const other = await page.context().newPage();
	await other.goto(path);
	// Charts measure their box after hydration and lay out their axes again: let them settle.
	await other.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
	const t = await mainText(other);
	await other.close();
	return t;
}

async function ready(page: Page): Promise<void> {
	await page.locator('html[data-builtin="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
}

test('built-in data: filter, back, forward, reload and a copied link show the server’s view, with no page-data request after the data arrived', async ({
	page,
	browser
}) => {
	await page.goto('/pay');
	await ready(page);
	const requests = dataRequests(page);
	await page.getByRole('checkbox', { name: /^Large/ }).check();
	await expect(page).toHaveURL(/\/pay\?size=L$/);
	await expect(page.getByText('147 reports · US$ per year')).toBeVisible();
	const filtered = await serverText(page, '/pay?size=L');
	await expect.poll(() => mainText(page)).toBe(filtered);
	await page.getByRole('checkbox', { name: /^Senior/ }).check();
	await expect(page).toHaveURL(/\/pay\?size=L&exp=SE$/);
	const narrow = await serverText(page, '/pay?size=L&exp=SE');
	await expect.poll(() => mainText(page)).toBe(narrow);

	await page.goBack();
	await expect(page).toHaveURL(/\/pay\?size=L$/);
	await expect.poll(() => mainText(page)).toBe(filtered);
	await page.goForward();
	await expect(page).toHaveURL(/exp=SE/);
	await expect.poll(() => mainText(page)).toBe(narrow);
	expect(requests).toEqual([]);

	await page.reload();
	await expect.poll(() => mainText(page)).toBe(narrow);

	// Copy link, then open it in a fresh context (no cookies, no storage, no cache).
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.getByRole('button', { name: 'Copy link' }).first().click();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(new URL(link).pathname + new URL(link).search).toBe('/pay?size=L&exp=SE');
	const fresh = await browser.newContext();
	const p2 = await fresh.newPage();
	await p2.goto(link);
	await expect.poll(() => mainText(p2)).toBe(narrow);
	await fresh.close();
});

test('each change asks the worker once: as the navigation begins (a filter, back, forward), and the page’s load takes that answer', async ({
	page
}) => {
	// Count the page requests posted to the worker (state/runtime posts { type: 'page', … }).
	await page.addInitScript(() => {
		const w = window as unknown as { __asked: string[] };
		w.__asked = [];
		const post = Worker.prototype.postMessage;
		Worker.prototype.postMessage = function (this: Worker, m: unknown, ...rest: unknown[]) {
			const msg = m as { type?: string; page?: string; params?: string };
			if (msg?.type === 'page') w.__asked.push(`${msg.page}?${msg.params}`);
			return (post as (...a: unknown[]) => void).call(this, m, ...rest);
		} as typeof post;
	});
	const asked = () => page.evaluate(() => (window as unknown as { __asked: string[] }).__asked.splice(0));
	await page.goto('/pay');
	await ready(page);
	await asked();
	const requests = dataRequests(page);
	await page.getByRole('checkbox', { name: /^Large/ }).check();
	await expect(page).toHaveURL(/\/pay\?size=L$/);
	await expect(page.getByText('147 reports · US$ per year')).toBeVisible();
	expect(await asked()).toEqual(['pay?size=L']);
	await page.getByRole('checkbox', { name: /^Senior/ }).check();
	await expect(page).toHaveURL(/exp=SE$/);
	await expect.poll(() => mainText(page)).toBe(await serverText(page, '/pay?size=L&exp=SE'));
	expect(await asked()).toEqual(['pay?size=L&exp=SE']);
	await page.goBack();
	await expect(page.getByText('147 reports · US$ per year')).toBeVisible();
	expect(await asked()).toEqual(['pay?size=L']);
	await page.goForward();
	await expect(page).toHaveURL(/exp=SE$/);
	await expect.poll(() => mainText(page)).toBe(await serverText(page, '/pay?size=L&exp=SE'));
	expect(await asked()).toEqual(['pay?size=L&exp=SE']);
	expect(requests).toEqual([]);
});

test('the other pages too: a filter change on /, /trends and /demand is computed in the browser and matches the server', async ({
	page
}) => {
	for (const [path, option, expected] of [
		['/', /^Europe/, '/?region=europe'],
		['/trends', /^Mid/, '/trends?exp=MI'],
		['/demand', /^Large/, '/demand?size=L']
	] as const) {
		await page.goto(path);
		await ready(page);
		const requests = dataRequests(page);
		await page.getByRole('checkbox', { name: option }).check();
		await expect(page).toHaveURL(new RegExp(`${expected.replace('?', '\\?')}$`));
		await expect.poll(() => mainText(page)).toBe(await serverText(page, expected));
		expect(requests, path).toEqual([]);
	}
});

test('until the built-in data is here, or when its pack is refused, a filter change asks the server and draws the same numbers', async ({
	page
}) => {
	for (const spoil of ['cut-short', 'altered'] as const) {
		await page.route('**/api/builtin/salaries-*.bin', async (route) => {
			const r = await route.fetch({ headers: { ...route.request().headers(), 'accept-encoding': 'identity' } });
			const body = await r.body();
			const bad = spoil === 'cut-short' ? body.subarray(0, body.length >> 1) : Buffer.from(body);
			if (spoil === 'altered') bad[bad.length - 9] = bad[bad.length - 9]! ^ 0xff;
			await route.fulfill({ status: 200, body: bad, headers: { 'content-type': 'application/octet-stream' } });
		});
		await page.goto('/pay');
		await page.locator('html[data-builtin="failed"]').waitFor({ state: 'attached', timeout: 30_000 });
		expect(await page.locator('html').getAttribute('data-builtin-error')).toContain('sha256');
		const requests = dataRequests(page);
		await page.getByRole('checkbox', { name: /^Large/ }).check();
		await expect(page).toHaveURL(/size=L/);
		await expect.poll(() => mainText(page)).toBe(await serverText(page, '/pay?size=L'));
		expect(requests).toEqual(['/api/pages/pay?size=L']);
		await page.unroute('**/api/builtin/salaries-*.bin');
	}
});

test('the page drawn again on the worker’s model once the data arrives shows the same; a change under way, or text typed, is not lost', async ({
	page
}) => {
	// The pack held back until a filter change is waiting for the server, which answers slowly.
	let release!: () => void;
	const held = new Promise<void>((r) => (release = r));
	await page.route('**/api/builtin/salaries-*.bin', async (route) => {
		await held;
		await route.continue();
	});
	await page.route('**/api/pages/**', async (route) => {
		release();
		await new Promise((r) => setTimeout(r, 1500));
		await route.continue();
	});
	await page.goto('/pay');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByRole('checkbox', { name: /^Large/ }).check();
	// The data arrives while the change waits: the page is not drawn again over it, and the change lands.
	await ready(page);
	await expect(page).toHaveURL(/\/pay\?size=L$/);
	await expect.poll(() => mainText(page)).toBe(await serverText(page, '/pay?size=L'));
	await page.unrouteAll();

	// Text typed (not sent) before the data arrives stays in the box: the box takes the model's text
	// again whenever the model changes, even to an equal one, so the page is not drawn again then.
	let letGo!: () => void;
	const kept = new Promise<void>((r) => (letGo = r));
	await page.route('**/api/builtin/salaries-*.bin', async (route) => {
		await kept;
		await route.continue();
	});
	await page.goto('/pay');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const box = page.getByLabel(/Yearly salary/);
	await box.fill('123k');
	letGo();
	await ready(page);
	await expect(box).toHaveValue('123k');
	await page.unrouteAll();

	// A fresh load: drawn again on the worker's model (html[data-builtin] goes through "warming"), the page reads the same.
	await page.addInitScript(() => {
		const seen: string[] = ((window as unknown as { __states: string[] }).__states = []);
		new MutationObserver(() => seen.push(document.documentElement.dataset.builtin ?? '')).observe(document, {
			attributes: true,
			subtree: true,
			attributeFilter: ['data-builtin']
		});
	});
	await page.goto('/pay?exp=SE');
	await ready(page);
	expect(await page.evaluate(() => (window as unknown as { __states: string[] }).__states)).toContain('warming');
	expect(await mainText(page)).toBe(await serverText(page, '/pay?exp=SE'));
});

test('while warming up, a neighbouring view is drawn and taken back in one task: no frame ever shows it', async ({ page }) => {
	await page.addInitScript(() => {
		const w = window as unknown as { __frames: string[]; __changes: number };
		w.__frames = [];
		w.__changes = 0;
		// Read when called: the init script runs before the document has an element.
		const root = () => document.documentElement;
		// Every frame while warming: what main says just before the browser paints.
		const watch = () => {
			const main = document.querySelector('main');
			if (main && root().dataset.builtin === 'warming') w.__frames.push(main.textContent ?? '');
			if (root().dataset.builtin !== 'ready') requestAnimationFrame(watch);
		};
		requestAnimationFrame(watch);
		// Text or elements of main that changed while warming (equal models change none).
		new MutationObserver((records) => {
			if (root().dataset.builtin !== 'warming') return;
			for (const r of records) if (document.querySelector('main')?.contains(r.target)) w.__changes++;
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
	await page.goto('/pay?exp=SE');
	await ready(page);
	const { frames, changes } = await page.evaluate(() => {
		const w = window as unknown as { __frames: string[]; __changes: number };
		return { frames: w.__frames, changes: w.__changes };
	});
	expect(changes).toBeGreaterThan(0);
	expect(frames.length).toBeGreaterThan(0);
	expect(new Set(frames).size).toBe(1);
	expect(await mainText(page)).toBe(await serverText(page, '/pay?exp=SE'));
});

test('a page parameter the page cannot read gets the server’s message in the browser too', async ({ page }) => {
	await page.goto('/pay?scale=cubic');
	const serverMessage = await page.getByText(/scale: "cubic" is not allowed/).innerText();
	await ready(page);
	await page.getByRole('checkbox', { name: /^Large/ }).check();
	await expect(page).toHaveURL(/scale=cubic&size=L|size=L&scale=cubic/);
	await expect(page.getByText(/scale: "cubic" is not allowed/)).toHaveText(serverMessage);
});

test('your own file: filter changes computed in the browser, back and reload the same, and no request at all', async ({ page }) => {
	await page.goto('/data');
	await page.getByLabel('CSV file').setInputFiles(SALARIES);
	await page.waitForFunction(() => performance.getEntriesByName('your-data:stored').length > 0, null, { timeout: 60_000 });
	await page.goto('/pay?source=yours');
	await expect(page.getByTestId('your-page')).toBeVisible({ timeout: 30_000 });
	const before = await mainText(page);
	const requests: string[] = [];
	page.on('request', (r) => {
		const u = new URL(r.url());
		// The app's own files and the built-in data pack (public, fetched once) are not about the file.
		if (!u.pathname.startsWith('/_app/') && !u.pathname.startsWith('/api/builtin/') && u.protocol !== 'data:')
			requests.push(u.pathname + u.search);
	});
	await page.getByRole('checkbox', { name: /^Medium/ }).check();
	await expect(page).toHaveURL(/source=yours/);
	await expect(page).toHaveURL(/size=M/);
	await expect.poll(() => mainText(page)).not.toBe(before);
	const medium = await mainText(page);
	await page.goBack();
	await expect.poll(() => mainText(page)).toBe(before);
	await page.goForward();
	await expect.poll(() => mainText(page)).toBe(medium);
	expect(requests).toEqual([]);
	await page.reload();
	await expect(page.getByTestId('your-page')).toBeVisible({ timeout: 30_000 });
	await expect.poll(() => mainText(page)).toBe(medium);
});

plain.describe('JavaScript off', () => {
	plain.use({ javaScriptEnabled: false });
	plain('pages render on the server and work by links', async ({ page }) => {
		await page.goto('/pay?size=L');
		await expect(page.getByText('147 reports · US$ per year')).toBeVisible();
		await page.getByRole('link', { name: 'Trends' }).click();
		await expect(page).toHaveURL(/\/trends\?size=L$/);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.getByRole('link', { name: 'Overview' }).click();
		await expect(page).toHaveURL(/\/\?size=L$/);
		await expect(page.getByTestId('sentence')).toBeVisible();
	});
});
