/**
 * `npm run bench` (part of it; `tsx scripts/bench.ts [--json] [--rows N]`): how long one dashboard recompute takes
 * after a filter change, against two yardsticks, at the real size and at 1,000,000 rows.
 *
 * - recompute_ms: median time of `computeStats` (quantiles, median intervals, raw gap with
 *   intervals, like-for-like gap, growth by year, one grouping, a pay-band position),
 *   alternating between two filter states so nothing is reused, from rows prepared once.
 * - scan_ms: one plain loop summing salaryUsd over every row object.
 * - arquero_ms: arquero filtering a table of the same rows (built beforehand, with the same
 *   precomputed family tag and duplicate flag) and computing median salaryUsd grouped by
 *   family and by family × year.
 * - facets_ms: `facetCounts` (reports with each active filter removed, and per filter option
 *   given the other filters) for the same two states, one pass over the family index.
 * - ratio_scan = recompute_ms / scan_ms; ratio_arquero = recompute_ms / arquero_ms.
 * The 1e6-row run cycles the real rows (fresh objects, new line numbers), then sorts once.
 * `--rows N` runs at N rows only (the first N real rows, or the real rows cycled): a quick check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as aq from 'arquero';
import { parseCpi } from '../src/lib/data/cpi';
import { parseSalaries } from '../src/lib/data/salaries';
import type { SalaryRow } from '../src/lib/data/types';
import { DEFAULT_FILTERS, type Filters } from '../src/lib/transform/filters';
import { annualCpi, type AnnualCpi } from '../src/lib/transform/stats/real-pay';
import { prepareRows, type PreparedRows } from '../src/lib/transform/stats/prepare';
import { computeStats } from '../src/lib/transform/stats/compute';
import type { StatsOptions } from '../src/lib/transform/stats/types';
import { facetCounts } from '../src/lib/transform/stats/facets';
import { familyOf } from '../src/lib/transform/title-families';
import { parseFxYearly, parsePpp } from '../src/lib/data/money';
import { convertRows, moneyTables, type MoneyTables } from '../src/lib/transform/money';

const JSON_OUT = process.argv.includes('--json');
const rowsAt = process.argv.indexOf('--rows');
const SIZES = rowsAt > 0 ? [positiveInt(process.argv[rowsAt + 1])] : [74_301, 1_000_000];

function positiveInt(v: string | undefined): number {
	const n = Number(v);
	if (!Number.isInteger(n) || n < 1) {
		console.error(`--rows needs a whole number of rows, at least 1 (got ${JSON.stringify(v)})`);
		process.exit(1);
	}
	return n;
}

function dataFile(rel: string): string {
	const candidates = [resolve(process.env.DATA_DIR ?? process.env.DATA_CACHE_DIR ?? '.data-cache', rel), resolve('../shared/data', rel)];
	const hit = candidates.find((p) => existsSync(p));
	if (!hit) {
		console.error(`real data absent (${rel}): run npm run data`);
		process.exit(1);
	}
	return hit;
}

/** Two filter states a user might flip between; B also exercises dedupe and real pay. */
const STATE_A: Filters = { ...DEFAULT_FILTERS };
const STATE_B: Filters = {
	...DEFAULT_FILTERS,
	country: ['US'],
	size: ['M'],
	exp: ['MI', 'SE'],
	from: 2022,
	dedupe: true,
	real: true
};

let sink = 0; // keeps the JIT from dropping timed work

function median(xs: number[]): number {
	const s = xs.slice().sort((a, b) => a - b);
	const m = (s.length - 1) / 2;
	return (s[Math.floor(m)]! + s[Math.ceil(m)]!) / 2;
}

/** Median time per call in ms; `batch` calls are timed together when one call is too quick to time alone. */
function time(fn: (i: number) => void, samples: number, batch = 1, warmup = 20): number {
	for (let i = 0; i < warmup; i++) fn(i);
	const out: number[] = [];
	for (let s = 0; s < samples; s++) {
		const t0 = performance.now();
		for (let b = 0; b < batch; b++) fn(s * batch + b);
		out.push((performance.now() - t0) / batch);
	}
	return median(out);
}

function arqueroFilter(f: Filters): string {
	const q = (xs: readonly (string | number)[]) => JSON.stringify(xs);
	const parts = ['d.family !== null'];
	if (f.size.length) parts.push(`op.includes(${q(f.size)}, d.companySize)`);
	if (f.region.length) parts.push(`op.includes(${q(f.region)}, d.region)`);
	if (f.country.length) parts.push(`op.includes(${q(f.country)}, d.companyLocation)`);
	if (f.exp.length) parts.push(`op.includes(${q(f.exp)}, d.experienceLevel)`);
	if (f.type.length) parts.push(`op.includes(${q(f.type)}, d.employmentType)`);
	if (f.remote.length) parts.push(`op.includes(${q(f.remote)}, d.remoteRatio)`);
	if (f.from !== null) parts.push(`d.workYear >= ${f.from}`);
	if (f.to !== null) parts.push(`d.workYear <= ${f.to}`);
	if (f.dedupe) parts.push('d.duplicate === 0');
	return `d => ${parts.join(' && ')}`;
}

function arqueroTable(p: PreparedRows, f: Filters) {
	const rows = p.rows;
	return aq.table({
		salaryUsd: Float64Array.from(rows, (r) => r.salaryUsd),
		workYear: rows.map((r) => r.workYear),
		family: rows.map((r) => familyOf(r.jobTitle, f.titles)),
		companySize: rows.map((r) => r.companySize),
		region: rows.map((r) => r.region),
		companyLocation: rows.map((r) => r.companyLocation),
		experienceLevel: rows.map((r) => r.experienceLevel),
		employmentType: rows.map((r) => r.employmentType),
		remoteRatio: rows.map((r) => r.remoteRatio),
		duplicate: Array.from(p.duplicateFlags)
	});
}

function cycle(rows: readonly SalaryRow[], n: number): SalaryRow[] {
	const out: SalaryRow[] = new Array(n);
	for (let i = 0; i < n; i++) out[i] = { ...rows[i % rows.length]!, line: i + 2 };
	return out;
}

interface Run {
	rows: number;
	recompute_ms: number;
	scan_ms: number;
	arquero_ms: number;
	ratio_scan: number;
	ratio_arquero: number;
	facets_ms: number;
	/** The same recompute on the rows in euros and at PPP (converted once, before timing, as the server and worker keep them). */
	recompute_eur_ms: number;
	recompute_ppp_ms: number;
	/** The slower of the two over US dollars; target ≤ 1.2. */
	ratio_currency: number;
}

function bench(source: readonly SalaryRow[], n: number, cpi: readonly AnnualCpi[], money: MoneyTables): Run {
	const sized = n === source.length ? source : cycle(source, n);
	const prepared = prepareRows(sized);
	const options: StatsOptions = { cpi, groupBy: 'experienceLevel', salary: 150_000 };
	const states = [STATE_A, STATE_B];
	const big = n > 200_000;

	const recompute_ms = time(
		(i) => {
			const v = computeStats(prepared, states[i % 2]!, options);
			sink += v.counts.counted;
		},
		big ? 60 : 200
	);

	// Real pay is for US dollars only, so the comparison runs both states in nominal pay.
	const nominal = states.map((f) => ({ ...f, real: false }));
	// In another money: the rows converted once (as inMoney keeps them per Dataset), then the same recompute.
	const inMoneyMs = (code: string) => {
		const converted = prepareRows(convertRows(sized, money, code).rows);
		return time(
			(i) => {
				const v = computeStats(converted, nominal[i % 2]!, { ...options, cpi: undefined });
				sink += v.counts.counted;
			},
			big ? 60 : 200
		);
	};
	const usdNoCpi = time(
		(i) => {
			sink += computeStats(prepared, nominal[i % 2]!, { ...options, cpi: undefined }).counts.counted;
		},
		big ? 60 : 200
	);
	const recompute_eur_ms = inMoneyMs('EUR');
	const recompute_ppp_ms = inMoneyMs('PPP');

	const facets_ms = time(
		(i) => {
			sink += facetCounts(prepared, states[i % 2]!).current.n;
		},
		big ? 60 : 200
	);

	const rows = prepared.rows;
	const scan_ms = time(
		() => {
			let s = 0;
			for (let i = 0; i < rows.length; i++) s += rows[i]!.salaryUsd;
			sink += s;
		},
		big ? 60 : 200,
		big ? 1 : 5
	);

	const table = arqueroTable(prepared, STATE_A);
	const exprs = states.map(arqueroFilter);
	const arquero_ms = time(
		(i) => {
			const filtered = table.filter(exprs[i % 2]!);
			const byFamily = filtered.groupby('family').rollup({ median: aq.op.median('salaryUsd') });
			const byYear = filtered.groupby('family', 'workYear').rollup({ median: aq.op.median('salaryUsd') });
			sink += byFamily.numRows() + byYear.numRows();
		},
		big ? 20 : 60,
		1,
		5
	);

	return {
		rows: n,
		recompute_ms: round(recompute_ms),
		scan_ms: round(scan_ms),
		arquero_ms: round(arquero_ms),
		ratio_scan: round(recompute_ms / scan_ms),
		ratio_arquero: round(recompute_ms / arquero_ms),
		facets_ms: round(facets_ms),
		recompute_eur_ms: round(recompute_eur_ms),
		recompute_ppp_ms: round(recompute_ppp_ms),
		// Against US dollars timed the same way (without CPI: real pay is for US dollars only).
		ratio_currency: round(Math.max(recompute_eur_ms, recompute_ppp_ms) / usdNoCpi)
	};
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const salaries = parseSalaries(readFileSync(dataFile('aijobs-salaries/salaries.csv'), 'utf8')).rows;
const cpi = annualCpi(parseCpi(readFileSync(dataFile('us-cpi/cpiai.csv'), 'utf8')).rows);
const money = moneyTables(
	salaries,
	parseFxYearly(readFileSync(dataFile('exchange-rates/yearly.csv'), 'utf8')).rows,
	parsePpp(readFileSync(dataFile('ppp/ppp-gdp.csv'), 'utf8')).rows
);
const runs = SIZES.map((n) => bench(salaries, n, cpi, money));

if (JSON_OUT) console.log(JSON.stringify({ runs }));
else {
	console.log('Recompute of one dashboard view after a filter change (median ms; lower is better)\n');
	console.table(runs);
	console.log('Targets: ratio_arquero ≤ 0.5 and ratio_scan ≤ 10 at both sizes; ratio_currency ≤ 1.2 (EUR and PPP against USD).');
	if (sink === 42) console.log(''); // use the sink
}
