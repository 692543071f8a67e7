/**
 * Reads every pinned source from the data cache once per server process, checks each
 * file's sha256 against data/sources.json, parses it against its schema and builds the
 * Dataset (transform/dataset, pure) that every page view takes. Only file reading,
 * verification and caching happen here.
 *
 * A missing or altered file refuses only its own source: the salaries are required (the
 * load fails with DataIntegrityError), the Indeed and CPI sources degrade to "unavailable"
 * and the views that need them say which file is missing (see `sourceProblems` in
 * transform/dataset). Messages name files by their name inside the data cache, never by a
 * server path.
 */
import { error } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import manifest from '../../../data/sources.json';
import { parseSalaries } from '$lib/data/salaries';
import { parseCpi } from '$lib/data/cpi';
import { parseSectorIndex, parseShare } from '$lib/data/indeed';
import { buildDataset, type Dataset, type ParsedFile, type ParsedSources, type SourceStatus } from '$lib/transform/dataset';
import type { ParseResult, SectorIndexRow } from '$lib/data/types';

export interface SourceInfo {
	readonly id: string;
	readonly localName: string;
	readonly repository: string;
	readonly commit: string;
	readonly upstreamPath: string;
	readonly url: string;
	readonly sha256: string;
	readonly license: string;
	readonly attribution: string;
	readonly description: string;
}

export const SOURCES: readonly SourceInfo[] = manifest.files;
export const LICENSES: Record<string, { name: string; url: string }> = manifest.licenses;
/** Date of the salary snapshot (the aijobs.net weekly export pinned in data/sources.json). */
export const DATA_VERSION: string = manifest.version;

export class DataMissingError extends Error {}
/** The salaries, which every view needs, are missing or altered: the server must not serve. */
export class DataIntegrityError extends DataMissingError {}

export function cacheDir(): string {
	return resolve(process.env.DATA_CACHE_DIR ?? '.data-cache');
}

let loading: Promise<Dataset> | null = null;

/** The dataset, or an HTTP 503 that says how to get the data (for loads and endpoints). */
export async function requireDataset(): Promise<Dataset> {
	try {
		return await getDataset();
	} catch (err) {
		if (err instanceof DataMissingError) error(503, err.message);
		throw err;
	}
}

/** The dataset, loaded on first call; a failed load is retried on the next call. */
export function getDataset(): Promise<Dataset> {
	loading ??= load().catch((err: unknown) => {
		loading = null;
		throw err;
	});
	return loading;
}

/**
 * Read one pinned file and check its sha256 against the manifest: the text, or null with
 * the reason in `status`. The bytes hashed are the bytes parsed.
 */
export async function readVerified(
	source: Pick<SourceInfo, 'id' | 'localName' | 'sha256'>,
	dir = cacheDir()
): Promise<{ text: string | null; status: SourceStatus }> {
	const base = { id: source.id, file: source.localName };
	let bytes: Buffer;
	try {
		bytes = await readFile(join(dir, source.localName));
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'is missing from the data cache' : `cannot be read (${code ?? 'error'})`;
		return {
			text: null,
			status: {
				...base,
				state: 'missing',
				message: `The data file ${source.localName} ${why}; run "npm run data" to resolve the pinned sources.`
			}
		};
	}
	const actual = createHash('sha256').update(bytes).digest('hex');
	if (actual !== source.sha256)
		return {
			text: null,
			status: {
				...base,
				state: 'altered',
				message: `The data file ${source.localName} does not match its pinned sha256 (expected ${source.sha256.slice(0, 12)}…, found ${actual.slice(0, 12)}…), so it is not used; run "npm run data" to restore the pinned copy.`
			}
		};
	return { text: bytes.toString('utf8'), status: { ...base, state: 'ok', message: null } };
}

/**
 * Rows whose string fields are fresh, shared copies. A parser's cells are slices of the
 * file's text, and one kept slice keeps the whole text (up to 4 MB per file) alive; the
 * same date or country also repeats in thousands of rows. Measured: about 20 MB less heap
 * once the Indeed files are loaded.
 */
function detachStrings<T extends object>(rows: readonly T[], intern: Map<string, string>): T[] {
	const fresh = (s: string): string => {
		let v = intern.get(s);
		if (v === undefined) {
			v = Buffer.from(s, 'utf8').toString('utf8');
			intern.set(v, v);
		}
		return v;
	};
	return rows.map((row) => {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' ? fresh(v) : v;
		return out as T;
	});
}

async function load(): Promise<Dataset> {
	const sources: SourceStatus[] = [];
	/** Read, verify and parse one pinned source; a refused one is null (its status says why). */
	const file = async <T>(id: string, parse: (text: string) => ParseResult<T>): Promise<ParsedFile<T> | null> => {
		const source = SOURCES.find((s) => s.id === id)!;
		const { text, status } = await readVerified(source);
		sources.push(status);
		return text === null ? null : { file: source.localName, ...parse(text) };
	};
	const salaries = await file('aijobs-salaries', parseSalaries);
	if (salaries === null) throw new DataIntegrityError(sources[0]!.message!);
	const cpi = await file('us-cpi', parseCpi);
	const aiShare = await file('indeed-ai-share', (t) => parseShare(t, 'AI_share_postings'));
	const genaiShare = await file('indeed-genai-share', (t) => parseShare(t, 'GenAI_share_postings'));
	// The all-postings indices (indeed-postings-*) stay pinned in data/sources.json but are not
	// read: no page shows them.
	const sectors: ParsedFile<SectorIndexRow>[] = [];
	for (const s of SOURCES.filter((s) => s.id.startsWith('indeed-sectors-'))) {
		const f = await file(s.id, parseSectorIndex);
		if (f) sectors.push(f);
	}
	const parsed: ParsedSources = { dataVersion: DATA_VERSION, salaries, cpi, aiShare, genaiShare, sectors, sources };
	const ds = buildDataset(parsed);
	// The salary rows stay as parsed: copying 74,000 rows would raise the start-up peak more
	// than it saves. The Indeed rows are detached once kept (only the context sectors); the
	// parsed files, and with them the file texts, are dropped when this returns.
	const intern = new Map<string, string>();
	return {
		...ds,
		aiShare: detachStrings(ds.aiShare, intern),
		genaiShare: detachStrings(ds.genaiShare, intern),
		sectors: detachStrings(ds.sectors, intern)
	};
}
