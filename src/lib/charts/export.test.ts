import { beforeEach, describe, expect, test } from 'vitest';
import { composeExportSvg, escapeXml, resolveCssVars, safeFilename, svgSize } from './export';

beforeEach(() => {
	expect.hasAssertions();
});

describe('escapeXml', () => {
	test.each([
		['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
		['R&D', 'R&amp;D'],
		['already &amp; escaped', 'already &amp;amp; escaped'],
		['"double" and \'single\'', '&quot;double&quot; and &apos;single&apos;'],
		['" onload="alert(1)', '&quot; onload=&quot;alert(1)'],
		[']]><svg onload=alert(1)>', ']]&gt;&lt;svg onload=alert(1)&gt;'],
		['bell\u0007 and nul\u0000', 'bell and nul'],
		['São Paulo · ≥ $100k — ok', 'São Paulo · ≥ $100k — ok']
	])('%j → %j', (input, want) => {
		const out = escapeXml(input);
		expect(out).toBe(want);
		expect(out).not.toMatch(/[<>"']/);
	});
});

test('resolveCssVars substitutes known variables, keeps fallbacks, leaves unknown ones', () => {
	const vars = { '--ai': '#c45f00', '--ml': '#0072b2' };
	expect(resolveCssVars('fill: var(--ai); stroke: var( --ml )', vars)).toBe('fill: #c45f00; stroke: #0072b2');
	expect(resolveCssVars('fill: var(--nope, red)', vars)).toBe('fill: red');
	expect(resolveCssVars('fill: var(--nope)', vars)).toBe('fill: var(--nope)');
});

test('svgSize reads the viewBox, else width/height', () => {
	expect(svgSize('<svg viewBox="0 0 375 210.5" width="100%"></svg>')).toEqual({ width: 375, height: 210.5 });
	expect(svgSize('<svg width="300" height="150"></svg>')).toEqual({ width: 300, height: 150 });
});

test.each([
	['AI vs ML: pay/2024', 'ai-vs-ml-pay-2024'],
	['../../etc/passwd', 'etc-passwd'],
	['Économie  Gap', 'economie-gap'],
	['', 'chart']
])('safeFilename(%j) = %j', (input, want) => {
	expect(safeFilename(input)).toBe(want);
});

describe('composeExportSvg', () => {
	const chart =
		'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 400 200" width="100%"><title>t</title><!--[--><rect width="10" height="20" style="fill: var(--ai);"></rect><!--]--></svg>';
	const out = composeExportSvg(chart, {
		title: 'Pay gap <script>alert("x")</script> & more',
		subtitle: 'Filters: \'Senior\' & "Large"',
		source: 'Source: <b>ai-jobs.net</b> · data as of 19 Jan 2025',
		vars: { '--ai': '#c45f00', '--bg': '#ffffff', '--fg': '#111111', '--muted': '#555555' }
	});

	test('all header and footer text is escaped; no markup is injected', () => {
		expect(out).not.toContain('<script');
		expect(out).not.toContain('<b>');
		expect(out).toContain('>Pay gap &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</tspan>');
		expect(out).toContain('Filters: &apos;Senior&apos; &amp; &quot;Large&quot;');
		expect(out).toContain('Source: &lt;b&gt;ai-jobs.net&lt;/b&gt; · data as of 19 Jan 2025');
	});

	test('the chart is nested with its viewBox, colours resolved, comments dropped', () => {
		expect(out).toMatch(/<svg x="8" y="\d+(\.\d+)?" width="400" height="200" viewBox="0 0 400 200"/);
		expect(out).toContain('style="fill: #c45f00;"');
		expect(out).not.toContain('<!--');
		expect(out).not.toContain('var(--');
		expect(out.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="416"')).toBe(true);
		expect(out.trimEnd().endsWith('</svg>')).toBe(true);
	});

	test('the file is the chart plus margins, header and footer, and its size is consistent', () => {
		const { width, height } = svgSize(out);
		expect(width).toBe(416);
		expect(height).toBeGreaterThan(200 + 40);
		expect(out).toContain(`<rect width="416" height="${height}" fill="#ffffff"/>`);
	});

	test('a long title wraps to several lines instead of running off the image', () => {
		const long = composeExportSvg(chart, { title: 'word '.repeat(40).trim() });
		const tspans = long.match(/<tspan/g) ?? [];
		expect(tspans.length).toBeGreaterThan(1);
		expect(tspans.length).toBeLessThanOrEqual(3);
	});

	test('notes are drawn under the chart, before the source, escaped', () => {
		const withNotes = composeExportSvg(chart, {
			title: 'T',
			source: 'Source: S',
			notes: ['2025 is a partial year <b>', '  ', 'Box: p25–p75']
		});
		const partial = withNotes.indexOf('2025 is a partial year &lt;b&gt;');
		const box = withNotes.indexOf('Box: p25–p75');
		const source = withNotes.indexOf('Source: S');
		const chartEnd = withNotes.indexOf('</svg>');
		expect(partial).toBeGreaterThan(chartEnd);
		expect(box).toBeGreaterThan(partial);
		expect(source).toBeGreaterThan(box);
		// Two notes (the blank one is dropped) make the file taller than without them.
		expect(svgSize(withNotes).height).toBeGreaterThan(svgSize(composeExportSvg(chart, { title: 'T', source: 'Source: S' })).height + 25);
	});
});
