import { viewFor } from '$lib/server/view';
import { dedupeSensitivity } from '$lib/transform/stats/compute';
import type { PageServerLoad } from './$types';

/** The claim the overview checks; a quotation of what is commonly said, not data. */
const CLAIM = { mlMedian: 250_000, aiMedian: 160_000, where: 'US' } as const;

export const load: PageServerLoad = async ({ url }) => {
	const { ds, filters, view, compute } = await viewFor(url);
	// The claim is about US companies: same filters, location forced to the US.
	const us = compute({ ...filters, region: [], country: [CLAIM.where] });
	const sensitivity = dedupeSensitivity(ds.prepared, filters, { cpi: ds.annualCpi });
	const lfl = view.likeForLike;
	return {
		families: view.families,
		gap: view.gap,
		pay: view.pay,
		counts: view.counts,
		likeForLike: {
			support: lfl.support,
			adjusted: lfl.adjusted,
			aiMedianAdjusted: lfl.aiMedianAdjusted,
			mlMedianSupported: lfl.mlMedianSupported,
			aiNUsed: lfl.aiNUsed,
			aiEffectiveN: lfl.aiEffectiveN,
			mlNSupported: lfl.mlNSupported,
			unsupportedMlSharePct: lfl.unsupportedMlSharePct,
			unsupportedCells: lfl.unsupportedCells.slice(0, 12),
			unsupportedCellCount: lfl.unsupportedCells.length
		},
		claim: { ...CLAIM, families: us.families, gap: us.gap },
		sensitivity
	};
};
