import { describe, expect, it } from 'vitest';
import type { CpiRow, SalaryRow, SectorIndexRow, ShareRow } from '$lib/data/types';
import { buildDataset, datasetOf, type Dataset } from './dataset';
import { packDataset, PackError, PACK_VERSION, unpackIndeed, unpackSalaries, withIndeed } from './dataset-pack';
import { familyRow } from './stats/testing/rows';

/** A small Dataset with every kind of column value: nulls, ties, a repeated row, a non-integer, a big integer. */
function small(): Dataset {
	const rows: SalaryRow[] = (
		[
			familyRow('AI', { line: 2, salaryUsd: 150_000, salary: 150_000 }),
			familyRow('ML', { line: 3, salaryUsd: 120_000.5, salary: 110_000, salaryCurrency: 'EUR', employeeResidence: 'DE' }),
			familyRow('ML', { line: 5, salaryUsd: 90_000, experienceLevel: null, companySize: null, remoteRatio: null }),
			familyRow('AI', { line: 4, salaryUsd: 150_000, workYearEstimated: true, workYear: 2021 }),
			familyRow('AI', { line: 9, salaryUsd: 150_000, salary: 3_000_000_000 }),
			familyRow('ML', { line: 7, salaryUsd: 90_000, experienceLevel: null, companySize: null, remoteRatio: null })
		] as const
	).map(({ family: _family, ...row }) => row);
	const cpi: CpiRow[] = [
		{ date: '2023-01-01', year: 2023, month: 1, index: 299.17 },
		{ date: '2023-02-01', year: 2023, month: 2, index: 300.84 }
	];
	const share = (date: string, country: string, sharePct: number): ShareRow => ({ date, country, sharePct });
	const sector = (date: string, index: number): SectorIndexRow => ({
		date,
		country: 'US',
		index,
		variable: 'total postings',
		sector: 'Mathematics'
	});
	const file = <T>(name: string, r: readonly T[]) => ({ file: name, rows: r, issues: [], rowsRead: r.length, rejected: 0 });
	return buildDataset({
		dataVersion: '2025-01-19',
		salaries: {
			...file('aijobs-salaries/salaries.csv', rows),
			issues: [{ line: 8, column: 'salary', value: 'x', reason: 'not a number' }],
			rowsRead: 7,
			rejected: 1
		},
		cpi: file('us-cpi/cpiai.csv', cpi),
		aiShare: file('ai.csv', [share('2024-01-01', 'US', 0.123456789012), share('2024-01-02', 'GB', 2.5)]),
		genaiShare: file('genai.csv', [share('2024-01-01', 'US', 0.01)]),
		sectors: [file('s.csv', [sector('2024-01-01', 101.5), sector('2024-01-02', 99)])],
		sources: [{ id: 'us-cpi', file: 'us-cpi/cpiai.csv', state: 'ok', message: null }]
	});
}

/** The parts a page view reads (functions and the index left out); compared strictly, key order aside. */
const parts = (d: Dataset) =>
	structuredClone([
		d.dataVersion,
		d.sourceShiftYear,
		d.salaries,
		d.cpi,
		d.annualCpi,
		d.aiShare,
		d.genaiShare,
		d.sectors,
		d.parse,
		d.sources
	]);

describe('the built-in data packed for the browser', () => {
	it('unpacks to the same Dataset: rows in the same (salary, then file) order, the same values and types', () => {
		expect.hasAssertions();
		const ds = small();
		const back = withIndeed(
			unpackSalaries(packDataset(ds, 'salaries').slice().buffer),
			unpackIndeed(packDataset(ds, 'indeed').slice().buffer)
		);
		expect(parts(back)).toStrictEqual(parts(ds));
		expect(back.salaries.map((r) => r.line)).toEqual(ds.salaries.map((r) => r.line));
		// The index is rebuilt, not copied: the same families and clusters.
		expect(Array.from(back.prepared.modes.family.family)).toEqual(Array.from(ds.prepared.modes.family.family));
		expect(Array.from(back.prepared.modes.family.clusterSize)).toEqual(Array.from(ds.prepared.modes.family.clusterSize));
		expect(back.salaries[0]).toEqual(ds.salaries[0]);
		expect(typeof back.salaries.find((r) => r.workYearEstimated)?.workYearEstimated).toBe('boolean');
	});

	it('keeps integers as Int32 and everything else exact: a non-integer, a number past 2³¹, nulls', () => {
		expect.hasAssertions();
		const back = unpackSalaries(packDataset(small(), 'salaries').slice().buffer);
		expect(back.salaries.map((r) => r.salaryUsd).sort((a, b) => a - b)).toEqual([90_000, 90_000, 120_000.5, 150_000, 150_000, 150_000]);
		expect(back.salaries.map((r) => r.salary)).toContain(3_000_000_000);
		expect(back.salaries.filter((r) => r.experienceLevel === null && r.companySize === null && r.remoteRatio === null)).toHaveLength(2);
		const ai = unpackIndeed(packDataset(small(), 'indeed').slice().buffer).aiShare;
		expect(ai[0]!.sharePct).toBe(0.123456789012);
	});

	it('salary rows are stored by line (file order) and sorted back by salary, ties in file order', () => {
		expect.hasAssertions();
		const ds = small();
		const back = unpackSalaries(packDataset(ds, 'salaries').slice().buffer);
		// 150k three times: lines 2, 4, 9 in that order, as the server's stable sort of the file gives.
		expect(back.salaries.filter((r) => r.salaryUsd === 150_000).map((r) => r.line)).toEqual([2, 4, 9]);
		// Built straight from rows in salary order, the same Dataset.
		expect(parts(datasetOf({ ...ds, salaries: ds.salaries }))).toStrictEqual(parts(ds));
	});

	it('the salary part carries the date, source shift, parse summaries and source states; the Indeed part none of it', () => {
		expect.hasAssertions();
		const ds = small();
		const back = unpackSalaries(packDataset(ds, 'salaries').slice().buffer);
		expect(back.parse).toEqual(ds.parse);
		expect(back.parse[0]).toMatchObject({ rowsRead: 7, rejected: 1, sampleIssues: [{ line: 8, reason: 'not a number' }] });
		expect(back.sources).toEqual(ds.sources);
		expect([back.aiShare, back.genaiShare, back.sectors]).toEqual([[], [], []]);
		const indeed = unpackIndeed(packDataset(ds, 'indeed').slice().buffer);
		expect(Object.keys(indeed).sort()).toEqual(['aiShare', 'genaiShare', 'sectors']);
		expect(indeed.sectors).toEqual(ds.sectors);
	});

	it('starts with the magic and a little-endian header length; buffers at 8-byte offsets', () => {
		expect.hasAssertions();
		const bytes = packDataset(small(), 'salaries');
		expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('AIMLPK01');
		const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
		const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + len))) as {
			version: number;
			part: string;
			tables: Record<string, { n: number; columns: { key: string; offset: number; width: number; kind: string }[] }>;
		};
		expect(header).toMatchObject({ version: PACK_VERSION, part: 'salaries' });
		expect(header.tables.salaries!.n).toBe(6);
		for (const c of header.tables.salaries!.columns) expect(c.offset % 8).toBe(0);
		const byKey = Object.fromEntries(header.tables.salaries!.columns.map((c) => [c.key, c]));
		expect(byKey.line).toMatchObject({ kind: 'delta', width: 4 });
		expect(byKey.salary).toMatchObject({ kind: 'num', width: 8 }); // 3,000,000,000 is past Int32
		expect(byKey.salaryUsd).toMatchObject({ kind: 'num', width: 8 }); // 120,000.5 is not an integer
		expect(byKey.workYear).toMatchObject({ kind: 'dict', width: 1 });
		expect(12 + len).toBeLessThanOrEqual(byKey.line!.offset);
	});

	it('refuses what is not a whole pack of this version and part, with a reason', () => {
		expect.hasAssertions();
		const bytes = packDataset(small(), 'salaries');
		const copy = () => bytes.slice();
		expect(() => unpackSalaries(new ArrayBuffer(5))).toThrow(new PackError('the file is cut short'));
		expect(() => unpackSalaries(copy().subarray(0, 20).slice().buffer)).toThrow(/cut short/);
		expect(() =>
			unpackSalaries(
				copy()
					.subarray(0, bytes.length - 1)
					.slice().buffer
			)
		).toThrow(/outside the file/);
		const magic = copy();
		magic[7] = 0x30;
		expect(() => unpackSalaries(magic.buffer)).toThrow('not a data pack of this app');
		expect(() => unpackIndeed(copy().buffer)).toThrow('a salaries pack, not indeed');
		const header = copy();
		// The header's first byte is '{': break the JSON.
		header[12] = 0x21;
		expect(() => unpackSalaries(header.buffer)).toThrow('its header is not readable');
		const version = copy();
		const at = new TextDecoder().decode(version.subarray(12, 40)).indexOf(`"version":${PACK_VERSION}`) + 12 + '"version":'.length;
		version[at] = '9'.charCodeAt(0);
		expect(() => unpackSalaries(version.buffer)).toThrow(`pack version 9, not ${PACK_VERSION}`);
	});

	it('refuses a dictionary code that points nowhere', () => {
		expect.hasAssertions();
		const bytes = packDataset(small(), 'salaries').slice();
		const len = new DataView(bytes.buffer).getUint32(8, true);
		const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + len))) as {
			tables: { salaries: { columns: { key: string; offset: number }[] } };
		};
		const region = header.tables.salaries.columns.find((c) => c.key === 'region')!;
		bytes[region.offset] = 200;
		expect(() => unpackSalaries(bytes.buffer)).toThrow('column region has a code outside its dictionary');
	});
});
