/** /pay view model: both families' distributions, the gap by segment, and a salary's position in each family. */
import type { DistributionGroup, GapRow, TableData } from './chart-models';
import type { GroupSummary } from '$lib/transform/stats/summary';
import type { Stats } from '$lib/transform/stats/types';
import type { Dimension } from '$lib/transform/stats/dimensions';
import type { Dataset } from '$lib/transform/dataset';
import type { Filters } from '$lib/transform/filters';
import { computeStats } from '$lib/transform/stats/compute';
import { FAMILIES } from '$lib/transform/stats/summary';
import { ABSENT_NOTE, DIMENSION_LABEL, FAMILY_LABEL, groupLabel } from '$lib/format/labels';
import { FAMILY_COLOR } from '$lib/theme';
import { BY_DIMENSION, type By } from './summary-table';
import { absentDimensions } from '$lib/transform/stats/prepare';

/** The segments /pay compares, in the order shown. */
export const SEGMENT_DIMENSIONS = [
	'companySize',
	'region',
	'experienceLevel',
	'employmentType',
	'remoteRatio'
] as const satisfies readonly Dimension[];
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

/** GapBars rows: the AI − ML median gap in percent of the ML median, with its interval. */
export function gapRows(dim: Dimension, groups: readonly GroupSummary[]): GapRow[] {
	return groups.map((g) => {
		const e = g.gap.estimate;
		return {
			label: groupLabel(dim, g.key),
			value: e?.gapPct ?? null,
			lo: e?.gapPctInterval?.lower ?? null,
			hi: e?.gapPctInterval?.upper ?? null,
			n: { AI: g.families.AI.n, ML: g.families.ML.n },
			status: g.gap.support,
			medians: { AI: g.families.AI.median?.median ?? null, ML: g.families.ML.median?.median ?? null },
			usd: e ? { value: e.gapUsd, lo: e.gapUsdInterval?.lower ?? null, hi: e.gapUsdInterval?.upper ?? null } : null
		};
	});
}

/** Dots drawn per family in the distribution chart (rank-spaced, so the shape is kept). */
export const DOTS_PER_FAMILY = 400;

export interface PayQuery {
	readonly filters: Filters;
	readonly scale: 'linear' | 'log';
	/** A yearly salary to place in each family's distribution, or null. */
	readonly salary: number | null;
	/** A salary band: the share of each family inside it, drawn on the distribution. */
	readonly band?: { readonly low: number; readonly high: number } | null;
}

export interface SegmentModel {
	readonly dim: SegmentDimension;
	/** The `by=` of the matching /api/summary download. */
	readonly by: By;
	readonly rows: readonly GapRow[];
	readonly table: TableData;
	/** Every group is suppressed: the chart collapses to one line saying so. */
	readonly allSuppressed: boolean;
}

export interface PayModel {
	readonly scale: 'linear' | 'log';
	readonly salary: number | null;
	readonly pay: Stats['pay'];
	readonly counts: Stats['counts'];
	readonly position: Stats['position'];
	readonly band: Stats['band'];
	/** The distribution chart's groups: quantiles and rank-spaced dots per family. */
	readonly groups: readonly DistributionGroup[];
	/** Both families are suppressed: nothing to draw, the chart says so in one line. */
	readonly distributionEmpty: boolean;
	readonly distTable: TableData;
	readonly segments: readonly SegmentModel[];
	/**
	 * Segment dimensions the data give no value for at all (an uploaded file without the
	 * column): no chart, a note instead ("This file has no company size column."). Empty for the built-in data.
	 */
	readonly absentSegments: readonly { readonly dim: SegmentDimension; readonly note: string }[];
}

const byOf = (dim: Dimension) => (Object.entries(BY_DIMENSION).find(([, d]) => d === dim)?.[0] ?? 'none') as By;

/** The segment chart and table for one dimension's groups. */
export function segmentModel(dim: SegmentDimension, groups: readonly GroupSummary[], money?: string): SegmentModel {
	return {
		dim,
		by: byOf(dim),
		rows: gapRows(dim, groups),
		allSuppressed: groups.every((g) => g.gap.support === 'suppressed'),
		table: {
			money,
			columns: [
				{ key: 'group', label: DIMENSION_LABEL[dim], align: 'left' },
				{ key: 'aiN', label: 'AI n' },
				{ key: 'aiMedian', label: 'AI median', format: 'money' },
				{ key: 'mlN', label: 'ML n' },
				{ key: 'mlMedian', label: 'ML median', format: 'money' },
				{ key: 'gapPct', label: 'Gap', format: 'pctSigned' },
				{ key: 'lo', label: '95% low', format: 'pctSigned' },
				{ key: 'hi', label: '95% high', format: 'pctSigned' },
				{ key: 'status', label: 'Evidence', align: 'left' }
			],
			rows: groups.map((g) => ({
				group: groupLabel(dim, g.key),
				aiN: g.families.AI.n,
				aiMedian: g.families.AI.median?.median ?? null,
				mlN: g.families.ML.n,
				mlMedian: g.families.ML.median?.median ?? null,
				gapPct: g.gap.estimate?.gapPct ?? null,
				lo: g.gap.estimate?.gapPctInterval?.lower ?? null,
				hi: g.gap.estimate?.gapPctInterval?.upper ?? null,
				status: g.gap.support === 'suppressed' ? 'too few reports' : g.gap.support === 'low' ? 'low confidence' : 'ok'
			}))
		}
	};
}

/** /pay: the filtered statistics with dots and a salary position, and one grouping per segment dimension. */
export function payView(data: Dataset, query: PayQuery): PayModel {
	const { filters, scale, salary } = query;
	const band = query.band ?? null;
	const stats = computeStats(data.prepared, filters, { cpi: data.annualCpi, sample: DOTS_PER_FAMILY, salary, band });
	const absent = absentDimensions(data.prepared);
	const segments = SEGMENT_DIMENSIONS.filter((dim) => !absent.includes(dim)).map((dim) =>
		segmentModel(dim, computeStats(data.prepared, filters, { cpi: data.annualCpi, groupBy: dim }).groups!.groups, data.money)
	);
	const absentSegments = SEGMENT_DIMENSIONS.filter((dim) => absent.includes(dim)).map((dim) => ({ dim, note: ABSENT_NOTE[dim] }));
	const groups: DistributionGroup[] = FAMILIES.map((f) => {
		const s = stats.families[f];
		return {
			id: f,
			label: `${FAMILY_LABEL[f]} family`,
			color: FAMILY_COLOR[f],
			n: s.n,
			q: s.quantiles
				? { p10: s.quantiles.p10, p25: s.quantiles.p25, p50: s.quantiles.median, p75: s.quantiles.p75, p90: s.quantiles.p90 }
				: null,
			points: stats.samples![f],
			support: s.support
		};
	});
	const distTable: TableData = {
		money: data.money,
		columns: [
			{ key: 'family', label: 'Family', align: 'left' },
			{ key: 'n', label: 'n' },
			{ key: 'p10', label: 'p10', format: 'money' },
			{ key: 'p25', label: 'p25', format: 'money' },
			{ key: 'median', label: 'Median', format: 'money' },
			{ key: 'p75', label: 'p75', format: 'money' },
			{ key: 'p90', label: 'p90', format: 'money' }
		],
		rows: FAMILIES.map((f) => {
			const q = stats.families[f].quantiles;
			return {
				family: FAMILY_LABEL[f],
				n: stats.families[f].n,
				p10: q?.p10 ?? null,
				p25: q?.p25 ?? null,
				median: q?.median ?? null,
				p75: q?.p75 ?? null,
				p90: q?.p90 ?? null
			};
		})
	};
	const distributionEmpty = FAMILIES.every((f) => stats.families[f].support === 'suppressed');
	return {
		scale,
		salary,
		pay: stats.pay,
		counts: stats.counts,
		position: stats.position,
		band: stats.band,
		groups,
		distributionEmpty,
		distTable,
		segments,
		absentSegments
	};
}
