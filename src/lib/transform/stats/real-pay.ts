/**
 * Real (inflation-adjusted) pay from US CPI-U:
 *   real = nominal × CPI(base year) / CPI(work year),
 * where CPI(year) is the mean of that year's 12 monthly indices. A year with fewer than 12
 * months is not a full year and has no annual average for this purpose.
 */
import type { CpiRow } from '../../data/types';

export interface AnnualCpi {
	readonly year: number;
	/** Mean of the monthly indices present (1982–84 = 100). */
	readonly index: number;
	/** Distinct months present. */
	readonly months: number;
	/** All 12 months present: only full years deflate. */
	readonly full: boolean;
}

/**
 * Annual averages of monthly CPI rows, ascending by year. A month listed twice is averaged
 * first, so it does not weigh double. `annualCpi(12 rows of 2024 at 300) → [{year: 2024, index: 300, months: 12, full: true}]`.
 */
export function annualCpi(rows: readonly CpiRow[]): AnnualCpi[] {
	const byYear = new Map<number, Map<number, { sum: number; count: number }>>();
	for (const r of rows) {
		let months = byYear.get(r.year);
		if (!months) byYear.set(r.year, (months = new Map()));
		const m = months.get(r.month);
		if (m) {
			m.sum += r.index;
			m.count += 1;
		} else months.set(r.month, { sum: r.index, count: 1 });
	}
	const out: AnnualCpi[] = [];
	for (const [year, months] of byYear) {
		let sum = 0;
		for (const m of months.values()) sum += m.sum / m.count;
		out.push({ year, index: sum / months.size, months: months.size, full: months.size === 12 });
	}
	return out.sort((a, b) => a.year - b.year);
}

/** The latest full year, or null. The default base year for real pay. */
export function latestFullYear(annual: readonly AnnualCpi[]): number | null {
	let best: number | null = null;
	// Stryker disable next-line EqualityOperator: equivalent, two entries of one year give the same year
	for (const a of annual) if (a.full && (best === null || a.year > best)) best = a.year;
	return best;
}

/**
 * The factor CPI(base) / CPI(workYear) that turns work-year dollars into base-year dollars,
 * or null when either year is not a full year in the CPI data. The base year defaults to
 * the latest full year. `deflator(annual, 2020, 2024)` ≈ 313.7 / 258.8 ≈ 1.212.
 */
export function deflator(annual: readonly AnnualCpi[], workYear: number, baseYear: number | null = latestFullYear(annual)): number | null {
	let base: AnnualCpi | undefined;
	let work: AnnualCpi | undefined;
	for (const a of annual) {
		if (a.year === baseYear) base = a;
		if (a.year === workYear) work = a;
	}
	if (!base?.full || !work?.full) return null;
	return base.index / work.index;
}

/** Nominal pay in work-year dollars → real pay in base-year dollars, or null without CPI. */
export function realPay(nominalUsd: number, annual: readonly AnnualCpi[], workYear: number, baseYear?: number | null): number | null {
	const f = deflator(annual, workYear, baseYear);
	return f === null ? null : nominalUsd * f;
}
