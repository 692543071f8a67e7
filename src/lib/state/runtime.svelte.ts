/**
 * Where the data comes from, in the browser: the tab's one results worker
 * (workers/results.ts), the built-in data packs it fetches after the first paint, and the
 * user's files this browser keeps. Every page's model goes through `clientPage` (the pages'
 * universal loads): the server's model for the URL it rendered, else the worker's, else — the
 * built-in data not yet here, or the worker failing — the same model from the server
 * (GET /api/pages/<page>), so a filter change costs a round trip only until the packs arrive.
 *
 * Nothing here sends the user's file anywhere: the worker reads it from IndexedDB. The requests
 * made are the built-in packs (public, content-hashed), the pages' JSON endpoint for the
 * built-in data, and GET /api/cpi.json when real pay on the user's file is asked before the
 * packs are here.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the worker, its listeners and the map of pending requests are not page state */
import { browser } from '$app/environment';
import { flushSync } from 'svelte';
import { error, redirect } from '@sveltejs/kit';
import { page as shown } from '$app/state';
import type { UploadKind } from '$lib/data/upload/fields';
import { afterWrites, loadAsOf, loadFileInfos, loadOverrides } from '$lib/data/upload/store';
import { pageAt, pageKey, type PageId } from '$lib/pages/key';
import type { PageProblem, PageResult } from '$lib/pages/registry';
import { parseSource } from '$lib/query/source';
import type { FileInfo, RuntimeRequest, RuntimeResponse } from '$lib/workers/results';

/** What a page's load gives its component: a model, a problem to say, or "the model is computed in the browser" (source=yours on the server). */
export interface PageData<P extends PageId = PageId> {
	/** The canonical key of the URL this data is for (`pageKey`). */
	readonly key: string;
	readonly result: PageResult<P> | null;
	readonly problem: PageProblem | null;
	/** Rendered on the server for source=yours: the browser computes the model from the kept file. */
	readonly pending: boolean;
	/** The worker could not compute the model (out of memory, a broken file). */
	readonly failure: string | null;
}

export type Restore = 'idle' | 'restoring' | 'done' | 'failed';
/**
 * 'warming': the built-in data is in the worker, which computes the pages, while the page is drawn
 * again in idle moments (`warmUp`); 'ready' once that is done.
 */
export type BuiltinState = 'idle' | 'loading' | 'warming' | 'ready' | 'failed';

/** How many times the page is drawn again on an equal model once the built-in data is in the worker. */
const WARM_DRAWS = 3;
/** What counts as the user doing something on the page (besides a navigation). */
const USE_EVENTS = ['pointerdown', 'keydown', 'input'] as const;

/** The file a page runs on: /demand uses the postings file, every other page the salaries file. */
export const kindOfPage = (page: PageId): UploadKind => (page === 'demand' ? 'postings' : 'salaries');

/** What the worker says, and that it was lost (stopped, or out of memory): what /data's upload state hears. */
export type RuntimeEvent = RuntimeResponse | { readonly type: 'worker-lost'; readonly message: string };

type Outcome = { result: PageResult } | { problem: PageProblem } | { error: 'not-ready' | 'failed'; message: string };

export class DataRuntime {
	/** The built-in data in the worker: until 'ready', built-in pages come from the server. */
	builtin: BuiltinState = $state('idle');
	builtinError: string | null = $state(null);
	/** Reading which files IndexedDB keeps: pages on them say "reading", not "no file", until it is done. */
	restore: Restore = $state('idle');
	restoreError: string | null = $state(null);
	/** The kept files, without their columns (those stay in IndexedDB and the worker). */
	files: Partial<Record<UploadKind, FileInfo>> = $state.raw({});

	private worker: Worker | null = null;
	private packs: { salaries: string; indeed: string } | null = null;
	/** The view the tab showed when the packs were asked for: the worker warms up on it first. */
	private first: { page: PageId; params: string } | undefined;
	private nextId = 1;
	private pending = new Map<number, (o: Outcome) => void>();
	private listeners = new Set<(m: RuntimeEvent) => void>();
	private reading: Promise<void> | null = null;
	/**
	 * A page asked of the worker as its navigation began (`prefetch`), with the kept files it
	 * was asked on: the page's load takes it instead of asking again. `key`: `askKey`.
	 */
	private early: { key: string; files: Partial<Record<UploadKind, FileInfo>> | null; outcome: Promise<Outcome> } | null = null;
	/** The worker's model of the page shown, equal to the one its load gave (`of`), drawn in its place (`warmUp`, `drawn`). */
	private warm: { of: PageResult; data: PageData } | null = $state.raw(null);
	/**
	 * The user has done something on the page since it loaded (a key, a click or tap, an input, or
	 * a navigation): from then on the page is not drawn again for the warm-up (`warmUp`).
	 */
	private used = false;
	private readonly use = () => {
		if (this.used) return;
		this.used = true;
		for (const t of USE_EVENTS) removeEventListener(t, this.use, { capture: true });
	};

	constructor() {
		if (browser) for (const t of USE_EVENTS) addEventListener(t, this.use, { capture: true, passive: true });
	}

	/** The worker, started on first use; /data's upload state listens to it too (`listen`). */
	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		const w = new Worker(new URL('../workers/results.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<RuntimeResponse>) => this.onMessage(w, e.data);
		w.onerror = (e) => {
			e.preventDefault();
			this.lose(w, 'The worker computing the figures stopped (it probably ran out of memory).');
		};
		this.worker = w;
		if (this.packs) this.sendBuiltin(w);
		return w;
	}

	private onMessage(w: Worker, m: RuntimeResponse): void {
		if (w !== this.worker) return;
		if (m.type === 'builtin-ready') {
			this.builtin = 'warming';
			this.builtinError = null;
			this.warmUp();
		} else if (m.type === 'builtin-failed') {
			this.builtin = 'failed';
			this.builtinError = m.message;
		} else if (m.type === 'page' || m.type === 'page-problem' || m.type === 'page-error') {
			const done = this.pending.get(m.id);
			this.pending.delete(m.id);
			done?.(
				m.type === 'page'
					? { result: m.result }
					: m.type === 'page-problem'
						? { problem: m.problem }
						: { error: m.code, message: m.message }
			);
		}
		for (const l of this.listeners) l(m);
	}

	/** The worker died or was stopped: pending pages fail (and fall back to the server where they can). */
	private lose(w: Worker, message: string): void {
		if (w !== this.worker) return;
		w.terminate();
		this.worker = null;
		if (this.builtin !== 'idle') this.builtin = 'idle';
		for (const done of this.pending.values()) done({ error: 'failed', message });
		this.pending.clear();
		for (const l of this.listeners) l({ type: 'worker-lost', message });
	}

	private sendBuiltin(w: Worker): void {
		this.builtin = 'loading';
		w.postMessage({ type: 'builtin', ...this.packs!, first: this.first } satisfies RuntimeRequest);
	}

	/**
	 * Fetch the built-in data packs into the worker (after the first paint); from then on built-in
	 * pages need no request. `at` is the URL the tab shows: its view is computed once before the
	 * worker says it is ready.
	 */
	start(packs: { salaries: string; indeed: string }, at?: URL): void {
		if (!browser || this.packs?.salaries === packs.salaries) return;
		this.packs = packs;
		const page = at ? pageAt(at.pathname) : undefined;
		this.first = page && at ? { page, params: at.searchParams.toString() } : undefined;
		// A new worker is sent the packs as it starts; one already running is sent them now.
		if (this.worker) this.sendBuiltin(this.worker);
		else this.ensureWorker();
	}

	/** Send a message to the worker (the /data page's file loading), with buffers to transfer. */
	send(m: RuntimeRequest, transfer: Transferable[] = []): void {
		this.ensureWorker().postMessage(m, transfer);
	}

	/** Hear the worker's messages (the /data page); returns the way to stop. */
	listen(l: (m: RuntimeEvent) => void): () => void {
		this.listeners.add(l);
		return () => this.listeners.delete(l);
	}

	/**
	 * Stop the worker, which may be busy computing (the /data page's "Forget"), and start a fresh
	 * one: it reads the built-in packs again (from the HTTP cache) and the user's files from IndexedDB.
	 */
	restartWorker(): void {
		if (this.worker) this.lose(this.worker, 'The figures were being computed on data that was just forgotten.');
		this.ensureWorker();
	}

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

	private ask(page: PageId, params: URLSearchParams, yours: boolean): Promise<Outcome> {
		const w = this.ensureWorker();
		const id = this.nextId++;
		return new Promise<Outcome>((done) => {
			this.pending.set(id, done);
			const salaries = this.files.salaries;
			const req: RuntimeRequest = {
				type: 'page',
				id,
				page,
				params: params.toString(),
				yours: yours
					? {
							loadedAt: Object.fromEntries(Object.values(this.files).map((f) => [f.kind, f.loadedAt])),
							overrides: loadOverrides(),
							asOf: salaries ? loadAsOf(salaries.loadedAt) : null
						}
					: null
			};
			w.postMessage(req);
		});
	}

	/**
	 * A navigation to `url` has begun (SvelteKit's beforeNavigate): when the worker can compute
	 * its page (the built-in data is here, or the user's kept files are known), ask it now, so
	 * that it computes while SvelteKit prepares the navigation; the page's load then takes the
	 * answer (`take`). Only the latest navigation's page is kept.
	 */
	prefetch(url: URL): void {
		this.early = null;
		this.use();
		if (!browser || url.origin !== location.origin) return;
		const page = pageAt(url.pathname);
		if (!page) return;
		const params = url.searchParams;
		const src = parseSource(params);
		if (src.error) return;
		const yours = src.source === 'yours';
		if (yours ? this.restore !== 'done' : !this.computes()) return;
		this.early = { key: askKey(page, params), files: yours ? this.files : null, outcome: this.ask(page, params, yours) };
	}

	/** The answer `prefetch` asked for this page (on these kept files, or the built-in data), taken once. */
	private take(key: string, files: Partial<Record<UploadKind, FileInfo>> | null): Promise<Outcome> | null {
		const e = this.early;
		if (e === null || e.key !== key || e.files !== files) return null;
		this.early = null;
		return e.outcome;
	}

	/** Does the worker compute built-in pages (its data is here)? */
	computes(): boolean {
		return this.builtin === 'ready' || this.builtin === 'warming';
	}

	/**
	 * The built-in data has reached the worker: in idle moments, draw the page shown again a few
	 * times on the worker's model of it, equal to the one on screen (so nothing on screen moves;
	 * `drawn`), the first time by way of a neighbouring view taken back in the same task (see
	 * `quietPage`). The first filter changes after a page load otherwise run on code the engine has
	 * not compiled or optimised yet, and took 50–90 ms instead of 30–40 (a trace on /pay: the
	 * update's scripts 24–40 ms against about 10 warm). Only while the user has done nothing on the
	 * page yet (`used`): a box being typed in takes its text from the model again when the model
	 * changes, even to an equal one (PayPage's salary), and a navigation under way would be aborted
	 * if this ran the page's load again (SvelteKit's `invalidate`), so it does not. The worker
	 * computes changes meanwhile; 'ready' when done.
	 */
	private warmUp(): void {
		let left = WARM_DRAWS;
		const stop = () => {
			if (this.builtin === 'warming') this.builtin = 'ready';
		};
		// Every navigation counts as use (`prefetch`), so none is under way while this draws.
		const busy = () => this.used || this.builtin !== 'warming';
		let neighbour = true;
		const step = async () => {
			const page = pageAt(location.pathname);
			const params = new URLSearchParams(location.search);
			// Not /demand: its model needs the Indeed pack, fetched only when a change there asks for it.
			if (left-- <= 0 || busy() || !page || page === 'demand' || parseSource(params).source !== 'builtin') return stop();
			const key = pageKey(page, params);
			const loaded = shown.data as Partial<PageData>;
			if (loaded.key !== key || !loaded.result) return stop();
			const [o, other] = await Promise.all([this.ask(page, params, false), neighbour ? this.ask(page, neighbourOf(params), false) : null]);
			neighbour = false;
			if (busy() || !('result' in o)) return stop();
			const equal: PageData = toPageData(key, o);
			if (other && 'result' in other && quietPage()) {
				// Once: a neighbouring view (another experience level), then this one again, drawn in one
				// task, so the browser never paints or lays out the other one in between (nothing on screen
				// moves; `Deferred` blocks keep what they show). Equal models change no text, so this is
				// what runs the code that updates the page's elements before the reader's first change:
				// on bench:ui, the first change on /pay took 40 ms instead of 46–53 (medians over 8 loads)
				// and the p95 of 60 changes 40–56 ms instead of 49–59. The task takes 60–80 ms once, about
				// a second after the load.
				const [x, y] = [scrollX, scrollY];
				flushSync(() => (this.warm = { of: loaded.result!, data: toPageData(key, other) }));
				flushSync(() => (this.warm = { of: loaded.result!, data: equal }));
				if (scrollX !== x || scrollY !== y) scrollTo(x, y);
			} else this.warm = { of: loaded.result, data: equal };
			idle(step);
		};
		idle(step);
	}

	/**
	 * What the page draws for its load's `data`: the same, or the worker's equal model of that very
	 * model (`warmUp`); any later load's data is drawn as it is.
	 */
	drawn<P extends PageId>(data: PageData<P>): PageData<P> {
		const w = this.warm;
		return w !== null && data.result !== null && data.result === w.of ? (w.data as PageData<P>) : data;
	}

	/** A page's model on the user's kept files (never from the server: the file does not leave the browser). */
	async yourPage<P extends PageId>(page: P, params: URLSearchParams): Promise<PageData<P>> {
		const key = pageKey(page, params);
		// Files already read in this tab: ask the worker at once (or take what the navigation's
		// start asked), while IndexedDB is read again (a round trip to the browser's storage); the
		// answer stands if the kept files are the same.
		const known = this.restore === 'done' ? this.files : null;
		const early = known ? (this.take(askKey(page, params), known) ?? this.ask(page, params, true)) : null;
		await this.refresh();
		if (early && this.restore === 'done' && sameFiles(known!, this.files)) return toPageData<P>(key, await early);
		if (this.restore === 'failed')
			return {
				key,
				result: null,
				problem: null,
				pending: false,
				failure: `This browser did not let the page read your kept data (${this.restoreError}).`
			};
		const o = await this.ask(page, params, true);
		return toPageData<P>(key, o);
	}

	/** A page's model on the built-in data from the worker, or null when it cannot give one (then the server does). */
	async builtinPage<P extends PageId>(page: P, params: URLSearchParams): Promise<PageData<P> | null> {
		if (!this.computes()) return null;
		const o = await (this.take(askKey(page, params), null) ?? this.ask(page, params, false));
		if ('error' in o) return null;
		return toPageData<P>(pageKey(page, params), o);
	}
}

/** What the worker is asked, exactly: the page and its URL's parameters as given (not canonical, since the model quotes unknown ones). */
const askKey = (page: PageId, params: URLSearchParams) => `${page}?${params.toString()}`;

/** The same kept files: each kind's load time (a file loaded or forgotten since changes it). */
function sameFiles(a: Partial<Record<UploadKind, FileInfo>>, b: Partial<Record<UploadKind, FileInfo>>): boolean {
	return (['salaries', 'postings'] as const).every((k) => a[k]?.loadedAt === b[k]?.loadedAt);
}

function toPageData<P extends PageId>(key: string, o: Outcome): PageData<P> {
	if ('result' in o) return { key, result: o.result as PageResult<P>, problem: null, pending: false, failure: null };
	if ('problem' in o) {
		if (o.problem.code === 'redirect') redirect(307, o.problem.location);
		if (o.problem.code === 'bad-source') error(400, o.problem.message);
		return { key, result: null, problem: o.problem, pending: false, failure: null };
	}
	return { key, result: null, problem: null, pending: false, failure: o.message };
}

/**
 * Whether the neighbouring view may be drawn and taken back unseen: nothing has focus (an element
 * drawn again would lose it), no alert says anything (one said again is read out again) and no
 * input is waiting (the draw takes one long task).
 */
function quietPage(): boolean {
	const pending = (navigator as Navigator & { scheduling?: { isInputPending?: () => boolean } }).scheduling?.isInputPending?.();
	const alerts = [...document.querySelectorAll('[role="alert"]')].some((e) => e.textContent?.trim());
	return document.activeElement === document.body && !alerts && pending !== true;
}

/** The same view for another experience level: senior only, or every level where the URL already picks some. */
function neighbourOf(params: URLSearchParams): URLSearchParams {
	const p = new URLSearchParams(params);
	if (p.has('exp')) p.delete('exp');
	else p.set('exp', 'SE');
	return p;
}

/** Run `f` in an idle moment (or soon, where the browser has no idle callbacks). */
function idle(f: () => void): void {
	if ('requestIdleCallback' in window) requestIdleCallback(f, { timeout: 500 });
	else setTimeout(f, 50);
}

/** The tab's one instance (browser only). */
export const runtime = new DataRuntime();

/**
 * Every page's universal load: the model for the URL, from the server's render when it is for
 * this URL, else computed in the browser (source=yours always; the built-in data once its packs
 * are here), else from the server's JSON endpoint — the same `runPage` call on the same data.
 */
export async function clientPage<P extends PageId>(
	page: P,
	e: { readonly data: PageData<P>; readonly url: URL; readonly fetch: typeof fetch }
): Promise<PageData<P>> {
	if (!browser) return e.data;
	const params = e.url.searchParams;
	const key = pageKey(page, params);
	// The server's model of this URL (the first paint) until the worker computes the built-in pages;
	// from then on the worker's, also for this URL, so that every model drawn is built the same way.
	const rendered = e.data.key === key && !e.data.pending;
	if (rendered && !runtime.computes()) return e.data;
	const src = parseSource(params);
	if (src.error) error(400, src.error.message);
	if (src.source === 'yours') return runtime.yourPage(page, params);
	const here = await runtime.builtinPage(page, params);
	if (here) return here;
	if (rendered) return e.data;
	const r = await e.fetch(`/api/pages/${page}?${params.toString()}`);
	if (r.status === 400) error(400, (await r.text()).trim());
	if (!r.ok) error(r.status, (await r.text()).trim() || 'The server could not compute this page.');
	const data = (await r.json()) as PageData<P>;
	if (data.problem?.code === 'redirect') redirect(307, data.problem.location);
	return data;
}
