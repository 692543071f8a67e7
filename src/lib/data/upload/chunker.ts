/**
 * CSV records from text that arrives in pieces, with papaparse's own parser (`Papa.Parser`)
 * and the same carry-over of an unfinished last row that papaparse's streamers use. We feed
 * it ourselves so the bytes come from a `TextDecoder` in streaming mode: a UTF-8 character
 * split across two chunks is decoded whole, and progress counts real bytes.
 */
import Papa from 'papaparse';
import type { Delimiter, Newline } from './sniff';

/**
 * An unfinished row longer than this is refused instead of grown: either one line runs on
 * without a line break, or a quote opens a value that never closes (CsvShapeError says which).
 */
export const MAX_CARRY_CHARS = 16 * 1024 * 1024;

export type ShapeProblem = 'long-line' | 'open-quote';

export class CsvChunker {
	private carry = '';
	private readonly parser: InstanceType<typeof Papa.Parser>;
	/** A quote at the start of a value: papaparse reads on to its closing quote, across line breaks. */
	private readonly opensQuote: RegExp;
	constructor(
		delimiter: Delimiter,
		newline: Newline,
		private readonly maxCarry = MAX_CARRY_CHARS
	) {
		this.parser = new Papa.Parser({ delimiter, newline });
		this.opensQuote = new RegExp(`(?:^|[${delimiter}])"`);
	}
	/**
	 * Records completed by this piece of text (none for empty input: papaparse gives none). `quoted`: whether the
	 * text had a `"` (so cells may hold line breaks). Throws CsvShapeError, carrying the records completed before
	 * it, when the unfinished row grows past the limit.
	 */
	push(text: string): { records: string[][]; quoted: boolean } {
		const input = this.carry + text;
		const res = this.parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
		this.carry = input.slice(res.meta.cursor);
		const quoted = input.includes('"');
		if (this.carry.length > this.maxCarry)
			throw new CsvShapeError(this.opensQuote.test(this.carry) ? 'open-quote' : 'long-line', res.data, quoted, this.maxCarry);
		return { records: res.data, quoted };
	}
	/** The last records, at the end of the input. */
	end(): { records: string[][]; quoted: boolean } {
		const input = this.carry;
		this.carry = '';
		const res = this.parser.parse(input, 0, false) as Papa.ParseResult<string[]>;
		return { records: res.data, quoted: input.includes('"') };
	}
}

/** The words for a shape problem, with the physical line its row starts on (header = 1). */
export function shapeMessage(problem: ShapeProblem, line: number, limit = MAX_CARRY_CHARS): string {
	const chars = limit.toLocaleString('en-US');
	const at = line.toLocaleString('en-US');
	return problem === 'open-quote'
		? `A quoted value in the row that starts on line ${at} runs on for more than ${chars} characters: the file probably has a quote (") that never closes.`
		: `Line ${at} is longer than ${chars} characters, the most one line may hold: the file's rows are not separated by line breaks, or it is not a table of rows.`;
}

export class CsvShapeError extends Error {
	constructor(
		readonly problem: ShapeProblem,
		/** Records completed before the unfinished row, for the caller to count (so it can tell the row's line). */
		readonly records: string[][],
		readonly quoted: boolean,
		readonly limit: number
	) {
		super(problem === 'open-quote' ? 'A quoted value runs on past the limit.' : 'A line runs on past the limit.');
	}
}
