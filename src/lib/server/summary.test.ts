/**
 * The request side of /api/summary.*: strict query validation, the canonical query every
 * ETag and file name is built from, and the 400 / 304 responses. Nothing here loads data
 * (summaryFor is never called; the dataset module reads files lazily).
 */
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import { APP_VERSION, badRequest, cachedResponse, etagOf, parseSummaryQuery, summaryFilename, type SummaryQuery } from './summary';
import { moneyBasis, type Conversion } from '$lib/transform/money';
import { inMoneyTable, moneyColumn } from '$lib/views/summary-table';
import { leftOutNote } from '$lib/format/sentences';

const parse = (qs: string) => parseSummaryQuery(new URLSearchParams(qs));

/** The query of a string that must be valid. */
function valid(qs: string): SummaryQuery {
	const { query, errors } = parse(qs);
	expect(errors, qs).toEqual([]);
	expect(query, qs).not.toBeNull();
	return query!;
}

describe('parseSummaryQuery: valid queries', () => {
	it('reads by and every filter', () => {
		expect.hasAssertions();
		const q = valid(
			'by=company_size&titles=strict&size=L,S&region=europe&country=gb,us&exp=SE&type=FT&remote=0,100&from=2021&to=2024&dedupe=1&real=1'
		);
		expect(q.by).toBe('company_size');
		expect(q.filters).toEqual({
			size: ['S', 'L'],
			region: ['europe'],
			country: ['GB', 'US'],
			exp: ['SE'],
			type: ['FT'],
			remote: [0, 100],
			from: 2021,
			to: 2024,
			titles: 'strict',
			dedupe: true,
			real: true
		});
	});

	it('defaults: no parameters means by=none and the default filters', () => {
		expect.hasAssertions();
		const q = valid('');
		expect(q.by).toBe('none');
		expect(q.canonical).toBe('by=none');
		// Parameters set to their defaults (or empty) are dropped from the canonical query.
		expect(valid('titles=family&dedupe=0&real=false&size=').canonical).toBe('by=none');
	});

	it.each([
		['titles=strict&by=company_size', 'by=company_size&titles=strict'],
		['real=1&by=work_year', 'by=work_year&real=1'],
		['size=M&dedupe=1&by=region', 'by=region&size=M&dedupe=1'],
		['exp=se&by=country', 'by=country&exp=SE'],
		// Lists: canonical value order and case, duplicates once; params in a fixed order.
		[
			'real=true&remote=100,0,0&size=l,s,M&by=none&country=us,gb,US&to=2024&from=2021&titles=STRICT&dedupe=1',
			'by=none&size=S,M,L&country=GB,US&remote=0,100&from=2021&to=2024&titles=strict&dedupe=1&real=1'
		],
		['by=%20region%20', 'by=region']
	])('canonical query of %j is %j', (qs, canonical) => {
		expect.hasAssertions();
		expect(valid(qs).canonical).toBe(canonical);
	});

	it('equal views have equal canonical queries whatever the parameter order', () => {
		expect.hasAssertions();
		const a = valid('by=region&size=S,M&exp=SE&real=1');
		const b = valid('real=1&exp=se&size=M,S&by=region');
		expect(a.canonical).toBe(b.canonical);
	});
});

describe('parseSummaryQuery: each kind of error names its parameter', () => {
	it.each([
		// [query, param, message must contain]
		[
			'foo=1',
			'foo',
			'unknown parameter "foo"; allowed: by, page, currency, size, region, country, exp, type, remote, from, to, titles, dedupe, real'
		],
		['by=salary', 'by', 'use one of none, company_size, region, country, experience_level, employment_type, remote_ratio, work_year'],
		['by=region&by=country', 'by', 'by: give it once'],
		['page=admin', 'page', 'page: "admin" is not allowed; use one of summary, overview, pay, trends'],
		['page=pay&page=trends', 'page', 'page: give it once, one of summary, overview, pay, trends'],
		['size=XL', 'size', 'size: "XL" is not allowed; use one or more of S, M, L'],
		['region=mars', 'region', 'africa, asia, europe, north-america, oceania, south-america'],
		['country=USA', 'country', 'country: "USA" is not an ISO 3166-1 alpha-2 code'],
		['exp=CEO', 'exp', 'EN, MI, SE, EX'],
		['type=XX', 'type', 'FT, PT, CT, FL'],
		['remote=30', 'remote', '0, 50, 100'],
		['from=1999', 'from', 'from: "1999" is not a year from 2015 to 2035'],
		['to=20x4', 'to', 'to: "20x4" is not a year from 2015 to 2035'],
		['from=2025&to=2020', 'from', 'the years were swapped'],
		['titles=loose', 'titles', 'use family or strict'],
		['dedupe=yes', 'dedupe', 'use 1 or 0'],
		['real=2', 'real', 'use 1 or 0'],
		['size=S&size=M', 'size', 'size: given 2 times; give it once'],
		[`region=${'x'.repeat(401)}`, 'region', 'longer than 400 characters']
	])('%s → error on %s', (qs, param, message) => {
		expect.hasAssertions();
		const { query, errors } = parse(qs);
		expect(query).toBeNull();
		expect(errors).toHaveLength(1);
		expect(errors[0]!.param).toBe(param);
		expect(errors[0]!.message).toContain(message);
	});

	it('reports every problem at once, unknown parameters first', () => {
		expect.hasAssertions();
		const { query, errors } = parse('by=foo&size=XL&from=1999&x=1&titles=a&titles=b');
		expect(query).toBeNull();
		expect(errors.map((e) => e.param)).toEqual(['x', 'by', 'size', 'from', 'titles']);
	});

	it('clips a very long unknown key or value in the message', () => {
		expect.hasAssertions();
		const key = 'k'.repeat(500);
		const { errors } = parse(`${key}=1&by=${'b'.repeat(500)}`);
		expect(errors[0]!.param).toBe('k'.repeat(40));
		for (const e of errors) expect(e.message.length).toBeLessThan(200);
	});
});

describe('parseSummaryQuery: source', () => {
	it.each(['source=yours', 'source=builtin', 'source=', 'by=region&source=yours'])(
		'%s is refused: the API serves the built-in data only',
		(qs) => {
			const { query, errors } = parse(qs);
			expect(query).toBeNull();
			expect(errors).toHaveLength(1);
			expect(errors[0]!.param).toBe('source');
			expect(errors[0]!.message).toMatch(/^source: the API serves the built-in data only/);
		}
	);
});

describe('responses', () => {
	it('badRequest: 400, plain text, one line per problem, not cached', async () => {
		expect.hasAssertions();
		const res = badRequest(parse('size=XL&foo=1').errors);
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('no-store');
		const lines = (await res.text()).trimEnd().split('\n');
		expect(lines).toEqual([
			'Bad request:',
			'- unknown parameter "foo"; allowed: by, page, currency, size, region, country, exp, type, remote, from, to, titles, dedupe, real',
			'- size: "XL" is not allowed; use one or more of S, M, L (comma-separated)'
		]);
	});

	it('etagOf: quoted sha256 prefix of the bytes served; one changed byte changes it; weak on request', async () => {
		expect.hasAssertions();
		const body = 'group,n\r\nall,35\r\n';
		const tag = etagOf(body);
		const { createHash } = await import('node:crypto');
		expect(tag).toBe(`"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`);
		expect(etagOf(body.replace('35', '34'))).not.toBe(tag);
		expect(etagOf(body, true)).toBe(`W/${tag}`);
	});

	it('cachedResponse: 200 with validators, 304 on a matching If-None-Match (also in a list)', async () => {
		expect.hasAssertions();
		const etag = '"abc"';
		const plain = cachedResponse(new Request('http://x/'), etag, 'a,b\r\n', 'text/csv; charset=utf-8', 'f.csv');
		expect(plain.status).toBe(200);
		expect(await plain.text()).toBe('a,b\r\n');
		expect(plain.headers.get('etag')).toBe(etag);
		expect(plain.headers.get('cache-control')).toMatch(/max-age=\d+/);
		expect(plain.headers.get('content-disposition')).toBe('attachment; filename="f.csv"');
		const hit = cachedResponse(new Request('http://x/', { headers: { 'if-none-match': `"zzz", ${etag}` } }), etag, 'a,b\r\n', 'text/csv');
		expect(hit.status).toBe(304);
		expect(await hit.text()).toBe('');
		expect(hit.headers.get('etag')).toBe(etag);
		const miss = cachedResponse(new Request('http://x/', { headers: { 'if-none-match': '"other"' } }), etag, 'x', 'text/csv');
		expect(miss.status).toBe(200);
	});

	it('summaryFilename and APP_VERSION', () => {
		expect.hasAssertions();
		expect(summaryFilename(valid('by=region&size=S'), 'csv')).toBe('ai-vs-ml_summary_by-region_size-S.csv');
		expect(summaryFilename(valid(''), 'meta.json')).toBe('ai-vs-ml_summary.meta.json');
		// page= names the file after the page and changes nothing else.
		const paged = valid('page=pay&by=company_size&exp=mi&country=US');
		expect(summaryFilename(paged, 'csv')).toBe('ai-vs-ml_pay_by-company-size_country-US_exp-MI.csv');
		expect(paged.canonical).toBe(valid('by=company_size&exp=mi&country=US').canonical);
		expect(APP_VERSION).toBe(pkg.version);
	});
});

describe('parseSummaryQuery: currency', () => {
	it('defaults to USD, which the canonical query leaves out; another code is upper-cased and comes last', () => {
		expect.hasAssertions();
		expect(valid('').currency).toBe('USD');
		expect(valid('currency=usd').canonical).toBe('by=none');
		expect(valid('currency=').currency).toBe('USD');
		const q = valid('currency=eur&by=region&size=M');
		expect(q.currency).toBe('EUR');
		expect(q.canonical).toBe('by=region&size=M&currency=EUR');
		expect(valid('currency=%20ppp%20').canonical).toBe('by=none&currency=PPP');
		expect(summaryFilename(valid('currency=PPP&by=country'), 'csv')).toBe('ai-vs-ml_summary_by-country_currency-PPP.csv');
	});

	it.each([
		['currency=EURO', 'currency: "EURO" is not a currency code; use a three-letter ISO 4217 code such as EUR, or PPP'],
		['currency=€', 'currency: "€" is not a currency code; use a three-letter ISO 4217 code such as EUR, or PPP'],
		['currency=EUR&currency=GBP', 'currency: give it once, e.g. currency=EUR or currency=PPP'],
		[
			'currency=EUR&real=1',
			'real: real pay is measured with the US consumer price index, so it is given in US dollars only; remove real=1 or currency=EUR'
		]
	])('%s → %s', (qs, message) => {
		expect.hasAssertions();
		const { query, errors } = parse(qs);
		expect(query).toBeNull();
		expect(errors.map((e) => e.message)).toEqual([message]);
	});
});

describe('the table and its meta in another money', () => {
	const conversion: Conversion = {
		code: 'EUR',
		rows: [],
		leftOut: { 'no-rate': 3, 'no-residence': 0, 'no-ppp': 0, 'no-local-rate': 1 },
		dropped: { 'no-rate': [], 'no-residence': [], 'no-ppp': [], 'no-local-rate': [] },
		carried: [{ year: 2025, from: 2024 }]
	};

	it('renames the dollar columns and says what every row is in', () => {
		expect.hasAssertions();
		expect(moneyColumn('gap_usd_ci_low', 'PPP')).toBe('gap_ppp_ci_low');
		expect(moneyColumn('gap_usd', 'EUR')).toBe('gap_eur');
		expect(moneyColumn('median_usd_like', 'EUR')).toBe('median_eur_like');
		expect(moneyColumn('usdx', 'EUR')).toBe('usdx');
		const t = inMoneyTable(
			{ columns: ['median', 'gap_usd', 'pay_basis', 'query'], rows: [[1, 2, 'nominal US$', 'by=none']] } as never,
			conversion,
			'by=none&currency=EUR'
		);
		expect(t.columns).toEqual(['median', 'gap_eur', 'pay_basis', 'query']);
		expect(t.rows).toEqual([[1, 2, moneyBasis('EUR', conversion.carried), 'by=none&currency=EUR']]);
	});

	it('counts what was left out, by reason, in words', () => {
		expect.hasAssertions();
		expect(leftOutNote(conversion.leftOut)).toBe(
			"3 reports left out: no exchange rate for their work year; 1 report left out: no exchange rate for their country's currency"
		);
		expect(leftOutNote({ 'no-rate': 0, 'no-residence': 0, 'no-ppp': 1_234, 'no-local-rate': 0 })).toBe(
			'1,234 reports left out: no PPP factor for their country'
		);
		expect(leftOutNote({ 'no-rate': 0, 'no-residence': 0, 'no-ppp': 0, 'no-local-rate': 0 })).toBeUndefined();
	});
});
