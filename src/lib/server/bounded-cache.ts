/**
 * A least-recently-used cache bounded both by entry count and by total size (e.g. bytes
 * of the cached bodies), so a crawl of many distinct queries cannot grow memory without
 * limit. A Map keeps insertion order: re-inserting on a hit makes the first key the
 * least recently used one.
 */
export class BoundedCache<V> {
	readonly #entries = new Map<string, { value: V; size: number }>();
	#total = 0;

	constructor(
		readonly maxEntries: number,
		readonly maxSize: number,
		private readonly sizeOf: (value: V) => number
	) {}

	get size(): number {
		return this.#entries.size;
	}

	/** Sum of `sizeOf` over the entries held. */
	get totalSize(): number {
		return this.#total;
	}

	get(key: string): V | undefined {
		const hit = this.#entries.get(key);
		if (!hit) return undefined;
		this.#entries.delete(key);
		this.#entries.set(key, hit);
		return hit.value;
	}

	/** Store a value; one larger than the whole budget is not kept. */
	set(key: string, value: V): void {
		const size = this.sizeOf(value);
		const old = this.#entries.get(key);
		if (old) {
			this.#entries.delete(key);
			this.#total -= old.size;
		}
		if (size > this.maxSize) return;
		this.#entries.set(key, { value, size });
		this.#total += size;
		for (const [k, e] of this.#entries) {
			if (this.#entries.size <= this.maxEntries && this.#total <= this.maxSize) break;
			this.#entries.delete(k);
			this.#total -= e.size;
		}
	}
}
