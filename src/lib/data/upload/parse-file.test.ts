import { describe, expect, it } from 'vitest';
import { runParse, sniffSource, transferablesFor, type ChunkSource, type Progress } from './parse-file';
import { bytesSource } from './testing/bytes-source';
import { MAX_FILE_BYTES } from './sniff';
import { fixtureBytes, load, utf8 } from './testing/load';

const sniffOf = async (src: ChunkSource) => {
	const s = await sniffSource(src);
	if (s.type !== 'sniffed') throw new Error(JSON.stringify(s));
	return s.sniff;
};

describe('sniffSource', () => {
	it('refuses a file over 1 GB before reading a byte', async () => {
		let read = false;
		const huge: ChunkSource = {
			size: MAX_FILE_BYTES + 1,
			async head() {
				read = true;
				return new Uint8Array();
			},
			chunks() {
				read = true;
				return bytesSource(new Uint8Array()).chunks();
			}
		};
		expect(await sniffSource(huge)).toMatchObject({ type: 'error', code: 'too-big' });
		expect(await runParse(huge, { sniff: null as never, mapping: null as never }, () => {})).toMatchObject({
			type: 'error',
			code: 'too-big'
		});
		expect(read).toBe(false);
	});
	it.each([
		['empty.csv', 'empty'],
		['not-csv.png', 'not-csv'],
		['not-csv.xlsx', 'not-csv']
	])('%s → %s', async (name, code) => {
		expect(await sniffSource(bytesSource(fixtureBytes(name)))).toMatchObject({ type: 'error', code });
	});
	it('reports the BOM and the size', async () => {
		const s = await sniffSource(bytesSource(fixtureBytes('bom.csv')));
		expect(s).toMatchObject({ type: 'sniffed', bom: true, totalBytes: fixtureBytes('bom.csv').length });
	});
});

describe('runParse', () => {
	const big = utf8('title,salary_usd,year\n' + Array.from({ length: 5000 }, (_, i) => `AI Engineer,${100000 + i},2024`).join('\n') + '\n');

	it('posts progress (bytes, rows, rows/s) as the clock moves, and a last one at the end', async () => {
		const src = bytesSource(big, 4096);
		const sniff = await sniffOf(src);
		let t = 0;
		const progress: Progress[] = [];
		const done = await runParse(src, { sniff, mapping: sniff.detection.mapping! }, (p) => progress.push(p), {
			now: () => (t += 50),
			progressEveryMs: 100
		});
		expect(done.type).toBe('done');
		expect(progress.length).toBeGreaterThan(3);
		const last = progress[progress.length - 1]!;
		expect(last).toMatchObject({ bytesRead: big.length, totalBytes: big.length, rowsRead: 5000 });
		for (let i = 1; i < progress.length; i++) {
			expect(progress[i]!.bytesRead).toBeGreaterThanOrEqual(progress[i - 1]!.bytesRead);
			expect(progress[i]!.rowsRead).toBeGreaterThanOrEqual(progress[i - 1]!.rowsRead);
		}
		// rows/s from the injected clock: rows × 1000 / elapsed ms.
		if (done.type === 'done') expect(done.rowsPerSecond).toBe(Math.round((5000 * 1000) / done.elapsedMs));
	});

	it('stops on cancel and keeps nothing', async () => {
		const src = bytesSource(big, 4096);
		const sniff = await sniffOf(src);
		const ctl = new AbortController();
		let chunks = 0;
		const counting: ChunkSource = {
			...src,
			async *chunks() {
				for await (const c of src.chunks()) {
					if (++chunks === 3) ctl.abort();
					yield c;
				}
			}
		};
		const r = await runParse(counting, { sniff, mapping: sniff.detection.mapping! }, () => {}, { signal: ctl.signal });
		expect(r).toMatchObject({ type: 'error', code: 'cancelled' });
		expect(chunks).toBe(3);
	});

	it('turns running out of memory (a RangeError) into a plain message', async () => {
		const src = bytesSource(big, 4096);
		const sniff = await sniffOf(src);
		const failing: ChunkSource = {
			...src,
			async *chunks() {
				yield big.subarray(0, 4096);
				throw new RangeError('Array buffer allocation failed');
			}
		};
		const r = await runParse(failing, { sniff, mapping: sniff.detection.mapping! }, () => {});
		expect(r.type).toBe('error');
		if (r.type === 'error') {
			expect(r.code).toBe('out-of-memory');
			expect(r.message).toMatch(/^This file is too big for this browser/);
		}
	});

	it('refuses a mapping without the required fields', async () => {
		const src = bytesSource(big);
		const sniff = await sniffOf(src);
		const r = await runParse(
			src,
			{ sniff, mapping: { kind: 'salaries', layout: 'generic', fields: { title: 0 }, payPeriod: 'year' } },
			() => {}
		);
		expect(r).toEqual({
			type: 'error',
			code: 'bad-mapping',
			message: 'Pay in USD (annual unless a pay period is given) is required; Year is required'
		});
	});

	it('a quote that never closes ends as one ragged, listed row', async () => {
		const { done } = await load(utf8('title,salary_usd,year\nA,1,2024\n"B,2,2024\nC,3,2024\n'));
		expect(done.report).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
		expect(done.report.problems[0]).toMatchObject({ line: 3, column: '*' });
	});

	it('hands over every column buffer as a transferable, each once', async () => {
		const { done } = await load('data-jobs-postings.csv');
		const t = transferablesFor(done);
		expect(new Set(t).size).toBe(t.length);
		const c = done.columns;
		if (c.kind !== 'postings') throw new Error('kind');
		for (const a of [
			c.line,
			c.title.codes,
			c.postedMs,
			c.country!.codes,
			c.companyName!.codes,
			c.skills!.codes,
			c.skills!.offsets,
			c.salaryUsd!
		])
			expect(t).toContain(a.buffer);
		expect(transferablesFor({ type: 'error', code: 'failed', message: '' })).toEqual([]);
	});
});
