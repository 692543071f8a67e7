/**
 * Pay in other money on the real files, against values computed independently with plain
 * Python (src/lib/transform/testing/money-expected.py → money-expected.json): aijobs.net's
 * rates, converted sample rows, and strict-title medians in USD, EUR, INR and at PPP.
 */
import { readFileSync } from 'node:fs';
import { median } from 'd3-array';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSalaries } from '../../src/lib/data/salaries';
import { parseFxYearly, parsePpp } from '../../src/lib/data/money';
import type { SalaryRow } from '../../src/lib/data/types';
import { datasetOf } from '../../src/lib/transform/dataset';
import { DEFAULT_FILTERS } from '../../src/lib/transform/filters';
import { computeStats } from '../../src/lib/transform/stats/compute';
import { convertRows, impliedRates, inMoney, moneyCodes, moneyTables, type MoneyTables } from '../../src/lib/transform/money';
import expected from '../../src/lib/transform/testing/money-expected.json';
import { realDataPath, reportAbsent } from './real-data';

const files = ['aijobs-salaries/salaries.csv', 'exchange-rates/yearly.csv', 'ppp/ppp-gdp.csv'] as const;
const paths = files.map(realDataPath);
const present = paths.every((p) => p !== null);
if (!present) files.filter((_, i) => paths[i] === null).forEach(reportAbsent);

const VIEWS: Record<string, (r: SalaryRow) => boolean> = {
	all: () => true,
	'residence IN': (r) => r.employeeResidence === 'IN',
	'residence DE, FR, ES, NL': (r) => ['DE', 'FR', 'ES', 'NL'].includes(r.employeeResidence ?? '')
};

describe.skipIf(!present)('money on the real files', () => {
	let rows: SalaryRow[];
	let t: MoneyTables;
	let fedEur2024: number;
	beforeAll(() => {
		const [salaries, fx, ppp] = paths.map((p) => readFileSync(p!, 'utf8')) as [string, string, string];
		rows = parseSalaries(salaries).rows;
		const fxRows = parseFxYearly(fx).rows;
		fedEur2024 = fxRows.find((f) => f.currency === 'EUR' && f.year === 2024)!.perUsd;
		t = moneyTables(rows, fxRows, parsePpp(ppp).rows);
	});

	it("aijobs.net's rate for every currency and year, as the Python median of the ratios", () => {
		expect.hasAssertions();
		const ours = impliedRates(rows);
		const theirs = Object.entries(expected.rates);
		expect([...ours.values()].reduce((n, m) => n + m.size, 0)).toBe(theirs.length);
		for (const [key, rate] of theirs) {
			const [code, year] = key.split('|') as [string, string];
			expect(ours.get(code)?.get(Number(year)), key).toBeCloseTo(rate, 9);
		}
		// The Fed's table reads units per dollar: its 2024 euro agrees with aijobs.net's 0.90 within 3 %.
		expect(Math.abs(fedEur2024 / ours.get('EUR')!.get(2024)! - 1)).toBeLessThan(0.03);
	});

	it('converts the sample rows as the Python script does (null where it leaves a row out)', () => {
		expect.hasAssertions();
		for (const code of ['EUR', 'GBP', 'INR', 'CHF'] as const) {
			const byLine = new Map(convertRows(rows, t, code).rows.map((r) => [r.line, r.salaryUsd]));
			for (const e of expected.rows) expect(byLine.get(e.line) ?? null, `${code} line ${e.line}`).toBeCloseTo(e[code]!, 6);
		}
		// At PPP the script knows the currencies of 16 countries only: compare where it converts.
		const ppp = new Map(convertRows(rows, t, 'PPP').rows.map((r) => [r.line, r.salaryUsd]));
		const converted = expected.rows.filter((e) => e.PPP !== null);
		expect(converted.length).toBeGreaterThan(25);
		for (const e of converted) expect(ppp.get(e.line), `PPP line ${e.line}`).toBeCloseTo(e.PPP!, 6);
	});

	it('strict-title medians and counts in each money, through the Dataset (and computeStats for all reports)', () => {
		expect.hasAssertions();
		const base = datasetOf({
			dataVersion: '2025-01-19',
			sourceShiftYear: 2024,
			salaries: rows,
			cpi: [],
			aiShare: [],
			genaiShare: [],
			sectors: [],
			parse: [],
			sources: []
		});
		let checked = 0;
		for (const v of expected.views) {
			// The script leaves out PPP rows of countries it has no currency for; only views wholly inside them compare.
			if (v.currency === 'PPP' && v.view === 'all') continue;
			const data = inMoney(base, t, v.currency).data;
			const keep = VIEWS[v.view]!;
			const stats = computeStats(data.prepared, { ...DEFAULT_FILTERS, titles: 'strict' });
			for (const fam of ['AI', 'ML'] as const) {
				const title = fam === 'AI' ? 'AI Engineer' : 'Machine Learning Engineer';
				const values = data.salaries.filter((r) => keep(r) && r.jobTitle === title).map((r) => r.salaryUsd);
				expect(values.length, `${v.view} ${v.currency} ${fam} n`).toBe(v[fam].n);
				expect(median(values), `${v.view} ${v.currency} ${fam} median`).toBeCloseTo(v[fam].median!, 4);
				if (v.view === 'all') {
					expect(stats.families[fam].n).toBe(v[fam].n);
					expect(stats.families[fam].median!.median, `${v.currency} ${fam}`).toBeCloseTo(v[fam].median!, 4);
				}
				checked++;
			}
		}
		expect(checked).toBe(22);
	});

	it('offers USD, PPP and at least the currencies the issue names', () => {
		expect.hasAssertions();
		const codes = moneyCodes(t, t.marketLast);
		for (const c of ['USD', 'PPP', 'EUR', 'GBP', 'CAD', 'INR', 'CHF', 'AUD', 'PLN', 'JPY', 'SGD', 'BRL']) expect(codes).toContain(c);
	});
});
