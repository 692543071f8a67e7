/**
 * The user's-file page models against the server's own provenance code (`summaryMeta`, the
 * manifest of sources) on the same rows: pay basis, counts, methods, sources; the title list's
 * order; the Dataset cache key's sensitivity to the as-of date.
 */
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import type { CpiRow } from '$lib/data/types';
import type { SalaryColumns } from '$lib/data/upload/columns';
import { load } from '$lib/data/upload/testing/load';
import { LICENSES, SOURCES } from '$lib/server/dataset';
import { summaryMeta } from '$lib/server/summary';
import { summaryQuery } from '$lib/format/query';
import { DEFAULT_FILTERS, type Filters } from '$lib/transform/filters';
import { runPage } from '$lib/pages/registry';
import { yoursSource } from '$lib/pages/testing/yours';
import { summaryView } from './summary-table';
import { datasetKey, yourDataset, yourSummaryMeta, yourTitles } from './your-pages';

const NAME = 'pages-salaries.csv';
const columns = async () => (await load(NAME)).done.columns as SalaryColumns;

function cpiRows() {
	const rows: CpiRow[] = [];
	for (const year of [2022, 2023, 2024])
		for (let month = 1; month <= 12; month++)
			rows.push({ date: `${year}-${String(month).padStart(2, '0')}-01`, year, month, index: 290 + (year - 2022) * 10 + month / 12 });
	return rows;
}

/** The download of `by=none` on the overview at the URL query `query` (the same view as `filters`), and the server's meta for the same stats. */
async function both(query: string, filters: Filters, withCpi: boolean) {
	const cols = await columns();
	const src = yoursSource({ salaries: { name: NAME, columns: cols }, cpi: withCpi ? cpiRows() : null });
	const data = src.files.salaries!.data;
	const d = runPage('overview', new URLSearchParams(query), src).yours!.downloads.none!;
	const { stats } = summaryView(data, { by: 'none', filters });
	const server = summaryMeta({ by: 'none', filters, canonical: summaryQuery('none', filters), page: undefined } as never, stats);
	return { d, stats, server, meta: yourSummaryMeta(d, filters, NAME, 'x.csv', '2026-01-01T00:00:00.000Z') };
}

describe('your downloads and their meta, against the server’s summaryMeta', () => {
	it('nominal pay: counts, pay basis, app and methods as the server writes them', async () => {
		expect.hasAssertions();
		const { d, stats, server, meta } = await both('source=yours', DEFAULT_FILTERS, false);
		expect(stats.pay.basis).toBe('nominal');
		expect(d.counts).toEqual({
			matched: stats.counts.matched,
			duplicates: stats.counts.duplicates,
			counted: stats.counts.counted,
			rowsWithoutCpi: stats.pay.rowsWithoutCpi
		});
		expect(stats.counts.counted).toBeGreaterThan(0);
		expect(d.payBasis).toBe(server.pay_basis);
		expect(meta.pay_basis).toBe('nominal US$');
		expect(meta.counts).toEqual({ ...server.counts, note: undefined });
		expect(meta.app).toEqual({ name: pkg.name, version: pkg.version });
		expect(meta.app).toEqual(server.app);
		const { gap_interval, ...methods } = server.methods;
		expect(gap_interval).toBeTruthy();
		expect(meta.methods).toEqual(methods);
		expect(meta.methods.median_interval.startsWith('95% ')).toBe(true);
		expect(meta.note).toBe('Computed in your browser from your own file; nothing of the file was sent anywhere.');
		// Nominal pay: the file is the only source.
		expect(meta.sources).toEqual([{ description: `your file ${NAME}`, license: 'yours' }]);
	});
	it('real pay with CPI given: the basis names the base year as the server does, and CPI is a source', async () => {
		expect.hasAssertions();
		const real: Filters = { ...DEFAULT_FILTERS, real: true };
		const { d, stats, server, meta } = await both('real=1&source=yours', real, true);
		expect(stats.pay.basis).toBe('real');
		expect(d.payBasis).toBe(server.pay_basis);
		expect(d.payBasis).toBe(`real ${stats.pay.baseYear} US$ (US CPI-U annual average)`);
		expect(String(stats.pay.baseYear)).toMatch(/^20\d\d$/);
		const cpi = SOURCES.find((s) => s.id === 'us-cpi')!;
		expect(meta.sources).toHaveLength(2);
		expect(meta.sources[0]).toEqual({ description: `your file ${NAME}`, license: 'yours' });
		// The manifest's licence id (ODC-PDDL-1.0), written with a space before the version.
		expect(meta.sources[1]!.license.replace(' ', '-')).toBe(cpi.license);
		expect(LICENSES[cpi.license]).toBeDefined();
		expect(meta.sources[1]!.description).toMatch(/^US CPI-U \(datasets\/cpi-us\)/);
	});
});

describe('yourTitles order', () => {
	it('most reports first, then by title when the counts tie', async () => {
		expect.hasAssertions();
		const cols = await columns();
		// Neither title is in the file (n = 0 each): the order is alphabetical whatever the insertion order.
		const list = yourTitles(cols, { 'Zeta Wrangler': 'AI', 'Alpha Wrangler': 'ML', 'AI Engineer': null }, 'strict').overrides;
		expect(list.map((x) => [x.title, x.n])).toEqual([
			['AI Engineer', 24],
			['Alpha Wrangler', 0],
			['Zeta Wrangler', 0]
		]);
	});
});

describe('datasetKey and the as-of date', () => {
	it('differs by as-of date; no date and an empty one give the same Dataset, so the same key', async () => {
		expect.hasAssertions();
		const o = { x: 'AI' as const };
		expect(datasetKey('t1', o, false, '2024-06-30')).not.toBe(datasetKey('t1', o, false, '2024-07-31'));
		expect(datasetKey('t1', o, false, '2024-06-30')).not.toBe(datasetKey('t1', o, false));
		expect(datasetKey('t1', o, false, '')).toBe(datasetKey('t1', o, false, null));
		const cols = await columns();
		expect(yourDataset(cols, NAME, o, null, '').dataVersion).toBe(yourDataset(cols, NAME, o, null, null).dataVersion);
	});
});
