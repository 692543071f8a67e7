import { describe, expect, it } from 'vitest';
import { countries } from 'countries-list';
import { FED_SERIES, parseFxYearly, parsePpp } from './money';
import { currencyOf } from './currencies';

describe('parsePpp', () => {
	it('reads countries by ISO code (names may hold commas) and rejects aggregates and bad values', () => {
		expect.hasAssertions();
		const r = parsePpp(
			[
				'Country,Country ID,Year,PPP',
				'"Korea, Rep.",KR,2024,850.5',
				'Euro area,XC,2024,0.7',
				'Germany,DE,24,0.7',
				'Germany,DE,2023,-1',
				'Germany,DE,2024,0.700862',
				''
			].join('\n')
		);
		expect(r.rows).toEqual([
			{ country: 'KR', year: 2024, factor: 850.5 },
			{ country: 'DE', year: 2024, factor: 0.700862 }
		]);
		expect(r.issues.map((i) => [i.line, i.column])).toEqual([
			[3, 'Country ID'],
			[4, 'Year'],
			[5, 'PPP']
		]);
		expect(r.rows.length + r.rejected).toBe(r.rowsRead);
	});
});

describe('parseFxYearly', () => {
	it('reads units per US dollar by ISO currency code; Venezuela and unknown series are rejected with a reason', () => {
		expect.hasAssertions();
		const r = parseFxYearly(
			[
				'Date,Country,Value',
				'2024-01-01,Euro,0.9242',
				'2024-01-01,India,83.6566',
				'2024-01-01,Venezuela,38.3',
				'2024-01-01,Atlantis,2',
				'2024-06-01,Japan,150',
				'2024-01-01,Japan,0',
				''
			].join('\n')
		);
		expect(r.rows).toEqual([
			{ currency: 'EUR', year: 2024, perUsd: 0.9242 },
			{ currency: 'INR', year: 2024, perUsd: 83.6566 }
		]);
		expect(r.issues.map((i) => [i.line, i.column, i.reason])).toEqual([
			[4, 'Country', 'series not used (it spans redenominations of the bolívar)'],
			[5, 'Country', 'series not used (unknown)'],
			[6, 'Date', 'not the first day of a year'],
			[7, 'Value', expect.stringContaining('not positive')]
		]);
	});

	it('maps every series to the currency countries-list gives the country', () => {
		expect.hasAssertions();
		const byName = Object.fromEntries(Object.values(countries).map((c) => [c.name, c.currency]));
		for (const [name, code] of Object.entries(FED_SERIES)) {
			if (name === 'Euro') expect(code).toBe('EUR');
			else expect(byName[name], name).toContain(code);
		}
	});
});

describe('currencyOf', () => {
	it('agrees with countries-list for every country it knows, except where the World Bank factors use another', () => {
		expect.hasAssertions();
		// Bulgaria adopted the euro in 2026; its factors up to 2024 are in leva.
		const differs: Record<string, string> = { BG: 'BGN' };
		let known = 0;
		for (const [code, c] of Object.entries(countries)) {
			const ours = currencyOf(code);
			if (ours === null) continue;
			known++;
			if (code in differs) expect(ours).toBe(differs[code]);
			else expect(c.currency, code).toContain(ours);
		}
		expect(known).toBeGreaterThan(90);
		expect(currencyOf('HR')).toBe('EUR');
		expect(currencyOf('ZZ')).toBeNull();
	});
});
