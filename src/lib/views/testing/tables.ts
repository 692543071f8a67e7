/** Properties every table model must have, checked by the view tests. */
import { expect } from 'vitest';
import type { TableData } from '$lib/views/chart-models';
import { NUMBER_FORMATS } from '$lib/format';

/**
 * Every column is labelled and has its own key; every row has a cell for each column and no
 * other; a left-aligned column holds text, any other holds numbers (or null) with a named
 * number format when it names one.
 */
export function expectWellFormedTable(table: TableData): void {
	const keys = table.columns.map((c) => c.key);
	expect(new Set(keys).size).toBe(keys.length);
	for (const c of table.columns) {
		expect(c.key.trim()).not.toBe('');
		expect(c.label.trim()).not.toBe('');
		if (c.format !== undefined) expect(Object.keys(NUMBER_FORMATS)).toContain(c.format);
	}
	for (const row of table.rows) {
		expect(Object.keys(row).sort()).toEqual([...keys].sort());
		for (const c of table.columns) {
			const v = row[c.key];
			if (c.align === 'left') expect(typeof v).toBe('string');
			else expect(v === null || typeof v === 'number').toBe(true);
		}
	}
}
