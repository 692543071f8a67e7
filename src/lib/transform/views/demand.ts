/** /demand view models: Indeed postings shares and indices by month, and the company-size mix of reports. */
import { ascending, mean, rollups } from 'd3-array';
import { COMPANY_SIZES, type CompanySize } from '$lib/data/types';
import type { SectorIndexRow, ShareRow } from '$lib/data/types';
import type { View } from '../stats/types';
import { FAMILIES } from '../stats/summary';
import type { TitleFamily } from '../title-families';

export interface MonthValue {
	/** First day of the month, YYYY-MM-01. */
	readonly month: string;
	readonly value: number;
	/** Daily values averaged. */
	readonly days: number;
}

/** Monthly means of daily values: `[{date:'2024-01-01',v:1},{date:'2024-01-02',v:3}] → [{month:'2024-01-01', value:2, days:2}]`. */
export function monthlyMeans(daily: readonly { date: string; value: number }[]): MonthValue[] {
	return rollups(
		daily,
		(g) => ({ value: mean(g, (d) => d.value)!, days: g.length }),
		(d) => `${d.date.slice(0, 7)}-01`
	)
		.map(([month, s]) => ({ month, ...s }))
		.sort((a, b) => ascending(a.month, b.month));
}

/** Countries with AI-share data, A–Z. */
export function shareMarkets(rows: readonly ShareRow[]): string[] {
	return [...new Set(rows.map((r) => r.country))].sort();
}

/** Monthly mean share (percent of postings) for one country. */
export function shareByMonth(rows: readonly ShareRow[], country: string): MonthValue[] {
	return monthlyMeans(rows.filter((r) => r.country === country).map((r) => ({ date: r.date, value: r.sharePct })));
}

/** Monthly mean of a sector's index (total postings) for one country. */
export function sectorByMonth(rows: readonly SectorIndexRow[], country: string, sector: string): MonthValue[] {
	return monthlyMeans(
		rows
			.filter((r) => r.country === country && r.sector === sector && r.variable === 'total postings')
			.map((r) => ({ date: r.date, value: r.index }))
	);
}

export interface SizeShare {
	readonly year: number;
	readonly family: TitleFamily;
	readonly total: number;
	readonly bySize: Readonly<Record<CompanySize, { n: number; sharePct: number | null }>>;
}

/**
 * Share of each family's reports per company size, per year, from views of single years
 * grouped by company size. `sharePct` is null when the family has no report that year.
 */
export function sizeShares(perYear: readonly { year: number; view: View }[]): SizeShare[] {
	const out: SizeShare[] = [];
	for (const { year, view } of perYear) {
		if (view.groups?.dimension !== 'companySize') throw new Error('sizeShares needs views grouped by companySize');
		for (const family of FAMILIES) {
			const n = (size: CompanySize) => view.groups!.groups.find((g) => g.key === size)?.families[family].n ?? 0;
			const total = COMPANY_SIZES.reduce((a, s) => a + n(s), 0);
			const bySize = Object.fromEntries(
				COMPANY_SIZES.map((s) => [s, { n: n(s), sharePct: total > 0 ? (100 * n(s)) / total : null }])
			) as SizeShare['bySize'];
			out.push({ year, family, total, bySize });
		}
	}
	return out;
}
