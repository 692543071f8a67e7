/**
 * Start the built production server (server/index.js, or adapter-node's `node build`) as a
 * child process against a data folder of the test's making, for the start-up, degradation,
 * exit-code and logging tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

export const CACHE = resolve('.data-cache');

export interface Started {
	readonly child: ChildProcess;
	/** http://127.0.0.1:<port>, or null when the process exited before listening. */
	readonly base: string | null;
	readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** Everything the process wrote so far (stdout + stderr). */
	output(): string;
}

/**
 * A copy of the data cache as symlinks to the real files (nothing large is copied), with
 * `change` applied: files to delete, or to replace by a real copy edited by a function.
 */
export function dataCopy(change: { remove?: string[]; edit?: Record<string, (text: string) => string> }): string {
	const dir = mkdtempSync(join(tmpdir(), 'aimlpay-data-'));
	const walk = (d: string): string[] =>
		readdirSync(d).flatMap((e) => (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : [relative(CACHE, join(d, e))]));
	for (const file of walk(CACHE)) {
		if (change.remove?.includes(file)) continue;
		const target = join(dir, file);
		mkdirSync(dirname(target), { recursive: true });
		const edit = change.edit?.[file];
		if (edit) writeFileSync(target, edit(readFileSync(join(CACHE, file), 'utf8')));
		else symlinkSync(join(CACHE, file), target);
	}
	return dir;
}

export function removeDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}

/**
 * Spawn `node server/index.js` (or another entry, e.g. adapter-node's own `build`);
 * resolves once it listens or exits (at most 60 s).
 */
export async function startServer(env: Record<string, string>, { entry = 'server/index.js' }: { entry?: string } = {}): Promise<Started> {
	const child = spawn(process.execPath, [entry], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (b) => (out += b));
	child.stderr!.on('data', (b) => (out += b));
	const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
		child.on('exit', (code, signal) => res({ code, signal }))
	);
	const base = await new Promise<string | null>((res, rej) => {
		const timer = setTimeout(() => rej(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
		const check = () => {
			const m = /Listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				res(`http://127.0.0.1:${m[1]}`);
			}
		};
		child.stdout!.on('data', check);
		void exit.then(() => {
			clearTimeout(timer);
			res(null);
		});
	});
	return { child, base, exit, output: () => out };
}

/** Stop a started server (SIGTERM) and wait for it. */
export async function stopServer(s: Started): Promise<void> {
	if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
	await s.exit;
}
