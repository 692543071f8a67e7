/**
 * The streaming row processor: takes records (arrays of string cells, as papaparse gives
 * them, chunk by chunk) and a confirmed mapping, and builds compact columns plus the
 * validation report. Rows with any bad mapped cell are rejected whole; every bad cell is
 * a problem with line, column, raw value and reason. accepted + rejected = read, always.
 *
 * Line numbers are physical lines (header = line 1); a quoted cell holding line breaks
 * moves the next row's line on, as in `data/schema.ts`. Blank lines are rejected as
 * "blank line", except trailing blank lines at the end of the file, which are not rows.
 */
import { toCsv } from '../../csv/write';
import { regionOf } from '../countries';
import {
	companySizeCode,
	countryCode,
	currencyCode,
	employmentCode,
	experienceCode,
	remoteCode,
	skillList,
	text,
	workYear
} from './coerce';
import { DictBuilder, Growable, ListBuilder, type PostingsColumns, type SalaryColumns, type UploadColumns } from './columns';
import { noRateReason, NO_CURRENCY, type ExchangeUse, type RateLookup } from './exchange';
import { needsConversion, type ColumnMapping, type Field, type PostingField, type SalaryField } from './fields';
import {
	HOURS_PER_YEAR,
	PAY_FACTOR,
	TOO_LARGE,
	annualUsd,
	failed,
	parseDate,
	parseDecimal,
	parseMoney,
	payPeriodOf,
	type DateFormat,
	type NumberFormat,
	type Parsed
} from './values';

export interface ProcessOptions {
	readonly mapping: ColumnMapping;
	readonly header: readonly string[];
	readonly numberFormat: NumberFormat;
	/** Needed for postings (the posted date). */
	readonly dateFormat?: DateFormat;
	/** Problems listed in full (the rest are only counted). */
	readonly maxProblems?: number;
	/** Rejected rows kept for "Download rejected rows"; the rest are counted in `rejectedNotKept`. */
	readonly maxRejectedKept?: number;
	/** Examples kept per field where the raw text differs from the plain value (`$120k` → 120000). */
	readonly maxConversions?: number;
	/**
	 * Exchange rates, required when the mapping's pay is in local currency without a US$ column
	 * (`needsConversion`): each row's pay in US dollars is its annual local pay ÷ the rate of its
	 * currency and work year; a row whose currency has no rate is rejected with that reason.
	 */
	readonly rates?: RateLookup;
}

export interface Problem {
	readonly line: number;
	/** Header name of the column, or `*` for a whole-row problem. */
	readonly column: string;
	/** The raw text (clipped to 200 characters). */
	readonly value: string;
	readonly reason: string;
}

export interface RejectedRow {
	readonly line: number;
	readonly cells: readonly string[];
	readonly reason: string;
}

/** A raw value and what it was read as, shown for confirmation. */
export interface Conversion {
	readonly field: Field;
	readonly column: string;
	readonly raw: string;
	readonly value: number;
}

export interface UploadReport {
	readonly rowsRead: number;
	readonly accepted: number;
	readonly rejected: number;
	/** Rows rejected per `column: reason` (a row with two bad cells counts under both). */
	readonly reasons: Readonly<Record<string, number>>;
	readonly problems: readonly Problem[];
	/** Problems beyond `maxProblems`, counted only. */
	readonly problemsNotListed: number;
	readonly rejectedRows: readonly RejectedRow[];
	readonly rejectedNotKept: number;
	readonly conversions: readonly Conversion[];
	/**
	 * Accepted salary rows whose year the file marks as estimated (`2021e`, older aijobs.net
	 * exports): read as that year, counted here and marked on /trends. Absent in reports kept
	 * before it existed; 0 for postings.
	 */
	readonly estimatedYears?: number;
	/**
	 * Salaries converted to US dollars (a file without a US$ column): the rate used per currency
	 * and work year, with the accepted rows converted at it. Absent when nothing was converted.
	 */
	readonly exchange?: readonly ExchangeUse[];
}

export interface ProcessResult {
	readonly columns: UploadColumns;
	readonly report: UploadReport;
}

const MAX_VALUE_CHARS = 200;
const clip = (s: string) => (s.length > MAX_VALUE_CHARS ? s.slice(0, MAX_VALUE_CHARS) + '…' : s);

/** Writes one cell of row `i` into its column, or returns why it cannot. */
type CellWriter = (raw: string, i: number, record: readonly string[]) => string | null;

interface Writer {
	readonly field: Field;
	readonly col: number;
	readonly write: CellWriter;
}

export interface RowProcessor {
	/** Feed records in file order; the first record ever fed is the header. `quoted`: the chunk had a `"`. */
	push(records: readonly (readonly string[])[], quoted?: boolean): void;
	/** Rows read so far (header excluded). */
	readonly rowsRead: number;
	/** The physical line (header = 1) the next record starts on. */
	readonly nextLine: number;
	finish(): ProcessResult;
}

export function createRowProcessor(opts: ProcessOptions): RowProcessor {
	const { mapping, header } = opts;
	const maxProblems = opts.maxProblems ?? 100;
	const maxKept = opts.maxRejectedKept ?? 10_000;
	const maxConv = opts.maxConversions ?? 5;
	const fmt = opts.numberFormat;
	const f = mapping.fields;
	const has = (k: Field) => f[k] !== undefined;

	const line = new Growable((n) => new Uint32Array(n));
	const title = new DictBuilder();
	const conversions: Conversion[] = [];
	const convCount = new Map<Field, number>();
	const noteConversion = (field: Field, raw: string, value: number, column = header[f[field]!] ?? field) => {
		if (raw === String(value)) return;
		const c = convCount.get(field) ?? 0;
		if (c >= maxConv) return;
		convCount.set(field, c + 1);
		conversions.push({ field, column, raw: clip(raw), value });
	};

	const writers: Writer[] = [];
	const add = (field: Field, write: CellWriter) => {
		const col = f[field];
		if (col !== undefined) writers.push({ field, col, write });
	};
	const enumCol = (field: Field, code: (raw: string) => Parsed<number>) => {
		if (!has(field)) return null;
		const g = new Growable((n) => new Int8Array(n));
		add(field, (raw, i) => {
			if (raw === '') {
				g.arr[i] = -1;
				return null;
			}
			const v = code(raw);
			if (failed(v)) return v.error;
			g.arr[i] = v;
			return null;
		});
		return g;
	};
	const dictCol = (field: Field, coerce: (raw: string) => Parsed<string>) => {
		if (!has(field)) return null;
		const d = new DictBuilder();
		add(field, (raw, i) => {
			if (raw === '') {
				d.codes.arr[i] = -1;
				return null;
			}
			const v = coerce(raw);
			if (failed(v)) return v.error;
			d.codes.arr[i] = d.code(v);
			return null;
		});
		return d;
	};

	// A title is kept as written (as the built-in parser keeps it, so the built-in file uploaded
	// gives the same titles), at most MAX_TEXT_CHARS; matching it to a family is transform's job.
	add('title', (raw, i) => {
		const v = text(raw);
		if (failed(v)) return v.error;
		title.codes.arr[i] = title.code(v);
		return null;
	});

	/** Pay period per row: the mapped column's value, else the mapping's default. */
	const periodCol = mapping.layout === 'data_jobs' ? undefined : f.payPeriod;
	const factorOf = (record: readonly string[]): Parsed<number> => {
		if (periodCol === undefined) return PAY_FACTOR[mapping.payPeriod];
		const raw = (record[periodCol] ?? '').trim();
		if (raw === '') return PAY_FACTOR[mapping.payPeriod];
		const p = payPeriodOf(raw);
		return p === null ? { error: 'unknown pay period' } : PAY_FACTOR[p];
	};

	const growables: Growable<Int8Array | Uint8Array | Uint16Array | Float64Array | Uint32Array>[] = [line];
	const dicts: DictBuilder[] = [title];
	let build: (n: number) => UploadColumns;
	/** Salaries converted from local currency: the rates used by the accepted rows (see finish). */
	let exchangeOf: ((c: SalaryColumns) => ExchangeUse[]) | null = null;

	if (mapping.kind === 'salaries') {
		const salaryUsd = new Growable((n) => new Float64Array(n));
		const year = new Growable((n) => new Uint16Array(n));
		const est = new Growable((n) => new Uint8Array(n));
		const convert = needsConversion(mapping);
		const rates = opts.rates;
		if (convert && !rates) throw new Error('pay in local currency without a US$ column needs exchange rates');
		add('salaryUsd', (raw, i, record) => {
			const v = parseMoney(raw, { format: fmt, usd: true });
			if (failed(v)) return v.error;
			const k = factorOf(record);
			if (failed(k)) return k.error;
			const a = annualUsd(v * k);
			if (failed(a)) return a.error;
			salaryUsd.arr[i] = a;
			noteConversion('salaryUsd', raw, a);
			return null;
		});
		add('year', (raw, i) => {
			const v = workYear(raw);
			if (failed(v)) return v.error;
			year.arr[i] = v.year;
			est.arr[i] = v.estimated ? 1 : 0;
			return null;
		});
		const companySize = enumCol('companySize', companySizeCode);
		// As the built-in parser: a salary's country must have a continent (the region filter).
		const country = dictCol('country', (raw) => {
			const v = countryCode(raw);
			return failed(v) || regionOf(v) !== null ? v : { error: 'country has no region (continent)' };
		});
		const experienceLevel = enumCol('experienceLevel', experienceCode);
		const employmentType = enumCol('employmentType', employmentCode);
		const remoteRatio = enumCol('remoteRatio', remoteCode);
		let salaryLocal: Growable<Float64Array> | null = null;
		if (has('salaryLocal')) {
			const g = (salaryLocal = new Growable((n) => new Float64Array(n)));
			add('salaryLocal', (raw, i, record) => {
				g.arr[i] = NaN;
				// Carried beside a US$ column, local pay is optional; converted, it is the pay.
				if (raw === '' && !convert) return null;
				const v = parseMoney(raw, { format: fmt, usd: false });
				if (failed(v)) return v.error;
				const k = factorOf(record);
				// Beside a US$ column, that column reports a bad pay period (once).
				if (failed(k)) return convert ? k.error : null;
				// Annual, as paid (the US$ pay is annualised too): the rows' `salary`, which a view in
				// that currency shows as it is.
				g.arr[i] = v * k;
				return null;
			});
		}
		const salaryCurrency = dictCol('salaryCurrency', currencyCode);
		const employeeResidence = dictCol('employeeResidence', countryCode);
		/** One currency for the whole file (no currency column): every row's code, so the rows carry it. */
		const fileCurrency = convert && salaryCurrency === null ? new DictBuilder() : null;
		if (convert) {
			// Runs after every cell writer (writers run in the order added): it reads the pay the
			// salaryLocal writer left (NaN when that failed) and the year and currency cells, whose own
			// problems their writers report, and converts.
			const local = salaryLocal!;
			const payCol = f.salaryLocal!;
			const yearCol = f.year;
			const curCol = f.salaryCurrency;
			const code = mapping.payCurrency;
			writers.push({
				field: curCol === undefined ? 'salaryLocal' : 'salaryCurrency',
				col: curCol ?? payCol,
				write: (_raw, i, record) => {
					salaryUsd.arr[i] = NaN;
					const pay = local.arr[i]!;
					const y = yearCol === undefined ? null : workYear((record[yearCol] ?? '').trim());
					if (Number.isNaN(pay) || y === null || failed(y)) return null;
					let cur: string;
					if (curCol === undefined) {
						cur = code!;
						fileCurrency!.codes.arr[i] = fileCurrency!.code(cur);
					} else {
						const raw = (record[curCol] ?? '').trim();
						if (raw === '') return NO_CURRENCY;
						const c = currencyCode(raw);
						if (failed(c)) return null;
						cur = c;
					}
					const rate = rates!(cur, y.year);
					if (rate === null) return noRateReason(cur, y.year);
					salaryUsd.arr[i] = pay / rate.perUsd;
					return null;
				}
			});
			// The US$ bound is the pay column's problem (a unit or currency mistake there), checked on the converted value.
			writers.push({
				field: 'salaryLocal',
				col: payCol,
				write: (raw, i, record) => {
					const usd = salaryUsd.arr[i]!;
					if (Number.isNaN(usd)) return null;
					const a = annualUsd(usd);
					if (failed(a)) return a.error;
					const cur = curCol === undefined ? code! : (record[curCol] ?? '').trim().toUpperCase();
					noteConversion('salaryUsd', `${raw} ${cur}`, a, header[payCol]);
					return null;
				}
			});
			exchangeOf = (c) => exchangeUses(c, rates!);
		}
		growables.push(salaryUsd, year, est);
		for (const g of [companySize, experienceLevel, employmentType, remoteRatio, salaryLocal]) if (g) growables.push(g);
		for (const d of [country, salaryCurrency, employeeResidence, fileCurrency]) if (d) dicts.push(d);
		build = (n): SalaryColumns => ({
			kind: 'salaries',
			n,
			freeTextTitles: mapping.layout !== 'aijobs',
			line: line.finish(n),
			title: title.finish(n),
			salaryUsd: salaryUsd.finish(n),
			year: year.finish(n),
			yearEstimated: est.finish(n),
			companySize: companySize?.finish(n) ?? null,
			country: country?.finish(n) ?? null,
			experienceLevel: experienceLevel?.finish(n) ?? null,
			employmentType: employmentType?.finish(n) ?? null,
			remoteRatio: remoteRatio?.finish(n) ?? null,
			salaryLocal: salaryLocal?.finish(n) ?? null,
			salaryCurrency: (salaryCurrency ?? fileCurrency)?.finish(n) ?? null,
			employeeResidence: employeeResidence?.finish(n) ?? null,
			fields: (Object.keys(f) as SalaryField[]).filter((k) => k !== 'payPeriod')
		});
	} else {
		const dateFormat = opts.dateFormat ?? { kind: 'iso' };
		const posted = new Growable((n) => new Float64Array(n));
		let monthOnly = true;
		add('postedDate', (raw, i) => {
			const v = parseDate(raw, dateFormat);
			if (failed(v)) return v.error;
			posted.arr[i] = v;
			if (monthOnly && !/^\d{4}-\d{2}$/.test(raw)) monthOnly = false;
			return null;
		});
		const companyName = dictCol('companyName', text);
		const companySize = enumCol('companySize', companySizeCode);
		const country = dictCol('country', countryCode);
		let skills: ListBuilder | null = null;
		if (has('skills')) {
			const b = (skills = new ListBuilder());
			add('skills', (raw, i) => {
				const v = skillList(raw);
				if (failed(v)) return v.error;
				b.set(i, v);
				return null;
			});
		}
		let salaryUsd: Growable<Float64Array> | null = null;
		if (has('salaryUsd') || has('salaryHourly')) {
			const g = (salaryUsd = new Growable((n) => new Float64Array(n)));
			const yearCol = f.salaryUsd;
			const hourCol = f.salaryHourly;
			// One writer on whichever column is mapped first; it reads both cells itself.
			const field: Field = yearCol !== undefined ? 'salaryUsd' : 'salaryHourly';
			add(field, (_raw, i, record) => {
				const y = yearCol === undefined ? '' : (record[yearCol] ?? '').trim();
				const h = hourCol === undefined ? '' : (record[hourCol] ?? '').trim();
				if (y !== '') {
					const v = parseMoney(y, { format: fmt, usd: true });
					if (failed(v)) return v.error;
					const k = factorOf(record);
					if (failed(k)) return k.error;
					const a = annualUsd(v * k);
					if (failed(a)) return a.error;
					g.arr[i] = a;
					noteConversion('salaryUsd', y, a);
				} else if (h !== '') {
					const v = parseMoney(h, { format: fmt, usd: true });
					if (failed(v)) return `hourly pay: ${v.error}`;
					const a = annualUsd(v * HOURS_PER_YEAR);
					if (failed(a)) return `hourly pay: ${a.error}`;
					g.arr[i] = a;
					noteConversion('salaryHourly', h, a);
				} else g.arr[i] = NaN;
				return null;
			});
		}
		let count: Growable<Float64Array> | null = null;
		if (has('count')) {
			const g = (count = new Growable((n) => new Float64Array(n)));
			add('count', (raw, i) => {
				const v = parseDecimal(raw, fmt);
				if (failed(v) && v.error === TOO_LARGE) return TOO_LARGE;
				if (failed(v) || !Number.isInteger(v)) return 'count is not a whole number ≥ 0';
				g.arr[i] = v;
				return null;
			});
		}
		growables.push(posted);
		for (const g of [companySize, salaryUsd, count]) if (g) growables.push(g);
		for (const d of [companyName, country]) if (d) dicts.push(d);
		const skillsB = skills;
		build = (n): PostingsColumns => ({
			kind: 'postings',
			n,
			freeTextTitles: mapping.layout !== 'aijobs',
			line: line.finish(n),
			title: title.finish(n),
			postedMs: posted.finish(n),
			monthOnly: n > 0 && monthOnly,
			companyName: companyName?.finish(n) ?? null,
			companySize: companySize?.finish(n) ?? null,
			country: country?.finish(n) ?? null,
			skills: skillsB?.finish(n) ?? null,
			salaryUsd: salaryUsd?.finish(n) ?? null,
			count: count?.finish(n) ?? null,
			fields: (Object.keys(f) as PostingField[]).filter((k) => k !== 'payPeriod' && k !== 'salaryHourly')
		});
	}

	// ---- the loop ----------------------------------------------------------------
	let n = 0; // accepted
	let rowsRead = 0;
	let rejected = 0;
	let nextLine = 1;
	let headerSeen = false;
	const pendingBlank: number[] = [];
	const reasons: Record<string, number> = {};
	const problems: Problem[] = [];
	let problemsNotListed = 0;
	const rejectedRows: RejectedRow[] = [];
	let rejectedNotKept = 0;
	const width = header.length;
	const ensureAll = (k: number) => {
		for (const g of growables) g.ensure(k);
		for (const d of dicts) d.codes.ensure(k);
	};

	const problem = (p: Problem) => {
		const key = `${p.column}: ${p.reason}`;
		reasons[key] = (reasons[key] ?? 0) + 1;
		if (problems.length < maxProblems) problems.push(p);
		else problemsNotListed++;
	};
	const reject = (ln: number, cells: readonly string[], reason: string) => {
		rejected++;
		if (rejectedRows.length < maxKept) rejectedRows.push({ line: ln, cells: cells.slice(), reason });
		else rejectedNotKept++;
	};

	function row(record: readonly string[], ln: number): void {
		rowsRead++;
		if (record.length !== width) {
			const reason = `expected ${width} fields, found ${record.length}`;
			problem({ line: ln, column: '*', value: clip(record.join(',')), reason });
			reject(ln, record, reason);
			return;
		}
		ensureAll(n + 1);
		let why: string[] | null = null;
		for (let w = 0; w < writers.length; w++) {
			const wr = writers[w]!;
			const raw = record[wr.col]!.trim();
			const err = wr.write(raw, n, record);
			if (err !== null) {
				const column = header[wr.col]!;
				problem({ line: ln, column, value: clip(record[wr.col]!), reason: err });
				(why ??= []).push(`${column}: ${err}`);
			}
		}
		if (why) {
			reject(ln, record, why.join('; '));
			return;
		}
		line.arr[n] = ln;
		n++;
	}

	const isBlank = (r: readonly string[]) => r.length === 0 || (r.length === 1 && r[0]!.trim() === '');

	return {
		get rowsRead() {
			return rowsRead + pendingBlank.length;
		},
		get nextLine() {
			return nextLine;
		},
		push(records, quoted = true) {
			for (let r = 0; r < records.length; r++) {
				const record = records[r]!;
				const ln = nextLine;
				nextLine++;
				// Shortcuts: without a quote no cell holds a line break, and a cell without one adds no line.
				// Stryker disable next-line ConditionalExpression: the shortcuts' conditions; dropping them counts the same lines
				if (quoted) for (const cell of record) if (cell.includes('\n')) nextLine += cell.split('\n').length - 1;
				if (!headerSeen) {
					// Lines of blank cells before the header are not rows: the sniff step skips them too
					// (papaparse's 'greedy'), so the header it found is the first line with a cell.
					if (record.some((cell) => cell.trim() !== '')) headerSeen = true;
					continue;
				}
				if (isBlank(record)) {
					pendingBlank.push(ln);
					continue;
				}
				for (const b of pendingBlank) {
					rowsRead++;
					problem({ line: b, column: '*', value: '', reason: 'blank line' });
					reject(b, [], 'blank line');
				}
				pendingBlank.length = 0;
				row(record, ln);
			}
		},
		finish() {
			// Trailing blank lines are the end of the file, not rows.
			pendingBlank.length = 0;
			const columns = build(n);
			let estimatedYears = 0;
			if (columns.kind === 'salaries') for (let i = 0; i < n; i++) estimatedYears += columns.yearEstimated[i]!;
			const exchange = exchangeOf && columns.kind === 'salaries' ? exchangeOf(columns) : null;
			return {
				columns,
				report: {
					rowsRead,
					accepted: n,
					rejected,
					reasons,
					problems,
					problemsNotListed,
					rejectedRows,
					rejectedNotKept,
					conversions,
					estimatedYears,
					...(exchange ? { exchange } : {})
				}
			};
		}
	};
}

/** The rate per currency and work year of converted rows, with how many accepted rows used it; by currency, then year. */
function exchangeUses(c: SalaryColumns, rates: RateLookup): ExchangeUse[] {
	const cur = c.salaryCurrency!;
	const rows = new Map<string, number>();
	for (let i = 0; i < c.n; i++) {
		const key = `${cur.dict[cur.codes[i]!]!}|${c.year[i]!}`;
		rows.set(key, (rows.get(key) ?? 0) + 1);
	}
	return [...rows]
		.map(([key, n]) => {
			const [currency, y] = key.split('|') as [string, string];
			const workYear = Number(y);
			// Every accepted row found its rate when it was read.
			const rate = rates(currency, workYear)!;
			return { currency, workYear, perUsd: rate.perUsd, rateYear: rate.year, rows: n };
		})
		.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : a.workYear - b.workYear));
}

/** "Download rejected rows": the original cells, then the line and the reason; formula-safe. */
export function rejectedRowsCsv(header: readonly string[], report: UploadReport): string {
	// A ragged row's cells beyond the header go in one extra column, so nothing is dropped.
	const cols = [...header, 'extra_fields', 'source_line', 'reject_reason'];
	return toCsv(
		cols,
		report.rejectedRows.map((r) => [...header.map((_, i) => r.cells[i] ?? ''), r.cells.slice(header.length).join(' | '), r.line, r.reason])
	);
}
