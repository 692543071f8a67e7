/**
 * The filter state of the current view, read from the URL (the single source of truth)
 * and changed by navigating, so back/forward and shared links just work.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { Filters } from '$lib/transform/filters';
import { filtersToQuery } from '$lib/format/query';
import { FILTER_PARAMS, parseFilters } from '$lib/query/url-filters';

export class FilterState {
	/** Filters parsed from the current URL. */
	readonly parsed = $derived(parseFilters(page.url.searchParams));
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
