import { describe, expect, it } from 'vitest';
import { noRate, parseSalaryInput, SALARY_INPUT_MAX_USD, salaryInUsd } from './salary-input';

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
		['€-5k', 'negative'],
		['1e309', 'not-a-number'],
		['80k XYZ', 'unknown-currency'],
		['XYZ 80k', 'unknown-currency'],
		['€80k–£100k', 'two-currencies'],
		['80k EUR to 100k GBP', 'two-currencies'],
		['50000 kr', 'ambiguous-currency'],
		['kr 50000', 'ambiguous-currency'],
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

	it.each([
		['€90k', { kind: 'value', value: 90_000, currency: 'EUR' }],
		['£90,000', { kind: 'value', value: 90_000, currency: 'GBP' }],
		['90000 EUR', { kind: 'value', value: 90_000, currency: 'EUR' }],
		['90k gbp', { kind: 'value', value: 90_000, currency: 'GBP' }],
		['80.000 €', { kind: 'value', value: 80_000, currency: 'EUR' }],
		['1.234.567,50 €', { kind: 'value', value: 1_234_567.5, currency: 'EUR' }],
		['80 000 €', { kind: 'value', value: 80_000, currency: 'EUR' }],
		['CHF 120k', { kind: 'value', value: 120_000, currency: 'CHF' }],
		['Fr. 120k', { kind: 'value', value: 120_000, currency: 'CHF' }],
		['¥12,000,000', { kind: 'value', value: 12_000_000, currency: 'JPY' }],
		['₹30,00,000', { kind: 'value', value: 3_000_000, currency: 'INR' }],
		['30 lakh', { kind: 'value', value: 3_000_000, currency: 'INR' }],
		['Rs 30 lakhs', { kind: 'value', value: 3_000_000, currency: 'INR' }],
		['1.2 crore', { kind: 'value', value: 12_000_000, currency: 'INR' }],
		['C$120k', { kind: 'value', value: 120_000, currency: 'CAD' }],
		['CA$120k', { kind: 'value', value: 120_000, currency: 'CAD' }],
		['A$150k', { kind: 'value', value: 150_000, currency: 'AUD' }],
		['R$ 300k', { kind: 'value', value: 300_000, currency: 'BRL' }],
		['350k zł', { kind: 'value', value: 350_000, currency: 'PLN' }],
		['SGD 150k per year', { kind: 'value', value: 150_000, currency: 'SGD' }],
		['€80–100k', { kind: 'band', low: 80_000, high: 100_000, currency: 'EUR' }],
		['80k EUR to 100k EUR', { kind: 'band', low: 80_000, high: 100_000, currency: 'EUR' }],
		['20-30 lakh', { kind: 'band', low: 2_000_000, high: 3_000_000, currency: 'INR' }],
		// Bounds are in dollars: another currency's are checked once converted (salaryInUsd).
		['€500', { kind: 'value', value: 500, currency: 'EUR' }]
	])('%j → %j in its currency', (text, expected) => {
		expect.hasAssertions();
		expect(parseSalaryInput(text)).toEqual({ ok: true, ...expected });
	});

	it('dollar bounds still apply to dollars, and zero to any currency', () => {
		expect.hasAssertions();
		expect(parseSalaryInput('$500')).toMatchObject({ ok: false, error: 'too-small' });
		expect(parseSalaryInput('€0')).toMatchObject({ ok: false, error: 'zero' });
		expect(parseSalaryInput('€0–100k')).toMatchObject({ ok: false, error: 'zero' });
		expect(SALARY_INPUT_MAX_USD).toBe(10_000_000);
	});

	it('each error says what went wrong in a sentence', () => {
		expect.hasAssertions();
		expect(parseSalaryInput('80k XYZ')).toEqual({
			ok: false,
			error: 'unknown-currency',
			message: '"XYZ" is not a currency code this page knows; write e.g. USD, EUR, GBP, CHF or INR.'
		});
		expect(parseSalaryInput('€80k–£100k')).toMatchObject({
			message: 'Two currencies in one salary: write both ends in one currency, e.g. €80k–100k.'
		});
		expect(parseSalaryInput('50000 kr')).toMatchObject({
			message: '"kr" could be Swedish, Norwegian or Danish kroner: write SEK, NOK or DKK.'
		});
		expect(noRate('CHF')).toEqual({
			ok: false,
			error: 'no-rate',
			message: 'This data has no exchange rate for CHF; enter the amount in US dollars or in a currency it has (e.g. EUR, GBP, INR).'
		});
		// Three letters with no amount beside them are just not a number.
		expect(parseSalaryInput('abc')).toMatchObject({ error: 'not-a-number' });
	});
});

describe('salaryInUsd', () => {
	it('divides by the rate (units per dollar) and checks the dollar bounds', () => {
		expect.hasAssertions();
		const eur = parseSalaryInput('€90k');
		expect(salaryInUsd(eur, 0.9)).toEqual({ ok: true, kind: 'value', value: 100_000 });
		expect(salaryInUsd(parseSalaryInput('€80–100k'), 0.8)).toEqual({ ok: true, kind: 'band', low: 100_000, high: 125_000 });
		expect(salaryInUsd(parseSalaryInput('₹30,00,000'), 83.3)).toEqual({ ok: true, kind: 'value', value: 36_014.41 });
		expect(salaryInUsd(parseSalaryInput('€500'), 0.9)).toMatchObject({ ok: false, error: 'too-small' });
		expect(salaryInUsd(parseSalaryInput('¥12,000,000,000'), 150)).toMatchObject({ ok: false, error: 'too-large' });
		expect(salaryInUsd(parseSalaryInput('€500 to €90,000'), 0.9)).toMatchObject({ ok: false, error: 'too-small' });
		expect(salaryInUsd(parseSalaryInput('€90k–90,000,000'), 0.9)).toMatchObject({ ok: false, error: 'too-large' });
	});

	it('leaves dollars and errors as they are', () => {
		expect.hasAssertions();
		const usd = parseSalaryInput('120k');
		expect(salaryInUsd(usd, 0.9)).toBe(usd);
		const bad = parseSalaryInput('abc');
		expect(salaryInUsd(bad, 0.9)).toBe(bad);
	});
});

describe('parseSalaryInput on a page in another money', () => {
	it('an amount without a currency is in the page money; dollars typed with $ say so', () => {
		expect(parseSalaryInput('90k', 'EUR')).toEqual({ ok: true, kind: 'value', value: 90_000, currency: 'EUR' });
		expect(parseSalaryInput('$90k', 'EUR')).toEqual({ ok: true, kind: 'value', value: 90_000, currency: 'USD' });
		expect(parseSalaryInput('£70–80k', 'EUR')).toEqual({ ok: true, kind: 'band', low: 70_000, high: 80_000, currency: 'GBP' });
		// Dollars are the default: no code, as before.
		expect(parseSalaryInput('$90k', 'USD')).toEqual({ ok: true, kind: 'value', value: 90_000 });
		// The dollar bounds wait for the conversion when the amount is in another money.
		expect(parseSalaryInput('15000000', 'JPY')).toEqual({ ok: true, kind: 'value', value: 15_000_000, currency: 'JPY' });
	});
});
