/** / (overview) view model: both families, the raw and like-for-like gap, the claim check and the effect of duplicates. */
import type { Dataset } from '$lib/transform/dataset';
import type { MedianRow } from './chart-models';
import { FAMILY_COLOR } from '$lib/theme';
import { ABSENT_NOTE, FAMILY_LABEL } from '$lib/format/labels';
import type { Filters } from '$lib/transform/filters';
import { computeStats, dedupeSensitivity } from '$lib/transform/stats/compute';
import type { DedupeSensitivity, Stats } from '$lib/transform/stats/types';
import type { LikeForLike } from '$lib/transform/stats/like-for-like';
import { partialYearOf } from '$lib/transform/dataset';
import { aiShareEffectiveN, differenceOf, shareOf, type ClaimPosition, type Difference } from '$lib/transform/stats/claim';
import type { Interval } from '$lib/transform/stats/intervals';
import { Z_95 } from '$lib/transform/stats/constants';
import { absentDimensions } from '$lib/transform/stats/prepare';
import type { NullableDimension } from '$lib/transform/stats/dimensions';

/** The claim the overview checks; a quotation of what is commonly said, not data. */
export const CLAIM = { mlMedian: 250_000, aiMedian: 160_000, where: 'US' } as const;

/** Cells listed by name where the like-for-like comparison leaves ML reports out. */
export const UNSUPPORTED_CELLS_SHOWN = 12;

export interface OverviewQuery {
	readonly filters: Filters;
	/** Claim-check years: one work year, 'all', or null for the default (the latest full year). */
	readonly claimYear?: number | 'all' | null;
}

/** A share of AI reports among AI + ML reports, with n and a Wilson interval; null share below 10 reports. */
export interface AiShare {
	readonly key: string;
	readonly n: number;
	readonly ai: number;
	/** null below SUPPRESS_BELOW reports; its interval null under MIN_INTERVAL_EFFECTIVE_N effective reports. */
	readonly share: { readonly pct: number; readonly interval: Interval | null } | null;
}

export interface ClaimCheck {
	/** The years the claim check uses (from = to for one year); null = every year. */
	readonly years: { readonly from: number; readonly to: number } | null;
	/** Years the user can choose (full years first is not implied; the partial one is flagged). */
	readonly yearChoices: readonly number[];
	readonly partialYear: number | null;
	/**
	 * Page filters the claim check replaces: it is about US companies in its own years (region,
	 * country, years); its "big tech" line and shares by company size compare sizes (size).
	 */
	readonly setAside: {
		readonly region: readonly string[];
		readonly country: readonly string[];
		readonly years: boolean;
		readonly size: readonly string[];
	};
	readonly families: Stats['families'];
	readonly gap: Stats['gap'];
	/** The claimed ML median placed in ML pay, the claimed AI median in AI pay. */
	readonly positions: { readonly ML: ClaimPosition; readonly AI: ClaimPosition };
	/** "ML pay is higher especially in big tech": ML − AI median at large companies vs the others. */
	readonly bigTech: {
		readonly large: Stats['gap'];
		readonly others: Stats['gap'];
		/** (ML − AI at large) − (ML − AI elsewhere), US$, with its interval. */
		readonly difference: Difference | null;
	};
	/** "AI roles are growing fast, especially in startups": AI share by year and by company size. */
	readonly aiShareByYear: readonly AiShare[];
	/** The salary source's change-of-collection year (the built-in data: 2024), which moves the share; null when none is known. */
	readonly sourceShiftYear: number | null;
	readonly aiShareBySize: readonly AiShare[];
	/** Latest full year vs the one before: change in AI share, percentage points. */
	readonly shareChange: (Difference & { readonly fromYear: number; readonly toYear: number }) | null;
	/** AI share at small companies minus at medium + large, percentage points. */
	readonly startupDifference: Difference | null;
}

export interface OverviewModel {
	readonly families: Stats['families'];
	readonly gap: Stats['gap'];
	readonly pay: Stats['pay'];
	readonly counts: Stats['counts'];
	readonly likeForLike: Pick<
		LikeForLike,
		| 'support'
		| 'adjusted'
		| 'aiMedianAdjusted'
		| 'mlMedianSupported'
		| 'aiNUsed'
		| 'aiEffectiveN'
		| 'mlNSupported'
		| 'unsupportedMlSharePct'
		| 'unsupportedCells'
		| 'aiRowsWithoutCell'
		| 'mlRowsWithoutCell'
	> & { readonly unsupportedCellCount: number };
	/** The same filters with the location forced to the claim's country and the claim's years. */
	readonly claim: typeof CLAIM & ClaimCheck;
	readonly sensitivity: DedupeSensitivity;
	/** The overview chart: each family's median and interval in this view, with the claimed median marked. */
	readonly medianRows: readonly MedianRow[];
	/**
	 * Dimensions no row gives (an uploaded file without the column), with the note: the page says so
	 * where a figure needs them (like-for-like, the claim's US companies, company size). Empty for the built-in data.
	 */
	readonly absentDimensions: readonly { readonly dim: NullableDimension; readonly note: string }[];
}

/**
 * The overview of a Dataset. `usd` is the same data in US dollars when `data` is in another
 * money (currency=): the claim is about US dollars, so it is checked there, and the chart marks
 * the claimed medians only on a US-dollar axis.
 */
export function overviewView(data: Dataset, query: OverviewQuery, usd: Dataset = data): OverviewModel {
	const { filters } = query;
	const options = { cpi: data.annualCpi };
	const stats = computeStats(data.prepared, filters, options);
	const claim = claimCheck(usd, { ...filters, currency: undefined }, query.claimYear ?? null);
	const sensitivity = dedupeSensitivity(data.prepared, filters, options);
	const lfl = stats.likeForLike;
	return {
		families: stats.families,
		gap: stats.gap,
		pay: stats.pay,
		counts: stats.counts,
		likeForLike: {
			support: lfl.support,
			adjusted: lfl.adjusted,
			aiMedianAdjusted: lfl.aiMedianAdjusted,
			mlMedianSupported: lfl.mlMedianSupported,
			aiNUsed: lfl.aiNUsed,
			aiEffectiveN: lfl.aiEffectiveN,
			mlNSupported: lfl.mlNSupported,
			unsupportedMlSharePct: lfl.unsupportedMlSharePct,
			unsupportedCells: lfl.unsupportedCells.slice(0, UNSUPPORTED_CELLS_SHOWN),
			unsupportedCellCount: lfl.unsupportedCells.length,
			// Rows of an uploaded file without experience, region or size: not in the like-for-like gap (0 for the built-in data).
			aiRowsWithoutCell: lfl.aiRowsWithoutCell,
			mlRowsWithoutCell: lfl.mlRowsWithoutCell
		},
		claim: { ...CLAIM, ...claim },
		absentDimensions: absentDimensions(data.prepared).map((dim) => ({ dim, note: ABSENT_NOTE[dim] })),
		medianRows: (['ML', 'AI'] as const).map((f) => {
			const s = stats.families[f];
			return {
				id: f,
				label: `${FAMILY_LABEL[f]} family`,
				color: FAMILY_COLOR[f],
				median: s.median?.median ?? null,
				lo: s.median?.interval?.lower ?? null,
				hi: s.median?.interval?.upper ?? null,
				n: s.n,
				claimed: usd !== data ? null : f === 'ML' ? CLAIM.mlMedian : CLAIM.aiMedian,
				support: s.support
			};
		}),
		sensitivity
	};
}

/**
 * The claim check: US companies (the claim's country; a page region or country is set aside),
 * in one work year (default the latest full year) or every year, other filters kept.
 */
export function claimCheck(data: Dataset, filters: Filters, claimYear: number | 'all' | null): ClaimCheck {
	const options = { cpi: data.annualCpi };
	const partialYear = partialYearOf(data.dataVersion);
	const all = computeStats(data.prepared, { ...filters, region: [], country: [CLAIM.where], from: null, to: null }, options);
	const yearChoices = all.growth.years.filter((y, i) => all.growth.totals[i]! > 0);
	const fullYears = yearChoices.filter((y) => y !== partialYear);
	const latest = fullYears[fullYears.length - 1] ?? null;
	const year = claimYear === 'all' ? null : claimYear !== null && yearChoices.includes(claimYear) ? claimYear : latest;
	const years = year === null ? null : { from: year, to: year };
	const base: Filters = { ...filters, region: [], country: [CLAIM.where], from: year, to: year };
	const us = computeStats(data.prepared, base, { ...options, claims: [CLAIM.mlMedian, CLAIM.aiMedian] });
	const claims = us.claims!;
	const large = computeStats(data.prepared, { ...base, size: ['L'] }, options).gap;
	const others = computeStats(data.prepared, { ...base, size: ['S', 'M'] }, options).gap;
	// ML − AI: the negated AI − ML gaps, so the difference is others.gapUsd − large.gapUsd.
	const difference =
		large.estimate && others.estimate
			? differenceOf(others.estimate.gapUsd, others.estimate.seUsd ?? NaN, large.estimate.gapUsd, large.estimate.seUsd ?? NaN)
			: null;

	// Share of AI reports; the Wilson interval on the effective n of both families' reports (identical rows as clusters).
	const shareRow = (key: string, st: typeof us): AiShare => {
		const ai = st.families.AI.n;
		const ml = st.families.ML.n;
		return {
			key,
			n: ai + ml,
			ai,
			share: shareOf(ai, ai + ml, aiShareEffectiveN(ai, st.families.AI.effectiveN, ml, st.families.ML.effectiveN))
		};
	};
	const aiShareByYear = yearChoices.map((y) => shareRow(String(y), computeStats(data.prepared, { ...base, from: y, to: y }, options)));
	const aiShareBySize = (['S', 'M', 'L'] as const).map((size) =>
		shareRow(size, computeStats(data.prepared, { ...base, size: [size] }, options))
	);
	const seOf = (r: AiShare | undefined) =>
		r?.share?.interval ? (r.share.interval.upper - r.share.interval.lower) / (2 * Z_95) : Number.NaN;
	const prev = fullYears[fullYears.length - 2];
	const rowOf = (y: number | undefined) => aiShareByYear.find((r) => r.key === String(y));
	const a = rowOf(latest ?? undefined);
	const b = rowOf(prev);
	const change = a?.share && b?.share ? differenceOf(a.share.pct, seOf(a), b.share.pct, seOf(b)) : null;
	const shareChange = change && latest !== null && prev !== undefined ? { ...change, fromYear: prev, toYear: latest } : null;
	const small = shareRow('S', computeStats(data.prepared, { ...base, size: ['S'] }, options));
	const bigger = shareRow('M+L', computeStats(data.prepared, { ...base, size: ['M', 'L'] }, options));
	const startupDifference = small.share && bigger.share ? differenceOf(small.share.pct, seOf(small), bigger.share.pct, seOf(bigger)) : null;
	return {
		years,
		yearChoices,
		partialYear,
		setAside: {
			region: filters.region,
			country: filters.country.filter((c) => c !== CLAIM.where),
			years: filters.from !== null || filters.to !== null,
			size: filters.size
		},
		families: us.families,
		gap: us.gap,
		positions: { ML: claims[0]!.families.ML, AI: claims[1]!.families.AI },
		bigTech: { large, others, difference },
		aiShareByYear,
		sourceShiftYear: data.sourceShiftYear,
		aiShareBySize,
		shareChange,
		startupDifference
	};
}
