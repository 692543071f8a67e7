/**
 * The results Web Worker: the one place in the browser where page models are computed, on the
 * built-in data and on the user's own files alike, through the page registry
 * (lib/pages/registry.ts) — the same call the server makes. The main thread holds only the
 * models. `new Worker(new URL('./results.ts', import.meta.url), { type: 'module' })`, one per tab
 * (state/runtime.svelte.ts).
 *
 * Protocol (`RuntimeRequest` → `RuntimeResponse`):
 * - `page` {id, page, params, yours?} → `page` {result} or `page-problem` (400, redirect, no kept
 *   file) or `page-error` ('not-ready': the built-in data has not arrived; 'failed').
 * - `builtin` {salaries, indeed}: the content-hashed URLs of the built-in data packs. The salary
 *   pack is fetched at once, its sha256 checked against the URL, and unpacked
 *   (transform/dataset-pack.ts) → `builtin-ready` or `builtin-failed`; the Indeed pack when a
 *   /demand page first asks.
 * - The user's files (/data): `load` (columns transferred in; `keep` saves them first, then the
 *   figures are computed), `restore` (read back what IndexedDB kept), `recompute` (new title
 *   overrides) → `kept` (the IndexedDB transaction has committed) or `keep-failed`, `model` per
 *   kind, `restored`, `error`. "Forget" is not a message: the page stops this worker (it may be
 *   busy computing) and deletes from IndexedDB itself.
 */
import type { UploadKind } from '$lib/data/upload/fields';
import { loadFiles, saveFile, type StoredFile } from '$lib/data/upload/store';
import type { CpiRow } from '$lib/data/types';
import type { TitleOverrides } from '$lib/data/upload/store';
import type { Dataset } from '$lib/transform/dataset';
import type { MoneyTables } from '$lib/transform/money';
import { fetchMoneyTables } from './money-tables';
import { WARM_PAGES, warmFirst, type WarmView } from './warm';
import { parseFilters } from '$lib/query/url-filters';
import { PackError, unpackIndeed, unpackSalaries, withIndeed } from '$lib/transform/dataset-pack';
import {
	cpiFile,
	pageProblem,
	PAGE_PATH,
	runPage,
	type DatasetSource,
	type PageId,
	type PageProblem,
	type PageResult
} from '$lib/pages/registry';
import { datasetKey, yourDataset } from '$lib/views/your-pages';
import {
	yourPostingsView,
	yourSalariesView,
	type YourDataQuery,
	type YourPostingsModel,
	type YourSalariesModel
} from '$lib/views/your-data';

/** A kept file as the page holds it: everything but the columns. */
export type FileInfo = Omit<StoredFile, 'columns'>;

/** What a page on the user's data needs beyond its URL: the files it expects and the choices kept in this browser. */
export interface YourRequest {
	/** The kept files' load times the page expects, so a newer file in IndexedDB is read again. */
	readonly loadedAt: Partial<Record<UploadKind, string>>;
	readonly overrides: TitleOverrides;
	/** The salaries file's "as of" date the user gave (YYYY-MM-DD), or null. */
	readonly asOf: string | null;
}

export type RuntimeRequest =
	| {
			readonly type: 'builtin';
			readonly salaries: string;
			readonly indeed: string;
			/** The view the tab shows (a salary page and its query): computed once before "ready" (see `warmUp`). */
			readonly first?: { readonly page: PageId; readonly params: string };
	  }
	| { readonly type: 'page'; readonly id: number; readonly page: PageId; readonly params: string; readonly yours: YourRequest | null }
	| { readonly type: 'load'; readonly file: StoredFile; readonly keep: boolean; readonly query: YourDataQuery }
	| { readonly type: 'restore'; readonly query: YourDataQuery }
	| { readonly type: 'recompute'; readonly query: YourDataQuery };

export type RuntimeResponse =
	| { readonly type: 'builtin-ready'; readonly elapsedMs: number }
	| { readonly type: 'builtin-failed'; readonly message: string }
	| { readonly type: 'page'; readonly id: number; readonly result: PageResult; readonly elapsedMs: number }
	| { readonly type: 'page-problem'; readonly id: number; readonly problem: PageProblem }
	| { readonly type: 'page-error'; readonly id: number; readonly code: 'not-ready' | 'failed'; readonly message: string }
	| {
			readonly type: 'model';
			readonly kind: UploadKind;
			readonly loadedAt: string;
			readonly model: YourSalariesModel | YourPostingsModel;
			readonly elapsedMs: number;
	  }
	| { readonly type: 'restored'; readonly files: readonly FileInfo[] }
	| { readonly type: 'restore-failed'; readonly message: string }
	| { readonly type: 'kept'; readonly kind: UploadKind; readonly loadedAt: string }
	| { readonly type: 'keep-failed'; readonly kind: UploadKind; readonly loadedAt: string; readonly message: string }
	| { readonly type: 'error'; readonly kind: UploadKind; readonly message: string };

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<RuntimeRequest>) => void) | null;
	postMessage(m: RuntimeResponse): void;
};

/** Why computing failed, in words (a RangeError is the browser running out of memory). */
const failure = (err: unknown) =>
	err instanceof RangeError
		? 'This file is too big for this browser: computing the figures ran out of memory.'
		: `Computing the figures failed: ${err instanceof Error ? err.message : String(err)}`;

export function infoOf(f: StoredFile): FileInfo {
	const { columns, ...info } = f;
	void columns;
	return info;
}

// ——— The built-in data ———

let packUrls: { salaries: string; indeed: string } | null = null;
let builtin: Promise<Dataset> | null = null;
let indeed: Promise<Dataset> | null = null;

/** The sha256 a pack's URL names (`…/salaries-<64 hex>.bin`). */
const hashOf = (url: string) => /-([0-9a-f]{64})\.bin$/.exec(url)?.[1] ?? null;

/** A pack's bytes, refused unless they hash to what the URL says (a cut-short or altered file is never unpacked). */
async function fetchPack(url: string): Promise<ArrayBuffer> {
	const expected = hashOf(url);
	if (!expected) throw new PackError('the pack URL names no sha256');
	const r = await fetch(url);
	if (!r.ok) throw new PackError(`the server answered ${r.status}`);
	const bytes = await r.arrayBuffer();
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	const actual = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
	if (actual !== expected) throw new PackError('its sha256 does not match (cut short or altered)');
	return bytes;
}

function startBuiltin(req: Extract<RuntimeRequest, { type: 'builtin' }>): void {
	packUrls = { salaries: req.salaries, indeed: req.indeed };
	const t0 = performance.now();
	builtin = fetchPack(req.salaries).then(unpackSalaries);
	indeed = null;
	builtin.then(
		(ds) => {
			// The first view computed on cold code takes about 100 ms: done before "ready", so a change
			// made meanwhile goes to the server instead of waiting behind it here.
			const first = warmFirst(req.first);
			warmView(ds, first);
			scope.postMessage({ type: 'builtin-ready', elapsedMs: performance.now() - t0 });
			warmUp(ds, first);
		},
		(err: unknown) => {
			builtin = null;
			scope.postMessage({ type: 'builtin-failed', message: err instanceof Error ? err.message : String(err) });
		}
	);
}

/**
 * Run each salary page's view a few times while the user reads the first view, one view per task
 * (a page request that arrives meanwhile goes first): the engine compiles the statistics once the
 * code is hot, and a filter change then costs a few milliseconds instead of tens on cold code.
 */
function warmUp(ds: Dataset, first: WarmView): void {
	const queries = ['', 'size=L', 'exp=SE&titles=strict', 'dedupe=1&real=1', 'region=europe&from=2023'];
	// The tab's page first: its next change is the likeliest request.
	const pages = [first.page, ...WARM_PAGES.filter((p) => p !== first.page)];
	const jobs = pages.flatMap((page) => queries.map((params) => () => warmView(ds, { page, params })));
	const next = () => {
		const job = jobs.shift();
		if (!job) return;
		job();
		setTimeout(next, 0);
	};
	setTimeout(next, 0);
}

/** Compute a view to warm the code up; its answer is not needed (a bad query is only a cold view less). */
function warmView(ds: Dataset, v: WarmView): void {
	try {
		runPage(v.page, new URLSearchParams(v.params), { kind: 'builtin', data: ds });
	} catch {
		/* nothing to warm */
	}
}

/** The built-in Dataset, with the Indeed series when the page needs them (/demand). */
async function builtinData(withIndeedSeries: boolean): Promise<Dataset | null> {
	if (!builtin) return null;
	const ds = await builtin;
	if (!withIndeedSeries) return ds;
	indeed ??= fetchPack(packUrls!.indeed).then((b) => withIndeed(ds, unpackIndeed(b)));
	try {
		return await indeed;
	} catch (err) {
		indeed = null;
		throw err;
	}
}

// ——— The user's files ———

const held: Partial<Record<UploadKind, StoredFile>> = {};
/** The /data query last asked for (title mode and overrides): a file saved meanwhile is computed with it. */
let dataQuery: YourDataQuery = { mode: 'family', overrides: {} };
/** The Dataset of the held salaries file for the last overrides × CPI × as-of asked for. */
let cached: { key: string; data: ReturnType<typeof yourDataset> } | null = null;
let cpiRows: Promise<readonly CpiRow[]> | null = null;

/** The built-in CPI for real pay on the user's file: from the built-in pack when it is here, else GET /api/cpi.json (public rows, no parameters). */
async function cpi(): Promise<readonly CpiRow[]> {
	if (builtin) {
		try {
			return (await builtin).cpi;
		} catch {
			/* fall through to the endpoint */
		}
	}
	cpiRows ??= fetch('/api/cpi.json').then(async (r) => {
		if (!r.ok) {
			cpiRows = null;
			throw new Error(`real pay needs the CPI, which the server could not give (${(await r.text()).trim()})`);
		}
		return ((await r.json()) as { rows: CpiRow[] }).rows;
	});
	return cpiRows;
}

let moneyJson: Promise<MoneyTables> | null = null;

/** The money tables for `currency=` (public rates and factors, no parameters), fetched once when a page first wants another money. */
function moneyTablesOnce(): Promise<MoneyTables> {
	moneyJson ??= fetchMoneyTables().catch((err: unknown) => {
		moneyJson = null;
		throw new Error(`the exchange-rate tables could not be read (${err instanceof Error ? err.message : String(err)})`);
	});
	return moneyJson;
}

/** The tables when the URL asks for another money than US dollars; none asked, none fetched. */
async function moneyFor(params: URLSearchParams): Promise<MoneyTables | null> {
	return parseFilters(params).filters.currency === undefined ? null : moneyTablesOnce();
}

/** The kept file of a kind at the page's expected load time, read from IndexedDB if needed; null when none is kept. */
async function fileFor(kind: UploadKind, loadedAt: string | undefined): Promise<StoredFile | null> {
	if (!loadedAt) return null;
	const h = held[kind];
	if (h && h.loadedAt === loadedAt) return h;
	const files = await loadFiles();
	for (const f of Object.values(files)) held[f.kind] = f;
	cached = null;
	return held[kind] ?? null;
}

async function yourSource(page: PageId, params: URLSearchParams, req: YourRequest): Promise<DatasetSource> {
	const sal = page === 'demand' ? null : await fileFor('salaries', req.loadedAt.salaries);
	const post = page === 'demand' ? await fileFor('postings', req.loadedAt.postings) : null;
	let salaries: Extract<DatasetSource, { kind: 'yours' }>['files']['salaries'] = null;
	if (sal) {
		if (sal.columns.kind !== 'salaries') throw new Error('the kept salaries file has no salaries columns');
		const real = params.get('real');
		const withCpi = real !== null && /^(1|true)$/i.test(real.trim());
		const key = datasetKey(sal.loadedAt, req.overrides, withCpi, req.asOf);
		if (cached?.key !== key)
			cached = { key, data: yourDataset(sal.columns, sal.name, req.overrides, withCpi ? cpiFile(await cpi()) : null, req.asOf) };
		salaries = { name: sal.name, columns: sal.columns, data: cached.data, skipped: cached.data.skipped.length };
	}
	if (post && post.columns.kind !== 'postings') throw new Error('the kept postings file has no postings columns');
	// Without the tables the page says so and stays in US dollars (there is no server copy of the file to ask instead).
	const money = await moneyFor(params).catch(() => null);
	return {
		kind: 'yours',
		money,
		files: {
			salaries,
			postings: post && post.columns.kind === 'postings' ? { name: post.name, columns: post.columns } : null,
			overrides: req.overrides
		}
	};
}

async function pageRequest(req: Extract<RuntimeRequest, { type: 'page' }>): Promise<void> {
	const t0 = performance.now();
	const params = new URLSearchParams(req.params);
	try {
		let src: DatasetSource;
		if (req.yours) src = await yourSource(req.page, params, req.yours);
		else {
			const data = await builtinData(req.page === 'demand');
			if (!data) {
				scope.postMessage({
					type: 'page-error',
					id: req.id,
					code: 'not-ready',
					message: 'The built-in data has not arrived in this browser.'
				});
				return;
			}
			// A failed fetch of the tables fails the request: the page then asks the server, which has them.
			src = { kind: 'builtin', data, money: await moneyFor(params) };
		}
		const problem = pageProblem(req.page, PAGE_PATH[req.page], params, src);
		if (problem) {
			scope.postMessage({ type: 'page-problem', id: req.id, problem });
			return;
		}
		scope.postMessage({ type: 'page', id: req.id, result: runPage(req.page, params, src), elapsedMs: performance.now() - t0 });
	} catch (err) {
		scope.postMessage({ type: 'page-error', id: req.id, code: 'failed', message: failure(err) });
	}
}

function compute(f: StoredFile, query: YourDataQuery): void {
	const t0 = performance.now();
	try {
		const c = f.columns;
		const model = c.kind === 'salaries' ? yourSalariesView(c, f.name, query) : yourPostingsView(c, query);
		scope.postMessage({ type: 'model', kind: f.kind, loadedAt: f.loadedAt, model, elapsedMs: performance.now() - t0 });
	} catch (err) {
		scope.postMessage({ type: 'error', kind: f.kind, message: failure(err) });
	}
}

scope.onmessage = async (e) => {
	const req = e.data;
	switch (req.type) {
		case 'builtin':
			startBuiltin(req);
			return;
		case 'page':
			await pageRequest(req);
			return;
		case 'load': {
			const f = req.file;
			held[f.kind] = f;
			cached = null;
			dataQuery = req.query;
			// The copy in IndexedDB first, announced once its transaction has committed: the page says
			// "kept" only then, and a page or tab opened after that finds the file. Then the figures.
			if (req.keep)
				try {
					await saveFile(f);
					scope.postMessage({ type: 'kept', kind: f.kind, loadedAt: f.loadedAt });
				} catch (err) {
					const message = err instanceof Error ? err.message : String(err);
					scope.postMessage({ type: 'keep-failed', kind: f.kind, loadedAt: f.loadedAt, message });
				}
			// A newer file of the kind may have arrived while this one was written; the title mode may have changed.
			if (held[f.kind] === f) compute(f, dataQuery);
			return;
		}
		case 'restore': {
			dataQuery = req.query;
			let files: Partial<Record<UploadKind, StoredFile>>;
			try {
				files = await loadFiles();
			} catch (err) {
				scope.postMessage({ type: 'restore-failed', message: err instanceof Error ? err.message : String(err) });
				return;
			}
			// What IndexedDB keeps, and a file this worker holds that is not (yet) kept there: the pages
			// may have read files already (this worker serves every page), and /data must hear of all of them.
			for (const f of Object.values(files)) {
				const h = held[f.kind];
				// Load times are ISO dates: the later one is the file kept last.
				if (!h || h.loadedAt < f.loadedAt) held[f.kind] = f;
			}
			cached = null;
			const list = Object.values(held);
			scope.postMessage({ type: 'restored', files: list.map(infoOf) });
			for (const f of list) compute(f, dataQuery);
			return;
		}
		case 'recompute':
			dataQuery = req.query;
			for (const f of Object.values(held)) compute(f, dataQuery);
			return;
	}
};
