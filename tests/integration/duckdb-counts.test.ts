/**
 * Pre-counted postings: the SQL in data/postings-counts.sql, run by DuckDB on the row-level
 * data_jobs fixture, gives a `title,month,country,count` file; loading that file gives the
 * same postings figures as loading the row-level file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { PostingsColumns } from '../../src/lib/data/upload/columns';
import { load } from '../../src/lib/data/upload/testing/load';
import { familyCodes, rowFamilies } from '../../src/lib/transform/upload-titles';
import { summarisePostings, type PostingsOptions } from '../../src/lib/transform/postings';
import { postingsByMonthRows } from '../../src/lib/views/your-data';

const dir = mkdtempSync(join(tmpdir(), 'duckdb-counts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function countWithDuckDb(input: string, output: string): Promise<void> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		await conn.run(`CREATE VIEW postings AS SELECT * FROM read_csv('${input}', header = true, all_varchar = true)`);
		const query = readFileSync(resolve('data/postings-counts.sql'), 'utf8').trim().replace(/;$/, '');
		await conn.run(`COPY (${query}) TO '${output}' (HEADER, DELIMITER ',')`);
	} finally {
		conn.closeSync();
		db.closeSync();
	}
}

describe('DuckDB-counted postings give the row-level figures', () => {
	it('months, countries and family totals are identical', async () => {
		const counted = join(dir, 'counts.csv');
		await countWithDuckDb(resolve('tests/fixtures/upload/data-jobs-postings.csv'), counted);
		const text = readFileSync(counted, 'utf8');
		expect(text.split('\n')[0]).toBe('title,month,country,count');

		const rows = await load('data-jobs-postings.csv');
		const pre = await load(new Uint8Array(readFileSync(counted)));
		expect(pre.sniff.detection).toMatchObject({ kind: 'postings', layout: 'generic', missing: [] });
		const a = rows.done.columns as PostingsColumns;
		const b = pre.done.columns as PostingsColumns;
		expect(b.monthOnly).toBe(true);
		expect(pre.done.report.rejected).toBe(0);

		// A counted file cannot tell whether its first and last months are whole; the user states the coverage.
		const opts: PostingsOptions = { coverage: { firstDay: '2023-01-03', lastDay: '2023-03-31' } };
		const fa = summarisePostings(a, rowFamilies(a.title, familyCodes(a.title.dict, 'family')), opts);
		const fb = summarisePostings(b, rowFamilies(b.title, familyCodes(b.title.dict, 'family')), opts);
		expect(fb.totalPostings).toBe(17);
		expect(fb.familyPostings).toEqual(fa.familyPostings);
		expect(fb.otherPostings).toBe(fa.otherPostings);
		expect(fb.months).toEqual(fa.months);
		expect(fb.byCountry).toEqual(fa.byCountry);
		expect(postingsByMonthRows(fb)).toEqual(postingsByMonthRows(fa));
		// Without a stated coverage the ends are unknown, not guessed.
		const fc = summarisePostings(b, rowFamilies(b.title, familyCodes(b.title.dict, 'family')));
		expect(fc.months[0]!.partial).toBeNull();
		expect(fc.months[fc.months.length - 1]!.partial).toBeNull();
	});
});
