/** /pay view models: gap by segment for GapBars, and the distribution groups. */
import type { GapRow } from '$lib/charts/types';
import type { GroupSummary } from '$lib/transform/stats/types';
import type { Dimension } from '$lib/transform/stats/dimensions';
import { count } from '$lib/format';
import { EXP_LABEL, REGION_LABEL, REMOTE_LABEL, SIZE_LABEL, TYPE_LABEL } from '$lib/format/labels';
import { countryName } from '$lib/data/countries';

/** The segments /pay compares, in the order shown. */
export const SEGMENT_DIMENSIONS = [
	'companySize',
	'region',
	'experienceLevel',
	'employmentType',
	'remoteRatio'
] as const satisfies readonly Dimension[];
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

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

/** GapBars rows: the AI − ML median gap in percent of the ML median, with its interval. */
export function gapRows(dim: Dimension, groups: readonly GroupSummary[]): GapRow[] {
	return groups.map((g) => {
		const e = g.gap.estimate;
		return {
			label: groupLabel(dim, g.key),
			value: e?.gapPct ?? null,
			lo: e?.gapPctInterval?.lower ?? null,
			hi: e?.gapPctInterval?.upper ?? null,
			detail: `AI n = ${count(g.families.AI.n)} · ML n = ${count(g.families.ML.n)}`,
			status: g.gap.support
		};
	});
}
