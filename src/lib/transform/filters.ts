/**
 * The dashboard's filter state as plain data, and the one pass that applies it.
 * URL parsing and validation live in lib/query; this module only filters typed rows.
 */
import type { CompanySize, EmploymentType, ExperienceLevel, Region, RemoteRatio, SalaryRow } from '$lib/data/types';
import type { TitleFamily } from '../data/types';
import type { TitleMode } from './title-families';

/** The filters whose dimension an uploaded file may leave out, so they can offer "Not given". */
export const NOT_GIVEN_FACETS = ['size', 'region', 'country', 'exp', 'type', 'remote'] as const;
export type NotGivenFacet = (typeof NOT_GIVEN_FACETS)[number];

export interface Filters {
	/** Empty array = no restriction, for every list below. */
	readonly size: readonly CompanySize[];
	readonly region: readonly Region[];
	/** ISO 3166-1 alpha-2 codes of `company_location`. */
	readonly country: readonly string[];
	readonly exp: readonly ExperienceLevel[];
	readonly type: readonly EmploymentType[];
	readonly remote: readonly RemoteRatio[];
	/**
	 * Filters whose "Not given" option is ticked. For each filter the allowed values are its
	 * list plus "not given" when ticked here; a filter with an empty list and not ticked here
	 * allows everything (so `size: []` with `notGiven: ['size']` keeps only rows without a size).
	 * Absent = none ticked: left out of DEFAULT_FILTERS so the built-in views' filter JSON is unchanged.
	 */
	readonly notGiven?: readonly NotGivenFacet[];
	/** Inclusive work-year bounds, or null for open. */
	readonly from: number | null;
	readonly to: number | null;
	readonly titles: TitleMode;
	/** Count rows identical in every source column once. */
	readonly dedupe: boolean;
	/** Inflation-adjusted pay (US CPI-U) instead of nominal. */
	readonly real: boolean;
	/**
	 * The money pay is shown in: a currency code (`EUR`) or `PPP` (international dollars). Absent
	 * = US dollars; a display choice like `real` (the view converts its Dataset; rows are not filtered by it).
	 */
	readonly currency?: string;
}

export const DEFAULT_FILTERS: Filters = Object.freeze({
	size: [],
	region: [],
	country: [],
	exp: [],
	type: [],
	remote: [],
	from: null,
	to: null,
	titles: 'family',
	dedupe: false,
	real: false
});

/** A row that passed the filters, tagged with its family. */
export interface FamilyRow extends SalaryRow {
	readonly family: TitleFamily;
}

function allow<T>(list: readonly T[], notGiven: boolean): (v: T | null) => boolean {
	if (list.length === 0 && !notGiven) return () => true;
	const set = new Set<T | null>(list);
	if (notGiven) set.add(null);
	return (v) => set.has(v);
}

/** Is "Not given" ticked for this filter? */
export function notGivenTicked(filters: Filters, facet: NotGivenFacet): boolean {
	return filters.notGiven?.includes(facet) ?? false;
}

/** Is this filter narrowing the view (values chosen or "Not given" ticked)? */
export function filterSet(filters: Filters, facet: NotGivenFacet): boolean {
	return filters[facet].length > 0 || notGivenTicked(filters, facet);
}

/** A predicate for every filter except the title mode (and dedupe, which needs the whole set). */
export function rowMatcher(filters: Filters): (r: SalaryRow) => boolean {
	const ng = (f: NotGivenFacet) => notGivenTicked(filters, f);
	const size = allow(filters.size, ng('size'));
	const region = allow(filters.region, ng('region'));
	const country = allow(filters.country, ng('country'));
	const exp = allow(filters.exp, ng('exp'));
	const type = allow(filters.type, ng('type'));
	const remote = allow(filters.remote, ng('remote'));
	const from = filters.from ?? -Infinity;
	const to = filters.to ?? Infinity;
	return (r) =>
		r.workYear >= from &&
		r.workYear <= to &&
		size(r.companySize) &&
		region(r.region) &&
		country(r.companyLocation) &&
		exp(r.experienceLevel) &&
		type(r.employmentType) &&
		remote(r.remoteRatio);
}
