/**
 * A tiny schema runner: papaparse reads strings, each column's coercer turns one string
 * into a typed value or a reason. Rows with any bad cell are rejected whole and every
 * bad cell is reported, so accepted + rejected = rows read, always.
 */
import Papa from 'papaparse';
import type { ParseIssue, ParseResult } from './types';

/** A coercer returns the typed value, or `{ error }` naming why the raw string is not valid. */
export type Coercer<T> = (raw: string) => T | { error: string };

export type Schema<Raw> = { readonly [K in keyof Raw]: Coercer<Raw[K]> };

/** A row-level rejection from a schema's `build` step. */
export interface RowError {
	readonly error: string;
	readonly column: string;
	readonly value: string;
}

export function isError(v: unknown): v is { error: string } {
	return typeof v === 'object' && v !== null && 'error' in v;
}

const MAX_VALUE_CHARS = 200;
const clip = (s: string) => (s.length > MAX_VALUE_CHARS ? s.slice(0, MAX_VALUE_CHARS) + '…' : s);

/**
 * Parse CSV text against a schema keyed by header name. `build` turns the coerced cells
 * of a row into the output row (and may add a row-level issue by returning `{ error }`).
 */
export function parseWithSchema<Raw, Row>(
	text: string,
	schema: Schema<Raw>,
	// NoInfer: Row comes from the caller's declared result type, not from the union of returns.
	build: (cells: Raw, line: number) => NoInfer<Row> | RowError
): ParseResult<Row> {
	const columns = Object.keys(schema) as (keyof Raw & string)[];
	const issues: ParseIssue[] = [];
	const rows: Row[] = [];
	// Strip a UTF-8 byte-order mark; papaparse would keep it in the first header name.
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	// Collect records with the physical line each starts on (quoted cells may hold newlines).
	const data: string[][] = [];
	const startLine: number[] = [];
	let cursorSeen = 0;
	let line = 1;
	Papa.parse<string[]>(body, {
		header: false,
		skipEmptyLines: false,
		step: (res) => {
			startLine.push(line);
			data.push(res.data);
			const end = res.meta.cursor;
			for (let k = cursorSeen; k < end; k++) if (body.charCodeAt(k) === 10) line++;
			cursorSeen = end;
		}
	});
	// A trailing newline yields one empty record at the end; it is not a row.
	while (data.length > 0 && isBlank(data[data.length - 1]!)) data.pop();
	const header = (data[0] ?? []).map((h) => h.trim());
	const missing = columns.filter((c) => !header.includes(c));
	// An empty file has no header, so it lacks every column.
	if (missing.length > 0) {
		issues.push({
			line: 1,
			column: '*',
			value: clip(header.join(',')),
			reason: data.length === 0 ? 'empty file: no header row' : `header lacks required column(s): ${missing.join(', ')}`
		});
		// Without a usable header no row can be read; every data line is rejected.
		const rowsRead = Math.max(0, data.length - 1);
		for (let i = 1; i < data.length; i++)
			issues.push({ line: startLine[i]!, column: '*', value: '', reason: 'not read: the header is unusable' });
		return { rows, issues, rowsRead, rejected: rowsRead };
	}
	const pos = new Map(columns.map((c) => [c, header.indexOf(c)]));
	let rejected = 0;
	for (let i = 1; i < data.length; i++) {
		const record = data[i]!;
		const line = startLine[i]!;
		if (isBlank(record)) {
			issues.push({ line, column: '*', value: '', reason: 'blank line' });
			rejected++;
			continue;
		}
		if (record.length !== header.length) {
			issues.push({
				line,
				column: '*',
				value: clip(record.join(',')),
				reason: `expected ${header.length} fields, found ${record.length}`
			});
			rejected++;
			continue;
		}
		const cells = {} as Raw;
		let bad = false;
		for (const c of columns) {
			const raw = record[pos.get(c)!] ?? '';
			const v = schema[c](raw.trim());
			if (isError(v)) {
				issues.push({ line, column: c, value: clip(raw), reason: v.error });
				bad = true;
			} else cells[c] = v as Raw[typeof c];
		}
		if (bad) {
			rejected++;
			continue;
		}
		const row = build(cells, line);
		if (isError(row)) {
			const r = row as RowError;
			issues.push({ line, column: r.column, value: clip(r.value), reason: r.error });
			rejected++;
			continue;
		}
		rows.push(row as Row);
	}
	return { rows, issues, rowsRead: data.length - 1, rejected };
}

function isBlank(record: string[]): boolean {
	return record.length === 0 || (record.length === 1 && record[0]!.trim() === '');
}

// ---- reusable coercers -------------------------------------------------------------

export const oneOf =
	<T extends string | number>(allowed: readonly T[], label: string): Coercer<T> =>
	(raw) => {
		const hit = allowed.find((a) => String(a) === raw);
		return hit !== undefined ? hit : { error: `unknown ${label} "${raw}"; expected one of ${allowed.join(', ')}` };
	};

/** A finite decimal number written plainly (no thousands separators, no units). */
export const finiteNumber =
	(opts: { positive?: boolean; integer?: boolean; allowEmpty?: boolean } = {}): Coercer<number | null> =>
	(raw) => {
		if (raw === '') return opts.allowEmpty ? null : { error: 'empty' };
		if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) return { error: 'not a number' };
		const n = Number(raw);
		if (!Number.isFinite(n)) return { error: 'not a finite number' };
		if (opts.integer && !Number.isInteger(n)) return { error: 'not a whole number' };
		if (opts.positive && n <= 0) return { error: 'not positive' };
		return n;
	};

export const requiredText =
	(max = 200): Coercer<string> =>
	(raw) => {
		if (raw === '') return { error: 'empty' };
		if (raw.length > max) return { error: `longer than ${max} characters` };
		return raw;
	};

/** ISO 8601 calendar date YYYY-MM-DD that exists. */
export const isoDate: Coercer<string> = (raw) => {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
	if (!m) return { error: 'not a date in YYYY-MM-DD form' };
	const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
	// A day that does not exist rolls over into another month (day 0 or 30 February alike).
	if (d.getUTCMonth() !== +m[2]! - 1) return { error: 'no such calendar date' };
	return raw;
};
