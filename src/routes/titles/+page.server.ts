import { pageRequest } from '$lib/server/page';
import { titlesView } from '$lib/views/titles';
import type { YourPageQuery } from '$lib/views/your-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters, source } = await pageRequest(url);
	// source=yours: the browser computes the model from the user's file (same view function).
	if (source === 'yours') return { source, query: { page: 'titles', filters } satisfies YourPageQuery };
	return { source, ...titlesView(data, { filters }) };
};
