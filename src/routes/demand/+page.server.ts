import { pageLoad } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

/** The demand page's model for the URL (first paint, and links with JavaScript off); see lib/server/pages.ts. */
export const load: PageServerLoad = pageLoad('demand');
