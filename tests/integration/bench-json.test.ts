/**
 * `npm run -s bench -- --json` prints one JSON document covering both benchmarks (the
 * dashboard recompute and the upload path), as README says; before, the `&&` chain in
 * package.json passed `--json` to the second script only and the first printed tables.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BENCH_PARTS, combineBenchJson } from '../../scripts/bench-json';
import { realDataPath, reportAbsent } from './real-data';

describe('combineBenchJson', () => {
	it('puts each part under its name, with the machine', () => {
		expect.hasAssertions();
		const doc = combineBenchJson(
			{ recompute: '{"runs":[{"rows":5}]}\n', upload: '{"rows":5,"ratio_total":1.5}\n' },
			{ node: 'v20', cpus: 2 }
		);
		expect(doc).toEqual({ node: 'v20', cpus: 2, recompute: { runs: [{ rows: 5 }] }, upload: { rows: 5, ratio_total: 1.5 } });
		expect(BENCH_PARTS.map(([name]) => name)).toEqual(['recompute', 'upload']);
	});

	it('names the part that printed something other than JSON', () => {
		expect.hasAssertions();
		expect(() =>
			combineBenchJson({ recompute: 'Recompute of one dashboard view…\n┌───┐', upload: '{}' }, { node: 'v20', cpus: 2 })
		).toThrow(/scripts\/bench\.ts --json did not print one JSON document/);
	});
});

describe('npm run -s bench -- --json (tiny run)', () => {
	const salaries = 'aijobs-salaries/salaries.csv';
	it('prints one JSON document with both parts, at the rows asked', () => {
		expect.hasAssertions();
		if (!realDataPath(salaries)) {
			reportAbsent(salaries);
			expect(realDataPath(salaries)).toBeNull();
			return;
		}
		const r = spawnSync('npm', ['run', '--silent', 'bench', '--', '--json', '--rows', '200'], { encoding: 'utf8', timeout: 120_000 });
		expect(r.status, r.stderr).toBe(0);
		const doc = JSON.parse(r.stdout);
		expect(Object.keys(doc)).toEqual(['node', 'cpus', 'recompute', 'upload']);
		expect(doc.recompute.runs).toHaveLength(1);
		expect(doc.recompute.runs[0].rows).toBe(200);
		expect(doc.recompute.runs[0].recompute_ms).toBeGreaterThan(0);
		expect(doc.upload.rows).toBe(200);
		expect(doc.upload.upload_ms).toBeGreaterThan(0);
		expect(doc.upload.ratio_total).toBeGreaterThan(0);
	}, 120_000);

	it('stays human-readable without --json', () => {
		expect.hasAssertions();
		if (!realDataPath(salaries)) {
			reportAbsent(salaries);
			expect(realDataPath(salaries)).toBeNull();
			return;
		}
		const r = spawnSync('npm', ['run', '--silent', 'bench', '--', '--rows', '100'], { encoding: 'utf8', timeout: 120_000 });
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('Recompute of one dashboard view');
		expect(r.stdout).toContain("Upload path vs papaparse's bare parse, 100 salary rows");
		expect(() => JSON.parse(r.stdout)).toThrow();
	}, 120_000);
});
