/**
 * Folders import downwards only (README "How it is built"): statistics never reach for
 * formatting, colours, charts, page views or the server, and page views stay pure (no I/O,
 * no Svelte), so they can run in a browser worker. Checked on the source text of every module.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = new URL('.', import.meta.url).pathname;

function modules(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return modules(path);
		return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
	});
}

/** Every module specifier a file imports or re-exports. */
function importsOf(path: string): string[] {
	const text = readFileSync(path, 'utf8');
	return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => m[1]!);
}

function violations(dir: string, forbidden: RegExp): string[] {
	return modules(join(LIB, dir)).flatMap((file) =>
		importsOf(file)
			.filter((spec) => forbidden.test(spec))
			.map((spec) => `${relative(LIB, file)} imports ${spec}`)
	);
}

describe('folder layers', () => {
	it('finds the modules it checks (the scan is not vacuous)', () => {
		expect(modules(join(LIB, 'transform')).length).toBeGreaterThan(10);
		expect(importsOf(join(LIB, 'views/pay.ts'))).toContain('$lib/transform/stats/compute');
	});

	it('transform imports no formatting, colours, charts, views, state, server or Svelte', () => {
		expect(violations('transform', /^\$lib\/(format|theme|charts|views|state|server|ui)\b|^svelte|^\$app|^node:/)).toEqual([]);
	});

	it('views do no I/O and import no Svelte, server or UI code', () => {
		expect(violations('views', /^\$lib\/(server|state|ui)\b|^svelte|^\$app|^node:|\.svelte$/)).toEqual([]);
	});

	it('workers are glue: they import data and views, never UI, state, server or Svelte', () => {
		expect(importsOf(join(LIB, 'workers/results.ts'))).toContain('$lib/views/your-data');
		expect(violations('workers', /^\$lib\/(server|state|ui|charts)\b|^svelte|^\$app|^node:|\.svelte$/)).toEqual([]);
	});

	it('data (parsers) imports nothing above it', () => {
		expect(violations('data', /^\$lib\/(transform|views|format|theme|charts|state|server|ui)\b|^svelte|^\$app/)).toEqual([]);
	});
});
