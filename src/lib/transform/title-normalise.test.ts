import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TitleFamily } from '../data/types';
import { EXCLUDED_BORDERLINE, FAMILY_TITLES, STRICT_TITLES, familyOf, listedFamilyOf, matchTitle } from './title-families';
import { cutQualifier, isMixedTitle, normaliseTitle, tidyTitle } from './title-normalise';

// Written from the rules in title-families.md ("Uploaded titles"), not from running the code:
// [raw title, family in family mode, family in strict mode].
const TABLE: readonly (readonly [string, TitleFamily | null, TitleFamily | null])[] = [
	['Senior AI Engineer', 'AI', null],
	['Machine Learning Engineer, Ranking', 'ML', null],
	['Sr. ML Engineer (Remote)', 'ML', null],
	['AI/ML Engineer', null, null],
	['Lead Machine Learning Engineer - NLP', 'ML', null],
	['AI Engineer', 'AI', 'AI'],
	['ai engineer', 'AI', 'AI'],
	['AI  ENGINEER', 'AI', 'AI'],
	['A.I. Engineer', null, null],
	['Machine-Learning Engineer', 'ML', 'ML'],
	['machine learning engineer', 'ML', 'ML'],
	['ML Engineer', 'ML', null],
	['mlops engineer', 'ML', null],
	['ML Engineer II', 'ML', null],
	['Machine Learning Engineer III', 'ML', null],
	['Machine Learning Engineer - Level 2', 'ML', null],
	['Machine Learning Engineer L5', 'ML', null],
	['Junior Machine Learning Engineer', 'ML', null],
	['Jr AI Engineer', 'AI', null],
	['Staff AI Engineer | Search', 'AI', null],
	['Principal Machine Learning Engineer', 'ML', null],
	['Artificial Intelligence Engineer (Hybrid)', 'AI', null],
	['Senior Artificial Intelligence Engineer', 'AI', null],
	['Senior Prompt Engineer', 'AI', null],
	['AI Software Engineer, Copilot', 'AI', null],
	['Senior MLOps Engineer', 'ML', null],
	['Computer Vision Engineer – Robotics', 'ML', null],
	['NLP Engineer @ Startup', 'ML', null],
	['Deep Learning Engineer (PhD)', 'ML', null],
	['Senior ML Infrastructure Engineer', 'ML', null],
	['AI & ML Engineer', null, null],
	['ML/AI Engineer', null, null],
	['AI and Machine Learning Engineer', null, null],
	['Senior AI ML Engineer', null, null],
	['Generative AI Engineer', null, null],
	['AI Engineer Intern', null, null],
	['Machine Learning Scientist', null, null],
	['Senior Machine Learning Scientist', null, null],
	['Machine Learning Lead', null, null],
	['Senior AI Researcher', null, null],
	['Staff Software Engineer, Machine Learning', null, null],
	['Head of AI', null, null],
	['Data Scientist', null, null],
	['Senior Data Engineer', null, null],
	['(Remote) AI Engineer', 'AI', null],
	['', null, null],
	['Senior', null, null]
];

describe('uploaded titles: the table', () => {
	it.each(TABLE)('%s → family %s, strict %s', (title, fam, strict) => {
		expect.hasAssertions();
		expect(familyOf(title, 'family')).toBe(fam);
		expect(familyOf(title, 'strict')).toBe(strict);
	});

	it('gives each match its form and reason', () => {
		expect.hasAssertions();
		expect(matchTitle('Sr. ML Engineer (Remote)', 'family')).toEqual({
			family: 'ML',
			form: 'machine learning engineer',
			how: 'normalised'
		});
		expect(matchTitle('Sr. ML Engineer (Remote)', 'strict')).toEqual({ family: null, form: 'sr ml engineer remote', how: 'none' });
		expect(matchTitle('AI/ML Engineer', 'family')).toEqual({ family: null, form: 'ai machine learning engineer', how: 'mixed' });
		expect(matchTitle('Prompt Engineer', 'strict')).toEqual({ family: null, form: 'Prompt Engineer', how: 'listed' });
		expect(matchTitle('Machine Learning Lead', 'family')).toEqual({ family: null, form: 'Machine Learning Lead', how: 'listed' });
		expect(matchTitle('Data Scientist', 'family')).toEqual({ family: null, form: 'data scientist', how: 'none' });
	});
});

describe('uploaded titles: families-v1 decisions stand', () => {
	it('every listed title keeps its families-v1 family in both modes', () => {
		expect.hasAssertions();
		for (const t of [...FAMILY_TITLES.AI, ...FAMILY_TITLES.ML, ...Object.keys(EXCLUDED_BORDERLINE)])
			for (const mode of ['family', 'strict'] as const) {
				expect(matchTitle(t, mode), `${t} ${mode}`).toMatchObject({ family: listedFamilyOf(t, mode), how: 'listed' });
			}
	});

	it('no considered-and-left-out title, with a seniority word added, reaches a family', () => {
		expect.hasAssertions();
		for (const t of Object.keys(EXCLUDED_BORDERLINE))
			for (const w of ['Senior', 'Lead', 'Staff']) expect(familyOf(`${w} ${t}`, 'family'), `${w} ${t}`).toBeNull();
	});

	it("the two families' normal forms do not overlap", () => {
		expect.hasAssertions();
		const ai = new Set(FAMILY_TITLES.AI.map(normaliseTitle));
		expect(FAMILY_TITLES.ML.map(normaliseTitle).filter((f) => ai.has(f))).toEqual([]);
	});
});

describe('the pieces', () => {
	it.each([
		['  Machine-Learning  ENGINEER ', 'machine learning engineer'],
		['Ａｉ Engineer', 'ai engineer'],
		['C++/Python Dev', 'c python dev'],
		['', '']
	])('tidyTitle(%j) → %j', (raw, out) => {
		expect.hasAssertions();
		expect(tidyTitle(raw)).toBe(out);
	});

	it.each([
		['ML Engineer (Remote), Ads', 'ML Engineer  '],
		['Engineer | AI', 'Engineer '],
		['AI Engineer - NLP', 'AI Engineer'],
		['AI Engineer -NLP', 'AI Engineer'],
		['AI Engineer– NLP', 'AI Engineer'],
		['E-commerce ML Engineer', 'E-commerce ML Engineer'],
		['AI Engineer (remote', 'AI Engineer '],
		['No qualifier', 'No qualifier']
	])('cutQualifier(%j) → %j', (raw, out) => {
		expect.hasAssertions();
		expect(cutQualifier(raw)).toBe(out);
	});

	it.each([
		['AI/ML Engineer', true],
		['ML / AI Engineer', true],
		['Artificial Intelligence & Machine Learning Engineer', true],
		['AI-ML Engineer', true],
		['AI or ML Engineer', true],
		['AI + ML', true],
		['AI Engineer, ML Platform', false],
		['Machine Learning Engineer', false],
		['Email Engineer', false],
		['Html Engineer', false]
	])('isMixedTitle(%j) → %s', (raw, out) => {
		expect.hasAssertions();
		expect(isMixedTitle(raw)).toBe(out);
	});
});

// Titles built from realistic parts, so the properties meet many matches and near misses.
const WORDS = [
	'Senior',
	'Sr.',
	'Lead',
	'AI',
	'ML',
	'Machine',
	'Learning',
	'Engineer',
	'Data',
	'Scientist',
	'II',
	'NLP',
	'Prompt',
	'Email',
	'Html'
];
const arbTitle = fc.oneof(
	fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
	fc
		.tuple(fc.constantFrom(...FAMILY_TITLES.AI, ...FAMILY_TITLES.ML), fc.constantFrom('', ' (Remote)', ', Ads', ' - NLP', ' | EU', ' II'))
		.map(([t, q]) => `Senior ${t}${q}`),
	fc.string({ maxLength: 30 })
);

describe('uploaded titles: properties', () => {
	it('normalisation is idempotent, and its form has no seniority word, punctuation or upper case', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbTitle, (t) => {
				const n = normaliseTitle(t);
				expect(normaliseTitle(n)).toBe(n);
				expect(n).toBe(n.toLowerCase());
				expect(n).not.toMatch(/[^\p{L}\p{N} ]|\s{2}|^\s|\s$|\b(?:senior|sr|lead|junior|ii|iii)\b/u);
			}),
			{ seed: 11, numRuns: 400 }
		);
	});

	it('never puts a title in a family unless it names one of the family words', () => {
		expect.hasAssertions();
		// Every families-v1 title says AI, artificial intelligence, ML/machine learning, MLOps, NLP, deep learning, computer vision or prompt.
		const familyWord = /\b(?:ai|artificial intelligence|ml|mlops|machine[\s-]learning|nlp|deep learning|computer vision|prompt)\b/i;
		fc.assert(
			fc.property(arbTitle, fc.constantFrom('family', 'strict') as fc.Arbitrary<'family' | 'strict'>, (t, mode) => {
				expect(familyOf(t, mode) === null || familyWord.test(t)).toBe(true);
			}),
			{ seed: 12, numRuns: 400 }
		);
	});

	it('strict is never wider than family, and a strict match is in the same family', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbTitle, (t) => {
				const s = familyOf(t, 'strict');
				expect(s === null || familyOf(t, 'family') === s).toBe(true);
				expect(s === null || tidyTitle(t) === tidyTitle(STRICT_TITLES[s][0]!)).toBe(true);
			}),
			{ seed: 13, numRuns: 400 }
		);
	});

	it('a mixed title is in neither family in either mode', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(
				fc.constantFrom('AI/ML', 'ML/AI', 'AI & ML', 'AI and Machine Learning'),
				fc.constantFrom('Engineer', 'Senior Engineer', 'Engineer II'),
				(a, b) => {
					const t = `${a} ${b}`;
					expect(matchTitle(t, 'family')).toMatchObject({ family: null, how: 'mixed' });
					expect(familyOf(t, 'strict')).toBeNull();
				}
			),
			{ seed: 14, numRuns: 50 }
		);
	});
});
