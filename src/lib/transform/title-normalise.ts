/**
 * The forms a free-text title is matched in ("Sr. ML Engineer (Remote)", "Machine Learning
 * Engineer, Ranking"), while families-v1 (title-families.ts) names exact aijobs.net titles:
 * - `normaliseTitle` (family mode): qualifier cut, case and punctuation, ML/AI spelled one
 *   way, seniority and level words dropped;
 * - `tidyTitle` (strict mode): case, punctuation and spacing only;
 * - `isMixedTitle`: a title that names AI and ML joined as one ("AI/ML Engineer").
 * `matchTitle` / `familyOf` in title-families.ts look these forms up in the lists (the rules,
 * with examples, are in title-families.md, "Matching a title").
 */

/** Bump when any rule below changes; stated on /data beside the unmatched titles. */
export const TITLE_NORMALISATION_VERSION = 'titles-normalise-v2 (2026-11-30)';

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
