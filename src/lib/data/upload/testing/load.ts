/** Test helper: sniff and parse a fixture (or bytes) with the worker's own code path. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runParse, sniffSource, type ParseJob, type Progress, type WorkerResponse } from '../parse-file';
import { bytesSource } from './bytes-source';
import type { Sniff } from '../sniff';

export const FIXTURES = resolve('tests/fixtures/upload');

export function fixtureBytes(name: string): Uint8Array {
	return new Uint8Array(readFileSync(resolve(FIXTURES, name)));
}

export type Done = Extract<WorkerResponse, { type: 'done' }>;

/** Sniff, then parse with the detected mapping (or `override` of the job), in chunks of `chunkBytes`. */
export async function load(
	input: string | Uint8Array,
	opts: { chunkBytes?: number; job?: (s: Sniff) => Partial<ParseJob> } = {}
): Promise<{ sniff: Sniff; done: Done; progress: Progress[] }> {
	const bytes = typeof input === 'string' ? fixtureBytes(input) : input;
	const src = bytesSource(bytes, opts.chunkBytes ?? 64 * 1024);
	const s = await sniffSource(src);
	if (s.type !== 'sniffed') throw new Error(`sniff failed: ${JSON.stringify(s)}`);
	const mapping = s.sniff.detection.mapping;
	const extra = opts.job?.(s.sniff) ?? {};
	if (!mapping && !extra.mapping) throw new Error('no mapping detected');
	const progress: Progress[] = [];
	const r = await runParse(src, { sniff: s.sniff, mapping: mapping!, ...extra }, (p) => progress.push(p));
	if (r.type !== 'done') throw new Error(`parse failed: ${JSON.stringify(r)}`);
	return { sniff: s.sniff, done: r, progress };
}

export const utf8 = (s: string) => new TextEncoder().encode(s);
