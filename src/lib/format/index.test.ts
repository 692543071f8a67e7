import { describe, expect, it } from 'vitest';
import {
	moneySign,
	moneyChoice,
	moneyRange,
	moneyUnit,
	moneyIn,
	rate4,
	count,
	countSigned,
	date,
	monthYear,
	gibibytes,
	megabytes,
	money,
	moneyShort,
	moneyShortSigned,
	moneySigned,
	ordinal,
	pct,
	pct2,
	pctAxis,
	pctSigned,
	pctSignedAxis,
	ppSigned,
	seconds
} from './index';

describe('format', () => {
	it.each([
		[money(152340.4), '$152,340'],
		[money(null), '–'],
		[moneyShort(152340), '$152k'],
		[moneyShort(1_250_000), '$1.3M'],
		[moneyShort(-29_000), '−$29k'],
		[moneySigned(-4200), '−$4,200'],
		[moneySigned(4200), '+$4,200'],
		[pct(12.345), '12.3%'],
		[pct(12, 0), '12%'],
		[pctSigned(-3.21), '−3.2%'],
		[pctSigned(0.01), '0.0%'],
		[ppSigned(7.04), '+7.0 pts'],
		[ppSigned(-0.25, 2), '−0.25 pts'],
		[count(5841), '5,841'],
		[countSigned(-3997), '−3,997'],
		[ordinal(1), '1st'],
		[ordinal(12), '12th'],
		[ordinal(22), '22nd'],
		[ordinal(48.4), '48th'],
		[ordinal(103), '103rd']
	])('%s → %s', (got, want) => {
		expect.hasAssertions();
		expect(got).toBe(want);
	});

	it('megabytes and seconds', () => {
		expect(megabytes(56_400_000)).toBe('56.4 MB');
		expect(megabytes(2_500_000)).toBe('2.5 MB');
		expect(megabytes(2048)).toBe('0.002 MB');
		expect(megabytes(NaN)).toBe('–');
		expect(seconds(2345)).toBe('2.3 s');
		expect(seconds(40.4)).toBe('40 ms');
		expect(seconds(0.3)).toBe('< 1 ms');
		expect(seconds(null)).toBe('–');
	});
});

it('moneyShortSigned: sign, compact dollars, dash for missing', () => {
	expect(moneyShortSigned(-26000)).toBe('−$26k');
	expect(moneyShortSigned(4200)).toBe('+$4k');
	expect(moneyShortSigned(0)).toBe('$0');
	expect(moneyShortSigned(null)).toBe(moneyShort(null));
});

it('gibibytes: binary gigabytes with one decimal, dash for missing', () => {
	expect.hasAssertions();
	expect(gibibytes(2 * 1024 ** 3)).toBe('2.0 GB');
	expect(gibibytes(1.25 * 1024 ** 3)).toBe('1.3 GB');
	expect(gibibytes(null)).toBe('–');
});

describe('the number-format rule: fixed decimals per kind, trailing zeros kept', () => {
	it.each([
		// one decimal for shares, changes and gaps, so "+2.0%" lines up with "+10.8%"
		[pct(2), '2.0%'],
		[pct(12.25), '12.3%'],
		[pct(-3.21), '−3.2%'],
		[pct(-0.04), '0.0%'],
		[pct(100), '100.0%'],
		[pct(33.333, 0), '33%'],
		[pct(0.1, 2), '0.10%'],
		[pctSigned(2), '+2.0%'],
		[pctSigned(10.8), '+10.8%'],
		[pctSigned(-100), '−100.0%'],
		[pctSigned(-0.04), '0.0%'],
		[pctSigned(0.05), '+0.1%'],
		// large changes keep the thousands separator
		[pctSigned(1451.04), '+1,451.0%'],
		[ppSigned(-0.25, 2), '−0.25 pts'],
		[ppSigned(3), '+3.0 pts'],
		[ppSigned(0), '0.0 pts']
	])('%s → %s', (got, want) => {
		expect.hasAssertions();
		expect(got).toBe(want);
	});

	it('dates use fixed month names (ICU versions disagree on September)', () => {
		expect.hasAssertions();
		expect(date('2024-09-27')).toBe('27 Sep 2024');
		expect(date('2025-01-19')).toBe('19 Jan 2025');
		expect(date('2026-12-01')).toBe('1 Dec 2026');
		expect(date('not a date')).toBe('not a date');
		expect(monthYear(new Date('2024-09-01T00:00:00Z'))).toBe('Sep 2024');
		expect(monthYear(new Date('2019-01-31T23:59:59Z'))).toBe('Jan 2019');
	});
});

describe('axis ticks: as few decimals as the tick needs', () => {
	it.each([
		[pctAxis(0), '0%'],
		[pctAxis(2), '2%'],
		[pctAxis(2.5), '2.5%'],
		[pctAxis(0.25), '0.25%'],
		[pctAxis(-5), '−5%'],
		[pctAxis(-0), '0%'],
		[pctAxis(null), '–'],
		[pctSignedAxis(10), '+10%'],
		[pctSignedAxis(-2.5), '−2.5%'],
		[pctSignedAxis(0), '0%'],
		[pctSignedAxis(0.001), '0%'],
		[pctSignedAxis(undefined), '–'],
		[pct2(0.1), '0.10%'],
		[pct2(3.14159), '3.14%'],
		[pct2(null), '–']
	])('%s → %s', (got, want) => {
		expect.hasAssertions();
		expect(got).toBe(want);
	});
});

describe('moneyIn', () => {
	it('whole units with the currency’s sign where one is common, else its code', () => {
		expect.hasAssertions();
		expect(moneyIn(80_000, 'EUR')).toBe('€80,000');
		expect(moneyIn(95_000.4, 'GBP')).toBe('£95,000');
		expect(moneyIn(3_000_000, 'INR')).toBe('₹3,000,000');
		expect(moneyIn(120_000, 'CHF')).toBe('CHF 120,000');
		expect(moneyIn(88_888.89, 'USD')).toBe('$88,889');
		expect(moneyIn(12_000_000, 'JPY')).toBe('¥12,000,000');
	});
});

describe('rate4', () => {
	it('at most four significant digits, no trailing zeros', () => {
		expect.hasAssertions();
		expect(rate4(0.9000056356)).toBe('0.9');
		expect(rate4(83.30036)).toBe('83.3');
		expect(rate4(1363.4381)).toBe('1,363');
		expect(rate4(0.95)).toBe('0.95');
	});
});

describe('money in other currencies', () => {
	// The old US-dollar formatters, kept here to show the code parameter changes nothing for USD.
	const usd0 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
	it('USD is byte for byte what it was, for every kind of value', () => {
		for (const v of [0, 0.4, -0.4, 0.5, -0.5, 1, -1, 999.5, -4200.5, 4200.5, 152_340.4, -152_340.6, 1_250_000, -7e6]) {
			expect(money(v, 'USD')).toBe(usd0.format(Math.round(v)));
			expect(money(v)).toBe(usd0.format(Math.round(v)));
			expect(moneySigned(v, 'USD')).toBe(`${v > 0 ? '+' : v < 0 ? '−' : ''}${usd0.format(Math.abs(Math.round(v)))}`);
			expect(moneyRange(v, v + 1000, { full: true, code: 'USD' })).toBe(moneyRange(v, v + 1000, { full: true }));
		}
	});
	it.each([
		['EUR', 152_340.4, '€152,340', '€152k', '+€152,340'],
		['GBP', 95_000, '£95,000', '£95k', '+£95,000'],
		['CAD', 1_250_000, 'CA$1,250,000', 'CA$1.3M', '+CA$1,250,000'],
		['CHF', 120_000, 'CHF 120,000', 'CHF 120k', '+CHF 120,000'],
		['PPP', 263_844, 'Int$263,844', 'Int$264k', '+Int$263,844'],
		['INR', 3_000_000, '₹3,000,000', '₹3M', '+₹3,000,000'],
		['XYZ', 5, 'XYZ 5', 'XYZ 5', '+XYZ 5']
	])('%s: %d → %s, %s, %s', (code, v, full, short, signedText) => {
		expect(money(v, code)).toBe(full);
		expect(moneyShort(v, code)).toBe(short);
		expect(moneySigned(v, code)).toBe(signedText);
		expect(moneySigned(-v, code)).toBe(`−${full}`);
		expect(money(-v, code)).toBe(`-${full}`);
		expect(moneyShortSigned(-v, code)).toBe(`−${short}`);
	});
	it('ranges carry the sign of the money on both ends, and zero is written in it', () => {
		expect(moneyRange(-60_100, 3_000, { signed: true, code: 'EUR' })).toBe('−€60k to +€3k');
		expect(moneyRange(0, 3_000, { signed: true, code: 'GBP' })).toBe('£0 to +£3k');
		expect(moneyRange(-39_112, -25, { code: 'PPP' })).toBe('−Int$39,112 to −Int$25');
		expect(moneyRange(1_000, 2_000, { full: true, sep: '–', code: 'CHF' })).toBe('CHF 1,000–CHF 2,000');
	});
	it('units name the money for axes and headers', () => {
		expect(moneyUnit()).toBe('US$');
		expect(moneyUnit('EUR')).toBe('EUR');
		expect(moneyUnit('PPP')).toBe('international $, PPP');
		expect(moneySign('JPY')).toBe('¥');
		expect(moneyChoice('EUR')).toBe('Euro (EUR)');
		expect(moneyChoice('PPP')).toBe('International dollars at purchasing-power parity (PPP)');
		expect(moneyChoice('XYZ')).toBe('XYZ');
	});
});
