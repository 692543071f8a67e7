/**
 * The first look at a file at its edges: every signature, a text file that only starts like
 * one, UTF-16 marks, where binary data is looked for, the delimiter vote over the first
 * lines, and the preview's cut.
 */
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectNewline, sniffBytes, sniffText, utf16Order } from './sniff';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('sniffBytes', () => {
	it.each([
		[[0x89, 0x50, 0x4e, 0x47, 0x0d], 'a PNG image'],
		[[0xff, 0xd8, 0xff, 0xe0], 'a JPEG image'],
		[[0x47, 0x49, 0x46, 0x38, 0x39], 'a GIF image'],
		[[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
		[[0x50, 0x4b, 0x03, 0x04, 0x14], 'a ZIP archive (an .xlsx workbook is one: save it as CSV first)'],
		[[0xd0, 0xcf, 0x11, 0xe0, 0xa1], 'an old Excel/Office file (save it as CSV first)'],
		[[0x1f, 0x8b, 0x08], 'a gzip archive (unpack it first)']
	])('%j is %s', (head, what) => {
		expect(sniffBytes(bytes(...head))).toEqual({ error: `This is not a CSV file: it looks like ${what}.` });
	});
	it('reads text that only starts like a signature as text', () => {
		// "GIFT" shares three bytes with GIF8, "Pay" one with a ZIP's "PK", "%PD" most of "%PDF".
		for (const s of ['GIFT,x\n', 'Pay,title\n', '%PDx\n']) expect(sniffBytes(ascii(s))).toEqual({ bom: false });
	});
	it('knows UTF-16 by either byte-order mark, and only by both bytes of one', () => {
		const utf16 = (order: string) => ({
			error: `This file is UTF-16 text (${order}); save it as UTF-8 CSV (in Excel: "CSV UTF-8"; in a text editor: encoding UTF-8) and load it again.`
		});
		expect(sniffBytes(bytes(0xff, 0xfe, 0x61))).toEqual(utf16('little-endian'));
		expect(sniffBytes(bytes(0xfe, 0xff, 0x61))).toEqual(utf16('big-endian'));
		expect(sniffBytes(bytes(0xff, 0x61, 0x62))).toEqual({ bom: false });
		expect(sniffBytes(bytes(0xfe, 0x61, 0x62))).toEqual({ bom: false });
		expect(sniffBytes(bytes(0x61, 0xfe, 0x62))).toEqual({ bom: false });
		expect(sniffBytes(bytes(0x61, 0xff, 0x62))).toEqual({ bom: false });
	});
	it('knows UTF-16 without a byte-order mark by where its zero bytes fall, and names the byte order', () => {
		expect.hasAssertions();
		const text = 'title,salary,year\nAI Engineer,150000,2024\n';
		const le = new Uint8Array(Buffer.from(text, 'utf16le'));
		const be = new Uint8Array(le.length);
		for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
		const noBom = (order: string) => ({
			error: `This file is UTF-16 text (${order}, without a byte-order mark); save it as UTF-8 CSV (in Excel: "CSV UTF-8"; in a text editor: encoding UTF-8) and load it again.`
		});
		expect(utf16Order(le)).toBe('little-endian');
		expect(utf16Order(be)).toBe('big-endian');
		expect(sniffBytes(le)).toEqual(noBom('little-endian'));
		expect(sniffBytes(be)).toEqual(noBom('big-endian'));
		// Accented Latin letters keep a zero high byte too (é is E9 00 in UTF-16LE).
		expect(utf16Order(new Uint8Array(Buffer.from('Résumé,Zürich\n', 'utf16le')))).toBe('little-endian');
		// Fewer than 4 units: not enough to tell; a NUL among them is binary data.
		expect(utf16Order(bytes(0x61, 0, 0x62, 0, 0x63, 0))).toBeNull();
		expect(sniffBytes(bytes(0x61, 0, 0x62, 0, 0x63, 0))).toEqual({ error: 'This is not a CSV file: it contains binary data.' });
		// Zeros in both halves (binary), or in too few units, are not UTF-16.
		expect(utf16Order(bytes(0, 0, 0, 0, 0, 0, 0, 0))).toBeNull();
		expect(utf16Order(bytes(0x61, 0, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69))).toBeNull();
		// 3 of 5 units with a zero high byte (60 %) is enough; a zero low byte too many is not.
		expect(utf16Order(bytes(0x61, 0, 0x62, 0, 0x63, 0, 0x64, 0x65, 0x66, 0x67))).toBe('little-endian');
		expect(utf16Order(bytes(0x61, 0, 0x62, 0, 0, 0x63, 0x64, 0x65, 0x66, 0x67))).toBeNull();
		expect(utf16Order(bytes(0, 0x61, 0, 0x62, 0, 0x63, 0x64, 0x65, 0x66, 0x67))).toBe('big-endian');
		// Exactly 4 units is enough; 1 zero low byte in 20 units (5 %) is still UTF-16, 2 of 20 are not.
		expect(utf16Order(bytes(0x61, 0, 0x62, 0, 0x63, 0, 0x64, 0))).toBe('little-endian');
		const twenty = (zeroLow: number, big = false) => {
			const b = new Uint8Array(40);
			for (let i = 0; i < 20; i++) {
				const letter = i < zeroLow ? 0 : 0x61;
				b[2 * i] = big ? 0 : letter;
				b[2 * i + 1] = big ? letter : 0;
			}
			return b;
		};
		expect(utf16Order(twenty(1))).toBe('little-endian');
		expect(utf16Order(twenty(2))).toBeNull();
		expect(utf16Order(twenty(1, true))).toBe('big-endian');
		expect(utf16Order(twenty(2, true))).toBeNull();
		// Whole units only: a last odd byte is not counted.
		expect(utf16Order(Uint8Array.from([...twenty(1), 0]))).toBe('little-endian');
		// The last unit's high byte counts (3 of 5 with a zero high byte, the last among them).
		expect(utf16Order(bytes(0x61, 0x62, 0x63, 0x64, 0x65, 0, 0x66, 0, 0x67, 0))).toBe('little-endian');
		// One zero low byte in 5 units is not big-endian text.
		expect(utf16Order(bytes(0, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69))).toBeNull();
		// Plain UTF-8 text is read as text.
		expect(sniffBytes(ascii(text))).toEqual({ bom: false });
		// Only the first 4 KiB count: UTF-16 after them is not looked at.
		const late = new Uint8Array(8192).fill(0x61);
		late.set(le.slice(0, 4096), 4096);
		expect(utf16Order(late)).toBeNull();
	});
	it('looks for a NUL byte in the first 4 KiB, up to its last byte', () => {
		const binary = { error: 'This is not a CSV file: it contains binary data.' };
		const head = new Uint8Array(5000).fill(0x61);
		head[4095] = 0;
		expect(sniffBytes(head)).toEqual(binary);
		head[4095] = 0x61;
		head[4096] = 0;
		expect(sniffBytes(head)).toEqual({ bom: false });
		expect(sniffBytes(bytes(0x61, 0x62, 0))).toEqual(binary);
		expect(sniffBytes(bytes(0))).toEqual(binary);
	});
	it('sees a UTF-8 byte-order mark only when all three bytes are there', () => {
		expect(sniffBytes(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ bom: true });
		expect(sniffBytes(bytes(0xef, 0xbb, 0x61))).toEqual({ bom: false });
		expect(sniffBytes(bytes(0xef, 0x61, 0xbf))).toEqual({ bom: false });
		expect(sniffBytes(bytes(0x61, 0xbb, 0xbf))).toEqual({ bom: false });
	});
});

describe('detectNewline', () => {
	it('defaults to LF without any line break, and reads a break at the very start', () => {
		expect(detectNewline('abc')).toBe('\n');
		expect(detectNewline('')).toBe('\n');
		expect(detectNewline('\nabc')).toBe('\n');
		expect(detectNewline('\r\nabc')).toBe('\r\n');
		expect(detectNewline('a\rb\nc')).toBe('\n');
		expect(detectNewline('\na\rb')).toBe('\n');
	});
});

describe('detectDelimiter', () => {
	it('takes the candidate giving the most fields when every complete line agrees', () => {
		// The header splits in 2 by "," and in 3 by ";": the lines agree under both.
		expect(detectDelimiter('a,x;b;c\n1,y;2;3\n4,z;5;6\n')).toBe(';');
		expect(detectDelimiter('a;x,b,c\n1;y,2,3\n4;z,5,6\n')).toBe(',');
		expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
	});
	it('disregards a disagreeing last line (it may be cut) but not a disagreeing middle one', () => {
		expect(detectDelimiter('a;b;c\n1;2;3\n4;5')).toBe(';');
		// ";" gives the header 3 fields, but line 2 has 2: only "," agrees (2 fields everywhere).
		expect(detectDelimiter('a;b;c,d\n1;2,3\n4;5,6\nx,y\n')).toBe(',');
	});
	it('leaves the last line out of the vote, whether or not the text ends with a line break', () => {
		// ";" splits the header in 3, "," in 2; the line "x,y" agrees with "," only.
		expect(detectDelimiter('a;b;c,d\n1;2;3,4\nx,y\n')).toBe(';');
		expect(detectDelimiter('a;b;c,d\n1;2;3,4\nx,y')).toBe(';');
		expect(detectDelimiter('a;b;c,d\n1;2;3,4\nx,y\n5;6;7,8')).toBe(',');
	});
	it('judges on the first six lines only', () => {
		expect(detectDelimiter('a;b;c,d\n' + '1;2;3,4\n'.repeat(5) + '5,6\n'.repeat(3))).toBe(';');
		const head = 'a;b;c\n' + '1;2;3\n'.repeat(4);
		expect(detectDelimiter(head + '1;2;3\n' + 'x\n'.repeat(5))).toBe(';');
	});
	it('falls back to the header alone when no candidate agrees, and to "," when the header has one field', () => {
		expect(detectDelimiter('a;b;c\n"1\n2";3\n4\n5;6')).toBe(';');
		expect(detectDelimiter('a,b;c;d\nx\ny,z\n')).toBe(';');
		expect(detectDelimiter('title\n1;2\n3,4\n')).toBe(',');
		expect(detectDelimiter('')).toBe(',');
	});
	it('uses the line break it is given', () => {
		expect(detectDelimiter('a;b\r\n1;2\r\n', '\r\n')).toBe(';');
		expect(detectDelimiter('a;b\r1;2\r', '\r')).toBe(';');
	});
});

describe('sniffText', () => {
	it('trims header names and refuses a file of empty cells', () => {
		const s = sniffText(' title , salary_usd ,year\nA,1,2024\n');
		if ('error' in s) throw new Error(s.error);
		expect(s.header).toEqual(['title', 'salary_usd', 'year']);
		expect(sniffText(',,\n , \n')).toEqual({ error: 'The first line (the header) is empty.' });
	});
	it('previews at most previewRows rows, and keeps the last one when more follow a partial sample', () => {
		const text = 'title,salary_usd,year\n' + Array.from({ length: 6 }, (_, i) => `T${i},${i + 1},2024`).join('\n');
		const rows = (r: ReturnType<typeof sniffText>) => ('error' in r ? r.error : r.preview.map((p) => p[0]));
		expect(rows(sniffText(text, { previewRows: 3 }))).toEqual(['T0', 'T1', 'T2']);
		expect(rows(sniffText(text, { previewRows: 3, complete: false }))).toEqual(['T0', 'T1', 'T2']);
		expect(rows(sniffText(text, { previewRows: 5, complete: false }))).toEqual(['T0', 'T1', 'T2', 'T3', 'T4']);
		expect(rows(sniffText(text, { previewRows: 6, complete: false }))).toEqual(['T0', 'T1', 'T2', 'T3', 'T4']);
		expect(rows(sniffText(text, { previewRows: 6 }))).toEqual(['T0', 'T1', 'T2', 'T3', 'T4', 'T5']);
		expect(rows(sniffText(text))).toHaveLength(6);
	});
	it('skips blank lines in the preview', () => {
		const s = sniffText('title,salary_usd,year\n\n  \nA,1,2024\n');
		if ('error' in s) throw new Error(s.error);
		expect(s.preview).toEqual([['A', '1', '2024']]);
	});
	it('detects formats on the mapped pay and date columns, and none without them', () => {
		const pay = sniffText('year,title,salary_usd\n2024,A,"95.000,50"\n2024,B,"8.000"\n');
		if ('error' in pay) throw new Error(pay.error);
		expect(pay.numberFormat).toEqual({ format: { thousands: '.', decimal: ',' }, read: 2, total: 2 });
		expect(pay.dateFormat).toBeNull();
		const posts = sniffText('title,date\nA,2023-06\nB\n');
		if ('error' in posts) throw new Error(posts.error);
		expect(posts.dateFormat).toEqual({ format: { kind: 'iso' }, read: 1, total: 1, monthOnly: true });
		expect(posts.numberFormat).toBeNull();
		const none = sniffText('foo,bar\n1,2\n');
		if ('error' in none) throw new Error(none.error);
		expect([none.numberFormat, none.dateFormat, none.detection.mapping]).toEqual([null, null, null]);
	});
	it('gives the delimiter, line break and mapping key of what it read', () => {
		const s = sniffText('title;date\r\nA;2023-06\r\n');
		if ('error' in s) throw new Error(s.error);
		expect([s.delimiter, s.newline, s.header]).toEqual([';', '\r\n', ['title', 'date']]);
		expect(s.mappingKey).toMatch(/^v1-2-/);
	});
});
