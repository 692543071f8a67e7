/**
 * The summarised table behind every "Download CSV" and the /api/summary endpoints:
 * one row per group × family, with the evidence (n, suppression), quantiles, the median's
 * interval, the family's share of the group, and the group's AI − ML gap with intervals.
 */
import type { CsvCell } from '$lib/csv/write';
import { round } from '$lib/csv/write';
import type { Dimension } from '$lib/transform/stats/dimensions';
import type { FamilySummary, GapSummary } from '$lib/transform/stats/summary';
import type { Stats } from '$lib/transform/stats/types';
import { FAMILIES } from '$lib/transform/stats/summary';
import { groupLabel } from '$lib/format/labels';
import { partialYearOf, type Dataset } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import { isShown } from '$lib/transform/stats/support';
import { summaryQuery } from '$lib/format/query';
import { moneyBasis, type Conversion } from '$lib/transform/money';

/** API names of the grouping dimensions (`by=`), snake_case as in the source columns. */
export const BY_VALUES = [
	'none',
	'company_size',
	'region',
	'country',
	'experience_level',
	'employment_type',
	'remote_ratio',
	'work_year'
] as const;
export type By = (typeof BY_VALUES)[number];

export const BY_DIMENSION: Record<Exclude<By, 'none'>, Dimension> = {
	company_size: 'companySize',
	region: 'region',
	country: 'country',
	experience_level: 'experienceLevel',
	employment_type: 'employmentType',
	remote_ratio: 'remoteRatio',
	work_year: 'workYear'
};

export const SUMMARY_COLUMNS = [
	'group',
	'group_label',
	'family',
	'n',
	'effective_n',
	'suppressed',
	'low_confidence',
	'p10',
	'p25',
	'median',
	'p75',
	'p90',
	'median_ci_low',
	'median_ci_high',
	'share_pct',
	'gap_usd',
	'gap_usd_ci_low',
	'gap_usd_ci_high',
	'gap_pct',
	'gap_pct_ci_low',
	'gap_pct_ci_high',
	'gap_distinguishable',
	'pay_basis',
	'query'
] as const;

/** Extra columns for `by=work_year`: year-over-year changes from the growth statistics. */
export const GROWTH_COLUMNS = ['partial_year', 'yoy_count_pct', 'yoy_share_pp', 'yoy_median_pct'] as const;

export const COLUMN_DOCS: Record<string, string> = {
	group: 'Group code (e.g. L, europe, US, 2024); "all" when not grouped',
	group_label: 'Group in words',
	family: 'AI (AI Engineer family) or ML (ML Engineer family)',
	n: 'Reports in the group and family',
	effective_n:
		'Kish effective number of reports, identical rows counted as one cluster (N² / Σ cluster size²); equal to n when no row repeats another or with dedupe=1',
	suppressed: 'true when n < 10: no statistics are given',
	low_confidence: 'true when n ≥ 10 but effective_n < 30',
	p10: 'Percentiles of yearly salary (R type 7), in pay_basis dollars',
	median_ci_low:
		'95% interval for the median: the salary quantiles at ½ ∓ 1.96 / (2√effective_n) (Woodruff), coverage checked by simulation (METHODS.md); empty when effective_n < 6',
	share_pct: "Family's share of the group's AI + ML reports, percent; empty when the group has fewer than 10 reports",
	gap_usd: 'AI median minus ML median in the group (same on both family rows), dollars',
	gap_usd_ci_low:
		"95% interval of the gap: each median's standard error (its interval's half-width / 1.96) combined in quadrature; empty when a family's effective_n < 6",
	gap_pct: 'Gap in percent of the ML median; interval from the log ratio',
	gap_distinguishable:
		'true when both the dollar and the percent interval exclude zero, false when either includes it, empty when there is no interval',
	pay_basis: 'nominal US$, or real US$ of the CPI base year',
	query:
		'The canonical query of the view (grouping, then the filters set; e.g. by=company_size&country=US&exp=MI), the same on every row, so a copy of the table keeps its filters',
	partial_year: 'true when the data snapshot covers only part of this work year',
	yoy_count_pct: 'Change in reports vs the previous year, percent',
	yoy_share_pp: 'Change in share vs the previous year, percentage points',
	yoy_median_pct: 'Change in median vs the previous year, percent (real when pay_basis is real)'
};

export interface SummaryTable {
	readonly columns: readonly string[];
	readonly rows: readonly (readonly CsvCell[])[];
}

/** Build the table from a view computed with `groupBy: BY_DIMENSION[by]` (or none); `query` is its canonical query (format/query `summaryQuery`). */
export function summaryTable(view: Stats, by: By, query: string, partialYear: number | null = null): SummaryTable {
	const dim = by === 'none' ? null : BY_DIMENSION[by];
	if (dim !== null && view.groups?.dimension !== dim) throw new Error(`summaryTable: view is not grouped by ${dim}`);
	const basis = view.pay.basis === 'real' ? `real ${view.pay.baseYear} US$` : 'nominal US$';
	const groups: { key: string; label: string; families: Readonly<Record<'AI' | 'ML', FamilySummary>>; gap: GapSummary }[] =
		dim === null
			? [{ key: 'all', label: 'All reports in view', families: view.families, gap: view.gap }]
			: view.groups!.groups.map((g) => ({ key: g.key, label: groupLabel(dim, g.key), families: g.families, gap: g.gap }));
	const growth = by === 'work_year';
	const rows = groups.flatMap((g) => {
		const total = g.families.AI.n + g.families.ML.n;
		const e = g.gap.estimate;
		return FAMILIES.map((fam) => {
			const s = g.families[fam];
			const q = s.quantiles;
			const row: CsvCell[] = [
				g.key,
				g.label,
				fam,
				s.n,
				round(s.effectiveN, 2),
				s.support === 'suppressed',
				s.support === 'low',
				round(q?.p10, 2),
				round(q?.p25, 2),
				round(q?.median, 2),
				round(q?.p75, 2),
				round(q?.p90, 2),
				round(s.median?.interval?.lower, 2),
				round(s.median?.interval?.upper, 2),
				// The small-sample rule for shares (support.ts): a share of fewer than 10 reports is not given.
				isShown({ kind: 'share', total }) ? round((100 * s.n) / total, 3) : null,
				round(e?.gapUsd, 2),
				round(e?.gapUsdInterval?.lower, 2),
				round(e?.gapUsdInterval?.upper, 2),
				round(e?.gapPct, 3),
				round(e?.gapPctInterval?.lower, 3),
				round(e?.gapPctInterval?.upper, 3),
				e?.distinguishable ?? null,
				basis,
				query
			];
			if (growth) {
				// Every work-year group is a year of the growth series (it runs over all years in the view).
				const p = view.growth.families[fam].points.find((x) => String(x.year) === g.key)!;
				row.push(
					String(partialYear) === g.key,
					round(p.yoy.countPct, 3),
					round(p.yoy.sharePp, 3),
					round(view.pay.basis === 'real' ? p.yoy.medianRealPct : p.yoy.medianPct, 3)
				);
			}
			return row;
		});
	});
	return { columns: growth ? [...SUMMARY_COLUMNS, ...GROWTH_COLUMNS] : [...SUMMARY_COLUMNS], rows };
}

/** The /api/summary view: statistics for the filters, grouped by `by`, as the summary table (with the statistics it came from, for the meta sidecar). */
export function summaryView(data: Dataset, query: { readonly by: By; readonly filters: Filters }): SummaryTable & { stats: Stats } {
	const partialYear = partialYearOf(data.dataVersion);
	const stats = computeStats(data.prepared, query.filters, {
		cpi: data.annualCpi,
		// Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, BY_DIMENSION has no 'none', and an undefined groupBy is no grouping
		groupBy: query.by === 'none' ? null : BY_DIMENSION[query.by],
		partialYear,
		sourceShiftYear: data.sourceShiftYear
	});
	return { ...summaryTable(stats, query.by, summaryQuery(query.by, query.filters), partialYear), stats };
}

/** A money column's name in another money than dollars: `gap_usd_ci_low` → `gap_eur_ci_low` (`gap_ppp…` at PPP). */
export function moneyColumn(column: string, code: string): string {
	return column.replace(/_usd(?=_|$)/, `_${code.toLowerCase()}`);
}

/**
 * The table in another money: the dollar columns renamed, and every row's `pay_basis` and
 * `query` saying which money (the figures are already in it: the Dataset was converted).
 */
export function inMoneyTable(table: SummaryTable, conversion: Conversion, canonical: string): SummaryTable {
	const basis = table.columns.indexOf('pay_basis');
	const query = table.columns.indexOf('query');
	const words = moneyBasis(conversion.code, conversion.carried);
	return {
		...table,
		columns: table.columns.map((c) => moneyColumn(c, conversion.code)),
		rows: table.rows.map((r) => r.map((cell, i) => (i === basis ? words : i === query ? canonical : cell)))
	};
}
