import { pageRequest } from '$lib/server/page';
import { overviewView } from '$lib/views/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters } = await pageRequest(url);
	return overviewView(data, { filters });
};
