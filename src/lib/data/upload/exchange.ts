/**
 * Pay in other currencies than US dollars: what the row processor needs to convert a salary
 * file's pay to US dollars, without knowing where the rates come from. The upload worker builds
 * the lookup from the server's money tables (GET /api/money/tables.json, `marketRate` in
 * transform/money.ts: the rate of the work year, or the last published year's for a later
 * year); tests give it their own tables.
 */

/** A rate found for a currency and work year: units per US dollar, and the year it is for. */
export interface RateFound {
	readonly perUsd: number;
	/** The work year, or the table's last year when the work year is after it. */
	readonly year: number;
}

/** Units of `currency` per US dollar for a work year, or null when the tables have none (an unknown code too). */
export type RateLookup = (currency: string, workYear: number) => RateFound | null;

/** The rates a file's accepted rows were converted with, one per currency and work year. */
export interface ExchangeUse {
	readonly currency: string;
	readonly workYear: number;
	readonly perUsd: number;
	/** The year the rate is for (differs from workYear for a year after the table's last one). */
	readonly rateYear: number;
	readonly rows: number;
}

/** The reason a row is rejected when its currency has no rate for its year: "no exchange rate for XYZ in 2023". */
export function noRateReason(currency: string, workYear: number): string {
	return `no exchange rate for ${currency} in ${workYear}`;
}

/** The reason for a row with a currency column whose cell is empty (its pay cannot be converted). */
export const NO_CURRENCY = 'no currency given for the pay';
