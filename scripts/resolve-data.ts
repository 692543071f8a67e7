/**
 * `npm run data`: put every pinned source of data/sources.json into .data-cache/,
 * from a mirror folder (DATA_MIRROR, else ../shared/data when it exists) or by HTTPS
 * download of the pinned URL, checking the sha256 every way. Idempotent.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Source {
	id: string;
	localName: string;
	url: string;
	sha256: string;
	bytes: number;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// DATA_MANIFEST lets the tests point at a manifest of their own.
const manifest = JSON.parse(readFileSync(resolve(process.env.DATA_MANIFEST ?? join(root, 'data/sources.json')), 'utf8')) as {
	files: Source[];
};
const cacheDir = resolve(process.env.DATA_CACHE_DIR ?? join(root, '.data-cache'));
const envMirror = process.env.DATA_MIRROR?.trim();
const defaultMirror = resolve(root, process.env.DATA_DEFAULT_MIRROR ?? '../shared/data');
const mirror = envMirror ? resolve(envMirror) : existsSync(defaultMirror) ? defaultMirror : null;
const DOWNLOAD_TIMEOUT_MS = Number(process.env.DATA_DOWNLOAD_TIMEOUT_MS ?? 60_000);

class StopError extends Error {}

const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

function verify(buf: Buffer, src: Source, from: string): void {
	const actual = sha256(buf);
	if (actual !== src.sha256)
		throw new StopError(
			`sha256 mismatch for ${src.localName} (from ${from}):\n  expected ${src.sha256}\n  actual   ${actual}\n` +
				`The file differs from the pinned version; nothing was written. Fix or remove the source and run again.`
		);
}

async function download(src: Source): Promise<Buffer> {
	const res = await fetch(src.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
	if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
	return Buffer.from(await res.arrayBuffer());
}

async function resolveOne(src: Source): Promise<'cached' | string> {
	const target = join(cacheDir, src.localName);
	if (existsSync(target)) {
		const actual = sha256(readFileSync(target));
		if (actual === src.sha256) return 'cached';
		console.warn(`  ${src.localName}: cached copy does not match its sha256; resolving it again`);
	}
	let buf: Buffer;
	let from: string;
	const mirrored = mirror ? join(mirror, src.localName) : null;
	if (mirrored && existsSync(mirrored)) {
		buf = readFileSync(mirrored);
		from = mirrored;
	} else {
		try {
			buf = await download(src);
			from = src.url;
		} catch (err) {
			const why = err instanceof Error ? err.message : String(err);
			throw new StopError(
				`Cannot get ${src.localName}: ${mirror ? `not in the mirror ${mirror}, and ` : 'no mirror folder, and '}` +
					`downloading ${src.url} failed (${why}).\n` +
					`Set DATA_MIRROR to a folder laid out like ../shared/data (e.g. DATA_MIRROR=/path/to/data npm run data), ` +
					`or run where the URL is reachable.`
			);
		}
	}
	verify(buf, src, from);
	mkdirSync(dirname(target), { recursive: true });
	const tmp = `${target}.part`;
	writeFileSync(tmp, buf);
	renameSync(tmp, target);
	return from;
}

async function main(): Promise<void> {
	if (envMirror && !existsSync(resolve(envMirror)))
		throw new StopError(`DATA_MIRROR=${envMirror} does not exist. Point it at a folder laid out like ../shared/data, or unset it.`);
	let fetched = 0;
	for (const src of manifest.files) {
		const how = await resolveOne(src);
		if (how !== 'cached') {
			fetched++;
			console.log(`  ${src.localName}  ✓ sha256 ok  (from ${how})`);
		}
	}
	if (fetched === 0) console.log(`data: all ${manifest.files.length} pinned files already in ${cacheDir} and verified; nothing to do.`);
	else console.log(`data: resolved ${fetched} of ${manifest.files.length} pinned files into ${cacheDir}.`);
}

main().catch((err: unknown) => {
	if (err instanceof StopError) console.error(`data: stopped.\n${err.message}`);
	else console.error(err);
	// Leave no half-written file behind.
	for (const src of manifest.files) rmSync(join(cacheDir, `${src.localName}.part`), { force: true });
	process.exit(1);
});
