/**
 * The fields an uploaded file can feed, per kind, and the column mapping that says which
 * header column feeds which field. Known layouts (aijobs.net salaries, the public
 * `data_jobs` postings file) map themselves; anything else gets guesses from header names.
 */
import type { PayPeriod } from './values';

export type UploadKind = 'salaries' | 'postings';
export type Layout = 'aijobs' | 'data_jobs' | 'generic';

export const SALARY_FIELDS = [
	'title',
	'salaryUsd',
	'year',
	'companySize',
	'country',
	'experienceLevel',
	'employmentType',
	'remoteRatio',
	'payPeriod',
	'salaryLocal',
	'salaryCurrency',
	'employeeResidence'
] as const;
export type SalaryField = (typeof SALARY_FIELDS)[number];

export const POSTING_FIELDS = [
	'title',
	'postedDate',
	'companyName',
	'companySize',
	'country',
	'skills',
	'salaryUsd',
	'salaryHourly',
	'payPeriod',
	'count'
] as const;
export type PostingField = (typeof POSTING_FIELDS)[number];

export type Field = SalaryField | PostingField;

export const REQUIRED_FIELDS: Readonly<Record<UploadKind, readonly Field[]>> = {
	salaries: ['title', 'salaryUsd', 'year'],
	postings: ['title', 'postedDate']
};

/** Labels for the mapping step (the page shows them beside each select). */
export const FIELD_LABEL: Readonly<Record<Field, string>> = {
	title: 'Job title',
	salaryUsd: 'Pay in USD (annual unless a pay period is given)',
	year: 'Year',
	companySize: 'Company size (S/M/L)',
	country: 'Company country',
	experienceLevel: 'Experience level',
	employmentType: 'Employment type',
	remoteRatio: 'Remote ratio (0/50/100)',
	payPeriod: 'Pay period (year/month/hour)',
	salaryLocal: 'Pay in local currency',
	salaryCurrency: 'Currency of local pay',
	employeeResidence: "Employee's country",
	postedDate: 'Posted date',
	companyName: 'Company name',
	skills: 'Skills (a list)',
	salaryHourly: 'Advertised hourly pay (USD)',
	count: 'Count (pre-counted postings)'
};

/** Which header column (0-based) feeds each field; absent = not in the file. */
export interface ColumnMapping {
	readonly kind: UploadKind;
	readonly layout: Layout;
	readonly fields: Readonly<Partial<Record<Field, number>>>;
	/** Pay period of the pay column when no `payPeriod` column is mapped. */
	readonly payPeriod: PayPeriod;
	/**
	 * Salaries: the currency of the whole file's pay (ISO 4217) when the pay column is
	 * `salaryLocal` and no currency column is mapped; absent in mappings made before it existed.
	 */
	readonly payCurrency?: string;
}

/**
 * Whether a salaries mapping's pay is converted to US dollars row by row (with the money
 * tables' rate for the row's currency and work year): no US$ column, pay in local currency
 * with a currency column or one currency for the whole file. A file with a US$ column uses it.
 */
export function needsConversion(m: ColumnMapping): boolean {
	return m.kind === 'salaries' && m.fields.salaryUsd === undefined && m.fields.salaryLocal !== undefined;
}

/**
 * The mapping with the pay column said to be in `code` for the whole file (the mapping step's
 * currency choice; only without a currency column). The pay column moves to `salaryLocal` for
 * another currency, and back to `salaryUsd` for US dollars, so `salaryUsd` always means dollars.
 * `withPayCurrency({fields: {salaryUsd: 1}}, 'EUR').fields → {salaryLocal: 1}` (payCurrency 'EUR').
 */
export function withPayCurrency(m: ColumnMapping, code: string): ColumnMapping {
	const { salaryUsd, salaryLocal, ...rest } = m.fields;
	const { payCurrency: _, ...base } = m;
	if (m.kind !== 'salaries' || m.fields.salaryCurrency !== undefined) return m;
	const pay = salaryUsd ?? salaryLocal;
	// Both pay columns mapped: the US$ one is the pay, the local one its "as paid" (needs a currency column).
	if (pay === undefined || (salaryUsd !== undefined && salaryLocal !== undefined)) return m;
	if (code === 'USD') return { ...base, fields: { ...rest, salaryUsd: pay } };
	return { ...base, payCurrency: code, fields: { ...rest, salaryLocal: pay } };
}

export const AIJOBS_COLUMNS = [
	'work_year',
	'experience_level',
	'employment_type',
	'job_title',
	'salary',
	'salary_currency',
	'salary_in_usd',
	'employee_residence',
	'remote_ratio',
	'company_location',
	'company_size'
] as const;

export const DATA_JOBS_COLUMNS = [
	'job_title_short',
	'job_title',
	'job_location',
	'job_via',
	'job_schedule_type',
	'job_work_from_home',
	'search_location',
	'job_posted_date',
	'job_no_degree_mention',
	'job_health_insurance',
	'job_country',
	'salary_rate',
	'salary_year_avg',
	'salary_hour_avg',
	'company_name',
	'job_skills',
	'job_type_skills'
] as const;

const AIJOBS_FIELDS: Partial<Record<SalaryField, string>> = {
	title: 'job_title',
	salaryUsd: 'salary_in_usd',
	year: 'work_year',
	companySize: 'company_size',
	country: 'company_location',
	experienceLevel: 'experience_level',
	employmentType: 'employment_type',
	remoteRatio: 'remote_ratio',
	salaryLocal: 'salary',
	salaryCurrency: 'salary_currency',
	employeeResidence: 'employee_residence'
};

/**
 * data_jobs: the raw `job_title` is mapped (`job_title_short` is a classifier's label with
 * no "AI Engineer"). `salary_year_avg` is annual already; `salary_hour_avg` is hourly and
 * is annualised × HOURS_PER_YEAR when the yearly figure is absent.
 */
const DATA_JOBS_FIELDS: Partial<Record<PostingField, string>> = {
	title: 'job_title',
	postedDate: 'job_posted_date',
	companyName: 'company_name',
	country: 'job_country',
	skills: 'job_skills',
	salaryUsd: 'salary_year_avg',
	salaryHourly: 'salary_hour_avg',
	payPeriod: 'salary_rate'
};

/** Header name in a comparable form: `" Job Title "` → `job_title`. */
export function normaliseHeader(h: string): string {
	// Spaces and punctuation become one '_' each run, so at most one is left at either end.
	return h
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');
}

/** Guesses for the generic mapping, tried in order against normalised header names. */
const GUESS: Readonly<Record<Field, RegExp>> = {
	title: /^(job_)?title$|^(job_)?title_?raw$|^position$|^role$|^job$|^job_name$/,
	salaryUsd:
		/salary_in_usd|salary_usd|^usd$|pay_usd|_usd$|^salary(_year)?(_avg)?$|^annual_(pay|salary)$|^(base_)?pay$|^compensation$|^total_comp/,
	year: /^(work_)?year$|^salary_year$|^fiscal_year$/,
	companySize: /company_size|^size$|employer_size/,
	country: /company_location|company_country|^country$|job_country|^location_country$/,
	experienceLevel: /experience|seniority|^level$/,
	employmentType: /employment_type|contract_type|^job_type$|schedule_type/,
	remoteRatio: /remote/,
	payPeriod: /pay_period|salary_rate|pay_unit|salary_unit|^period$|^rate$/,
	salaryLocal: /^salary_local$|^local_salary$|^salary$/,
	salaryCurrency: /currency/,
	employeeResidence: /residence/,
	postedDate: /posted|post_date|date_posted|^date$|^month$|created/,
	companyName: /company_name|^company$|employer(_name)?$/,
	skills: /skills?$|^tags$/,
	salaryHourly: /hour(ly)?_?(avg|pay|rate)?$|salary_hour/,
	count: /^count$|^n$|^postings$|^n_postings$|^num_postings$/
};

/** Header names that say US dollars. */
const USD_NAME = /salary_in_usd|salary_usd|^usd$|pay_usd|_usd$/;

/**
 * Guess a mapping from header names: each field takes the first header that matches its
 * pattern and is not taken yet. `guessMapping(['Title','Pay','Year'], 'salaries')`.
 */
export function guessMapping(header: readonly string[], kind: UploadKind): ColumnMapping {
	const norm = header.map(normaliseHeader);
	const taken = new Set<number>();
	const fields: Partial<Record<Field, number>> = {};
	const list: readonly Field[] = kind === 'salaries' ? SALARY_FIELDS : POSTING_FIELDS;
	for (const f of list) {
		// A column named for US dollars is the US$ pay before any other pay-like name (`salary` beside `salary_in_usd`).
		const usd = f === 'salaryUsd' && kind === 'salaries' ? norm.findIndex((h) => USD_NAME.test(h)) : -1;
		const i = usd >= 0 ? usd : norm.findIndex((h, k) => !taken.has(k) && GUESS[f].test(h));
		if (i >= 0) {
			fields[f] = i;
			taken.add(i);
		}
	}
	// A currency column beside one pay column says the pay is in those currencies, unless the
	// pay column's name says US dollars (`salary`, `salary_currency` → local pay and its currency).
	if (kind === 'salaries' && fields.salaryCurrency !== undefined && fields.salaryLocal === undefined && fields.salaryUsd !== undefined) {
		// A US$ column with a currency column but no local pay: the currency column says nothing about it.
		if (USD_NAME.test(norm[fields.salaryUsd]!)) delete fields.salaryCurrency;
		else {
			fields.salaryLocal = fields.salaryUsd;
			delete fields.salaryUsd;
		}
	}
	return { kind, layout: 'generic', fields, payPeriod: 'year' };
}

function byName(header: readonly string[], names: Partial<Record<Field, string>>): Partial<Record<Field, number>> {
	const norm = header.map(normaliseHeader);
	const out: Partial<Record<Field, number>> = {};
	for (const [f, name] of Object.entries(names) as [Field, string][]) {
		out[f] = norm.indexOf(name); // found: the layout was recognised by all of its columns
	}
	return out;
}

export interface Detection {
	readonly kind: UploadKind | null;
	readonly layout: Layout;
	readonly mapping: ColumnMapping | null;
	/** Required fields the (guessed) mapping lacks; empty when it can be used as is. */
	readonly missing: readonly Field[];
}

/**
 * Kind and layout from the header row. The known layouts need all of their columns (in any
 * order, any case); otherwise the kind is guessed from which required fields the names
 * suggest, and the page asks the user to confirm the mapping.
 */
export function detectLayout(header: readonly string[]): Detection {
	const norm = new Set(header.map(normaliseHeader));
	// An aijobs.net export without its US$ column still says what each pay is in (`salary`,
	// `salary_currency`): its pay is converted with the money tables.
	if (AIJOBS_COLUMNS.every((c) => norm.has(c) || c === 'salary_in_usd')) {
		const { salaryUsd: _, ...local } = AIJOBS_FIELDS;
		const names = norm.has('salary_in_usd') ? AIJOBS_FIELDS : local;
		return {
			kind: 'salaries',
			layout: 'aijobs',
			mapping: { kind: 'salaries', layout: 'aijobs', fields: byName(header, names), payPeriod: 'year' },
			missing: []
		};
	}
	if (DATA_JOBS_COLUMNS.every((c) => norm.has(c))) {
		return {
			kind: 'postings',
			layout: 'data_jobs',
			mapping: { kind: 'postings', layout: 'data_jobs', fields: byName(header, DATA_JOBS_FIELDS), payPeriod: 'year' },
			missing: []
		};
	}
	const s = guessMapping(header, 'salaries');
	const p = guessMapping(header, 'postings');
	const miss = missingRequired;
	const ms = miss(s);
	const mp = miss(p);
	// Complete for both: a count column says pre-counted postings, otherwise salaries.
	if (mp.length === 0 && p.fields.count !== undefined) return { kind: 'postings', layout: 'generic', mapping: p, missing: [] };
	if (ms.length === 0) return { kind: 'salaries', layout: 'generic', mapping: s, missing: [] };
	// Without a single required field recognised, there is nothing to guess from.
	if (mp.length === REQUIRED_FIELDS.postings.length && ms.length === REQUIRED_FIELDS.salaries.length)
		return { kind: null, layout: 'generic', mapping: null, missing: [] };
	if (mp.length < ms.length) return { kind: 'postings', layout: 'generic', mapping: p, missing: mp };
	// Salaries lack no more fields than postings: pay without a date says salaries. (Both
	// mappings see the same title column, so with a date postings lacks at most the title, and
	// salaries then lack the title too and, without pay, one more: postings won above.)
	if ((s.fields.salaryUsd !== undefined || s.fields.salaryLocal !== undefined) && p.fields.postedDate === undefined)
		return { kind: 'salaries', layout: 'generic', mapping: s, missing: ms };
	return { kind: null, layout: 'generic', mapping: null, missing: [] };
}

/**
 * Required fields a mapping lacks. Salaries' pay is either `salaryUsd`, or `salaryLocal` with its
 * currency (a currency column or `payCurrency`): pay in local currency alone does not count.
 */
export function missingRequired(m: ColumnMapping): Field[] {
	const f = m.fields;
	const localPay = m.kind === 'salaries' && f.salaryLocal !== undefined && (f.salaryCurrency !== undefined || m.payCurrency !== undefined);
	return REQUIRED_FIELDS[m.kind].filter((k) => f[k] === undefined && !(k === 'salaryUsd' && localPay));
}

/** Problems with a mapping the user confirmed: missing required fields, a column used twice. */
export function validateMapping(m: ColumnMapping, columns: number): string[] {
	const problems: string[] = [];
	for (const f of missingRequired(m))
		problems.push(
			f === 'salaryUsd' && m.fields.salaryLocal !== undefined
				? `${FIELD_LABEL.salaryLocal} needs its currency: a currency column, or one currency for the whole file (or map the pay as ${FIELD_LABEL.salaryUsd})`
				: `${FIELD_LABEL[f]} is required`
		);
	if (m.kind === 'salaries' && m.payCurrency !== undefined && !/^[A-Z]{3}$/.test(m.payCurrency))
		problems.push(`the currency of the whole file, "${m.payCurrency.slice(0, 20)}", is not a 3-letter currency code`);
	if (m.kind === 'salaries' && m.fields.salaryCurrency !== undefined && m.fields.salaryLocal === undefined)
		problems.push(
			`${FIELD_LABEL.salaryCurrency} needs ${FIELD_LABEL.salaryLocal}: map the pay column that is in those currencies there (or leave the currency column out)`
		);
	const seen = new Map<number, Field>();
	for (const [f, i] of Object.entries(m.fields) as [Field, number][]) {
		if (!Number.isInteger(i) || i < 0 || i >= columns) problems.push(`${FIELD_LABEL[f]}: no column ${i + 1}`);
		const other = seen.get(i);
		if (other) problems.push(`column ${i + 1} is mapped to both ${FIELD_LABEL[other]} and ${FIELD_LABEL[f]}`);
		seen.set(i, f);
	}
	return problems;
}

/**
 * A key per header layout, so a confirmed mapping can be remembered and reused for next
 * month's export: FNV-1a (32-bit) of the normalised names in order, plus their count.
 * `mappingKey(['Title','Pay']) === mappingKey(['title ','pay'])`.
 */
export function mappingKey(header: readonly string[]): string {
	const text = header.map(normaliseHeader).join('\u001f');
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return `v1-${header.length}-${h.toString(16).padStart(8, '0')}`;
}
