import { requireDataset } from '$lib/server/dataset';
import { dataTraits } from '$lib/transform/data-traits';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const ds = await requireDataset();
	return { parse: ds.parse, traits: dataTraits(ds.salaries) };
};
