/**
 * CSV records from text that arrives in pieces, with papaparse's own parser (`Papa.Parser`)
 * and the same carry-over of an unfinished last row that papaparse's streamers use. We feed
 * it ourselves so the bytes come from a `TextDecoder` in streaming mode: a UTF-8 character
 * split across two chunks is decoded whole, and progress counts real bytes.
 */
import Papa from 'papaparse';
import type { Delimiter, Newline } from './sniff';

/** An unfinished row longer than this means a quote that never closes; stop instead of growing. */
export const MAX_CARRY_CHARS = 16 * 1024 * 1024;

export class CsvChunker {
	private carry = '';
	private readonly parser: InstanceType<typeof Papa.Parser>;
	constructor(delimiter: Delimiter, newline: Newline) {
		this.parser = new Papa.Parser({ delimiter, newline });
	}
	/** Records completed by this piece of text (none for empty input: papaparse gives none). `quoted`: whether the text had a `"` (so cells may hold line breaks). */
	push(text: string): { records: string[][]; quoted: boolean } {
		const input = this.carry + text;
		const res = this.parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
		this.carry = input.slice(res.meta.cursor);
		if (this.carry.length > MAX_CARRY_CHARS)
			throw new CsvShapeError(
				'A quoted value runs on for more than 16 million characters: the file probably has a quote (") that never closes.'
			);
		return { records: res.data, quoted: input.includes('"') };
	}
	/** The last records, at the end of the input. */
	end(): { records: string[][]; quoted: boolean } {
		const input = this.carry;
		this.carry = '';
		const res = this.parser.parse(input, 0, false) as Papa.ParseResult<string[]>;
		return { records: res.data, quoted: input.includes('"') };
	}
}

export class CsvShapeError extends Error {}
