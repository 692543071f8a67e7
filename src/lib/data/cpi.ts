/** Parse the monthly US CPI-U file (datasets/cpi-us `data/cpiai.csv`). */
import type { CpiRow, ParseResult } from './types';
import { finiteNumber, isoDate, parseWithSchema, type Coercer } from './schema';

const cpiSchema = {
	Date: isoDate,
	Index: finiteNumber({ positive: true }) as Coercer<number>,
	// Month-on-month change; empty in the first month. Read to validate, not used.
	Inflation: finiteNumber({ allowEmpty: true })
};

export function parseCpi(text: string): ParseResult<CpiRow> {
	return parseWithSchema(text, cpiSchema, (c) => {
		const [y, m] = c.Date.split('-');
		if (!c.Date.endsWith('-01')) return { error: 'not the first day of a month', column: 'Date', value: c.Date };
		return { date: c.Date, year: Number(y), month: Number(m), index: c.Index };
	});
}
