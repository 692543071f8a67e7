/** The /titles view model: every raw title the mapping mentions, with its family and count. */
import { rollup } from 'd3-array';
import type { SalaryRow } from '$lib/data/types';
import { EXCLUDED_BORDERLINE, FAMILY_TITLES, familyOf, type TitleFamily, type TitleMode } from '$lib/transform/title-families';
import type { Dataset } from '$lib/transform/dataset';
import { rowMatcher, type Filters } from '$lib/transform/filters';
import { dedupeRows } from '$lib/transform/stats/dedupe';

export interface TitleLine {
	readonly title: string;
	readonly familyMode: TitleFamily | null;
	readonly strictMode: TitleFamily | null;
	/** Reports with this exact title in the given rows. */
	readonly n: number;
	/** Why a borderline title is in neither family; '' for family titles. */
	readonly reason: string;
}

/**
 * Family titles first (AI, then ML, most reports first), then the excluded borderline
 * titles. `rows` should be filtered by everything but the title mode.
 */
export function titleTable(rows: readonly SalaryRow[]): TitleLine[] {
	const counts = rollup(
		rows,
		(g) => g.length,
		(r) => r.jobTitle
	);
	const line = (title: string, reason: string): TitleLine => ({
		title,
		// Stryker disable next-line StringLiteral: equivalent, familyOf reads every mode but 'strict' as 'family'
		familyMode: familyOf(title, 'family'),
		strictMode: familyOf(title, 'strict'),
		n: counts.get(title) ?? 0,
		reason
	});
	const byN = (a: TitleLine, b: TitleLine) => b.n - a.n || a.title.localeCompare(b.title);
	return [
		...FAMILY_TITLES.AI.map((t) => line(t, '')).sort(byN),
		...FAMILY_TITLES.ML.map((t) => line(t, '')).sort(byN),
		...Object.entries(EXCLUDED_BORDERLINE)
			.map(([t, why]) => line(t, why))
			.sort(byN)
	];
}

/** /titles: the title table for the reports matching every filter but the title mode. */
export function titlesView(data: Dataset, query: { readonly filters: Filters }): { titles: TitleLine[]; mode: TitleMode } {
	const { filters } = query;
	const matched = data.salaries.filter(rowMatcher(filters));
	const rows = filters.dedupe ? dedupeRows(matched) : matched;
	return { titles: titleTable(rows), mode: filters.titles };
}
