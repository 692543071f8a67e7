/**
 * `npm start`: resolve the data (a no-op when cached), build when the build is missing or
 * older than any source file, then serve the dashboard with server/index.js on
 * http://localhost:3000 (PORT and HOST override, checked first: server/config.js). The exit status is the server's: non-zero when
 * it fails or dies by a signal (128 + the signal's number, as a shell reports it).
 */
import { spawnSync, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORT, listenAddress } from '../server/config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args: string[]): void {
	const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = 0;
	for (const e of readdirSync(path)) max = Math.max(max, newestMtime(join(path, e)));
	return max;
}

// A bad PORT or HOST is said now, not after a build of a minute (the server checks it too).
const address = listenAddress(process.env);
if (!address.ok) {
	console.error(`start: ${address.message}`);
	process.exit(1);
}

run(['run', '--silent', 'data']);

const stamp = join(root, 'build/index.js');
const sourcesTime = Math.max(
	...['src', 'static', 'data', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(root, p)))
);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sourcesTime) {
	console.log('start: building the app (sources changed since the last build)…');
	run(['run', '--silent', 'build']);
} else console.log('start: build is up to date.');

const port = process.env.PORT ?? String(DEFAULT_PORT);
console.log(`start: starting the server for http://localhost:${port}`);
const server = spawn(process.execPath, [join(root, 'server/index.js')], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, PORT: port, DATA_CACHE_DIR: process.env.DATA_CACHE_DIR ?? join(root, '.data-cache') }
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1)));
