/**
 * The only CSV writer. Cells a spreadsheet would run as a formula are neutralised per
 * OWASP's CSV-injection guidance: a text cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'` (and papaparse quotes it). Numbers are written
 * as numbers, so a negative number stays a number. Text that is itself a plain number
 * (e.g. "-12.5") is left alone too: a spreadsheet reads it as a number, not a formula.
 */
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

/** A download a view model carries: the header and the rows `toCsv` writes. */
export interface CsvTable {
	readonly columns: readonly string[];
	readonly rows: readonly (readonly CsvCell[])[];
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** `neutralize('=HYPERLINK(…)') → "'=HYPERLINK(…)"`; `neutralize(-5) → -5`; `neutralize('-5') → '-5'`. */
export function neutralize(v: CsvCell): string | number {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? v : '';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (FORMULA_START.test(v) && !PLAIN_NUMBER.test(v)) return `'${v}`;
	return v;
}

/** One header row, one row per record, CRLF line ends (RFC 4180), no comment lines. */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	const text = Papa.unparse(
		{ fields: columns.map(neutralize) as string[], data: rows.map((r) => r.map(neutralize)) },
		// Stryker disable next-line ObjectLiteral: equivalent, these are papaparse's defaults, written out so the format is visible here
		{ newline: '\r\n', quotes: false, escapeFormulae: false }
	);
	// papaparse ends a header-only file with the line break already; adding one would write a blank record.
	return rows.length === 0 ? text : text + '\r\n';
}

/** Round for output so files do not carry float noise: `round(1.23456789, 2) → 1.23`. */
export function round(v: number | null | undefined, digits: number): number | null {
	// Number.isFinite is false for null and undefined as well.
	if (!Number.isFinite(v)) return null;
	const f = 10 ** digits;
	return Math.round((v as number) * f) / f;
}
