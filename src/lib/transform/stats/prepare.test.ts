import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../filters';
import { applyFilters } from './testing/oracle';
import { familyOf, TITLE_MODES } from '../title-families';
import { countDuplicates } from './dedupe';
import { FAMILY_CODE, isPreparedRows, prepareRows } from './prepare';
import { isSortedBySalary, sortBySalary } from './quantiles';
import { arbRows, frozen } from './testing/rows';

describe('prepareRows', () => {
	it('property: sorted once; the index lists exactly the family rows, in order, with their columns', () => {
		expect.hasAssertions();
		fc.assert(
			fc.property(arbRows(300), (rows) => {
				const p = prepareRows(frozen(rows));
				expect(isSortedBySalary(p.rows)).toBe(true);
				expect(p.rows).toEqual(sortBySalary(rows));
				expect(p.duplicates).toBe(countDuplicates(rows));
				for (const mode of TITLE_MODES) {
					const ix = p.modes[mode];
					const expected = applyFilters(p.rows, { ...DEFAULT_FILTERS, titles: mode });
					expect(ix.count).toBe(expected.length);
					for (let e = 0; e < ix.count; e++) {
						const r = p.rows[ix.pos[e]!]!;
						expect(expected[e]).toMatchObject(r);
						expect(ix.family[e]).toBe(FAMILY_CODE[familyOf(r.jobTitle, mode)!]);
						expect(ix.salaryUsd[e]).toBe(r.salaryUsd);
						expect(ix.years[ix.yearSlot[e]!]).toBe(r.workYear);
						expect(p.countries[ix.country[e]!]).toBe(r.companyLocation);
						expect(ix.duplicate[e]).toBe(p.duplicateFlags[ix.pos[e]!]);
					}
				}
			}),
			{ seed: 31, numRuns: 100 }
		);
	});

	it('keeps an already sorted array as is and tells prepared data from arrays', () => {
		expect.hasAssertions();
		const rows = sortBySalary(fc.sample(arbRows(50), { seed: 2, numRuns: 1 })[0]!);
		const p = prepareRows(rows);
		expect(p.rows).toBe(rows);
		expect(isPreparedRows(p)).toBe(true);
		expect(isPreparedRows(rows)).toBe(false);
	});
});
