import { pageRequest } from '$lib/server/page';
import { overviewView } from '$lib/views/overview';
import type { YourPageQuery } from '$lib/views/your-pages';
import type { PageServerLoad } from './$types';

/** `cyear=` the claim check's work year (four digits) or `all`; anything else → the default (latest full year). */
function parseClaimYear(v: string | null): number | 'all' | null {
	if (v === 'all') return 'all';
	return v !== null && /^\d{4}$/.test(v) ? Number(v) : null;
}

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters, source } = await pageRequest(url);
	const claimYear = parseClaimYear(url.searchParams.get('cyear'));
	// source=yours: the browser computes the model from the user's file (same view function).
	if (source === 'yours') return { source, query: { page: 'overview', filters, claimYear } satisfies YourPageQuery };
	return { source, ...overviewView(data, { filters, claimYear }) };
};
