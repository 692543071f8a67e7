/**
 * Loads every pinned source from the data cache once per server process, checks each
 * file's sha256 against data/sources.json, parses it against its schema and keeps the
 * typed rows in memory. Salary rows are sorted by `salaryUsd` here, once, so every later
 * filter keeps them sorted (see transform/stats).
 *
 * A missing or altered file refuses only its own source: the salaries are required (the
 * load fails with DataIntegrityError), the Indeed and CPI sources degrade to "unavailable"
 * and the views that need them say which file is missing (see `sourceProblems`).
 * Messages name files by their name inside the data cache, never by a server path.
 */
import { error } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import manifest from '../../../data/sources.json';
import { parseSalaries } from '$lib/data/salaries';
import { parseCpi } from '$lib/data/cpi';
import { parsePostingsIndex, parseSectorIndex, parseShare } from '$lib/data/indeed';
import { prepareRows, type PreparedRows } from '$lib/transform/stats/prepare';
import { annualCpi, type AnnualCpi } from '$lib/transform/stats/real-pay';
import type { CpiRow, ParseIssue, PostingsIndexRow, SalaryRow, SectorIndexRow, ShareRow } from '$lib/data/types';

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

export interface ParseSummary {
	readonly file: string;
	readonly rowsRead: number;
	readonly accepted: number;
	readonly rejected: number;
	/** The first few issues, for the methodology page. */
	readonly sampleIssues: readonly ParseIssue[];
}

export interface Dataset {
	/** Sorted ascending by salaryUsd. */
	readonly salaries: readonly SalaryRow[];
	/** The salary rows indexed once for fast filtering (see transform/stats/prepare). */
	readonly prepared: PreparedRows;
	readonly cpi: readonly CpiRow[];
	/** Annual averages of the CPI, for real pay. */
	readonly annualCpi: readonly AnnualCpi[];
	readonly aiShare: readonly ShareRow[];
	readonly genaiShare: readonly ShareRow[];
	readonly postings: readonly PostingsIndexRow[];
	readonly sectors: readonly SectorIndexRow[];
	readonly parse: readonly ParseSummary[];
	/** What happened to each pinned source that was read (every state other than ok is a refused source). */
	readonly sources: readonly SourceStatus[];
}

/** ok: read and verified; missing: not in the data cache; altered: its sha256 differs from data/sources.json. */
export type SourceState = 'ok' | 'missing' | 'altered';

export interface SourceStatus {
	readonly id: string;
	/** Name inside the data cache, e.g. `us-cpi/cpiai.csv` (never a server path). */
	readonly file: string;
	readonly state: SourceState;
	/** For a refused source: what is wrong and how to fix it, in one sentence. */
	readonly message: string | null;
}

export const SOURCES: readonly SourceInfo[] = manifest.files;
export const LICENSES: Record<string, { name: string; url: string }> = manifest.licenses;
/** Date of the salary snapshot (the aijobs.net weekly export pinned in data/sources.json). */
export const DATA_VERSION: string = manifest.version;

/** Indeed sectors shown as context for AI/ML hiring; other sectors are parsed, then dropped. */
export const CONTEXT_SECTORS = ['Software Development', 'Mathematics'] as const;

export class DataMissingError extends Error {}
/** The salaries, which every view needs, are missing or altered: the server must not serve. */
export class DataIntegrityError extends DataMissingError {}

/** Sources a part of the app needs; `sourceProblems` tells whether they are all usable. */
export const NEEDS = {
	salaries: ['aijobs-salaries'],
	cpi: ['us-cpi'],
	aiShare: ['indeed-ai-share'],
	genaiShare: ['indeed-genai-share'],
	postings: SOURCES.filter((s) => s.id.startsWith('indeed-postings-')).map((s) => s.id),
	sectors: SOURCES.filter((s) => s.id.startsWith('indeed-sectors-')).map((s) => s.id)
} as const satisfies Record<string, readonly string[]>;

/** The refused sources among `ids` (empty when all are usable). */
export function sourceProblems(ds: Dataset, ids: readonly string[]): SourceStatus[] {
	return ds.sources.filter((s) => s.state !== 'ok' && ids.includes(s.id));
}

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
function detachStrings<T extends object>(rows: T[], intern: Map<string, string>): T[] {
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
	const parse: ParseSummary[] = [];
	const sources: SourceStatus[] = [];
	const keep = <T>(file: string, r: { rows: T[]; issues: ParseIssue[]; rowsRead: number; rejected: number }): T[] => {
		parse.push({ file, rowsRead: r.rowsRead, accepted: r.rows.length, rejected: r.rejected, sampleIssues: r.issues.slice(0, 5) });
		return r.rows;
	};
	// One copy of each distinct string across all sources (see detachStrings); dropped after the load.
	const intern = new Map<string, string>();
	/** Parse a verified source; a refused one contributes no rows. */
	const use = async <T extends object>(
		id: string,
		parser: (text: string) => { rows: T[]; issues: ParseIssue[]; rowsRead: number; rejected: number }
	): Promise<T[]> => {
		const source = SOURCES.find((s) => s.id === id)!;
		const { text, status } = await readVerified(source);
		sources.push(status);
		return text === null ? [] : keep(source.localName, parser(text));
	};
	const detach = <T extends object>(rows: T[]) => detachStrings(rows, intern);
	const parsedSalaries = await use('aijobs-salaries', parseSalaries);
	const salaryStatus = sources[0]!;
	if (salaryStatus.state !== 'ok') throw new DataIntegrityError(salaryStatus.message!);
	const prepared = prepareRows(parsedSalaries);
	const salaries = prepared.rows;
	// The salary rows stay as parsed: copying 74,000 rows would raise the start-up peak more
	// than it saves. The Indeed rows are detached once kept (only the context sectors).
	const cpi = await use('us-cpi', parseCpi);
	const aiShare = detach(await use('indeed-ai-share', (t) => parseShare(t, 'AI_share_postings')));
	const genaiShare = detach(await use('indeed-genai-share', (t) => parseShare(t, 'GenAI_share_postings')));
	const postings: PostingsIndexRow[] = [];
	const sectors: SectorIndexRow[] = [];
	for (const id of NEEDS.postings) postings.push(...detach(await use(id, parsePostingsIndex)));
	for (const id of NEEDS.sectors)
		sectors.push(...detach((await use(id, parseSectorIndex)).filter((r) => (CONTEXT_SECTORS as readonly string[]).includes(r.sector))));
	intern.clear();
	return { salaries, prepared, cpi, annualCpi: annualCpi(cpi), aiShare, genaiShare, postings, sectors, parse, sources };
}
