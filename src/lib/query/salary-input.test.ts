import { describe, expect, it } from 'vitest';
import { parseSalaryInput, SALARY_INPUT_MAX_USD } from './salary-input';

describe('parseSalaryInput', () => {
	it.each([
		['120k', 120_000],
		['120K', 120_000],
		['120,000', 120_000],
		['$120,000', 120_000],
		['120000', 120_000],
		['  $ 120,000  ', 120_000],
		['120k USD', 120_000],
		['US$120k', 120_000],
		['120,000 a year', 120_000],
		['1.5m', 1_500_000],
		['95.5k', 95_500],
		['150k-150k', 150_000]
	])('%j → %d', (text, value) => {
		expect.hasAssertions();
		expect(parseSalaryInput(text)).toEqual({ ok: true, kind: 'value', value });
	});

	it.each([
		['150k–200k', 150_000, 200_000],
		['150k-200k', 150_000, 200_000],
		['150k — 200k', 150_000, 200_000],
		['150-200k', 150_000, 200_000],
		['150,000 to 200,000', 150_000, 200_000],
		['$150,000 - $200,000', 150_000, 200_000],
		['200k-150k', 150_000, 200_000]
	])('%j → band %d–%d', (text, low, high) => {
		expect.hasAssertions();
		expect(parseSalaryInput(text)).toEqual({ ok: true, kind: 'band', low, high });
	});

	it.each([
		['€90k', 'other-currency'],
		['£90,000', 'other-currency'],
		['90000 EUR', 'other-currency'],
		['90k gbp', 'other-currency'],
		['¥12,000,000', 'other-currency'],
		['₹30,00,000', 'other-currency'],
		['C$120k', 'other-currency'],
		['CA$120k', 'other-currency'],
		['-120k', 'negative'],
		['−120k', 'negative'],
		['0', 'zero'],
		['$0', 'zero'],
		['120', 'too-small'],
		['999999999', 'too-large'],
		['', 'empty'],
		['   ', 'empty'],
		['abc', 'not-a-number'],
		['12,34', 'not-a-number'],
		['120k-150k-200k', 'not-a-number'],
		['=1+1', 'not-a-number'],
		['x'.repeat(61), 'too-long']
	])('%j → error %s', (text, error) => {
		expect.hasAssertions();
		const r = parseSalaryInput(text);
		expect(r).toMatchObject({ ok: false, error });
		if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
	});

	it('another currency is answered with a message that says pay is in US dollars', () => {
		expect.hasAssertions();
		const r = parseSalaryInput('€90k');
		expect(!r.ok && r.message).toMatch(/US dollars \(USD\)/);
		expect(SALARY_INPUT_MAX_USD).toBe(10_000_000);
	});
});
