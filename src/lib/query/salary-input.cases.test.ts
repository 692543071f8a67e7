/**
 * parseSalaryInput at its edges: the inclusive bounds, the length limit, thousands separators
 * and decimals, minus signs inside a range, the k/m carry-over of "150-200k" and where it must
 * not apply, and the exact sentence shown for each error. Expected values are worked out by
 * hand from the input text.
 */
import { describe, expect, it } from 'vitest';
import { parseSalaryInput, SALARY_INPUT_MAX_USD, SALARY_INPUT_MIN_USD } from './salary-input';

const value = (v: number) => ({ ok: true, kind: 'value', value: v });
const band = (low: number, high: number) => ({ ok: true, kind: 'band', low, high });
const error = (text: string) => {
	const r = parseSalaryInput(text);
	return r.ok ? r : { error: r.error, message: r.message };
};
const NOT_A_NUMBER = {
	error: 'not-a-number',
	message: 'Could not read a number; enter e.g. 120k, $120,000, €80k, £95,000, 30 lakh or 150k–200k.'
};
const NEGATIVE = { error: 'negative', message: 'A salary cannot be negative.' };
const TOO_SMALL = {
	error: 'too-small',
	message: 'That looks too small for a yearly salary; did you mean thousands (add k)?'
};

describe('bounds are inclusive', () => {
	it('1,000 and 10,000,000 are accepted; one dollar outside is not', () => {
		expect(SALARY_INPUT_MIN_USD).toBe(1000);
		expect(SALARY_INPUT_MAX_USD).toBe(10_000_000);
		expect(parseSalaryInput('1000')).toEqual(value(1000));
		expect(parseSalaryInput('999')).toMatchObject({ ok: false, error: 'too-small' });
		expect(parseSalaryInput('10000000')).toEqual(value(10_000_000));
		expect(parseSalaryInput('10m')).toEqual(value(10_000_000));
		expect(parseSalaryInput('10000001')).toMatchObject({ ok: false, error: 'too-large' });
	});
	it('60 characters are read, 61 are too long', () => {
		const sixty = '0'.repeat(54) + '120000';
		expect(sixty).toHaveLength(60);
		expect(parseSalaryInput(sixty)).toEqual(value(120_000));
		expect(parseSalaryInput('0' + sixty)).toMatchObject({ ok: false, error: 'too-long' });
	});
});

describe('numbers', () => {
	it('more than one thousands separator, and more than one decimal digit', () => {
		expect(parseSalaryInput('1,234,567')).toEqual(value(1_234_567));
		expect(parseSalaryInput('$2,500,000')).toEqual(value(2_500_000));
		expect(parseSalaryInput('120.55k')).toEqual(value(120_550));
		expect(parseSalaryInput('1.25m')).toEqual(value(1_250_000));
	});
	it('a range with an empty side cannot be read, with the sentence saying so', () => {
		expect(error('to 200k')).toEqual(NOT_A_NUMBER);
		expect(error('abc to 200k')).toEqual(NOT_A_NUMBER);
		expect(error('150k to abc')).toEqual(NOT_A_NUMBER);
	});
});

describe('minus signs', () => {
	it('a Unicode minus on the second amount of a range is negative', () => {
		expect(error('150k to −200k')).toEqual(NEGATIVE);
	});
	it('a leading Unicode minus is negative even when the rest is no range at all', () => {
		expect(error('−150k to 200k to 300k')).toEqual(NEGATIVE);
		expect(error('−120k')).toEqual(NEGATIVE);
	});
	it('a minus after a dollar word is still a leading minus', () => {
		expect(error('USD -120k')).toEqual(NEGATIVE);
	});
	it('a dollar sign glued between a number and "to" still splits the range', () => {
		expect(parseSalaryInput('150US$to 200k')).toEqual(band(150_000, 200_000));
	});
});

describe('the k/m of the second amount carries over only to a bare first amount below the minimum', () => {
	it('carries "k" and "m"', () => {
		expect(parseSalaryInput('150-200k')).toEqual(band(150_000, 200_000));
		expect(parseSalaryInput('1-2m')).toEqual(band(1_000_000, 2_000_000));
		// The suffix read from the amount, whatever follows it or its case: 1m to 2m each time.
		for (const t of ['1-2m$', '1-2M', '1 - 2 m', '$1 to $2m']) expect(parseSalaryInput(t), t).toEqual(band(1_000_000, 2_000_000));
	});
	it('not when the first amount is already at or above the minimum', () => {
		expect(parseSalaryInput('1000-2k')).toEqual(band(1000, 2000));
		expect(parseSalaryInput('1500-2k')).toEqual(band(1500, 2000));
	});
	it('not when the second amount has no suffix', () => {
		expect(error('5 to 2000')).toEqual(TOO_SMALL);
	});
	it('not when the first amount has its own suffix', () => {
		expect(error('0.5k to 2k')).toEqual(TOO_SMALL);
	});
	it('the high end is checked too', () => {
		expect(parseSalaryInput('2k to 20m')).toMatchObject({ ok: false, error: 'too-large' });
	});
});
