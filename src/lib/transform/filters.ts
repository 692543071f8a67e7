/**
 * The dashboard's filter state as plain data, and the one pass that applies it.
 * URL parsing and validation live in lib/state; this module only filters typed rows.
 */
import type { CompanySize, EmploymentType, ExperienceLevel, Region, RemoteRatio, SalaryRow } from '$lib/data/types';
import type { TitleFamily, TitleMode } from './title-families';

export interface Filters {
	/** Empty array = no restriction, for every list below. */
	readonly size: readonly CompanySize[];
	readonly region: readonly Region[];
	/** ISO 3166-1 alpha-2 codes of `company_location`. */
	readonly country: readonly string[];
	readonly exp: readonly ExperienceLevel[];
	readonly type: readonly EmploymentType[];
	readonly remote: readonly RemoteRatio[];
	/** Inclusive work-year bounds, or null for open. */
	readonly from: number | null;
	readonly to: number | null;
	readonly titles: TitleMode;
	/** Count rows identical in every source column once. */
	readonly dedupe: boolean;
	/** Inflation-adjusted pay (US CPI-U) instead of nominal. */
	readonly real: boolean;
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

function allow<T>(list: readonly T[]): (v: T) => boolean {
	if (list.length === 0) return () => true;
	const set = new Set(list);
	return (v) => set.has(v);
}

/** A predicate for every filter except the title mode (and dedupe, which needs the whole set). */
export function rowMatcher(filters: Filters): (r: SalaryRow) => boolean {
	const size = allow(filters.size);
	const region = allow(filters.region);
	const country = allow(filters.country);
	const exp = allow(filters.exp);
	const type = allow(filters.type);
	const remote = allow(filters.remote);
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
