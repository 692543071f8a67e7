import { describe, expect, it } from 'vitest';
import { estimatedRowsLine, estimatedYearsNote } from './estimated-years';

describe('estimated years in words', () => {
	it('names each year with its AI and ML reports, and who marks them', () => {
		expect.hasAssertions();
		expect(estimatedYearsNote([], 'file')).toBe('');
		expect(estimatedYearsNote([{ year: 2021, ai: 4, ml: 1234 }], 'file')).toBe(
			'Estimated years: in 2021, 4 AI and 1,234 ML reports carry a work year the file marks as estimated (written “2021e”). They are counted in that year; the table notes them.'
		);
		expect(
			estimatedYearsNote(
				[
					{ year: 2020, ai: 0, ml: 2 },
					{ year: 2021, ai: 3, ml: 1 }
				],
				'source'
			)
		).toBe(
			'Estimated years: in 2020, 0 AI and 2 ML reports; in 2021, 3 AI and 1 ML reports carry a work year the source marks as estimated (written “2020e”, “2021e”). They are counted in that year; the table notes them.'
		);
	});

	it('the report line counts rows, singular and plural, and says nothing for none', () => {
		expect.hasAssertions();
		expect(estimatedRowsLine(undefined)).toBe('');
		expect(estimatedRowsLine(0)).toBe('');
		expect(estimatedRowsLine(1)).toMatch(/^1 row has an estimated year \(written like “2021e”/);
		expect(estimatedRowsLine(1090)).toMatch(/^1,090 rows have an estimated year/);
	});
});
