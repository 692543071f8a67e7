/**
 * The built-in Dataset as one compact binary file, for the browser: the server packs its
 * Dataset once (lib/server/builtin-pack.ts serves it at a content-hashed URL), the browser's
 * worker unpacks it and rebuilds the Dataset with the same steps the server took, so every
 * page view runs on the same rows in the same order on both sides.
 *
 * Layout: the magic `AIMLPK01`, a uint32 (little-endian) header length, the header as UTF-8
 * JSON, zero padding to a multiple of 8, then the column buffers, each at an 8-byte-aligned
 * offset the header gives. Strings and other repeated values are dictionary-coded (the
 * dictionary in the header, codes as Uint8/Uint16/Uint32 by dictionary size); other numbers are
 * Int32 where every value of the column is an integer that fits, Float64 otherwise. Pure: bytes
 * in, objects out; the hash is checked by the caller.
 */
import type { CpiRow, SalaryRow, SectorIndexRow, ShareRow } from '$lib/data/types';
import type { Dataset, ParseSummary, SourceStatus } from './dataset';
import { datasetOf } from './dataset';

const MAGIC = 'AIMLPK01';
export const PACK_VERSION = 1;

type Primitive = string | number | boolean | null;
type ColumnKind = 'num' | 'dict' | 'delta';

/** How each row type is stored: its keys in the order the parsers create them, and each column's kind. */
const SALARY_COLUMNS: readonly (readonly [keyof SalaryRow, ColumnKind])[] = [
	['line', 'delta'],
	['workYear', 'dict'],
	['workYearEstimated', 'dict'],
	['experienceLevel', 'dict'],
	['employmentType', 'dict'],
	['jobTitle', 'dict'],
	['salary', 'num'],
	['salaryCurrency', 'dict'],
	['salaryUsd', 'num'],
	['employeeResidence', 'dict'],
	['remoteRatio', 'dict'],
	['companyLocation', 'dict'],
	['region', 'dict'],
	['companySize', 'dict']
];
const CPI_COLUMNS: readonly (readonly [keyof CpiRow, ColumnKind])[] = [
	['date', 'dict'],
	['year', 'dict'],
	['month', 'dict'],
	['index', 'num']
];
const SHARE_COLUMNS: readonly (readonly [keyof ShareRow, ColumnKind])[] = [
	['date', 'dict'],
	['country', 'dict'],
	['sharePct', 'num']
];
const SECTOR_COLUMNS: readonly (readonly [keyof SectorIndexRow, ColumnKind])[] = [
	['date', 'dict'],
	['country', 'dict'],
	['index', 'num'],
	['variable', 'dict'],
	['sector', 'dict']
];

interface ColumnMeta {
	readonly key: string;
	readonly kind: ColumnKind;
	/** Byte offset of the column's buffer from the start of the file. */
	readonly offset: number;
	/** Bytes per value: numbers 4 (Int32, when every value is one) or 8 (Float64); dictionary codes 1, 2 or 4. */
	readonly width: 1 | 2 | 4 | 8;
	readonly dict?: readonly Primitive[];
}

interface TableMeta {
	readonly n: number;
	readonly columns: readonly ColumnMeta[];
}

/** What a pack holds: the salary part (what every salary page needs) or the Indeed part (/demand only). */
export type PackPart = 'salaries' | 'indeed';

interface Header {
	readonly version: number;
	readonly part: PackPart;
	/** The salary part's: the Dataset's date, source shift, parse summaries and source states. */
	readonly meta: {
		readonly dataVersion: string;
		readonly sourceShiftYear: number | null;
		readonly parse: readonly ParseSummary[];
		readonly sources: readonly SourceStatus[];
	} | null;
	readonly tables: Readonly<Record<string, TableMeta>>;
}

const TABLES: Record<PackPart, Readonly<Record<string, readonly (readonly [string, ColumnKind])[]>>> = {
	salaries: { salaries: SALARY_COLUMNS, cpi: CPI_COLUMNS },
	indeed: { aiShare: SHARE_COLUMNS, genaiShare: SHARE_COLUMNS, sectors: SECTOR_COLUMNS }
};

/** A column's values as a typed array, and its dictionary for coded columns. */
function encodeColumn(
	rows: readonly object[],
	key: string,
	kind: ColumnKind
): { bytes: Uint8Array; width: 1 | 2 | 4 | 8; dict?: Primitive[] } {
	const n = rows.length;
	if (kind === 'delta') {
		// Rising integers (line numbers in file order): the differences, mostly 1, compress to almost nothing.
		const a = new Int32Array(n);
		for (let i = 0; i < n; i++)
			a[i] = (rows[i] as Record<string, number>)[key]! - (i > 0 ? (rows[i - 1] as Record<string, number>)[key]! : 0);
		return { bytes: new Uint8Array(a.buffer), width: 4 };
	}
	if (kind === 'num') {
		const a = new Float64Array(n);
		let ints = true;
		for (let i = 0; i < n; i++) {
			const v = (rows[i] as Record<string, number>)[key]!;
			a[i] = v;
			if (ints && !(Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0))) ints = false;
		}
		return ints ? { bytes: new Uint8Array(Int32Array.from(a).buffer), width: 4 } : { bytes: new Uint8Array(a.buffer), width: 8 };
	}
	const index = new Map<Primitive, number>();
	const dict: Primitive[] = [];
	const codes = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		const v = (rows[i] as Record<string, Primitive>)[key]!;
		let c = index.get(v);
		if (c === undefined) {
			c = dict.length;
			index.set(v, c);
			dict.push(v);
		}
		codes[i] = c;
	}
	const width = dict.length <= 0x100 ? 1 : dict.length <= 0x10000 ? 2 : 4;
	const out = width === 1 ? Uint8Array.from(codes) : width === 2 ? Uint16Array.from(codes) : codes;
	return { bytes: new Uint8Array(out.buffer), width, dict };
}

const pad8 = (n: number) => (n + 7) & ~7;

/**
 * One part of the Dataset as a binary file (see the module comment): 'salaries' (salary rows,
 * CPI, and the Dataset's date, parse summaries and source states) or 'indeed' (the Indeed
 * series, fetched only for /demand). Salary rows are stored in file order (by line):
 * unpacking sorts them by salary with the same stable sort, so ties keep the server's order,
 * and the line numbers compress to almost nothing.
 */
export function packDataset(ds: Dataset, part: PackPart): Uint8Array {
	type Pending = { key: string; kind: ColumnKind; bytes: Uint8Array; width: 1 | 2 | 4 | 8; dict?: Primitive[] };
	const rowsOf: Record<string, readonly object[]> = {
		salaries: ds.salaries.slice().sort((a, b) => a.line - b.line),
		cpi: ds.cpi,
		aiShare: ds.aiShare,
		genaiShare: ds.genaiShare,
		sectors: ds.sectors
	};
	const tables = Object.entries(TABLES[part]).map(([name, spec]) => ({
		name,
		n: rowsOf[name]!.length,
		cols: spec.map(([key, kind]): Pending => ({ key, kind, ...encodeColumn(rowsOf[name]!, key, kind) }))
	}));
	// Offsets depend on the header's length, which depends on the offsets: lay the buffers out
	// from 0, then shift them all by the padded header size (digits of large offsets can only
	// grow the header, so loop until it settles).
	let relative = 0;
	const at = new Map<Pending, number>();
	for (const t of tables)
		for (const c of t.cols) {
			at.set(c, relative);
			relative = pad8(relative + c.bytes.byteLength);
		}
	const encoder = new TextEncoder();
	let base = 0;
	let headerBytes = new Uint8Array(0);
	for (let guard = 0; guard < 4; guard++) {
		const header: Header = {
			version: PACK_VERSION,
			part,
			meta:
				part === 'salaries'
					? { dataVersion: ds.dataVersion, sourceShiftYear: ds.sourceShiftYear, parse: ds.parse, sources: ds.sources }
					: null,
			tables: Object.fromEntries(
				tables.map((t) => [
					t.name,
					{
						n: t.n,
						columns: t.cols.map((c) => ({
							key: c.key,
							kind: c.kind,
							offset: base + at.get(c)!,
							width: c.width,
							...(c.dict ? { dict: c.dict } : {})
						}))
					}
				])
			)
		};
		headerBytes = encoder.encode(JSON.stringify(header));
		const next = pad8(MAGIC.length + 4 + headerBytes.byteLength);
		if (next === base) break;
		base = next;
	}
	const out = new Uint8Array(base + relative);
	out.set(encoder.encode(MAGIC), 0);
	new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.byteLength, true);
	out.set(headerBytes, MAGIC.length + 4);
	for (const [c, offset] of at) out.set(c.bytes, base + offset);
	return out;
}

/** Why a pack was refused (truncated, another format, a column out of bounds). */
export class PackError extends Error {}

function decodeTable<T>(buf: ArrayBuffer, meta: TableMeta, spec: readonly (readonly [string, ColumnKind])[]): T[] {
	const { n } = meta;
	if (meta.columns.length !== spec.length || meta.columns.some((c, i) => c.key !== spec[i]![0] || c.kind !== spec[i]![1]))
		throw new PackError('the columns are not the ones this app reads');
	const readers = meta.columns.map((c) => {
		if (c.offset % 8 !== 0 || c.offset + n * c.width > buf.byteLength) throw new PackError(`column ${c.key} lies outside the file`);
		if (c.kind === 'delta') {
			const d = new Int32Array(buf, c.offset, n);
			const a = new Float64Array(n);
			for (let i = 0, v = 0; i < n; i++) a[i] = v += d[i]!;
			return (i: number) => a[i]!;
		}
		if (c.kind === 'num') {
			const a = c.width === 4 ? new Int32Array(buf, c.offset, n) : new Float64Array(buf, c.offset, n);
			return (i: number) => a[i]!;
		}
		const dict = c.dict ?? [];
		const codes =
			c.width === 1
				? new Uint8Array(buf, c.offset, n)
				: c.width === 2
					? new Uint16Array(buf, c.offset, n)
					: new Uint32Array(buf, c.offset, n);
		for (let i = 0; i < n; i++) if (codes[i]! >= dict.length) throw new PackError(`column ${c.key} has a code outside its dictionary`);
		return (i: number) => dict[codes[i]!]!;
	});
	const keys = meta.columns.map((c) => c.key);
	const rows = new Array<T>(n);
	for (let i = 0; i < n; i++) {
		const row: Record<string, unknown> = {};
		for (let k = 0; k < keys.length; k++) row[keys[k]!] = readers[k]!(i);
		rows[i] = row as T;
	}
	return rows;
}

function readHeader(bytes: ArrayBuffer, part: PackPart): Header {
	if (bytes.byteLength < MAGIC.length + 4) throw new PackError('the file is cut short');
	const magic = new TextDecoder().decode(new Uint8Array(bytes, 0, MAGIC.length));
	if (magic !== MAGIC) throw new PackError('not a data pack of this app');
	const headerLength = new DataView(bytes).getUint32(MAGIC.length, true);
	if (MAGIC.length + 4 + headerLength > bytes.byteLength) throw new PackError('the file is cut short');
	let header: Header;
	try {
		header = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, MAGIC.length + 4, headerLength))) as Header;
	} catch {
		throw new PackError('its header is not readable');
	}
	if (header.version !== PACK_VERSION) throw new PackError(`pack version ${String(header.version)}, not ${PACK_VERSION}`);
	if (header.part !== part) throw new PackError(`a ${String(header.part)} pack, not ${part}`);
	return header;
}

const table = <T>(bytes: ArrayBuffer, header: Header, part: PackPart, name: string): T[] => {
	const meta = header.tables[name];
	if (!meta) throw new PackError(`the ${name} table is missing`);
	return decodeTable<T>(bytes, meta, TABLES[part][name]!);
};

/**
 * The Dataset from a salary pack made by `packDataset(ds, 'salaries')`, built the way the server
 * builds its own; without the Indeed series (`withIndeed` adds them). Throws PackError on
 * anything but a whole, well-formed pack of this version.
 */
export function unpackSalaries(bytes: ArrayBuffer): Dataset {
	const header = readHeader(bytes, 'salaries');
	const meta = header.meta;
	if (!meta) throw new PackError('the salary pack has no description');
	return datasetOf({
		...meta,
		salaries: table<SalaryRow>(bytes, header, 'salaries', 'salaries'),
		cpi: table<CpiRow>(bytes, header, 'salaries', 'cpi'),
		aiShare: [],
		genaiShare: [],
		sectors: []
	});
}

/** The Indeed series of a pack made by `packDataset(ds, 'indeed')`. */
export function unpackIndeed(bytes: ArrayBuffer): Pick<Dataset, 'aiShare' | 'genaiShare' | 'sectors'> {
	const header = readHeader(bytes, 'indeed');
	return {
		aiShare: table<ShareRow>(bytes, header, 'indeed', 'aiShare'),
		genaiShare: table<ShareRow>(bytes, header, 'indeed', 'genaiShare'),
		sectors: table<SectorIndexRow>(bytes, header, 'indeed', 'sectors')
	};
}

/** A Dataset with the Indeed series added (the salary index is shared, not rebuilt). */
export function withIndeed(ds: Dataset, indeed: Pick<Dataset, 'aiShare' | 'genaiShare' | 'sectors'>): Dataset {
	return { ...ds, ...indeed };
}
