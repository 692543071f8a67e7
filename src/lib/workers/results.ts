/**
 * The results Web Worker: holds the user's loaded columns (one file per kind), keeps them in
 * IndexedDB, and runs the /data view models on them (src/lib/views/your-data.ts, the same
 * pure functions the server uses) — all off the main thread, which only holds each file's
 * report and the models. `new Worker(new URL('./results.ts', import.meta.url), { type: 'module' })`.
 *
 * Main → worker: `load` (columns transferred in; `keep` saves them), `restore` (read back what
 * IndexedDB kept), `recompute` (new title overrides), `forget`.
 * Worker → main: `model` per kind, `restored` (the kept files without columns), `kept` or
 * `keep-failed` after a save, `forgotten`, `error`.
 */
import type { UploadKind } from '$lib/data/upload/fields';
import { forgetFiles, loadFiles, saveFile, type StoredFile } from '$lib/data/upload/store';
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
	| { readonly type: 'forget' };

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
	| { readonly type: 'kept'; readonly kind: UploadKind }
	| { readonly type: 'keep-failed'; readonly kind: UploadKind; readonly message: string }
	| { readonly type: 'forgotten' }
	| { readonly type: 'error'; readonly kind: UploadKind; readonly message: string };

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<ResultsRequest>) => void) | null;
	postMessage(m: ResultsResponse): void;
};

const held: Partial<Record<UploadKind, StoredFile>> = {};

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

scope.onmessage = async (e) => {
	const req = e.data;
	switch (req.type) {
		case 'load': {
			held[req.file.kind] = req.file;
			// The figures first (the user is waiting for them), then the copy in IndexedDB.
			compute(req.file, req.query);
			if (req.keep)
				try {
					await saveFile(req.file);
					scope.postMessage({ type: 'kept', kind: req.file.kind });
				} catch (err) {
					scope.postMessage({ type: 'keep-failed', kind: req.file.kind, message: err instanceof Error ? err.message : String(err) });
				}
			return;
		}
		case 'restore': {
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
			for (const f of list) compute(f, req.query);
			return;
		}
		case 'recompute':
			for (const f of Object.values(held)) compute(f, req.query);
			return;
		case 'forget':
			delete held.salaries;
			delete held.postings;
			await forgetFiles();
			scope.postMessage({ type: 'forgotten' });
			return;
	}
};
