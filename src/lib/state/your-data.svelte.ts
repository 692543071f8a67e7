/**
 * The state of "Your data" (/data): which files are loaded, the file being read (sniff →
 * mapping → parse with progress), the title overrides, and the figures computed from the
 * files. Owns two Web Workers: the upload parser (data/upload/worker.ts) and the results
 * worker (workers/results.ts). Browser only: call `start()` in onMount and `stop()` on destroy.
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
	forgetFiles,
	forgetMappings,
	loadFiles,
	loadOverrides,
	recallMapping,
	rememberMapping,
	rememberedMappingCount,
	saveFile,
	saveOverrides,
	type RememberedMapping,
	type StoredFile
} from '$lib/data/upload/store';
import type { TitleOverrides } from '$lib/data/upload/titles';
import type { DateFormat, NumberFormat } from '$lib/data/upload/values';
import type { TitleFamily } from '$lib/transform/title-families';
import type { YourPostingsModel, YourSalariesModel } from '$lib/views/your-data';
import type { ResultsRequest, ResultsResponse } from '$lib/workers/results';

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
	files: Partial<Record<UploadKind, StoredFile>> = $state.raw({});
	overrides: TitleOverrides = $state.raw({});
	results: Results = $state.raw({});
	resultErrors: Partial<Record<UploadKind, string>> = $state.raw({});
	computing: Partial<Record<UploadKind, boolean>> = $state.raw({});
	/** The kind of a file that has just loaded (the page moves focus to its report, then clears it). */
	justLoaded: UploadKind | null = $state(null);
	/** True once the kept files have been read back from IndexedDB. */
	restored = $state(false);
	rememberedMappings = $state(0);
	/** Time the results worker took, per kind (ms), for the page's "computed in" note. */
	computeMs: Partial<Record<UploadKind, number>> = $state.raw({});

	private parser: Worker | null = null;
	private computer: Worker | null = null;
	private nextId = 1;
	private pending = new Map<number, UploadKind>();

	/** Create the workers and read back what a previous visit kept. */
	async start(): Promise<void> {
		this.parser = this.makeParser();
		this.computer = new Worker(new URL('../workers/results.ts', import.meta.url), { type: 'module' });
		this.computer.onmessage = (e: MessageEvent<ResultsResponse>) => this.onResults(e.data);
		this.computer.onerror = () => {
			this.resultErrors = { salaries: 'The results worker stopped (out of memory?).', postings: 'The results worker stopped.' };
			this.computing = {};
		};
		this.overrides = loadOverrides();
		this.rememberedMappings = rememberedMappingCount();
		try {
			this.files = await loadFiles();
		} catch {
			this.notice = 'This browser does not let the page keep data (IndexedDB is unavailable): a reload will forget the file.';
		}
		this.restored = true;
		for (const f of Object.values(this.files)) this.compute(f);
	}

	stop(): void {
		this.parser?.terminate();
		this.computer?.terminate();
		this.parser = this.computer = null;
	}

	private makeParser(): Worker {
		const w = new Worker(new URL('../data/upload/worker.ts', import.meta.url), { type: 'module' });
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
				`This file is ${(file.size / 1024 ** 3).toFixed(1)} GB; files over 1 GB are not read in the browser. Pre-count it (see the README) or split it.`
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
		this.files = { ...this.files, [kind]: stored };
		this.notice = previous ? `This ${kind} file replaced the earlier one (${previous.name}): one ${kind} file is kept at a time.` : null;
		this.reset();
		this.justLoaded = kind;
		// Copying the columns to the results worker and into IndexedDB are each a synchronous
		// structured clone on this thread: separate tasks, after the report has been drawn.
		setTimeout(() => {
			this.compute(stored);
			performance.mark('your-data:sent');
			setTimeout(() => {
				saveFile(stored)
					.then(() => performance.mark('your-data:stored'))
					.catch(() => {
						this.notice = 'The file could not be kept in this browser (IndexedDB refused it, perhaps for space): a reload will forget it.';
					});
			}, 0);
		}, 0);
	}

	/** Ask the results worker for the figures of a kept file. */
	private compute(f: StoredFile): void {
		if (!this.computer) return;
		const id = this.nextId++;
		for (const [k, v] of this.pending) if (v === f.kind) this.pending.delete(k);
		this.pending.set(id, f.kind);
		this.computing = { ...this.computing, [f.kind]: true };
		const query = { mode: 'family' as const, overrides: this.overrides };
		const req = { id, kind: f.kind, columns: f.columns, fileName: f.name, query } as ResultsRequest;
		this.computer.postMessage(req);
	}

	private onResults(r: ResultsResponse): void {
		const kind = this.pending.get(r.id);
		if (!kind) return; // superseded
		this.pending.delete(r.id);
		this.computing = { ...this.computing, [kind]: false };
		if ('error' in r) {
			this.resultErrors = { ...this.resultErrors, [kind]: r.error };
			return;
		}
		this.resultErrors = { ...this.resultErrors, [kind]: undefined };
		this.results = { ...this.results, [kind]: r.model };
		performance.mark('your-data:computed');
		this.computeMs = { ...this.computeMs, [kind]: r.elapsedMs };
	}

	/** Assign a title to a family (or back to neither) for the user's data; recompute both files. */
	setOverride(title: string, family: TitleFamily | null): void {
		const next: Record<string, TitleFamily | null> = { ...this.overrides };
		if (family === null) delete next[title];
		else next[title] = family;
		this.overrides = next;
		saveOverrides(next);
		for (const f of Object.values(this.files)) this.compute(f);
	}

	/** "Forget this data": both files and the title overrides, from memory and from the browser's storage. */
	async forget(): Promise<void> {
		this.post({ type: 'cancel' });
		this.reset();
		this.files = {};
		this.results = {};
		this.resultErrors = {};
		this.computing = {};
		this.pending.clear();
		this.overrides = {};
		saveOverrides({});
		await forgetFiles();
		this.error = null;
		this.notice = 'Your data was forgotten: nothing of it is kept in this browser any more.';
	}

	forgetMappings(): void {
		forgetMappings();
		this.rememberedMappings = rememberedMappingCount();
	}
}
