/**
 * One page runtime: the server and the browser compute a page's model with the same call
 * (`runPage`), the server on the Dataset it built from the pinned files, the browser's worker on
 * the Dataset it unpacked from the packs the server serves. For every page and 200 seeded random
 * URLs (every filter, both title modes, dedupe, real pay, each page's own parameters, good and
 * bad values, empty and narrow views, other money) the two models are the same JSON, and so are the
 * problems (redirects, bad sources). Skips, saying so, without the real data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSalaries } from '../../src/lib/data/salaries';
import { parseCpi } from '../../src/lib/data/cpi';
import { parseSectorIndex, parseShare } from '../../src/lib/data/indeed';
import { buildDataset, type Dataset } from '../../src/lib/transform/dataset';
import { packDataset, PackError, unpackIndeed, unpackSalaries, withIndeed } from '../../src/lib/transform/dataset-pack';
import { PAGE_IDS, PAGE_PATH, pageKey, pageProblem, runPage, type PageId } from '../../src/lib/pages/registry';
import { mulberry32 } from '../../src/lib/transform/stats/bootstrap';
import { parseFxYearly, parsePpp } from '../../src/lib/data/money';
import { moneyTables, tablesFromJson, tablesToJson } from '../../src/lib/transform/money';
import { parseFilters } from '../../src/lib/query/url-filters';
import { realDataPath, reportAbsent } from './real-data';

const FILES = {
	salaries: 'aijobs-salaries/salaries.csv',
	cpi: 'us-cpi/cpiai.csv',
	ai: 'indeed-ai-tracker/AI_posting.csv',
	genai: 'indeed-ai-tracker/GenAI_posting.csv',
	ppp: 'ppp/ppp-gdp.csv',
	fx: 'exchange-rates/yearly.csv'
};
const SECTOR_COUNTRIES = ['US', 'GB', 'CA', 'DE', 'FR', 'AU'];
const paths = Object.fromEntries(Object.entries(FILES).map(([k, v]) => [k, realDataPath(v)]));
const present = Object.values(paths).every((p) => p !== null);
if (!present) reportAbsent(Object.values(FILES).join(', '));

/** The server's Dataset, as lib/server/dataset.ts builds it (same parsers, same buildDataset). */
function serverDataset(): Dataset {
	const read = (p: string) => readFileSync(p, 'utf8');
	const sectors = SECTOR_COUNTRIES.map((c) => {
		const p = realDataPath(`indeed-job-postings/job_postings_by_sector_${c}.csv`)!;
		return { file: `indeed-job-postings/job_postings_by_sector_${c}.csv`, ...parseSectorIndex(read(p)) };
	});
	return buildDataset({
		dataVersion: '2025-01-19',
		salaries: { file: FILES.salaries, ...parseSalaries(read(paths.salaries!)) },
		cpi: { file: FILES.cpi, ...parseCpi(read(paths.cpi!)) },
		aiShare: { file: FILES.ai, ...parseShare(read(paths.ai!), 'AI_share_postings') },
		genaiShare: { file: FILES.genai, ...parseShare(read(paths.genai!), 'GenAI_share_postings') },
		sectors,
		sources: []
	});
}

/** A URL's query, drawn from a seeded generator: each filter present or not, good or bad values, the page's parameters. */
function randomParams(page: PageId, rand: () => number): URLSearchParams {
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
	const some = <T>(xs: readonly T[]) => xs.filter(() => rand() < 0.35);
	const p = new URLSearchParams();
	const maybe = (name: string, value: () => string, chance = 0.35) => {
		if (rand() < chance) p.set(name, value());
	};
	maybe('size', () => some(['S', 'M', 'L', 'm', 'X']).join(','));
	maybe('region', () => some(['europe', 'north-america', 'asia', 'oceania', 'mars']).join(','), 0.25);
	maybe('country', () => some(['US', 'GB', 'DE', 'CA', 'IN', 'FR', 'ZZ']).join(','), 0.25);
	maybe('exp', () => some(['EN', 'MI', 'SE', 'EX']).join(','));
	maybe('type', () => some(['FT', 'PT', 'CT', 'FL']).join(','), 0.15);
	maybe('remote', () => some(['0', '50', '100']).join(','), 0.2);
	maybe('from', () => pick(['2020', '2022', '2023', '2024', '2025', '1999', 'soon']), 0.3);
	maybe('to', () => pick(['2022', '2023', '2024', '2025', '']), 0.2);
	maybe('titles', () => pick(['family', 'strict', 'STRICT', 'nope']), 0.5);
	maybe('dedupe', () => pick(['1', '0', 'true', '2']), 0.3);
	maybe('real', () => pick(['1', '0', 'yes']), 0.3);
	maybe('currency', () => pick(['EUR', 'PPP', 'gbp', 'INR', 'JPY', 'USD', 'XYZ', 'e1']), 0.35);
	if (page === 'overview') maybe('cyear', () => pick(['2022', '2023', '2024', 'all', '1990', 'x']), 0.4);
	if (page === 'pay') {
		maybe('scale', () => pick(['linear', 'log', 'cubic']), 0.4);
		maybe('salary', () => pick(['120k', '$150,000', '150k–200k', '80000', 'abc', '5', '€80k', '1-2m$']), 0.5);
	}
	if (page === 'trends') {
		maybe('gfrom', () => pick(['2021', '2022', '2023', '20x']), 0.3);
		maybe('gto', () => pick(['2024', '2025', '2023']), 0.3);
	}
	if (page === 'demand') maybe('market', () => pick(['US', 'gb', 'DE', 'JP', '']), 0.4);
	maybe('source', () => pick(['builtin', '', 'BUILTIN', 'theirs']), 0.08);
	return p;
}

describe.skipIf(!present)('one page runtime: the server and the browser compute the same models', () => {
	const server = serverDataset();
	const salaryPack = packDataset(server, 'salaries');
	const indeedPack = packDataset(server, 'indeed');
	const browser = withIndeed(unpackSalaries(salaryPack.slice().buffer), unpackIndeed(indeedPack.slice().buffer));
	// The server reads the money files; the browser gets the same tables as /api/money/tables.json.
	const read = (p: string) => readFileSync(p, 'utf8');
	const serverMoney = moneyTables(server.salaries, parseFxYearly(read(paths.fx!)).rows, parsePpp(read(paths.ppp!)).rows);
	const browserMoney = tablesFromJson(JSON.parse(JSON.stringify(tablesToJson(serverMoney))));

	it('the unpacked Dataset holds the same rows in the same order', () => {
		expect.hasAssertions();
		expect(browser.salaries).toEqual(server.salaries);
		expect(JSON.stringify([browser.cpi, browser.annualCpi, browser.aiShare, browser.genaiShare, browser.sectors, browser.parse])).toBe(
			JSON.stringify([server.cpi, server.annualCpi, server.aiShare, server.genaiShare, server.sectors, server.parse])
		);
		expect(browser.dataVersion).toBe(server.dataVersion);
		expect(browser.sourceShiftYear).toBe(server.sourceShiftYear);
	});

	for (const page of PAGE_IDS)
		it(`${page}: 200 random URLs give the same model (and the same problem) on both sides`, () => {
			expect.hasAssertions();
			const rand = mulberry32(17 + PAGE_IDS.indexOf(page));
			let models = 0;
			for (let i = 0; i < 200; i++) {
				const params = randomParams(page, rand);
				const a = { kind: 'builtin' as const, data: server, money: serverMoney };
				// As the worker does (workers/results.ts): it fetches the tables only when another money is asked.
				const b = {
					kind: 'builtin' as const,
					data: browser,
					money: parseFilters(params).filters.currency === undefined ? null : browserMoney
				};
				const pa = pageProblem(page, PAGE_PATH[page], params, a);
				expect(pageProblem(page, PAGE_PATH[page], params, b)).toEqual(pa);
				if (pa) continue;
				const ra = runPage(page, params, a);
				expect(ra.key).toBe(pageKey(page, params));
				expect(JSON.stringify(runPage(page, params, b)), `${page}?${params.toString()}`).toBe(JSON.stringify(ra));
				models++;
			}
			// Most URLs make a model (a few ask for a bad source).
			expect(models).toBeGreaterThan(150);
		}, 240_000);

	it('a pack cut short, altered or of the other part is refused, never half-read', () => {
		expect.hasAssertions();
		expect(() => unpackSalaries(salaryPack.slice(0, 1000).buffer)).toThrow(PackError);
		expect(() => unpackSalaries(salaryPack.slice(0, salaryPack.byteLength - 8).buffer)).toThrow(PackError);
		expect(() => unpackSalaries(indeedPack.slice().buffer)).toThrow(/indeed pack, not salaries/);
		const wrongMagic = salaryPack.slice();
		wrongMagic[0] = 0x20;
		expect(() => unpackSalaries(wrongMagic.buffer)).toThrow(/not a data pack/);
		expect(() => unpackSalaries(new ArrayBuffer(3))).toThrow(/cut short/);
	});
});
