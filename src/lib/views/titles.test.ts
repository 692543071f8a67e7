import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSalaries } from '$lib/data/salaries';
import { titleTable } from './titles';

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
