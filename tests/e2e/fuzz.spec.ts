/**
 * Bounded, seeded fuzz of everything that reads a query string: the summary endpoints must
 * answer 200 or a plain-text 400, never 5xx; pages ignore bad parameters (showing a message)
 * and answer 200. Same seed, same requests; only loopback (the Playwright webServer).
 */
import { expect, test } from './fixtures';
import { mulberry32 } from '../../src/lib/transform/stats/bootstrap';

const SEED = 20_261_128;
const REQUESTS = 3000;
const CONCURRENCY = 8;
/** Stop starting new requests after this long; the run must still have covered MIN_DONE. */
const BUDGET_MS = 60_000;
const MIN_DONE = 1000;
/** Below Node's 16 KiB request-header limit, so a 431 never stands in for our own answer. */
const MAX_QUERY_CHARS = 8000;

const rand = mulberry32(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const chance = (p: number) => rand() < p;

/** Allowed values per parameter (typed here, not imported from src/). */
const VALID: Record<string, readonly string[]> = {
	by: ['none', 'company_size', 'region', 'country', 'experience_level', 'employment_type', 'remote_ratio', 'work_year'],
	size: ['S', 'M', 'L', 's', 'S,M', 'M,L', 'S,M,L'],
	region: ['africa', 'asia', 'europe', 'north-america', 'oceania', 'south-america', 'europe,asia'],
	country: ['US', 'GB', 'DE', 'IN', 'CA', 'FR', 'NZ', 'us,gb', 'AQ', 'BR,JP'],
	exp: ['EN', 'MI', 'SE', 'EX', 'se,ex'],
	type: ['FT', 'PT', 'CT', 'FL', 'FT,CT'],
	remote: ['0', '50', '100', '0,100'],
	from: ['2020', '2021', '2022', '2023', '2024', '2025'],
	to: ['2020', '2021', '2022', '2023', '2024', '2025'],
	titles: ['family', 'strict', 'STRICT'],
	dedupe: ['1', '0', 'true', 'false', ''],
	real: ['1', '0', 'true', 'false', '']
};
const KEYS = Object.keys(VALID);
/** Own entries only: junk keys such as `__proto__` or `toString` must not reach the prototype. */
const validOf = (key: string) => (Object.hasOwn(VALID, key) ? VALID[key] : undefined);
const JUNK_KEYS = [
	'',
	'BY',
	'Size',
	'x',
	'q',
	'__proto__',
	'constructor',
	'toString',
	'by[]',
	'size[0]',
	'%ZZ',
	'%',
	'%00',
	'ü',
	'%F0%9F%98%80',
	'by%00',
	'from ',
	' to',
	'+by',
	'ｂｙ',
	'a'.repeat(300)
];
const JUNK_VALUES = [
	'',
	' ',
	'%ZZ',
	'%',
	'%%',
	'%E0%A4%A',
	'%00',
	'%FF%FE',
	'%ED%A0%80',
	'%C0%AF',
	'+',
	'++',
	'=',
	'==',
	',',
	',,,',
	'S,,M',
	'S,XL',
	'XL',
	'-1',
	'0',
	'1e9',
	'NaN',
	'Infinity',
	'2020.5',
	'02020',
	' 2021',
	'2021 ',
	'１２３',
	'2019',
	'2026',
	'9999',
	'true ',
	'TRUE',
	'null',
	'undefined',
	'=HYPERLINK("http://x")',
	'@SUM(A1)',
	'<script>alert(1)</script>',
	"' OR 1=1 --",
	'../../etc/passwd',
	'${7*7}',
	'{{7*7}}',
	'é',
	'日本',
	'Ελλάδα',
	'\u202Eevil',
	'😀',
	'\u0000',
	'\t',
	'\r\n',
	'a&b',
	'a=b',
	'#frag',
	'?'
];
const UNICODE = ['é', 'ß', '日', '😀', '\u200B', '\u202E', '\uFFFD', '\u0301', 'Ω', 'ﷺ'];

function randomString(max: number): string {
	const len = int(max);
	let s = '';
	for (let i = 0; i < len; i++) {
		const r = rand();
		s += r < 0.6 ? String.fromCharCode(0x21 + int(94)) : r < 0.8 ? pick(UNICODE) : pick(['%', ',', '=', '&', ' ', '+']);
	}
	return s;
}

function value(key: string): string {
	const valid = validOf(key);
	const r = rand();
	if (r < 0.45 && valid) return pick(valid);
	if (r < 0.7) return pick(JUNK_VALUES);
	if (r < 0.8) return randomString(30);
	if (r < 0.88) return pick(['x', 'S', '2021', 'é', '%ZZ']).repeat(1 + int(1200));
	if (r < 0.95) return valid ? Array.from({ length: 1 + int(6) }, () => pick(valid)).join(',') : randomString(10);
	return pick(VALID.by!) + pick(['', ' ', '_', 'x', '%00', ',region']);
}

/** Write a pair raw (percent-garbage survives) or encoded (anything is legal). */
function pair(key: string, v: string): string {
	const enc = chance(0.5) ? encodeURIComponent : (s: string) => s.replace(/[#&\s]/g, (c) => encodeURIComponent(c));
	return chance(0.03) ? enc(key) : `${enc(key)}=${enc(v)}`;
}

function randomQuery(): string {
	const parts: string[] = [];
	const count = int(7);
	for (let i = 0; i < count; i++) {
		const key = chance(0.8) ? pick(KEYS) : chance(0.5) ? pick(JUNK_KEYS) : randomString(12);
		parts.push(pair(key, value(key)));
		if (chance(0.1)) parts.push(pair(key, value(key))); // repeated key
	}
	if (chance(0.05)) parts.push(pick(['&&', '&=&', '=', '&%ZZ%ZZ', '%26', ';by=region']));
	let q = parts.join('&');
	if (q.length > MAX_QUERY_CHARS) q = q.slice(0, MAX_QUERY_CHARS);
	return q;
}

const API = ['/api/summary.csv', '/api/summary.json', '/api/summary.meta.json'] as const;
const PAGES = ['/', '/pay', '/trends', '/demand', '/titles'] as const;

/** The whole request list, fixed by the seed before anything is sent. */
const PLAN: { path: string; page: boolean; url: string }[] = Array.from({ length: REQUESTS }, () => {
	const page = chance(0.08);
	const path = page ? pick(PAGES) : pick(API);
	const q = randomQuery();
	return { path, page, url: q === '' && chance(0.5) ? path : `${path}?${q}` };
});

test('fuzz: random and invalid queries never cause a 5xx; bad ones get a plain 400', async ({ request, baseURL }) => {
	test.setTimeout(BUDGET_MS + 60_000);
	expect(new URL(baseURL!).hostname).toBe('127.0.0.1');

	const counts = new Map<string, number>();
	const failures: string[] = [];
	const fail = (url: string, why: string) => {
		if (failures.length < 20) failures.push(`${why}: ${url.slice(0, 200)}`);
	};
	const started = Date.now();
	let next = 0;
	let done = 0;

	async function worker() {
		while (next < PLAN.length && Date.now() - started < BUDGET_MS) {
			const { path, page, url } = PLAN[next++]!;
			const res = await request.get(url, { maxRedirects: 0, timeout: 30_000 });
			const status = res.status();
			const key = `${page ? 'page' : 'api'} ${status}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
			done++;
			const type = res.headers()['content-type'] ?? '';
			if (status >= 500) fail(url, `${status}`);
			else if (page) {
				if (status !== 200) fail(url, `page answered ${status}`);
			} else if (status === 400) {
				const body = await res.text();
				if (!type.startsWith('text/plain')) fail(url, `400 with content-type ${type}`);
				if (!/^Bad request:\n- \S/.test(body)) fail(url, `400 without a message: ${JSON.stringify(body.slice(0, 80))}`);
			} else if (status === 200) {
				const body = await res.text();
				if (path.endsWith('.csv')) {
					if (!type.startsWith('text/csv') || !body.startsWith('group,group_label,family,')) fail(url, 'CSV 200 is not the summary CSV');
				} else {
					try {
						JSON.parse(body);
					} catch {
						fail(url, 'JSON 200 does not parse');
					}
				}
			} else fail(url, `API answered ${status}`);
		}
	}
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));

	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const byStatus = [...counts]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([k, n]) => `${k}×${n}`)
		.join(', ');
	console.log(
		`fuzz seed ${SEED}: ${done}/${PLAN.length} requests in ${seconds} s, concurrency ${CONCURRENCY}: ${byStatus}; failures ${failures.length}`
	);

	expect(failures).toEqual([]);
	expect(done).toBeGreaterThanOrEqual(Math.min(MIN_DONE, PLAN.length));
	// The plan exercises both outcomes of the API and every kind of target.
	expect(counts.get('api 200') ?? 0).toBeGreaterThan(100);
	expect(counts.get('api 400') ?? 0).toBeGreaterThan(100);
	expect(counts.get('page 200') ?? 0).toBeGreaterThan(50);
});
