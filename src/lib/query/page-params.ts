/** Page-specific query parameters (chart options), validated like the filters. */
import { count } from '$lib/format';
import type { ParamError } from './url-filters';
import { parseSalaryInput, type SalaryInput } from './salary-input';

export const SALARY_MIN = 1_000;
export const SALARY_MAX = 5_000_000;

/** `scale=linear|log` (default linear). */
export function parseScale(params: URLSearchParams, errors: ParamError[]): 'linear' | 'log' {
	const v = params.get('scale');
	if (v === null || v === '' || v === 'linear') return 'linear';
	if (v === 'log') return 'log';
	errors.push({ param: 'scale', message: `scale: "${v.slice(0, 40)}" is not allowed; use linear or log` });
	return 'linear';
}

/** `salary=` a whole number of US dollars per year, for the pay-band position. */
export function parseSalary(params: URLSearchParams, errors: ParamError[]): number | null {
	const v = params.get('salary');
	if (v === null || v.trim() === '') return null;
	const n = Number(v.replace(/[,_\s]/g, ''));
	if (!Number.isFinite(n) || n < SALARY_MIN || n > SALARY_MAX) {
		errors.push({
			param: 'salary',
			message: `salary: "${v.slice(0, 40)}" is not a yearly salary from ${count(SALARY_MIN)} to ${count(SALARY_MAX)} US dollars`
		});
		return null;
	}
	return Math.round(n);
}

/** `market=` one of the given country codes (Indeed markets); default the first listed default. */
export function parseMarket(params: URLSearchParams, markets: readonly string[], fallback: string, errors: ParamError[]): string {
	const v = params.get('market');
	if (v === null || v === '') return fallback;
	const c = v.trim().toUpperCase();
	if (markets.includes(c)) return c;
	errors.push({ param: 'market', message: `market: "${v.slice(0, 40)}" is not allowed; use one of ${markets.join(', ')}` });
	return fallback;
}

/** `gfrom=` / `gto=`: a four-digit year for the growth span (whether the data has it is the view's call). */
export function parseSpanYear(params: URLSearchParams, name: 'gfrom' | 'gto', errors: ParamError[]): number | null {
	const v = params.get(name);
	if (v === null || v === '') return null;
	if (!/^\d{4}$/.test(v)) {
		errors.push({ param: name, message: `${name}: "${v.slice(0, 40)}" is not a year (YYYY)` });
		return null;
	}
	return Number(v);
}

/** What the salary box asked for: the text as typed (kept) and what it means. */
export interface SalaryQuery {
	readonly text: string;
	readonly input: SalaryInput | null;
}

/**
 * `salary=` as typed: "120k", "$120,000", "150k–200k" (see parseSalaryInput). The text is
 * kept so the box shows it again; an unreadable value is reported next to the box, not as a
 * URL error. Absent or blank → `{ text: '', input: null }`. An amount without a currency is in `currency`.
 */
export function parseSalaryQuery(params: URLSearchParams, currency = 'USD'): SalaryQuery {
	const text = (params.get('salary') ?? '').slice(0, 80);
	return { text, input: text.trim() === '' ? null : parseSalaryInput(text, currency) };
}
