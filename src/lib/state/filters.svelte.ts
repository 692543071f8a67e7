/**
 * The filter state of the current view, read from the URL (the single source of truth)
 * and changed by navigating, so back/forward and shared links just work.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { Filters } from '$lib/transform/filters';
import { filtersToQuery } from '$lib/format/query';
import { FILTER_PARAMS, parseFilters } from '$lib/query/url-filters';

/** The last URL query parsed, shared by every FilterState (a page has one per component that reads the filters). */
let last: { readonly search: string; readonly parsed: ReturnType<typeof parseFilters> } | null = null;
function parsedOf(url: URL): ReturnType<typeof parseFilters> {
	if (last?.search !== url.search) last = { search: url.search, parsed: parseFilters(url.searchParams) };
	return last.parsed;
}

export class FilterState {
	/** Filters parsed from the current URL (parsed once per URL for all instances: the same object, so nothing downstream recomputes for an equal copy). */
	readonly parsed = $derived(parsedOf(page.url));
	readonly filters: Filters = $derived(this.parsed.filters);
	readonly errors = $derived(this.parsed.errors);

	/** Query parameters of the current URL that are not filters (e.g. a page's chart options). */
	readonly extras = $derived(
		Object.fromEntries([...page.url.searchParams.entries()].filter(([k]) => !(FILTER_PARAMS as readonly string[]).includes(k)))
	);

	/** The URL of this page with `patch` applied to the filters. */
	href(patch: Partial<Filters>, extra: Record<string, string | null> = {}): string {
		const q = filtersToQuery({ ...this.filters, ...patch }, { ...this.extras, ...extra });
		return `${page.url.pathname}${q ? `?${q}` : ''}`;
	}

	/** Navigate to the view with `patch` applied; focus and scroll stay where they are. */
	set(patch: Partial<Filters>, extra: Record<string, string | null> = {}): Promise<void> {
		return goto(this.href(patch, extra), { keepFocus: true, noScroll: true });
	}

	/** Same filters on another page (and `source=yours` kept when `yours`). */
	linkTo(pathname: string, yours = false): string {
		const q = filtersToQuery(this.filters, yours ? { source: 'yours' } : {});
		return `${pathname}${q ? `?${q}` : ''}`;
	}
}
