import { describe, expect, it } from 'vitest';
import { familyOf } from './title-families';
import type { PostingsColumns } from '../data/upload/columns';
import { familyCodes, rowFamilies, unmatchedTitles } from './upload-titles';
import { load } from '../data/upload/testing/load';

describe('titles of an uploaded file', () => {
	const dict = [
		'AI Engineer',
		'Prompt Engineer',
		'Machine Learning Engineer',
		'MLOps Engineer',
		'Senior AI Engineer',
		'Data Scientist',
		'toString'
	];
	it('uses families-v1 and strict like the built-in data for listed titles, and normalises the others', () => {
		const code = (t: string) => {
			const f = familyOf(t, 'family');
			return f === 'AI' ? 0 : f === 'ML' ? 1 : -1;
		};
		const listed = dict.slice(0, 4);
		expect(Array.from(familyCodes(listed, 'family'))).toEqual(listed.map(code));
		// 'Senior AI Engineer' reaches 'ai engineer' in family mode; strict keeps it out.
		expect(Array.from(familyCodes(dict, 'family'))).toEqual([0, 0, 1, 1, 0, -1, -1]);
		expect(Array.from(familyCodes(dict, 'strict'))).toEqual([0, -1, 1, -1, -1, -1, -1]);
	});
	it("applies the user's overrides in both modes, including taking a title out", () => {
		const o = { 'Senior AI Engineer': 'ML', 'Prompt Engineer': null } as const;
		expect(Array.from(familyCodes(dict, 'family', o))).toEqual([0, -1, 1, 1, 1, -1, -1]);
		expect(Array.from(familyCodes(dict, 'strict', o))).toEqual([0, -1, 1, -1, 1, -1, -1]);
	});
	it('lists unmatched titles with counts, most frequent first', async () => {
		const { done } = await load('data-jobs-postings.csv');
		const c = done.columns as PostingsColumns;
		const byCode = familyCodes(c.title.dict, 'family');
		expect(unmatchedTitles(c.title, byCode, 'family')).toEqual([
			{ title: 'Data Scientist', count: 1, form: 'data scientist', how: 'none' }
		]);
		const weights = new Float64Array(c.n).fill(3);
		expect(unmatchedTitles(c.title, byCode, 'family', weights)[0]).toEqual({
			title: 'Data Scientist',
			count: 3,
			form: 'data scientist',
			how: 'none'
		});
		// Strict mode: the free-text titles stay out, each with the tidy form it was looked up in.
		const strict = familyCodes(c.title.dict, 'strict');
		// A title families-v1 lists keeps its listed decision (no strict family), shown as written.
		expect(unmatchedTitles(c.title, strict, 'strict')).toEqual([
			{ title: 'Computer Vision Engineer', count: 1, form: 'Computer Vision Engineer', how: 'listed' },
			{ title: 'Data Scientist', count: 1, form: 'data scientist', how: 'none' },
			{ title: 'MLOps Engineer', count: 1, form: 'MLOps Engineer', how: 'listed' },
			{ title: 'Machine Learning Engineer, Ranking', count: 1, form: 'machine learning engineer ranking', how: 'none' },
			{ title: 'Prompt Engineer', count: 1, form: 'Prompt Engineer', how: 'listed' },
			{ title: 'Senior AI Engineer', count: 1, form: 'senior ai engineer', how: 'none' }
		]);
		const fam = rowFamilies(c.title, byCode);
		expect(fam).toHaveLength(c.n);
		expect(fam[0]).toBe(0);
		expect(fam[2]).toBe(1);
	});
	it('rowFamilies: a row without a title (code -1) is in neither family; every other row takes its title code', () => {
		expect.hasAssertions();
		const title = { dict: ['AI Engineer', 'Data Scientist', 'Machine Learning Engineer'], codes: Int32Array.from([2, -1, 0, 1, 2]) };
		expect(Array.from(rowFamilies(title, Int8Array.from([0, -1, 1])))).toEqual([1, -1, 0, -1, 1]);
	});
});
