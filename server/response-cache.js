/**
 * A small cache of whole API responses in front of SvelteKit, keyed by the exact request
 * URL. The summary bodies are already cached by canonical query inside the app
 * (src/lib/server/summary.ts); this layer skips SvelteKit's per-request work (a web
 * Request, routing, hooks, a streamed Response), which costs about as much as the rest of
 * serving a cached summary. Only GET responses with status 200, a strong ETag and a public
 * Cache-Control are kept: the data and the build are fixed for the life of the process.
 * Bounded by entries and by bytes; least recently used first out. A hit says so in
 * `x-cache: hit`, as a page from ./page-cache.js does.
 */
import { BoundedCache } from './bounded-cache.js';

/** Paths whose responses may be kept (their bodies depend only on the URL). */
const CACHEABLE = new Set(['/api/summary.csv', '/api/summary.json']);
/** Response headers replayed on a hit (the security headers are set on every response anyway). */
const KEPT_HEADERS = ['content-type', 'etag', 'cache-control', 'content-disposition'];

/**
 * @typedef {{ headers: Record<string, string>, body: Buffer, etag: string }} Entry
 */

export class ResponseCache {
	/**
	 * @param {number} maxEntries
	 * @param {number} maxBytes
	 */
	constructor(maxEntries, maxBytes) {
		/** @type {BoundedCache<Entry>} */
		this.cache = new BoundedCache(maxEntries, maxBytes, (e) => e.body.length);
	}

	get size() {
		return this.cache.size;
	}

	get bytes() {
		return this.cache.totalSize;
	}

	/**
	 * Serve `req` from the cache (true), or arrange for its response to be kept and return
	 * false so the caller passes it on. Call it inside the compression middleware, so the
	 * bytes kept and replayed are the uncompressed ones.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	serveOrRecord(req, res) {
		const url = req.url ?? '';
		const q = url.indexOf('?');
		if (req.method !== 'GET' || !CACHEABLE.has(q < 0 ? url : url.slice(0, q))) return false;
		const hit = this.cache.get(url);
		if (hit) {
			const inm = req.headers['if-none-match'];
			if (inm && inm.split(',').some((t) => t.trim() === hit.etag)) {
				res.writeHead(304, { etag: hit.etag, 'cache-control': hit.headers['cache-control'] ?? '', 'x-cache': 'hit' }).end();
			} else res.writeHead(200, { ...hit.headers, 'content-length': String(hit.body.length), 'x-cache': 'hit' }).end(hit.body);
			return true;
		}
		this.#record(url, res);
		return false;
	}

	/**
	 * @param {string} url
	 * @param {import('node:http').ServerResponse} res
	 */
	#record(url, res) {
		/** @type {Buffer[]} */
		const chunks = [];
		const write = res.write;
		const end = res.end;
		/** @param {unknown} chunk */
		const take = (chunk) => {
			if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
			chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(/** @type {any} */ (chunk)));
		};
		/** @type {any} */ (res).write = function (/** @type {any[]} */ ...args) {
			take(args[0]);
			return write.apply(this, /** @type {any} */ (args));
		};
		/** @type {any} */ (res).end = (/** @type {any[]} */ ...args) => {
			take(args[0]);
			const etag = String(res.getHeader('etag') ?? '');
			const cacheControl = String(res.getHeader('cache-control') ?? '');
			if (res.statusCode === 200 && /^"[^"]+"$/.test(etag) && /\bpublic\b/.test(cacheControl)) {
				/** @type {Record<string, string>} */
				const headers = {};
				for (const name of KEPT_HEADERS) {
					const v = res.getHeader(name);
					if (v !== undefined) headers[name] = String(v);
				}
				this.cache.set(url, { headers, body: Buffer.concat(chunks), etag });
			}
			return end.apply(res, /** @type {any} */ (args));
		};
	}
}
