/**
 * Titles of uploaded files are free text ("Sr. ML Engineer (Remote)", "Machine Learning
 * Engineer, Ranking"), while families-v1 (title-families.ts) names exact aijobs.net titles.
 * This module matches an uploaded title to a family in two steps (the rules, with examples,
 * are in title-families.md, "Uploaded titles"):
 *
 * 1. A title families-v1 names (in a family or as considered and left out) keeps that
 *    decision, in both modes: the built-in file uploaded gives the built-in families.
 * 2. In a file of the aijobs.net layout, any other title is in neither family (exactly as the
 *    built-in data). In a free-text file (data_jobs, a mapped file) it is normalised and its normal form looked up:
 *    - family mode: `normaliseTitle` (qualifier cut, case and punctuation, ML/AI spelled
 *      one way, seniority and level words dropped) against the normal forms of the family lists;
 *    - strict mode: `tidyTitle` (case, punctuation and spacing only) against the strict titles.
 *    A title that names AI and ML joined as one ("AI/ML Engineer") is mixed: in neither family.
 */
import { EXCLUDED_BORDERLINE, FAMILY_TITLES, STRICT_TITLES, familyOf, type TitleFamily, type TitleMode } from './title-families';

/** Bump when any rule below changes; stated on /data beside the unmatched titles. */
export const TITLE_NORMALISATION_VERSION = 'titles-normalise-v1 (2026-11-29)';

/**
 * Case, punctuation and spacing only: Unicode-compatibility form, lower case, every run of
 * characters other than letters and digits becomes one space, trimmed.
 * `tidyTitle('  Machine-Learning  ENGINEER ') → 'machine learning engineer'`.
 */
export function tidyTitle(raw: string): string {
	return raw
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * Words dropped as seniority or level: senior, sr, snr, junior, jr, jnr, lead, principal,
 * staff, mid, entry, level, lvl, roman numerals i–v, and level codes (2, 10, l4, ic3, e5).
 */
const SENIORITY_WORDS = new Set([
	'senior',
	'sr',
	'snr',
	'junior',
	'jr',
	'jnr',
	'lead',
	'principal',
	'staff',
	'mid',
	'entry',
	'level',
	'lvl',
	'i',
	'ii',
	'iii',
	'iv',
	'v'
]);
const LEVEL_CODE = /^(?:l|ic|e)?\d{1,2}$/;

/** Bracketed asides anywhere: "(Remote)", "[Hybrid]". */
const BRACKETED = /\([^)]*\)|\[[^\]]*\]/g;
/** Where a qualifier starts: a comma, "|", "@", an opening bracket left unclosed, an en or em dash, or a hyphen with a space on either side. */
const QUALIFIER = /[,|@([–—]|\s-|-\s/;

/** The part of a title before its qualifier, brackets removed: `'ML Engineer (Remote), Ads' → 'ML Engineer '`. */
export function cutQualifier(raw: string): string {
	const s = raw.replace(BRACKETED, ' ');
	const m = QUALIFIER.exec(s);
	return m ? s.slice(0, m.index) : s;
}

/** AI and ML spelled one way (after tidyTitle): "artificial intelligence" → "ai", "ml" → "machine learning". */
function spellOut(tidy: string): string {
	return ` ${tidy} `
		.replace(/ artificial intelligence /g, ' ai ')
		.replace(/ ml /g, ' machine learning ')
		.replace(/ ml /g, ' machine learning ')
		.trim();
}

/**
 * The normal form a free-text title is matched in (family mode): qualifier cut, tidied,
 * AI/ML spelled one way, seniority and level words dropped. Idempotent.
 * `normaliseTitle('Sr. ML Engineer (Remote)') → 'machine learning engineer'`,
 * `normaliseTitle('Lead Machine Learning Engineer - NLP') → 'machine learning engineer'`.
 */
export function normaliseTitle(raw: string): string {
	return spellOut(tidyTitle(cutQualifier(raw)))
		.split(' ')
		.filter((w) => w !== '' && !SENIORITY_WORDS.has(w) && !LEVEL_CODE.test(w))
		.join(' ');
}

/** AI and ML side by side as one: "AI/ML", "ML & AI", "AI and ML", "AI-ML", "AI ML", "AI + Machine Learning". */
const JOIN = String.raw`(?:\s*(?:/|&|\+|-|\band\b|\bor\b)\s*|\s+)`;
const AI_WORD = String.raw`(?:ai|artificial intelligence)`;
const ML_WORD = String.raw`(?:ml|machine learning)`;
const MIXED = new RegExp(String.raw`\b${AI_WORD}${JOIN}${ML_WORD}\b|\b${ML_WORD}${JOIN}${AI_WORD}\b`);

/** Does the title name AI and ML joined as one ("AI/ML Engineer")? Such titles are in neither family. */
export function isMixedTitle(raw: string): boolean {
	return MIXED.test(raw.normalize('NFKC').toLowerCase());
}

function indexBy(lists: Readonly<Record<TitleFamily, readonly string[]>>, form: (t: string) => string): Map<string, TitleFamily> {
	const m = new Map<string, TitleFamily>();
	for (const fam of ['AI', 'ML'] as const) for (const t of lists[fam]) m.set(form(t), fam);
	return m;
}
const FAMILY_NORMAL = indexBy(FAMILY_TITLES, normaliseTitle);
const STRICT_TIDY = indexBy(STRICT_TITLES, tidyTitle);
const LISTED = new Set([...FAMILY_TITLES.AI, ...FAMILY_TITLES.ML, ...Object.keys(EXCLUDED_BORDERLINE)]);

export interface MatchOptions {
	/**
	 * False: exact families-v1 only, as the built-in data (for the aijobs.net layout, whose
	 * vocabulary the lists were written for: a new title lands in neither until it is decided).
	 * Default true.
	 */
	readonly normalise?: boolean;
}

/** How an uploaded title was matched, for the unmatched-titles table and tests. */
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
 * The family of an uploaded title under a mode (see the module comment).
 * `matchTitle('Senior AI Engineer', 'family') → { family: 'AI', form: 'ai engineer', how: 'normalised' }`;
 * in strict mode the same title is `{ family: null, form: 'senior ai engineer', how: 'none' }`.
 */
export function matchTitle(raw: string, mode: TitleMode, opts: MatchOptions = {}): TitleMatch {
	if (LISTED.has(raw)) return { family: familyOf(raw, mode), form: raw, how: 'listed' };
	if (opts.normalise === false) return { family: null, form: raw, how: 'none' };
	const form = mode === 'strict' ? tidyTitle(raw) : normaliseTitle(raw);
	if (isMixedTitle(raw)) return { family: null, form, how: 'mixed' };
	const family = (mode === 'strict' ? STRICT_TIDY : FAMILY_NORMAL).get(form) ?? null;
	return { family, form, how: family === null ? 'none' : 'normalised' };
}

/** `matchTitle(raw, mode, opts).family`: the classifier for uploaded files. */
export function uploadedFamilyOf(raw: string, mode: TitleMode, opts: MatchOptions = {}): TitleFamily | null {
	return matchTitle(raw, mode, opts).family;
}
