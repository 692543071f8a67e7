/**
 * Parse the aijobs.net salaries CSV into typed rows. Decisions (also in data/README.md):
 * - `work_year` like `2021e` (an estimate, used in early upstream snapshots) is kept as
 *   2021 with `workYearEstimated = true`; years outside WORK_YEAR_MIN–WORK_YEAR_MAX (2015–2035, types.ts) are rejected.
 * - Unknown codes (experience, employment type, size, remote ratio) reject the row.
 * - Empty, non-numeric or non-positive `salary` / `salary_in_usd` reject the row, and so does a
 *   `salary_in_usd` above MAX_ANNUAL_PAY_USD ($10M a year, "check the unit"; the upload parser's bound too).
 * - Country codes are upper-cased, then must be ISO 3166-1 alpha-2; otherwise rejected.
 */
import {
	COMPANY_SIZES,
	EMPLOYMENT_TYPES,
	EXPERIENCE_LEVELS,
	REMOTE_RATIOS,
	ABOVE_MAX_PAY,
	MAX_ANNUAL_PAY_USD,
	WORK_YEAR_MAX,
	WORK_YEAR_MIN,
	type ParseResult,
	type SalaryRow
} from './types';
import { finiteNumber, oneOf, parseWithSchema, requiredText, type Coercer } from './schema';
import { isCountryCode, regionOf } from './countries';

const workYear: Coercer<{ year: number; estimated: boolean }> = (raw) => {
	const m = /^(\d{4})(e?)$/i.exec(raw);
	if (!m) return { error: 'not a year (YYYY, or YYYYe for an estimate)' };
	const year = Number(m[1]);
	if (year < WORK_YEAR_MIN || year > WORK_YEAR_MAX) return { error: `year outside ${WORK_YEAR_MIN}–${WORK_YEAR_MAX}` };
	return { year, estimated: m[2] !== '' };
};

const country: Coercer<string> = (raw) => {
	const code = raw.toUpperCase();
	return isCountryCode(code) ? code : { error: 'not an ISO 3166-1 alpha-2 country code' };
};

const currency: Coercer<string> = (raw) => (/^[A-Za-z]{3}$/.test(raw) ? raw.toUpperCase() : { error: 'not a 3-letter currency code' });

const positiveMoney = finiteNumber({ positive: true }) as Coercer<number>;
const annualUsd: Coercer<number> = (raw) => {
	const v = positiveMoney(raw);
	return typeof v === 'number' && v > MAX_ANNUAL_PAY_USD ? { error: ABOVE_MAX_PAY } : v;
};

const remote: Coercer<(typeof REMOTE_RATIOS)[number]> = (raw) => {
	const hit = REMOTE_RATIOS.find((r) => String(r) === raw);
	return hit !== undefined ? hit : { error: `unknown remote_ratio "${raw}"; expected one of 0, 50, 100` };
};

const salarySchema = {
	work_year: workYear,
	experience_level: oneOf(EXPERIENCE_LEVELS, 'experience_level'),
	employment_type: oneOf(EMPLOYMENT_TYPES, 'employment_type'),
	job_title: requiredText(200),
	salary: positiveMoney,
	salary_currency: currency,
	salary_in_usd: annualUsd,
	employee_residence: country,
	remote_ratio: remote,
	company_location: country,
	company_size: oneOf(COMPANY_SIZES, 'company_size')
};

export function parseSalaries(text: string): ParseResult<SalaryRow> {
	return parseWithSchema(text, salarySchema, (c, line) => {
		const region = regionOf(c.company_location);
		if (region === null) return { error: 'country has no region (continent)', column: 'company_location', value: c.company_location };
		return {
			line,
			workYear: c.work_year.year,
			workYearEstimated: c.work_year.estimated,
			experienceLevel: c.experience_level,
			employmentType: c.employment_type,
			jobTitle: c.job_title,
			salary: c.salary,
			salaryCurrency: c.salary_currency,
			salaryUsd: c.salary_in_usd,
			employeeResidence: c.employee_residence,
			remoteRatio: c.remote_ratio,
			companyLocation: c.company_location,
			region,
			companySize: c.company_size
		};
	});
}
