/**
 * The body of the upload worker as plain functions over a chunk source, so it runs (and is
 * tested) without a browser: `worker.ts` only wires these to `postMessage`.
 *
 * Protocol (main → worker): `sniff` a file, then `parse` it with a confirmed mapping;
 * `cancel` stops a parse. Worker → main: `sniffed`, then `progress`… and one of `done`
 * (columns as transferables) or `error` (a code and a sentence for the page).
 */
import { transferablesOf } from './columns';
import { CsvChunker, CsvShapeError, shapeMessage } from './chunker';
import type { RateLookup } from './exchange';
import { needsConversion, validateMapping, type ColumnMapping } from './fields';
import { createRowProcessor, type ProcessResult } from './processor';
import { MAX_FILE_BYTES, sniffBytes, sniffText, type Sniff } from './sniff';
import { DEFAULT_NUMBER_FORMAT, type DateFormat, type NumberFormat } from './values';

/** Where bytes come from: a `File` in the browser, a Buffer cut in pieces in tests. */
export interface ChunkSource {
	readonly size: number;
	/** The first `n` bytes (or fewer, for a short file). */
	head(n: number): Promise<Uint8Array>;
	/** The whole file, in order, in pieces of any size. */
	chunks(): AsyncIterable<Uint8Array>;
}

export type ErrorCode =
	'too-big' | 'not-csv' | 'empty' | 'bad-mapping' | 'bad-shape' | 'no-rates' | 'out-of-memory' | 'cancelled' | 'failed';

export type WorkerRequest =
	| { readonly type: 'sniff'; readonly file: Blob }
	| {
			readonly type: 'parse';
			readonly file: Blob;
			/** The `sniffed` answer for this file (delimiter, header), as the page confirmed it. */
			readonly sniff: Sniff;
			readonly mapping: ColumnMapping;
			readonly numberFormat?: NumberFormat;
			readonly dateFormat?: DateFormat;
	  }
	| { readonly type: 'cancel' };

export interface Progress {
	readonly type: 'progress';
	readonly bytesRead: number;
	readonly totalBytes: number;
	readonly rowsRead: number;
	readonly rowsPerSecond: number;
}

export type WorkerResponse =
	| { readonly type: 'sniffed'; readonly sniff: Sniff; readonly bom: boolean; readonly totalBytes: number }
	| Progress
	| ({ readonly type: 'done'; readonly bytesRead: number; readonly elapsedMs: number; readonly rowsPerSecond: number } & ProcessResult)
	| { readonly type: 'error'; readonly code: ErrorCode; readonly message: string };

/** Bytes read for sniffing: enough for a header and a preview of rows. */
export const SNIFF_BYTES = 64 * 1024;

const GIB = (b: number) => (b / 1024 ** 3).toFixed(1);

function tooBig(size: number): WorkerResponse | null {
	return size > MAX_FILE_BYTES
		? {
				type: 'error',
				code: 'too-big',
				message: `This file is ${GIB(size)} GB; files over 1 GB are not read in the browser. Pre-count it (see README) or split it.`
			}
		: null;
}

/** First look at a file: refuse what is not CSV text, then sniff its start. */
export async function sniffSource(source: ChunkSource): Promise<WorkerResponse> {
	const big = tooBig(source.size);
	if (big) return big;
	const head = await source.head(SNIFF_BYTES);
	const bytes = sniffBytes(head);
	if ('error' in bytes) return { type: 'error', code: head.length === 0 ? 'empty' : 'not-csv', message: bytes.error };
	// Decoding a cut head may leave half a character at the end; it only affects the cut last line.
	const text = new TextDecoder('utf-8').decode(head);
	const sniff = sniffText(text, { complete: head.length >= source.size });
	if ('error' in sniff) return { type: 'error', code: 'empty', message: sniff.error };
	return { type: 'sniffed', sniff, bom: bytes.bom, totalBytes: source.size };
}

export interface ParseJob {
	readonly sniff: Sniff;
	readonly mapping: ColumnMapping;
	readonly numberFormat?: NumberFormat;
	readonly dateFormat?: DateFormat;
}

export interface RunOptions {
	readonly signal?: AbortSignal;
	/** Clock in ms (performance.now in the worker); injected so tests are deterministic. */
	readonly now?: () => number;
	/** Least time between two progress messages. */
	readonly progressEveryMs?: number;
	/** The longest unfinished row carried between chunks (MAX_CARRY_CHARS); smaller in tests. */
	readonly maxCarryChars?: number;
	/**
	 * The exchange rates, asked for only when the mapping's pay is in local currency without a
	 * US$ column (`needsConversion`). It may fetch them; nothing of the file goes with the request.
	 */
	readonly rates?: () => Promise<RateLookup>;
}

/**
 * Stream the whole file through the chunker and the row processor. Posts progress at most
 * every `progressEveryMs` and once at the end; returns the final message (done or error).
 * A RangeError (what V8 throws when an array or string cannot grow) becomes `out-of-memory`.
 */
export async function runParse(
	source: ChunkSource,
	job: ParseJob,
	post: (m: Progress) => void,
	opts: RunOptions = {}
): Promise<WorkerResponse> {
	const now = opts.now ?? (() => performance.now());
	const every = opts.progressEveryMs ?? 100;
	const big = tooBig(source.size);
	if (big) return big;
	const problems = validateMapping(job.mapping, job.sniff.header.length);
	if (problems.length) return { type: 'error', code: 'bad-mapping', message: problems.join('; ') };
	let rates: RateLookup | undefined;
	if (needsConversion(job.mapping)) {
		try {
			if (!opts.rates) throw new Error('no source of exchange rates');
			rates = await opts.rates();
		} catch (e) {
			return { type: 'error', code: 'no-rates', message: noRatesMessage(job.mapping, e) };
		}
		if (opts.signal?.aborted) return cancelled();
	}
	const t0 = now();
	let lastPost = t0;
	let bytesRead = 0;
	const processor = createRowProcessor({
		mapping: job.mapping,
		header: job.sniff.header,
		numberFormat: job.numberFormat ?? job.sniff.numberFormat?.format ?? DEFAULT_NUMBER_FORMAT,
		dateFormat: job.dateFormat ?? job.sniff.dateFormat?.format,
		rates
	});
	const rate = (t: number) => (t > t0 ? Math.round((processor.rowsRead * 1000) / (t - t0)) : 0);
	const progress = (t: number): Progress => ({
		type: 'progress',
		bytesRead,
		totalBytes: source.size,
		rowsRead: processor.rowsRead,
		rowsPerSecond: rate(t)
	});
	try {
		// ignoreBOM false (the default): the decoder drops a leading UTF-8 BOM.
		const decoder = new TextDecoder('utf-8');
		const chunker = new CsvChunker(job.sniff.delimiter, job.sniff.newline, opts.maxCarryChars);
		for await (const bytes of source.chunks()) {
			if (opts.signal?.aborted) return cancelled();
			bytesRead += bytes.length;
			const { records, quoted } = chunker.push(decoder.decode(bytes, { stream: true }));
			processor.push(records, quoted);
			const t = now();
			if (t - lastPost >= every) {
				lastPost = t;
				post(progress(t));
			}
		}
		if (opts.signal?.aborted) return cancelled();
		const tail = chunker.push(decoder.decode());
		processor.push(tail.records, tail.quoted);
		const last = chunker.end();
		processor.push(last.records, last.quoted);
		const result = processor.finish();
		const t = now();
		post(progress(t));
		return { type: 'done', ...result, bytesRead, elapsedMs: t - t0, rowsPerSecond: rate(t) };
	} catch (e) {
		if (e instanceof RangeError)
			return {
				type: 'error',
				code: 'out-of-memory',
				message: `This file is too big for this browser: it ran out of memory after ${processor.rowsRead.toLocaleString('en-US')} rows. Try a smaller file or a pre-counted one.`
			};
		if (e instanceof CsvShapeError) {
			// The rows completed before the runaway one are counted, so its line is known.
			processor.push(e.records, e.quoted);
			return { type: 'error', code: 'bad-shape', message: shapeMessage(e.problem, processor.nextLine, e.limit) };
		}
		return { type: 'error', code: 'failed', message: `Reading the file failed: ${e instanceof Error ? e.message : String(e)}` };
	}
}

/** Why a file in local currency was not read: the tables could not be had. Names the file's currency when it is one for the whole file. */
export function noRatesMessage(mapping: ColumnMapping, e: unknown): string {
	const what = mapping.payCurrency ? `in ${mapping.payCurrency}` : 'in the currencies of its currency column';
	const why = e instanceof Error ? e.message : String(e);
	return `This file's pay is ${what}, not US dollars, and the exchange rates to convert it could not be loaded (${why}). Nothing was read or kept, and nothing of the file was sent anywhere. Try again later, or load a file with a pay-in-USD column.`;
}

function cancelled(): WorkerResponse {
	return { type: 'error', code: 'cancelled', message: 'Loading was cancelled; nothing was kept.' };
}

/** Buffers to transfer with a `done` message (none for the others). */
export function transferablesFor(m: WorkerResponse): ArrayBuffer[] {
	return m.type === 'done' ? transferablesOf(m.columns) : [];
}

/** A ChunkSource over a Blob/File: `slice` for the head, `stream()` for the body (never one big string). */
export function blobSource(file: Blob): ChunkSource {
	return {
		size: file.size,
		async head(n) {
			return new Uint8Array(await file.slice(0, n).arrayBuffer());
		},
		chunks() {
			return file.stream() as unknown as AsyncIterable<Uint8Array>;
		}
	};
}
