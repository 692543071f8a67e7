/**
 * Every way a parse can end (done, cancelled after the last chunk, out of memory, a quote
 * that never closes, any other failure), the size limit at its bound, which formats a parse
 * uses, when progress is posted, the sniff of a cut head, and a Blob read as the worker reads it.
 */
import { describe, expect, it } from 'vitest';
import { blobSource, runParse, sniffSource, type ChunkSource, type ParseJob, type Progress, type WorkerResponse } from './parse-file';
import type { SalaryColumns } from './columns';
import { MAX_CARRY_CHARS } from './chunker';
import { MAX_FILE_BYTES } from './sniff';
import { bytesSource } from './testing/bytes-source';
import { utf8 } from './testing/load';

const sniffOf = async (src: ChunkSource) => {
	const s = await sniffSource(src);
	if (s.type !== 'sniffed') throw new Error(JSON.stringify(s));
	return s.sniff;
};
const done = (r: WorkerResponse) => {
	if (r.type !== 'done') throw new Error(JSON.stringify(r));
	return r;
};
/** A source of `size` bytes that must never be read. */
const unread = (size: number): ChunkSource => ({
	size,
	head: () => Promise.reject(new Error('read')),
	chunks: () => {
		throw new Error('read');
	}
});

describe('the size limit', () => {
	it('reads a file of exactly MAX_FILE_BYTES and refuses one byte more, saying how big it is', async () => {
		expect(await sniffSource(unread(1.5 * 1024 ** 3))).toEqual({
			type: 'error',
			code: 'too-big',
			message: 'This file is 1.5 GB; files over 1 GB are not read in the browser. Pre-count it (see README) or split it.'
		});
		const atLimit: ChunkSource = { ...bytesSource(utf8('title,salary_usd,year\n')), size: MAX_FILE_BYTES };
		expect((await sniffSource(atLimit)).type).toBe('sniffed');
	});
});

describe('sniffSource', () => {
	it('calls a file of blank lines empty', async () => {
		expect(await sniffSource(bytesSource(utf8(' \n\n')))).toEqual({ type: 'error', code: 'empty', message: 'The file is empty.' });
	});
	it('keeps the last preview row of a whole file and drops the cut one of a longer file', async () => {
		const small = await sniffOf(bytesSource(utf8('title,salary_usd,year\nA,1,2024\nB,2,2024')));
		expect(small.preview.map((r) => r[0])).toEqual(['A', 'B']);
		// Rows of 30,000 characters: the 64 KiB head ends inside the third.
		const row = (k: number) => `${String(k).repeat(30_000)},1,2024`;
		const long = utf8(['title,salary_usd,year', row(1), row(2), row(3), row(4)].join('\n'));
		const cut = await sniffOf(bytesSource(long));
		expect(cut.preview.map((r) => r[0]![0])).toEqual(['1', '2']);
	});
});

describe('runParse', () => {
	const text = 'title,salary_usd,year\n' + Array.from({ length: 2000 }, (_, i) => `AI Engineer,${100000 + i},2024`).join('\n') + '\n';
	const bytes = utf8(text);

	it('uses the job formats first, then the sniffed ones, then US style and ISO', async () => {
		const src = bytesSource(utf8('title,salary_usd,year\nA,"1.500",2024\n'));
		const sniff = await sniffOf(src);
		expect(sniff.numberFormat?.format).toEqual({ thousands: ',', decimal: '.' });
		const job = (extra: Partial<ParseJob>): ParseJob => ({ sniff, mapping: sniff.detection.mapping!, ...extra });
		const pay = async (j: ParseJob) => Array.from((done(await runParse(src, j, () => {})).columns as SalaryColumns).salaryUsd);
		expect(await pay(job({}))).toEqual([1.5]);
		expect(await pay(job({ numberFormat: { thousands: '.', decimal: ',' } }))).toEqual([1500]);
		expect(await pay(job({ sniff: { ...sniff, numberFormat: { format: { thousands: '.', decimal: ',' }, read: 1, total: 1 } } }))).toEqual([
			1500
		]);
		expect(await pay(job({ sniff: { ...sniff, numberFormat: null } }))).toEqual([1.5]);
	});

	it('uses the job date format before the sniffed one', async () => {
		const src = bytesSource(utf8('title,date\nA,01/02/2023\n'));
		const sniff = await sniffOf(src);
		const mapping = sniff.detection.mapping!;
		const posted = async (j: ParseJob) => {
			const r = await runParse(src, j, () => {});
			return r.type === 'done' ? Array.from((r.columns as { postedMs: Float64Array }).postedMs) : r;
		};
		expect(await posted({ sniff, mapping, dateFormat: { kind: 'pattern', pattern: 'DD/MM/YYYY' } })).toEqual([Date.UTC(2023, 1, 1)]);
		expect(
			await posted({
				sniff: { ...sniff, dateFormat: { format: { kind: 'pattern', pattern: 'MM/DD/YYYY' }, read: 1, total: 1, monthOnly: false } },
				mapping
			})
		).toEqual([Date.UTC(2023, 0, 2)]);
	});

	it('posts progress whenever progressEveryMs has passed (the bound included), and once at the end', async () => {
		const src = bytesSource(bytes, 10_000);
		const sniff = await sniffOf(src);
		const chunks = Math.ceil(bytes.length / 10_000);
		let t = 0;
		const progress: Progress[] = [];
		// The clock moves 100 ms per call: one call before the loop, one per chunk, one at the end.
		const r = done(
			await runParse(src, { sniff, mapping: sniff.detection.mapping! }, (p) => progress.push(p), {
				now: () => (t += 100),
				progressEveryMs: 100
			})
		);
		expect(progress).toHaveLength(chunks + 1);
		expect(progress.map((p) => p.bytesRead)).toEqual([
			...Array.from({ length: chunks }, (_, i) => Math.min(bytes.length, 10_000 * (i + 1))),
			bytes.length
		]);
		expect(progress.every((p) => p.totalBytes === bytes.length)).toBe(true);
		expect(progress[chunks]!.rowsRead).toBe(2000);
		expect(r.elapsedMs).toBe(100 * (chunks + 1));
		expect(progress[chunks]!.rowsPerSecond).toBe(Math.round((2000 * 1000) / r.elapsedMs));
		expect(progress[0]!.rowsPerSecond).toBe(Math.round((progress[0]!.rowsRead * 1000) / 100));
	});

	it('posts every 100 ms by default', async () => {
		const src = bytesSource(bytes, 10_000);
		const sniff = await sniffOf(src);
		let t = 0;
		const progress: Progress[] = [];
		await runParse(src, { sniff, mapping: sniff.detection.mapping! }, (p) => progress.push(p), { now: () => (t += 50) });
		// 50 ms per chunk: a post every second chunk, and the last.
		const chunks = Math.ceil(bytes.length / 10_000);
		expect(progress).toHaveLength(Math.floor(chunks / 2) + 1);
	});

	it('times the parse with the performance clock unless given one', async () => {
		const src = bytesSource(bytes);
		const sniff = await sniffOf(src);
		const r = done(await runParse(src, { sniff, mapping: sniff.detection.mapping! }, () => {}));
		expect(Number.isFinite(r.elapsedMs) && r.elapsedMs >= 0).toBe(true);
		expect(Number.isInteger(r.rowsPerSecond) && r.rowsPerSecond >= 0).toBe(true);
	});

	it('gives 0 rows/s when no time has passed', async () => {
		const src = bytesSource(bytes);
		const sniff = await sniffOf(src);
		const progress: Progress[] = [];
		const r = done(await runParse(src, { sniff, mapping: sniff.detection.mapping! }, (p) => progress.push(p), { now: () => 5 }));
		expect([r.rowsPerSecond, r.elapsedMs, r.bytesRead]).toEqual([0, 0, bytes.length]);
		expect(progress).toEqual([{ type: 'progress', bytesRead: bytes.length, totalBytes: bytes.length, rowsRead: 2000, rowsPerSecond: 0 }]);
	});

	it('is cancelled by an abort during the last chunk', async () => {
		const src = bytesSource(bytes, 10_000);
		const sniff = await sniffOf(src);
		const ctl = new AbortController();
		const last: ChunkSource = {
			...src,
			async *chunks() {
				yield* src.chunks();
				ctl.abort();
			}
		};
		expect(await runParse(last, { sniff, mapping: sniff.detection.mapping! }, () => {}, { signal: ctl.signal })).toEqual({
			type: 'error',
			code: 'cancelled',
			message: 'Loading was cancelled; nothing was kept.'
		});
	});

	it('says how many rows were read when memory ran out', async () => {
		const src = bytesSource(bytes);
		const sniff = await sniffOf(src);
		const failing: ChunkSource = {
			...src,
			async *chunks() {
				yield bytes;
				throw new RangeError('Invalid array length');
			}
		};
		expect(await runParse(failing, { sniff, mapping: sniff.detection.mapping! }, () => {})).toEqual({
			type: 'error',
			code: 'out-of-memory',
			message: 'This file is too big for this browser: it ran out of memory after 2,000 rows. Try a smaller file or a pre-counted one.'
		});
	});

	it('names any other failure', async () => {
		const src = bytesSource(bytes);
		const sniff = await sniffOf(src);
		const throwing = (e: unknown): ChunkSource => ({
			...src,
			// eslint-disable-next-line require-yield
			async *chunks() {
				throw e;
			}
		});
		const job = { sniff, mapping: sniff.detection.mapping! };
		expect(await runParse(throwing(new Error('disk gone')), job, () => {})).toEqual({
			type: 'error',
			code: 'failed',
			message: 'Reading the file failed: disk gone'
		});
		expect(await runParse(throwing('gone'), job, () => {})).toEqual({
			type: 'error',
			code: 'failed',
			message: 'Reading the file failed: gone'
		});
	});

	it('stops a quote that never closes with its own message', async () => {
		const open = utf8('title,salary_usd,year\n"' + 'x'.repeat(MAX_CARRY_CHARS + 10));
		const src = bytesSource(open, 1 << 22);
		const r = await runParse(
			src,
			{
				sniff: await sniffOf(src),
				mapping: { kind: 'salaries', layout: 'generic', fields: { title: 0, salaryUsd: 1, year: 2 }, payPeriod: 'year' }
			},
			() => {}
		);
		expect(r).toEqual({
			type: 'error',
			code: 'bad-shape',
			message:
				'A quoted value in the row that starts on line 2 runs on for more than 16,777,216 characters: the file probably has a quote (") that never closes.'
		});
	});

	it('a line longer than the limit with no quote is named as such, with its line number (after quoted line breaks)', async () => {
		expect.hasAssertions();
		// Line 1 header, line 2 a row whose quoted title holds a line break (lines 2–3), line 4 a row, line 5 runs on.
		const text = 'title,salary_usd,year\n"AI\nEngineer",1,2024\nB,2,2024\n' + 'z'.repeat(5000);
		const mapping = { kind: 'salaries', layout: 'generic', fields: { title: 0, salaryUsd: 1, year: 2 }, payPeriod: 'year' } as const;
		for (const chunk of [7, 64, 1 << 16]) {
			const src = bytesSource(utf8(text), chunk);
			const r = await runParse(src, { sniff: await sniffOf(src), mapping }, () => {}, { maxCarryChars: 1000 });
			expect(r, `chunks of ${chunk}`).toEqual({
				type: 'error',
				code: 'bad-shape',
				message:
					"Line 5 is longer than 1,000 characters, the most one line may hold: the file's rows are not separated by line breaks, or it is not a table of rows."
			});
		}
	});

	it('a value whose quote never closes is named as such, with the line its row starts on', async () => {
		expect.hasAssertions();
		const text = 'title,salary_usd,year\nA,1,2024\nB,2,2024\nC,"3\n' + 'q,1,2024\n'.repeat(400);
		const mapping = { kind: 'salaries', layout: 'generic', fields: { title: 0, salaryUsd: 1, year: 2 }, payPeriod: 'year' } as const;
		const src = bytesSource(utf8(text), 256);
		const r = await runParse(src, { sniff: await sniffOf(src), mapping }, () => {}, { maxCarryChars: 1000 });
		expect(r).toMatchObject({ type: 'error', code: 'bad-shape' });
		expect((r as { message: string }).message).toBe(
			'A quoted value in the row that starts on line 4 runs on for more than 1,000 characters: the file probably has a quote (") that never closes.'
		);
	});
});

describe('blobSource', () => {
	it('reads a Blob as the worker does: its head, then all of it', async () => {
		const blob = new Blob([bytes()]);
		const src = blobSource(blob);
		expect(src.size).toBe(blob.size);
		expect(new TextDecoder().decode(await src.head(5))).toBe('title');
		const r = done(await runParse(src, { sniff: await sniffOf(src), mapping: (await sniffOf(src)).detection.mapping! }, () => {}));
		expect(r.report).toMatchObject({ rowsRead: 2, accepted: 2 });
		expect(r.bytesRead).toBe(blob.size);
	});
	function bytes() {
		return utf8('title,salary_usd,year\nA,1,2024\nB,2,2024\n');
	}
});
