/**
 * Export a chart as a standalone SVG or PNG file: the chart's SVG with its title, subtitle and
 * source line drawn into it, and every colour resolved (CSS variables and component styles do
 * not travel with a file). The string work is pure and unit-tested; only
 * `inlineComputedStyles`, `svgToPngBlob` and `downloadBlob` need a browser.
 */
import { EXPORT_MARGIN, wrapText } from './layout';

export interface ExportOptions {
	title: string;
	subtitle?: string;
	/** Source and data date, e.g. "Source: ai-jobs.net salaries · data as of 19 Jan 2025". */
	source?: string;
	/** The chart's notes (what a mark means, partial years, source shifts), drawn under the chart. */
	notes?: readonly string[];
	/** Size of the chart itself (without header and footer); defaults to its viewBox. */
	width?: number;
	height?: number;
	/** Values for `var(--name)` left in the markup (string input); also colour the header. */
	vars?: Readonly<Record<string, string>>;
	fontFamily?: string;
}

/** Characters XML 1.0 forbids outright: C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF. */
function xmlAllowed(c: string): boolean {
	const code = c.charCodeAt(0);
	return (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff;
}
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escape text for XML content or a quoted attribute: `escapeXml('a<b & "c"') → 'a&lt;b &amp; &quot;c&quot;'`. */
export function escapeXml(text: string): string {
	// Characters XML 1.0 forbids outright (control codes) are dropped rather than escaped.
	return Array.from(String(text))
		.filter(xmlAllowed)
		.join('')
		.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** Replace `var(--name[, fallback])` with values from `vars`; unknown names keep their fallback, else stay. */
export function resolveCssVars(text: string, vars: Readonly<Record<string, string>>): string {
	return text.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*))?\)/g, (m, name: string, fallback?: string) => {
		const v = vars[name];
		if (v !== undefined && v !== '') return v;
		return fallback !== undefined ? fallback.trim() : m;
	});
}

/** Width and height of an SVG string, from its root's viewBox (else width/height attributes). */
export function svgSize(svg: string): { width: number; height: number } {
	const open = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
	const vb = /\bviewBox\s*=\s*["']([^"']*)["']/i.exec(open)?.[1];
	if (vb) {
		const parts = vb
			.trim()
			.split(/[\s,]+/)
			.map(Number);
		const [, , w, h] = parts;
		if (w !== undefined && h !== undefined && w > 0 && h > 0) return { width: w, height: h };
	}
	const w = Number(/\bwidth\s*=\s*["']([\d.]+)/i.exec(open)?.[1]);
	const h = Number(/\bheight\s*=\s*["']([\d.]+)/i.exec(open)?.[1]);
	return { width: w > 0 ? w : 640, height: h > 0 ? h : 320 };
}

/** A file name safe on every OS: `safeFilename('AI vs ML: pay/2024') → 'ai-vs-ml-pay-2024'`. */
export function safeFilename(name: string): string {
	const s = name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9._-]+/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '')
		.slice(0, 100);
	return s || 'chart';
}

const DEFAULT_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
/** Margin around the exported chart, and the header's left edge (chart margin + legend inset). */
const MARGIN = EXPORT_MARGIN;
const PAD = 12;

/**
 * Wrap a chart's SVG markup into a standalone file: background, title, subtitle, the chart,
 * then the source line. All text is escaped; comments are dropped.
 */
export function composeExportSvg(chartSvg: string, opts: ExportOptions): string {
	const vars = opts.vars ?? {};
	const size = svgSize(chartSvg);
	const chartW = Math.round(opts.width ?? size.width);
	const height = Math.round(opts.height ?? size.height);
	const width = chartW + 2 * MARGIN;
	const open = /<svg\b[^>]*>/i.exec(chartSvg);
	const start = open ? open.index + open[0].length : 0;
	const end = chartSvg.lastIndexOf('</svg>');
	let inner = chartSvg.slice(start, end > start ? end : chartSvg.length).replace(/<!--[\s\S]*?-->/g, '');
	inner = resolveCssVars(inner, vars);

	const fg = vars['--fg'] || '#1b1f24';
	const muted = vars['--muted'] || '#57606a';
	const bg = vars['--bg'] || '#ffffff';
	const font = opts.fontFamily ?? DEFAULT_FONT;
	const textW = width - 2 * PAD;

	const title = wrapText(opts.title, textW / 9, 3);
	const subtitle = opts.subtitle ? wrapText(opts.subtitle, textW / 6.6, 3) : [];
	const source = opts.source ? wrapText(opts.source, textW / 6.1, 3) : [];
	const notes = (opts.notes ?? [])
		.map((n) => n.trim())
		.filter((n) => n !== '')
		.map((n) => wrapText(n, textW / 6.4, 4));

	const header: string[] = [];
	const footer: string[] = [];
	let y = PAD;
	/** Append a text block whose top is at `y`, then move `y` below it. */
	const block = (into: string[], lines: string[], size: number, lh: number, color: string, weight = 400) => {
		if (lines.length === 0) return;
		const spans = lines.map((l, i) => `<tspan x="${PAD}" y="${y + size + i * lh}">${escapeXml(l)}</tspan>`).join('');
		into.push(`<text font-size="${size}" font-weight="${weight}" fill="${escapeXml(color)}">${spans}</text>`);
		y += size + (lines.length - 1) * lh + 6;
	};
	block(header, title, 16, 20, fg, 700);
	block(header, subtitle, 12, 16, muted);
	const chartY = y + 4;
	y = chartY + height + 4;
	for (const n of notes) block(footer, n, 11.5, 15, fg);
	block(footer, source, 11, 15, muted);
	const total = Math.ceil(y + PAD - 6);

	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escapeXml(font)}">`,
		`<rect width="${width}" height="${total}" fill="${escapeXml(bg)}"/>`,
		...header,
		`<svg x="${MARGIN}" y="${chartY}" width="${chartW}" height="${height}" viewBox="0 0 ${size.width} ${size.height}" font-size="12">${inner}</svg>`,
		...footer,
		'</svg>'
	].join('\n');
}

/** Presentation properties copied from the live chart onto the exported copy. */
const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'paint-order',
	'font-family',
	'font-size',
	'font-style',
	'font-weight',
	'text-anchor',
	'dominant-baseline',
	'visibility'
] as const;

/**
 * Browser only. Serialise a live SVG with each element's computed presentation styles written
 * onto it (so `var(--ai)` and component CSS become plain colours) and without classes or
 * focus attributes.
 */
export function inlineComputedStyles(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const from = [svg, ...svg.querySelectorAll('*')];
	const to = [clone, ...clone.querySelectorAll('*')];
	from.forEach((el, i) => {
		const target = to[i];
		if (!target) return;
		const cs = getComputedStyle(el);
		const style = STYLE_PROPS.map((p) => [p, cs.getPropertyValue(p)] as const)
			.filter(([, v]) => v !== '')
			.map(([p, v]) => `${p}:${v}`)
			.join(';');
		const hidden = cs.display === 'none';
		target.setAttribute('style', hidden ? 'display:none' : style);
		target.removeAttribute('class');
		target.removeAttribute('tabindex');
	});
	clone.removeAttribute('role');
	clone.removeAttribute('aria-roledescription');
	return new XMLSerializer().serializeToString(clone);
}

/**
 * The export file for a chart. Given the live `<svg>` (browser), styles are inlined from the
 * page and the header colours come from its CSS variables; given a string, `opts.vars`
 * resolves any `var(--…)`.
 *
 * Exports are light whatever the page's theme: a file is pasted into slides and documents with a
 * white page, where a dark chart (or a transparent one with light text) is unreadable. The copy is
 * styled inside an off-screen `.export-light` element, which app.css gives the light palette, next
 * to the live chart so the chart's own component styles still apply.
 */
export function buildExportSvg(input: SVGSVGElement | string, opts: ExportOptions): string {
	if (typeof input === 'string') return composeExportSvg(input, opts);
	const host = document.createElement('div');
	host.className = 'export-light';
	host.setAttribute('aria-hidden', 'true');
	host.style.cssText = `position:fixed;left:-100000px;top:0;width:${input.clientWidth || 640}px;pointer-events:none;`;
	const copy = input.cloneNode(true) as SVGSVGElement;
	host.append(copy);
	(input.parentElement ?? document.body).append(host);
	try {
		const cs = getComputedStyle(host);
		const vars: Record<string, string> = {};
		for (const name of ['--bg', '--fg', '--muted', '--line', '--panel', '--ai', '--ml', '--ai-soft', '--ml-soft']) {
			vars[name] = cs.getPropertyValue(name).trim();
		}
		const vb = input.viewBox?.baseVal;
		return composeExportSvg(inlineComputedStyles(copy), {
			...opts,
			width: opts.width ?? (vb && vb.width > 0 ? vb.width : undefined),
			height: opts.height ?? (vb && vb.height > 0 ? vb.height : undefined),
			vars: { ...vars, ...opts.vars },
			fontFamily: opts.fontFamily ?? (getComputedStyle(input).fontFamily || undefined)
		});
	} finally {
		host.remove();
	}
}

/** Browser only. Rasterise an SVG string to a PNG at `scale`× its size (2 = sharp on retina). */
export async function svgToPngBlob(svg: string, scale = 2): Promise<Blob> {
	const { width, height } = svgSize(svg);
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const img = new Image();
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The chart image could not be rendered.'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('This browser cannot draw to a canvas.');
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Browser only. Save a blob under a file name via a temporary link. */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
