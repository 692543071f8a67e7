/**
 * /api/summary.{csv,json} and the meta sidecar: validate the query, compute the view,
 * build the summary table, and describe where it came from.
 */
import { createHash } from 'node:crypto';
import pkg from '../../../package.json';
// SvelteKit's build version (a time stamp per build): a code change invalidates cached responses too.
import { version as BUILD_VERSION } from '$app/environment';
import { DATA_VERSION, requireDataset, LICENSES, SOURCES } from './dataset';
import { FILTER_PARAMS, filtersToQuery, parseFilters, type ParamError } from '$lib/state/url-filters';
import type { Filters } from '$lib/transform/filters';
import type { Stats } from '$lib/transform/stats/types';
import { BY_VALUES, COLUMN_DOCS, summaryView, type By, type SummaryTable } from '$lib/views/summary-table';
import { CONFIDENCE, LOW_CONFIDENCE_BELOW, SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import { TITLE_MAPPING_VERSION } from '$lib/transform/title-families';
import { toCsv } from '$lib/csv/write';

export const APP_VERSION: string = pkg.version;
const ALLOWED_PARAMS = ['by', ...FILTER_PARAMS] as const;

/** Changes only with a new app or data version: the basis of every ETag. */
const VERSION_TAG = createHash('sha256')
	.update(`${APP_VERSION}|${BUILD_VERSION}|${DATA_VERSION}|${TITLE_MAPPING_VERSION}|${SOURCES.map((s) => s.sha256).join(',')}`)
	.digest('hex')
	.slice(0, 16);

export interface SummaryQuery {
	readonly by: By;
	readonly filters: Filters;
	/** Canonical query (by first, then the non-default filters). */
	readonly canonical: string;
}

/** Validate a query strictly: any unknown or bad parameter is an error. */
export function parseSummaryQuery(params: URLSearchParams): { query: SummaryQuery | null; errors: ParamError[] } {
	const errors: ParamError[] = [];
	for (const key of new Set(params.keys()))
		if (!(ALLOWED_PARAMS as readonly string[]).includes(key))
			errors.push({ param: key.slice(0, 40), message: `unknown parameter "${key.slice(0, 40)}"; allowed: ${ALLOWED_PARAMS.join(', ')}` });
	let by: By = 'none';
	const byAll = params.getAll('by');
	if (byAll.length > 1) errors.push({ param: 'by', message: `by: give it once, one of ${BY_VALUES.join(', ')}` });
	else if (byAll.length === 1) {
		const v = byAll[0]!.trim();
		if ((BY_VALUES as readonly string[]).includes(v)) by = v as By;
		else errors.push({ param: 'by', message: `by: "${v.slice(0, 40)}" is not allowed; use one of ${BY_VALUES.join(', ')}` });
	}
	const parsed = parseFilters(params);
	errors.push(...parsed.errors);
	if (errors.length > 0) return { query: null, errors };
	const f = filtersToQuery(parsed.filters);
	return { query: { by, filters: parsed.filters, canonical: `by=${by}${f ? `&${f}` : ''}` }, errors };
}

export async function summaryFor(q: SummaryQuery): Promise<SummaryTable & { view: Stats }> {
	const { stats, ...table } = summaryView(await requireDataset(), q);
	return { ...table, view: stats };
}

export function summaryCsv(table: SummaryTable): string {
	return toCsv(table.columns, table.rows);
}

/** Provenance that travels with a download, as the `.meta.json` sidecar and inside the JSON response. */
export function summaryMeta(q: SummaryQuery, view: Stats) {
	return {
		counts: {
			matched: view.counts.matched,
			duplicates: view.counts.duplicates,
			counted: view.counts.counted,
			rows_without_cpi: view.pay.rowsWithoutCpi,
			note:
				view.pay.rowsWithoutCpi > 0
					? `${view.pay.rowsWithoutCpi} reports left out: their work year has no full CPI year, so they cannot be turned into real dollars`
					: undefined
		},
		pay_basis: view.pay.basis === 'real' ? `real ${view.pay.baseYear} US$ (US CPI-U annual average)` : 'nominal US$',
		app: { name: pkg.name, version: APP_VERSION },
		query: q.canonical,
		by: q.by,
		filters: q.filters,
		data_version: DATA_VERSION,
		title_mapping: TITLE_MAPPING_VERSION,
		methods: {
			quantiles: 'linear interpolation between order statistics (d3.quantile, R type 7)',
			median_interval: `${CONFIDENCE * 100}% distribution-free order-statistic interval (binomial) on the effective n, identical rows counted as one cluster (Kish)`,
			gap_interval:
				'difference of medians ± z·√(SE₁²+SE₂²), Price–Bonett SEs widened for clusters of identical rows (Kish effective n); percent gap from the log ratio',
			small_samples: `n < ${SUPPRESS_BELOW} suppressed; n < ${LOW_CONFIDENCE_BELOW} low confidence`
		},
		columns: COLUMN_DOCS,
		sources: SOURCES.filter((s) => s.id === 'aijobs-salaries' || s.id === 'us-cpi').map((s) => ({
			description: s.description,
			url: s.url,
			repository: s.repository,
			commit: s.commit,
			sha256: s.sha256,
			license: LICENSES[s.license]?.name ?? s.license,
			attribution: s.attribution
		}))
	};
}

/** A strong ETag for bytes fixed by the query and data version; `weak` where a body carries its own time stamp. */
export function etagFor(kind: string, q: SummaryQuery, weak = false): string {
	const tag = `"${createHash('sha256').update(`${VERSION_TAG}|${kind}|${q.canonical}`).digest('hex').slice(0, 32)}"`;
	return weak ? `W/${tag}` : tag;
}

/** Data changes only with a new deployment, so a day of caching is safe; the ETag revalidates. */
export const CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

/** A 400 body: one plain line per problem. */
export function badRequest(errors: readonly ParamError[]): Response {
	return new Response(`Bad request:\n${errors.map((e) => `- ${e.message}`).join('\n')}\n`, {
		status: 400,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }
	});
}

/** Respond with a cached body, honouring If-None-Match. */
export function cachedResponse(request: Request, etag: string, body: string, contentType: string, filename?: string): Response {
	const headers: Record<string, string> = {
		etag,
		'cache-control': CACHE_CONTROL,
		'content-type': contentType,
		'x-content-type-options': 'nosniff'
	};
	if (filename) headers['content-disposition'] = `attachment; filename="${filename}"`;
	const inm = request.headers.get('if-none-match');
	if (inm && inm.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers });
	return new Response(body, { status: 200, headers });
}

/** File name for a query: `summary-by-company_size.csv`. */
export function summaryFilename(q: SummaryQuery, ext: string): string {
	return `ai-vs-ml-summary-by-${q.by}.${ext}`;
}
