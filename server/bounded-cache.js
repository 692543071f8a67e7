/**
 * A least-recently-used cache bounded both by entry count and by total size (e.g. bytes
 * of the cached bodies), so a crawl of many distinct queries cannot grow memory without
 * limit. A Map keeps insertion order: re-inserting on a hit makes the first key the
 * least recently used one. Plain JavaScript (typed with JSDoc) so that both the app
 * (src/lib/server/summary.ts) and the production server (./response-cache.js) use it.
 * @template V
 */
export class BoundedCache {
	/** @type {Map<string, { value: V, size: number }>} */
	#entries = new Map();
	#total = 0;

	/**
	 * @param {number} maxEntries
	 * @param {number} maxSize
	 * @param {(value: V) => number} sizeOf
	 */
	constructor(maxEntries, maxSize, sizeOf) {
		this.maxEntries = maxEntries;
		this.maxSize = maxSize;
		this.sizeOf = sizeOf;
	}

	/** Entries held. */
	get size() {
		return this.#entries.size;
	}

	/** Sum of `sizeOf` over the entries held. */
	get totalSize() {
		return this.#total;
	}

	/**
	 * @param {string} key
	 * @returns {V | undefined}
	 */
	get(key) {
		const hit = this.#entries.get(key);
		if (!hit) return undefined;
		this.#entries.delete(key);
		this.#entries.set(key, hit);
		return hit.value;
	}

	/**
	 * Store a value; one larger than the whole budget is not kept.
	 * @param {string} key
	 * @param {V} value
	 */
	set(key, value) {
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
