import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSalaries } from '$lib/data/salaries';
import { familyOf, listedFamilyOf } from '$lib/transform/title-families';
import { realDataPath, reportAbsent } from './real-data';

const path = realDataPath('aijobs-salaries/salaries.csv');
if (!path) reportAbsent('aijobs-salaries/salaries.csv');

describe.skipIf(!path)('aijobs.net salaries, the real file', () => {
	const result = parseSalaries(readFileSync(path!, 'utf8'));

	it('reads 74,301 rows and accepts them all', () => {
		expect.hasAssertions();
		expect(result.rowsRead).toBe(74_301);
		expect(result.rows.length + result.rejected).toBe(result.rowsRead);
		expect(result.rejected).toBe(0);
	});

	it('finds 5,841 "Machine Learning Engineer" and 651 "AI Engineer" rows in strict mode', () => {
		expect.hasAssertions();
		const counts = { AI: 0, ML: 0 };
		for (const r of result.rows) {
			const f = familyOf(r.jobTitle, 'strict');
			if (f) counts[f]++;
		}
		expect(counts).toEqual({ AI: 651, ML: 5_841 });
	});

	it('puts every family title that occurs in the data into exactly one family', () => {
		expect.hasAssertions();
		const counts = { AI: 0, ML: 0 };
		for (const r of result.rows) {
			const f = familyOf(r.jobTitle, 'family');
			if (f) counts[f]++;
		}
		// Sums of the listed titles' counts, taken with a separate script (python csv module).
		expect(counts).toEqual({ AI: 839, ML: 6_254 });
	});

	it('the one title rule (normal forms) moves no title of this snapshot: every family is the exact lists', () => {
		expect.hasAssertions();
		// title-families.md, "Matching a title": the rule is applied to the built-in data too; on this
		// snapshot no unlisted title has a family title's normal form, so the counts above are unchanged.
		const titles = [...new Set(result.rows.map((r) => r.jobTitle))];
		expect(titles.length).toBe(290);
		for (const mode of ['family', 'strict'] as const) {
			const moved = titles.filter((t) => familyOf(t, mode) !== listedFamilyOf(t, mode));
			expect(moved, mode).toEqual([]);
		}
	});
});
