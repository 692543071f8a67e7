/**
 * The results Web Worker: holds the user's loaded columns (one file per kind), keeps them in
 * IndexedDB, and runs the /data view models on them (src/lib/views/your-data.ts, the same
 * pure functions the server uses) — all off the main thread, which only holds each file's
 * report and the models. `new Worker(new URL('./results.ts', import.meta.url), { type: 'module' })`.
 *
 * Main → worker: `load` (columns transferred in; `keep` saves them first, then the figures are
 * computed), `restore` (read back what IndexedDB kept), `recompute` (new title overrides).
 * Worker → main: `kept` (the IndexedDB transaction has committed) or `keep-failed`, `model` per
 * kind, `restored` (the kept files without columns), `error`. "Forget" is not a message: the
 * page stops this worker (it may be busy computing) and deletes from IndexedDB itself.
 *
 * Every page on the user's data (`source=yours`) asks for its model with `page` (the page's
 * parsed filters and parameters, the title overrides, and the built-in CPI for real pay); the
 * worker reads the kept file from IndexedDB when it does not hold it (or holds an older one),
 * builds the Dataset once per file × overrides × CPI, and answers `page` or `page-error`.
 */
import type { UploadKind } from '$lib/data/upload/fields';
import { loadFiles, saveFile, type StoredFile, type TitleOverrides } from '$lib/data/upload/store';
import type { CpiRow } from '$lib/data/types';
import type { ParsedFile } from '$lib/transform/dataset';
import { datasetKey, yourDataset, yourDemandPage, yourSalaryPage, type YourPageModel, type YourPageQuery } from '$lib/views/your-pages';
import {
	yourPostingsView,
	yourSalariesView,
	type YourDataQuery,
	type YourPostingsModel,
	type YourSalariesModel
} from '$lib/views/your-data';

/** A kept file as the page holds it: everything but the columns. */
export type FileInfo = Omit<StoredFile, 'columns'>;

export type ResultsRequest =
	| { readonly type: 'load'; readonly file: StoredFile; readonly keep: boolean; readonly query: YourDataQuery }
	| { readonly type: 'restore'; readonly query: YourDataQuery }
	| { readonly type: 'recompute'; readonly query: YourDataQuery }
	| {
			readonly type: 'page';
			readonly id: number;
			readonly query: YourPageQuery;
			/** The kept file the page expects (its load time), so a newer file in IndexedDB is read again. */
			readonly loadedAt: string;
			readonly overrides: TitleOverrides;
			readonly cpi: ParsedFile<CpiRow> | null;
			/** The salaries file's "as of" date the user gave (YYYY-MM-DD), or null. */
			readonly asOf: string | null;
	  };

export type ResultsResponse =
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
	| { readonly type: 'error'; readonly kind: UploadKind; readonly message: string }
	| { readonly type: 'page'; readonly id: number; readonly model: YourPageModel; readonly elapsedMs: number }
	| { readonly type: 'page-error'; readonly id: number; readonly code: 'no-file' | 'failed'; readonly message: string };

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<ResultsRequest>) => void) | null;
	postMessage(m: ResultsResponse): void;
};

const held: Partial<Record<UploadKind, StoredFile>> = {};
/** The /data query last asked for (title mode and overrides): a file saved meanwhile is computed with it. */
let dataQuery: YourDataQuery = { mode: 'family', overrides: {} };

export function infoOf(f: StoredFile): FileInfo {
	const { columns, ...info } = f;
	void columns;
	return info;
}

function compute(f: StoredFile, query: YourDataQuery): void {
	const t0 = performance.now();
	try {
		const c = f.columns;
		const model = c.kind === 'salaries' ? yourSalariesView(c, f.name, query) : yourPostingsView(c, query);
		scope.postMessage({ type: 'model', kind: f.kind, loadedAt: f.loadedAt, model, elapsedMs: performance.now() - t0 });
	} catch (err) {
		scope.postMessage({
			type: 'error',
			kind: f.kind,
			message:
				err instanceof RangeError
					? 'This file is too big for this browser: computing the figures ran out of memory.'
					: `Computing the figures failed: ${err instanceof Error ? err.message : String(err)}`
		});
	}
}

/** The Dataset of the held salaries file for the last overrides × CPI asked for (one kept: a page asks for one at a time). */
let cached: { key: string; data: ReturnType<typeof yourDataset> } | null = null;

/** The kept file of a kind at the page's expected load time, read from IndexedDB if needed; null when none is kept. */
async function fileFor(kind: UploadKind, loadedAt: string): Promise<StoredFile | null> {
	const h = held[kind];
	if (h && h.loadedAt === loadedAt) return h;
	const files = await loadFiles();
	for (const f of Object.values(files)) held[f.kind] = f;
	cached = null;
	return held[kind] ?? null;
}

async function pageModel(req: Extract<ResultsRequest, { type: 'page' }>): Promise<void> {
	const t0 = performance.now();
	const q = req.query;
	const kind: UploadKind = q.page === 'demand' ? 'postings' : 'salaries';
	try {
		const f = await fileFor(kind, req.loadedAt);
		if (!f) {
			scope.postMessage({ type: 'page-error', id: req.id, code: 'no-file', message: `No ${kind} file is kept in this browser.` });
			return;
		}
		let model: YourPageModel;
		if (q.page === 'demand') {
			if (f.columns.kind !== 'postings') throw new Error('the kept postings file has no postings columns');
			model = yourDemandPage(f.columns, req.overrides, q.filters);
		} else {
			if (f.columns.kind !== 'salaries') throw new Error('the kept salaries file has no salaries columns');
			const key = datasetKey(f.loadedAt, req.overrides, req.cpi !== null, req.asOf);
			if (cached?.key !== key) cached = { key, data: yourDataset(f.columns, f.name, req.overrides, req.cpi, req.asOf) };
			model = yourSalaryPage(cached.data, f.columns, req.overrides, q);
		}
		scope.postMessage({ type: 'page', id: req.id, model, elapsedMs: performance.now() - t0 });
	} catch (err) {
		scope.postMessage({
			type: 'page-error',
			id: req.id,
			code: 'failed',
			message:
				err instanceof RangeError
					? 'This file is too big for this browser: computing the figures ran out of memory.'
					: `Computing the figures failed: ${err instanceof Error ? err.message : String(err)}`
		});
	}
}

scope.onmessage = async (e) => {
	const req = e.data;
	switch (req.type) {
		case 'page':
			await pageModel(req);
			return;
		case 'load': {
			const f = req.file;
			held[f.kind] = f;
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
			const list = Object.values(files).filter((f) => held[f.kind] === undefined);
			for (const f of list) held[f.kind] = f;
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
