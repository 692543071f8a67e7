import { clientPage } from '$lib/state/runtime.svelte';
import type { PageLoad } from './$types';

/** In the browser, a filter change is computed there (or asked of the server until the built-in data arrives); see state/runtime.svelte.ts. */
export const load: PageLoad = (e) => clientPage('overview', e);
