import { viewFor } from '$lib/server/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { view } = await viewFor(url, { groupBy: 'workYear' });
	return { view };
};
