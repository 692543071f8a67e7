/**
 * Which mark of a chart shows its tooltip: the one under the pointer or with keyboard focus.
 * Every focusable chart behaves alike: hover or focus shows a mark, leaving or blurring it
 * hides it (unless another mark has taken over meanwhile), Escape hides whatever is shown.
 *
 * ```svelte
 * const active = new ActiveMark<Placed>((p) => p.key);
 * <rect class:active={active.is(p.key)} tabindex="0" role="img" {...active.handlers(p)} />
 * {#if active.current}<Tooltip … />{/if}
 * ```
 */
/** Event handlers to spread on a focusable mark element. */
export interface MarkHandlers {
	readonly onpointerenter: () => void;
	readonly onpointerleave: () => void;
	readonly onfocus: () => void;
	readonly onblur: () => void;
	readonly onkeydown: (e: KeyboardEvent) => void;
}

export class ActiveMark<T> {
	/** The mark whose tooltip is shown, or null. */
	current: T | null = $state(null);
	readonly #key: (mark: T) => string;

	/** `key` names a mark; it must match the key passed to `leave` and `is`. */
	constructor(key: (mark: T) => string) {
		this.#key = key;
	}

	/** Whether the mark with this key is the one shown. */
	is(key: string): boolean {
		return this.current !== null && this.#key(this.current) === key;
	}

	// Arrow properties, so handlers can be passed as `onkeydown={active.onKey}`.

	show = (mark: T): void => {
		this.current = mark;
	};

	/** Hide the mark with this key, if it is still the one shown (pointer left, focus moved). */
	leave = (key: string): void => {
		if (this.is(key)) this.current = null;
	};

	clear = (): void => {
		this.current = null;
	};

	/** The one hover/focus wiring of a focusable mark: pointer and focus show it, leaving or blurring hides it, Escape clears. */
	handlers(mark: T): MarkHandlers {
		const key = this.#key(mark);
		return {
			onpointerenter: () => this.show(mark),
			onpointerleave: () => this.leave(key),
			onfocus: () => this.show(mark),
			onblur: () => this.leave(key),
			onkeydown: this.onKey
		};
	}

	/** Keyboard handler for a mark: Escape hides the tooltip. */
	onKey = (e: KeyboardEvent): void => {
		if (e.key === 'Escape') this.clear();
	};
}
