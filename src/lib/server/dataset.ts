/**
 * Reads every pinned source from the data cache once per server process, parses it against
 * its schema and builds the Dataset (transform/dataset, pure) that every page view takes.
 * Only file reading and caching happen here.
 */
import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import manifest from '../../../data/sources.json';
import { parseSalaries } from '$lib/data/salaries';
import { parseCpi } from '$lib/data/cpi';
import { parseSectorIndex, parseShare } from '$lib/data/indeed';
import { buildDataset, type Dataset, type ParsedFile, type ParsedSources } from '$lib/transform/dataset';
import type { ParseResult } from '$lib/data/types';

export type { Dataset, ParseSummary } from '$lib/transform/dataset';
export { CONTEXT_SECTORS } from '$lib/transform/dataset';

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
	const byId = (id: string) => SOURCES.find((s) => s.id === id)!.localName;
	const file = async <T>(name: string, parse: (text: string) => ParseResult<T>): Promise<ParsedFile<T>> => ({
		file: name,
		...parse(await read(name))
	});
	// The all-postings indices (indeed-postings-*) stay pinned in data/sources.json but are not
	// read: no page shows them.
	const parsed: ParsedSources = {
		dataVersion: DATA_VERSION,
		salaries: await file(byId('aijobs-salaries'), parseSalaries),
		cpi: await file(byId('us-cpi'), parseCpi),
		aiShare: await file(byId('indeed-ai-share'), (t) => parseShare(t, 'AI_share_postings')),
		genaiShare: await file(byId('indeed-genai-share'), (t) => parseShare(t, 'GenAI_share_postings')),
		sectors: await Promise.all(SOURCES.filter((s) => s.id.startsWith('indeed-sectors-')).map((s) => file(s.localName, parseSectorIndex)))
	};
	return buildDataset(parsed);
}
