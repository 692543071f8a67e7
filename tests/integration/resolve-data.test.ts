/**
 * The data resolver as a user meets it: run the real script in a child process against a
 * manifest and mirror made here, and read what it prints.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const content = 'a,b\n1,2\n';
const sha = createHash('sha256').update(content).digest('hex');

function setup(mirrorContent: string | null) {
	const dir = mkdtempSync(join(tmpdir(), 'resolve-'));
	const mirror = join(dir, 'mirror');
	mkdirSync(join(mirror, 'demo'), { recursive: true });
	if (mirrorContent !== null) writeFileSync(join(mirror, 'demo/file.csv'), mirrorContent);
	const manifest = join(dir, 'sources.json');
	// Port 9 on loopback refuses connections: a download that cannot succeed, offline.
	writeFileSync(
		manifest,
		JSON.stringify({
			files: [{ id: 'demo', localName: 'demo/file.csv', url: 'http://127.0.0.1:9/file.csv', sha256: sha, bytes: content.length }]
		})
	);
	return { dir, mirror, manifest, cache: join(dir, 'cache') };
}

function run(env: Record<string, string>) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/resolve-data.ts'], {
		encoding: 'utf8',
		env: { ...process.env, DATA_DEFAULT_MIRROR: '/nonexistent-mirror', DATA_MIRROR: '', ...env }
	});
	return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run data', () => {
	it('copies from the mirror, checks the hash, and does nothing on a second run', () => {
		expect.hasAssertions();
		const s = setup(content);
		const first = run({ DATA_MANIFEST: s.manifest, DATA_MIRROR: s.mirror, DATA_CACHE_DIR: s.cache });
		expect(first.code).toBe(0);
		expect(first.out).toContain('demo/file.csv  ✓ sha256 ok');
		expect(readFileSync(join(s.cache, 'demo/file.csv'), 'utf8')).toBe(content);
		const second = run({ DATA_MANIFEST: s.manifest, DATA_MIRROR: s.mirror, DATA_CACHE_DIR: s.cache });
		expect(second.code).toBe(0);
		expect(second.out).toMatch(/already in .* and verified; nothing to do/);
	});

	it('stops on a hash mismatch, naming the file and both hashes, and writes nothing', () => {
		expect.hasAssertions();
		const s = setup('a,b\n1,3\n');
		const r = run({ DATA_MANIFEST: s.manifest, DATA_MIRROR: s.mirror, DATA_CACHE_DIR: s.cache });
		expect(r.code).toBe(1);
		expect(r.out).toContain('sha256 mismatch for demo/file.csv');
		expect(r.out).toContain(`expected ${sha}`);
		expect(r.out).toContain(`actual   ${createHash('sha256').update('a,b\n1,3\n').digest('hex')}`);
		expect(existsSync(join(s.cache, 'demo/file.csv'))).toBe(false);
	});

	it('stops with a message saying what to set when there is no mirror and no download', () => {
		expect.hasAssertions();
		const s = setup(null);
		const r = run({ DATA_MANIFEST: s.manifest, DATA_CACHE_DIR: s.cache });
		expect(r.code).toBe(1);
		expect(r.out).toContain('Cannot get demo/file.csv');
		expect(r.out).toContain('Set DATA_MIRROR');
	});

	it('refuses a DATA_MIRROR that does not exist', () => {
		expect.hasAssertions();
		const s = setup(content);
		const r = run({ DATA_MANIFEST: s.manifest, DATA_MIRROR: '/no/such/folder', DATA_CACHE_DIR: s.cache });
		expect(r.code).toBe(1);
		expect(r.out).toContain('DATA_MIRROR=/no/such/folder does not exist');
	});
});
