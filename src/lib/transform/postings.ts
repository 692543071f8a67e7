/**
 * Postings figures from uploaded postings columns: postings per month per family with the
 * AI family's share of AI + ML postings, by company size and by country where the file has
 * them, top skills per family, and the median advertised salary per family.
 *
 * Weights: a row stands for `count[i]` postings in a pre-counted file (1 otherwise) and
 * counts that many times everywhere — in sums, in skill shares and in the salary median,
 * which is the median of the rows expanded by their counts (so a pre-counted file gives
 * the same figures as the row-level file it was counted from).
 *
 * Partial months: with day-level dates, the first month is partial unless the earliest
 * posting is on its 1st, and the last month unless the latest posting is on its last day;
 * with month-only dates (a pre-counted file) that is unknown (`null`) unless the caller
 * gives the coverage the user confirmed (postings outside a stated coverage count in the
 * totals but not in any month). Months between are whole; months with no posting inside
 * the range are listed with zero.
 */
import type { PostingsColumns } from '../data/upload/columns';
import { COMPANY_SIZES, type TitleFamily } from '../data/types';
import { supportOf, SUPPRESS_BELOW, type Support } from './stats/constants';

const FAMILIES: readonly TitleFamily[] = ['AI', 'ML'];

export interface PostingsOptions {
	/** First and last day the data cover (YYYY-MM-DD), when known better than from the dates. */
	readonly coverage?: { readonly firstDay: string; readonly lastDay: string };
	/** Skills listed per family. */
	readonly topSkills?: number;
}

/** AI and ML postings in one group, and the AI share of the two. */
export interface FamilySplit {
	readonly ai: number;
	readonly ml: number;
	/** ai + ml: the n behind the share. */
	readonly n: number;
	/** 100 × ai / n; null when n < SUPPRESS_BELOW. */
	readonly aiSharePct: number | null;
	readonly support: Support;
}

export interface MonthPostings extends FamilySplit {
	/** YYYY-MM. */
	readonly month: string;
	/** True when the data do not cover the whole month; null when that is unknown. */
	readonly partial: boolean | null;
}

export interface GroupPostings extends FamilySplit {
	/** Company size code (S/M/L) or ISO country code. */
	readonly group: string;
}

export interface SkillShare {
	readonly family: TitleFamily;
	readonly skill: string;
	/** Postings of the family asking for the skill. */
	readonly postings: number;
	/** All postings of the family: the n behind the share. */
	readonly familyPostings: number;
	/** 100 × postings / familyPostings; null when familyPostings < SUPPRESS_BELOW. */
	readonly sharePct: number | null;
	readonly support: Support;
}

export interface FamilySalary {
	readonly family: TitleFamily;
	/** Median advertised annual salary (USD); null when n < SUPPRESS_BELOW. */
	readonly medianUsd: number | null;
	/** Postings with an advertised salary. */
	readonly n: number;
	readonly support: Support;
}

export interface PostingsSummary {
	/** Every posting in the file (weighted), whatever its family. */
	readonly totalPostings: number;
	readonly familyPostings: Readonly<Record<TitleFamily, number>>;
	/** Postings whose title is in neither family. */
	readonly otherPostings: number;
	readonly months: readonly MonthPostings[];
	readonly byCompanySize: readonly GroupPostings[] | null;
	readonly byCountry: readonly GroupPostings[] | null;
	readonly skills: readonly SkillShare[] | null;
	readonly salary: readonly FamilySalary[] | null;
}

function split(ai: number, ml: number): FamilySplit {
	const n = ai + ml;
	const support = supportOf(n);
	return { ai, ml, n, aiSharePct: support === 'suppressed' ? null : (100 * ai) / n, support };
}

const monthIndex = (ms: number) => {
	const d = new Date(ms);
	return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthLabel = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const daysIn = (m: number) => new Date(Date.UTC(Math.floor(m / 12), (m % 12) + 1, 0)).getUTCDate();

function dayMs(day: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
	return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
}

/**
 * Weighted median of values with integer weights = the median (d3 / R type 7) of the list
 * with each value repeated weight times. `weightedMedian([1,5],[3,1]) → 1` (1,1,1,5).
 */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number | null {
	const idx = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
	let total = 0;
	for (const w of weights) total += w;
	if (total <= 0) return null;
	const lo = Math.floor((total - 1) / 2);
	const hi = Math.ceil((total - 1) / 2);
	let cum = 0;
	let vlo: number | null = null;
	for (const i of idx) {
		const w = weights[i]!;
		if (w <= 0) continue;
		if (vlo === null && lo < cum + w) vlo = values[i]!;
		if (hi < cum + w) return (vlo! + values[i]!) / 2;
		cum += w;
	}
	return null;
}

/**
 * All postings figures. `family` is the family code per row (0 = AI, 1 = ML, -1 = neither),
 * e.g. from `rowFamilies(cols.title, familyCodes(cols.title.dict, mode, overrides))`.
 * Does not change its inputs.
 */
export function summarisePostings(cols: PostingsColumns, family: Int8Array, opts: PostingsOptions = {}): PostingsSummary {
	const n = cols.n;
	if (family.length !== n) throw new RangeError('one family code per row');
	const w = cols.count;
	const weight = (i: number) => (w ? w[i]! : 1);
	let total = 0;
	const fam = [0, 0];
	let minMs = Infinity;
	let maxMs = -Infinity;
	const perMonth = new Map<number, [number, number]>();
	for (let i = 0; i < n; i++) {
		const wi = weight(i);
		total += wi;
		const t = cols.postedMs[i]!;
		if (t < minMs) minMs = t;
		if (t > maxMs) maxMs = t;
		const f = family[i]!;
		if (f < 0 || wi === 0) continue;
		fam[f]! += wi;
		const m = monthIndex(t);
		let cell = perMonth.get(m);
		if (!cell) perMonth.set(m, (cell = [0, 0]));
		cell[f]! += wi;
	}

	// The months the data cover, and whether the ends are whole.
	const months: MonthPostings[] = [];
	if (n > 0) {
		let first = monthIndex(minMs);
		let last = monthIndex(maxMs);
		let firstPartial: boolean | null;
		let lastPartial: boolean | null;
		if (opts.coverage) {
			const a = dayMs(opts.coverage.firstDay);
			const b = dayMs(opts.coverage.lastDay);
			first = monthIndex(a);
			last = monthIndex(b);
			firstPartial = new Date(a).getUTCDate() !== 1;
			lastPartial = new Date(b).getUTCDate() !== daysIn(last);
		} else if (cols.monthOnly) {
			firstPartial = lastPartial = null;
		} else {
			firstPartial = new Date(minMs).getUTCDate() !== 1;
			lastPartial = new Date(maxMs).getUTCDate() !== daysIn(last);
		}
		for (let m = first; m <= last; m++) {
			const [ai, ml] = perMonth.get(m) ?? [0, 0];
			let partial: boolean | null = false;
			if (m === first && m === last) partial = firstPartial === null || lastPartial === null ? null : firstPartial || lastPartial;
			else if (m === first) partial = firstPartial;
			else if (m === last) partial = lastPartial;
			months.push({ month: monthLabel(m), partial, ...split(ai, ml) });
		}
	}

	const groups = (code: Int32Array | Int8Array | null, label: (c: number) => string): GroupPostings[] | null => {
		if (!code) return null;
		const acc = new Map<number, [number, number]>();
		for (let i = 0; i < n; i++) {
			const f = family[i]!;
			const c = code[i]!;
			if (f < 0 || c < 0) continue;
			let cell = acc.get(c);
			if (!cell) acc.set(c, (cell = [0, 0]));
			cell[f]! += weight(i);
		}
		return [...acc]
			.map(([c, [ai, ml]]) => ({ group: label(c), ...split(ai, ml) }))
			.filter((g) => g.n > 0)
			.sort((a, b) => b.n - a.n || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
	};
	const byCompanySize = cols.companySize
		? groups(cols.companySize, (c) => COMPANY_SIZES[c]!)!.sort(
				(a, b) => COMPANY_SIZES.indexOf(a.group as never) - COMPANY_SIZES.indexOf(b.group as never)
			)
		: null;
	const country = cols.country;
	const byCountry = country ? groups(country.codes, (c) => country.dict[c]!) : null;

	let skills: SkillShare[] | null = null;
	if (cols.skills) {
		const { offsets, codes, dict } = cols.skills;
		const top = opts.topSkills ?? 10;
		const per = FAMILIES.map(() => new Float64Array(dict.length));
		for (let i = 0; i < n; i++) {
			const f = family[i]!;
			if (f < 0) continue;
			for (let k = offsets[i]!; k < offsets[i + 1]!; k++) per[f]![codes[k]!]! += weight(i);
		}
		skills = [];
		FAMILIES.forEach((family, f) => {
			const famN = fam[f]!;
			const support = supportOf(famN);
			const list: SkillShare[] = [];
			per[f]!.forEach((postings, s) => {
				if (postings > 0)
					list.push({
						family,
						skill: dict[s]!,
						postings,
						familyPostings: famN,
						sharePct: support === 'suppressed' ? null : (100 * postings) / famN,
						support
					});
			});
			list.sort((a, b) => b.postings - a.postings || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));
			skills!.push(...list.slice(0, top));
		});
	}

	let salary: FamilySalary[] | null = null;
	if (cols.salaryUsd) {
		const pay = cols.salaryUsd;
		salary = FAMILIES.map((fam_, f) => {
			const vals: number[] = [];
			const ws: number[] = [];
			for (let i = 0; i < n; i++) {
				if (family[i] !== f || Number.isNaN(pay[i]!)) continue;
				vals.push(pay[i]!);
				ws.push(weight(i));
			}
			let m = 0;
			for (const x of ws) m += x;
			const support = supportOf(m);
			return { family: fam_, medianUsd: m < SUPPRESS_BELOW ? null : weightedMedian(vals, ws), n: m, support };
		});
	}

	return {
		totalPostings: total,
		familyPostings: { AI: fam[0]!, ML: fam[1]! },
		otherPostings: total - fam[0]! - fam[1]!,
		months,
		byCompanySize,
		byCountry,
		skills,
		salary
	};
}
