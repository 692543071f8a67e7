/**
 * The layer rule (layers.ts) on the real code: every `.ts` and `.svelte` module under src/lib
 * and src/routes, every import the TypeScript parser finds in it. The checker itself is tested
 * first on made-up import graphs, so a pass on the real code means something.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkLayers, LAYERS, layerIndex, PART_OF, placeOf, resolveImport, type Layer, type ModuleImports } from './layers';

const SRC = new URL('..', new URL('.', import.meta.url)).pathname;

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [relative(SRC, path).split(sep).join('/')];
	});
}

/** Every import specifier in TypeScript source: static and dynamic imports, `import type`, re-exports, import types, worker URLs. */
function specifiersOf(source: string): string[] {
	const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
	const out: string[] = [];
	const literal = (n: ts.Node | undefined) => (n && ts.isStringLiteralLike(n) ? n.text : undefined);
	const visit = (node: ts.Node) => {
		let spec: string | undefined;
		if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) spec = literal(node.moduleSpecifier);
		else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
			spec = literal(node.moduleReference.expression);
		else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) spec = literal(node.arguments[0]);
		else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) spec = literal(node.argument.literal);
		else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
			// new URL('./worker.ts', import.meta.url): a module Vite bundles as a worker.
			const [first, second] = node.arguments ?? [];
			if (second && second.getText(file) === 'import.meta.url') spec = literal(first);
		}
		if (spec !== undefined) out.push(spec);
		ts.forEachChild(node, visit);
	};
	visit(file);
	return out;
}

/** The script blocks of a Svelte component (instance and `<script module>`), as Svelte's parser finds them. */
function scriptsOf(svelteSource: string): string[] {
	const root = parse(svelteSource, { modern: true });
	// The script's Program node carries its offsets in the source (acorn's start/end), untyped in Svelte's AST.
	const span = (p: unknown) => p as { start: number; end: number };
	return [root.module, root.instance].flatMap((s) => (s ? [svelteSource.slice(span(s.content).start, span(s.content).end)] : []));
}

const files = [...walk(join(SRC, 'lib')), ...walk(join(SRC, 'routes'))];
const fileSet = new Set(files);
const modules: ModuleImports[] = files
	.filter((f) => /\.(ts|svelte)$/.test(f) && !/\.(test|d)\.ts$/.test(f))
	.map((file) => {
		const text = readFileSync(join(SRC, file), 'utf8');
		return { file, specifiers: file.endsWith('.svelte') ? scriptsOf(text).flatMap(specifiersOf) : specifiersOf(text) };
	});
const report = checkLayers(modules, fileSet);

describe('the checker, on made-up import graphs', () => {
	const layers: Layer[] = [
		{ name: 'low', places: ['lib/low', 'lib/low/sub'], pure: true },
		{ name: 'high', places: ['lib/high', 'lib/high/**'], pure: false }
	];
	const made = (mods: Record<string, string[]>, extra: string[] = []) =>
		checkLayers(
			Object.entries(mods).map(([file, specifiers]) => ({ file, specifiers })),
			new Set([...Object.keys(mods), ...extra]),
			layers,
			{}
		);

	it('passes a graph that goes down only', () => {
		const r = made({ 'lib/high/a.ts': ['$lib/low/b', '../low/sub/c', 'd3-array'], 'lib/low/b.ts': ['./sub/c.js'], 'lib/low/sub/c.ts': [] });
		expect(r).toMatchObject({ violations: [], cycles: [] });
		expect(r.graph).toEqual(
			new Map([
				['lib/high', new Set(['lib/low', 'lib/low/sub'])],
				['lib/low', new Set(['lib/low/sub'])]
			])
		);
	});

	it('fails a planted upward import, relative or $lib, from a .ts file or a component', () => {
		const r = made({
			'lib/low/b.ts': ['../high/a'],
			'lib/low/sub/c.ts': ['$lib/high/deep/View.svelte'],
			'lib/high/a.ts': [],
			'lib/high/deep/View.svelte': []
		});
		expect(r.violations).toEqual([
			'lib/low/b.ts imports ../high/a: low may not import high (above it)',
			'lib/low/sub/c.ts imports $lib/high/deep/View.svelte: low is pure (no Svelte, SvelteKit or Node)',
			'lib/low/sub/c.ts imports $lib/high/deep/View.svelte: low may not import high (above it)'
		]);
	});

	it('fails a planted cycle between folders of one layer and reports its path with the imports that close it', () => {
		const r = made({
			'lib/high/a.ts': ['./x/b'],
			'lib/high/x/b.ts': ['../y/c.svelte'],
			'lib/high/y/c.svelte': ['$lib/high/a'],
			'lib/low/b.ts': ['./sub/c'],
			'lib/low/sub/c.ts': ['../b']
		});
		expect(r.violations).toEqual([]);
		expect(r.cycles).toEqual([
			'lib/high → lib/high/x → lib/high/y → lib/high (lib/high/a.ts imports ./x/b; lib/high/x/b.ts imports ../y/c.svelte; lib/high/y/c.svelte imports $lib/high/a)',
			'lib/low → lib/low/sub → lib/low (lib/low/b.ts imports ./sub/c; lib/low/sub/c.ts imports ../b)'
		]);
	});

	it('takes a page registry (lib/pages) between views and workers: query parsers below it, rune classes above', () => {
		// The page runtime's imports: the registry reads the URL (query) and runs views; the
		// worker, a rune class and the server's loads run the registry.
		// The real order declares lib/pages right after views.
		expect(LAYERS.findIndex((l) => l.name === 'pages')).toBe(LAYERS.findIndex((l) => l.name === 'views') + 1);
		const runtime = (parsers: string) => ({
			'lib/pages/registry.ts': [`$lib/${parsers}/url-filters`, '$lib/views/pay', '$lib/transform/dataset'],
			'lib/workers/results.ts': ['$lib/pages/registry'],
			'lib/state/runtime.svelte.ts': ['$lib/pages/registry', `../${parsers}/url-filters`, '$lib/workers/results'],
			'lib/server/pages.ts': ['$lib/pages/registry', '$lib/state/runtime.svelte'],
			[`lib/${parsers}/url-filters.ts`]: ['$lib/transform/dataset'],
			'lib/views/pay.ts': ['$lib/transform/dataset'],
			'lib/transform/dataset.ts': []
		});
		const check = (mods: Record<string, string[]>) =>
			checkLayers(
				Object.entries(mods).map(([file, specifiers]) => ({ file, specifiers })),
				new Set(Object.keys(mods)),
				LAYERS
			);
		expect(check(runtime('query'))).toMatchObject({ violations: [], cycles: [] });
		// Were the parsers still in lib/state, the registry would import a layer above it, and
		// lib/state and lib/pages would import each other.
		const old = check(runtime('state'));
		expect(old.violations).toEqual(['lib/pages/registry.ts imports $lib/state/url-filters: pages may not import state (above it)']);
		expect(old.cycles).toEqual([
			'lib/pages → lib/state → lib/pages (lib/pages/registry.ts imports $lib/state/url-filters; lib/state/runtime.svelte.ts imports $lib/pages/registry)'
		]);
	});

	it('counts a sub-folder declared part of its parent as the parent (no cycle inside one place)', () => {
		const mods = [
			{ file: 'lib/low/b.ts', specifiers: ['./sub/c'] },
			{ file: 'lib/low/sub/c.ts', specifiers: ['../b'] }
		];
		const r = checkLayers(mods, new Set(mods.map((m) => m.file)), layers, { 'lib/low/sub': 'lib/low' });
		expect(r.cycles).toEqual([]);
	});

	it('fails platform imports in a pure layer, imports that lead nowhere, and modules in no layer', () => {
		const r = made({ 'lib/low/b.ts': ['svelte', '$app/state', 'node:fs', 'fs', 'd3-array', './missing'], 'lib/elsewhere/x.ts': [] });
		expect(r.violations).toEqual([
			'lib/elsewhere/x.ts: its place lib/elsewhere is in no layer (declare it once in LAYERS)',
			'lib/low/b.ts imports svelte: low is pure (no Svelte, SvelteKit or Node)',
			'lib/low/b.ts imports $app/state: low is pure (no Svelte, SvelteKit or Node)',
			'lib/low/b.ts imports node:fs: low is pure (no Svelte, SvelteKit or Node)',
			'lib/low/b.ts imports fs: low is pure (no Svelte, SvelteKit or Node)',
			'lib/low/b.ts imports ./missing: no such module'
		]);
	});

	it('resolves $lib, relative, index, .svelte.ts, .js → .ts and worker-query specifiers; leaves the rest outside', () => {
		const set = new Set(['lib/a/index.ts', 'lib/a/s.svelte.ts', 'lib/b/w.ts', 'routes/p/+page.svelte', 'lib/a/t.json']);
		expect(resolveImport('lib/b/w.ts', '$lib/a', set)).toEqual({ kind: 'inside', path: 'lib/a/index.ts' });
		expect(resolveImport('lib/b/w.ts', '../a/s.svelte', set)).toEqual({ kind: 'inside', path: 'lib/a/s.svelte.ts' });
		expect(resolveImport('lib/a/s.svelte.ts', '../b/w.js', set)).toEqual({ kind: 'inside', path: 'lib/b/w.ts' });
		expect(resolveImport('lib/a/s.svelte.ts', '$lib/b/w?worker', set)).toEqual({ kind: 'inside', path: 'lib/b/w.ts' });
		expect(resolveImport('routes/p/+page.svelte', '../../lib/a/t.json', set)).toEqual({ kind: 'inside', path: 'lib/a/t.json' });
		expect(resolveImport('lib/a/index.ts', '../../../package.json', set)).toEqual({ kind: 'outside' });
		expect(resolveImport('routes/p/+page.svelte', '../../app.css', set)).toEqual({ kind: 'outside' });
		expect(resolveImport('lib/a/index.ts', '$app/state', set)).toEqual({ kind: 'outside' });
		expect(resolveImport('routes/p/+page.svelte', './$types', set)).toEqual({ kind: 'outside' });
		expect(resolveImport('lib/a/index.ts', '$lib/a/gone', set)).toEqual({ kind: 'missing' });
	});

	it('names places: the folder, or a module directly in src/lib', () => {
		expect(
			['lib/views/pay.ts', 'lib/theme.ts', 'lib/state/f.svelte.ts', 'routes/+page.svelte', 'routes/api/x.json/+server.ts'].map(placeOf)
		).toEqual(['lib/views', 'lib/theme', 'lib/state', 'routes', 'routes/api/x.json']);
		expect(['lib/high', 'lib/high/a/b', 'lib/low', 'lib/low/sub/deeper', 'lib/highway'].map((p) => layerIndex(p, layers))).toEqual([
			1, 1, 0, -1, -1
		]);
	});
});

describe('the import scanner', () => {
	it('finds every kind of import in TypeScript, and nothing in comments or strings', () => {
		const src = `
			import a from './a';
			import type { B } from "$lib/b";
			import './side-effect';
			export { c } from '../c';
			export type * from './d';
			const e = await import('$lib/e');
			type F = import('./f').F;
			const w = new Worker(new URL('../w.ts', import.meta.url), { type: 'module' });
			// import z from './in-a-comment';
			const s = "import y from './in-a-string'";
			const u = new URL('https://example.org');`;
		expect(specifiersOf(src)).toEqual(['./a', '$lib/b', './side-effect', '../c', './d', '$lib/e', './f', '../w.ts']);
	});

	it('reads both script blocks of a component, <script module> included, and not its markup', () => {
		const svelte = `<script module lang="ts">\n\timport { m } from './m';\n</script>\n<script lang="ts" generics="T extends string">\n\timport I from '$lib/i.svelte';\n</script>\n<p>import x from './not-code'</p>`;
		expect(scriptsOf(svelte).flatMap(specifiersOf)).toEqual(['./m', '$lib/i.svelte']);
	});

	it('sees the real code: relative and $lib imports, components, worker URLs (the scan is not vacuous)', () => {
		const byFile = new Map(modules.map((m) => [m.file, m.specifiers]));
		expect(modules.filter((m) => m.file.endsWith('.svelte')).length).toBeGreaterThan(40);
		expect(modules.filter((m) => m.file.startsWith('lib/transform/')).length).toBeGreaterThan(20);
		expect(byFile.get('lib/state/runtime.svelte.ts')).toContain('../workers/results.ts');
		expect(report.graph.get('lib/state')).toContain('lib/workers');
		expect(report.graph.get('lib/state')).toContain('lib/query');
		expect(report.graph.get('lib/server')).toContain('lib/query');
		expect(report.graph.get('lib/views')).toContain('lib/transform');
		expect(report.graph.get('routes/pay')).toContain('lib/views');
		// Relative imports between folders are seen too (stats → data/types is written ../../data/types).
		expect(byFile.get('lib/transform/stats/compute.ts')!.some((s) => s.startsWith('../../data/'))).toBe(true);
	});
});

describe('the layer rule, on the real code', () => {
	it('every module is in one layer, imports only its own layer and those below, and pure layers stay pure', () => {
		expect(report.violations).toEqual([]);
	});

	it('no cycle between folders', () => {
		expect(report.cycles).toEqual([]);
	});

	it('state holds rune classes only: the URL parsers are query, below the views (and the page registry that joins them)', () => {
		const state = modules.filter((m) => m.file.startsWith('lib/state/'));
		expect(state.length).toBeGreaterThan(0);
		expect(state.filter((m) => !m.file.endsWith('.svelte.ts')).map((m) => m.file)).toEqual([]);
		expect(layerIndex('lib/query')).toBeLessThan(layerIndex('lib/views'));
	});

	it('every place the table names exists, and every PART_OF is a sub-folder of its parent in the same layer', () => {
		const places = new Set(modules.map((m) => placeOf(m.file)));
		const named = LAYERS.flatMap((l) => l.places.filter((p) => !p.includes('**')));
		expect(named.filter((p) => !places.has(p))).toEqual([]);
		for (const [part, whole] of Object.entries(PART_OF)) {
			expect(part.startsWith(whole + '/')).toBe(true);
			expect(layerIndex(part)).toBe(layerIndex(whole));
		}
	});
});
