/**
 * The data every page view takes, and the one pure step that builds it from parsed sources.
 * No I/O here: the server reads the pinned files (lib/server/dataset) and a browser could
 * parse a user's own files; both call `buildDataset` on what they parsed.
 * Salary rows come out sorted by `salaryUsd`, once, so every later filter keeps them sorted
 * (see transform/stats/prepare).
 */
import type { CpiRow, ParseIssue, SalaryRow, SectorIndexRow, ShareRow } from '$lib/data/types';
import { prepareRows, type PreparedRows, type TitleClassifier } from './stats/prepare';
import { annualCpi, type AnnualCpi } from './stats/real-pay';

/** Indeed sectors shown as context for AI/ML hiring; other sectors are parsed, then dropped. */
export const CONTEXT_SECTORS = ['Software Development', 'Mathematics'] as const;

export interface ParseSummary {
	readonly file: string;
	readonly rowsRead: number;
	readonly accepted: number;
	readonly rejected: number;
	/** The first few issues, for the methodology page. */
	readonly sampleIssues: readonly ParseIssue[];
}

/** What a parser returns for one file, with the file's name. */
export interface ParsedFile<T> {
	readonly file: string;
	readonly rows: readonly T[];
	readonly issues: readonly ParseIssue[];
	readonly rowsRead: number;
	readonly rejected: number;
}

/** Every parsed source, in the order they are listed on the methodology page. */
export interface ParsedSources {
	/** Date of the salary snapshot, YYYY-MM-DD (its own year is partial unless it is 31 December). */
	readonly dataVersion: string;
	readonly salaries: ParsedFile<SalaryRow>;
	readonly cpi: ParsedFile<CpiRow>;
	readonly aiShare: ParsedFile<ShareRow>;
	readonly genaiShare: ParsedFile<ShareRow>;
	/** One file per Indeed sector-index export. */
	readonly sectors: readonly ParsedFile<SectorIndexRow>[];
}

export interface Dataset {
	/** Date of the salary snapshot, YYYY-MM-DD. */
	readonly dataVersion: string;
	/** Sorted ascending by salaryUsd. */
	readonly salaries: readonly SalaryRow[];
	/** The salary rows indexed once for fast filtering (see transform/stats/prepare). */
	readonly prepared: PreparedRows;
	readonly cpi: readonly CpiRow[];
	/** Annual averages of the CPI, for real pay. */
	readonly annualCpi: readonly AnnualCpi[];
	readonly aiShare: readonly ShareRow[];
	readonly genaiShare: readonly ShareRow[];
	/** Sector indices of CONTEXT_SECTORS only. */
	readonly sectors: readonly SectorIndexRow[];
	readonly parse: readonly ParseSummary[];
}

const summaryOf = (f: ParsedFile<unknown>): ParseSummary => ({
	file: f.file,
	rowsRead: f.rowsRead,
	accepted: f.rows.length,
	rejected: f.rejected,
	sampleIssues: f.issues.slice(0, 5)
});

/**
 * The dataset from parsed sources: rows indexed for filtering, annual CPI, context sectors kept.
 * `classify` (title → family) is the app's families unless a user's file brings overrides.
 */
export function buildDataset(src: ParsedSources, opts: { readonly classify?: TitleClassifier } = {}): Dataset {
	const prepared = prepareRows(src.salaries.rows, opts.classify);
	const sectors = src.sectors.flatMap((f) => f.rows.filter((r) => (CONTEXT_SECTORS as readonly string[]).includes(r.sector)));
	return {
		dataVersion: src.dataVersion,
		salaries: prepared.rows,
		prepared,
		cpi: src.cpi.rows,
		annualCpi: annualCpi(src.cpi.rows),
		aiShare: src.aiShare.rows,
		genaiShare: src.genaiShare.rows,
		sectors,
		parse: [src.salaries, src.cpi, src.aiShare, src.genaiShare, ...src.sectors].map(summaryOf)
	};
}

/** The snapshot's own year is partial unless the data was cut on 31 December: `partialYearOf('2025-06-30') → 2025`. */
export function partialYearOf(dataVersion: string): number | null {
	return dataVersion.endsWith('-12-31') ? null : Number(dataVersion.slice(0, 4));
}
