/**
 * The dimensions a view can be grouped by, how a row maps to a group key, and the order
 * groups are listed in.
 */
import { COMPANY_SIZES, EMPLOYMENT_TYPES, EXPERIENCE_LEVELS, REGIONS, REMOTE_RATIOS, type SalaryRow } from '../../data/types';

export const DIMENSIONS = ['companySize', 'region', 'country', 'experienceLevel', 'employmentType', 'remoteRatio', 'workYear'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The group key of a row, as a string. `country` is the company's location (ISO alpha-2). */
export function dimensionKey(row: SalaryRow, dim: Dimension): string {
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
			return String(row.remoteRatio);
		case 'workYear':
			return String(row.workYear);
	}
}

const CANONICAL: Partial<Record<Dimension, readonly string[]>> = {
	companySize: COMPANY_SIZES,
	region: REGIONS,
	experienceLevel: EXPERIENCE_LEVELS,
	employmentType: EMPLOYMENT_TYPES,
	remoteRatio: REMOTE_RATIOS.map(String)
};

/** Comparator for group keys: code-list order for coded dimensions, numeric for years, A–Z for countries. */
export function compareGroupKeys(dim: Dimension, a: string, b: string): number {
	const order = CANONICAL[dim];
	if (order) return order.indexOf(a) - order.indexOf(b);
	if (dim === 'workYear') return Number(a) - Number(b);
	return a < b ? -1 : a > b ? 1 : 0;
}
