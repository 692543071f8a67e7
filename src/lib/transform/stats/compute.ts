/**
 * `computeStats`: every statistic one filter state yields, from rows prepared once at load.
 * One pass over the family index applies the filters; everything after works on the
 * selected entries in salary order, so quantiles are index look-ups.
 */
import {
	COMPANY_SIZES,
	EMPLOYMENT_TYPES,
	EXPERIENCE_LEVELS,
	REGIONS,
	REMOTE_RATIOS,
	type SalaryRow,
	type TitleFamily
} from '../../data/types';
import { notGivenTicked, type Filters, type NotGivenFacet } from '../filters';
import { bootstrapGapClustered, clustersOf } from './bootstrap';
import { bandShareSorted, claimPositionSorted } from './claim';
import { NOT_GIVEN, type Dimension } from './dimensions';
import { growthFromSortedByYear, type Growth } from './growth';
import { likeForLikeSorted, type LikeForLike } from './like-for-like';
import { payBandPositionSorted } from './pay-band';
import { codeMask as mask, FAMILY_CODE, isPreparedRows, prepareRows, type ModeIndex, type PreparedRows } from './prepare';
import { deflator, latestFullYear, type AnnualCpi } from './real-pay';
import { familySummariesSorted, gapSummary, groupSummariesSorted } from './summary';
import type { DedupeSensitivity, Headline, Stats, StatsOptions } from './types';
import { BoundedCache } from '../../../../server/bounded-cache.js';

/**
 * Entries reordered by pay when pay = salaryUsd × factor[yearSlot]: within a year the
 * nominal order already holds, so this is a k-way merge of per-year runs (k = years).
 */
function orderByPay(entries: Int32Array, ix: ModeIndex, factor: Float64Array | null): Int32Array {
	if (factor === null || entries.length < 2) return entries;
	const k = ix.years.length;
	const start = new Int32Array(k + 1);
	for (let i = 0; i < entries.length; i++) start[ix.yearSlot[entries[i]!]! + 1]! += 1;
	for (let s = 0; s < k; s++) start[s + 1]! += start[s]!;
	const runs = new Int32Array(entries.length);
	const fill = start.slice(0, k);
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i]!;
		runs[fill[ix.yearSlot[e]!]!++] = e;
	}
	const head = start.slice(0, k);
	const out = new Int32Array(entries.length);
	for (let o = 0; o < out.length; o++) {
		let best = -1;
		let bestPay = Infinity;
		for (let s = 0; s < k; s++) {
			if (head[s]! >= start[s + 1]!) continue;
			const pay = ix.salaryUsd[runs[head[s]!]!]! * factor[s]!;
			if (pay < bestPay) {
				bestPay = pay;
				best = s;
			}
		}
		out[o] = runs[head[best]!++]!;
	}
	return out;
}

function payValues(entries: Int32Array, ix: ModeIndex, factor: Float64Array | null): Float64Array {
	const v = new Float64Array(entries.length);
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i]!;
		v[i] = factor === null ? ix.salaryUsd[e]! : ix.salaryUsd[e]! * factor[ix.yearSlot[e]!]!;
	}
	return v;
}

/** Code → group key label, per dimension; the code list's length is "not given" (key NOT_GIVEN). */
function groupCodes(
	dim: Dimension,
	ix: ModeIndex,
	countries: readonly string[]
): { codes: ArrayLike<number>; size: number; label: (c: number) => string } {
	const coded = (codes: ArrayLike<number>, list: readonly (string | number)[]) => ({
		codes,
		size: list.length + 1,
		label: (c: number) => (c === list.length ? NOT_GIVEN : String(list[c]!))
	});
	switch (dim) {
		case 'companySize':
			return coded(ix.companySize, COMPANY_SIZES);
		case 'region':
			return coded(ix.region, REGIONS);
		case 'country':
			return coded(ix.country, countries);
		case 'experienceLevel':
			return coded(ix.experienceLevel, EXPERIENCE_LEVELS);
		case 'employmentType':
			return coded(ix.employmentType, EMPLOYMENT_TYPES);
		case 'remoteRatio':
			return coded(ix.remoteRatio, REMOTE_RATIOS);
		case 'workYear':
			return { codes: ix.yearSlot, size: ix.years.length, label: (c) => String(ix.years[c]!) };
	}
}

/** Split entries (kept in order) by a small integer code in [0, size). Empty codes are left out. */
function bucket(entries: Int32Array, codes: ArrayLike<number>, size: number): Map<number, Int32Array> {
	const counts = new Int32Array(size);
	for (let i = 0; i < entries.length; i++) counts[codes[entries[i]!]!]! += 1;
	const lists: (Int32Array | null)[] = Array.from(counts, (n) => (n > 0 ? new Int32Array(n) : null));
	const fill = new Int32Array(size);
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i]!;
		const c = codes[e]!;
		lists[c]![fill[c]!++] = e;
	}
	const out = new Map<number, Int32Array>();
	lists.forEach((list, c) => {
		if (list) out.set(c, list);
	});
	return out;
}

/** Per year slot: allowed by the year filter, and the deflator to base-year dollars (NaN where the CPI year is incomplete). */
interface YearSlots {
	readonly yearOk: Uint8Array;
	readonly slotFactor: Float64Array;
}

function yearSlots(ix: ModeIndex, filters: Filters, cpi: readonly AnnualCpi[] | null, baseYear: number | null): YearSlots {
	const k = ix.years.length;
	const yearOk = new Uint8Array(Math.max(1, k));
	const slotFactor = new Float64Array(Math.max(1, k)).fill(NaN);
	const from = filters.from ?? -Infinity;
	const to = filters.to ?? Infinity;
	for (let s = 0; s < k; s++) {
		const y = ix.years[s]!;
		yearOk[s] = y >= from && y <= to ? 1 : 0;
		const f = cpi ? deflator(cpi, y, baseYear) : null;
		if (f !== null) slotFactor[s] = f;
	}
	return { yearOk, slotFactor };
}

/** The filtered entries of each family, in nominal salary order, and what the filter pass counted. */
interface Selection {
	readonly nominal: Readonly<Record<TitleFamily, Int32Array>>;
	readonly matched: number;
	readonly duplicates: number;
	readonly rowsWithoutCpi: number;
}

/** Step 1, filter: the one pass over the index; filter, count, split by family (order kept). */
function selectEntries(
	prepared: PreparedRows,
	ix: ModeIndex,
	filters: Filters,
	yearOk: Uint8Array,
	realFactor: Float64Array | null
): Selection {
	const ng = (f: NotGivenFacet) => notGivenTicked(filters, f);
	const mExp = mask(EXPERIENCE_LEVELS, filters.exp, ng('exp'));
	const mType = mask(EMPLOYMENT_TYPES, filters.type, ng('type'));
	const mSize = mask(COMPANY_SIZES, filters.size, ng('size'));
	const mRegion = mask(REGIONS, filters.region, ng('region'));
	const mRemote = mask(REMOTE_RATIOS, filters.remote, ng('remote'));
	const mCountry = mask(prepared.countries, filters.country, ng('country'));
	const dedupe = filters.dedupe;
	const selAi = new Int32Array(ix.count);
	const selMl = new Int32Array(ix.count);
	let nAi = 0;
	let nMl = 0;
	let matched = 0;
	let duplicates = 0;
	let rowsWithoutCpi = 0;
	const { yearSlot, experienceLevel, employmentType, companySize, region, remoteRatio, country, duplicate, family } = ix;
	for (let e = 0; e < ix.count; e++) {
		const slot = yearSlot[e]!;
		if (
			yearOk[slot] === 0 ||
			mExp[experienceLevel[e]!] === 0 ||
			mSize[companySize[e]!] === 0 ||
			mRegion[region[e]!] === 0 ||
			mCountry[country[e]!] === 0 ||
			mType[employmentType[e]!] === 0 ||
			mRemote[remoteRatio[e]!] === 0
		)
			continue;
		matched++;
		const dup = duplicate[e]!;
		duplicates += dup;
		if (dedupe && dup === 1) continue;
		if (realFactor !== null && Number.isNaN(realFactor[slot]!)) {
			rowsWithoutCpi++;
			continue;
		}
		if (family[e] === FAMILY_CODE.AI) selAi[nAi++] = e;
		else selMl[nMl++] = e;
	}
	return { nominal: { AI: selAi.slice(0, nAi), ML: selMl.slice(0, nMl) }, matched, duplicates, rowsWithoutCpi };
}

/**
 * Identical rows are one cluster for intervals (whole clusters pass the filters together).
 * With "count identical rows once" every cluster is one row.
 */
interface Clusters {
	readonly sizeOf: (entry: number) => number;
	/** Kish effective n of a set of entries: n² / Σ cluster sizes. */
	readonly effN: (entries: Int32Array) => number;
}

function clustersStep(ix: ModeIndex, dedupe: boolean): Clusters {
	const sizeOf = (e: number) => (dedupe ? 1 : ix.clusterSize[e]!);
	const effN = (entries: Int32Array) => {
		let sumM = 0;
		for (let i = 0; i < entries.length; i++) sumM += sizeOf(entries[i]!);
		return sumM > 0 ? (entries.length * entries.length) / sumM : 0;
	};
	return { sizeOf, effN };
}

/** Step: like-for-like, from each family's values in pay order and their cells. */
function likeForLikeStep(
	ix: ModeIndex,
	byPay: Readonly<Record<TitleFamily, Int32Array>>,
	values: Readonly<Record<TitleFamily, Float64Array>>,
	clusters: Clusters
): LikeForLike {
	const celled = (entries: Int32Array, vals: Float64Array) => {
		const cells = new Uint8Array(entries.length);
		const clusterSizes = new Uint32Array(entries.length);
		for (let i = 0; i < entries.length; i++) {
			const e = entries[i]!;
			cells[i] = ix.cell[e]!;
			clusterSizes[i] = clusters.sizeOf(e);
		}
		return { values: vals, cells, clusterSizes };
	};
	return likeForLikeSorted(celled(byPay.AI, values.AI), celled(byPay.ML, values.ML));
}

/** Step: growth by year, from nominal values per family and year (the nominal order holds within a year). */
function growthStep(
	ix: ModeIndex,
	nominal: Readonly<Record<TitleFamily, Int32Array>>,
	cpi: readonly AnnualCpi[] | null,
	baseYear: number | null,
	options: Pick<StatsOptions, 'span' | 'partialYear' | 'sourceShiftYear'>,
	clusters: Clusters
): Growth {
	const yearEffN = { AI: new Map<number, number>(), ML: new Map<number, number>() };
	const byYear = (entries: Int32Array, eff: Map<number, number>) => {
		const m = new Map<number, Float64Array>();
		for (const [slot, list] of bucket(entries, ix.yearSlot, ix.years.length)) {
			m.set(ix.years[slot]!, payValues(list, ix, null));
			eff.set(ix.years[slot]!, clusters.effN(list));
		}
		return m;
	};
	return growthFromSortedByYear(
		{ AI: byYear(nominal.AI, yearEffN.AI), ML: byYear(nominal.ML, yearEffN.ML) },
		{
			deflate: cpi ? (year) => deflator(cpi, year, baseYear) : null,
			baseYear,
			span: options.span ?? null,
			effectiveN: yearEffN,
			partialYear: options.partialYear ?? null,
			...(options.sourceShiftYear !== undefined ? { sourceShiftYear: options.sourceShiftYear } : {})
		}
	);
}

/** Step: groups, each family's values split by one dimension, summarised per group with its gap. */
function groupsStep(
	dim: Dimension,
	prepared: PreparedRows,
	ix: ModeIndex,
	byPay: Readonly<Record<TitleFamily, Int32Array>>,
	realFactor: Float64Array | null,
	clusters: Clusters
): NonNullable<Stats['groups']> {
	const { codes, size, label } = groupCodes(dim, ix, prepared.countries);
	const ai = bucket(byPay.AI, codes, size);
	const ml = bucket(byPay.ML, codes, size);
	const map = new Map<string, Record<TitleFamily, Float64Array>>();
	const eff = new Map<string, Record<TitleFamily, number>>();
	for (const c of new Set([...ai.keys(), ...ml.keys()])) {
		const a = ai.get(c);
		const m = ml.get(c);
		map.set(label(c), {
			AI: a ? payValues(a, ix, realFactor) : new Float64Array(0),
			ML: m ? payValues(m, ix, realFactor) : new Float64Array(0)
		});
		eff.set(label(c), { AI: a ? clusters.effN(a) : 0, ML: m ? clusters.effN(m) : 0 });
	}
	return { dimension: dim, groups: groupSummariesSorted(dim, map, eff) };
}

/** Step: pay band, where one salary falls in each family. */
function payBandStep(values: Readonly<Record<TitleFamily, Float64Array>>, salary: number): NonNullable<Stats['position']> {
	return { salary, families: { AI: payBandPositionSorted(values.AI, salary), ML: payBandPositionSorted(values.ML, salary) } };
}

/** Step: claim check, where each claimed salary falls in each family (Wilson interval on the effective n). */
function claimsStep(
	values: Readonly<Record<TitleFamily, Float64Array>>,
	effN: Readonly<Record<TitleFamily, number>>,
	claimed: readonly number[]
): NonNullable<Stats['claims']> {
	return claimed.map((c) => ({
		claimed: c,
		families: { AI: claimPositionSorted(values.AI, c, effN.AI), ML: claimPositionSorted(values.ML, c, effN.ML) }
	}));
}

/** Step: band share, each family's share of reports inside a salary band. */
function bandStep(
	values: Readonly<Record<TitleFamily, Float64Array>>,
	effN: Readonly<Record<TitleFamily, number>>,
	band: NonNullable<StatsOptions['band']>
): NonNullable<Stats['band']> {
	return {
		...band,
		families: {
			AI: bandShareSorted(values.AI, band.low, band.high, effN.AI),
			ML: bandShareSorted(values.ML, band.low, band.high, effN.ML)
		}
	};
}

/** What every call with the same rows, filters and CPI options shares: the selection and the figures that depend on nothing else. */
interface Base {
	readonly selection: Selection;
	readonly byPay: Readonly<Record<TitleFamily, Int32Array>>;
	readonly values: Readonly<Record<TitleFamily, Float64Array>>;
	readonly realFactor: Float64Array | null;
	readonly clusters: Clusters;
	readonly effN: Readonly<Record<TitleFamily, number>>;
	readonly families: Stats['families'];
	readonly gap: Stats['gap'];
	/** Computed when first read: many calls (the claim check's subsets) want only the families and the gap. */
	readonly likeForLike: LikeForLike;
	/** Growth by year for a call's span, partial year and change of source (computed when first asked for, kept per choice). */
	growthFor(options: StatsOptions): Growth;
	/** Groups by dimension, computed when first asked for. */
	readonly groups: Map<Dimension, NonNullable<Stats['groups']>>;
}

/**
 * The bases last used, per prepared rows. A page asks for the same filters several times (the
 * headline, then each segment's groups, then the downloads; the claim check's subsets on every
 * Overview), and a filter change often goes back to a view just seen: each such call then
 * costs no scan of the rows. Bounded in entries and in selected rows kept (a base holds about
 * 16 bytes per selected row), least recently used first out (the server's BoundedCache; a view
 * selecting more rows than the whole budget is computed and not kept).
 */
const BASES = new WeakMap<PreparedRows, BoundedCache<Base>>();
const BASES_KEPT = 48;
const BASE_ROWS_KEPT = 4_000_000;
const selectedRows = (b: Base) => b.selection.nominal.AI.length + b.selection.nominal.ML.length;

/** How many bases are kept for these rows, and the selected rows they hold (for tests). */
export function keptBases(prepared: PreparedRows): { readonly bases: number; readonly rows: number } {
	const kept = BASES.get(prepared);
	return { bases: kept?.size ?? 0, rows: kept?.totalSize ?? 0 };
}

/** The limits on the kept bases: entries and selected rows, per prepared rows. */
export const BASES_LIMITS = { entries: BASES_KEPT, rows: BASE_ROWS_KEPT } as const;

const cpiIds = new WeakMap<readonly AnnualCpi[], number>();
let nextCpiId = 1;

function baseKey(filters: Filters, cpi: readonly AnnualCpi[] | null, baseYear: number | null): string {
	let cpiId = 0;
	if (cpi) {
		cpiId = cpiIds.get(cpi) ?? 0;
		if (cpiId === 0) cpiIds.set(cpi, (cpiId = nextCpiId++));
	}
	return JSON.stringify([filters, cpiId, baseYear]);
}

function baseOf(prepared: PreparedRows, filters: Filters, cpi: readonly AnnualCpi[] | null, baseYear: number | null): Base {
	let kept = BASES.get(prepared);
	if (!kept) BASES.set(prepared, (kept = new BoundedCache<Base>(BASES_KEPT, BASE_ROWS_KEPT, selectedRows)));
	const key = baseKey(filters, cpi, baseYear);
	const hit = kept.get(key);
	if (hit) return hit;
	const ix = prepared.modes[filters.titles];
	const { yearOk, slotFactor } = yearSlots(ix, filters, cpi, baseYear);
	const realFactor = filters.real ? slotFactor : null;
	const selection = selectEntries(prepared, ix, filters, yearOk, realFactor);
	const { nominal } = selection;
	const byPay = { AI: orderByPay(nominal.AI, ix, realFactor), ML: orderByPay(nominal.ML, ix, realFactor) };
	const values = { AI: payValues(byPay.AI, ix, realFactor), ML: payValues(byPay.ML, ix, realFactor) };
	const clusters = clustersStep(ix, filters.dedupe);
	const effN = { AI: clusters.effN(nominal.AI), ML: clusters.effN(nominal.ML) };
	const families = familySummariesSorted(values, effN);
	let likeForLike: LikeForLike | null = null;
	const growths = new Map<string, Growth>();
	const base: Base = {
		selection,
		byPay,
		values,
		realFactor,
		clusters,
		effN,
		families,
		gap: gapSummary(families.AI, families.ML),
		get likeForLike() {
			return (likeForLike ??= likeForLikeStep(ix, byPay, values, clusters));
		},
		growthFor(o: StatsOptions) {
			const k = JSON.stringify([o.span ?? null, o.partialYear ?? null, o.sourceShiftYear === undefined ? 'default' : o.sourceShiftYear]);
			let g = growths.get(k);
			if (!g) growths.set(k, (g = growthStep(ix, nominal, cpi, baseYear, o, clusters)));
			return g;
		},
		groups: new Map()
	};
	kept.set(key, base);
	return base;
}

/**
 * Every statistic one filter state yields: per-family summaries (quantiles, median
 * intervals), the raw gap with intervals, the like-for-like gap, growth by year, and
 * optionally groups, a pay-band position, claim positions, a band share and a bootstrap
 * interval. Named steps, in order: filter → clusters → summaries → gap → like-for-like →
 * growth → groups → pay band → claims → band → bootstrap.
 *
 * `data` is the output of `prepareRows` (build it once at load). A plain row array is
 * accepted too but is prepared on every call, which is slow.
 * Throws when `filters.real` is set without `options.cpi`, or the base year is not a full CPI year.
 */
export function computeStats(data: PreparedRows | readonly SalaryRow[], filters: Filters, options: StatsOptions = {}): Stats {
	const prepared = isPreparedRows(data) ? data : prepareRows(data);
	const ix = prepared.modes[filters.titles];
	const cpi = options.cpi ?? null;
	if (filters.real && cpi === null) throw new Error('computeStats: filters.real needs options.cpi');
	const baseYear = cpi ? (options.baseYear ?? latestFullYear(cpi)) : null;
	if (cpi && baseYear !== null && deflator(cpi, baseYear, baseYear) === null)
		throw new RangeError(`computeStats: base year ${baseYear} is not a full CPI year`);

	const base = baseOf(prepared, filters, cpi, baseYear);
	const { selection, byPay, values, clusters, effN, families, gap, realFactor } = base;
	const { nominal } = selection;
	const dim = options.groupBy;
	let groups: Stats['groups'] = null;
	if (dim) {
		groups = base.groups.get(dim) ?? groupsStep(dim, prepared, ix, byPay, realFactor, clusters);
		base.groups.set(dim, groups);
	}
	const position = options.salary === null || options.salary === undefined ? null : payBandStep(values, options.salary);
	const claims = options.claims ? claimsStep(values, effN, options.claims) : null;
	const band = options.band ? bandStep(values, effN, options.band) : null;

	// Resample clusters of identical rows (with "count once" each kept row is its own cluster).
	const clusterIds = (entries: Int32Array) => Int32Array.from(entries, (e) => ix.clusterId[e]!);
	const bootstrap =
		options.bootstrap && gap.estimate !== null
			? bootstrapGapClustered(clustersOf(values.AI, clusterIds(byPay.AI)), clustersOf(values.ML, clusterIds(byPay.ML)), options.bootstrap)
			: null;

	const m = options.sample ?? 0;
	// A suppressed family sends no values at all: its few reports stay out of the page.
	const sampleOf = (fam: TitleFamily) => (families[fam].support === 'suppressed' ? [] : rankSample(values[fam], m));
	const samples = m > 0 ? { AI: sampleOf('AI'), ML: sampleOf('ML') } : null;

	return {
		filters,
		titleMode: filters.titles,
		pay: { basis: filters.real ? 'real' : 'nominal', baseYear: filters.real ? baseYear : null, rowsWithoutCpi: selection.rowsWithoutCpi },
		counts: {
			matched: selection.matched,
			duplicates: selection.duplicates,
			counted: nominal.AI.length + nominal.ML.length,
			dedupe: filters.dedupe
		},
		families,
		gap,
		// Read from the base when first asked for (computed once per base).
		get likeForLike() {
			return base.likeForLike;
		},
		get growth() {
			return base.growthFor(options);
		},
		groups,
		position,
		bootstrap,
		samples,
		claims,
		band
	};
}

/**
 * Up to `m` values of an ascending array, evenly spaced by rank, always including the
 * smallest and largest: `rankSample([1,2,3,4,5], 3) → [1, 3, 5]`. All values when n ≤ m.
 */
export function rankSample(values: ArrayLike<number>, m: number): number[] {
	const n = values.length;
	if (n <= m) return Array.from(values);
	if (m === 1) return [values[Math.floor((n - 1) / 2)]!];
	return Array.from({ length: m }, (_, i) => values[Math.round((i * (n - 1)) / (m - 1))]!);
}

/** The headline numbers of a view. */
export function headlineOf(view: Stats): Headline {
	const g = view.gap.estimate;
	const a = view.likeForLike.adjusted;
	return {
		aiN: view.families.AI.n,
		mlN: view.families.ML.n,
		aiMedian: view.families.AI.median?.median ?? null,
		mlMedian: view.families.ML.median?.median ?? null,
		gapUsd: g?.gapUsd ?? null,
		gapPct: g?.gapPct ?? null,
		distinguishable: g?.distinguishable ?? null,
		adjustedGapUsd: a?.gapUsd ?? null,
		adjustedGapPct: a?.gapPct ?? null
	};
}

/**
 * How much each headline number moves when identical rows are counted once:
 * the headline with all rows, with duplicates dropped, and the difference.
 */
export function dedupeSensitivity(
	data: PreparedRows | readonly SalaryRow[],
	filters: Filters,
	options: StatsOptions = {}
): DedupeSensitivity {
	const prepared = isPreparedRows(data) ? data : prepareRows(data);
	const lean = { cpi: options.cpi, baseYear: options.baseYear, span: options.span };
	const allRows = headlineOf(computeStats(prepared, { ...filters, dedupe: false }, lean));
	const deduped = headlineOf(computeStats(prepared, { ...filters, dedupe: true }, lean));
	const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
	return {
		allRows,
		deduped,
		change: {
			aiN: deduped.aiN - allRows.aiN,
			mlN: deduped.mlN - allRows.mlN,
			aiMedian: diff(allRows.aiMedian, deduped.aiMedian),
			mlMedian: diff(allRows.mlMedian, deduped.mlMedian),
			gapUsd: diff(allRows.gapUsd, deduped.gapUsd),
			gapPct: diff(allRows.gapPct, deduped.gapPct),
			adjustedGapUsd: diff(allRows.adjustedGapUsd, deduped.adjustedGapUsd),
			adjustedGapPct: diff(allRows.adjustedGapPct, deduped.adjustedGapPct)
		}
	};
}
