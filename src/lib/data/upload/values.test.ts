import { describe, expect, it } from 'vitest';
import {
	detectDateFormat,
	detectNumberFormat,
	failed,
	parseDate,
	parseDecimal,
	parseMoney,
	payPeriodOf,
	type NumberFormat
} from './values';

const US: NumberFormat = { thousands: ',', decimal: '.' };
const EU: NumberFormat = { thousands: '.', decimal: ',' };
const FR: NumberFormat = { thousands: ' ', decimal: ',' };

describe('parseDecimal', () => {
	it.each([
		['1,234.56', US, 1234.56],
		['1234.56', US, 1234.56],
		['1,234,567', US, 1234567],
		['1.234,56', EU, 1234.56],
		['1.234.567', EU, 1234567],
		['1 234,56', FR, 1234.56],
		['1\u00a0234,56', FR, 1234.56],
		['1\u202f234', FR, 1234],
		['55,25', EU, 55.25]
	] as const)('%s → %d', (raw, fmt, want) => {
		expect(parseDecimal(raw, fmt)).toBe(want);
	});
	it.each([
		['12,34', US],
		['1,2345', US],
		['1.234,56', US],
		['1,234.56', EU],
		['1.2.3,4,5', EU],
		['abc', US],
		['', US]
	] as const)('%s is not a number under its format', (raw, fmt) => {
		expect(failed(parseDecimal(raw, fmt))).toBe(true);
	});
});

describe('parseMoney', () => {
	const usd = { format: US, usd: true };
	it.each([
		['$120,000', 120000],
		['120k', 120000],
		['120K', 120000],
		['$120–150k', 135000],
		['120-150k', 135000],
		['$100k - $150k', 125000],
		['100 to 150k', 125000],
		['US$ 98,500', 98500],
		['USD 101,500.50', 101500.5],
		['98500 USD', 98500],
		['1.5M', 1500000],
		['95000', 95000]
	] as const)('%s → %d', (raw, want) => {
		expect(parseMoney(raw, usd)).toBe(want);
	});
	it.each([
		['€120,000', 'currency is not USD (€)'],
		['£90k', 'currency is not USD (£)'],
		['EUR 90000', 'currency is not USD (EUR)'],
		['C$90000', 'currency is not USD (C$)'],
		['-50000', 'negative pay'],
		['(50000)', 'negative pay'],
		['0', 'zero pay'],
		['$0', 'zero pay'],
		['', 'empty'],
		['150-120k', 'range upper end below lower end'],
		['L4-5', 'not an amount'],
		['abc', 'not an amount']
	] as const)('%s is rejected: %s', (raw, reason) => {
		expect(parseMoney(raw, usd)).toEqual({ error: reason });
	});
	it('reads another currency where the field is not USD', () => {
		expect(parseMoney('€120.000', { format: EU, usd: false })).toBe(120000);
	});
	it('reads decimal-comma money under that format', () => {
		expect(parseMoney('95.000,00', { format: EU, usd: true })).toBe(95000);
	});
});

describe('detectNumberFormat', () => {
	it('picks the decimal comma when the sample needs it', () => {
		expect(detectNumberFormat(['95.000,00', '8.500,50', '110.000', '55,25']).format).toEqual(EU);
	});
	it('keeps the US/UK style for plain and comma-grouped numbers', () => {
		expect(detectNumberFormat(['120000', '$120,000', '98,500.25']).format).toEqual(US);
	});
	it('finds space grouping', () => {
		expect(detectNumberFormat(['1 234,56', '95 000']).format).toEqual(FR);
	});
});

describe('payPeriodOf', () => {
	it.each([
		['year', 'year'],
		['Yearly', 'year'],
		['hour', 'hour'],
		['hourly', 'hour'],
		['month', 'month'],
		['per month', 'month'],
		['week', null]
	] as const)('%s → %s', (raw, want) => {
		expect(payPeriodOf(raw)).toBe(want);
	});
});

describe('parseDate', () => {
	const iso = { kind: 'iso' } as const;
	it.each([
		['2023-06-16', Date.UTC(2023, 5, 16)],
		['2023-06', Date.UTC(2023, 5, 1)],
		['2023-06-16 13:44:15', Date.UTC(2023, 5, 16, 13, 44, 15)],
		['2023-06-16T13:44:15Z', Date.UTC(2023, 5, 16, 13, 44, 15)],
		['2023-06-16T13:44:15.250Z', Date.UTC(2023, 5, 16, 13, 44, 15, 250)],
		['2023-06-16T23:30:00-02:00', Date.UTC(2023, 5, 17, 1, 30)],
		['2023-06-16T01:00:00+0530', Date.UTC(2023, 5, 15, 19, 30)]
	] as const)('ISO %s', (raw, want) => {
		expect(parseDate(raw, iso)).toBe(want);
	});
	it('reads epoch seconds and milliseconds', () => {
		expect(parseDate('1686923055', { kind: 'epoch-s' })).toBe(1686923055000);
		expect(parseDate('1686923055000', { kind: 'epoch-ms' })).toBe(1686923055000);
	});
	it('reads a user pattern', () => {
		expect(parseDate('16/06/2023', { kind: 'pattern', pattern: 'DD/MM/YYYY' })).toBe(Date.UTC(2023, 5, 16));
		expect(parseDate('6/7/2023 08:05', { kind: 'pattern', pattern: 'M/D/YYYY HH:mm' })).toBe(Date.UTC(2023, 5, 7, 8, 5));
	});
	it.each(['L4-5', '2-3', 'L4', '2023-02-30', '2023-13-01', '16/06/2023', '20230616', '12345'])('%s is not an ISO date', (raw) => {
		expect(failed(parseDate(raw, iso))).toBe(true);
	});
	it('codes never pass as epochs or patterns', () => {
		for (const fmt of [{ kind: 'epoch-s' }, { kind: 'epoch-ms' }, { kind: 'pattern', pattern: 'DD/MM/YYYY' }] as const)
			for (const raw of ['L4-5', '4-5', '45', '2023']) expect(failed(parseDate(raw, fmt))).toBe(true);
	});
});

describe('detectDateFormat', () => {
	it('detects ISO, epochs, and month-only data', () => {
		expect(detectDateFormat(['2023-06-16 13:44:15', '2023-06-17 08:00:00'])?.format).toEqual({ kind: 'iso' });
		expect(detectDateFormat(['1686923055', '1686923999'])?.format).toEqual({ kind: 'epoch-s' });
		expect(detectDateFormat(['1686923055000'])?.format).toEqual({ kind: 'epoch-ms' });
		expect(detectDateFormat(['2023-06', '2023-07'])?.monthOnly).toBe(true);
		expect(detectDateFormat(['2023-06-01', '2023-07'])?.monthOnly).toBe(false);
	});
	it('gives up (null) on a column of codes or day-first dates', () => {
		expect(detectDateFormat(['L4-5', 'L3', 'L5-6'])).toBeNull();
		expect(detectDateFormat(['16/06/2023', '17/06/2023'])).toBeNull();
	});
});
