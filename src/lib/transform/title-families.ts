/**
 * Which raw `job_title` belongs to the AI Engineer family, the ML Engineer family, or
 * neither: the lists (families-v1, exact aijobs.net titles, each decided by name) and the
 * one rule that matches any title against them (`familyOf`, for the built-in data and every
 * uploaded file whatever its layout): a listed title keeps its decision; any other title is
 * matched in its normal form (title-normalise.ts), so "ML Engineer" or "Senior AI Engineer"
 * count where their listed form does, while a title of another role stays in neither.
 * The reasons for borderline titles and the rule's steps are in title-families.md beside this file.
 */
import type { TitleFamily } from '../data/types';
import { isMixedTitle, normaliseTitle, tidyTitle } from './title-normalise';

export type TitleMode = 'family' | 'strict';
export const TITLE_MODES = ['family', 'strict'] as const;

/** Bump when any list below changes; shown on /titles and in every download. */
export const TITLE_MAPPING_VERSION = 'families-v1 (2026-11-28)';

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

function indexOf(
	lists: Readonly<Record<TitleFamily, readonly string[]>>,
	form: (t: string) => string = (t) => t
): Map<string, TitleFamily> {
	const m = new Map<string, TitleFamily>();
	for (const fam of ['AI', 'ML'] as const) for (const t of lists[fam]) m.set(form(t), fam);
	return m;
}
const STRICT_INDEX = indexOf(STRICT_TITLES);
const FAMILY_INDEX = indexOf(FAMILY_TITLES);
const FAMILY_NORMAL = indexOf(FAMILY_TITLES, normaliseTitle);
const STRICT_TIDY = indexOf(STRICT_TITLES, tidyTitle);
const LISTED = new Set([...FAMILY_TITLES.AI, ...FAMILY_TITLES.ML, ...Object.keys(EXCLUDED_BORDERLINE)]);

/** The family the lists name a raw title in, by its exact name only: `listedFamilyOf('ML Engineer','family') → null`. */
export function listedFamilyOf(jobTitle: string, mode: TitleMode): TitleFamily | null {
	return (mode === 'strict' ? STRICT_INDEX : FAMILY_INDEX).get(jobTitle) ?? null;
}

/** Is the raw title named in the lists (in a family, or considered and left out)? */
export function isListedTitle(jobTitle: string): boolean {
	return LISTED.has(jobTitle);
}

/** How a title was matched, for the unmatched-titles table, /titles and tests. */
export interface TitleMatch {
	readonly family: TitleFamily | null;
	/** The form looked up: the normal form (family mode) or the tidy form (strict mode); the raw title when listed. */
	readonly form: string;
	/**
	 * `listed`: families-v1 names the raw title (its decision stands); `normalised`: the form
	 * matched a family; `mixed`: names AI and ML as one, in neither; `none`: no family has the form.
	 */
	readonly how: 'listed' | 'normalised' | 'mixed' | 'none';
}

/**
 * The one title rule (title-families.md, "Matching a title"): a listed title keeps its
 * decision; any other is looked up in its normal form (family mode) or tidy form (strict
 * mode); a title naming AI and ML as one ("AI/ML Engineer") is in neither.
 * `matchTitle('Senior AI Engineer', 'family') → { family: 'AI', form: 'ai engineer', how: 'normalised' }`;
 * in strict mode the same title is `{ family: null, form: 'senior ai engineer', how: 'none' }`.
 */
export function matchTitle(raw: string, mode: TitleMode): TitleMatch {
	if (LISTED.has(raw)) return { family: listedFamilyOf(raw, mode), form: raw, how: 'listed' };
	const form = mode === 'strict' ? tidyTitle(raw) : normaliseTitle(raw);
	if (isMixedTitle(raw)) return { family: null, form, how: 'mixed' };
	const family = (mode === 'strict' ? STRICT_TIDY : FAMILY_NORMAL).get(form) ?? null;
	return { family, form, how: family === null ? 'none' : 'normalised' };
}

/** Titles remembered per mode (a file has few distinct titles and many rows); cleared when it grows past this. */
const MEMO_MAX = 100_000;
const memo: Record<TitleMode, Map<string, TitleFamily | null>> = { family: new Map(), strict: new Map() };

/**
 * The family of a raw title under a mode, or null: `matchTitle(raw, mode).family`, remembered.
 * The classifier of the built-in data and of every uploaded file, whatever its layout.
 * `familyOf('Prompt Engineer', 'family') → 'AI'`, `familyOf('ML Engineer', 'family') → 'ML'`.
 */
export function familyOf(jobTitle: string, mode: TitleMode): TitleFamily | null {
	const m = memo[mode];
	const hit = m.get(jobTitle);
	// Stryker disable next-line ConditionalExpression: equivalent, a remembered answer is the one matchTitle gives again
	if (hit !== undefined) return hit;
	// Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the bound only limits memory; clearing early or never gives the same families
	if (m.size >= MEMO_MAX) m.clear();
	const fam = matchTitle(jobTitle, mode).family;
	m.set(jobTitle, fam);
	return fam;
}
