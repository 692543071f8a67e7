import { DATA_VERSION, requireDataset, LICENSES, SOURCES, type Dataset } from '$lib/server/dataset';
import { countryOptions, type CountryOption } from '$lib/transform/options';
import { TITLE_MAPPING_VERSION } from '$lib/transform/title-families';
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

export const load: LayoutServerLoad = async () => {
	const ds = await requireDataset();
	let countries = countriesOf.get(ds);
	if (!countries) countriesOf.set(ds, (countries = countryOptions(ds.salaries)));
	return { dataVersion: DATA_VERSION, titleMappingVersion: TITLE_MAPPING_VERSION, countries, sources };
};
