/**
 * Filter-panel model: how many reports each filter option would leave given the other
 * filters, and, when the view is too small, the one filter whose removal gives the most
 * reports ("Remove 'Large' → 181 reports"). Counts as `computeStats` counts (families only,
 * "count identical rows once" honoured).
 */
import type { Dataset } from '$lib/transform/dataset';
import type { CountryOption } from '$lib/transform/options';
import type { Filters, NotGivenFacet } from '$lib/transform/filters';
import { SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import type { NullableDimension } from '$lib/transform/stats/dimensions';
import { FACET_DIMENSION, facetCounts, type Facet, type FacetCount } from '$lib/transform/stats/facets';
import { absentDimensions } from '$lib/transform/stats/prepare';
import { ABSENT_NOTE } from '$lib/format/labels';

/** The options key of a filter's "Not given" option (as the URL writes it). */
export const NOT_GIVEN_OPTION = 'none';

/** A filter whose dimension the whole file lacks: the panel hides it and shows the note. */
export interface AbsentFilter {
	readonly facet: NotGivenFacet;
	readonly dimension: NullableDimension;
	/** "This file has no company size column." */
	readonly note: string;
}

export interface FacetsModel {
	readonly current: FacetCount;
	/**
	 * Per filter, option value (as a string, as in the URL) → reports it would leave. A
	 * "Not given" option (key NOT_GIVEN_OPTION) is there only when the data have rows without
	 * that value, and never for a filter in `absent`.
	 */
	readonly options: Readonly<Record<Facet, Readonly<Record<string, number>>>>;
	/**
	 * When a family has fewer than SUPPRESS_BELOW reports: the active filter whose removal
	 * gives the most reports, with those counts; null otherwise (or when no filter is set).
	 */
	readonly relax: ({ readonly facet: Facet } & FacetCount) | null;
	/** Filters to hide, with their note: the data give no value at all for their dimension. Empty for the built-in data. */
	readonly absent: readonly AbsentFilter[];
	/** Reports a family needs for its figures (SUPPRESS_BELOW), for the page's "too few reports" line. */
	readonly suppressBelow: number;
}

/** The facets model for `filters` (one pass over the prepared index). */
export function facetsView(data: Pick<Dataset, 'prepared'>, filters: Filters): FacetsModel {
	const fc = facetCounts(data.prepared, filters);
	const gone = absentDimensions(data.prepared);
	const absent: AbsentFilter[] = (Object.keys(FACET_DIMENSION) as NotGivenFacet[])
		.filter((f) => gone.includes(FACET_DIMENSION[f]))
		.map((facet) => ({ facet, dimension: FACET_DIMENSION[facet], note: ABSENT_NOTE[FACET_DIMENSION[facet]] }));
	const options = Object.fromEntries(
		Object.entries(fc.options).map(([facet, list]) => [
			facet,
			absent.some((a) => a.facet === facet)
				? {}
				: Object.fromEntries(list.map((o) => [o.value === null ? NOT_GIVEN_OPTION : String(o.value), o.n]))
		])
	) as unknown as Record<Facet, Record<string, number>>;
	const small = fc.current.ai < SUPPRESS_BELOW || fc.current.ml < SUPPRESS_BELOW;
	const best = fc.withoutFilter[0];
	const relax = small && best && best.n > fc.current.n ? best : null;
	return { current: fc.current, options, relax, absent, suppressBelow: SUPPRESS_BELOW };
}

/**
 * The filter change that removes one facet: `removeFacet('years') → { from: null, to: null }`.
 * Pass the current `notGiven` to untick the facet's "Not given" too:
 * `removeFacet('size', ['size', 'exp']) → { size: [], notGiven: ['exp'] }`.
 */
export function removeFacet(facet: Facet, notGiven?: readonly NotGivenFacet[]): Partial<Filters> {
	if (facet === 'years') return { from: null, to: null };
	return notGiven === undefined ? { [facet]: [] } : { [facet]: [], notGiven: notGiven.filter((f) => f !== facet) };
}

/** One option of the "Add a country" select. */
export interface CountryChoice {
	readonly code: string;
	readonly name: string;
	/** Reports the view would have with this country added (given the other filters), or the data's count without facet counts. */
	readonly n: number;
	/** Choosing it would leave no report: listed last and not selectable. */
	readonly disabled: boolean;
}

/**
 * The "Add a country" select's options: countries with reports by name, then those that would
 * leave none, by name and disabled. Countries already chosen are left out: the panel shows each
 * as a chip with its remove button, so a chosen country (even one with no report) stays visible
 * and removable. `n` is the facet count where the panel has one for the country, else the data's count.
 * `countryChoices([{code:'NZ',name:'New Zealand',n:3},{code:'DE',name:'Germany',n:9}], null, [])
 *   → [Germany (9), New Zealand (3)]`; with a facet count of 0 for Germany it comes last, disabled.
 */
export function countryChoices(
	countries: readonly CountryOption[],
	facets: Pick<FacetsModel, 'options'> | null,
	chosen: readonly string[]
): CountryChoice[] {
	const counts = facets?.options.country;
	const byName = (a: CountryChoice, b: CountryChoice) => a.name.localeCompare(b.name, 'en') || a.code.localeCompare(b.code);
	const all = countries
		.filter((c) => !chosen.includes(c.code))
		.map((c) => {
			const n = counts?.[c.code] ?? c.n;
			return { code: c.code, name: c.name, n, disabled: n === 0 };
		});
	return [...all.filter((c) => !c.disabled).sort(byName), ...all.filter((c) => c.disabled).sort(byName)];
}
