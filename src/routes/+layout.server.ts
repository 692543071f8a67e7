import { DATA_VERSION, requireDataset, LICENSES, SOURCES } from '$lib/server/dataset';
import { partOf, type DataPart, type Dataset } from '$lib/transform/dataset';
import { countryOptions, yearsOf, type CountryOption } from '$lib/transform/options';
import { TITLE_MAPPING_VERSION } from '$lib/transform/title-families';
import { parseFilters } from '$lib/query/url-filters';
import { parseSource } from '$lib/query/source';
import { facetsView } from '$lib/views/facets';
import type { LayoutServerLoad } from './$types';

const sources = SOURCES.map((s) => ({
	id: s.id,
	description: s.description,
	repository: s.repository,
	commit: s.commit,
	url: s.url,
	license: s.license,
	licenseName: LICENSES[s.license]?.name ?? s.license,
	licenseUrl: LICENSES[s.license]?.url ?? '',
	attribution: s.attribution
}));

// The country and year lists depend only on the data: compute them once per loaded dataset.
const countriesOf = new WeakMap<Dataset, CountryOption[]>();
const yearsOfData = new WeakMap<Dataset, number[]>();

/** What each degradable source is needed for, in words, for the notice on every page. */
const AFFECTS: { parts: readonly DataPart[]; what: string }[] = [
	{ parts: ['cpi'], what: 'Real (inflation-adjusted) pay is unavailable; pay is shown in nominal dollars.' },
	{ parts: ['aiShare', 'genaiShare', 'sectors'], what: 'Part of the Demand page is unavailable.' }
];

/** Pages without the filter panel: nothing there is filtered (/data computes with the default filters). */
const UNFILTERED = new Set(['/methodology', '/titles', '/data']);

export const load: LayoutServerLoad = async ({ url }) => {
	const ds = await requireDataset();
	let countries = countriesOf.get(ds);
	if (!countries) countriesOf.set(ds, (countries = countryOptions(ds.salaries)));
	// The year selects offer the years the data hold (the URL accepts WORK_YEAR_MIN–MAX).
	let years = yearsOfData.get(ds);
	if (!years) yearsOfData.set(ds, (years = yearsOf(ds.salaries)));
	// Refused sources (missing or altered files): which file, what it affects, how to fix it.
	const dataProblems = ds.sources
		.filter((s) => s.state !== 'ok')
		.map((s) => ({ file: s.file, message: s.message!, affects: AFFECTS.find((a) => a.parts.some((p) => p === partOf(s.id)))?.what ?? '' }));
	// On the user's data (source=yours) the browser counts the options from the file; /demand on a
	// postings file is not filtered by the salary filters.
	const yours = parseSource(url.searchParams).source === 'yours';
	const filtered = !UNFILTERED.has(url.pathname) && !(yours && url.pathname === '/demand');
	// Option counts beside each filter option, and the "remove one filter" hint for small views.
	const facets = filtered && !yours ? facetsView(ds, parseFilters(url.searchParams).filters) : null;
	return {
		dataVersion: DATA_VERSION,
		titleMappingVersion: TITLE_MAPPING_VERSION,
		countries,
		years,
		sources,
		dataProblems,
		facets,
		filtered
	};
};
