/**
 * The parts of a page that only the user's data (`source=yours`) has: the download tables the
 * browser builds (the summaryView tables /api/summary.csv serves for the built-in data, so a
 * download of the built-in file uploaded is byte-identical to the API's), the user's title
 * decisions, the file's Dataset and the "About this file" sidecar. The pages themselves run
 * through the page registry (lib/pages/registry.ts), on either source. Pure.
 */
import type { CpiRow, TitleFamily } from '$lib/data/types';
import type { SalaryColumns } from '$lib/data/upload/columns';
import type { TitleCount } from '$lib/transform/upload-titles';
import type { TitleOverrides } from '$lib/data/upload/store';
import type { Dataset, ParsedFile } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';
import { summaryQuery } from '$lib/format/query';
import { moneyBasis, type Conversion } from '$lib/transform/money';
import { familyOf } from '$lib/transform/title-families';
import type { PayModel } from './pay';
import { COLUMN_DOCS, inMoneyTable, summaryView, type By, type SummaryTable } from './summary-table';
import { salariesDataset } from './your-data';
import { dictCounts } from '$lib/data/upload/columns';
import { unmatchedTitles, familyCodes } from '$lib/transform/upload-titles';
import { CONFIDENCE, LOW_CONFIDENCE_BELOW, SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import { TITLE_MAPPING_VERSION } from '$lib/transform/title-families';
import { name as APP_NAME, version as APP_VERSION } from '../../../package.json';

/** A download table the page builds in the browser (the summary CSV of one `by`), with its canonical query. */
export interface YourDownload {
	readonly by: By;
	readonly table: SummaryTable;
	/** `by=…&filters`, as /api/summary's `query` column and file names use it. */
	readonly canonical: string;
	readonly counts: { readonly matched: number; readonly duplicates: number; readonly counted: number; readonly rowsWithoutCpi: number };
	readonly payBasis: string;
}

/** The user's title decisions beside the app's lists, for /titles on the user's data. */
export interface YourTitles {
	/** Title → family the user chose, with the app's own family for the title (null: neither) and its reports in the file. */
	readonly overrides: readonly {
		readonly title: string;
		readonly family: TitleFamily | null;
		readonly builtIn: TitleFamily | null;
		readonly n: number;
	}[];
	/** The file's titles in neither family (app's lists and the user's choices), most reports first. */
	readonly neither: readonly TitleCount[];
}

/** The `by=` downloads each salary page offers (pay: the distribution and each segment). */
export function downloadsOf(page: string, model: unknown): By[] {
	if (page === 'overview') return ['none'];
	if (page === 'trends') return ['work_year'];
	if (page === 'pay') return ['none', ...(model as PayModel).segments.filter((s) => !s.allSuppressed).map((s) => s.by)];
	return [];
}

/** The summary table of one `by` on the user's Dataset, as /api/summary.csv builds it for the built-in data. */
export function yourDownload(data: Dataset, by: By, filters: Filters, conversion: Conversion | null = null): YourDownload {
	const { stats, ...usdTable } = summaryView(data, { by, filters });
	const canonical = summaryQuery(by, filters);
	// In another money: the same columns renamed and pay_basis in words, as /api/summary.csv gives them.
	const table = conversion ? inMoneyTable(usdTable, conversion, canonical) : usdTable;
	return {
		by,
		table,
		canonical,
		counts: {
			matched: stats.counts.matched,
			duplicates: stats.counts.duplicates,
			counted: stats.counts.counted,
			rowsWithoutCpi: stats.pay.rowsWithoutCpi
		},
		payBasis: conversion
			? moneyBasis(conversion.code, conversion.carried)
			: stats.pay.basis === 'real'
				? `real ${stats.pay.baseYear} US$ (US CPI-U annual average)`
				: 'nominal US$'
	};
}

/** Title decisions and the file's titles in neither family (after the user's choices). */
export function yourTitles(cols: SalaryColumns, overrides: TitleOverrides, mode: Filters['titles']): YourTitles {
	const dictN = dictCounts(cols.title);
	const counts = new Map(cols.title.dict.map((t, i) => [t, dictN[i]!]));
	const list = Object.entries(overrides)
		.map(([title, family]) => ({ title, family, builtIn: familyOf(title, mode), n: counts.get(title) ?? 0 }))
		.sort((a, b) => b.n - a.n || a.title.localeCompare(b.title));
	const neither = unmatchedTitles(cols.title, familyCodes(cols.title.dict, mode, overrides), mode, null);
	return { overrides: list, neither };
}

/** A salaries Dataset cache key: the file (its load time) and the title overrides, and whether CPI was given. */
export function datasetKey(loadedAt: string, overrides: TitleOverrides, withCpi: boolean, asOf: string | null = null): string {
	// Stryker disable next-line StringLiteral: the key is opaque; 'cpi'/'nocpi' need only differ, and emptying either keeps them distinct (the asOf '' is pinned by a test: null and '' give one key)
	return `${loadedAt}|${withCpi ? 'cpi' : 'nocpi'}|${asOf ?? ''}|${JSON.stringify(Object.entries(overrides).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/**
 * The file's Dataset, with the built-in annual CPI when given (for real pay). `asOf` (YYYY-MM-DD,
 * the file's export date as the user gives it) becomes the Dataset's date, so its year is partial
 * as the built-in snapshot's is; without it no year is partial (31 December of the last year).
 */
export function yourDataset(
	cols: SalaryColumns,
	name: string,
	overrides: TitleOverrides,
	cpi: ParsedFile<CpiRow> | null,
	asOf: string | null = null
) {
	const data = salariesDataset(cols, name, overrides, cpi ?? undefined);
	return asOf ? { ...data, dataVersion: asOf } : data;
}

/**
 * The "About this file" sidecar of a summary CSV built from the user's file: the same fields as
 * /api/summary.meta.json's where they apply, the source named as the user's file, and no row of it.
 */
export function yourSummaryMeta(d: YourDownload, filters: Filters, fileName: string, csvName: string, generatedAt: string) {
	return {
		file: csvName,
		generated_at: generatedAt,
		source: `your file ${fileName}`,
		note: 'Computed in your browser from your own file; nothing of the file was sent anywhere.',
		counts: {
			matched: d.counts.matched,
			duplicates: d.counts.duplicates,
			counted: d.counts.counted,
			rows_without_cpi: d.counts.rowsWithoutCpi
		},
		pay_basis: d.payBasis,
		app: { name: APP_NAME, version: APP_VERSION },
		query: d.canonical,
		by: d.by,
		filters,
		title_mapping: TITLE_MAPPING_VERSION,
		methods: {
			quantiles: 'linear interpolation between order statistics (d3.quantile, R type 7)',
			median_interval: `${CONFIDENCE * 100}% distribution-free order-statistic interval (binomial) on the effective n, identical rows counted as one cluster (Kish)`,
			small_samples: `n < ${SUPPRESS_BELOW} suppressed; n < ${LOW_CONFIDENCE_BELOW} low confidence`
		},
		columns: COLUMN_DOCS,
		sources: [
			{ description: `your file ${fileName}`, license: 'yours' },
			...(filters.real ? [{ description: 'US CPI-U (datasets/cpi-us), fetched from this app for real pay', license: 'ODC-PDDL 1.0' }] : [])
		]
	};
}
