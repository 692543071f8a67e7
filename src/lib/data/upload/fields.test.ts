import { describe, expect, it } from 'vitest';
import { AIJOBS_COLUMNS, DATA_JOBS_COLUMNS, detectLayout, guessMapping, mappingKey, normaliseHeader, validateMapping } from './fields';

describe('detectLayout', () => {
	it('knows the aijobs.net salaries layout in any column order and case', () => {
		const header = [...AIJOBS_COLUMNS].reverse().map((h) => h.toUpperCase());
		const d = detectLayout(header);
		expect(d.kind).toBe('salaries');
		expect(d.layout).toBe('aijobs');
		expect(header[d.mapping!.fields.title!]).toBe('JOB_TITLE');
		expect(header[d.mapping!.fields.salaryUsd!]).toBe('SALARY_IN_USD');
		expect(header[d.mapping!.fields.country!]).toBe('COMPANY_LOCATION');
	});
	it('knows the data_jobs postings layout and maps the raw job_title, not job_title_short', () => {
		const d = detectLayout(DATA_JOBS_COLUMNS);
		expect(d.layout).toBe('data_jobs');
		expect(d.kind).toBe('postings');
		const f = d.mapping!.fields;
		expect(DATA_JOBS_COLUMNS[f.title!]).toBe('job_title');
		expect(DATA_JOBS_COLUMNS[f.postedDate!]).toBe('job_posted_date');
		expect(DATA_JOBS_COLUMNS[f.country!]).toBe('job_country');
		expect(DATA_JOBS_COLUMNS[f.skills!]).toBe('job_skills');
		expect(DATA_JOBS_COLUMNS[f.salaryUsd!]).toBe('salary_year_avg');
		expect(DATA_JOBS_COLUMNS[f.salaryHourly!]).toBe('salary_hour_avg');
	});
	it('guesses a generic salaries mapping from header names', () => {
		const header = ['Position', 'Annual Pay (USD)', 'Year', 'Seniority', 'Company Size', 'Country', 'Remote'];
		const d = detectLayout(header);
		expect(d).toMatchObject({ kind: 'salaries', layout: 'generic', missing: [] });
		expect(d.mapping!.fields).toEqual({ title: 0, salaryUsd: 1, year: 2, experienceLevel: 3, companySize: 4, country: 5, remoteRatio: 6 });
	});
	it('guesses pre-counted postings (title, month, country, count)', () => {
		const d = detectLayout(['title', 'month', 'country', 'count']);
		expect(d).toMatchObject({ kind: 'postings', layout: 'generic', missing: [] });
		expect(d.mapping!.fields).toEqual({ title: 0, postedDate: 1, country: 2, count: 3 });
	});
	it('says what is missing when a kind is likely but incomplete, and gives up on unrelated headers', () => {
		expect(detectLayout(['title', 'salary_usd'])).toMatchObject({ kind: 'salaries', missing: ['year'] });
		expect(detectLayout(['foo', 'bar'])).toMatchObject({ kind: null, mapping: null });
	});
});

describe('guessMapping / validateMapping', () => {
	it('never maps one column to two fields', () => {
		const m = guessMapping(['salary_year', 'title'], 'salaries');
		const cols = Object.values(m.fields);
		expect(new Set(cols).size).toBe(cols.length);
	});
	it('reports missing required fields and columns used twice', () => {
		expect(validateMapping({ kind: 'postings', layout: 'generic', fields: { title: 0, companyName: 0 }, payPeriod: 'year' }, 2)).toEqual([
			'Posted date is required',
			'column 1 is mapped to both Job title and Company name'
		]);
		expect(
			validateMapping({ kind: 'salaries', layout: 'generic', fields: { title: 0, salaryUsd: 1, year: 5 }, payPeriod: 'year' }, 2)
		).toEqual(['Year: no column 6']);
	});
});

describe('mappingKey', () => {
	it('is the same for the same layout written differently, and differs otherwise', () => {
		expect(mappingKey(['Title', 'Pay (USD)'])).toBe(mappingKey([' title ', 'pay_usd']));
		expect(mappingKey(['title', 'pay'])).not.toBe(mappingKey(['pay', 'title']));
		expect(mappingKey(['title', 'pay'])).not.toBe(mappingKey(['title', 'pay', 'year']));
		expect(mappingKey(['a'])).toMatch(/^v1-1-[0-9a-f]{8}$/);
	});
	it('normalises names', () => {
		expect(normaliseHeader(' Annual Pay (USD) ')).toBe('annual_pay_usd');
	});
});
