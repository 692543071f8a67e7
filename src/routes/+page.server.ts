import { pageRequest } from '$lib/server/page';
import { overviewView } from '$lib/views/overview';
import type { PageServerLoad } from './$types';

/** `cyear=` the claim check's work year (four digits) or `all`; anything else → the default (latest full year). */
function parseClaimYear(v: string | null): number | 'all' | null {
	if (v === 'all') return 'all';
	return v !== null && /^\d{4}$/.test(v) ? Number(v) : null;
}

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters } = await pageRequest(url);
	return overviewView(data, { filters, claimYear: parseClaimYear(url.searchParams.get('cyear')) });
};
