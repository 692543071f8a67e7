/**
 * `tsx scripts/upload-files.ts [--out DIR]`: writes large upload test files by cycling real
 * or fixture rows, into a git-ignored folder (default `.data-cache/upload-big/`). Never
 * commit these. Files:
 * - salaries-1m.csv: 1,000,000 aijobs.net rows (the real file's rows, cycled; ~56 MB).
 * - salaries-200mb.csv: the same rows cycled until the file passes 200 MB.
 * - postings-1m.csv: 1,000,000 data_jobs-layout rows (the fixture's rows, cycled, each
 *   cycle moved on by one day so the months spread).
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export function realSalariesPath(): string {
	const candidates = [
		resolve(process.env.DATA_CACHE_DIR ?? '.data-cache', 'aijobs-salaries/salaries.csv'),
		resolve('../shared/data/aijobs-salaries/salaries.csv')
	];
	const hit = candidates.find((p) => existsSync(p));
	if (!hit) throw new Error('real data absent (aijobs-salaries/salaries.csv): run npm run data');
	return hit;
}

/** Header line and data lines of a CSV file whose records are one line each. */
export function csvLines(text: string): { header: string; lines: string[] } {
	const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	while (all.length && all[all.length - 1] === '') all.pop();
	return { header: all[0]!, lines: all.slice(1) };
}

/** CSV text of `n` rows cycling `lines` (in memory; fine up to a few hundred MB). */
export function cycledCsv(header: string, lines: readonly string[], n: number): string {
	const out: string[] = new Array(n + 1);
	out[0] = header;
	for (let i = 0; i < n; i++) out[i + 1] = lines[i % lines.length]!;
	return out.join('\n') + '\n';
}

async function writeCycled(
	path: string,
	header: string,
	next: (i: number) => string,
	stop: (i: number, bytes: number) => boolean
): Promise<{ rows: number; bytes: number }> {
	const ws = createWriteStream(path);
	let bytes = 0;
	let i = 0;
	const write = (s: string) => (ws.write(s) ? Promise.resolve() : new Promise<void>((r) => ws.once('drain', () => r())));
	let batch: string[] = [header + '\n'];
	let batchBytes = Buffer.byteLength(batch[0]!);
	while (!stop(i, bytes + batchBytes)) {
		const line = next(i++) + '\n';
		batch.push(line);
		batchBytes += Buffer.byteLength(line);
		if (batch.length >= 10_000) {
			await write(batch.join(''));
			bytes += batchBytes;
			batch = [];
			batchBytes = 0;
		}
	}
	await write(batch.join(''));
	bytes += batchBytes;
	await new Promise<void>((r) => ws.end(() => r()));
	return { rows: i, bytes };
}

async function main() {
	const at = process.argv.indexOf('--out');
	const out = resolve(at > 0 ? process.argv[at + 1]! : '.data-cache/upload-big');
	mkdirSync(out, { recursive: true });
	const sal = csvLines(readFileSync(realSalariesPath(), 'utf8'));
	const files: [string, { rows: number; bytes: number }][] = [];
	files.push([
		'salaries-1m.csv',
		await writeCycled(
			join(out, 'salaries-1m.csv'),
			sal.header,
			(i) => sal.lines[i % sal.lines.length]!,
			(i) => i >= 1_000_000
		)
	]);
	files.push([
		'salaries-200mb.csv',
		await writeCycled(
			join(out, 'salaries-200mb.csv'),
			sal.header,
			(i) => sal.lines[i % sal.lines.length]!,
			(_, b) => b >= 200 * 1024 * 1024
		)
	]);
	// Postings: the fixture's records (parsed, since titles hold commas), dates moved a day per cycle.
	const fx = Papa.parse<string[]>(readFileSync(resolve('tests/fixtures/upload/data-jobs-postings.csv'), 'utf8'), {
		skipEmptyLines: true
	}).data;
	const head = fx[0]!;
	const recs = fx.slice(1);
	const dateCol = head.indexOf('job_posted_date');
	const day = 86_400_000;
	files.push([
		'postings-1m.csv',
		await writeCycled(
			join(out, 'postings-1m.csv'),
			Papa.unparse([head]),
			(i) => {
				const r = recs[i % recs.length]!.slice();
				const t = Date.parse(r[dateCol]!.replace(' ', 'T') + 'Z') + (Math.floor(i / recs.length) % 365) * day;
				r[dateCol] = new Date(t).toISOString().slice(0, 19).replace('T', ' ');
				return Papa.unparse([r]);
			},
			(i) => i >= 1_000_000
		)
	]);
	for (const [name, f] of files)
		console.log(`${join(out, name)}: ${f.rows.toLocaleString('en-US')} rows, ${(f.bytes / 1e6).toFixed(1)} MB`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
