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
import { SOURCE_SHIFT_YEAR } from './stats/constants';
import { familyOf } from './title-families';

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

/** ok: read and verified; missing: not in the data cache; altered: its sha256 differs from data/sources.json. */
export type SourceState = 'ok' | 'missing' | 'altered';

/** What happened to one pinned source when it was read (the reader checks it; see lib/server/dataset). */
export interface SourceStatus {
	readonly id: string;
	/** Name inside the data cache, e.g. `us-cpi/cpiai.csv` (never a server path). */
	readonly file: string;
	readonly state: SourceState;
	/** For a refused source: what is wrong and how to fix it, in one sentence. */
	readonly message: string | null;
}

/**
 * Every parsed source, in the order they are listed on the methodology page. A refused
 * source (missing or altered file) is absent: `null`, or left out of `sectors`; `sources`
 * says why.
 */
export interface ParsedSources {
	/** Date of the salary snapshot, YYYY-MM-DD (its own year is partial unless it is 31 December). */
	readonly dataVersion: string;
	/** Required: without the salaries there is nothing to show (the reader refuses to serve). */
	readonly salaries: ParsedFile<SalaryRow>;
	readonly cpi: ParsedFile<CpiRow> | null;
	readonly aiShare: ParsedFile<ShareRow> | null;
	readonly genaiShare: ParsedFile<ShareRow> | null;
	/** One file per usable Indeed sector-index export. */
	readonly sectors: readonly ParsedFile<SectorIndexRow>[];
	/** Every pinned source that was read, in reading order, with its state. */
	readonly sources: readonly SourceStatus[];
}

export interface Dataset {
	/** Date of the salary snapshot, YYYY-MM-DD. */
	readonly dataVersion: string;
	/**
	 * The first year of the salary source's new collection (aijobs.net: 2024, most reports from job
	 * listings), flagged wherever a comparison crosses it; null when the source has none known (a user's own file).
	 */
	readonly sourceShiftYear: number | null;
	/** Sorted ascending by salaryUsd. */
	readonly salaries: readonly SalaryRow[];
	/** The salary rows indexed once for fast filtering (see transform/stats/prepare). */
	readonly prepared: PreparedRows;
	/**
	 * Title → family as `prepared` was built with it (the app's `familyOf`, or a user's overrides
	 * for their file), so a page listing titles lists what the families count. Absent = `familyOf`.
	 */
	readonly classify?: TitleClassifier;
	readonly cpi: readonly CpiRow[];
	/** Annual averages of the CPI, for real pay. */
	readonly annualCpi: readonly AnnualCpi[];
	readonly aiShare: readonly ShareRow[];
	readonly genaiShare: readonly ShareRow[];
	/** Sector indices of CONTEXT_SECTORS only. */
	readonly sectors: readonly SectorIndexRow[];
	readonly parse: readonly ParseSummary[];
	/** What happened to each pinned source that was read (every state other than ok is a refused source). */
	readonly sources: readonly SourceStatus[];
	/** The money `salaryUsd` is in when not US dollars (a converted Dataset, transform/money `inMoney`: `EUR`, `PPP`). */
	readonly money?: string;
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
export function buildDataset(
	src: ParsedSources,
	opts: { readonly classify?: TitleClassifier; readonly sourceShiftYear?: number | null } = {}
): Dataset {
	const files = [src.salaries, src.cpi, src.aiShare, src.genaiShare, ...src.sectors].filter((f) => f !== null);
	return datasetOf({
		dataVersion: src.dataVersion,
		sourceShiftYear: opts.sourceShiftYear === undefined ? SOURCE_SHIFT_YEAR : opts.sourceShiftYear,
		salaries: src.salaries.rows,
		cpi: src.cpi?.rows ?? [],
		aiShare: src.aiShare?.rows ?? [],
		genaiShare: src.genaiShare?.rows ?? [],
		sectors: src.sectors.flatMap((f) => f.rows.filter((r) => (CONTEXT_SECTORS as readonly string[]).includes(r.sector))),
		parse: files.map(summaryOf),
		sources: src.sources,
		classify: opts.classify
	});
}

/** What a Dataset is built from once the files are parsed (or unpacked: transform/dataset-pack.ts). */
export interface DatasetParts {
	readonly dataVersion: string;
	readonly sourceShiftYear: number | null;
	/** In any order: they are sorted by salary here. */
	readonly salaries: readonly SalaryRow[];
	readonly cpi: readonly CpiRow[];
	readonly aiShare: readonly ShareRow[];
	readonly genaiShare: readonly ShareRow[];
	/** Already only CONTEXT_SECTORS. */
	readonly sectors: readonly SectorIndexRow[];
	readonly parse: readonly ParseSummary[];
	readonly sources: readonly SourceStatus[];
	readonly classify?: TitleClassifier;
}

/** The one step from parts to a Dataset (the salary rows indexed, the CPI averaged), on the server and in the browser alike. */
export function datasetOf(p: DatasetParts): Dataset {
	const classify = p.classify ?? familyOf;
	const prepared = prepareRows(p.salaries, classify);
	return {
		dataVersion: p.dataVersion,
		sourceShiftYear: p.sourceShiftYear,
		salaries: prepared.rows,
		prepared,
		classify,
		cpi: p.cpi,
		annualCpi: annualCpi(p.cpi),
		aiShare: p.aiShare,
		genaiShare: p.genaiShare,
		sectors: p.sectors,
		parse: p.parse,
		sources: p.sources
	};
}

/** The pinned sources each part of the Dataset comes from (the sector indices: every `indeed-sectors-*` file). */
export type DataPart = 'salaries' | 'cpi' | 'aiShare' | 'genaiShare' | 'sectors';
const PART_IDS: Record<Exclude<DataPart, 'sectors'>, string> = {
	salaries: 'aijobs-salaries',
	cpi: 'us-cpi',
	aiShare: 'indeed-ai-share',
	genaiShare: 'indeed-genai-share'
};

/** The part of the Dataset a source id feeds: `partOf('indeed-sectors-US') → 'sectors'`; null for a source not read. */
export function partOf(id: string): DataPart | null {
	if (id.startsWith('indeed-sectors-')) return 'sectors';
	return (Object.keys(PART_IDS) as Exclude<DataPart, 'sectors'>[]).find((p) => PART_IDS[p] === id) ?? null;
}

/** The refused sources behind the given parts (empty when all are usable). */
export function sourceProblems(data: Pick<Dataset, 'sources'>, parts: readonly DataPart[]): SourceStatus[] {
	return data.sources.filter((s) => s.state !== 'ok' && parts.some((p) => p === partOf(s.id)));
}

/** Why real pay cannot be computed (the CPI file is missing or altered), or null when it can. */
export function realPayProblem(data: Pick<Dataset, 'sources'>): string | null {
	const p = sourceProblems(data, ['cpi'])[0];
	return p ? `Real (inflation-adjusted) pay is unavailable. ${p.message}` : null;
}

/** The snapshot's own year is partial unless the data was cut on 31 December: `partialYearOf('2025-06-30') → 2025`. */
export function partialYearOf(dataVersion: string): number | null {
	return dataVersion.endsWith('-12-31') ? null : Number(dataVersion.slice(0, 4));
}
