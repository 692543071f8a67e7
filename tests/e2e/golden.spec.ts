/**
 * Golden outputs: the bytes the app serves and the text its pages show, for a fixed list of
 * queries, compared with files recorded under tests/golden/. A refactor must leave them
 * identical; a deliberate change of numbers (a new interval method, a new data snapshot)
 * regenerates them with one command, committed on its own with a line saying why:
 *
 *     npm run golden:update      (builds, then GOLDEN_UPDATE=1 playwright test golden.spec.ts)
 *
 * Recorded per API query: the CSV, the JSON and the meta sidecar without its `generated_at`
 * time stamp. Per page: the text a reader sees in the server-rendered HTML (JavaScript off,
 * so hydration cannot add or hide anything), as `innerText` of <body>.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const UPDATE = process.env.GOLDEN_UPDATE === '1';
const DIR = join(process.cwd(), 'tests/golden');

/** Every `by`, both title modes, dedupe, real pay and several filter combinations (47 queries). */
const API_QUERIES: readonly string[] = [
	...['none', 'company_size', 'region', 'country', 'experience_level', 'employment_type', 'remote_ratio', 'work_year'].flatMap((by) => [
		`by=${by}`,
		`by=${by}&titles=strict`,
		`by=${by}&dedupe=1&real=1`
	]),
	'by=none&real=1',
	'by=none&dedupe=1',
	'by=none&country=US',
	'by=none&country=US&titles=strict&dedupe=1',
	'by=company_size&country=US&exp=SE',
	'by=company_size&region=europe&real=1',
	'by=region&exp=EN,MI',
	'by=country&size=L&from=2023',
	'by=experience_level&country=GB',
	'by=experience_level&from=2024&to=2024&real=1',
	'by=employment_type&remote=100',
	'by=remote_ratio&country=US&size=M&exp=MI,SE&from=2022&dedupe=1&real=1',
	'by=work_year&country=US',
	'by=work_year&titles=strict&real=1',
	'by=work_year&size=S&dedupe=1',
	'by=none&country=DE&exp=EX',
	'by=region&type=PT,CT,FL',
	'by=none&from=2020&to=2021',
	'by=company_size&titles=strict&country=CA&remote=0,50',
	'by=country&real=1&from=2022&to=2023',
	'by=none&exp=EX&size=S&country=FR',
	'by=work_year&region=asia&dedupe=1',
	'by=employment_type&titles=strict&dedupe=1&real=1&from=2023'
];

/** Pages with their default and some narrowed states (including a nearly empty one). */
const PAGES: readonly string[] = [
	'/',
	'/?country=US&titles=strict',
	'/?dedupe=1&real=1',
	'/?exp=EX&size=S&country=FR',
	'/pay',
	'/pay?salary=180000&scale=log',
	'/pay?country=GB&real=1&titles=strict',
	'/trends',
	'/trends?country=US&dedupe=1&real=1',
	'/trends?gfrom=2021&gto=2024&titles=strict',
	'/demand',
	'/demand?market=GB&real=1',
	'/demand?country=US&size=L&from=2023'
];

/** A file name from a query: `by=none&country=US` → `by-none_country-US`. */
const slug = (q: string) => q.replace(/^\//, '').replace(/[?&]/g, '_').replace(/=/g, '-').replace(/,/g, '+').replace(/^_/, '') || 'home';

function compare(rel: string, actual: string): void {
	const path = join(DIR, rel);
	if (UPDATE) {
		mkdirSync(join(path, '..'), { recursive: true });
		writeFileSync(path, actual);
		return;
	}
	expect(existsSync(path), `${rel} is recorded (run npm run golden:update on purpose)`).toBe(true);
	// Compare as text so a failure shows the differing lines; equal text is equal bytes here.
	expect(actual, rel).toBe(readFileSync(path, 'utf8'));
}

test.describe('golden API output', () => {
	for (const q of API_QUERIES) {
		test(q, async ({ request }) => {
			const name = slug(q);
			for (const [kind, ext] of [
				['summary.csv', 'csv'],
				['summary.json', 'json'],
				['summary.meta.json', 'meta.json']
			] as const) {
				const res = await request.get(`/api/${kind}?${q}`);
				expect(res.status(), `${kind}?${q}`).toBe(200);
				let body = await res.text();
				if (ext === 'meta.json') {
					const meta = JSON.parse(body) as Record<string, unknown>;
					expect(typeof meta.generated_at).toBe('string');
					delete meta.generated_at;
					body = JSON.stringify(meta, null, 1);
				}
				compare(`api/${name}.${ext}`, body);
			}
		});
	}
});

test.describe('golden page text', () => {
	test.use({ javaScriptEnabled: false });
	for (const p of PAGES) {
		test(p, async ({ browser }) => {
			// A plain context: the hydration wait of ./fixtures cannot apply with JavaScript off.
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			const res = await page.goto(p);
			expect(res?.status(), p).toBe(200);
			const text = await page.locator('body').innerText();
			await context.close();
			compare(`pages/${slug(p)}.txt`, `${text.trimEnd()}\n`);
		});
	}
});
