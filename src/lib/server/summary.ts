/**
 * /api/summary.{csv,json} and the meta sidecar: validate the query, compute the view,
 * build the summary table, and describe where it came from.
 */
import { createHash } from 'node:crypto';
import pkg from '../../../package.json';
import { DATA_VERSION, DataMissingError, getDataset, LICENSES, SOURCES } from './dataset';
import { BoundedCache } from '../../../server/bounded-cache.js';
import { problemsBody, textResponse } from './http';
import { FILTER_PARAMS, parseFilters, type ParamError } from '$lib/query/url-filters';
import { downloadFilename, summaryQuery } from '$lib/format/query';
import type { Filters } from '$lib/transform/filters';
import type { Stats } from '$lib/transform/stats/types';
import { realPayProblem, type Dataset } from '$lib/transform/dataset';
import { leftOutNote } from '$lib/format/sentences';
import { BY_VALUES, COLUMN_DOCS, inMoneyTable, moneyColumn, summaryView, type By, type SummaryTable } from '$lib/views/summary-table';
import { CONFIDENCE, LOW_CONFIDENCE_BELOW, SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import { TITLE_MAPPING_VERSION } from '$lib/transform/title-families';
import { toCsv } from '$lib/csv/write';
import { getMoney } from './money';
import { inMoney, moneyBasis, moneyCodes, type Conversion } from '$lib/transform/money';

export const APP_VERSION: string = pkg.version;
// In the order the 400 message has always listed them.
const ALLOWED_PARAMS = ['by', 'page', 'currency', ...FILTER_PARAMS.filter((p) => p !== 'currency')] as const;

/**
 * Pages that link to the summary (`page=`): it names the downloaded file after the page and
 * changes nothing else (not the bytes, not the canonical query). Without it the file is named
 * after the endpoint, `summary`.
 */
export const SUMMARY_PAGES = ['summary', 'overview', 'pay', 'trends'] as const;
export type SummaryPage = (typeof SUMMARY_PAGES)[number];

export interface SummaryQuery {
	readonly by: By;
	readonly filters: Filters;
	/** Canonical query (by first, then the non-default filters). */
	readonly canonical: string;
	/** The page the download was taken from, for the file name only. */
	readonly page: SummaryPage;
	/**
	 * The money the figures are in: `USD` (default), a currency code or `PPP`, upper case. Its form
	 * is checked here; whether rates exist for it, against the money tables (`respondSummary`).
	 */
	readonly currency: string;
}

/** Validate a query strictly: any unknown or bad parameter is an error. */
export function parseSummaryQuery(params: URLSearchParams): { query: SummaryQuery | null; errors: ParamError[] } {
	const errors: ParamError[] = [];
	for (const key of new Set(params.keys()))
		if (key === 'source')
			// The API serves the built-in data only; a user's file never reaches the server, so any `source` is refused.
			errors.push({
				param: 'source',
				message:
					'source: the API serves the built-in data only (your own data stays in your browser; its downloads are built there); remove source'
			});
		else if (!(ALLOWED_PARAMS as readonly string[]).includes(key))
			errors.push({ param: key.slice(0, 40), message: `unknown parameter "${key.slice(0, 40)}"; allowed: ${ALLOWED_PARAMS.join(', ')}` });
	let by: By = 'none';
	const byAll = params.getAll('by');
	if (byAll.length > 1) errors.push({ param: 'by', message: `by: give it once, one of ${BY_VALUES.join(', ')}` });
	else if (byAll.length === 1) {
		const v = byAll[0]!.trim();
		// An empty value means the default, as for every parameter.
		if (v === '') by = 'none';
		else if ((BY_VALUES as readonly string[]).includes(v)) by = v as By;
		else errors.push({ param: 'by', message: `by: "${v.slice(0, 40)}" is not allowed; use one of ${BY_VALUES.join(', ')}` });
	}
	let page: SummaryPage = 'summary';
	const pageAll = params.getAll('page');
	if (pageAll.length > 1) errors.push({ param: 'page', message: `page: give it once, one of ${SUMMARY_PAGES.join(', ')}` });
	else if (pageAll.length === 1) {
		const v = pageAll[0]!.trim();
		if (v === '') page = 'summary';
		else if ((SUMMARY_PAGES as readonly string[]).includes(v)) page = v as SummaryPage;
		else errors.push({ param: 'page', message: `page: "${v.slice(0, 40)}" is not allowed; use one of ${SUMMARY_PAGES.join(', ')}` });
	}
	const parsed = parseFilters(params);
	errors.push(...parsed.errors);
	const currency = parsed.filters.currency ?? 'USD';
	if (errors.length > 0) return { query: null, errors };
	const canonical = summaryQuery(by, parsed.filters);
	return { query: { by, filters: parsed.filters, canonical, page, currency }, errors };
}

/** The summary table for a query on a dataset, with the statistics it came from (for the provenance). */
export function summaryFor(ds: Dataset, q: SummaryQuery, conversion: Conversion | null = null): SummaryTable & { view: Stats } {
	const { stats, ...table } = summaryView(ds, q);
	return { ...(conversion ? inMoneyTable(table, conversion, q.canonical) : table), view: stats };
}

export function summaryCsv(table: SummaryTable): string {
	return toCsv(table.columns, table.rows);
}

/** Provenance that travels with a download, as the `.meta.json` sidecar and inside the JSON response. */
export function summaryMeta(q: SummaryQuery, view: Stats, conversion: Conversion | null = null) {
	const money = conversion && {
		currency: conversion.code,
		left_out: Object.fromEntries(Object.entries(conversion.leftOut).map(([k, n]) => [k.replace(/-/g, '_'), n])),
		left_out_note: leftOutNote(conversion.leftOut),
		years_at_earlier_rates: conversion.carried
	};
	const moneyIds = conversion === null ? [] : conversion.code === 'PPP' ? ['fx-yearly', 'ppp-gdp'] : ['fx-yearly'];
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
		...(money ? { money } : {}),
		pay_basis: conversion
			? moneyBasis(conversion.code, conversion.carried)
			: view.pay.basis === 'real'
				? `real ${view.pay.baseYear} US$ (US CPI-U annual average)`
				: 'nominal US$',
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
		columns: conversion
			? Object.fromEntries(Object.entries(COLUMN_DOCS).map(([k, v]) => [moneyColumn(k, conversion.code), moneyDoc(v, conversion.code)]))
			: COLUMN_DOCS,
		sources: SOURCES.filter((s) => s.id === 'aijobs-salaries' || s.id === 'us-cpi' || moneyIds.includes(s.id)).map((s) => ({
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

/** A column's description in another money: "dollars" → "EUR" (or "international $"). */
function moneyDoc(doc: string, code: string): string {
	return doc
		.replace(/pay_basis dollars/g, 'pay_basis money')
		.replace(/\bdollars\b/g, code === 'PPP' ? 'international $ at PPP' : code)
		.replace('nominal US$, or real US$ of the CPI base year', 'what the figures are: the money and how it was converted');
}

/** An ETag from the bytes served: strong, or `weak` where the body also carries a time stamp left out of the hash. */
export function etagOf(body: string, weak = false): string {
	const tag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
	return weak ? `W/${tag}` : tag;
}

/** Data changes only with a new deployment, so a day of caching is safe; the ETag revalidates. */
export const CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

/** A 400 body: one plain line per problem, capped (see problemsBody), control characters escaped. */
export function badRequest(errors: readonly ParamError[]): Response {
	return textResponse(
		400,
		problemsBody(
			'Bad request:',
			errors.map((e) => e.message)
		)
	);
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

export type SummaryKind = 'csv' | 'json' | 'meta';

interface CachedBody {
	/** The response body; for `meta`, the sidecar without its `file` and `generated_at` lines. */
	readonly body: string;
	readonly etag: string;
}

/**
 * Computed bodies per dataset, keyed by kind and canonical query, so a repeated view is
 * served without recomputing. Bounded by entries and by bytes (UTF-16 code units of the
 * bodies): at most about 16 MB of strings.
 */
const CACHE_MAX_ENTRIES = 2_000;
const CACHE_MAX_CHARS = 8 * 1024 * 1024;
const caches = new WeakMap<Dataset, BoundedCache<CachedBody>>();

function computeBody(ds: Dataset, kind: SummaryKind, q: SummaryQuery, conversion: Conversion | null): CachedBody {
	const table = summaryFor(ds, q, conversion);
	if (kind === 'csv') {
		const body = summaryCsv(table);
		return { body, etag: etagOf(body) };
	}
	if (kind === 'json') {
		const rows = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null])));
		const body = JSON.stringify({ meta: summaryMeta(q, table.view, conversion), columns: table.columns, rows }, null, 1);
		return { body, etag: etagOf(body) };
	}
	// generated_at differs per response, so the tag is weak: same content, not same bytes.
	const body = JSON.stringify(summaryMeta(q, table.view, conversion), null, 1);
	return { body, etag: etagOf(`${summaryFilename(q, 'csv')}|${body}`, true) };
}

/** The body of one endpoint for a query, from the cache when it was computed before. */
export function summaryBody(ds: Dataset, kind: SummaryKind, q: SummaryQuery, conversion: Conversion | null = null): CachedBody {
	let cache = caches.get(ds);
	if (!cache) caches.set(ds, (cache = new BoundedCache<CachedBody>(CACHE_MAX_ENTRIES, CACHE_MAX_CHARS, (e) => e.body.length + 64)));
	// The sidecar's tag hashes its file name, which names the page; the other bodies do not depend on it.
	const key = `${kind}|${q.canonical}${kind === 'meta' ? `|${q.page}` : ''}`;
	let hit = cache.get(key);
	if (!hit) cache.set(key, (hit = computeBody(ds, kind, q, conversion)));
	return hit;
}

const CONTENT_TYPE: Record<SummaryKind, string> = {
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8',
	meta: 'application/json; charset=utf-8'
};

/**
 * One summary endpoint: 400 for a bad query, 503 (plain text, naming the data file) when
 * the data it needs is unavailable, else the body with its ETag, or 304.
 */
export async function respondSummary(kind: SummaryKind, request: Request, url: URL): Promise<Response> {
	const { query, errors } = parseSummaryQuery(url.searchParams);
	if (!query) return badRequest(errors);
	let ds: Dataset;
	try {
		ds = await getDataset();
	} catch (err) {
		if (err instanceof DataMissingError) return textResponse(503, `Service unavailable: ${err.message}\n`);
		throw err;
	}
	const cpiProblem = query.filters.real ? realPayProblem(ds) : null;
	if (cpiProblem) return textResponse(503, `Service unavailable: ${cpiProblem} Ask again without real=1 for nominal pay.\n`);
	let conversion: Conversion | null = null;
	if (query.currency !== 'USD') {
		const money = await getMoney(ds);
		if (money.problems.length > 0)
			return textResponse(
				503,
				`Service unavailable: ${money.problems.map((p) => p.message).join(' ')} Ask again without currency for US dollars.\n`
			);
		const codes = moneyCodes(money.tables, money.tables.marketLast);
		if (!codes.includes(query.currency))
			return badRequest([
				{ param: 'currency', message: `currency: no exchange rates for "${query.currency}" here; use one of ${codes.join(', ')}` }
			]);
		const converted = inMoney(ds, money.tables, query.currency);
		ds = converted.data;
		conversion = converted.conversion;
	}
	const { body, etag } = summaryBody(ds, kind, query, conversion);
	if (kind !== 'meta')
		return cachedResponse(request, etag, body, CONTENT_TYPE[kind], kind === 'csv' ? summaryFilename(query, 'csv') : undefined);
	// The sidecar: its file name and time stamp, then the cached provenance (an object with at least one key).
	const head = `{\n "file": ${JSON.stringify(summaryFilename(query, 'csv'))},\n "generated_at": ${JSON.stringify(new Date().toISOString())},\n`;
	return cachedResponse(request, etag, head + body.slice(2), CONTENT_TYPE.meta, summaryFilename(query, 'meta.json'));
}

/** File name for a query: `ai-vs-ml_pay_by-company-size_country-US_exp-MI.csv` (format/query downloadFilename). */
export function summaryFilename(q: SummaryQuery, ext: string): string {
	return downloadFilename(q.page, q.by, q.canonical, ext);
}
