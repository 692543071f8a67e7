/**
 * `npm run coverage` (`tsx scripts/coverage.ts [--sims N] [--boot B] [--seed S] [--json] [--write] [--distinct]`):
 * a seeded simulation of how often each candidate 95 % interval covers the truth when rows come
 * in clusters of identical rows, as they do in the built-in data. It decided the interval the
 * dashboard ships (intervals.ts) and checks every other interval labelled 95 %.
 *
 * Design (METHODS.md, "How the intervals were chosen"):
 * - Populations: the built-in aijobs.net AI and ML family rows, whole and in subgroups (work year,
 *   US / outside the US, experience, company size). A population's clusters are its distinct rows
 *   with their multiplicities; its true median is the median of all its rows (type 7).
 * - A sample at effective n b: clusters drawn uniformly with replacement (a cluster drawn twice
 *   merges into one bigger cluster, as identical rows do in production) until the Kish effective
 *   n N²/Σm² reaches b; kept when it is under 1.15·b. For a gap, an AI and an ML sample from the
 *   same subgroup, each at b.
 * - Buckets b = 6, 10, 15, 20, 30, 60; every population whose own effective n is at least 3·b.
 * - Each candidate gets what production gets: the sample's ascending values and cluster sizes.
 * - Samples come from one seeded generator and bootstrap resamples from another, so the samples
 *   (and the analytic methods' results) do not depend on whether the bootstrap runs.
 * Also checked with the shipped method: the AI share of AI + ML reports (Wilson on the effective n
 * as trends.ts and the claim check compute it), the change between two shares, and the difference
 * between two gaps (the claim check's "big tech" line).
 * `--write` stores the table in src/lib/transform/stats/coverage-table.json (read by the
 * methodology page and pinned by tests/integration/coverage.test.ts); `--distinct` draws
 * distinct reports only (every cluster of size 1: the "count identical rows once" case).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSalaries } from '../src/lib/data/salaries';
import type { SalaryRow, TitleFamily } from '../src/lib/data/types';
import { familyOf } from '../src/lib/transform/title-families';
import { mulberry32 } from '../src/lib/transform/stats/bootstrap';
import { Z_95 } from '../src/lib/transform/stats/constants';
import { gapFromMedians, type Interval } from '../src/lib/transform/stats/intervals';
import { quantileOfSorted } from '../src/lib/transform/stats/quantiles';
import {
	COVERAGE_BUCKETS,
	COVERAGE_SUBGROUPS,
	drawSample,
	populationOf,
	shareOfSample,
	shareWith,
	SHARE_EFFECTIVE_N,
	type Population
} from '../src/lib/transform/stats/testing/coverage-sim';
import * as previous from '../src/lib/transform/stats/testing/previous-intervals';
import {
	bootstrapMedians,
	hsClusterInterval,
	percentileInterval,
	rankMapInterval,
	shippedInterval,
	woodruffDesignInterval,
	woodruffTInterval,
	type ClusteredSample
} from '../src/lib/transform/stats/testing/interval-candidates';

/** Where `--write` stores the table (read by the methodology page, pinned by tests/integration/coverage.test.ts). */
export const COVERAGE_TABLE_FILE = 'src/lib/transform/stats/coverage-table.json';

function dataFile(rel: string): string {
	const candidates = [resolve(process.env.DATA_CACHE_DIR ?? '.data-cache', rel), resolve('../shared/data', rel)];
	const hit = candidates.find((p) => existsSync(p));
	if (!hit) {
		console.error(`real data absent (${rel}): run npm run data`);
		process.exit(1);
	}
	return hit;
}

type Method = { name: string; shipped?: boolean; interval: (s: ClusteredSample, bootRand: () => number) => Interval | null };

const medianMethods = (boot: number): Method[] => [
	{ name: 'exact-binomial ranks mapped onto the rows (used before)', interval: (s) => rankMapInterval(s) },
	{
		name: 'cluster bootstrap, percentile',
		interval: (s, r) => (boot > 0 ? percentileInterval(bootstrapMedians(s, r, boot).sort()) : null)
	},
	{ name: 'Woodruff on the effective n (shipped)', shipped: true, interval: (s) => shippedInterval(s) },
	{ name: 'Woodruff, Student t on n_eff − 1', interval: (s) => woodruffTInterval(s) },
	{ name: 'interpolated order statistics on n_eff (Hettmansperger–Sheather)', interval: (s) => hsClusterInterval(s) },
	{ name: 'Woodruff, design-based variance', interval: (s) => woodruffDesignInterval(s) }
];

interface Tally {
	covered: number;
	total: number;
	widths: number[];
}
const tally = (): Tally => ({ covered: 0, total: 0, widths: [] });
function count(t: Tally, i: Interval | null, truth: number) {
	t.total++;
	if (!i) return;
	if (i.lower <= truth && truth <= i.upper) t.covered++;
	t.widths.push(i.upper - i.lower);
}
const pctOf = (t: Tally) => (t.total ? Math.round((1000 * t.covered) / t.total) / 10 : null);
const medianWidth = (t: Tally) => (t.widths.length ? Math.round(quantileOfSorted(Float64Array.from(t.widths).sort(), 0.5)) : null);

/** A gap from two median intervals read as ±z·SE (SE = width / 2z), combined in quadrature. */
function gapFromIntervals(a: ClusteredSample, ia: Interval | null, b: ClusteredSample, ib: Interval | null) {
	if (!ia || !ib) return null;
	const seOf = (i: Interval) => (i.upper - i.lower) / (2 * Z_95);
	const seLogOf = (i: Interval) => (i.lower > 0 ? (Math.log(i.upper) - Math.log(i.lower)) / (2 * Z_95) : null);
	const g = gapFromMedians(
		{ median: quantileOfSorted(a.values, 0.5), se: seOf(ia), seLog: seLogOf(ia) },
		{ median: quantileOfSorted(b.values, 0.5), se: seOf(ib), seLog: seLogOf(ib) }
	);
	return { usd: g.gapUsdInterval, pct: g.gapPctInterval, seUsd: g.seUsd, gap: g.gapUsd };
}

export interface CoverageRow {
	readonly method: string;
	readonly shipped: boolean;
	/** Intervals given (the others had none to give, e.g. a share of fewer than 10 reports). */
	readonly intervals: number;
	readonly coveragePct: number | null;
	readonly medianWidth: number | null;
	/** Gaps only: coverage of the percent interval. */
	readonly coveragePctOfPercent?: number | null;
}
export interface CoverageBucket {
	readonly effectiveN: number;
	readonly populations: readonly string[];
	readonly median: readonly CoverageRow[];
	readonly gap: readonly CoverageRow[];
	readonly share: CoverageRow;
	readonly shareCandidates: readonly CoverageRow[];
	readonly shareChange: CoverageRow;

	readonly gapDifference: CoverageRow;
}

export interface SimOptions {
	readonly sims: number;
	/** Bootstrap resamples; 0 leaves the bootstrap out (the other methods' results do not change). */
	readonly boot: number;
	readonly seed: number;
}

type Pair = { name: string; AI: Population; ML: Population; all: Population };

/** The populations: each subgroup's AI rows, ML rows, and both (for shares). */
export function populations(rows: readonly SalaryRow[], distinct = false): Pair[] {
	const fam: Record<TitleFamily, SalaryRow[]> = { AI: [], ML: [] };
	for (const r of rows) {
		const f = familyOf(r.jobTitle, 'family');
		if (f) fam[f].push(r);
	}
	return COVERAGE_SUBGROUPS.map((g) => ({
		name: g.name,
		AI: populationOf(fam.AI.filter(g.keep), distinct),
		ML: populationOf(fam.ML.filter(g.keep), distinct),
		all: populationOf([...fam.AI, ...fam.ML].filter(g.keep), distinct, (r) => familyOf(r.jobTitle, 'family') === 'AI')
	}));
}

export function simulate(pairs: readonly Pair[], { sims: SIMS, boot: BOOT, seed: SEED }: SimOptions): CoverageBucket[] {
	const MEDIAN_METHODS = medianMethods(BOOT);
	const rand = mulberry32(SEED);
	const bootRand = mulberry32(SEED ^ 0x5bd1e995);
	const out: CoverageBucket[] = [];
	for (const b of COVERAGE_BUCKETS) {
		const eligible = pairs.filter((p) => p.AI.effectiveN >= 3 * b && p.ML.effectiveN >= 3 * b);
		const mt = MEDIAN_METHODS.map(tally);
		const gt = MEDIAN_METHODS.map(() => ({ usd: tally(), pct: tally() }));
		const gapToday = { usd: tally(), pct: tally() };
		const shareT = tally();
		const shareCand = Object.keys(SHARE_EFFECTIVE_N).map(tally);
		const shareChangeT = tally();

		const gapDiffT = tally();
		for (let s = 0; s < SIMS; s++) {
			const pop = eligible[s % eligible.length]!;
			const a = drawSample(pop.AI, b, rand);
			const m = drawSample(pop.ML, b, rand);
			const ints = MEDIAN_METHODS.map((meth) => [meth.interval(a, bootRand), meth.interval(m, bootRand)] as const);
			ints.forEach(([ia, im], i) => {
				count(mt[i]!, ia, pop.AI.trueMedian);
				count(mt[i]!, im, pop.ML.trueMedian);
			});
			const trueGap = pop.AI.trueMedian - pop.ML.trueMedian;
			const trueGapPct = 100 * (pop.AI.trueMedian / pop.ML.trueMedian - 1);
			const ea = previous.medianEstimateClusteredSorted(a.values, a.effectiveN);
			const em = previous.medianEstimateClusteredSorted(m.values, m.effectiveN);
			const g0 = ea && em ? previous.gapFromMedians(ea, em) : null;
			count(gapToday.usd, g0?.gapUsdInterval ?? null, trueGap);
			count(gapToday.pct, g0?.gapPctInterval ?? null, trueGapPct);
			MEDIAN_METHODS.forEach((meth, i) => {
				if (meth.name.startsWith('cluster bootstrap')) {
					if (BOOT === 0) return;
					const ba = bootstrapMedians(a, bootRand, BOOT);
					const bm = bootstrapMedians(m, bootRand, BOOT);
					const usd = ba.map((v, r) => v - bm[r]!).sort();
					const pct = ba.map((v, r) => 100 * (v / bm[r]! - 1)).sort();
					count(gt[i]!.usd, percentileInterval(usd), trueGap);
					count(gt[i]!.pct, percentileInterval(pct), trueGapPct);
					return;
				}
				const g = gapFromIntervals(a, ints[i]![0], m, ints[i]![1]);
				count(gt[i]!.usd, g?.usd ?? null, trueGap);
				count(gt[i]!.pct, g?.pct ?? null, trueGapPct);
			});
			// The AI share of one sample of AI + ML clusters, and the change between two subgroups' shares.
			// Only intervals the app shows are counted: a share of fewer than 10 reports has none.
			const shSample = drawSample(pop.all, b, rand);
			const sh = shareOfSample(shSample);
			if (sh?.interval) count(shareT, sh.interval, pop.all.trueShare!);
			Object.values(SHARE_EFFECTIVE_N).forEach((eff, i) => {
				const r = shareWith(shSample, eff);
				if (r?.interval) count(shareCand[i]!, r.interval, pop.all.trueShare!);
			});
			const other = eligible[(s + 1) % eligible.length]!;
			const sh2 = shareOfSample(drawSample(other.all, b, rand));
			if (sh?.interval && sh2?.interval) {
				const se = (i: Interval) => (i.upper - i.lower) / (2 * Z_95);
				const half = Z_95 * Math.hypot(se(sh.interval), se(sh2.interval));
				const d = sh.pct - sh2.pct;
				count(shareChangeT, { lower: d - half, upper: d + half }, pop.all.trueShare! - other.all.trueShare!);
			}
			// The difference between two subgroups' gaps (shipped SEs).
			const a2 = drawSample(other.AI, b, rand);
			const m2 = drawSample(other.ML, b, rand);
			const g1 = gapFromIntervals(a, ints[2]![0], m, ints[2]![1]);
			const g2 = gapFromIntervals(a2, shippedInterval(a2), m2, shippedInterval(m2));
			if (g1?.seUsd != null && g2?.seUsd != null) {
				const half = Z_95 * Math.hypot(g1.seUsd, g2.seUsd);
				const d = g1.gap - g2.gap;
				count(gapDiffT, { lower: d - half, upper: d + half }, trueGap - (other.AI.trueMedian - other.ML.trueMedian));
			}
		}
		const row = (method: string, shipped: boolean, t: Tally, pct?: Tally): CoverageRow => ({
			method,
			shipped,
			intervals: t.widths.length,
			coveragePct: pctOf(t),
			medianWidth: medianWidth(t),
			...(pct ? { coveragePctOfPercent: pctOf(pct) } : {})
		});
		out.push({
			effectiveN: b,
			populations: eligible.map((p) => p.name),
			median: MEDIAN_METHODS.map((meth, i) => row(meth.name, !!meth.shipped, mt[i]!)),
			gap: [
				row('Price–Bonett SEs on mapped ranks (used before)', false, gapToday.usd, gapToday.pct),
				...MEDIAN_METHODS.slice(1).map((meth, j) =>
					row(meth.name.startsWith('cluster') ? meth.name : `SEs from: ${meth.name}`, !!meth.shipped, gt[j + 1]!.usd, gt[j + 1]!.pct)
				)
			],
			share: row('Wilson on the effective n of all clusters (shipped)', true, shareT),
			shareCandidates: Object.keys(SHARE_EFFECTIVE_N).map((name, i) => row(name, name.includes('(shipped)'), shareCand[i]!)),
			shareChange: row('difference of two shares, SEs from their Wilson intervals (shipped)', true, shareChangeT),

			gapDifference: row('difference of two gaps, shipped SEs in quadrature (shipped)', true, gapDiffT)
		});
	}
	return out;
}

function print(buckets: CoverageBucket[], sims: number) {
	const fmt = (r: CoverageRow, unit = '$') =>
		`${String(r.coveragePct ?? '–').padStart(5)} %  width ${r.medianWidth === null ? '–' : `${unit === '$' ? '$' : ''}${r.medianWidth.toLocaleString('en-US')}${unit === 'pts' ? ' pts' : ''}`}`;
	for (const b of buckets) {
		console.log(`\neffective n ≈ ${b.effectiveN} (${sims} samples per family; populations: ${b.populations.join(', ')})`);
		for (const r of b.median) console.log(`  median  ${r.method.padEnd(68)} ${fmt(r)}`);
		for (const r of b.gap)
			console.log(`  gap     ${r.method.padEnd(68)} ${fmt(r)}   (percent interval: ${r.coveragePctOfPercent ?? '–'} %)`);
		console.log(`  share   ${b.share.method.padEnd(68)} ${String(b.share.coveragePct).padStart(5)} %  (${b.share.intervals} intervals)`);
		for (const r of b.shareCandidates)
			console.log(`  share   ${r.method.padEnd(68)} ${String(r.coveragePct).padStart(5)} %  width ${r.medianWidth} pts`);
		console.log(
			`  change  ${b.shareChange.method.padEnd(68)} ${String(b.shareChange.coveragePct).padStart(5)} %  (${b.shareChange.intervals} intervals)`
		);
		console.log(`  gaps    ${b.gapDifference.method.padEnd(68)} ${fmt(b.gapDifference)}`);
	}
}

/** Where METHODS.md holds the table, between two markers `--write` fills in. */
export const METHODS_FILE = 'src/lib/transform/stats/METHODS.md';
const START = '<!-- coverage-table:start -->';
const END = '<!-- coverage-table:end -->';

/** The tables of METHODS.md: methods by effective n, coverage % and median width. */
export function coverageMarkdown(doc: { sims: number; boot: number; seed: number; buckets: readonly CoverageBucket[] }): string {
	const head = `| method | ${doc.buckets.map((b) => `n_eff ${b.effectiveN}`).join(' | ')} |\n|---|${doc.buckets.map(() => '---|').join('')}`;
	const k = (v: number | null, unit: string) => (v === null ? '–' : unit === '$' ? `$${Math.round(v / 1000)}k` : `${v} ${unit}`);
	const cell = (r: CoverageRow | undefined, unit: string) => (r ? `${r.coveragePct ?? '–'} % · ${k(r.medianWidth, unit)}` : '–');
	const table = (rows: (b: CoverageBucket) => readonly CoverageRow[], unit: string, extra?: (r: CoverageRow) => string) =>
		rows(doc.buckets[0]!)
			.map(
				(r0, i) =>
					`| ${r0.shipped ? `**${r0.method}**` : r0.method} | ${doc.buckets.map((b) => `${cell(rows(b)[i], unit)}${extra ? extra(rows(b)[i]!) : ''}`).join(' | ')} |`
			)
			.join('\n');
	return [
		`Seed ${doc.seed}, ${doc.sims.toLocaleString('en-US')} samples per family and effective n, ${doc.boot.toLocaleString('en-US')} bootstrap resamples. Cells: coverage · median width; the shipped method in bold.`,
		'',
		'**Median** (true median of the population inside the interval)',
		'',
		head,
		table((b) => b.median, '$'),
		'',
		"**Gap, AI − ML** (dollar interval; in brackets the percent interval's coverage)",
		'',
		head,
		table(
			(b) => b.gap,
			'$',
			(r) => ` (${r.coveragePctOfPercent ?? '–'} %)`
		),
		'',
		'**Shares** (the AI share of AI + ML reports; widths in percentage points) **and the change between two shares**',
		'',
		head,
		table((b) => [...b.shareCandidates, b.shareChange], 'pts'),
		'',
		'**Difference between two gaps** (two subgroups, e.g. "big tech" against the others)',
		'',
		head,
		table((b) => [b.gapDifference], '$'),
		''
	].join('\n');
}

/** METHODS.md with the table between the markers replaced. */
export function withCoverageTable(methods: string, markdown: string): string {
	const i = methods.indexOf(START);
	const j = methods.indexOf(END);
	if (i < 0 || j < i) throw new Error(`${METHODS_FILE} has no ${START} … ${END} markers`);
	return `${methods.slice(0, i + START.length)}\n${markdown}${methods.slice(j)}`;
}

function main() {
	const args = process.argv.slice(2);
	const arg = (name: string, dflt: number) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? Number(args[i + 1]) : dflt;
	};
	const options: SimOptions = { sims: arg('sims', 2000), boot: arg('boot', 1000), seed: arg('seed', 20261207) };
	const distinct = args.includes('--distinct');
	const parsed = parseSalaries(readFileSync(dataFile('aijobs-salaries/salaries.csv'), 'utf8'));
	const buckets = simulate(populations(parsed.rows, distinct), options);
	const doc = { ...options, distinct, buckets };
	if (args.includes('--write')) {
		writeFileSync(COVERAGE_TABLE_FILE, `${JSON.stringify(doc, null, '\t')}\n`);
		writeFileSync(METHODS_FILE, withCoverageTable(readFileSync(METHODS_FILE, 'utf8'), coverageMarkdown(doc)));
		console.error(`wrote ${COVERAGE_TABLE_FILE} and the table in ${METHODS_FILE}`);
	}
	if (args.includes('--json')) console.log(JSON.stringify(doc, null, 2));
	else print(buckets, options.sims);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
