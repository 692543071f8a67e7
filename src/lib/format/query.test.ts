import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/transform/filters';
import { contextQuery, downloadFilename, FILENAME_MAX, pageName, summaryQuery } from './query';

describe('summaryQuery', () => {
	it('puts by first and leaves the defaults out', () => {
		expect(summaryQuery('none', DEFAULT_FILTERS)).toBe('by=none');
		expect(summaryQuery('company_size', { ...DEFAULT_FILTERS, country: ['US'], exp: ['MI'] })).toBe('by=company_size&country=US&exp=MI');
		expect(summaryQuery('region', { ...DEFAULT_FILTERS, size: ['S', 'L'], from: 2022, dedupe: true, real: true })).toBe(
			'by=region&size=S,L&from=2022&dedupe=1&real=1'
		);
	});
});

describe('downloadFilename', () => {
	it.each([
		['pay', 'company_size', 'country=US&exp=MI', 'csv', 'ai-vs-ml_pay_by-company-size_country-US_exp-MI.csv'],
		['overview', 'none', '', 'csv', 'ai-vs-ml_overview.csv'],
		['pay', 'none', 'by=none&size=S,L&from=2022', 'meta.json', 'ai-vs-ml_pay_size-S-L_from-2022.meta.json'],
		['trends', 'work_year', 'titles=strict&real=1', 'csv', 'ai-vs-ml_trends_by-work-year_titles-strict_real-1.csv'],
		['demand', null, 'market=US', 'csv', 'ai-vs-ml_demand_market-US.csv'],
		['demand/indeed-ai-share', null, 'market=GB&size=M', 'csv', 'ai-vs-ml_demand_indeed-ai-share_market-GB_size-M.csv'],
		['pay', null, 'country=%22%3D1%2B1%22&x=a/../b', 'png', 'ai-vs-ml_pay_country-1-1_x-a-..-b.png']
	])('%s by %s, %s → %s', (page, by, q, ext, name) => {
		expect(downloadFilename(page, by, q, ext)).toBe(name);
	});

	it('keeps only [A-Za-z0-9_.-] and stays bounded, whatever the query', () => {
		expect.hasAssertions();
		const countries = Array.from({ length: 60 }, (_, i) => `C${i}`).join(',');
		const long = downloadFilename('pay', 'company_size', `country=${countries}&exp=EN,MI,SE,EX`, 'csv');
		expect(long).toMatch(/^[A-Za-z0-9_.-]+\.csv$/);
		expect(long.length).toBeLessThanOrEqual(FILENAME_MAX + '.csv'.length);
		expect(long.startsWith('ai-vs-ml_pay_by-company-size_country-C0-C1-')).toBe(true);
		// Two different long queries with the same start do not get the same name.
		const other = downloadFilename('pay', 'company_size', `country=${countries}&exp=EN`, 'csv');
		expect(other).not.toBe(long);
		for (const weird of ['%E0%A4%A', 'a\u0000b', '../../etc', '<script>', 'é ü ß'])
			expect(downloadFilename('pay', 'none', `country=${weird}`, 'csv')).toMatch(/^[A-Za-z0-9_.-]+$/);
	});
});

describe('pageName and contextQuery', () => {
	it('names pages from route ids', () => {
		expect([pageName('/'), pageName('/demand'), pageName(null), pageName('/a/b')]).toEqual(['overview', 'demand', 'overview', 'a-b']);
	});
	it('puts the page context first and does not repeat it from the URL', () => {
		expect(contextQuery(new URLSearchParams('size=M&market=GB'), { market: 'GB' })).toBe('market=GB&size=M');
		expect(contextQuery(new URLSearchParams('size=S,L&from='), {})).toBe('size=S%2CL');
		expect(downloadFilename('demand/size-mix', null, contextQuery(new URLSearchParams('size=S,L'), { market: 'US' }), 'csv')).toBe(
			'ai-vs-ml_demand_size-mix_market-US_size-S-L.csv'
		);
	});
});
