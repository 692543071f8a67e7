/**
 * The dimensions a view can be grouped by, how a row maps to a group key, and the order
 * groups are listed in.
 */
import { COMPANY_SIZES, EMPLOYMENT_TYPES, EXPERIENCE_LEVELS, REGIONS, REMOTE_RATIOS, type SalaryRow } from '../../data/types';

export const DIMENSIONS = ['companySize', 'region', 'country', 'experienceLevel', 'employmentType', 'remoteRatio', 'workYear'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The dimensions an uploaded file may leave out (column absent or cell empty): all but the work year. */
export const NULLABLE_DIMENSIONS = ['companySize', 'region', 'country', 'experienceLevel', 'employmentType', 'remoteRatio'] as const;
export type NullableDimension = (typeof NULLABLE_DIMENSIONS)[number];

/**
 * The group key of rows whose value is not given. Not a code of any dimension (codes are
 * upper-case letters, slugs, ISO codes or numbers), listed after every real group.
 */
export const NOT_GIVEN = 'not-given';

/** The value of a nullable dimension in a row (null = not given). */
export function dimensionValue(row: SalaryRow, dim: NullableDimension): string | number | null {
	switch (dim) {
		case 'companySize':
			return row.companySize;
		case 'region':
			return row.region;
		case 'country':
			return row.companyLocation;
		case 'experienceLevel':
			return row.experienceLevel;
		case 'employmentType':
			return row.employmentType;
		case 'remoteRatio':
			return row.remoteRatio;
	}
}

/** The group key of a row, as a string; NOT_GIVEN where the value is not given. `country` is the company's location (ISO alpha-2). */
export function dimensionKey(row: SalaryRow, dim: Dimension): string {
	switch (dim) {
		case 'workYear':
			return String(row.workYear);
		default: {
			const v = dimensionValue(row, dim);
			return v === null ? NOT_GIVEN : String(v);
		}
	}
}

const CANONICAL: Partial<Record<Dimension, readonly string[]>> = {
	companySize: COMPANY_SIZES,
	region: REGIONS,
	experienceLevel: EXPERIENCE_LEVELS,
	employmentType: EMPLOYMENT_TYPES,
	remoteRatio: REMOTE_RATIOS.map(String)
};

/** Comparator for group keys: code-list order for coded dimensions, numeric for years, A–Z for countries; NOT_GIVEN last. */
export function compareGroupKeys(dim: Dimension, a: string, b: string): number {
	if (a === NOT_GIVEN || b === NOT_GIVEN) return (a === NOT_GIVEN ? 1 : 0) - (b === NOT_GIVEN ? 1 : 0);
	const order = CANONICAL[dim];
	if (order) return order.indexOf(a) - order.indexOf(b);
	if (dim === 'workYear') return Number(a) - Number(b);
	return a < b ? -1 : a > b ? 1 : 0;
}
