/**
 * Loads every pinned source from the data cache once per server process, parses it
 * against its schema and keeps the typed rows in memory. Salary rows are sorted by
 * `salaryUsd` here, once, so every later filter keeps them sorted (see transform/stats).
 */
import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
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
}

export const SOURCES: readonly SourceInfo[] = manifest.files;
export const LICENSES: Record<string, { name: string; url: string }> = manifest.licenses;
/** Date of the salary snapshot (the aijobs.net weekly export pinned in data/sources.json). */
export const DATA_VERSION: string = manifest.version;

/** Indeed sectors shown as context for AI/ML hiring; other sectors are parsed, then dropped. */
export const CONTEXT_SECTORS = ['Software Development', 'Mathematics'] as const;

export class DataMissingError extends Error {}

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

async function read(localName: string): Promise<string> {
	const path = join(cacheDir(), localName);
	if (!existsSync(path))
		throw new DataMissingError(`The data file ${localName} is not in ${cacheDir()}. Run "npm run data" to resolve the pinned sources.`);
	return readFile(path, 'utf8');
}

async function load(): Promise<Dataset> {
	const parse: ParseSummary[] = [];
	const keep = <T>(file: string, r: { rows: T[]; issues: ParseIssue[]; rowsRead: number; rejected: number }): T[] => {
		parse.push({ file, rowsRead: r.rowsRead, accepted: r.rows.length, rejected: r.rejected, sampleIssues: r.issues.slice(0, 5) });
		return r.rows;
	};
	const byId = (id: string) => SOURCES.find((s) => s.id === id)!.localName;
	const parsedSalaries = keep(byId('aijobs-salaries'), parseSalaries(await read(byId('aijobs-salaries'))));
	const prepared = prepareRows(parsedSalaries);
	const salaries = prepared.rows;
	const cpi = keep(byId('us-cpi'), parseCpi(await read(byId('us-cpi'))));
	const aiShare = keep(byId('indeed-ai-share'), parseShare(await read(byId('indeed-ai-share')), 'AI_share_postings'));
	const genaiShare = keep(byId('indeed-genai-share'), parseShare(await read(byId('indeed-genai-share')), 'GenAI_share_postings'));
	const postings: PostingsIndexRow[] = [];
	const sectors: SectorIndexRow[] = [];
	for (const s of SOURCES) {
		if (s.id.startsWith('indeed-postings-')) postings.push(...keep(s.localName, parsePostingsIndex(await read(s.localName))));
		if (s.id.startsWith('indeed-sectors-'))
			for (const r of keep(s.localName, parseSectorIndex(await read(s.localName))))
				if ((CONTEXT_SECTORS as readonly string[]).includes(r.sector)) sectors.push(r);
	}
	return { salaries, prepared, cpi, annualCpi: annualCpi(cpi), aiShare, genaiShare, postings, sectors, parse };
}
