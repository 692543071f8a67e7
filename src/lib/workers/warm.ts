/**
 * Which views the results worker computes before and after it says the built-in data is ready
 * (workers/results.ts): code run once is compiled, so the reader's first filter change does not
 * pay for cold code, nor wait behind a cold view the worker chose itself.
 */
import type { PageId } from '$lib/pages/key';

/** The salary pages warmed up; the others are one view each and run on the same statistics. */
export const WARM_PAGES = ['overview', 'pay', 'trends'] as const;
export type WarmView = { readonly page: (typeof WARM_PAGES)[number]; readonly params: string };

/** The view to warm first: the tab's, on the built-in data (source=… aside) when it is a salary page, else the Overview's default. */
export function warmFirst(first: { readonly page: PageId; readonly params: string } | undefined): WarmView {
	const page = WARM_PAGES.find((p) => p === first?.page);
	if (!page || !first) return { page: 'overview', params: '' };
	const params = new URLSearchParams(first.params);
	params.delete('source');
	return { page, params: params.toString() };
}
