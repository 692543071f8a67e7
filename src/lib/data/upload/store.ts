/**
 * Where a user's own data stays: in this browser only. Loaded files (columns, report,
 * header) live in IndexedDB, so a reload keeps them; the confirmed column mapping per header
 * layout (`mappingKey`) and the title overrides live in localStorage (small, no data values
 * beyond the titles the user assigned). Nothing here talks to the network.
 */
import type { UploadColumns } from './columns';
import type { ColumnMapping, UploadKind } from './fields';
import type { UploadReport } from './processor';
import type { DateFormat, NumberFormat } from './values';
import { TITLE_FAMILIES, type TitleFamily } from '../types';

/** The user's decisions for their data: raw title → family (null = in neither). Kept in localStorage. */
export type TitleOverrides = Readonly<Record<string, TitleFamily | null>>;

export interface StoredFile {
	readonly kind: UploadKind;
	readonly name: string;
	readonly size: number;
	/** When it was loaded (ISO time). */
	readonly loadedAt: string;
	readonly header: readonly string[];
	readonly mapping: ColumnMapping;
	readonly columns: UploadColumns;
	readonly report: UploadReport;
	readonly elapsedMs: number;
	readonly rowsPerSecond: number;
}

export interface RememberedMapping {
	readonly mapping: ColumnMapping;
	readonly numberFormat?: NumberFormat;
	readonly dateFormat?: DateFormat;
	/** When the user confirmed it (ISO time). */
	readonly savedAt: string;
}

const DB_NAME = 'ai-vs-ml-your-data';
const FILES = 'files';
const MAPPING_PREFIX = 'ai-vs-ml:mapping:';
const OVERRIDES_KEY = 'ai-vs-ml:title-overrides';
const AS_OF_KEY = 'ai-vs-ml:as-of';

let opening: Promise<IDBDatabase> | null = null;

// ---- writes before reads ---------------------------------------------------------------
// A kept file is written by the results worker after the page has decided to keep it; a page
// opened meanwhile (in this tab or another) must read after that write, not before it, or it
// finds no file. The page that decides a write holds this lock until the write has committed
// (or failed); readers take it shared. Web Locks cover every tab of the origin and are released
// if the tab closes; without them (no secure context) the chain below orders this tab's reads.

const LOCK = 'ai-vs-ml-your-data';
let localWrites: Promise<void> = Promise.resolve();

function lockManager(): LockManager | null {
	return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/**
 * Hold the write lock from now until the returned `release` is called (idempotent). Call it
 * synchronously where a write is decided, before announcing anything, so that no read asked
 * for afterwards can run before the write ends.
 */
export function holdWrites(): () => void {
	let release!: () => void;
	const done = new Promise<void>((ok) => (release = ok));
	localWrites = localWrites.then(() => done);
	void lockManager()?.request(LOCK, { mode: 'exclusive' }, () => done);
	return release;
}

/** Run `read` once every write held before this call has ended (in this tab; in every tab where Web Locks exist). */
export async function afterWrites<T>(read: () => Promise<T>): Promise<T> {
	await localWrites;
	const locks = lockManager();
	return locks ? locks.request(LOCK, { mode: 'shared' }, read) : read();
}

function db(): Promise<IDBDatabase> {
	opening ??= new Promise<IDBDatabase>((ok, fail) => {
		const r = indexedDB.open(DB_NAME, 1);
		r.onupgradeneeded = () => {
			if (!r.result.objectStoreNames.contains(FILES)) r.result.createObjectStore(FILES);
		};
		r.onsuccess = () => ok(r.result);
		r.onerror = () => {
			opening = null;
			fail(r.error);
		};
	});
	return opening;
}

/** Run requests in one transaction; resolves when it commits (handlers attached before any event can fire). */
async function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const d = await db();
	const t = d.transaction(FILES, mode);
	const done = new Promise<void>((ok, fail) => {
		t.oncomplete = () => ok();
		t.onerror = () => fail(t.error);
		t.onabort = () => fail(t.error ?? new Error('IndexedDB transaction aborted'));
	});
	const r = run(t.objectStore(FILES));
	await done;
	return r.result;
}

/**
 * Chrome refuses a single IndexedDB value over about 133 MB, and a 200 MB file's columns are
 * more than that: each column is its own record (`salaries/salaryUsd`, …), the file's other
 * fields one more record under the kind, all in one transaction.
 */
type ColumnEntries = [string, unknown][];
const isBig = (v: unknown) => ArrayBuffer.isView(v) || (typeof v === 'object' && v !== null && 'codes' in v);

/** Keep a loaded file, replacing the earlier file of the same kind; resolves when the write has committed. */
export async function saveFile(f: StoredFile): Promise<void> {
	const entries = Object.entries(f.columns) as ColumnEntries;
	const small = Object.fromEntries(entries.filter(([, v]) => !isBig(v)));
	const big = entries.filter(([, v]) => isBig(v));
	await tx('readwrite', (s) => {
		s.delete(IDBKeyRange.bound(`${f.kind}/`, `${f.kind}/\uffff`));
		for (const [k, v] of big) s.put(v, `${f.kind}/${k}`);
		return s.put({ ...f, columns: small, bigColumns: big.map(([k]) => k) }, f.kind);
	});
}

/** The kept files by kind (missing kinds absent). */
export async function loadFiles(): Promise<Partial<Record<UploadKind, StoredFile>>> {
	const out: Partial<Record<UploadKind, StoredFile>> = {};
	for (const kind of ['salaries', 'postings'] as const) {
		const meta = (await tx('readonly', (s) => s.get(kind))) as (StoredFile & { bigColumns?: string[] }) | undefined;
		if (!meta) continue;
		const columns: Record<string, unknown> = { ...meta.columns };
		for (const k of meta.bigColumns ?? []) {
			const v = await tx('readonly', (s) => s.get(`${kind}/${k}`));
			if (v === undefined) throw new Error(`the kept ${kind} file is incomplete (no ${k})`);
			columns[k] = v;
		}
		const { bigColumns, ...rest } = meta;
		void bigColumns;
		out[kind] = { ...rest, columns: columns as unknown as StoredFile['columns'] };
	}
	return out;
}

/**
 * What is kept, without the columns (one small record per kind): the source switch on every
 * page reads this on the main thread to name the file and its rows without loading the data.
 */
export async function loadFileInfos(): Promise<Partial<Record<UploadKind, Omit<StoredFile, 'columns'>>>> {
	const out: Partial<Record<UploadKind, Omit<StoredFile, 'columns'>>> = {};
	for (const kind of ['salaries', 'postings'] as const) {
		const meta = (await tx('readonly', (s) => s.get(kind))) as (StoredFile & { bigColumns?: string[] }) | undefined;
		if (!meta) continue;
		const { columns, bigColumns, ...info } = meta;
		void columns;
		void bigColumns;
		out[kind] = info;
	}
	return out;
}

/** Forget one kind's file, or every file; resolves when the deletion has committed. */
export async function forgetFiles(kind?: UploadKind): Promise<void> {
	await tx('readwrite', (s) => {
		if (!kind) return s.clear();
		s.delete(IDBKeyRange.bound(`${kind}/`, `${kind}/\uffff`));
		return s.delete(kind);
	});
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export function rememberMapping(key: string, m: RememberedMapping): void {
	storage()?.setItem(MAPPING_PREFIX + key, JSON.stringify(m));
}

/** The mapping confirmed earlier for this header layout, if it still fits the header. */
export function recallMapping(key: string, columns: number): RememberedMapping | null {
	const raw = storage()?.getItem(MAPPING_PREFIX + key);
	if (!raw) return null;
	try {
		const m = JSON.parse(raw) as RememberedMapping;
		const fits = Object.values(m.mapping.fields).every((i) => Number.isInteger(i) && i >= 0 && i < columns);
		return fits ? m : null;
	} catch {
		return null;
	}
}

/** How many header layouts have a remembered mapping. */
export function rememberedMappingCount(): number {
	const s = storage();
	if (!s) return 0;
	let n = 0;
	for (let i = 0; i < s.length; i++) if (s.key(i)?.startsWith(MAPPING_PREFIX)) n++;
	return n;
}

export function forgetMappings(): void {
	const s = storage();
	if (!s) return;
	const keys: string[] = [];
	for (let i = 0; i < s.length; i++) {
		const k = s.key(i);
		if (k?.startsWith(MAPPING_PREFIX)) keys.push(k);
	}
	for (const k of keys) s.removeItem(k);
}

const FAMILY_VALUES = new Set<unknown>([...TITLE_FAMILIES, null]);

export function loadOverrides(): TitleOverrides {
	const raw = storage()?.getItem(OVERRIDES_KEY);
	if (!raw) return {};
	try {
		const o = JSON.parse(raw) as unknown;
		if (!o || typeof o !== 'object' || Array.isArray(o)) return {};
		// Only well-formed entries: a hand-edited store must not inject other values.
		return Object.fromEntries(Object.entries(o).filter(([, v]) => FAMILY_VALUES.has(v))) as TitleOverrides;
	} catch {
		return {};
	}
}

export function saveOverrides(o: TitleOverrides): void {
	const s = storage();
	if (!s) return;
	if (Object.keys(o).length === 0) s.removeItem(OVERRIDES_KEY);
	else s.setItem(OVERRIDES_KEY, JSON.stringify(o));
}

/** A calendar date `YYYY-MM-DD` that exists: `isIsoDate('2025-01-19') → true`, `isIsoDate('2025-02-30') → false`. */
export function isIsoDate(v: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * The date the user says their salaries file is "as of" (its export date), for the kept file
 * loaded at `loadedAt` only (a new file does not inherit it); null when not given.
 */
export function loadAsOf(loadedAt: string): string | null {
	const raw = storage()?.getItem(AS_OF_KEY);
	if (!raw) return null;
	try {
		const o = JSON.parse(raw) as { loadedAt?: unknown; date?: unknown };
		return o.loadedAt === loadedAt && typeof o.date === 'string' && isIsoDate(o.date) ? o.date : null;
	} catch {
		return null;
	}
}

export function saveAsOf(loadedAt: string, date: string | null): void {
	const s = storage();
	if (!s) return;
	if (date === null) s.removeItem(AS_OF_KEY);
	else s.setItem(AS_OF_KEY, JSON.stringify({ loadedAt, date }));
}
