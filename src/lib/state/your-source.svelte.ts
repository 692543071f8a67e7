/**
 * The user's data on every page (`source=yours`): which files this browser keeps (read from
 * IndexedDB on the main thread without their columns, for the source switch), and the page
 * models computed from them in a results worker (workers/results.ts, `page` requests). One
 * instance per tab (`yourSource`), used only in the browser (effects and event handlers).
 *
 * Nothing here sends the file anywhere: the worker reads the columns from IndexedDB. The one
 * request it makes is GET /api/cpi.json (public CPI rows, no parameters) when a page asks for
 * real pay.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the worker and the map of pending requests are not page state */
import type { CpiRow } from '$lib/data/types';
import type { UploadKind } from '$lib/data/upload/fields';
import { afterWrites, loadAsOf, loadFileInfos, loadOverrides } from '$lib/data/upload/store';
import type { ParsedFile } from '$lib/transform/dataset';
import type { YourPageFrame, YourPageModel, YourPageQuery } from '$lib/views/your-pages';
import type { FileInfo, ResultsRequest, ResultsResponse } from '$lib/workers/results';

export type Restore = 'idle' | 'restoring' | 'done' | 'failed';

/** The file a page runs on: /demand uses the postings file, every other page the salaries file. */
export const kindOfPage = (page: YourPageQuery['page']): UploadKind => (page === 'demand' ? 'postings' : 'salaries');

export class YourSource {
	/** Reading what IndexedDB keeps: the pages show "loading", not "no file", until it is done. */
	restore: Restore = $state('idle');
	restoreError: string | null = $state(null);
	files: Partial<Record<UploadKind, FileInfo>> = $state.raw({});
	/** The last salary page's frame (filter counts, countries, years from the file), for the filter panel. */
	frame: YourPageFrame | null = $state.raw(null);

	private worker: Worker | null = null;
	private nextId = 1;
	private pending = new Map<number, { ok: (m: YourPageModel) => void; fail: (e: YourPageError) => void }>();
	private cpi: Promise<ParsedFile<CpiRow>> | null = null;
	private reading: Promise<void> | null = null;

	/**
	 * Read (again) which files are kept: on every page load, since /data may have loaded or
	 * forgotten one. Waits for a write under way (a file /data is still keeping, in this tab or
	 * another), and the pages say "reading" meanwhile rather than trust what was read before.
	 */
	refresh(): Promise<void> {
		if (this.reading) return this.reading;
		this.restore = 'restoring';
		this.reading = afterWrites(() => loadFileInfos())
			.then((files) => {
				this.files = files;
				this.restore = 'done';
				this.restoreError = null;
			})
			.catch((err: unknown) => {
				this.files = {};
				this.restore = 'failed';
				this.restoreError = err instanceof Error ? err.message : String(err);
			})
			.finally(() => (this.reading = null));
		return this.reading;
	}

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		const w = new Worker(new URL('../workers/results.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<ResultsResponse>) => {
			const r = e.data;
			if (r.type !== 'page' && r.type !== 'page-error') return;
			const p = this.pending.get(r.id);
			if (!p) return;
			this.pending.delete(r.id);
			if (r.type === 'page') {
				if (r.model.page !== 'demand') this.frame = r.model;
				p.ok(r.model);
			} else p.fail(new YourPageError(r.code, r.message));
		};
		w.onerror = (e) => {
			e.preventDefault();
			for (const p of this.pending.values())
				p.fail(new YourPageError('failed', 'The worker computing your figures stopped (it probably ran out of memory).'));
			this.pending.clear();
			this.worker?.terminate();
			this.worker = null;
		};
		return (this.worker = w);
	}

	/** The built-in annual CPI rows, fetched once (public data; the request carries nothing of the file). */
	private cpiRows(): Promise<ParsedFile<CpiRow>> {
		this.cpi ??= fetch('/api/cpi.json').then(async (r) => {
			if (!r.ok) {
				this.cpi = null;
				throw new YourPageError('failed', `Real pay needs the CPI, which the server could not give (${(await r.text()).trim()}).`);
			}
			const body = (await r.json()) as { file: string; rows: CpiRow[] };
			return { file: body.file, rows: body.rows, issues: [], rowsRead: body.rows.length, rejected: 0 };
		});
		return this.cpi;
	}

	/** The page's model on the kept file of its kind. Rejects with a YourPageError ('no-file' when nothing is kept). */
	async compute(query: YourPageQuery): Promise<YourPageModel> {
		const info = this.files[kindOfPage(query.page)];
		if (!info) throw new YourPageError('no-file', `No ${kindOfPage(query.page)} file is kept in this browser.`);
		const cpi = query.page !== 'demand' && query.filters.real ? await this.cpiRows() : null;
		const w = this.ensureWorker();
		const id = this.nextId++;
		return new Promise<YourPageModel>((ok, fail) => {
			this.pending.set(id, { ok, fail });
			const req: ResultsRequest = {
				type: 'page',
				id,
				query,
				loadedAt: info.loadedAt,
				overrides: loadOverrides(),
				cpi,
				asOf: info.kind === 'salaries' ? loadAsOf(info.loadedAt) : null
			};
			w.postMessage(req);
		});
	}
}

export class YourPageError extends Error {
	constructor(
		readonly code: 'no-file' | 'failed',
		message: string
	) {
		super(message);
	}
}

/** The tab's one instance (browser only). */
export const yourSource = new YourSource();
