import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXCLUDED_BORDERLINE, FAMILY_TITLES, STRICT_TITLES, familyOf, isListedTitle, listedFamilyOf, matchTitle } from './title-families';

describe('title families', () => {
	it.each([
		['AI Engineer', 'strict', 'AI'],
		['Machine Learning Engineer', 'strict', 'ML'],
		['Prompt Engineer', 'strict', null],
		['MLOps Engineer', 'strict', null],
		['AI Engineer', 'family', 'AI'],
		['Prompt Engineer', 'family', 'AI'],
		['AI Developer', 'family', 'AI'],
		['Machine Learning Engineer', 'family', 'ML'],
		['MLOps Engineer', 'family', 'ML'],
		['Computer Vision Engineer', 'family', 'ML'],
		['AI Architect', 'family', null],
		['Machine Learning Scientist', 'family', null],
		['Research Engineer', 'family', null],
		['Applied Scientist', 'family', null],
		['Data Scientist', 'family', null],
		['ai engineer', 'family', 'AI'],
		['ML Engineer', 'family', 'ML'],
		['ML Engineer', 'strict', null],
		['machine learning engineer', 'strict', 'ML']
	] as const)('%s in %s mode → %s', (title, mode, fam) => {
		expect.hasAssertions();
		expect(familyOf(title, mode)).toBe(fam);
		// The same answer again (remembered) and as matchTitle gives it.
		expect(familyOf(title, mode)).toBe(fam);
		expect(matchTitle(title, mode).family).toBe(fam);
	});

	it('listedFamilyOf is the exact lookup the one rule starts from', () => {
		expect.hasAssertions();
		expect(listedFamilyOf('AI Engineer', 'strict')).toBe('AI');
		expect(listedFamilyOf('Prompt Engineer', 'family')).toBe('AI');
		expect(listedFamilyOf('Prompt Engineer', 'strict')).toBeNull();
		expect(listedFamilyOf('ML Engineer', 'family')).toBeNull();
		expect(listedFamilyOf('ai engineer', 'family')).toBeNull();
		expect(isListedTitle('AI Architect')).toBe(true);
		expect(isListedTitle('MLOps Engineer')).toBe(true);
		expect(isListedTitle('ML Engineer')).toBe(false);
	});

	it('puts no title in both families, and strict titles inside their family', () => {
		expect.hasAssertions();
		const ai = new Set(FAMILY_TITLES.AI);
		expect(FAMILY_TITLES.ML.filter((t) => ai.has(t))).toEqual([]);
		for (const fam of ['AI', 'ML'] as const) for (const t of STRICT_TITLES[fam]) expect(FAMILY_TITLES[fam]).toContain(t);
	});

	it('gives a reason for each excluded borderline title, none of which is in a family', () => {
		expect.hasAssertions();
		const all = new Set([...FAMILY_TITLES.AI, ...FAMILY_TITLES.ML]);
		for (const [t, why] of Object.entries(EXCLUDED_BORDERLINE)) {
			expect(all.has(t)).toBe(false);
			expect(why.length).toBeGreaterThan(10);
		}
	});

	it('documents every title of both families in title-families.md', () => {
		expect.hasAssertions();
		const doc = readFileSync(new URL('./title-families.md', import.meta.url), 'utf8');
		for (const t of [...FAMILY_TITLES.AI, ...FAMILY_TITLES.ML, ...Object.keys(EXCLUDED_BORDERLINE)]) expect(doc).toContain(t);
	});
});
