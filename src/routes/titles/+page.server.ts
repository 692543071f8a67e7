import { pageRequest } from '$lib/server/page';
import { titlesView } from '$lib/views/titles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters } = await pageRequest(url);
	return titlesView(data, { filters });
};
