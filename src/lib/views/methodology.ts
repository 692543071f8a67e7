/** /methodology view model: what parsing kept and dropped, traits of the salary data, and which CPI years are usable. */
import type { Dataset, ParseSummary } from '$lib/transform/dataset';
import { dataTraits } from '$lib/transform/data-traits';
import { latestFullYear } from '$lib/transform/stats/real-pay';
import coverageTable from '$lib/transform/stats/coverage-table.json';

/** One row of the coverage table on the page: an interval method's coverage (%) at each effective n. */
export interface CoverageLine {
	readonly what: string;
	readonly method: string;
	readonly shipped: boolean;
	readonly coverage: readonly (number | null)[];
}

export interface MethodologyModel {
	readonly parse: readonly ParseSummary[];
	readonly traits: ReturnType<typeof dataTraits>;
	readonly cpi: {
		readonly baseYear: number | null;
		/** Work years in the salary data whose CPI year is incomplete: their reports drop out of real pay. */
		readonly incomplete: readonly { readonly year: number; readonly months: number }[];
	};
	/** The coverage simulation behind every "95%" (scripts/coverage.ts; the committed table). */
	readonly coverage: {
		readonly seed: number;
		readonly sims: number;
		readonly effectiveN: readonly number[];
		readonly lines: readonly CoverageLine[];
	};
}

type Row = { readonly method: string; readonly shipped: boolean; readonly coveragePct: number | null };
type Bucket = {
	readonly effectiveN: number;
	readonly median: readonly Row[];
	readonly gap: readonly Row[];
	readonly shareCandidates: readonly Row[];
	readonly shareChange: Row;
	readonly gapDifference: Row;
};

/** The lines the page shows: each figure's shipped method, and the methods it was chosen over for medians and gaps. */
export function coverageLines(buckets: readonly Bucket[]): CoverageLine[] {
	const pick = (what: string, rows: (b: Bucket) => readonly Row[]) =>
		rows(buckets[0]!).map((r, i) => ({
			what,
			method: r.method,
			shipped: r.shipped,
			coverage: buckets.map((b) => rows(b)[i]?.coveragePct ?? null)
		}));
	return [
		...pick('Median', (b) => b.median),
		...pick('Gap', (b) => b.gap),
		...pick('Share', (b) => b.shareCandidates.filter((r) => r.shipped)),
		...pick('Change in share', (b) => [b.shareChange]),
		...pick('Difference of two gaps', (b) => [b.gapDifference])
	];
}

export function methodologyView(data: Dataset): MethodologyModel {
	const workYears = new Set(data.salaries.map((r) => r.workYear));
	return {
		parse: data.parse,
		traits: dataTraits(data.salaries),
		cpi: {
			baseYear: latestFullYear(data.annualCpi),
			incomplete: data.annualCpi.filter((a) => !a.full && workYears.has(a.year)).map((a) => ({ year: a.year, months: a.months }))
		},
		coverage: {
			seed: coverageTable.seed,
			sims: coverageTable.sims,
			effectiveN: coverageTable.buckets.map((b) => b.effectiveN),
			lines: coverageLines(coverageTable.buckets)
		}
	};
}
