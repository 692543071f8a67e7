/**
 * Which raw aijobs.net `job_title` belongs to the AI Engineer family, the ML Engineer
 * family, or neither. Every title in a family is listed by name; nothing is matched by
 * pattern, so a new upstream title lands in "neither" until someone decides.
 * The reasons for borderline titles are in title-families.md beside this file.
 */

export type TitleFamily = 'AI' | 'ML';
export type TitleMode = 'family' | 'strict';
export const TITLE_MODES = ['family', 'strict'] as const;

/** Bump when any list below changes; shown on /titles and in every download. */
export const TITLE_MAPPING_VERSION = 'families-v1 (2026-11-28)';

export const FAMILY_LABEL: Record<TitleFamily, string> = {
	AI: 'AI Engineer',
	ML: 'ML Engineer'
};

/** Strict mode: exactly one raw title per family. */
export const STRICT_TITLES: Readonly<Record<TitleFamily, readonly string[]>> = {
	AI: ['AI Engineer'],
	ML: ['Machine Learning Engineer']
};

/** Family mode: engineering roles that build with AI models vs roles that build ML models. */
export const FAMILY_TITLES: Readonly<Record<TitleFamily, readonly string[]>> = {
	AI: [
		'AI Engineer',
		'Artificial Intelligence Engineer',
		'Lead AI Engineer',
		'AI Developer',
		'AI Programmer',
		'AI Software Engineer',
		'AI Software Development Engineer',
		'Prompt Engineer'
	],
	ML: [
		'Machine Learning Engineer',
		'Machine Learning Engineer 5',
		'Lead Machine Learning Engineer',
		'Principal Machine Learning Engineer',
		'Staff Machine Learning Engineer',
		'Applied Machine Learning Engineer',
		'AI Machine Learning Engineer',
		'Machine Learning Developer',
		'Machine Learning Software Engineer',
		'Machine Learning Model Engineer',
		'Machine Learning Research Engineer',
		'Machine Learning Performance Engineer',
		'Machine Learning Quality Engineer',
		'Machine Learning Platform Engineer',
		'Machine Learning Infrastructure Engineer',
		'ML Infrastructure Engineer',
		'MLOps Engineer',
		'Deep Learning Engineer',
		'NLP Engineer',
		'Computer Vision Engineer',
		'Computer Vision Software Engineer'
	]
};

/**
 * Titles that were considered and left out of both families, with the reason; shown on
 * /titles so the decision is inspectable. Keys are raw titles.
 */
export const EXCLUDED_BORDERLINE: Readonly<Record<string, string>> = {
	'AI Architect': 'Architecture and pre-sales design role; compared with Solutions Architect, not with engineers.',
	'AI Solution Architect': 'Architecture role, as AI Architect.',
	'Machine Learning Architect': 'Architecture role, kept out for symmetry with AI Architect.',
	'Machine Learning Scientist': 'Science track (models and experiments, often PhD-level); compared with Data/Research Scientist.',
	'Applied Machine Learning Scientist': 'Science track, as Machine Learning Scientist.',
	'Machine Learning Researcher': 'Research track, not an engineering role.',
	'Machine Learning Modeler': 'Modelling role closer to data science than to engineering.',
	'Applied Scientist': 'Science track at large employers; does not say AI or ML.',
	'Research Engineer': 'Does not say AI or ML; many are in other fields.',
	'AI Research Engineer': 'Research track, kept out as Research Engineer is.',
	'AI Research Scientist': 'Research track.',
	'AI Researcher': 'Research track.',
	'AI Scientist': 'Science track.',
	'AI Data Scientist': 'Data science role.',
	'AI Data Engineer': 'Data engineering role.',
	'AI Specialist': 'Unspecified function (often consulting or support).',
	'Machine Learning Specialist': 'Unspecified function, as AI Specialist.',
	'Chatbot Developer': 'Often rule-based conversational design; not clearly AI engineering.',
	'Machine Vision Engineer': 'Industrial vision, often without learned models.',
	'AI Lead': 'Management or lead role; pay reflects the role, not the discipline.',
	'Head of AI': 'Management role.',
	'AI Engineering Manager': 'Management role.',
	'Applied AI ML Lead': 'Lead role; also mixes both families.',
	'Machine Learning Lead': 'Lead role; pay follows the role, not the discipline.',
	'Machine Learning Tech Lead': 'Lead role; pay follows the role, not the discipline.',
	'Machine Learning Manager': 'Management role.',
	'Head of Machine Learning': 'Management role.',
	'Director of Machine Learning': 'Management role.',
	'AI Product Manager': 'Product role.',
	'AI Product Owner': 'Product role.'
};

function indexOf(lists: Readonly<Record<TitleFamily, readonly string[]>>): Map<string, TitleFamily> {
	const m = new Map<string, TitleFamily>();
	for (const fam of ['AI', 'ML'] as const) for (const t of lists[fam]) m.set(t, fam);
	return m;
}
const STRICT_INDEX = indexOf(STRICT_TITLES);
const FAMILY_INDEX = indexOf(FAMILY_TITLES);

/** The family of a raw title under a mode, or null. `familyOf('Prompt Engineer','family') → 'AI'`. */
export function familyOf(jobTitle: string, mode: TitleMode): TitleFamily | null {
	return (mode === 'strict' ? STRICT_INDEX : FAMILY_INDEX).get(jobTitle) ?? null;
}
