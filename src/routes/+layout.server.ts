import { error } from '@sveltejs/kit';
import { DATA_VERSION, DataMissingError, getDataset, LICENSES, SOURCES } from '$lib/server/dataset';
import { countryOptions } from '$lib/transform/options';
import { TITLE_MAPPING_VERSION } from '$lib/transform/title-families';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => {
	try {
		const ds = await getDataset();
		return {
			dataVersion: DATA_VERSION,
			titleMappingVersion: TITLE_MAPPING_VERSION,
			countries: countryOptions(ds.salaries),
			sources: SOURCES.map((s) => ({
				id: s.id,
				description: s.description,
				repository: s.repository,
				commit: s.commit,
				url: s.url,
				license: s.license,
				licenseName: LICENSES[s.license]?.name ?? s.license,
				licenseUrl: LICENSES[s.license]?.url ?? '',
				attribution: s.attribution
			}))
		};
	} catch (err) {
		if (err instanceof DataMissingError) error(503, err.message);
		throw err;
	}
};
