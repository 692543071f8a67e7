/** Words for grouping dimensions and their keys, shared by the page views and the summary table. */
import { NOT_GIVEN, type Dimension, type NullableDimension } from '$lib/transform/stats/dimensions';
import { EXP_LABEL, REGION_LABEL, REMOTE_LABEL, SIZE_LABEL, TYPE_LABEL } from '$lib/format/labels';
import { countryName } from '$lib/data/countries';

export const DIMENSION_LABEL: Record<Dimension, string> = {
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
