/**
 * The state of "Your data" (/data): which files are loaded, the file being read (sniff →
 * mapping → parse with progress), the title overrides, and the figures computed from the
 * files. Owns the upload parser (workers/upload.ts); the figures come from the tab's one
 * results worker (workers/results.ts), which the data runtime (state/runtime.svelte.ts) owns and
 * every page shares. Browser only: call `start()` in onMount and `stop()` on destroy.
 *
 * Nothing here sends a request: files are read by the workers from the `File` object and
 * kept in IndexedDB (data/upload/store.ts).
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the workers, their URLs, time stamps and the map of pending requests are not page state */
import type { ColumnMapping, UploadKind } from '$lib/data/upload/fields';
import type { ErrorCode, Progress, WorkerRequest, WorkerResponse } from '$lib/data/upload/parse-file';
import type { Sniff } from '$lib/data/upload/sniff';
import { MAX_FILE_BYTES } from '$lib/data/upload/sniff';
import {
	afterWrites,
	forgetFiles,
	forgetMappings,
	holdWrites,
	isIsoDate,
	loadAsOf,
	loadOverrides,
	saveAsOf,
	recallMapping,
	rememberMapping,
	rememberedMappingCount,
	saveOverrides,
	type RememberedMapping,
	type StoredFile,
	type TitleOverrides
} from '$lib/data/upload/store';
import { transferablesOf } from '$lib/data/upload/columns';
import type { DateFormat, NumberFormat } from '$lib/data/upload/values';
import type { TitleFamily } from '$lib/data/types';
import type { TitleMode } from '$lib/transform/title-families';
import type { YourPostingsModel, YourSalariesModel } from '$lib/views/your-data';
import { gibibytes } from '$lib/format';
import type { FileInfo, RuntimeRequest } from '$lib/workers/results';
import { runtime, type RuntimeEvent } from './runtime.svelte';

export type Phase = 'idle' | 'sniffing' | 'mapping' | 'parsing' | 'saving';

/** What the page shows about the file being read. */
export interface Current {
	readonly file: File;
	readonly sniff: Sniff | null;
	/** The remembered mapping used for this file, if any. */
	readonly remembered: RememberedMapping | null;
	/** The mapping the file is being parsed with. */
	readonly confirmed?: Confirmed;
}

export interface Confirmed {
	readonly mapping: ColumnMapping;
	readonly numberFormat?: NumberFormat;
	readonly dateFormat?: DateFormat;
}

type Results = { salaries?: YourSalariesModel; postings?: YourPostingsModel };

export class YourData {
	phase: Phase = $state('idle');
	current: Current | null = $state.raw(null);
	progress: Progress | null = $state.raw(null);
	/** The last problem, shown as an alert (a refused file, a cancelled load, a worker failure). */
	error: { code: ErrorCode | 'worker'; message: string; file: string } | null = $state.raw(null);
	/** A plain note, e.g. that a file replaced the earlier one of its kind. */
	notice: string | null = $state(null);
	/** The loaded files without their columns (those live in the results worker). */
	files: Partial<Record<UploadKind, FileInfo>> = $state.raw({});
	overrides: TitleOverrides = $state.raw({});
	/** How titles are matched to families (`titles=family|strict` in the /data URL); set before `start`, change with `setMode`. */
	mode: TitleMode = $state('family');
	results: Results = $state.raw({});
	resultErrors: Partial<Record<UploadKind, string>> = $state.raw({});
	computing: Partial<Record<UploadKind, boolean>> = $state.raw({});
	/** The kind of a file that has just loaded (the page moves focus to its report, then clears it). */
	justLoaded: UploadKind | null = $state(null);
	/** True once the kept files have been read back from IndexedDB. */
	restored = $state(false);
	rememberedMappings = $state(0);
	/** The salaries file's "as of" date (YYYY-MM-DD) the user gave, for the pages on it (its year partial on /trends). */
	asOf: string | null = $state(null);
	/** Time the results worker took, per kind (ms), for the page's "computed in" note. */
	computeMs: Partial<Record<UploadKind, number>> = $state.raw({});
	/** Per kind: true once its IndexedDB write has committed (or it was read back from there), false when the write failed. */
	kept: Partial<Record<UploadKind, boolean>> = $state.raw({});
	/** True while "Forget this data" deletes from IndexedDB. */
	forgetting = $state(false);

	private parser: Worker | null = null;
	/** Stops hearing the results worker (the page went away). */
	private unlisten: (() => void) | null = null;
	/** Files read and handed to the results worker to keep, by load time, until it says the write committed (or failed). */
	private pendingKeeps = new Map<string, { file: File; info: FileInfo; previous: FileInfo | undefined; release: () => void }>();
	/** "Forget" is restarting the results worker: the loss it reports is not an error. */
	private restarting = false;

	/** Start the parser, hear the results worker, and read back what a previous visit kept (after any write another page or tab has under way). */
	start(): void {
		this.parser = this.makeParser();
		this.unlisten = runtime.listen((m) => this.onResults(m));
		this.overrides = loadOverrides();
		this.rememberedMappings = rememberedMappingCount();
		const parser = this.parser;
		void afterWrites(async () => {}).then(() => {
			if (this.parser === parser) this.send({ type: 'restore', query: this.query() });
		});
	}

	/** The results worker stopped: its figures are lost, and a write it had under way. */
	private onWorkerLost(): void {
		if (this.restarting) return;
		this.resultErrors = {
			salaries: 'The results worker stopped (out of memory?).',
			postings: 'The results worker stopped (out of memory?).'
		};
		this.computing = {};
		this.restored = true;
		// A write it had under way is lost: say so, and let readers go on.
		for (const loadedAt of [...this.pendingKeeps.keys()]) this.settleKeep(loadedAt, false, 'the results worker stopped', false);
	}

	private query() {
		return { mode: this.mode, overrides: this.overrides };
	}

	/** Switch between family and strict title matching; recompute the loaded files. */
	setMode(mode: TitleMode): void {
		if (mode === this.mode) return;
		this.mode = mode;
		this.computing = Object.fromEntries(Object.keys(this.files).map((k) => [k, true]));
		this.send({ type: 'recompute', query: this.query() });
	}

	private send(m: RuntimeRequest, transfer: Transferable[] = []): void {
		runtime.send(m, transfer);
	}

	/**
	 * The page goes away. A file still being written to IndexedDB is not lost with it: the results
	 * worker is the tab's, it stays (and finishes the write), and pages opened meanwhile wait for it.
	 */
	stop(): void {
		this.parser?.terminate();
		this.parser = null;
		// Writes under way still release their hold when the worker answers.
		if (this.pendingKeeps.size === 0) {
			this.unlisten?.();
			this.unlisten = null;
		}
	}

	/** Is a file being written to IndexedDB (the page asks before it unloads)? */
	get keeping(): boolean {
		return this.phase === 'saving' || this.pendingKeeps.size > 0;
	}

	private makeParser(): Worker {
		const w = new Worker(new URL('../workers/upload.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<WorkerResponse>) => this.onParser(e.data);
		w.onerror = (e) => {
			e.preventDefault();
			this.fail('worker', 'This file is too big for this browser: the reader stopped (it probably ran out of memory).');
			// A dead worker cannot be reused.
			this.parser?.terminate();
			this.parser = this.makeParser();
		};
		return w;
	}

	private post(m: WorkerRequest): void {
		this.parser?.postMessage(m);
	}

	/** Take a file from the input or a drop: refuse what is too big before reading, else sniff. */
	choose(file: File): void {
		this.error = null;
		this.notice = null;
		this.progress = null;
		this.current = { file, sniff: null, remembered: null };
		if (file.size > MAX_FILE_BYTES) {
			this.fail(
				'too-big',
				`This file is ${gibibytes(file.size)}; files over 1 GB are not read in the browser. Pre-count it (see the README) or split it.`
			);
			return;
		}
		this.phase = 'sniffing';
		this.post({ type: 'sniff', file });
	}

	/** Parse the current file with a mapping the user confirmed (and remember it for this header layout). */
	confirm(c: Confirmed, remember = true): void {
		const cur = this.current;
		if (!cur?.sniff) return;
		if (remember && cur.sniff.detection.layout === 'generic')
			rememberMapping(cur.sniff.mappingKey, { ...c, savedAt: new Date().toISOString() });
		this.rememberedMappings = rememberedMappingCount();
		this.current = { ...cur, confirmed: c };
		this.phase = 'parsing';
		this.progress = { type: 'progress', bytesRead: 0, totalBytes: cur.file.size, rowsRead: 0, rowsPerSecond: 0 };
		this.post({
			type: 'parse',
			file: cur.file,
			sniff: cur.sniff,
			mapping: c.mapping,
			numberFormat: c.numberFormat,
			dateFormat: c.dateFormat
		});
	}

	/** Show the mapping step for the current file even though a remembered mapping exists. */
	editMapping(): void {
		if (this.current?.sniff) {
			this.post({ type: 'cancel' });
			this.phase = 'mapping';
		}
	}

	cancel(): void {
		if (this.phase === 'parsing' || this.phase === 'sniffing') this.post({ type: 'cancel' });
		if (this.phase === 'mapping' || this.phase === 'sniffing') {
			this.error = { code: 'cancelled', message: 'Loading was cancelled; nothing was kept.', file: this.current?.file.name ?? '' };
			this.reset();
		}
	}

	private reset(): void {
		this.phase = 'idle';
		this.current = null;
		this.progress = null;
	}

	private fail(code: ErrorCode | 'worker', message: string): void {
		this.error = { code, message, file: this.current?.file.name ?? '' };
		this.reset();
	}

	private onParser(m: WorkerResponse): void {
		const cur = this.current;
		if (!cur) return;
		if (m.type === 'error') {
			this.fail(m.code, m.message);
			return;
		}
		if (m.type === 'sniffed') {
			if (this.phase !== 'sniffing') return;
			const s = m.sniff;
			const d = s.detection;
			if (d.layout !== 'generic' && d.mapping) {
				this.current = { ...cur, sniff: s };
				this.confirm({ mapping: d.mapping }, false);
				return;
			}
			const remembered = recallMapping(s.mappingKey, s.header.length);
			this.current = { ...cur, sniff: s, remembered };
			if (remembered) this.confirm(remembered, false);
			else this.phase = 'mapping';
			return;
		}
		if (m.type === 'progress') {
			if (this.phase === 'parsing') this.progress = m;
			return;
		}
		// done
		if (this.phase !== 'parsing' || !cur.sniff) return;
		// Marks for the browser measurements (tests/e2e/your-data.spec.ts): when each step ends.
		performance.mark('your-data:parsed');
		this.phase = 'saving';
		this.progress = null;
		const kind = m.columns.kind;
		const previous = this.files[kind];
		const stored: StoredFile = {
			kind,
			name: cur.file.name,
			size: cur.file.size,
			loadedAt: new Date().toISOString(),
			header: cur.sniff.header,
			mapping: cur.confirmed?.mapping ?? cur.sniff.detection.mapping!,
			columns: m.columns,
			report: m.report,
			elapsedMs: m.elapsedMs,
			rowsPerSecond: m.rowsPerSecond
		};
		const { columns, ...info } = stored;
		// Readers (pages, other tabs) wait from now until the write has committed; the report appears then.
		this.pendingKeeps.set(stored.loadedAt, { file: cur.file, info, previous, release: holdWrites() });
		// The columns move to the results worker (transferred, not copied); it keeps them in
		// IndexedDB, then computes the figures, so no large copy runs on this thread.
		this.send({ type: 'load', file: stored, keep: true, query: this.query() }, transferablesOf(columns));
	}

	/** The results worker's answer about a file it was to keep: show its report, "kept" only if the write committed. */
	private settleKeep(loadedAt: string, ok: boolean, message = '', computing = true): void {
		const p = this.pendingKeeps.get(loadedAt);
		if (!p) return; // forgotten meanwhile
		this.pendingKeeps.delete(loadedAt);
		p.release();
		const { info, previous } = p;
		const kind = info.kind;
		this.files = { ...this.files, [kind]: info };
		this.kept = { ...this.kept, [kind]: ok };
		if (kind === 'salaries') this.asOf = null;
		this.results = { ...this.results, [kind]: undefined };
		this.computing = { ...this.computing, [kind]: computing };
		const replaced = previous ? `This ${kind} file replaced the earlier one (${previous.name}): one ${kind} file is kept at a time.` : null;
		this.notice = ok ? replaced : `The ${kind} file could not be kept in this browser (${message}); a reload will forget it.`;
		// Another file may have been chosen meanwhile: its step stays on screen.
		if (this.phase === 'saving' && this.current?.file === p.file) {
			this.reset();
			this.justLoaded = kind;
		}
		if (ok) performance.mark('your-data:stored');
		if (!this.parser && this.pendingKeeps.size === 0) {
			this.unlisten?.();
			this.unlisten = null;
		}
	}

	private onResults(r: RuntimeEvent): void {
		switch (r.type) {
			case 'worker-lost':
				this.onWorkerLost();
				return;
			case 'restored': {
				const files = { ...this.files };
				const kept = { ...this.kept };
				for (const f of r.files)
					if (!files[f.kind]) {
						files[f.kind] = f;
						kept[f.kind] = true;
					}
				this.files = files;
				this.kept = kept;
				this.asOf = files.salaries ? loadAsOf(files.salaries.loadedAt) : null;
				this.computing = Object.fromEntries(r.files.map((f) => [f.kind, true]));
				this.restored = true;
				return;
			}
			case 'restore-failed':
				this.restored = true;
				this.notice = 'This browser does not let the page keep data (IndexedDB is unavailable): a reload will forget the file.';
				return;
			case 'kept':
				this.settleKeep(r.loadedAt, true);
				return;
			case 'keep-failed':
				this.settleKeep(r.loadedAt, false, r.message);
				return;
			case 'error':
				this.computing = { ...this.computing, [r.kind]: false };
				this.resultErrors = { ...this.resultErrors, [r.kind]: r.message };
				return;
			case 'model': {
				// A model for a file that has since been replaced or forgotten is dropped.
				if (this.files[r.kind]?.loadedAt !== r.loadedAt) return;
				this.computing = { ...this.computing, [r.kind]: false };
				this.resultErrors = { ...this.resultErrors, [r.kind]: undefined };
				this.results = { ...this.results, [r.kind]: r.model };
				this.computeMs = { ...this.computeMs, [r.kind]: r.elapsedMs };
				performance.mark('your-data:computed');
			}
		}
	}

	/** Assign a title to a family (or back to neither) for the user's data; recompute both files. */
	setOverride(title: string, family: TitleFamily | null): void {
		const next: Record<string, TitleFamily | null> = { ...this.overrides };
		if (family === null) delete next[title];
		else next[title] = family;
		this.overrides = next;
		saveOverrides(next);
		this.computing = Object.fromEntries(Object.keys(this.files).map((k) => [k, true]));
		this.send({ type: 'recompute', query: this.query() });
	}

	/**
	 * "Forget this data": both files and the title overrides, from memory and from the browser's
	 * storage. The results worker may be busy computing figures for seconds, and a message to it
	 * would wait behind that: it is stopped instead (a write it had under way aborts with it), and
	 * the files are deleted from here. "Forgotten" is said only once the deletion has committed.
	 */
	async forget(): Promise<void> {
		this.post({ type: 'cancel' });
		this.reset();
		// The pages' built-in data comes back into the fresh worker from the HTTP cache.
		this.restarting = true;
		runtime.restartWorker();
		this.restarting = false;
		for (const p of this.pendingKeeps.values()) p.release();
		this.pendingKeeps.clear();
		this.files = {};
		this.kept = {};
		this.results = {};
		this.resultErrors = {};
		this.computing = {};
		this.overrides = {};
		saveOverrides({});
		saveAsOf('', null);
		this.asOf = null;
		this.notice = null;
		this.error = null;
		this.forgetting = true;
		const release = holdWrites();
		try {
			await forgetFiles();
			this.notice = 'Your data was forgotten: nothing of it is kept in this browser any more.';
		} catch (err) {
			this.error = {
				code: 'worker',
				message: `This browser did not let the page remove the kept files (${err instanceof Error ? err.message : String(err)}); they may still be stored. Try again, or clear this site's data in the browser's settings.`,
				file: ''
			};
		} finally {
			release();
			this.forgetting = false;
			void runtime.refresh();
		}
	}

	/** Set (or clear, with '') the salaries file's "as of" date; false when it is not a date. */
	setAsOf(date: string): boolean {
		const f = this.files.salaries;
		if (!f) return false;
		if (date === '') {
			saveAsOf(f.loadedAt, null);
			this.asOf = null;
			return true;
		}
		if (!isIsoDate(date)) return false;
		saveAsOf(f.loadedAt, date);
		this.asOf = date;
		return true;
	}

	forgetMappings(): void {
		forgetMappings();
		this.rememberedMappings = rememberedMappingCount();
	}
}
