/**
 * The summary endpoints as a person or a script uses them: the CSV a page downloads is the
 * endpoint's file byte for byte, its numbers equal the JSON and an independent computation
 * from the raw CSV, bad queries get a 400 that says what to fix, and caching works.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from './fixtures';
import Papa from 'papaparse';
import { quantile7, rawRows, usd } from './independent';

interface SummaryCsv {
	readonly header: string[];
	readonly rows: string[][];
}

/** Parse a summary CSV strictly: CRLF line ends, a final CRLF, no blank or ragged lines. */
function parseCsv(text: string): SummaryCsv {
	expect(text.endsWith('\r\n')).toBe(true);
	const parsed = Papa.parse<string[]>(text.slice(0, -2), { header: false, newline: '\r\n', skipEmptyLines: false });
	expect(parsed.errors).toEqual([]);
	const [header, ...rows] = parsed.data;
	for (const r of rows) expect(r).toHaveLength(header!.length);
	return { header: header!, rows };
}

/** Column accessor by name, failing loudly on a typo. */
function col(csv: SummaryCsv, name: string): (row: string[]) => string {
	const i = csv.header.indexOf(name);
	expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
	return (row) => row[i]!;
}

async function getCsv(request: APIRequestContext, query: string): Promise<SummaryCsv> {
	const res = await request.get(`/api/summary.csv?${query}`);
	expect(res.status(), query).toBe(200);
	expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
	return parseCsv(await res.text());
}

const STATES = [
	{ query: 'by=company_size&titles=strict', groups: /^(S|M|L)$/ },
	{ query: 'by=work_year&real=1', groups: /^202[0-5]$/ },
	{ query: 'by=region&dedupe=1&size=M', groups: /^(africa|asia|europe|north-america|oceania|south-america)$/ },
	{ query: 'by=country&exp=SE', groups: /^[A-Z]{2}$/ },
	{ query: 'by=none&titles=strict&size=L', groups: /^all$/ }
];

test.describe('/api/summary.csv and .json', () => {
	for (const { query, groups } of STATES) {
		test(`${query}: one row per group × family, numbers equal to the JSON`, async ({ request }) => {
			const csv = await getCsv(request, query);
			const group = col(csv, 'group');
			const family = col(csv, 'family');
			const n = col(csv, 'n');

			// One AI row then one ML row per group; each group once; groups with no reports are left out.
			expect(csv.rows.length).toBeGreaterThan(0);
			expect(csv.rows.length % 2).toBe(0);
			const seen = new Set<string>();
			for (let i = 0; i < csv.rows.length; i += 2) {
				const [ai, ml] = [csv.rows[i]!, csv.rows[i + 1]!];
				expect([family(ai), family(ml)]).toEqual(['AI', 'ML']);
				expect(group(ml)).toBe(group(ai));
				expect(group(ai)).toMatch(groups);
				expect(seen.has(group(ai)), `group ${group(ai)} repeated`).toBe(false);
				seen.add(group(ai));
				expect(Number(n(ai)) + Number(n(ml))).toBeGreaterThan(0);
			}
			if (query.startsWith('by=country')) expect([...seen]).toEqual([...seen].sort());
			if (query.includes('real=1')) {
				expect(csv.header).toEqual(expect.arrayContaining(['yoy_count_pct', 'yoy_share_pp', 'yoy_median_pct']));
				for (const r of csv.rows) expect(col(csv, 'pay_basis')(r)).toMatch(/^real \d{4} US\$$/);
			}

			// The JSON endpoint: same columns, same rows; every CSV cell is the JSON value written
			// as text (null ↔ empty cell, booleans as true/false, numbers exactly as String(n)).
			const res = await request.get(`/api/summary.json?${query}`);
			expect(res.status()).toBe(200);
			expect(res.headers()['content-type']).toBe('application/json; charset=utf-8');
			const json = (await res.json()) as { columns: string[]; rows: Record<string, unknown>[]; meta: { query: string } };
			expect(json.columns).toEqual(csv.header);
			expect(json.rows).toHaveLength(csv.rows.length);
			json.rows.forEach((obj, i) => {
				const expected = json.columns.map((c) => (obj[c] === null ? '' : String(obj[c])));
				expect(csv.rows[i], `row ${i}`).toEqual(expected);
			});
			for (const obj of json.rows) {
				// Suppressed rows carry no statistics; gaps are the same on both family rows.
				if (obj.suppressed === true) for (const c of ['p10', 'median', 'p90', 'median_ci_low', 'gap_usd']) expect(obj[c]).toBeNull();
				if (obj.suppressed === false) expect(typeof obj.median).toBe('number');
			}
			for (let i = 0; i < json.rows.length; i += 2)
				for (const c of [
					'gap_usd',
					'gap_usd_ci_low',
					'gap_usd_ci_high',
					'gap_pct',
					'gap_pct_ci_low',
					'gap_pct_ci_high',
					'gap_distinguishable'
				])
					expect(json.rows[i + 1]![c], c).toEqual(json.rows[i]![c]);
		});
	}

	test('by=company_size&titles=strict: n and median per size × family equal an independent computation from the raw CSV', async ({
		request
	}) => {
		const csv = await getCsv(request, 'by=company_size&titles=strict');
		const [group, family, n, median, suppressed] = ['group', 'family', 'n', 'median', 'suppressed'].map((c) => col(csv, c));
		// Strict titles, computed here with a plain split of the pinned file and R type-7 quantiles.
		const TITLE = { AI: 'AI Engineer', ML: 'Machine Learning Engineer' } as const;
		const expected = ['S', 'M', 'L'].flatMap((size) =>
			(['AI', 'ML'] as const).map((fam) => {
				const v = rawRows()
					.filter((r) => r.job_title === TITLE[fam] && r.company_size === size)
					.map((r) => Number(r.salary_in_usd));
				const m = v.length >= 10 ? String(Math.round(quantile7(v, 0.5) * 100) / 100) : '';
				return [size, fam, String(v.length), m, String(v.length < 10)];
			})
		);
		expect(csv.rows.map((r) => [group!(r), family!(r), n!(r), median!(r), suppressed!(r)])).toEqual(expected);
		// The real data has at least one suppressed cell here (few AI Engineers at small companies).
		expect(expected.some((e) => e[4] === 'true')).toBe(true);
	});
});

test.describe('Download CSV on the pages', () => {
	for (const { path, by, pageName, expectedName } of [
		{ path: '/?titles=strict&size=L', by: 'none', pageName: 'overview', expectedName: 'ai-vs-ml_overview_size-L_titles-strict.csv' },
		{ path: '/trends?real=1', by: 'work_year', pageName: 'trends', expectedName: 'ai-vs-ml_trends_by-work-year_real-1.csv' }
	]) {
		test(`${path}: the downloaded file equals the endpoint byte for byte`, async ({ page, request }) => {
			await page.goto(path);
			const link = page.locator(`a[data-testid="csv-${by}"]`).first();
			await expect(link).toBeVisible();
			const href = (await link.getAttribute('href'))!;
			expect(href).toMatch(/^\/api\/summary\.csv\?/);
			const params = new URLSearchParams(href.split('?')[1]);
			expect(params.get('by')).toBe(by);
			for (const [k, v] of new URLSearchParams(path.split('?')[1])) expect(params.get(k)).toBe(v);

			const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
			// Named after the page, grouping and filters, by the link and by the endpoint alike.
			expect(download.suggestedFilename()).toBe(expectedName);
			expect(params.get('page')).toBe(pageName);
			const file = readFileSync((await download.path())!);
			const res = await request.get(href);
			expect(res.status()).toBe(200);
			const body = await res.body();
			expect(file.length).toBeGreaterThan(200);
			expect(file.equals(body)).toBe(true);

			if (by === 'none') {
				// The median the overview shows is the file's AI median, in the page's money format.
				const csv = parseCsv(file.toString('utf8'));
				const ai = csv.rows.find((r) => col(csv, 'family')(r) === 'AI')!;
				const aiMedian = Number(col(csv, 'median')(ai));
				expect(aiMedian).toBeGreaterThan(0);
				await expect(page.getByTestId('median-AI')).toHaveText(usd(aiMedian));
				await expect(page.getByTestId('median-AI')).toHaveText('$90,000');
			}
		});
	}
});

test.describe('400: a bad query says what to fix', () => {
	const CASES = [
		{
			query: 'by=company_size&color=red',
			param: '"color"',
			allowed: 'by, page, currency, size, region, country, exp, type, remote, from, to, titles, dedupe, real'
		},
		{
			query: 'by=salary',
			param: 'by:',
			allowed: 'none, company_size, region, country, experience_level, employment_type, remote_ratio, work_year'
		},
		{ query: 'size=XL', param: 'size:', allowed: 'S, M, L' },
		{ query: 'from=2014', param: 'from:', allowed: '2015 to 2035' },
		{ query: 'to=next', param: 'to:', allowed: '2015 to 2035' },
		{ query: 'exp=SE&exp=MI', param: 'exp:', allowed: 'give it once' },
		{ query: 'by=region&by=country', param: 'by:', allowed: 'give it once' },
		{ query: 'currency=XYZ', param: 'currency:', allowed: 'USD, PPP, ' },
		{ query: 'currency=euro', param: 'currency:', allowed: 'three-letter ISO 4217 code' },
		{ query: 'currency=EUR&real=1', param: 'real:', allowed: 'US dollars only' }
	];
	for (const endpoint of ['summary.csv', 'summary.json', 'summary.meta.json'])
		for (const { query, param, allowed } of CASES)
			test(`${endpoint}?${query}`, async ({ request }) => {
				const res = await request.get(`/api/${endpoint}?${query}`);
				expect(res.status()).toBe(400);
				expect(res.headers()['content-type']).toBe('text/plain; charset=utf-8');
				expect(res.headers()['cache-control']).toBe('no-store');
				expect(res.headers()['etag']).toBeUndefined();
				const lines = (await res.text()).trimEnd().split('\n');
				expect(lines[0]).toBe('Bad request:');
				expect(lines).toHaveLength(2);
				expect(lines[1]).toContain(param);
				expect(lines[1]).toContain(allowed);
			});

	test('several problems: one line each', async ({ request }) => {
		const res = await request.get('/api/summary.csv?by=x&size=XL&from=1999&junk=1');
		expect(res.status()).toBe(400);
		const lines = (await res.text()).trimEnd().split('\n').slice(1);
		const names = ['"junk"', 'by:', 'size:', 'from:'];
		expect(lines).toHaveLength(names.length);
		lines.forEach((line, i) => expect(line).toContain(names[i]));
	});
});

test.describe('caching', () => {
	test('ETag and If-None-Match → 304; Cache-Control; a different query has a different ETag', async ({ request }) => {
		const url = '/api/summary.csv?by=company_size&titles=strict';
		const first = await request.get(url);
		expect(first.status()).toBe(200);
		const etag = first.headers()['etag']!;
		expect(etag).toMatch(/^"[0-9a-f]+"$/);
		expect(first.headers()['cache-control']).toMatch(/max-age=\d+/);
		expect(first.headers()['content-disposition']).toBe('attachment; filename="ai-vs-ml_summary_by-company-size_titles-strict.csv"');

		const again = await request.get(url, { headers: { 'If-None-Match': etag } });
		expect(again.status()).toBe(304);
		expect((await again.body()).length).toBe(0);
		expect(again.headers()['etag']).toBe(etag);
		expect(again.headers()['cache-control']).toBe(first.headers()['cache-control']);

		// A stale tag gets the full body.
		const stale = await request.get(url, { headers: { 'If-None-Match': '"0000"' } });
		expect(stale.status()).toBe(200);
		expect((await stale.body()).equals(await first.body())).toBe(true);

		// The same view written differently shares the tag (canonical query); another view does not.
		const reordered = await request.get('/api/summary.csv?titles=STRICT&by=company_size');
		expect(reordered.headers()['etag']).toBe(etag);
		const other = await request.get('/api/summary.csv?by=company_size&titles=strict&size=M');
		expect(other.status()).toBe(200);
		expect(other.headers()['etag']).not.toBe(etag);
		const json = await request.get('/api/summary.json?by=company_size&titles=strict');
		expect(json.headers()['etag']).not.toBe(etag);
		expect(json.headers()['cache-control']).toMatch(/max-age=\d+/);
	});
});

test.describe('/api/summary.meta.json', () => {
	test('names the sources with license and commit, the filters and the app version', async ({ request }) => {
		const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
		const manifest = JSON.parse(readFileSync('data/sources.json', 'utf8')) as {
			files: { id: string; url: string; commit: string; sha256: string; repository: string }[];
		};
		const query = 'by=region&size=M&dedupe=1&real=1';
		const res = await request.get(`/api/summary.meta.json?${query}`);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toBe('application/json; charset=utf-8');
		expect(res.headers()['content-disposition']).toBe('attachment; filename="ai-vs-ml_summary_by-region_size-M_dedupe-1_real-1.meta.json"');
		const meta = await res.json();

		expect(meta.file).toBe('ai-vs-ml_summary_by-region_size-M_dedupe-1_real-1.csv');
		expect(meta.app).toEqual({ name: pkg.name, version: pkg.version });
		expect(meta.query).toBe('by=region&size=M&dedupe=1&real=1');
		expect(meta.by).toBe('region');
		expect(meta.filters).toEqual({
			size: ['M'],
			region: [],
			country: [],
			exp: [],
			type: [],
			remote: [],
			from: null,
			to: null,
			titles: 'family',
			dedupe: true,
			real: true
		});

		// The salary data and the CPI behind real pay, each pinned to the commit in data/sources.json.
		const byRepo = (repo: string) => meta.sources.find((s: { repository: string }) => s.repository === repo);
		const salaries = byRepo('foorilla/ai-jobs-net-salaries');
		const cpi = byRepo('datasets/cpi-us');
		expect(salaries.license).toMatch(/CC0/);
		expect(cpi.license).toMatch(/Public Domain Dedication and License/);
		for (const s of [salaries, cpi]) {
			const pinned = manifest.files.find((f) => f.repository === s.repository)!;
			expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
			expect(s.commit).toBe(pinned.commit);
			expect(s.url).toBe(pinned.url);
			expect(s.url).toContain(s.commit);
			expect(s.sha256).toBe(pinned.sha256);
			expect(s.attribution).not.toBe('');
		}
		expect(meta.columns.n).toBeTruthy();
		expect(meta.methods.small_samples).toContain('n < 10');

		// The JSON endpoint carries the same provenance.
		const json = await (await request.get(`/api/summary.json?${query}`)).json();
		const { file: _file, generated_at: _at, ...rest } = meta;
		expect(json.meta).toEqual(rest);
	});
});

test.describe('currency=: the summary in another money', () => {
	/** Strict-title medians in euros, from the raw CSV: the amount as paid in EUR, else dollars × aijobs.net's EUR rate of the year. */
	function euroMedians(keep: (r: Record<string, string>) => boolean) {
		// Every row of a currency and year has the same ratio (to 4e-5), so the median is the rate.
		const raw = rawRows();
		const rate = new Map<string, number[]>();
		for (const r of raw.filter((r) => r.salary_currency === 'EUR')) {
			const list = rate.get(r.work_year!) ?? [];
			list.push(Number(r.salary) / Number(r.salary_in_usd));
			rate.set(r.work_year!, list);
		}
		const eur = (r: Record<string, string>) =>
			r.salary_currency === 'EUR' ? Number(r.salary) : Number(r.salary_in_usd) * quantile7(rate.get(r.work_year!)!, 0.5);
		const of = (title: string) => {
			const v = raw.filter((r) => r.job_title === title && keep(r)).map(eur);
			return { n: v.length, median: quantile7(v, 0.5) };
		};
		return { AI: of('AI Engineer'), ML: of('Machine Learning Engineer') };
	}

	test('EUR: numbers in euros, columns and pay_basis say so, the file name too', async ({ request }) => {
		const res = await request.get('/api/summary.csv?titles=strict&currency=eur');
		expect(res.status()).toBe(200);
		expect(res.headers()['content-disposition']).toContain('currency-EUR');
		const csv = parseCsv(await res.text());
		expect(csv.header).toContain('gap_eur');
		expect(csv.header).not.toContain('gap_usd');
		const expected = euroMedians(() => true);
		for (const row of csv.rows) {
			const fam = col(csv, 'family')(row) as 'AI' | 'ML';
			expect(Number(col(csv, 'n')(row))).toBe(expected[fam].n);
			expect(Number(col(csv, 'median')(row))).toBeCloseTo(expected[fam].median, 1);
			expect(col(csv, 'pay_basis')(row)).toContain("nominal EUR, converted at aijobs.net's rate for each work year");
			expect(col(csv, 'query')(row)).toBe('by=none&titles=strict&currency=EUR');
		}
	});

	test('PPP: the meta counts what was left out by reason and names the PPP and rate sources', async ({ request }) => {
		const res = await request.get('/api/summary.json?currency=PPP&by=region');
		expect(res.status()).toBe(200);
		const body = (await res.json()) as {
			meta: {
				pay_basis: string;
				money: { currency: string; left_out: Record<string, number>; left_out_note?: string };
				sources: { url: string }[];
			};
		};
		expect(body.meta.pay_basis).toContain(
			"international $ at purchasing-power parity (World Bank ICP PPP conversion factor, GDP, by the employee's country of residence"
		);
		expect(body.meta.money.currency).toBe('PPP');
		const total = Object.values(body.meta.money.left_out).reduce((a, b) => a + b, 0);
		expect(total).toBeGreaterThan(0);
		expect(body.meta.money.left_out_note).toMatch(/reports? left out: /);
		const urls = body.meta.sources.map((s) => s.url).join(' ');
		expect(urls).toContain('datasets/ppp');
		expect(urls).toContain('datasets/exchange-rates');
	});

	test('the tables used: rates and PPP factors as CSV, linked from the methodology page', async ({ request, page }) => {
		const rates = parseCsv(await (await request.get('/api/money/rates.csv')).text());
		expect(rates.header).toEqual(['currency', 'work_year', 'units_per_usd', 'source']);
		const eur2024 = rates.rows.find((r) => r[0] === 'EUR' && r[1] === '2024')!;
		expect(Number(eur2024[2])).toBeCloseTo(0.9, 4);
		expect(eur2024[3]).toBe('aijobs.net (salary / salary_in_usd)');
		// A currency no report was paid in comes from the Fed's table (2024: 4.5747 ringgit per dollar).
		expect(rates.rows.find((r) => r[0] === 'MYR' && r[1] === '2024')).toEqual(['MYR', '2024', '4.5747', 'Federal Reserve H.10']);
		const ppp = parseCsv(await (await request.get('/api/money/ppp.csv')).text());
		expect(ppp.header).toEqual(['country', 'currency', 'year', 'local_units_per_international_dollar']);
		expect(ppp.rows.find((r) => r[0] === 'DE' && r[2] === '2024')).toEqual(['DE', 'EUR', '2024', '0.700862']);
		expect((await request.get('/api/money/ppp.csv?x=1')).status()).toBe(400);
		expect((await request.get('/api/money/other.csv')).status()).toBe(404);
		// The same tables as JSON for the browser's workers: the numbers agree with the CSVs.
		const json = await (await request.get('/api/money/tables.json')).json();
		expect(json.market.MYR['2024']).toEqual([4.5747, 'fed']);
		expect(json.market.EUR['2024'][0]).toBeCloseTo(Number(eur2024[2]), 6);
		expect(json.ppp.DE['2024']).toBe(0.700862);
		await page.goto('/methodology#money');
		await expect(page.getByRole('link', { name: 'exchange rates (CSV)' })).toHaveAttribute('href', '/api/money/rates.csv');
		await expect(page.getByTestId('money-sources')).toContainText('datasets/ppp');
		await expect(page.getByTestId('money-sources')).toContainText('datasets/exchange-rates');
	});

	test('USD stays as it was: currency=USD is the default view, byte for byte', async ({ request }) => {
		const a = await (await request.get('/api/summary.csv?by=region')).text();
		const b = await (await request.get('/api/summary.csv?by=region&currency=usd')).text();
		expect(b).toBe(a);
	});
});
