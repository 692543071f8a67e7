import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSalaries } from '$lib/data/salaries';
import { DEFAULT_FILTERS, type Filters } from '$lib/transform/filters';
import { row } from '$lib/transform/stats/testing/rows';
import { familyOf } from '$lib/transform/title-families';
import { datasetOf } from './testing/year-rows';
import { titlesView, titleTable } from './titles';

const rows = parseSalaries(readFileSync(new URL('../../../tests/fixtures/salaries-small.csv', import.meta.url), 'utf8')).rows;

describe('titleTable', () => {
	it('counts each listed title and gives its family in both modes', () => {
		expect.hasAssertions();
		const t = titleTable(rows);
		const get = (title: string) => t.find((l) => l.title === title)!;
		// salaries-small.csv: 3 AI Engineer, 1 Prompt Engineer, 5 Machine Learning Engineer, 1 MLOps Engineer.
		expect(get('AI Engineer')).toMatchObject({ n: 3, familyMode: 'AI', strictMode: 'AI' });
		expect(get('Prompt Engineer')).toMatchObject({ n: 1, familyMode: 'AI', strictMode: null });
		expect(get('Machine Learning Engineer')).toMatchObject({ n: 5, familyMode: 'ML', strictMode: 'ML' });
		expect(get('MLOps Engineer')).toMatchObject({ n: 1, familyMode: 'ML', strictMode: null });
		expect(get('AI Architect')).toMatchObject({ n: 0, familyMode: null });
		expect(get('AI Architect').reason).not.toBe('');
		// AI titles come first, most reports first.
		expect(t[0]!.title).toBe('AI Engineer');
		expect(t.some((l) => l.title === 'Data Scientist')).toBe(false);
	});
});

describe('titleTable order', () => {
	it('AI family titles, then ML, then the borderline ones; most reports first, ties A–Z; every title once', () => {
		expect.hasAssertions();
		const t = titleTable([
			...Array.from({ length: 3 }, () => row({ jobTitle: 'AI Developer' })),
			row({ jobTitle: 'Lead AI Engineer' }),
			row({ jobTitle: 'AI Architect' }),
			row({ jobTitle: 'AI Architect' })
		]);
		const families = t.map((l) => (l.reason === '' ? l.familyMode : 'borderline'));
		const firstMl = families.indexOf('ML');
		const firstBorderline = families.indexOf('borderline');
		expect(families.slice(0, firstMl).every((f) => f === 'AI')).toBe(true);
		expect(families.slice(firstMl, firstBorderline).every((f) => f === 'ML')).toBe(true);
		expect(families.slice(firstBorderline).every((f) => f === 'borderline')).toBe(true);
		expect(t.slice(0, 2).map((l) => [l.title, l.n])).toEqual([
			['AI Developer', 3],
			['Lead AI Engineer', 1]
		]);
		expect(t[firstBorderline]).toMatchObject({ title: 'AI Architect', n: 2, familyMode: null, strictMode: null });
		for (const part of [t.slice(0, firstMl), t.slice(firstMl, firstBorderline), t.slice(firstBorderline)]) {
			const zero = part.filter((l) => l.n === 0).map((l) => l.title);
			expect(zero).toEqual([...zero].sort((a, b) => a.localeCompare(b)));
			expect(part.map((l) => l.n)).toEqual(part.map((l) => l.n).sort((a, b) => b - a));
		}
		expect(new Set(t.map((l) => l.title)).size).toBe(t.length);
	});
});

describe('titlesView', () => {
	const data = datasetOf([
		row({ jobTitle: 'AI Engineer', experienceLevel: 'SE' }),
		row({ jobTitle: 'AI Engineer', experienceLevel: 'SE' }), // an exact duplicate of the one above
		row({ jobTitle: 'AI Engineer', experienceLevel: 'EN', salaryUsd: 90_000 }),
		row({ jobTitle: 'Prompt Engineer', experienceLevel: 'SE', salaryUsd: 95_000 })
	]);
	const n = (filters: Filters, title: string) => titlesView(data, { filters }).titles.find((l) => l.title === title)!.n;

	it('counts the reports matching every filter but the title mode, with duplicates unless dedupe is on', () => {
		expect.hasAssertions();
		expect(n(DEFAULT_FILTERS, 'AI Engineer')).toBe(3);
		expect(n({ ...DEFAULT_FILTERS, dedupe: true }, 'AI Engineer')).toBe(2);
		expect(n({ ...DEFAULT_FILTERS, exp: ['EN'] }, 'AI Engineer')).toBe(1);
		// strict mode does not hide Prompt Engineer from the table: the table shows what each mode does
		expect(n({ ...DEFAULT_FILTERS, titles: 'strict' }, 'Prompt Engineer')).toBe(1);
	});

	it('says which title mode is in force', () => {
		expect.hasAssertions();
		expect(titlesView(data, { filters: DEFAULT_FILTERS }).mode).toBe('family');
		expect(titlesView(data, { filters: { ...DEFAULT_FILTERS, titles: 'strict' } }).mode).toBe('strict');
	});
});

describe('titleTable: titles counted by their normal form or a user choice', () => {
	it('lists them in their family with how they were matched; a listed title is "listed"', () => {
		expect.hasAssertions();
		const t = titleTable([
			row({ jobTitle: 'ML Engineer' }),
			row({ jobTitle: 'ML Engineer' }),
			row({ jobTitle: 'Senior AI Engineer' }),
			row({ jobTitle: 'Data Scientist' }),
			row({ jobTitle: 'AI/ML Engineer' })
		]);
		expect(t.find((l) => l.title === 'ML Engineer')).toEqual({
			title: 'ML Engineer',
			familyMode: 'ML',
			strictMode: null,
			n: 2,
			reason: '',
			how: 'normalised',
			form: 'machine learning engineer'
		});
		expect(t.find((l) => l.title === 'Senior AI Engineer')).toMatchObject({
			familyMode: 'AI',
			n: 1,
			how: 'normalised',
			form: 'ai engineer'
		});
		expect(t.find((l) => l.title === 'AI Engineer')).toMatchObject({ how: 'listed', form: 'AI Engineer', n: 0 });
		expect(t.some((l) => l.title === 'Data Scientist' || l.title === 'AI/ML Engineer')).toBe(false);
		// In the AI group, most reports first: the normalised title with 1 report before the listed ones with 0.
		expect(t[0]!.title).toBe('Senior AI Engineer');
	});

	it('with a classifier (a user choice): its families, "yours" where it differs, no reason for a counted borderline title', () => {
		expect.hasAssertions();
		const choice: Record<string, 'AI' | 'ML' | null> = { 'Data Scientist': 'ML', 'AI Architect': 'AI', 'Prompt Engineer': null };
		const classify = (title: string, mode: 'family' | 'strict') => (title in choice ? choice[title]! : familyOf(title, mode));
		const t = titleTable(
			[row({ jobTitle: 'Data Scientist' }), row({ jobTitle: 'AI Architect' }), row({ jobTitle: 'Prompt Engineer' })],
			classify
		);
		expect(t.find((l) => l.title === 'Data Scientist')).toMatchObject({ familyMode: 'ML', strictMode: 'ML', how: 'yours', n: 1 });
		expect(t.find((l) => l.title === 'AI Architect')).toMatchObject({ familyMode: 'AI', how: 'yours', reason: '' });
		expect(t.find((l) => l.title === 'Prompt Engineer')).toMatchObject({ familyMode: null, how: 'yours', reason: '' });
		expect(t.find((l) => l.title === 'AI Engineer')).toMatchObject({ familyMode: 'AI', how: 'listed' });
		// A borderline title still out keeps its reason.
		expect(t.find((l) => l.title === 'AI Scientist')!.reason).not.toBe('');
	});

	it('a choice that differs from the app only in exact mode is "yours"; a title counted in exact mode only is a line', () => {
		expect.hasAssertions();
		// "Prompt Engineer" is AI in family mode by the lists; counted as AI in exact mode too by this classifier.
		const classify = (title: string, mode: 'family' | 'strict') =>
			title === 'Prompt Engineer' ? 'AI' : title === 'Odd Title' ? (mode === 'strict' ? 'ML' : null) : familyOf(title, mode);
		const t = titleTable([row({ jobTitle: 'Prompt Engineer' }), row({ jobTitle: 'Odd Title' })], classify);
		expect(t.find((l) => l.title === 'Prompt Engineer')).toMatchObject({ familyMode: 'AI', strictMode: 'AI', how: 'yours' });
		expect(t.find((l) => l.title === 'Odd Title')).toMatchObject({ familyMode: null, strictMode: 'ML', n: 1, how: 'yours' });
	});
});
