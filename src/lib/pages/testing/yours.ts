/**
 * Test helper: a user's-file `DatasetSource` built the way the results worker builds it
 * (workers/results.ts `yourSource`): the salaries file's Dataset from `yourDataset` with the
 * user's title choices, the built-in CPI when given and the "as of" date, and its skipped rows
 * counted. The worker gives the CPI exactly when the URL asks for real pay; a test says so itself
 * (`cpi`), so it can also ask for real pay on a Dataset without one.
 */
import type { CpiRow } from '$lib/data/types';
import type { PostingsColumns, SalaryColumns } from '$lib/data/upload/columns';
import type { TitleOverrides } from '$lib/data/upload/store';
import { yourDataset } from '$lib/views/your-pages';
import { cpiFile, type DatasetSource } from '../registry';

export type YoursSource = Extract<DatasetSource, { kind: 'yours' }>;

export interface YoursFiles {
	readonly salaries?: { readonly name: string; readonly columns: SalaryColumns } | null;
	readonly postings?: { readonly name: string; readonly columns: PostingsColumns } | null;
	readonly overrides?: TitleOverrides;
	/** The built-in CPI rows the worker adds for real pay; absent or null: none. */
	readonly cpi?: readonly CpiRow[] | null;
	/** The file's export date as the user gave it (YYYY-MM-DD), or null. */
	readonly asOf?: string | null;
}

/** `yoursSource({ salaries: { name, columns } })` → `{ kind: 'yours', files: { salaries: { name, columns, data, skipped }, postings: null, overrides: {} } }`. */
export function yoursSource(f: YoursFiles): YoursSource {
	const overrides = f.overrides ?? {};
	const s = f.salaries ?? null;
	const data = s ? yourDataset(s.columns, s.name, overrides, f.cpi ? cpiFile(f.cpi) : null, f.asOf ?? null) : null;
	return {
		kind: 'yours',
		files: {
			salaries: s && data ? { name: s.name, columns: s.columns, data, skipped: data.skipped.length } : null,
			postings: f.postings ? { name: f.postings.name, columns: f.postings.columns } : null,
			overrides
		}
	};
}
