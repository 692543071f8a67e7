/**
 * The display labels of the data's codes in one place: families, company sizes, experience
 * levels, employment types, remote ratios, regions, the grouping dimensions, the "Not given"
 * group, growth gaps, upload kinds. Pages, views, sentences and downloads take their words
 * from here; transform, below format in the layer order (src/lib/layers.ts), holds codes only.
 *
 * One set stays below: an uploaded file's field names (FIELD_LABEL) live with the upload
 * schema in data/upload/fields.ts, because the data layer's own messages name them (the
 * parse worker refusing a bad mapping: "Year: no column 4") and data cannot import format.
 */
import type { CompanySize, EmploymentType, ExperienceLevel, Region, RemoteRatio, TitleFamily } from '$lib/data/types';
import { countryName } from '$lib/data/countries';
import type { UploadKind } from '$lib/data/upload/fields';
import { SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import { NOT_GIVEN, type Dimension, type NullableDimension } from '$lib/transform/stats/dimensions';
import type { GrowthNullReason } from '$lib/transform/stats/growth';

/** `FAMILY_LABEL.AI → 'AI Engineer'`; pages add " family" where they mean the family of titles. */
export const FAMILY_LABEL: Readonly<Record<TitleFamily, string>> = {
	AI: 'AI Engineer',
	ML: 'ML Engineer'
};

export const SIZE_LABEL: Readonly<Record<CompanySize, string>> = {
	S: 'Small (< 50 staff)',
	M: 'Medium (50–250)',
	L: 'Large (> 250)'
};
export const EXP_LABEL: Readonly<Record<ExperienceLevel, string>> = {
	EN: 'Entry',
	MI: 'Mid',
	SE: 'Senior',
	EX: 'Executive'
};
export const TYPE_LABEL: Readonly<Record<EmploymentType, string>> = {
	FT: 'Full-time',
	PT: 'Part-time',
	CT: 'Contract',
	FL: 'Freelance'
};
export const REMOTE_LABEL: Readonly<Record<RemoteRatio, string>> = {
	0: 'On-site',
	50: 'Hybrid',
	100: 'Remote'
};
export const REGION_LABEL: Readonly<Record<Region, string>> = {
	africa: 'Africa',
	asia: 'Asia',
	europe: 'Europe',
	'north-america': 'North America',
	oceania: 'Oceania',
	'south-america': 'South America'
};

export const DIMENSION_LABEL: Readonly<Record<Dimension, string>> = {
	companySize: 'Company size',
	region: 'Region',
	country: 'Country',
	experienceLevel: 'Experience level',
	employmentType: 'Employment type',
	remoteRatio: 'Remote work',
	workYear: 'Work year'
};

/** The label of the "not given" group and filter option (rows of an uploaded file without the value). */
export const NOT_GIVEN_LABEL = 'Not given';

/** What a page says where a dimension is absent from the whole file (its filter and chart are hidden). */
export const ABSENT_NOTE: Readonly<Record<NullableDimension, string>> = {
	companySize: 'This file has no company size column.',
	region: 'This file has no company country column, so no region.',
	country: 'This file has no company country column.',
	experienceLevel: 'This file has no experience level column.',
	employmentType: 'This file has no employment type column.',
	remoteRatio: 'This file has no remote ratio column.'
};

/** Human label of a group key: `groupLabel('companySize','L') → 'Large (> 250)'`; NOT_GIVEN → 'Not given'. */
export function groupLabel(dim: Dimension, key: string): string {
	if (key === NOT_GIVEN) return NOT_GIVEN_LABEL;
	switch (dim) {
		case 'companySize':
			return SIZE_LABEL[key as keyof typeof SIZE_LABEL] ?? key;
		case 'region':
			return REGION_LABEL[key as keyof typeof REGION_LABEL] ?? key;
		case 'experienceLevel':
			return EXP_LABEL[key as keyof typeof EXP_LABEL] ?? key;
		case 'employmentType':
			return TYPE_LABEL[key as keyof typeof TYPE_LABEL] ?? key;
		case 'remoteRatio':
			return REMOTE_LABEL[Number(key) as keyof typeof REMOTE_LABEL] ?? key;
		case 'country':
			return countryName(key);
		case 'workYear':
			return key;
	}
}

/** Why a growth figure is missing (/trends' growth table): `'no-span' → 'no span'`. */
export const GROWTH_NULL_REASON_LABEL: Readonly<Record<GrowthNullReason, string>> = {
	'endpoint-empty': 'no reports at an end',
	'endpoint-suppressed': `fewer than ${SUPPRESS_BELOW} reports at an end`,
	'endpoint-without-cpi': 'no full CPI year at an end',
	'no-span': 'no span'
};

/** The two kinds of file a user can load on /data. */
export const UPLOAD_KIND_LABEL: Readonly<Record<UploadKind, string>> = { salaries: 'Salaries', postings: 'Job postings' };
