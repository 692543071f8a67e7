/** Words for work years a source marks as estimated (`2021e`, older aijobs.net exports). */
import { count } from './index';

/**
 * The note under the /trends charts, or '' when no report has an estimated year.
 * `estimatedYearsNote([{ year: 2021, ai: 4, ml: 7 }], 'file')
 *   → "Estimated years: in 2021, 4 AI and 7 ML reports carry a work year the file marks as estimated (written “2021e”). …"`
 */
export function estimatedYearsNote(estimated: readonly { year: number; ai: number; ml: number }[], whose: 'file' | 'source'): string {
	if (estimated.length === 0) return '';
	const parts = estimated.map((e) => `in ${e.year}, ${count(e.ai)} AI and ${count(e.ml)} ML reports`);
	const written = estimated.map((e) => `“${e.year}e”`).join(', ');
	return `Estimated years: ${parts.join('; ')} carry a work year the ${whose} marks as estimated (written ${written}). They are counted in that year; the table notes them.`;
}

/** The validation report's line: "13 rows have an estimated year (…)", or '' for none (or a report kept before it was counted). */
export function estimatedRowsLine(rows: number | undefined): string {
	if (!rows) return '';
	return `${count(rows)} ${rows === 1 ? 'row has' : 'rows have'} an estimated year (written like “2021e”, as older aijobs.net exports do): each counts in that year, and Trends says how many reports of which year are estimated.`;
}
