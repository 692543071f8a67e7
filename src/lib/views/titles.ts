/**
 * The /titles view model: every raw title the lists name, and every other title a family
 * counts in the rows (matched by its normal form, or by the user's choice on their file),
 * with its family in each mode and its count: the table lists exactly the titles whose rows
 * the families count.
 */
import { rollup } from 'd3-array';
import type { SalaryRow, TitleFamily } from '$lib/data/types';
import { EXCLUDED_BORDERLINE, FAMILY_TITLES, familyOf, matchTitle, type TitleMode } from '$lib/transform/title-families';
import type { Dataset } from '$lib/transform/dataset';
import { rowMatcher, type Filters } from '$lib/transform/filters';
import type { TitleClassifier } from '$lib/transform/stats/prepare';
import { dedupeRows } from '$lib/transform/stats/dedupe';

export interface TitleLine {
	readonly title: string;
	readonly familyMode: TitleFamily | null;
	readonly strictMode: TitleFamily | null;
	/** Reports with this exact title in the given rows. */
	readonly n: number;
	/** Why a borderline title is in neither family; '' for family titles. */
	readonly reason: string;
	/**
	 * `listed`: the lists name the title; `normalised`: matched by its normal form (`form`);
	 * `yours`: the user's choice for their file decides (it differs from the app's rule).
	 */
	readonly how: 'listed' | 'normalised' | 'yours';
	/** The normal form the title was matched in (family mode); the raw title when listed. */
	readonly form: string;
}

const hasReason = (t: string) => Object.hasOwn(EXCLUDED_BORDERLINE, t);

/**
 * Titles in the AI family (family mode) first, then ML, then those in neither (the excluded
 * borderline titles); most reports first, ties A–Z. Every listed title is a line (with 0
 * reports if absent), and so is every other title `classify` puts in a family in either mode.
 * `rows` should be filtered by everything but the title mode.
 */
export function titleTable(rows: readonly SalaryRow[], classify: TitleClassifier = familyOf): TitleLine[] {
	const counts = rollup(
		rows,
		(g) => g.length,
		(r) => r.jobTitle
	);
	const titles = new Set<string>([...FAMILY_TITLES.AI, ...FAMILY_TITLES.ML, ...Object.keys(EXCLUDED_BORDERLINE)]);
	for (const t of counts.keys()) if (classify(t, 'family') !== null || classify(t, 'strict') !== null) titles.add(t);
	const line = (title: string): TitleLine => {
		// Stryker disable next-line StringLiteral: equivalent, the classifiers read every mode but 'strict' as 'family'
		const familyMode = classify(title, 'family');
		const strictMode = classify(title, 'strict');
		// Stryker disable next-line StringLiteral: equivalent, matchTitle reads every mode but 'strict' as 'family'
		const rule = matchTitle(title, 'family');
		const yours = familyMode !== familyOf(title, 'family') || strictMode !== familyOf(title, 'strict');
		return {
			title,
			familyMode,
			strictMode,
			n: counts.get(title) ?? 0,
			reason: familyMode === null && hasReason(title) ? EXCLUDED_BORDERLINE[title]! : '',
			how: yours ? 'yours' : rule.how === 'listed' ? 'listed' : 'normalised',
			form: rule.form
		};
	};
	const byN = (a: TitleLine, b: TitleLine) => b.n - a.n || a.title.localeCompare(b.title);
	const lines = [...titles].map(line);
	return [
		...lines.filter((l) => l.familyMode === 'AI').sort(byN),
		...lines.filter((l) => l.familyMode === 'ML').sort(byN),
		...lines.filter((l) => l.familyMode === null).sort(byN)
	];
}

/** /titles: the title table for the reports matching every filter but the title mode, families as the Dataset classifies them. */
export function titlesView(data: Dataset, query: { readonly filters: Filters }): { titles: TitleLine[]; mode: TitleMode } {
	const { filters } = query;
	const matched = data.salaries.filter(rowMatcher(filters));
	const rows = filters.dedupe ? dedupeRows(matched) : matched;
	return { titles: titleTable(rows, data.classify), mode: filters.titles };
}
