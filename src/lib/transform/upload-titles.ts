/**
 * Titles of an uploaded file → AI / ML family, with the app's one title rule (`familyOf` in
 * `title-families.ts`: a listed title keeps its decision, any other is matched in its normal
 * form; the same for every layout and for the built-in data), and the user's overrides for
 * their data (title → family, or null to leave a listed title out; kept by data/upload/store.ts).
 */
import { dictCounts, type DictColumn } from '../data/upload/columns';
import type { TitleOverrides } from '../data/upload/store';
import { familyOf, matchTitle, type TitleMatch, type TitleMode } from './title-families';

/** Family codes: 0 = AI, 1 = ML (as `FAMILY_CODE` in stats/prepare), -1 = neither. */
export const FAMILY_CODES = { AI: 0, ML: 1 } as const;

/**
 * Family code per dictionary entry. An override wins over the mode's lists (in both
 * modes: the user's word about their own data). `Object.hasOwn` keeps prototype keys out.
 */
export function familyCodes(dict: readonly string[], mode: TitleMode, overrides: TitleOverrides = {}): Int8Array {
	const out = new Int8Array(dict.length);
	for (let c = 0; c < dict.length; c++) {
		const t = dict[c]!;
		const fam = Object.hasOwn(overrides, t) ? overrides[t]! : familyOf(t, mode);
		out[c] = fam === null ? -1 : FAMILY_CODES[fam];
	}
	return out;
}

/** Family code per row. */
export function rowFamilies(title: DictColumn, byCode: Int8Array): Int8Array {
	const out = new Int8Array(title.codes.length);
	for (let i = 0; i < out.length; i++) {
		const c = title.codes[i]!;
		out[i] = c < 0 ? -1 : byCode[c]!;
	}
	return out;
}

export interface TitleCount {
	readonly title: string;
	/** Rows (or postings, with a count column) with this title. */
	readonly count: number;
}

/** A title in neither family, with the form it was looked up in and why it matched nothing. */
export interface UnmatchedTitle extends TitleCount {
	/** The normal form (family mode) or tidy form (strict mode) that matched no family; the raw title when families-v1 lists it. */
	readonly form: string;
	/** `listed` (families-v1 leaves it out by name), `mixed` (names AI and ML as one) or `none`. */
	readonly how: TitleMatch['how'];
}

/**
 * Titles that matched neither family, most frequent first (ties A–Z), with counts and the
 * form each reached under `mode`. `weight` is the per-row count of a pre-counted postings file.
 */
export function unmatchedTitles(title: DictColumn, byCode: Int8Array, mode: TitleMode, weight?: Float64Array | null): UnmatchedTitle[] {
	const counts = dictCounts(title, weight);
	const out: UnmatchedTitle[] = [];
	for (let c = 0; c < title.dict.length; c++)
		if (byCode[c] === -1 && counts[c]! > 0) {
			const m = matchTitle(title.dict[c]!, mode);
			out.push({ title: title.dict[c]!, count: counts[c]!, form: m.form, how: m.how });
		}
	return out.sort((a, b) => b.count - a.count || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}
