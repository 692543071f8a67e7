import { describe, expect, it } from 'vitest';
import {
	count,
	countSigned,
	gibibytes,
	megabytes,
	money,
	moneyShort,
	moneyShortSigned,
	moneySigned,
	ordinal,
	pct,
	pctSigned,
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
		[pctSigned(0.01), '0%'],
		[ppSigned(7.04), '+7 pts'],
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
