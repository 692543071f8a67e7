/**
 * Counts that help out of a view that is too small, from one pass over the prepared index:
 *
 * - `withoutFilter`: for each active filter, the reports the view would have with that one
 *   filter removed ("Remove 'Large' → 181 reports").
 * - `options`: for each filter and each of its options, the reports the view would have with
 *   that filter set to just this option and every other filter kept (facet counts).
 *
 * Both need only which filters an entry fails: an entry failing none counts everywhere; an
 * entry failing exactly one filter counts for that filter's removal and for its own option
 * of that filter; an entry failing two or more counts nowhere. Reports are counted as
 * `computeStats` counts them (families only, "count identical rows once" honoured), except
 * that real pay's CPI rule is not applied (it only drops the partial CPI year).
 */
import { COMPANY_SIZES, EMPLOYMENT_TYPES, EXPERIENCE_LEVELS, REGIONS, REMOTE_RATIOS } from '../../data/types';
import { filterSet, notGivenTicked, type Filters, type NotGivenFacet } from '../filters';
import type { NullableDimension } from './dimensions';
import { codeMask as mask, FAMILY_CODE, type PreparedRows } from './prepare';
import { BoundedCache } from '../../../../server/bounded-cache.js';

/** The filters, in the order of the filter panel; `years` is the from/to range. */
export const FACETS = ['size', 'region', 'country', 'exp', 'type', 'remote', 'years'] as const;
export type Facet = (typeof FACETS)[number];

export interface FacetCount {
	readonly ai: number;
	readonly ml: number;
	/** ai + ml. */
	readonly n: number;
}

export interface FacetOption extends FacetCount {
	/**
	 * The option as it appears in `Filters` (a code, a country, a remote ratio or a year), or
	 * null for "Not given" (ticked through `Filters.notGiven`; listed last, and only when the
	 * data have rows without that value).
	 */
	readonly value: string | number | null;
}

export interface FacetCounts {
	/** Reports in the view as filtered. */
	readonly current: FacetCount;
	/** Per active filter, the reports with that filter removed; most reports first. */
	readonly withoutFilter: readonly ({ readonly facet: Facet } & FacetCount)[];
	/** Per filter, every option with the reports it would leave given the other filters. */
	readonly options: Readonly<Record<Facet, readonly FacetOption[]>>;
}

/** Is this filter set (narrowing the view)? */
export function isActive(filters: Filters, facet: Facet): boolean {
	return facet === 'years' ? filters.from !== null || filters.to !== null : filterSet(filters, facet);
}

/**
 * The one pass over the index (its own function, so V8 optimises the hot loop alone):
 * adds each entry to `current`, `without` and `optionCounts` as the module comment says.
 */
function countPass(
	ix: PreparedRows['modes']['family'],
	dedupe: boolean,
	masks: readonly Uint8Array[],
	columns: readonly ArrayLike<number>[],
	optionCounts: readonly Int32Array[],
	without: Int32Array,
	current: Int32Array
): void {
	const F = masks.length;
	const codes = new Int32Array(F);
	for (let e = 0; e < ix.count; e++) {
		if (dedupe && ix.duplicate[e] === 1) continue;
		let failed = 0; // read only when exactly one filter failed, and then set
		let fails = 0;
		for (let d = 0; d < F; d++) {
			const c = columns[d]![e]!;
			codes[d] = c;
			if (masks[d]![c] === 0) {
				fails++;
				failed = d;
				// Stryker disable next-line ConditionalExpression: stops early; the same test after the loop skips the entry either way
				if (fails > 1) break;
			}
		}
		if (fails > 1) continue;
		const fam = ix.family[e] === FAMILY_CODE.AI ? 0 : 1;
		if (fails === 0) {
			current[fam]! += 1;
			for (let d = 0; d < F; d++) {
				without[d * 2 + fam]! += 1;
				optionCounts[d]![codes[d]! * 2 + fam]! += 1;
			}
		} else {
			without[failed * 2 + fam]! += 1;
			optionCounts[failed]![codes[failed]! * 2 + fam]! += 1;
		}
	}
}

/** The dimension each nullable filter reads. */
export const FACET_DIMENSION: Readonly<Record<NotGivenFacet, NullableDimension>> = {
	size: 'companySize',
	region: 'region',
	country: 'country',
	exp: 'experienceLevel',
	type: 'employmentType',
	remote: 'remoteRatio'
};

/** The last few counts per prepared rows, by filters: a page and its filter panel ask for the same view's counts again (a filter switched off, back and forward). */
const KEPT = new WeakMap<PreparedRows, BoundedCache<FacetCounts>>();
const KEPT_PER_ROWS = 4;

/**
 * Facet counts for `filters` over the prepared index of `filters.titles`, in one pass.
 * `facetCounts(p, { ...DEFAULT_FILTERS, size: ['L'] }).withoutFilter → [{ facet: 'size', n: 7093, … }]`.
 */
export function facetCounts(prepared: PreparedRows, filters: Filters): FacetCounts {
	let kept = KEPT.get(prepared);
	if (!kept) KEPT.set(prepared, (kept = new BoundedCache<FacetCounts>(KEPT_PER_ROWS, Infinity, () => 0)));
	const key = JSON.stringify(filters);
	let counts = kept.get(key);
	if (!counts) kept.set(key, (counts = countFacets(prepared, filters)));
	return counts;
}

function countFacets(prepared: PreparedRows, filters: Filters): FacetCounts {
	const ix = prepared.modes[filters.titles];
	const years = ix.years;
	const from = filters.from ?? -Infinity;
	const to = filters.to ?? Infinity;
	const yearOk = Uint8Array.from({ length: Math.max(1, years.length) }, (_, s) => (years[s]! >= from && years[s]! <= to ? 1 : 0));
	const ng = (f: NotGivenFacet) => notGivenTicked(filters, f);
	const masks = [
		mask(COMPANY_SIZES, filters.size, ng('size')),
		mask(REGIONS, filters.region, ng('region')),
		mask(prepared.countries, filters.country, ng('country')),
		mask(EXPERIENCE_LEVELS, filters.exp, ng('exp')),
		mask(EMPLOYMENT_TYPES, filters.type, ng('type')),
		mask(REMOTE_RATIOS, filters.remote, ng('remote')),
		yearOk
	];
	const columns = [ix.companySize, ix.region, ix.country, ix.experienceLevel, ix.employmentType, ix.remoteRatio, ix.yearSlot];
	const sizes = [
		COMPANY_SIZES.length,
		REGIONS.length,
		prepared.countries.length,
		EXPERIENCE_LEVELS.length,
		EMPLOYMENT_TYPES.length,
		REMOTE_RATIOS.length,
		years.length
	];
	const F = FACETS.length;
	// [facet][code][family]; one more code per list for "not given"
	const optionCounts = sizes.map((k) => new Int32Array((k + 1) * 2));
	const without = new Int32Array(F * 2);
	const current = new Int32Array(2);
	countPass(ix, filters.dedupe, masks, columns, optionCounts, without, current);
	const count = (ai: number, ml: number): FacetCount => ({ ai, ml, n: ai + ml });
	const labels: readonly (readonly (string | number)[])[] = [
		COMPANY_SIZES,
		REGIONS,
		prepared.countries,
		EXPERIENCE_LEVELS,
		EMPLOYMENT_TYPES,
		REMOTE_RATIOS,
		years
	];
	const option = (d: number, value: string | number | null, c: number): FacetOption => ({
		value,
		...count(optionCounts[d]![c * 2]!, optionCounts[d]![c * 2 + 1]!)
	});
	const options = Object.fromEntries(
		FACETS.map((f, d) => {
			const list = labels[d]!.map((value, c) => option(d, value, c));
			// "Not given" only where some row (of any title) lacks the value.
			if (f !== 'years' && prepared.notGiven[FACET_DIMENSION[f]] > 0) list.push(option(d, null, labels[d]!.length));
			return [f, list];
		})
	) as unknown as Record<Facet, FacetOption[]>;
	const withoutFilter = FACETS.flatMap((facet, d) =>
		isActive(filters, facet) ? [{ facet, ...count(without[d * 2]!, without[d * 2 + 1]!) }] : []
	).sort((a, b) => b.n - a.n || FACETS.indexOf(a.facet) - FACETS.indexOf(b.facet));
	return { current: count(current[0]!, current[1]!), withoutFilter, options };
}
