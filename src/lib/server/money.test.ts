import { describe, expect, it } from 'vitest';
import { moneyTables } from '$lib/transform/money';
import { row } from '$lib/transform/stats/testing/rows';
import { moneyTableRows } from './money';

describe('moneyTableRows', () => {
	const t = moneyTables(
		[row({ salary: 90, salaryCurrency: 'EUR', salaryUsd: 100, workYear: 2024 })],
		[
			{ currency: 'INR', year: 2024, perUsd: 83.6 },
			{ currency: 'EUR', year: 2024, perUsd: 0.92 },
			{ currency: 'EUR', year: 2023, perUsd: 0.93 }
		],
		[
			{ country: 'IN', year: 2024, factor: 20.4 },
			{ country: 'DE', year: 2024, factor: 0.7 },
			{ country: 'DE', year: 2023, factor: 0.71 }
		]
	);

	it('lists every market rate with its source, aijobs.net’s where it has one', () => {
		expect.hasAssertions();
		expect(moneyTableRows(t, 'rates')).toEqual({
			columns: ['currency', 'work_year', 'units_per_usd', 'source'],
			rows: [
				['EUR', 2023, 0.93, 'Federal Reserve H.10'],
				['EUR', 2024, 0.9, 'aijobs.net (salary / salary_in_usd)'],
				['INR', 2024, 83.6, 'Federal Reserve H.10']
			]
		});
	});

	it('lists every PPP factor with the country’s currency', () => {
		expect.hasAssertions();
		expect(moneyTableRows(t, 'ppp')).toEqual({
			columns: ['country', 'currency', 'year', 'local_units_per_international_dollar'],
			rows: [
				['DE', 'EUR', 2023, 0.71],
				['DE', 'EUR', 2024, 0.7],
				['IN', 'INR', 2024, 20.4]
			]
		});
	});
});
