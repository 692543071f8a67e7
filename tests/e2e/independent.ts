/**
 * Expected numbers for browser tests, computed here from the raw CSV with nothing from
 * src/: a plain split (the pinned file has no quoted fields) and R type-7 quantiles.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface RawRow {
	[column: string]: string;
}

let cache: RawRow[] | null = null;

export function rawRows(): RawRow[] {
	if (cache) return cache;
	const dir = resolve(process.env.DATA_CACHE_DIR ?? '.data-cache');
	const text = readFileSync(join(dir, 'aijobs-salaries/salaries.csv'), 'utf8');
	const [head, ...lines] = text.trim().split(/\r?\n/);
	const cols = head!.split(',');
	cache = lines.map((l) => {
		const cells = l.split(',');
		if (cells.length !== cols.length) throw new Error(`unexpected quoted field: ${l}`);
		return Object.fromEntries(cols.map((c, i) => [c, cells[i]!]));
	});
	return cache;
}

export function quantile7(values: number[], p: number): number {
	const v = [...values].sort((a, b) => a - b);
	const h = (v.length - 1) * p;
	const lo = Math.floor(h);
	return v[lo]! + (v[Math.min(lo + 1, v.length - 1)]! - v[lo]!) * (h - lo);
}

/** Median, p25, p75 and n of salary_in_usd for rows with exactly this title and passing `keep`. */
export function titleStats(title: string, keep: (r: RawRow) => boolean = () => true) {
	const v = rawRows()
		.filter((r) => r.job_title === title && keep(r))
		.map((r) => Number(r.salary_in_usd));
	return { n: v.length, median: quantile7(v, 0.5), p25: quantile7(v, 0.25), p75: quantile7(v, 0.75) };
}

/** "$134,750" — the page's money format, written independently. */
export function usd(v: number): string {
	return `$${Math.round(v).toLocaleString('en-US')}`;
}
