/**
 * Compact columns: what a worker sends back instead of row objects. Numbers, years and
 * dates are typed arrays; strings are dictionary codes (Int32Array, -1 = missing) plus the
 * dictionary. Every buffer is its own (never a view into a shared one), so all of them
 * can be transferred (`transferablesOf`).
 */
import type { PostingField, SalaryField } from './fields';

export interface DictColumn {
	/** Index into `dict` per row; -1 where the cell is missing. */
	readonly codes: Int32Array;
	readonly dict: readonly string[];
}

/** A list per row (skills): row i owns `codes[offsets[i] .. offsets[i+1])`. */
export interface ListColumn {
	readonly offsets: Uint32Array;
	readonly codes: Uint32Array;
	readonly dict: readonly string[];
}

/**
 * Accepted salary rows, column-wise. Enum columns hold the position in the code lists of
 * `data/types.ts` (COMPANY_SIZES, EXPERIENCE_LEVELS, EMPLOYMENT_TYPES, REMOTE_RATIOS),
 * -1 where missing; numbers are NaN where missing. A column is null when the file has no
 * such field at all.
 */
export interface SalaryColumns {
	readonly kind: 'salaries';
	readonly n: number;
	/**
	 * False for the aijobs.net layout (an aijobs.net export: its source's 2024 change of
	 * collection applies), true for any other (data_jobs, a mapped file). Titles are matched by
	 * the same rule in every layout (`familyOf`, transform/title-families.ts). Absent in files
	 * kept before it existed: treated as true. (The name is kept so kept files still read.)
	 */
	readonly freeTextTitles?: boolean;
	/** 1-based physical line where the row starts (the header is line 1). */
	readonly line: Uint32Array;
	readonly title: DictColumn;
	/** Annual pay in USD (annualised when the source gave a period). */
	readonly salaryUsd: Float64Array;
	readonly year: Uint16Array;
	/** 1 where the year was written `2021e`. */
	readonly yearEstimated: Uint8Array;
	readonly companySize: Int8Array | null;
	/** ISO alpha-2 codes. */
	readonly country: DictColumn | null;
	readonly experienceLevel: Int8Array | null;
	readonly employmentType: Int8Array | null;
	readonly remoteRatio: Int8Array | null;
	readonly salaryLocal: Float64Array | null;
	readonly salaryCurrency: DictColumn | null;
	readonly employeeResidence: DictColumn | null;
	readonly fields: readonly SalaryField[];
}

export interface PostingsColumns {
	readonly kind: 'postings';
	readonly n: number;
	/**
	 * False for the aijobs.net layout (an aijobs.net export: its source's 2024 change of
	 * collection applies), true for any other (data_jobs, a mapped file). Titles are matched by
	 * the same rule in every layout (`familyOf`, transform/title-families.ts). Absent in files
	 * kept before it existed: treated as true. (The name is kept so kept files still read.)
	 */
	readonly freeTextTitles?: boolean;
	readonly line: Uint32Array;
	readonly title: DictColumn;
	/** Posted date, ms since 1970 UTC. */
	readonly postedMs: Float64Array;
	/** True when every date was a month only (`2023-06`): days, and so partial months, are unknown. */
	readonly monthOnly: boolean;
	readonly companyName: DictColumn | null;
	readonly companySize: Int8Array | null;
	readonly country: DictColumn | null;
	readonly skills: ListColumn | null;
	/** Advertised annual pay in USD; NaN where not given. */
	readonly salaryUsd: Float64Array | null;
	/** Postings each row stands for: 1 for row-level files, the `count` for pre-counted ones. */
	readonly count: Float64Array | null;
	readonly fields: readonly PostingField[];
}

export type UploadColumns = SalaryColumns | PostingsColumns;

type Typed = Int8Array | Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/** Every ArrayBuffer of the columns, for `postMessage(msg, transferables)`. */
export function transferablesOf(c: UploadColumns): ArrayBuffer[] {
	const out: ArrayBuffer[] = [];
	// Our builders allocate plain ArrayBuffers (never shared ones).
	const add = (a: Typed) => {
		if (!out.includes(a.buffer as ArrayBuffer)) out.push(a.buffer as ArrayBuffer);
	};
	for (const v of Object.values(c)) {
		if (ArrayBuffer.isView(v)) add(v as Typed);
		else if (v && typeof v === 'object' && 'codes' in v) {
			add((v as DictColumn).codes);
			if ('offsets' in v) add((v as ListColumn).offsets);
		}
	}
	return out;
}

/** Count of rows per dictionary entry (missing cells are not counted). */
export function dictCounts(col: DictColumn, weight?: Float64Array | null): Float64Array {
	const out = new Float64Array(col.dict.length);
	col.codes.forEach((c, i) => {
		if (c >= 0) out[c]! += weight ? weight[i]! : 1;
	});
	return out;
}

// ---- builders (used by the row processor) ----------------------------------------

/** A growable typed array; `finish` returns an exact-length copy with its own buffer. */
export class Growable<T extends Typed> {
	arr: T;
	constructor(
		private readonly make: (n: number) => T,
		capacity = 1024
	) {
		this.arr = make(capacity);
	}
	ensure(n: number): void {
		if (n < this.arr.length) return;
		let cap = this.arr.length * 2;
		while (cap <= n) cap *= 2;
		const next = this.make(cap);
		next.set(this.arr as never);
		this.arr = next;
	}
	finish(n: number): T {
		return this.arr.slice(0, n) as T;
	}
}

/**
 * The dictionary entries that `codes` use, in their order, with `codes` renumbered in place
 * to match (-1, a missing cell, stays -1): a rejected row may have added an entry.
 */
function compact(codes: Int32Array | Uint32Array, dict: readonly string[]): string[] {
	// 1 + the new index of each used entry; 0 for an unused one.
	const next = new Int32Array(dict.length);
	for (const c of codes) if (c >= 0) next[c] = 1;
	const kept: string[] = [];
	dict.forEach((s, c) => {
		if (next[c]) next[c] = kept.push(s);
	});
	codes.forEach((c, i) => {
		if (c >= 0) codes[i] = next[c]! - 1;
	});
	return kept;
}

export class DictBuilder {
	readonly codes = new Growable((n) => new Int32Array(n));
	private readonly index = new Map<string, number>();
	readonly dict: string[] = [];
	code(s: string): number {
		let c = this.index.get(s);
		if (c === undefined) {
			c = this.dict.length;
			this.dict.push(s);
			this.index.set(s, c);
		}
		return c;
	}
	/** Drop dictionary entries no accepted row uses (a rejected row may have added one). */
	finish(n: number): DictColumn {
		const codes = this.codes.finish(n);
		return { codes, dict: compact(codes, this.dict) };
	}
}

export class ListBuilder {
	private offsets = new Growable((n) => new Uint32Array(n));
	private codes = new Growable((n) => new Uint32Array(n), 4096);
	private readonly index = new Map<string, number>();
	private readonly dict: string[] = [];
	/** Set row n's list (overwrites an uncommitted row n). */
	set(n: number, items: readonly string[]): void {
		this.offsets.ensure(n + 1);
		const start = this.offsets.arr[n]!; // offsets[0] is 0 from the start
		this.codes.ensure(start + items.length);
		let k = start;
		for (const s of items) {
			let c = this.index.get(s);
			if (c === undefined) {
				c = this.dict.length;
				this.dict.push(s);
				this.index.set(s, c);
			}
			this.codes.arr[k++] = c;
		}
		this.offsets.arr[n + 1] = k;
	}
	finish(n: number): ListColumn {
		this.offsets.ensure(n + 1);
		const offsets = this.offsets.finish(n + 1);
		offsets[0] = 0;
		const total = offsets[n]!;
		const codes = this.codes.finish(total);
		return { offsets, codes, dict: compact(codes, this.dict) };
	}
}
