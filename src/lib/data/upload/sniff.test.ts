import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectNewline, sniffBytes, sniffText } from './sniff';
import { fixtureBytes } from './testing/load';

describe('sniffBytes', () => {
	it.each([
		['not-csv.png', 'PNG image'],
		['not-csv.xlsx', '.xlsx workbook']
	])('refuses %s', (name, what) => {
		const r = sniffBytes(fixtureBytes(name));
		expect('error' in r && r.error).toContain(what);
	});
	it('refuses an empty file and binary data, and sees a BOM', () => {
		expect(sniffBytes(fixtureBytes('empty.csv'))).toEqual({ error: 'The file is empty.' });
		expect(sniffBytes(new Uint8Array([0x61, 0x00, 0x62]))).toEqual({ error: 'This is not a CSV file: it contains binary data.' });
		expect(sniffBytes(fixtureBytes('bom.csv'))).toEqual({ bom: true });
		expect(sniffBytes(fixtureBytes('aijobs-salaries.csv'))).toEqual({ bom: false });
	});
});

describe('delimiters and line breaks', () => {
	it.each([
		['a,b,c\n1,2,3\n', ','],
		['a;b;c\n1,5;2;3\n', ';'],
		['a\tb\tc\n1\t2\t3\n', '\t'],
		['title,notes\n"x; y",z\n', ','],
		['only\n1\n', ','],
		['a;b;c\n"x\ny";2;3\n', ';']
	])('%j → %j', (text, want) => {
		expect(detectDelimiter(text)).toBe(want);
	});
	it('detects CRLF, LF and CR', () => {
		expect(detectNewline('a\r\nb')).toBe('\r\n');
		expect(detectNewline('a\nb')).toBe('\n');
		expect(detectNewline('a\rb')).toBe('\r');
	});
});

describe('sniffText', () => {
	const dec = (name: string) => new TextDecoder().decode(fixtureBytes(name));
	it('sniffs the semicolon file with decimal commas', () => {
		const s = sniffText(dec('semicolon-decimal-comma.csv'));
		if ('error' in s) throw new Error(s.error);
		expect(s.delimiter).toBe(';');
		expect(s.detection.kind).toBe('salaries');
		expect(s.numberFormat?.format).toEqual({ thousands: '.', decimal: ',' });
	});
	it('sniffs the tab-separated file', () => {
		const s = sniffText(dec('tab-separated.tsv'));
		if ('error' in s) throw new Error(s.error);
		expect(s.delimiter).toBe('\t');
		expect(s.header).toEqual(['title', 'salary_usd', 'year', 'company_size']);
		expect(s.preview).toHaveLength(3);
	});
	it('sniffs a header-only file (no preview rows) and refuses whitespace', () => {
		const s = sniffText(dec('header-only.csv'));
		if ('error' in s) throw new Error(s.error);
		expect(s.detection.layout).toBe('aijobs');
		expect(s.preview).toEqual([]);
		expect(sniffText(' \n \n')).toEqual({ error: 'The file is empty.' });
	});
	it('leaves a record cut by the end of a partial sample out of the preview', () => {
		const cut = 'title,salary_usd,year\nA,1,2024\nB,2,20';
		const s = sniffText(cut, { complete: false });
		if ('error' in s) throw new Error(s.error);
		expect(s.preview).toEqual([['A', '1', '2024']]);
		const all = sniffText(cut);
		if ('error' in all) throw new Error(all.error);
		expect(all.preview).toHaveLength(2);
	});
	it('detects the data_jobs date format', () => {
		const s = sniffText(dec('data-jobs-postings.csv'));
		if ('error' in s) throw new Error(s.error);
		expect(s.dateFormat).toMatchObject({ format: { kind: 'iso' }, monthOnly: false });
	});
});
