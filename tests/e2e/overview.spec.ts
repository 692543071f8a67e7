import { expect, test } from './fixtures';
import { titleStats, usd } from './independent';

test.describe('Overview /', () => {
	test('shows real medians and changes them with the company-size filter', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Who is paid more');
		await expect(page.getByTestId('sentence')).toContainText("AI family's median");

		// Exact titles: "AI Engineer" vs "Machine Learning Engineer".
		await page.getByRole('radio', { name: 'Exact titles only' }).check();
		await expect(page).toHaveURL(/titles=strict/);
		const allAi = titleStats('AI Engineer');
		const allMl = titleStats('Machine Learning Engineer');
		await expect(page.getByTestId('median-AI')).toHaveText(usd(allAi.median));
		await expect(page.getByTestId('median-ML')).toHaveText(usd(allMl.median));
		await expect(page.getByTestId('n-AI')).toHaveText(`n = ${allAi.n.toLocaleString('en-US')}`);
		await expect(page.getByTestId('n-ML')).toHaveText(`n = ${allMl.n.toLocaleString('en-US')}`);

		// Large companies only.
		await page.getByRole('checkbox', { name: 'Large (> 250)' }).check();
		await expect(page).toHaveURL(/size=L/);
		const large = (r: Record<string, string>) => r.company_size === 'L';
		const ai = titleStats('AI Engineer', large);
		const ml = titleStats('Machine Learning Engineer', large);
		expect(ai.median).not.toBe(allAi.median);
		await expect(page.getByTestId('median-AI')).toHaveText(usd(ai.median));
		await expect(page.getByTestId('median-ML')).toHaveText(usd(ml.median));
		await expect(page.getByTestId('p25-ML')).toHaveText(usd(ml.p25));
		await expect(page.getByTestId('p75-ML')).toHaveText(usd(ml.p75));
		await expect(page.getByTestId('n-AI')).toHaveText(`n = ${ai.n}`);

		// Back restores the previous view.
		await page.goBack();
		await expect(page).not.toHaveURL(/size=L/);
		await expect(page.getByTestId('median-AI')).toHaveText(usd(allAi.median));
	});

	test('filters by region and by country', async ({ page }) => {
		await page.goto('/?titles=strict&region=europe');
		// European countries (UN geoscheme), typed here rather than taken from src/.
		const eu = new Set([
			'GB',
			'DE',
			'FR',
			'ES',
			'NL',
			'IE',
			'IT',
			'PL',
			'PT',
			'AT',
			'BE',
			'CH',
			'SE',
			'DK',
			'FI',
			'NO',
			'CZ',
			'GR',
			'HU',
			'RO',
			'LT',
			'LV',
			'EE',
			'SI',
			'SK',
			'HR',
			'BG',
			'LU',
			'MT',
			'CY',
			'UA',
			'RS',
			'BA',
			'MD',
			'AD',
			'GI'
		]);
		const europe = (r: Record<string, string>) => eu.has(r.company_location!);
		const ml = titleStats('Machine Learning Engineer', europe);
		await expect(page.getByTestId('median-ML')).toHaveText(usd(ml.median));

		await page.goto('/?titles=strict&country=GB');
		const gb = titleStats('Machine Learning Engineer', (r) => r.company_location === 'GB');
		await expect(page.getByTestId('median-ML')).toHaveText(usd(gb.median));
		await expect(page.getByTestId('n-ML')).toHaveText(`n = ${gb.n}`);
	});

	test('explains a bad parameter and suppresses a group too small to trust', async ({ page }) => {
		await page.goto('/?size=XL&titles=strict&country=NZ');
		await expect(page.getByRole('alert')).toContainText('size: "XL" is not allowed');
		const nz = titleStats('AI Engineer', (r) => r.company_location === 'NZ');
		expect(nz.n).toBeLessThan(10);
		await expect(page.getByTestId('card-AI')).toContainText('Too few reports');
	});
});
