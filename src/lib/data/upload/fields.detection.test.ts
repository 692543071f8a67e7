/**
 * Which kind a header row suggests in every branch of the guess (ties, near misses,
 * nothing at all), mapping validation at its bounds, and the mapping key against a plain
 * FNV-1a written here with BigInt.
 */
import { describe, expect, it } from 'vitest';
import {
	AIJOBS_COLUMNS,
	DATA_JOBS_COLUMNS,
	detectLayout,
	guessMapping,
	mappingKey,
	normaliseHeader,
	validateMapping,
	type ColumnMapping
} from './fields';

describe('normaliseHeader', () => {
	it.each([
		['  Job Title  ', 'job_title'],
		['__a__', 'a'],
		['a -- b', 'a_b'],
		['(USD)', 'usd'],
		['\tPay\n', 'pay'],
		['Pay2024', 'pay2024'],
		['a_b', 'a_b']
	])('%j → %j', (raw, want) => {
		expect(normaliseHeader(raw)).toBe(want);
	});
});

describe('detectLayout', () => {
	it('maps every aijobs.net field to the column of that name', () => {
		const header = [...AIJOBS_COLUMNS].reverse();
		const d = detectLayout(header);
		expect([d.kind, d.layout, d.mapping!.kind, d.mapping!.layout, d.missing]).toEqual(['salaries', 'aijobs', 'salaries', 'aijobs', []]);
		const f = d.mapping!.fields;
		const named = Object.fromEntries(Object.entries(f).map(([k, i]) => [k, header[i!]]));
		expect(named).toEqual({
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
		});
	});
	it('gives the data_jobs layout as a complete postings mapping', () => {
		const d = detectLayout(DATA_JOBS_COLUMNS);
		expect([d.kind, d.layout, d.mapping!.kind, d.mapping!.layout, d.missing]).toEqual([
			'postings',
			'data_jobs',
			'postings',
			'data_jobs',
			[]
		]);
	});
	it('is not the aijobs.net layout when one of its columns is missing', () => {
		expect(detectLayout(AIJOBS_COLUMNS.slice(1)).layout).toBe('generic');
	});
	it.each([
		// complete for both: a count says pre-counted postings, otherwise salaries
		[['title', 'month', 'salary', 'year', 'count'], 'postings', []],
		[['title', 'date', 'salary', 'year'], 'salaries', []],
		// complete postings only
		[['title', 'date'], 'postings', []],
		// the kind with fewer missing fields
		[['date'], 'postings', ['title']],
		[['date', 'salary'], 'postings', ['title']],
		[['salary', 'year'], 'salaries', ['title']],
		// ties: pay without a date is salaries
		[['salary'], 'salaries', ['title', 'year']],
		[['title', 'salary'], 'salaries', ['year']]
	] as const)('%j → %s missing %j', (header, kind, missing) => {
		const d = detectLayout(header);
		expect(d.kind).toBe(kind);
		expect(d.mapping?.kind).toBe(kind);
		expect([d.layout, d.mapping?.layout]).toEqual(['generic', 'generic']);
		expect(d.missing).toEqual(missing);
	});
	it.each([[['title', 'year']], [['salary', 'date', 'year']], [['year']], [['notes']]])('%j gives no guess', (header) => {
		expect(detectLayout(header)).toEqual({ kind: null, layout: 'generic', mapping: null, missing: [] });
	});
});

describe('guessMapping', () => {
	it('maps the first column that fits, from column 0, for the kind asked', () => {
		expect(guessMapping(['title', 'job'], 'salaries').fields).toEqual({ title: 0 });
		expect(guessMapping(['date', 'title'], 'postings')).toEqual({
			kind: 'postings',
			layout: 'generic',
			fields: { title: 1, postedDate: 0 },
			payPeriod: 'year'
		});
		expect(guessMapping(['date', 'title'], 'salaries').fields).toEqual({ title: 1 });
	});
});

describe('validateMapping', () => {
	const m = (fields: ColumnMapping['fields']): ColumnMapping => ({ kind: 'salaries', layout: 'generic', fields, payPeriod: 'year' });
	it('accepts the first and last column and refuses any other number', () => {
		expect(validateMapping(m({ title: 0, salaryUsd: 1, year: 2 }), 3)).toEqual([]);
		expect(validateMapping(m({ title: 0, salaryUsd: 1, year: 3 }), 3)).toEqual(['Year: no column 4']);
		expect(validateMapping(m({ title: -1, salaryUsd: 1, year: 2 }), 3)).toEqual(['Job title: no column 0']);
		expect(validateMapping(m({ title: 0.5, salaryUsd: 1, year: 2 }), 3)).toEqual(['Job title: no column 1.5']);
	});
	it('lists every required field that is missing', () => {
		expect(validateMapping(m({}), 3)).toEqual([
			'Job title is required',
			'Pay in USD (annual unless a pay period is given) is required',
			'Year is required'
		]);
	});
});

/** FNV-1a, 32 bits, over UTF-16 code units, with BigInt: the reference for mappingKey's hash. */
function fnv1a(text: string): string {
	let h = 0x811c9dc5n;
	for (const ch of text) {
		for (let k = 0; k < ch.length; k++) h = ((h ^ BigInt(ch.charCodeAt(k))) * 0x01000193n) % 2n ** 32n;
	}
	return h.toString(16).padStart(8, '0');
}

describe('mappingKey', () => {
	it('is FNV-1a of the normalised names joined by the unit separator, with their count', () => {
		expect(mappingKey([])).toBe('v1-0-811c9dc5');
		expect(mappingKey(['a'])).toBe('v1-1-e40c292c');
		expect(mappingKey([' Job Title', 'Pay'])).toBe(`v1-2-${fnv1a('job_title\u001fpay')}`);
	});
	it('pads a small hash to eight hex digits', () => {
		const small = Array.from({ length: 2000 }, (_, i) => `c${i}`).find((s) => fnv1a(s).startsWith('0'))!;
		expect(small).toBeDefined();
		expect(mappingKey([small])).toBe(`v1-1-${fnv1a(small)}`);
	});
	it('keeps the column boundaries', () => {
		expect(mappingKey(['ab', 'c'])).not.toBe(mappingKey(['a', 'bc']));
	});
});
