/**
 * Typed rows: the only shape the rest of the app sees. Raw strings stop in lib/data.
 */

/**
 * The two title families compared. Which titles belong to each is decided in
 * transform/title-families.ts; the codes live here because kept data (a user's title
 * overrides, data/upload/store.ts) hold them too.
 */
export const TITLE_FAMILIES = ['AI', 'ML'] as const;
export type TitleFamily = (typeof TITLE_FAMILIES)[number];

export const EXPERIENCE_LEVELS = ['EN', 'MI', 'SE', 'EX'] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

export const EMPLOYMENT_TYPES = ['FT', 'PT', 'CT', 'FL'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/**
 * The work years the app accepts, one bound for everything: the built-in parser, an uploaded
 * file's year column and the URL's `from`/`to`. Wide on purpose (a later snapshot or a user's
 * file may hold 2019 or 2026); the year selects list the years the data hold.
 */
export const WORK_YEAR_MIN = 2015;
export const WORK_YEAR_MAX = 2035;

/**
 * Annual pay in US$ above this is refused by both parsers ("check the unit"): $10 million a
 * year is far above any engineer salary the sources hold (the built-in data's largest is
 * $800,000), so such a value is almost surely cents, a monthly figure read as annual with the
 * wrong factor, another currency, or a typo, and one of them would drag a small group's figures.
 */
export const MAX_ANNUAL_PAY_USD = 10_000_000;
/** The reason a row with pay above MAX_ANNUAL_PAY_USD is rejected, as the validation report shows it. */
export const ABOVE_MAX_PAY = `above $${MAX_ANNUAL_PAY_USD.toLocaleString('en-US')} a year: check the unit`;

export const COMPANY_SIZES = ['S', 'M', 'L'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const REMOTE_RATIOS = [0, 50, 100] as const;
export type RemoteRatio = (typeof REMOTE_RATIOS)[number];

/** Continent slugs used for the `region` filter; derived from `company_location`. */
export const REGIONS = ['africa', 'asia', 'europe', 'north-america', 'oceania', 'south-america'] as const;
export type Region = (typeof REGIONS)[number];

/**
 * One salary report after validation and coercion. The built-in aijobs.net file gives
 * every field; an uploaded file may leave the optional dimensions out (a column absent, or
 * an empty cell): those are `null`, "not given" (see src/lib/data/upload/README.md).
 */
export interface SalaryRow {
	/** 1-based line number in the source file (the header is line 1). */
	readonly line: number;
	readonly workYear: number;
	/** True when the source wrote the year with an `e` suffix (an estimate, e.g. `2021e`). */
	readonly workYearEstimated: boolean;
	readonly experienceLevel: ExperienceLevel | null;
	readonly employmentType: EmploymentType | null;
	readonly jobTitle: string;
	/** Salary in the currency of `salaryCurrency`, gross per year. */
	readonly salary: number;
	readonly salaryCurrency: string;
	/** Salary in US dollars as converted by aijobs.net, gross per year. */
	readonly salaryUsd: number;
	/** ISO code of the employee's country; null when neither it nor the company country is given. */
	readonly employeeResidence: string | null;
	readonly remoteRatio: RemoteRatio | null;
	/** ISO 3166-1 alpha-2 code of the employer's country. */
	readonly companyLocation: string | null;
	/** Null exactly when `companyLocation` is. */
	readonly region: Region | null;
	readonly companySize: CompanySize | null;
}

/** Why one source row (or cell) was rejected. */
export interface ParseIssue {
	/** 1-based line number in the source file (the header is line 1). */
	readonly line: number;
	/** Column name as in the source header, or `*` for a whole-row problem. */
	readonly column: string;
	/** The raw value as read (truncated to 200 characters). */
	readonly value: string;
	readonly reason: string;
}

export interface ParseResult<T> {
	readonly rows: T[];
	readonly issues: ParseIssue[];
	/** Data rows read (header excluded, blank trailing line excluded). */
	readonly rowsRead: number;
	/** Rows rejected; `rows.length + rejected === rowsRead`, always. */
	readonly rejected: number;
}

/** Daily share of postings (percent) per country, from Indeed's AI tracker. */
export interface ShareRow {
	readonly date: string; // YYYY-MM-DD
	readonly country: string;
	readonly sharePct: number;
}

/** Daily index (100 = 2020-02-01) per country and series. */
export interface PostingsIndexRow {
	readonly date: string;
	readonly country: string;
	readonly indexSa: number | null;
	readonly indexNsa: number | null;
	readonly variable: 'total postings' | 'new postings';
}

export interface SectorIndexRow {
	readonly date: string;
	readonly country: string;
	readonly index: number;
	readonly variable: 'total postings' | 'new postings';
	readonly sector: string;
}

/** Monthly CPI-U, US city average, all items, 1982–84 = 100. */
export interface CpiRow {
	readonly date: string; // YYYY-MM-01
	readonly year: number;
	readonly month: number;
	readonly index: number;
}
