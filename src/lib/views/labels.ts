/** Words for grouping dimensions and their keys, shared by the page views and the summary table. */
import type { Dimension } from '$lib/transform/stats/dimensions';
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

/** Human label of a group key: `groupLabel('companySize','L') → 'Large (> 250)'`. */
export function groupLabel(dim: Dimension, key: string): string {
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
