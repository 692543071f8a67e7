/**
 * Filter-panel model: how many reports each filter option would leave given the other
 * filters, and, when the view is too small, the one filter whose removal gives the most
 * reports ("Remove 'Large' → 181 reports"). Counts as `computeStats` counts (families only,
 * "count identical rows once" honoured).
 */
import type { Dataset } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';
import { SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import { facetCounts, type Facet, type FacetCount } from '$lib/transform/stats/facets';

export interface FacetsModel {
	readonly current: FacetCount;
	/** Per filter, option value (as a string, as in the URL) → reports it would leave. */
	readonly options: Readonly<Record<Facet, Readonly<Record<string, number>>>>;
	/**
	 * When a family has fewer than SUPPRESS_BELOW reports: the active filter whose removal
	 * gives the most reports, with those counts; null otherwise (or when no filter is set).
	 */
	readonly relax: ({ readonly facet: Facet } & FacetCount) | null;
}

/** The facets model for `filters` (one pass over the prepared index). */
export function facetsView(data: Pick<Dataset, 'prepared'>, filters: Filters): FacetsModel {
	const fc = facetCounts(data.prepared, filters);
	const options = Object.fromEntries(
		Object.entries(fc.options).map(([facet, list]) => [facet, Object.fromEntries(list.map((o) => [String(o.value), o.n]))])
	) as unknown as Record<Facet, Record<string, number>>;
	const small = fc.current.ai < SUPPRESS_BELOW || fc.current.ml < SUPPRESS_BELOW;
	const best = fc.withoutFilter[0];
	const relax = small && best && best.n > fc.current.n ? best : null;
	return { current: fc.current, options, relax };
}

/** The filter change that removes one facet: `removeFacet('years') → { from: null, to: null }`. */
export function removeFacet(facet: Facet): Partial<Filters> {
	return facet === 'years' ? { from: null, to: null } : { [facet]: [] };
}
