/**
 * The statistics bundle (`Stats`): every statistic one filter state yields, as plain data.
 * Page views (src/lib/views), downloads, endpoints and the benchmark get it from `computeStats`.
 */
import type { Filters } from '../filters';
import type { TitleFamily } from '../../data/types';
import type { TitleMode } from '../title-families';
import type { BootstrapGap } from './bootstrap';
import type { BandShare, ClaimPosition } from './claim';
import type { Dimension } from './dimensions';
import type { Growth } from './growth';
import type { LikeForLike } from './like-for-like';
import type { PayBandPosition } from './pay-band';
import type { AnnualCpi } from './real-pay';
import type { FamilySummary, GapSummary, GroupSummary } from './summary';

export interface StatsOptions {
	/** Annual CPI (from `annualCpi`); required when `filters.real`, and gives growth its real medians. */
	readonly cpi?: readonly AnnualCpi[] | null;
	/** CPI base year for real pay; default the latest full CPI year. */
	readonly baseYear?: number | null;
	/** CAGR span; default from the first to the last year in the view. */
	readonly span?: { readonly fromYear: number; readonly toYear: number } | null;
	/** Also summarise per group of this dimension. */
	readonly groupBy?: Dimension | null;
	/** Pay-band position of this salary (in the view's pay basis) within each family. */
	readonly salary?: number | null;
	/** Also return up to this many pay values per family, evenly spaced by rank (for dot plots). */
	readonly sample?: number | null;
	/** The partial work year: flagged in growth and left out of its default span. */
	readonly partialYear?: number | null;
	/**
	 * The first year of a new collection method in the salary source (growth across it is flagged);
	 * default SOURCE_SHIFT_YEAR (the built-in aijobs.net data); null when the data has none known.
	 */
	readonly sourceShiftYear?: number | null;
	/** Claimed salaries to place in each family's distribution (the claim check), in the view's pay basis. */
	readonly claims?: readonly number[] | null;
	/** A salary band: the share of each family's reports inside it. */
	readonly band?: { readonly low: number; readonly high: number } | null;
	/** Optional seeded bootstrap interval for the raw gap (off by default). */
	readonly bootstrap?: { readonly seed: number; readonly resamples?: number } | null;
}

export interface PayBasis {
	readonly basis: 'nominal' | 'real';
	/** Base year of real dollars; null for nominal. */
	readonly baseYear: number | null;
	/** Rows dropped in real mode because their work year has no full CPI year. */
	readonly rowsWithoutCpi: number;
}

export interface ViewCounts {
	/** Rows that pass the filters and belong to a family, duplicates included. */
	readonly matched: number;
	/** Of those, rows that repeat an earlier row exactly. */
	readonly duplicates: number;
	/** Rows the statistics use (after "count identical rows once" and the CPI rule). */
	readonly counted: number;
	readonly dedupe: boolean;
}

export interface Stats {
	readonly filters: Filters;
	readonly titleMode: TitleMode;
	readonly pay: PayBasis;
	readonly counts: ViewCounts;
	readonly families: Readonly<Record<TitleFamily, FamilySummary>>;
	/** Raw gap AI − ML. */
	readonly gap: GapSummary;
	/** Gap after reweighting AI to ML's experience × region × size mix. */
	readonly likeForLike: LikeForLike;
	readonly growth: Growth;
	readonly groups: { readonly dimension: Dimension; readonly groups: readonly GroupSummary[] } | null;
	readonly position: { readonly salary: number; readonly families: Readonly<Record<TitleFamily, PayBandPosition>> } | null;
	readonly bootstrap: BootstrapGap | null;
	/** Pay values per family in ascending order, evenly spaced by rank; null unless `options.sample`. */
	readonly samples: Readonly<Record<TitleFamily, readonly number[]>> | null;
	/** Per `options.claims` value: where it falls in each family; null unless asked. */
	readonly claims: readonly { readonly claimed: number; readonly families: Readonly<Record<TitleFamily, ClaimPosition>> }[] | null;
	/** `options.band` with each family's share inside it; null unless asked. */
	readonly band: { readonly low: number; readonly high: number; readonly families: Readonly<Record<TitleFamily, BandShare>> } | null;
}

/** The numbers a headline shows; null where suppressed. */
export interface Headline {
	readonly aiN: number;
	readonly mlN: number;
	readonly aiMedian: number | null;
	readonly mlMedian: number | null;
	readonly gapUsd: number | null;
	readonly gapPct: number | null;
	readonly distinguishable: boolean | null;
	readonly adjustedGapUsd: number | null;
	readonly adjustedGapPct: number | null;
}

type NumericKey = { [K in keyof Headline]: Headline[K] extends number | null ? K : never }[keyof Headline];

/** The headline with every row counted, with identical rows counted once, and the change. */
export interface DedupeSensitivity {
	readonly allRows: Headline;
	readonly deduped: Headline;
	/** deduped − allRows for each number (null where either side is null). */
	readonly change: Readonly<Record<NumericKey, number | null>>;
}
