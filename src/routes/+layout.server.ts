import { DATA_VERSION, requireDataset, LICENSES, SOURCES, type Dataset } from '$lib/server/dataset';
import { countryOptions, type CountryOption } from '$lib/transform/options';
import { TITLE_MAPPING_VERSION } from '$lib/transform/title-families';
import { parseFilters } from '$lib/state/url-filters';
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

// The country list depends only on the data: compute it once per loaded dataset.
const countriesOf = new WeakMap<Dataset, CountryOption[]>();

/** Pages without the filter panel (nothing there is filtered). */
const UNFILTERED = new Set(['/methodology', '/titles']);

export const load: LayoutServerLoad = async ({ url }) => {
	const ds = await requireDataset();
	let countries = countriesOf.get(ds);
	if (!countries) countriesOf.set(ds, (countries = countryOptions(ds.salaries)));
	const filtered = !UNFILTERED.has(url.pathname);
	// Option counts beside each filter option, and the "remove one filter" hint for small views.
	const facets = filtered ? facetsView(ds, parseFilters(url.searchParams).filters) : null;
	return { dataVersion: DATA_VERSION, titleMappingVersion: TITLE_MAPPING_VERSION, countries, sources, facets, filtered };
};
