/**
 * A wide table's wrapper that scrolls (on a phone, say) must be reachable by keyboard and say
 * what it holds, and a reader must see that there is more to the side. `scrollRegion` is a
 * Svelte attachment for that wrapper: while its content overflows it is a focusable, labelled
 * region (`tabindex="0"`, `role="region"`, `aria-label`) marked `data-scrolls` (app.css draws
 * the cue from it: a "scroll sideways" line and a frame); when everything fits again the
 * attributes go, so a table that fits is no extra tab stop.
 *
 *     <div class="table-wrap" {@attach scrollRegion('Claim check table')}>…</div>
 *
 * Without a label the table's caption names the region.
 */
import type { Attachment } from 'svelte/attachments';

/** How an element overflows its box: 'x', 'y', 'xy' or null (it fits). A pixel of rounding is not overflow. */
export function overflowOf(box: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number }): string | null {
	const x = box.scrollWidth > box.clientWidth + 1;
	const y = box.scrollHeight > box.clientHeight + 1;
	return x && y ? 'xy' : x ? 'x' : y ? 'y' : null;
}

export function scrollRegion(label?: string): Attachment<HTMLElement> {
	return (node) => {
		const update = () => {
			const scrolls = overflowOf(node);
			if (scrolls === null) {
				for (const a of ['tabindex', 'role', 'aria-label', 'data-scrolls']) node.removeAttribute(a);
				return;
			}
			const name = label ?? node.querySelector('caption')?.textContent?.replace(/\s+/g, ' ').trim() ?? 'Table';
			node.setAttribute('tabindex', '0');
			node.setAttribute('role', 'region');
			node.setAttribute('aria-label', `${name} (scrolls)`);
			node.setAttribute('data-scrolls', scrolls);
		};
		// Measured only when the browser has laid the page out (a ResizeObserver reports after layout,
		// and fires once at the start): reading the sizes on every DOM change would force a layout in
		// the middle of each update, ~10 ms a filter change on a phone-sized table. The wrapper changes
		// size with the window; the table with the data (rows added, "Show all"): both are observed.
		const resize = new ResizeObserver(update);
		resize.observe(node);
		if (node.firstElementChild) resize.observe(node.firstElementChild);
		return () => resize.disconnect();
	};
}
