/**
 * Edges of the value parsers: every spelling a pay period accepts, each separator rule of a
 * number format, the bounds of dates and times, zones, user patterns, and how detection
 * breaks ties. Expected values are written out by hand (or with Date.UTC).
 */
import { describe, expect, it } from 'vitest';
import { ABOVE_MAX_PAY, MAX_ANNUAL_PAY_USD } from '../types';
import {
	detectDateFormat,
	detectNumberFormat,
	failed,
	parseDate,
	parseDecimal,
	parseMoney,
	TOO_LARGE,
	annualUsd,
	payPeriodOf,
	type NumberFormat
} from './values';

const US: NumberFormat = { thousands: ',', decimal: '.' };
const EU: NumberFormat = { thousands: '.', decimal: ',' };
const FR: NumberFormat = { thousands: ' ', decimal: ',' };
const SP: NumberFormat = { thousands: ' ', decimal: '.' };
const PLAIN_DOT: NumberFormat = { thousands: '', decimal: '.' };
const PLAIN_COMMA: NumberFormat = { thousands: '', decimal: ',' };

describe('failed', () => {
	it('is true only for an error object', () => {
		expect(failed({ error: 'x' })).toBe(true);
		expect(failed(null)).toBe(false);
		expect(failed(0)).toBe(false);
		expect(failed({ year: 2024 })).toBe(false);
		expect(failed(['error'])).toBe(false);
	});
});

describe('payPeriodOf reads every spelling, trimmed and in any case, and nothing longer', () => {
	it.each([
		...['year', 'yearly', 'annual', 'annually', 'annum', 'per year', 'a year', 'yr', 'y'].map((s) => [s, 'year'] as const),
		...['month', 'monthly', 'per month', 'a month', 'mo', 'm'].map((s) => [s, 'month'] as const),
		...['hour', 'hourly', 'per hour', 'an hour', 'hr', 'h'].map((s) => [s, 'hour'] as const),
		['  Annual ', 'year'],
		['HOURLY', 'hour'],
		['Per Month', 'month']
	] as const)('%j → %s', (raw, want) => {
		expect(payPeriodOf(raw)).toBe(want);
	});
	it.each(['yearly pay', 'bi-yearly', 'bi-hourly', 'xmonth', 'hourly rate', 'per hours', 'monthly-ish', 'ym', 'day', ''])(
		'%j is no pay period',
		(raw) => {
			expect(payPeriodOf(raw)).toBeNull();
		}
	);
});

describe('parseDecimal: each format and its separator rules', () => {
	it.each([
		['7', US, 7],
		['123456789012345', US, 123456789012345],
		['1,234', US, 1234],
		['1234.5', PLAIN_DOT, 1234.5],
		['1234,5', PLAIN_COMMA, 1234.5],
		['1234,5', EU, 1234.5],
		['1234,5', FR, 1234.5],
		['1 234.5', SP, 1234.5],
		['12 345 678', SP, 12345678],
		['0.5', US, 0.5]
	] as const)('%j → %d', (raw, fmt, want) => {
		expect(parseDecimal(raw, fmt)).toBe(want);
	});
	it.each([
		['1,234.5.6', US],
		['1234,567', US],
		[',123', US],
		['1,23', US],
		['1,234,56', US],
		['1,234', PLAIN_DOT],
		['1.234', PLAIN_COMMA],
		['1234.5', FR],
		['1,2,3', FR],
		['1.', US],
		['.5', US],
		['12a', US],
		['a12', US],
		['1 2', US],
		['-5', US],
		['12 34', FR],
		['1 2345', SP]
	] as const)('%j is not a number under its format', (raw, fmt) => {
		expect(parseDecimal(raw, fmt)).toEqual({ error: 'not a number' });
	});
});

describe('parseMoney: spaces, suffixes, ranges and zero', () => {
	const usd = { format: US, usd: true };
	it.each([
		['  95000 ', 95000],
		['1.5m', 1500000],
		['2M', 2000000],
		['1-2M', 1500000],
		['1-2m', 1500000],
		['100k-150k', 125000],
		['150000-150000', 150000],
		['$95,000.50', 95000.5],
		['95000 US$', 95000],
		['US dollars 95000', 95000]
	] as const)('%j → %d', (raw, want) => {
		expect(parseMoney(raw, usd)).toBe(want);
	});
	it.each([
		['   ', 'empty'],
		['00', 'zero pay'],
		['0.0', 'zero pay'],
		['$0k', 'zero pay'],
		['$-50000', 'negative pay'],
		['USD -5', 'negative pay'],
		['1-2-3', 'not an amount'],
		['100k-', 'not an amount'],
		['-', 'negative pay'],
		['9'.repeat(400), TOO_LARGE],
		['1,2k', 'not an amount'],
		['500 (approx)', 'not an amount'],
		['(500) pa', 'not an amount']
	] as const)('%j is rejected: %s', (raw, reason) => {
		expect(parseMoney(raw, usd)).toEqual({ error: reason });
	});
	it('drops another currency only where the field is not USD', () => {
		expect(parseMoney('£90k', { format: US, usd: false })).toBe(90000);
		expect(parseMoney('90000 GBP', { format: US, usd: false })).toBe(90000);
		expect(parseMoney('-90000 GBP', { format: US, usd: false })).toEqual({ error: 'negative pay' });
		expect(parseMoney('£ (500)', { format: US, usd: false })).toEqual({ error: 'negative pay' });
	});
});

describe('detectNumberFormat', () => {
	it('gives ties to the first format (US/UK) and counts only non-blank values', () => {
		expect(detectNumberFormat(['95000', '120000', ' ', ''])).toEqual({ format: US, read: 2, total: 2 });
	});
	it('reads nothing from an empty sample and says so', () => {
		expect(detectNumberFormat([])).toEqual({ format: US, read: 0, total: 0 });
		expect(detectNumberFormat(['abc'])).toEqual({ format: US, read: 0, total: 1 });
	});
	it('reads values in another currency while detecting (the field may not be USD)', () => {
		expect(detectNumberFormat(['€95.000,50', '€8.000'])).toEqual({ format: EU, read: 2, total: 2 });
	});
	it('counts what the chosen format reads', () => {
		expect(detectNumberFormat(['1 234,5', '95000', 'abc'])).toEqual({ format: FR, read: 2, total: 3 });
	});
});

describe('parseDate: bounds of each part', () => {
	const iso = { kind: 'iso' } as const;
	it.each([
		['2023-01-15', Date.UTC(2023, 0, 15)],
		['2023-12-01', Date.UTC(2023, 11, 1)],
		['2023-06-01', Date.UTC(2023, 5, 1)],
		['2023-01-31', Date.UTC(2023, 0, 31)],
		['2024-02-29', Date.UTC(2024, 1, 29)],
		['2023-06-16 23:59:59', Date.UTC(2023, 5, 16, 23, 59, 59)],
		['2023-06-16 00:00', Date.UTC(2023, 5, 16)],
		['  2023-06-16  ', Date.UTC(2023, 5, 16)],
		['2023-06-16T10:00:00.5Z', Date.UTC(2023, 5, 16, 10, 0, 0, 500)],
		['2023-06-16T10:00:00.0009Z', Date.UTC(2023, 5, 16, 10)],
		['2023-06-16T10:00:00.123456Z', Date.UTC(2023, 5, 16, 10, 0, 0, 123)],
		['2023-06-16 10:00:00 UTC', Date.UTC(2023, 5, 16, 10)],
		['2023-06-16T10:00:00+05', Date.UTC(2023, 5, 16, 5)],
		['2023-06-16T10:00:00-0230', Date.UTC(2023, 5, 16, 12, 30)],
		['2023-06-16T10:00:00+00:45', Date.UTC(2023, 5, 16, 9, 15)]
	] as const)('ISO %j', (raw, want) => {
		expect(parseDate(raw, iso)).toBe(want);
	});
	it('refuses an impossible date whatever its zone', () => {
		expect(parseDate('2023-02-30T10:00:00+02:00', iso)).toEqual({ error: 'no such date' });
		expect(parseDate('2023-02-30T10:00:00Z', iso)).toEqual({ error: 'no such date' });
	});
	it.each(['2023-00-10', '2023-06-00', '2023-06-31', '2023-02-29', '2023-06-16 24:00:00', '2023-06-16 10:60', '2023-06-16 10:00:60'])(
		'%j is no such date',
		(raw) => {
			expect(parseDate(raw, iso)).toEqual({ error: 'no such date' });
		}
	);
	it('names what it expected', () => {
		expect(parseDate('x2023-06-16', iso)).toEqual({ error: 'not an ISO date' });
		expect(parseDate('2023-06-16x', iso)).toEqual({ error: 'not an ISO date' });
		expect(parseDate(' ', iso)).toEqual({ error: 'empty' });
		expect(parseDate('168692305', { kind: 'epoch-s' })).toEqual({ error: 'not epoch seconds' });
		expect(parseDate('16869230550', { kind: 'epoch-s' })).toEqual({ error: 'not epoch seconds' });
		expect(parseDate('168692305500', { kind: 'epoch-ms' })).toEqual({ error: 'not epoch milliseconds' });
		expect(parseDate('16869230550000', { kind: 'epoch-ms' })).toEqual({ error: 'not epoch milliseconds' });
		expect(parseDate('x1686923055', { kind: 'epoch-s' })).toEqual({ error: 'not epoch seconds' });
		expect(parseDate('1686923055000x', { kind: 'epoch-ms' })).toEqual({ error: 'not epoch milliseconds' });
	});
});

describe('parseDate with a user pattern', () => {
	const pat = (pattern: string) => ({ kind: 'pattern', pattern }) as const;
	it('fills missing parts with the start of the period', () => {
		expect(parseDate('06/2023', pat('MM/YYYY'))).toBe(Date.UTC(2023, 5, 1));
		expect(parseDate('2023', pat('YYYY'))).toBe(Date.UTC(2023, 0, 1));
		expect(parseDate('2023-06-16 07:08:09', pat('YYYY-MM-DD HH:mm:ss'))).toBe(Date.UTC(2023, 5, 16, 7, 8, 9));
		expect(parseDate('2023-06-16 07', pat('YYYY-MM-DD HH'))).toBe(Date.UTC(2023, 5, 16, 7));
	});
	it('treats other characters literally, even regex ones', () => {
		expect(parseDate('16.06.2023', pat('DD.MM.YYYY'))).toBe(Date.UTC(2023, 5, 16));
		expect(parseDate('16x06x2023', pat('DD.MM.YYYY'))).toEqual({ error: 'not a date like DD.MM.YYYY' });
		expect(parseDate('(2023)+06', pat('(YYYY)+MM'))).toBe(Date.UTC(2023, 5, 1));
		expect(parseDate('(2023)', pat('(YYYY)'))).toBe(Date.UTC(2023, 0, 1));
		expect(parseDate('2023.', pat('YYYY.'))).toBe(Date.UTC(2023, 0, 1));
		expect(parseDate('20234', pat('YYYY.'))).toEqual({ error: 'not a date like YYYY.' });
		expect(parseDate('on 2023/06', pat('on YYYY/MM'))).toBe(Date.UTC(2023, 5, 1));
		expect(parseDate('2023/06 ok', pat('YYYY/MM ok'))).toBe(Date.UTC(2023, 5, 1));
		expect(parseDate('x2023/06', pat('YYYY/MM'))).toEqual({ error: 'not a date like YYYY/MM' });
		expect(parseDate('2023/06x', pat('YYYY/MM'))).toEqual({ error: 'not a date like YYYY/MM' });
	});
	it('two-letter tokens need two digits, one-letter tokens take one or two, YYYY four', () => {
		expect(failed(parseDate('6/7/2023', pat('MM/DD/YYYY')))).toBe(true);
		expect(parseDate('06/07/2023', pat('M/D/YYYY'))).toBe(Date.UTC(2023, 5, 7));
		expect(failed(parseDate('6/7/23', pat('M/D/YYYY')))).toBe(true);
		expect(failed(parseDate('6/7/202', pat('M/D/YYYY')))).toBe(true);
		expect(failed(parseDate('123/7/2023', pat('M/D/YYYY')))).toBe(true);
	});
	it('refuses a pattern without a year, and impossible dates', () => {
		expect(parseDate('16/06', pat('DD/MM'))).toEqual({ error: 'pattern has no YYYY' });
		expect(parseDate('31/06/2023', pat('DD/MM/YYYY'))).toEqual({ error: 'no such date' });
	});
	it('gives the same answer when a pattern is used again', () => {
		const p = pat('DD-MM-YYYY');
		expect(parseDate('01-02-2023', p)).toBe(Date.UTC(2023, 1, 1));
		expect(parseDate('01-02-2023', p)).toBe(Date.UTC(2023, 1, 1));
		expect(parseDate('02-01-2023', p)).toBe(Date.UTC(2023, 0, 2));
	});
});

describe('detectDateFormat', () => {
	it('accepts a format that reads exactly half the sample, not less', () => {
		expect(detectDateFormat(['2023-06-16', 'x'])).toEqual({ format: { kind: 'iso' }, read: 1, total: 2, monthOnly: false });
		expect(detectDateFormat(['2023-06-16', 'x', 'y'])).toBeNull();
	});
	it('gives ties to the first format and counts only non-blank values', () => {
		expect(detectDateFormat(['2023-06-16', '1686923055', ' '])).toEqual({
			format: { kind: 'iso' },
			read: 1,
			total: 2,
			monthOnly: false
		});
		expect(detectDateFormat(['', ' '])).toBeNull();
	});
	it('calls epoch data month-only never, and ISO month-only only when every value is a month', () => {
		expect(detectDateFormat(['2023-06', '2023-07', ''])).toEqual({ format: { kind: 'iso' }, read: 2, total: 2, monthOnly: true });
		expect(detectDateFormat(['1686923055'])?.monthOnly).toBe(false);
		expect(detectDateFormat(['2023-06', 'x'])?.monthOnly).toBe(false);
		expect(detectDateFormat(['2023-06', 'x2023-07'])?.monthOnly).toBe(false);
	});
});

describe('amounts beyond what JavaScript holds exactly, and the annual bound', () => {
	const usd = { format: US, usd: true };
	it('refuses more than Number.MAX_SAFE_INTEGER instead of rounding it', () => {
		expect.hasAssertions();
		expect(TOO_LARGE).toBe('too large to read exactly (above 9,007,199,254,740,991)');
		// 2^53 + 1 would become 2^53; 2^53 − 1 is the last exact integer.
		expect(parseDecimal('9007199254740993', US)).toEqual({ error: TOO_LARGE });
		expect(parseDecimal('9007199254740992', US)).toEqual({ error: TOO_LARGE });
		expect(parseDecimal('9007199254740991', US)).toBe(Number.MAX_SAFE_INTEGER);
		expect(parseDecimal('9,007,199,254,740,993', US)).toEqual({ error: TOO_LARGE });
		expect(parseMoney('9007199254740993', usd)).toEqual({ error: TOO_LARGE });
		expect(parseMoney('$9,007,199,254,740,993', usd)).toEqual({ error: TOO_LARGE });
		expect(parseMoney('9007199254740991', usd)).toBe(Number.MAX_SAFE_INTEGER);
		// A suffix that carries the amount past it: 9,007,199,254,741k.
		expect(parseMoney('9007199254741k', usd)).toEqual({ error: TOO_LARGE });
		expect(parseMoney('9007199254740k', usd)).toBe(9_007_199_254_740_000);
		expect(parseMoney('1-9007199254741k', usd)).toEqual({ error: TOO_LARGE });
		expect(parseMoney('€9007199254740993', { format: US, usd: false })).toEqual({ error: TOO_LARGE });
	});

	it('annualUsd refuses above $10,000,000 a year as a unit slip, and keeps $10,000,000 itself', () => {
		expect.hasAssertions();
		expect(MAX_ANNUAL_PAY_USD).toBe(10_000_000);
		expect(annualUsd(10_000_000)).toBe(10_000_000);
		expect(annualUsd(10_000_000.01)).toEqual({ error: 'above $10,000,000 a year: check the unit' });
		expect(annualUsd(999_999_999_999)).toEqual({ error: ABOVE_MAX_PAY });
		expect(annualUsd(120_000)).toBe(120_000);
	});
});
