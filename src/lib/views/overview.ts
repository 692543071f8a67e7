/** / (overview) view model: both families, the raw and like-for-like gap, the claim check and the effect of duplicates. */
import type { Dataset } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';
import { computeStats, dedupeSensitivity } from '$lib/transform/stats/compute';
import type { DedupeSensitivity, Stats } from '$lib/transform/stats/types';
import type { LikeForLike } from '$lib/transform/stats/like-for-like';

/** The claim the overview checks; a quotation of what is commonly said, not data. */
export const CLAIM = { mlMedian: 250_000, aiMedian: 160_000, where: 'US' } as const;

/** Cells listed by name where the like-for-like comparison leaves ML reports out. */
export const UNSUPPORTED_CELLS_SHOWN = 12;

export interface OverviewQuery {
	readonly filters: Filters;
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
	> & { readonly unsupportedCellCount: number };
	/** The same filters with the location forced to the claim's country. */
	readonly claim: typeof CLAIM & { readonly families: Stats['families']; readonly gap: Stats['gap'] };
	readonly sensitivity: DedupeSensitivity;
}

export function overviewView(data: Dataset, query: OverviewQuery): OverviewModel {
	const { filters } = query;
	const options = { cpi: data.annualCpi };
	const stats = computeStats(data.prepared, filters, options);
	// The claim is about US companies: same filters, location forced to the US.
	const us = computeStats(data.prepared, { ...filters, region: [], country: [CLAIM.where] }, options);
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
			unsupportedCellCount: lfl.unsupportedCells.length
		},
		claim: { ...CLAIM, families: us.families, gap: us.gap },
		sensitivity
	};
}
