/**
 * The "95 %" on every interval is a promise the coverage simulation (scripts/coverage.ts,
 * `npm run coverage`) keeps: this test re-runs it without the bootstrap (whose resamples come
 * from their own generator, so every other result is the same) and checks that
 * - the committed table (src/lib/transform/stats/coverage-table.json, shown on /methodology and
 *   in METHODS.md) is what the simulation gives, row for row;
 * - the shipped median and gap intervals cover 93–97 % at every effective n.
 * Skips, saying so, without the real data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSalaries } from '../../src/lib/data/salaries';
import {
	COVERAGE_TABLE_FILE,
	coverageMarkdown,
	METHODS_FILE,
	populations,
	simulate,
	withCoverageTable,
	type CoverageBucket
} from '../../scripts/coverage';
import { realDataPath, reportAbsent } from './real-data';

const salaries = realDataPath('aijobs-salaries/salaries.csv');
if (!salaries) reportAbsent('aijobs-salaries/salaries.csv');

const table = JSON.parse(readFileSync(COVERAGE_TABLE_FILE, 'utf8')) as {
	sims: number;
	boot: number;
	seed: number;
	distinct: boolean;
	buckets: CoverageBucket[];
};

describe.skipIf(!salaries)('coverage simulation', () => {
	it('reproduces the committed table (every method but the bootstrap) and the shipped intervals cover 93–97 %', () => {
		expect.hasAssertions();
		const rows = parseSalaries(readFileSync(salaries!, 'utf8')).rows;
		const again = simulate(populations(rows, table.distinct), { sims: table.sims, boot: 0, seed: table.seed });
		expect(again.map((b) => b.effectiveN)).toEqual([6, 10, 15, 20, 30, 60]);
		again.forEach((b, i) => {
			const committed = table.buckets[i]!;
			const notBoot = <T extends { method: string }>(xs: readonly T[]) => xs.filter((r) => !r.method.startsWith('cluster bootstrap'));
			expect(notBoot(b.median)).toEqual(notBoot(committed.median));
			expect(notBoot(b.gap)).toEqual(notBoot(committed.gap));
			expect([b.share, b.shareCandidates, b.shareChange, b.gapDifference]).toEqual([
				committed.share,
				committed.shareCandidates,
				committed.shareChange,
				committed.gapDifference
			]);
			for (const r of [...b.median, ...b.gap].filter((x) => x.shipped)) {
				expect(r.coveragePct, `${r.method} at effective n ${b.effectiveN}`).toBeGreaterThanOrEqual(93);
				expect(r.coveragePct, `${r.method} at effective n ${b.effectiveN}`).toBeLessThanOrEqual(97);
			}
			const shippedGap = b.gap.find((x) => x.shipped)!;
			expect(shippedGap.coveragePctOfPercent).toBeGreaterThanOrEqual(93);
			expect(shippedGap.coveragePctOfPercent).toBeLessThanOrEqual(97);
		});
	}, 120_000);

	it('METHODS.md shows the committed table (npm run coverage -- --write keeps them in step)', () => {
		expect.hasAssertions();
		const methods = readFileSync(METHODS_FILE, 'utf8');
		expect(withCoverageTable(methods, coverageMarkdown(table))).toBe(methods);
		expect(methods).toContain('| **Woodruff on the effective n (shipped)** |');
	});

	it('the interval used before over-covers: 97 % or more at every effective n (why it was replaced)', () => {
		expect.hasAssertions();
		for (const b of table.buckets) expect(b.median[0]!.coveragePct).toBeGreaterThanOrEqual(97);
	});
});
