/**
 * The layer rule (README "How it is built"): one order of layers, bottom first. A module may
 * import from its own layer and from any layer below it, never from one above; the folders'
 * import graph has no cycle; and a `pure` layer imports no Svelte, SvelteKit or Node module, so
 * its code runs unchanged in a server load, an API endpoint, a browser worker and a test.
 *
 * `layers.test.ts` reads every `.ts` and `.svelte` module (script blocks, `<script module>`
 * too) under src/lib and src/routes, resolves its relative and `$lib` imports (also
 * `import('…')`, `import type`, re-exports and `new URL('…', import.meta.url)` workers) and
 * hands them to `checkLayers`. Tests (`*.test.ts`) are not checked: a test may reach for
 * whatever checks its module (oracles, fixtures, the file system) and is never bundled.
 *
 * Paths here are relative to src/ and '/'-separated. A module's *place* is its folder
 * (`lib/views`, `routes/pay`), or, for a module directly in src/lib, the module itself without
 * its extension (`lib/theme`). Imports that leave src/lib and src/routes (`$app/…`, packages,
 * `../../../package.json`, `../app.css`) are outside the order; only `pure` restricts them.
 *
 * To add a folder: put it in a layer (or add a layer after the last layer it imports from and
 * before the first that imports it) and say in the comment what it may import. A folder in no
 * layer fails the test, so nothing goes unchecked; a sub-folder that must import its parent both
 * ways goes in PART_OF with the reason.
 */
import { builtinModules } from 'node:module';

export interface Layer {
	/** Short name, used in failure messages. */
	readonly name: string;
	/**
	 * Places in the layer. `**` stands for any depth of folders: `routes/**` is routes and every
	 * folder below it, `lib/**\/testing` every testing folder under src/lib.
	 */
	readonly places: readonly string[];
	/** No `svelte`, `@sveltejs/…`, `$app/…`, `$env/…`, Node built-ins, `.svelte` or `.svelte.ts` modules. */
	readonly pure: boolean;
}

/** The order, bottom first: each layer may import itself and the layers listed before it. */
export const LAYERS: readonly Layer[] = [
	// CSV text with spreadsheet formulas neutralised (toCsv, CsvCell, CsvTable). Imports nothing of ours.
	{ name: 'csv', places: ['lib/csv'], pure: true },
	// The edge: pinned sources parsed against a schema into typed rows plus issues, the code lists
	// and their types (data/types.ts), the country table; upload/ reads a user's file into typed
	// columns and keeps it in the browser. May import csv (the "rejected rows" download).
	{ name: 'data', places: ['lib/data', 'lib/data/upload'], pure: true },
	// Pure computations on typed rows: filters, title families, the Dataset, statistics
	// (stats/ is part of transform, see PART_OF). May import data. Never formatting or colours.
	{ name: 'transform', places: ['lib/transform', 'lib/transform/stats'], pure: true },
	// The one place colours are named. May import data and transform (the codes it colours).
	{ name: 'theme', places: ['lib/theme'], pure: true },
	// The only place numbers become strings, and the home of display labels (format/labels.ts;
	// an upload's field names stay in data/upload/fields.ts, whose own messages use them): money,
	// percents, dates, filter descriptions, sentences. May import theme, transform, data, csv.
	{ name: 'format', places: ['lib/format'], pure: true },
	// What the URL says, read and checked: the filters (url-filters.ts), each page's options
	// (page-params.ts, salary-input.ts) and the data source (source.ts). Plain functions that never
	// throw (a bad parameter is a message), shared by the server's loads, the API, the rune
	// classes and the page registry. May import format (numbers in messages) and below.
	{ name: 'query', places: ['lib/query'], pure: true },
	// One pure function per page, (data, query) → model, and the models the charts draw
	// (views/chart-models.ts). May import query, format and everything below.
	{ name: 'views', places: ['lib/views'], pure: true },
	// The page registry: each page's query parser and view in one entry, and the data sources they
	// run on (the built-in Dataset, the user's files). The server's loads, the pages' endpoint and
	// the browser's worker all call it. May import views, query and below.
	{ name: 'pages', places: ['lib/pages'], pure: true },
	// Web Worker glue: the one place in the browser that computes page models (through pages), on
	// the built-in packs and the user's files. May import pages and below; it is started by state
	// (new URL('../workers/results.ts', import.meta.url)).
	{ name: 'workers', places: ['lib/workers'], pure: true },
	// What the user chose and where the data comes from, held in rune classes (.svelte.ts): the
	// URL-backed filters, the /data page's files and steps, the page runtime (its worker, the
	// built-in packs, the kept files). May import workers, pages and below (the parsers they hold
	// are query's).
	{ name: 'state', places: ['lib/state'], pure: false },
	// Server only: reads and checks the data files, caches, HTTP answers, the page loads' common
	// start. May import state and everything below it; Node built-ins and @sveltejs/kit.
	{ name: 'server', places: ['lib/server'], pure: false },
	// A chart frame plus marks (marks/ is part of charts), composed charts that draw the views'
	// models. May import state and below, except server (SvelteKit refuses $lib/server in client code).
	{ name: 'charts', places: ['lib/charts', 'lib/charts/marks'], pure: false },
	// Controls, cards, downloads; upload/ holds the /data page's steps and results. May import
	// charts and below (ui/upload may import ui, never the other way).
	{ name: 'ui', places: ['lib/ui', 'lib/ui/upload'], pure: false },
	// Pages and endpoints: +page.server.ts parses the query and calls the view, +page.svelte and
	// its page component render the model. May import every layer before it; nothing imports a route.
	{ name: 'routes', places: ['routes/**'], pure: false },
	// Test helpers (oracles, row builders, fixture loaders) and this rule itself. May import any
	// layer; only tests import them (no module of the app does: they are the top).
	{ name: 'testing', places: ['lib/**/testing', 'lib/layers'], pure: false }
];

/**
 * Sub-folders that are one place with their parent for the cycle check (imports between them
 * go both ways, like imports between the files of one folder). Every other folder is a place
 * of its own.
 */
export const PART_OF: Readonly<Record<string, string>> = {
	// dataset.ts prepares rows with stats/prepare, and the statistics filter with ../filters and
	// group by ../title-families: one engine in two folders.
	'lib/transform/stats': 'lib/transform',
	// A chart is a frame plus marks: marks read the frame's context (../context.ts), charts draw marks.
	'lib/charts/marks': 'lib/charts'
};

/** A module and the specifiers it imports, as written. */
export interface ModuleImports {
	/** Path relative to src/, e.g. `lib/views/pay.ts`. */
	readonly file: string;
	readonly specifiers: readonly string[];
}

/** Where an import leads: a file under src/lib or src/routes, outside them, or nowhere. */
export type Target = { readonly kind: 'inside'; readonly path: string } | { readonly kind: 'outside' } | { readonly kind: 'missing' };

const CANDIDATE_SUFFIXES = ['', '.ts', '.js', '.svelte', '/index.ts', '/index.js'];

/** `posix` normalisation of 'a/b/../c/./d' → 'a/c/d'; a path climbing above src/ starts with '../'. */
function normalise(path: string): string {
	const out: string[] = [];
	for (const part of path.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
		else out.push(part);
	}
	return out.join('/');
}

const dirOf = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf('/')));

/**
 * Resolve `spec`, imported by `from`, against the set of files under src/ (paths relative to
 * src/). `$lib/x` is `lib/x`; `./$types` is outside; a query (`?worker`, `?raw`) is dropped; `x.js` may be `x.ts`.
 * `resolveImport('lib/views/pay.ts', '../format/labels', files) → { kind: 'inside', path: 'lib/format/labels.ts' }`.
 */
export function resolveImport(from: string, spec: string, files: ReadonlySet<string>): Target {
	const bare = spec.replace(/\?.*$/, '');
	// ./$types: the types SvelteKit generates for a route (in .svelte-kit, not in src).
	if (/(^|\/)\$types$/.test(bare)) return { kind: 'outside' };
	let path: string;
	if (bare === '$lib' || bare.startsWith('$lib/')) path = normalise('lib' + bare.slice(4));
	else if (bare.startsWith('./') || bare.startsWith('../') || bare === '.' || bare === '..') path = normalise(`${dirOf(from)}/${bare}`);
	else return { kind: 'outside' };
	if (!path.startsWith('lib/') && !path.startsWith('routes/')) return { kind: 'outside' };
	const tries = CANDIDATE_SUFFIXES.map((s) => path + s);
	if (path.endsWith('.js')) tries.push(path.slice(0, -3) + '.ts');
	const hit = tries.find((p) => files.has(p));
	return hit ? { kind: 'inside', path: hit } : { kind: 'missing' };
}

/** `lib/views/pay.ts → lib/views`; a module directly in src/lib is its own place: `lib/theme.ts → lib/theme`. */
export function placeOf(file: string): string {
	const dir = dirOf(file);
	if (dir !== 'lib') return dir;
	const name = file.slice(4);
	return 'lib/' + name.slice(0, name.indexOf('.') < 0 ? name.length : name.indexOf('.'));
}

/** The place the cycle check counts a place as (its parent when PART_OF says so). */
function unitOf(place: string, partOf: Readonly<Record<string, string>>): string {
	return partOf[place] ?? place;
}

function patternRegExp(pattern: string): RegExp {
	const esc = pattern.split('**').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	// 'a/**' → a and below; 'a/**/b' → a/b at any depth; a lone segment matches exactly.
	return new RegExp(
		'^' +
			esc
				.join('.*')
				.replace(/\/\.\*$/, '(?:/.+)?')
				.replace(/\/\.\*\//g, '/(?:.+/)?') +
			'$'
	);
}

/** Index of the layer holding `place`, or -1; -2 when two layers claim it (a mistake in the table). */
export function layerIndex(place: string, layers: readonly Layer[] = LAYERS): number {
	const hits = layers.flatMap((l, i) => (l.places.some((p) => patternRegExp(p).test(place)) ? [i] : []));
	return hits.length === 1 ? hits[0]! : hits.length === 0 ? -1 : -2;
}

const PLATFORM = /^(svelte|@sveltejs\/|\$app\/|\$env\/|node:)/;
const BUILTINS = new Set(builtinModules);
/** A module a pure layer may not import: Svelte, SvelteKit, Node, or one of our Svelte modules. */
function isPlatform(spec: string, target: Target): boolean {
	if (PLATFORM.test(spec) || BUILTINS.has(spec.split('/')[0]!)) return true;
	return target.kind === 'inside' && /\.svelte(\.ts)?$/.test(target.path);
}

/** One step of a cycle: a place and an import that leads to the next place. */
export interface CycleStep {
	readonly place: string;
	readonly via: string;
}

export interface LayerReport {
	/** Imports that go up the order, break purity, or lead nowhere; modules in no layer. One line each. */
	readonly violations: readonly string[];
	/** Cycles between places, each as the path `a → b → … → a` with one import per step. */
	readonly cycles: readonly string[];
	/** Place → places it imports (after PART_OF), for the tests' own checks. */
	readonly graph: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Check modules against the order. `files` is every file under src/lib and src/routes (any
 * extension, for resolving); `modules` the ones to check.
 */
export function checkLayers(
	modules: readonly ModuleImports[],
	files: ReadonlySet<string>,
	layers: readonly Layer[] = LAYERS,
	partOf: Readonly<Record<string, string>> = PART_OF
): LayerReport {
	const violations: string[] = [];
	const edges = new Map<string, Map<string, string>>(); // unit → (unit → first import seen)
	const sorted = [...modules].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	for (const m of sorted) {
		const place = placeOf(m.file);
		const li = layerIndex(place, layers);
		if (li < 0) {
			violations.push(`${m.file}: its place ${place} is ${li === -1 ? 'in no layer' : 'in two layers'} (declare it once in LAYERS)`);
			continue;
		}
		const layer = layers[li]!;
		const unit = unitOf(place, partOf);
		for (const spec of m.specifiers) {
			const target = resolveImport(m.file, spec, files);
			if (layer.pure && isPlatform(spec, target))
				violations.push(`${m.file} imports ${spec}: ${layer.name} is pure (no Svelte, SvelteKit or Node)`);
			if (target.kind === 'missing') violations.push(`${m.file} imports ${spec}: no such module`);
			if (target.kind !== 'inside') continue;
			const toPlace = placeOf(target.path);
			const tj = layerIndex(toPlace, layers);
			if (tj > li) violations.push(`${m.file} imports ${spec}: ${layer.name} may not import ${layers[tj]!.name} (above it)`);
			const toUnit = unitOf(toPlace, partOf);
			if (toUnit === unit) continue;
			const out = edges.get(unit) ?? new Map<string, string>();
			if (!out.has(toUnit)) out.set(toUnit, `${m.file} imports ${spec}`);
			edges.set(unit, out);
		}
	}
	const graph = new Map([...edges].map(([u, out]) => [u, new Set(out.keys())] as const));
	return { violations, cycles: findCycles(edges), graph };
}

/**
 * One cycle per strongly connected group of places (Tarjan), written as a path with the import
 * that makes each step: `lib/a → lib/b → lib/a (lib/a/x.ts imports ../b/y; lib/b/y.ts imports ../a/x)`.
 */
export function findCycles(edges: ReadonlyMap<string, ReadonlyMap<string, string>>): string[] {
	const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])])].sort();
	const next = (u: string) => [...(edges.get(u)?.keys() ?? [])].sort();
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const groups: string[][] = [];
	let counter = 0;
	const visit = (u: string) => {
		index.set(u, counter);
		low.set(u, counter++);
		stack.push(u);
		onStack.add(u);
		for (const v of next(u)) {
			if (!index.has(v)) {
				visit(v);
				low.set(u, Math.min(low.get(u)!, low.get(v)!));
			} else if (onStack.has(v)) low.set(u, Math.min(low.get(u)!, index.get(v)!));
		}
		if (low.get(u) === index.get(u)) {
			const group: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				group.push(w);
			} while (w !== u);
			if (group.length > 1) groups.push(group);
		}
	};
	for (const u of nodes) if (!index.has(u)) visit(u);

	return groups
		.map((group) => {
			// The shortest way from the group's first place (A–Z) back to itself, inside the group.
			const members = new Set(group);
			const start = [...group].sort()[0]!;
			const prev = new Map<string, string>();
			const queue = [start];
			let end: string | undefined;
			while (queue.length > 0 && end === undefined) {
				const u = queue.shift()!;
				for (const v of next(u).filter((x) => members.has(x))) {
					if (v === start) {
						end = u;
						break;
					}
					if (!prev.has(v)) {
						prev.set(v, u);
						queue.push(v);
					}
				}
			}
			const path = [end!];
			while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
			path.push(start);
			const steps = path.slice(0, -1).map((p, i) => edges.get(p)!.get(path[i + 1]!)!);
			return `${path.join(' → ')} (${steps.join('; ')})`;
		})
		.sort();
}
