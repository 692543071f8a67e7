/**
 * The first look at a file, before any row is processed: is it text at all, does it start
 * with a UTF-8 byte-order mark, which delimiter and line break does it use, what is the
 * header, which layout is it, and which value formats does a sample suggest.
 */
import Papa from 'papaparse';
import { detectLayout, mappingKey, type Detection } from './fields';
import { detectDateFormat, detectNumberFormat, type DateFormat, type NumberFormat } from './values';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type Newline = '\n' | '\r\n' | '\r';

/** Files above this size are refused before reading (1 GiB). */
export const MAX_FILE_BYTES = 1024 ** 3;

const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
	{ bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
	{ bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
	{ bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
	{ bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
	{ bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an .xlsx workbook is one: save it as CSV first)' },
	{ bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel/Office file (save it as CSV first)' },
	{ bytes: [0x1f, 0x8b], what: 'a gzip archive (unpack it first)' }
];

export type ByteOrder = 'little-endian' | 'big-endian';

/**
 * The byte order of UTF-16 text without a byte-order mark, told by where its zero bytes fall:
 * Latin text in UTF-16 has a zero high byte in (nearly) every 2-byte unit, after the letter
 * (little-endian, `a\0b\0`) or before it (big-endian), and never a zero low byte. Needs 4 units;
 * null when the first 4 KiB do not look like that.
 */
export function utf16Order(head: Uint8Array): ByteOrder | null {
	const units = Math.floor(Math.min(head.length, 4096) / 2);
	if (units < 4) return null;
	let zeroEven = 0;
	let zeroOdd = 0;
	for (let i = 0; i < units; i++) {
		if (head[2 * i] === 0) zeroEven++;
		if (head[2 * i + 1] === 0) zeroOdd++;
	}
	// At least 60 % of units with a zero high byte (other scripts have fewer), no zero low byte in 20.
	if (zeroOdd >= 0.6 * units && zeroEven <= 0.05 * units) return 'little-endian';
	if (zeroEven >= 0.6 * units && zeroOdd <= 0.05 * units) return 'big-endian';
	return null;
}

const utf16Error = (order: ByteOrder, bom: boolean) => ({
	error: `This file is UTF-16 text (${order}${bom ? '' : ', without a byte-order mark'}); save it as UTF-8 CSV (in Excel: "CSV UTF-8"; in a text editor: encoding UTF-8) and load it again.`
});

/**
 * Check the first bytes of a file. `{ bom }` when it looks like text; `{ error }` naming
 * what it is otherwise (an image, a workbook, UTF-16 with its byte order, binary data).
 */
export function sniffBytes(head: Uint8Array): { bom: boolean } | { error: string } {
	if (head.length === 0) return { error: 'The file is empty.' };
	for (const s of SIGNATURES)
		if (s.bytes.every((b, i) => head[i] === b)) return { error: `This is not a CSV file: it looks like ${s.what}.` };
	if (head[0] === 0xff && head[1] === 0xfe) return utf16Error('little-endian', true);
	if (head[0] === 0xfe && head[1] === 0xff) return utf16Error('big-endian', true);
	const order = utf16Order(head);
	if (order) return utf16Error(order, false);
	const n = Math.min(head.length, 4096);
	for (let i = 0; i < n; i++) if (head[i] === 0) return { error: 'This is not a CSV file: it contains binary data.' };
	return { bom: head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf };
}

/** Line break of the first line (outside quotes is assumed: headers rarely hold newlines). */
export function detectNewline(text: string): Newline {
	const i = text.indexOf('\n');
	if (i < 0) return text.includes('\r') ? '\r' : '\n';
	return text[i - 1] === '\r' ? '\r\n' : '\n'; // text[-1] is undefined
}

/**
 * The delimiter that splits the first lines most consistently: each candidate scores the
 * number of fields it gives the header if every one of the next lines agrees; `,` wins ties.
 */
export function detectDelimiter(text: string, newline: Newline = detectNewline(text)): Delimiter {
	const lines = text.split(newline).slice(0, 6);
	if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
	let best: Delimiter = ',';
	let bestScore = 0;
	for (const d of DELIMITERS) {
		const counts = lines.map((l) => Papa.parse<string[]>(l, { delimiter: d }).data[0]?.length ?? 0);
		const head = counts[0] ?? 0;
		// A line cut mid-quote (the sample's last) may disagree; judge on complete lines.
		const agree = counts.slice(1, -1).every((c) => c === head);
		const score = head > 1 && agree ? head : 0;
		if (score > bestScore) {
			best = d;
			bestScore = score;
		}
	}
	if (bestScore > 0) return best;
	// No candidate agrees over the first lines (a quoted cell may span them): judge on the header alone.
	let most = 1;
	for (const d of DELIMITERS) {
		const k = Papa.parse<string[]>(lines[0]!, { delimiter: d }).data[0]?.length ?? 0;
		if (k > most) {
			best = d;
			most = k;
		}
	}
	return best;
}

export interface Sniff {
	readonly delimiter: Delimiter;
	readonly newline: Newline;
	readonly header: readonly string[];
	/** First data records (up to 20), for the mapping preview. */
	readonly preview: readonly (readonly string[])[];
	readonly detection: Detection;
	readonly mappingKey: string;
	/** Detected on the preview column of the mapped pay field (null without one). */
	readonly numberFormat: { format: NumberFormat; read: number; total: number } | null;
	readonly dateFormat: { format: DateFormat; read: number; total: number; monthOnly: boolean } | null;
}

/**
 * Sniff the decoded start of a file (BOM already removed). `complete: false` says the text
 * is only the file's start, so its last record may be cut and is left out of the preview.
 * `{ error }` for an empty file. A header-only file sniffs fine (the report says 0 rows).
 */
export function sniffText(text: string, opts: { complete?: boolean; previewRows?: number } = {}): Sniff | { error: string } {
	const previewRows = opts.previewRows ?? 20;
	if (text.trim() === '') return { error: 'The file is empty.' };
	const newline = detectNewline(text);
	const delimiter = detectDelimiter(text, newline);
	const records = Papa.parse<string[]>(text, { delimiter, newline, preview: previewRows + 2, skipEmptyLines: 'greedy' }).data;
	const header = (records[0] ?? []).map((h) => h.trim());
	// 'greedy' skips lines of blank cells, so a header is missing only when every line is blank.
	if (header.length === 0) return { error: 'The first line (the header) is empty.' };
	// The last record may be cut by the sample's end; drop it unless the sample is the whole file.
	const whole = opts.complete ?? true;
	// Papa stops at previewRows + 2 records: with that many, -1 leaves exactly previewRows.
	const preview = records.slice(1, whole ? previewRows + 1 : -1);
	const detection = detectLayout(header);
	const col = (f: 'salaryUsd' | 'postedDate') => {
		const i = detection.mapping?.fields[f];
		return i === undefined ? null : preview.map((r) => r[i] ?? '');
	};
	const pay = col('salaryUsd');
	const dates = col('postedDate');
	return {
		delimiter,
		newline,
		header,
		preview,
		detection,
		mappingKey: mappingKey(header),
		numberFormat: pay ? detectNumberFormat(pay) : null,
		dateFormat: dates ? detectDateFormat(dates) : null
	};
}
