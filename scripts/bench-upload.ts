/**
 * `tsx scripts/bench-upload.ts [--json] [--rows N]` (part of `npm run bench`: scripts/bench-all.ts): the upload path
 * on 1,000,000 aijobs.net rows (the real rows cycled, ~56 MB of CSV), against papaparse's
 * own bare parse of the same text (`Papa.parse(text)`: arrays of strings, nothing else).
 *
 * - papaparse_ms: `Papa.parse(text)`.
 * - upload_ms: what the worker does — decode bytes in 64 KB chunks, parse them with
 *   papaparse's parser, validate and coerce every mapped cell, build typed columns.
 * - to_rows_ms + prepare_ms: columns → SalaryRow[] (emitted in salary order, which saves
 *   prepareRows its object sort) → `prepareRows` (the dashboard's index).
 * - ratio_upload = upload_ms / papaparse_ms; ratio_total = (upload + to_rows + prepare) / papaparse.
 *   Target: ratio_total ≤ 2.
 * Each step is timed 3 times after one warm-up; the median is printed.
 *
 * `--file PATH` instead streams one file from disk through the upload path once (as the
 * worker would: 64 KB chunks, never one string) and prints rows, rows/s and memory.
 */
import Papa from 'papaparse';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { SalaryColumns } from '../src/lib/data/upload/columns';
import { runParse, sniffSource, type ChunkSource } from '../src/lib/data/upload/parse-file';
import { bytesSource } from '../src/lib/data/upload/testing/bytes-source';
import { toSalaryRows } from '../src/lib/data/upload/salary-rows';
import { prepareRows } from '../src/lib/transform/stats/prepare';
import { csvLines, cycledCsv, realSalariesPath } from './upload-files';

const JSON_OUT = process.argv.includes('--json');
const fileAt = process.argv.indexOf('--file');
if (fileAt > 0) {
	await benchFile(process.argv[fileAt + 1]!);
	process.exit(0);
}
const at = process.argv.indexOf('--rows');
const ROWS = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
if (!Number.isInteger(ROWS) || ROWS < 1) {
	console.error(`--rows needs a whole number of rows, at least 1 (got ${JSON.stringify(process.argv[at + 1])})`);
	process.exit(1);
}
const RUNS = 3;

const { header, lines } = csvLines(readFileSync(realSalariesPath(), 'utf8'));
const text = cycledCsv(header, lines, ROWS);
const bytes = new TextEncoder().encode(text);

let sink = 0;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
	await fn();
	const out: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		await fn();
		out.push(performance.now() - t0);
	}
	return median(out);
}

const papaparse_ms = await time(() => {
	sink += Papa.parse<string[]>(text).data.length;
});

const src = bytesSource(bytes, 64 * 1024);
const sniffed = await sniffSource(src);
if (sniffed.type !== 'sniffed') throw new Error('sniff failed');
let columns: SalaryColumns | null = null;
const upload_ms = await time(async () => {
	const r = await runParse(src, { sniff: sniffed.sniff, mapping: sniffed.sniff.detection.mapping! }, () => {});
	if (r.type !== 'done') throw new Error(r.type === 'error' ? r.message : 'no result');
	columns = r.columns as SalaryColumns;
	sink += r.report.accepted;
});
const cols = columns as unknown as SalaryColumns;
let rows = toSalaryRows(cols, { sortBySalary: true }).rows;
const to_rows_ms = await time(() => {
	rows = toSalaryRows(cols, { sortBySalary: true }).rows;
});
const prepare_ms = await time(() => {
	sink += prepareRows(rows).duplicates;
});

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const result = {
	rows: ROWS,
	mb: r3(bytes.length / 1e6),
	papaparse_ms: r3(papaparse_ms),
	upload_ms: r3(upload_ms),
	to_rows_ms: r3(to_rows_ms),
	prepare_ms: r3(prepare_ms),
	upload_rows_per_s: Math.round((ROWS * 1000) / upload_ms),
	ratio_upload: r3(upload_ms / papaparse_ms),
	ratio_total: r3((upload_ms + to_rows_ms + prepare_ms) / papaparse_ms)
};

if (JSON_OUT) console.log(JSON.stringify(result));
else {
	console.log(
		`\nUpload path vs papaparse's bare parse, ${ROWS.toLocaleString('en-US')} salary rows (${result.mb} MB), median of ${RUNS} runs\n`
	);
	console.table([result]);
	console.log('Target: ratio_total ≤ 2 (parse + prepare within twice the bare parse).');
	if (sink === 42) console.log('');
}

/** A file on disk as a ChunkSource (64 KB reads). */
function fileSource(path: string): ChunkSource {
	return {
		size: statSync(path).size,
		async head(n) {
			const fh = await open(path);
			try {
				const buf = new Uint8Array(n);
				const { bytesRead } = await fh.read(buf, 0, n, 0);
				return buf.subarray(0, bytesRead);
			} finally {
				await fh.close();
			}
		},
		chunks() {
			return createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Uint8Array>;
		}
	};
}

async function benchFile(path: string): Promise<void> {
	const src = fileSource(path);
	const s = await sniffSource(src);
	if (s.type !== 'sniffed') throw new Error(s.type === 'error' ? s.message : 'sniff failed');
	const rss0 = process.memoryUsage().rss;
	let peakHeap = 0;
	const r = await runParse(src, { sniff: s.sniff, mapping: s.sniff.detection.mapping! }, () => {
		const m = process.memoryUsage();
		peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
	});
	if (r.type !== 'done') throw new Error(r.type === 'error' ? r.message : 'no result');
	const mb = (b: number) => Math.round(b / 1e5) / 10;
	const row = {
		file: path.split('/').pop(),
		layout: s.sniff.detection.layout,
		mb: mb(src.size),
		rows_read: r.report.rowsRead,
		accepted: r.report.accepted,
		seconds: Math.round(r.elapsedMs) / 1000,
		rows_per_s: r.rowsPerSecond,
		/** JS heap + ArrayBuffers (typed columns live outside the JS heap), at progress times. */
		peak_heap_buffers_mb: mb(peakHeap),
		rss_growth_mb: mb(process.memoryUsage().rss - rss0)
	};
	if (JSON_OUT) console.log(JSON.stringify(row));
	else console.table([row]);
}
