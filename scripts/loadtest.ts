/**
 * `npm run loadtest` (`tsx scripts/loadtest.ts [--json] [--seconds N] [--connections N]`):
 * a bounded load test of the built production server on loopback, with autocannon.
 *
 * Starts `node server/index.js` on 127.0.0.1 (a free port), then runs, one after another,
 * for N seconds each (default 5, after an untimed 2 s warm-up) with C connections
 * (default 10):
 *   static          /favicon.svg, a static file served by sirv (the yardstick)
 *   api-fixed       /api/summary.csv?by=company_size, the same query every time
 *   api-varied      /api/summary.csv over 240 different filter combinations, in turn
 *                   (after the warm-up most are served from the response caches)
 *   api-uncached    /api/summary.csv with a query never asked before on every request
 *                   (the cost of computing a summary: nothing is cached)
 *   page-overview   /  (server-rendered HTML; after the warm-up, from the page cache)
 *   page-pay        /pay
 *   page-pay-br     /pay asking for brotli or gzip, as a browser does (compressed per request)
 *   page-data       /pay/__data.json, the data of a client-side navigation to /pay
 *   page-uncached   /pay with a query never asked before on every request (loading and
 *                   rendering the page: nothing cached)
 * and prints requests/s, p50 and p99 latency, each scenario's ratio to the static file's
 * requests/s, non-2xx responses, and the server's resident memory (RSS, from /proc):
 *   start peak   the most it held before the runs (loading and parsing the data), VmHWM
 *   before       idle, 3 s after it listens
 *   peak         the most it held during the runs: the kernel's high-water mark (VmHWM),
 *                reset after the idle reading (`5` into /proc/<pid>/clear_refs), so a spike
 *                between two samples is not missed; where the reset is not allowed, the
 *                largest of samples taken every 20 ms (the report says which); with the
 *                reset, each scenario's own peak too
 *   after        3 s after the last run.
 * No request but page-pay-br's asks for compression (autocannon sends no Accept-Encoding).
 *
 * The load generator shares the machine's cores with the server, so the figures are a
 * comparison between scenarios on one machine, not a capacity. A benchmark, never a test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import autocannon from 'autocannon';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const arg = (name: string, fallback: number) => {
	const i = args.indexOf(name);
	const v = i >= 0 ? Number(args[i + 1]) : fallback;
	if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} needs a positive number`);
	return v;
};
// Bounded: at most 60 s a scenario and 50 connections, whatever is asked.
const SECONDS = Math.min(arg('--seconds', 5), 60);
const CONNECTIONS = Math.min(arg('--connections', 10), 50);
const HOST = '127.0.0.1';
const WARMUP_SECONDS = 2;

const log = (s: string) => {
	if (!JSON_OUT) console.log(s);
};

/** 240 valid filter combinations: 8 groupings × 30 filter sets. */
function variedQueries(): string[] {
	const by = ['none', 'company_size', 'region', 'country', 'experience_level', 'employment_type', 'remote_ratio', 'work_year'];
	const filters = [
		'',
		'size=S',
		'size=M',
		'size=L',
		'size=S,M',
		'exp=SE',
		'exp=MI',
		'exp=EN,MI',
		'exp=SE,EX',
		'region=europe',
		'region=north-america',
		'country=US',
		'country=GB,DE',
		'remote=0',
		'remote=100',
		'type=FT',
		'from=2023',
		'from=2022&to=2024',
		'to=2023',
		'titles=strict',
		'dedupe=1',
		'real=1',
		'real=1&dedupe=1',
		'size=L&exp=SE',
		'size=M&region=europe',
		'country=US&exp=SE&real=1',
		'titles=strict&size=L',
		'remote=0,100&exp=MI,SE',
		'from=2024&size=M,L',
		'region=asia&dedupe=1'
	];
	return by.flatMap((b) => filters.map((f) => `/api/summary.csv?by=${b}${f ? `&${f}` : ''}`));
}

/** A query never asked before on each call: a grouping, then a salary-free filter mix picked by a counter. */
function uncachedPaths(path = '/api/summary.csv', withBy = true): () => string {
	const by = ['none', 'company_size', 'region', 'experience_level', 'remote_ratio', 'work_year'];
	const subsets = <T>(xs: readonly T[]) => Array.from({ length: 2 ** xs.length - 1 }, (_, m) => xs.filter((_, i) => (m + 1) & (1 << i)));
	const sizes = subsets(['S', 'M', 'L']);
	const exps = subsets(['EN', 'MI', 'SE', 'EX']);
	const types = subsets(['FT', 'PT', 'CT', 'FL']);
	const remotes = subsets([0, 50, 100]);
	let i = 0;
	return () => {
		let k = i++;
		const pick = <T>(xs: readonly T[]) => {
			const x = xs[k % xs.length]!;
			k = Math.floor(k / xs.length);
			return x;
		};
		// Mixed-radix digits of the counter: every call is a different canonical query.
		const q = `${withBy ? `by=${pick(by)}&` : ''}size=${pick(sizes).join(',')}&exp=${pick(exps).join(',')}&type=${pick(types).join(',')}&remote=${pick(remotes).join(',')}`;
		return `${path}?${q}${pick(['', '&real=1'])}${pick(['', '&dedupe=1'])}`;
	};
}

/** A memory field of /proc/<pid>/status in MB: VmRSS (resident now) or VmHWM (the most resident since start or the last reset). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
	return Math.round(kb / 1024);
}
const rssMb = (pid: number) => statusMb(pid, 'VmRSS');

/** Reset the process's RSS high-water mark to its current RSS; false where the kernel does not let us. */
function resetPeak(pid: number): boolean {
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

interface Row {
	readonly name: string;
	readonly path: string;
	readonly reqPerSec: number;
	readonly p50Ms: number;
	readonly p99Ms: number;
	readonly requests: number;
	readonly non2xx: number;
	readonly errors: number;
	ratioToStatic?: number;
	/** The server's peak RSS during this scenario (warm-up included), when VmHWM can be reset. */
	rssPeakMb?: number;
}

async function run(base: string, name: string, path: string, next?: () => string, headers?: Record<string, string>): Promise<Row> {
	const options = {
		url: `${base}${path}`,
		connections: CONNECTIONS,
		headers,
		// Each request's path from `next` when the scenario varies it.
		requests: next ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: next() }) }] : undefined
	};
	// An untimed warm-up first, so the JIT has compiled the path being measured.
	await autocannon({ ...options, duration: WARMUP_SECONDS });
	const result = await autocannon({ ...options, duration: SECONDS });
	return {
		name,
		path: `${path}${next ? ' (varied)' : ''}${headers ? ` (${Object.values(headers).join('; ')})` : ''}`,
		reqPerSec: Math.round(result.requests.average),
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		requests: result.requests.total,
		non2xx: result.non2xx,
		errors: result.errors
	};
}

async function main() {
	if (!existsSync(resolve(root, 'build/handler.js'))) {
		log('loadtest: no build; running npm run build…');
		const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
		if (b.status !== 0) process.exit(b.status ?? 1);
	}
	const server = spawn(process.execPath, [resolve(root, 'server/index.js')], {
		cwd: root,
		env: { ...process.env, HOST, PORT: '0', DATA_CACHE_DIR: process.env.DATA_CACHE_DIR ?? resolve(root, '.data-cache') },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const stop = () => server.exitCode === null && server.signalCode === null && server.kill('SIGTERM');
	process.on('exit', stop);
	const base = await new Promise<string>((res, rej) => {
		let out = '';
		server.stdout!.on('data', (b) => {
			out += b;
			const m = /Listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
			if (m) res(`http://${HOST}:${m[1]}`);
		});
		server.on('exit', (code) => rej(new Error(`server exited (${code}) before listening`)));
	});
	const pid = server.pid!;
	// Idle, 3 s after it listens (the data is loaded before it listens).
	await new Promise((r) => setTimeout(r, 3_000));
	const rssStartPeak = statusMb(pid, 'VmHWM');
	const rssBefore = rssMb(pid);
	const peakMethod = resetPeak(pid) ? 'VmHWM' : 'sampled every 20 ms';
	let rssSampled = rssBefore;
	const sampler = peakMethod === 'VmHWM' ? undefined : setInterval(() => (rssSampled = Math.max(rssSampled, rssMb(pid))), 20);

	const varied = variedQueries();
	let v = 0;
	const scenarios: [string, string, (() => string)?, Record<string, string>?][] = [
		['static', '/favicon.svg'],
		['api-fixed', '/api/summary.csv?by=company_size'],
		['api-varied', '/api/summary.csv', () => varied[v++ % varied.length]!],
		['api-uncached', '/api/summary.csv', uncachedPaths()],
		['page-overview', '/'],
		['page-pay', '/pay'],
		['page-pay-br', '/pay', undefined, { 'accept-encoding': 'br, gzip' }],
		['page-data', '/pay/__data.json'],
		['page-uncached', '/pay', uncachedPaths('/pay', false)]
	];
	log(`loadtest: ${base}, ${SECONDS} s per scenario, ${CONNECTIONS} connections, ${cpus().length} CPUs, node ${process.version}`);
	const rows: Row[] = [];
	let rssPeak = rssBefore;
	for (const [name, path, next, headers] of scenarios) {
		const row = await run(base, name, path, next, headers);
		if (peakMethod === 'VmHWM') {
			// Each scenario's own peak, then the high-water mark starts again from the current RSS.
			row.rssPeakMb = statusMb(pid, 'VmHWM');
			rssPeak = Math.max(rssPeak, row.rssPeakMb);
			resetPeak(pid);
		}
		rows.push(row);
		log(`  ${name}: ${row.reqPerSec} req/s`);
	}
	clearInterval(sampler);
	if (peakMethod !== 'VmHWM') rssPeak = rssSampled;
	await new Promise((r) => setTimeout(r, 3_000));
	const rssAfter = rssMb(pid);
	stop();

	const staticRate = rows[0]!.reqPerSec;
	for (const r of rows) r.ratioToStatic = Math.round((r.reqPerSec / staticRate) * 100) / 100;
	const report = {
		seconds: SECONDS,
		connections: CONNECTIONS,
		cpus: cpus().length,
		node: process.version,
		rows,
		rssMb: { startPeak: rssStartPeak, before: rssBefore, peak: rssPeak, after: rssAfter, peakMethod }
	};
	if (JSON_OUT) {
		console.log(JSON.stringify(report, null, 2));
		return;
	}
	const pad = (s: string | number, n: number) => String(s).padStart(n);
	console.log(
		`\n${'scenario'.padEnd(14)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('× static', 10)}${pad('non-2xx', 9)}${pad('errors', 8)}${pad('peak RSS MB', 13)}`
	);
	for (const r of rows)
		console.log(
			`${r.name.padEnd(14)}${pad(r.reqPerSec, 8)}${pad(r.p50Ms, 8)}${pad(r.p99Ms, 8)}${pad(r.ratioToStatic!.toFixed(2), 10)}${pad(r.non2xx, 9)}${pad(r.errors, 8)}${pad(r.rssPeakMb ?? '–', 13)}`
		);
	console.log(
		`\nserver RSS: ${rssStartPeak} MB peak while starting, ${rssBefore} MB idle before, ${rssPeak} MB peak during the runs (${peakMethod}), ${rssAfter} MB 3 s after`
	);
}

await main();
