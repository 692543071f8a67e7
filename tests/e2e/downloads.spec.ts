/** Download CSV from the pages not covered in api.spec.ts, and check the file against the screen. */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test, type Download, type Page } from './fixtures';
import { rawRows } from './independent';

async function csvOf(page: Page, click: () => Promise<void>): Promise<{ name: string; rows: string[][]; text: string }> {
	const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
	const text = await readFile((await download.path())!, 'utf8');
	return { name: download.suggestedFilename(), text, rows: Papa.parse<string[]>(text.trim(), { header: false }).data };
}

test('/pay: each segment download is the endpoint for the page state', async ({ page, request }) => {
	await page.goto('/pay?titles=strict&exp=SE');
	for (const by of ['none', 'company_size', 'region', 'experience_level', 'employment_type', 'remote_ratio']) {
		const link = page.getByTestId(`csv-${by}`);
		const href = (await link.getAttribute('href'))!;
		expect(href).toContain(`by=${by}`);
		expect(href).toContain('exp=SE');
		const file = await csvOf(page, () => link.click());
		const api = await (await request.get(href)).text();
		expect(file.text).toBe(api);
		// The file says where it came from: its name, and a query column on every row.
		expect(file.name).toBe(`ai-vs-ml_pay${by === 'none' ? '' : `_by-${by.replace(/_/g, '-')}`}_exp-SE_titles-strict.csv`);
		const q = file.rows[0]!.indexOf('query');
		expect(q).toBeGreaterThan(0);
		for (const r of file.rows.slice(1)) expect(r[q]).toBe(`by=${by}&exp=SE&titles=strict`);
	}
});

test('/titles: the CSV lists each title with the count shown on screen', async ({ page }) => {
	await page.goto('/titles?size=M');
	const file = await csvOf(page, () => page.getByTestId('csv-title-mapping').click());
	expect(file.name).toBe('ai-vs-ml_titles_title-mapping_size-M.csv');
	expect(file.rows[0]).toEqual(['raw_title', 'family_mode', 'exact_mode', 'reports', 'why_left_out', 'matched_by']);
	const prompt = file.rows.find((r) => r[0] === 'Prompt Engineer')!;
	const expected = rawRows().filter((r) => r.job_title === 'Prompt Engineer' && r.company_size === 'M').length;
	expect(prompt).toEqual(['Prompt Engineer', 'AI', 'neither', String(expected), '', 'listed']);
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Prompt Engineer', exact: true }) });
	await expect(row).toContainText(String(expected));
});

test('/demand: the Indeed CSV holds the monthly series shown in the table', async ({ page }) => {
	await page.goto('/demand?market=GB');
	const file = await csvOf(page, () => page.getByTestId('csv-indeed-ai-share').click());
	expect(file.name).toBe('ai-vs-ml_demand_indeed-ai-share_market-GB.csv');
	expect(file.rows[0]).toEqual(['month', 'country', 'ai_share_pct', 'genai_share_pct']);
	expect(file.rows.every((r, i) => i === 0 || r[1] === 'GB')).toBe(true);
	const jan2024 = file.rows.find((r) => r[0] === '2024-01')!;
	// The table view shows the same month with two decimals.
	const card = page.getByRole('region', { name: /Share of job postings mentioning AI/ });
	await card.getByRole('button', { name: 'Show as table' }).click();
	await expect(card.getByRole('row').filter({ hasText: '2024-01' })).toContainText(`${Number(jan2024[2]).toFixed(2)}%`);
});

test('/methodology: the parse summary downloads as CSV', async ({ page }) => {
	await page.goto('/methodology');
	const file = await csvOf(page, () => page.getByTestId('csv-parse-summary').click());
	expect(file.name).toBe('ai-vs-ml_methodology_parse-summary.csv');
	expect(file.rows).toContainEqual(['aijobs-salaries/salaries.csv', '74301', '74301', '0']);
});
