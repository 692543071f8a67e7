/**
 * `npm run bench` (`tsx scripts/bench-all.ts [--json] [--rows N]`): both benchmarks, one
 * after the other, each in its own process (so one's memory does not weigh on the other's
 * timings):
 *   recompute  scripts/bench.ts: one dashboard recompute after a filter change
 *   upload     scripts/bench-upload.ts: the upload path against papaparse's bare parse
 * Plain, each prints its own tables. With --json, nothing but one JSON document
 * `{ node, cpus, recompute: {…}, upload: {…} }` (scripts/bench-json.ts). --rows N runs both at
 * N rows instead of their usual sizes (a quick check). A part that fails stops the run with
 * its exit status, and no JSON is printed.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { BENCH_PARTS, combineBenchJson, type BenchPart } from './bench-json';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const rowsAt = args.indexOf('--rows');
const passOn = rowsAt >= 0 ? ['--rows', args[rowsAt + 1] ?? ''] : [];

const outputs = {} as Record<BenchPart, string>;
for (const [name, script] of BENCH_PARTS) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, script), ...passOn, ...(JSON_OUT ? ['--json'] : [])], {
		cwd: root,
		stdio: ['ignore', JSON_OUT ? 'pipe' : 'inherit', 'inherit'],
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (r.status !== 0) {
		console.error(`bench: ${script} failed (${r.signal ?? `exit ${r.status}`})`);
		process.exit(r.status || 1);
	}
	if (JSON_OUT) outputs[name] = r.stdout;
}
if (JSON_OUT) console.log(JSON.stringify(combineBenchJson(outputs, { node: process.version, cpus: cpus().length }), null, 2));
