/** The active filters in words, for chart subtitles, downloads and sentences. */
import { notGivenTicked, type Filters, type NotGivenFacet } from '$lib/transform/filters';
import type { Facet } from '$lib/transform/stats/facets';
import { countryName } from '$lib/data/countries';
import { EXP_LABEL, NOT_GIVEN_LABEL, REGION_LABEL, REMOTE_LABEL, SIZE_LABEL, TYPE_LABEL } from './labels';
import { date } from './index';

/**
 * `describeFilters(DEFAULT_FILTERS) → "Title families · all reports"`;
 * `{ size: ['L'], notGiven: ['size'] } → "Title families · Size: Large (> 250), Not given"`.
 */
export function describeFilters(f: Filters): string {
	const parts: string[] = [f.titles === 'strict' ? 'Exact titles' : 'Title families'];
	const list = <T extends string | number>(facet: NotGivenFacet, label: string, xs: readonly T[], name: (x: T) => string) => {
		const names = [...xs.map(name), ...(notGivenTicked(f, facet) ? [NOT_GIVEN_LABEL] : [])];
		if (names.length > 0) parts.push(`${label}: ${names.join(', ')}`);
	};
	list('size', 'Size', f.size, (s) => SIZE_LABEL[s]);
	list('region', 'Region', f.region, (r) => REGION_LABEL[r]);
	list('country', 'Country', f.country, countryName);
	list('exp', 'Experience', f.exp, (e) => EXP_LABEL[e]);
	list('type', 'Type', f.type, (t) => TYPE_LABEL[t]);
	list('remote', 'Remote', f.remote, (r) => REMOTE_LABEL[r]);
	if (f.from !== null || f.to !== null)
		parts.push(
			f.from === f.to
				? `${f.from}`
				: `${f.from ?? 'to'}${f.from !== null && f.to !== null ? '–' : f.from !== null ? ' on' : ' '}${f.to ?? ''}`.trim()
		);
	if (f.dedupe) parts.push('identical rows once');
	if (f.real) parts.push('real pay');
	if (f.currency !== undefined && f.currency !== 'USD')
		parts.push(f.currency === 'PPP' ? 'pay in international $ at PPP' : `pay in ${f.currency}`);
	if (parts.length === 1) parts.push('all reports');
	return parts.join(' · ');
}

/** The salary source line for captions. */
export function salarySource(dataVersion: string): string {
	return `Source: aijobs.net salaries (CC0), snapshot of ${date(dataVersion)}`;
}

/** The Indeed source line for captions; `through` is the last date shown. */
export function indeedSource(through: string): string {
	return `Source: Indeed Hiring Lab (CC BY 4.0), data through ${date(through)}`;
}

/**
 * One filter's current values in words, quoted, for "Remove 'Large' → 181 reports".
 * `facetLabel('size', { …, size: ['L'] }) → "'Large'"`.
 */
export function facetLabel(facet: Facet, f: Filters): string {
	const names: Record<Exclude<Facet, 'years'>, () => string[]> = {
		size: () => f.size.map((s) => SIZE_LABEL[s]),
		region: () => f.region.map((r) => REGION_LABEL[r]),
		country: () => f.country.map(countryName),
		exp: () => f.exp.map((e) => EXP_LABEL[e]),
		type: () => f.type.map((t) => TYPE_LABEL[t]),
		remote: () => f.remote.map((r) => REMOTE_LABEL[r])
	};
	if (facet === 'years') return `'${f.from ?? '…'}–${f.to ?? '…'}'`;
	return `'${[...names[facet](), ...(notGivenTicked(f, facet) ? [NOT_GIVEN_LABEL] : [])].join(', ')}'`;
}

/** The source line for captions of a page on the user's own file (the name is shown as text only). */
export function yourFileSource(fileName: string): string {
	return `Source: your file ${fileName} (read in this browser only)`;
}
