import { render } from 'svelte/server';
import { compile } from 'svelte/compiler';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import LineChart from './LineChart.svelte';
import BarChart from './BarChart.svelte';
import GapBars from './GapBars.svelte';
import DistributionChart from './DistributionChart.svelte';
import { moneyShort, pctSigned } from '$lib/format';
import { spreadFixtures } from './zz-fixtures';

test('preview', () => {
	const dir = 'src/lib/charts';
	let css = readFileSync('src/app.css', 'utf8');
	for (const f of readdirSync(dir).filter((f) => f.endsWith('.svelte'))) {
		const src = readFileSync(`${dir}/${f}`, 'utf8');
		const out = compile(src, { filename: `${dir}/${f}`, css: 'external', generate: 'server' });
		css += out.css?.code ?? '';
	}
	const fx = spreadFixtures(moneyShort, pctSigned);
	for (const [w, scheme] of [[375, 'light'], [1000, 'light'], [375, 'dark']] as const) {
		const head = `<!doctype html><html><head><meta charset="utf-8"><style>${css} body{padding:8px;width:${w}px; color-scheme:${scheme}}</style></head><body>`;
		const parts = [
			render(LineChart, { props: { ...fx.line, width: w - 16 } }).body + render(BarChart, { props: { ...fx.bar, width: w - 16 } }).body,
			render(BarChart, { props: { ...fx.bar, stacked: true, width: w - 16 } }).body + render(GapBars, { props: { ...fx.gap, width: w - 16 } }).body,
			render(DistributionChart, { props: { ...fx.dist, width: w - 16 } }).body + render(DistributionChart, { props: { ...fx.dist, scale: 'linear', width: w - 16 } }).body
		];
		parts.forEach((p, i) => writeFileSync(`/tmp/preview/p-${w}-${scheme}-${i}.html`, head + p + '</body></html>'));
	}
});
