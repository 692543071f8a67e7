/**
 * A bounded cache of rendered pages in front of SvelteKit: the HTML of a page and its
 * `__data.json` (the data SvelteKit's client navigation fetches), kept by path and canonical
 * query (./page-key.js), so a repeated view is neither loaded, computed nor rendered again.
 *
 * Why it may: a page's bytes are a function of its URL, the build and the data, and the last
 * two are fixed for the life of the process (the data is loaded and verified once at start;
 * a failed load answers 503, which is not kept). Pages have no per-request nonce (the CSP
 * allows scripts by hash, svelte.config.js), no time stamp and no cookie; `source=yours`
 * pages are the same shell for everyone (the user's file never reaches the server).
 *
 * What is kept, whatever the pages do: GET responses with status 200 whose content type is
 * HTML (or JSON for a `__data.json` path, unless it carries a load's error or redirect) and
 * whose headers say they are the same for every client: no Set-Cookie, no Content-Encoding
 * of the app's own, no Vary but Accept-Encoding (SvelteKit adds `Vary: Accept` where a route
 * answers both a page and an endpoint).
 * Requests with a Cookie or Authorization header are passed to the app and not kept (the
 * app reads neither today; a page that starts to, stays correct). Static files (`/_app/…`,
 * paths with a file extension) and the API are not looked at.
 *
 * A hit replays the kept headers and bytes (with `x-cache: hit`), answers a matching
 * If-None-Match with 304 as SvelteKit does, and HEAD with the headers alone. It is served
 * before the compression middleware: a client that accepts brotli or gzip (every browser)
 * gets a compressed copy made once per entry, on the first such request, instead of the
 * middleware compressing 150 KB of /pay on every request (about 90 req/s on two cores). The
 * choice follows the middleware's: brotli, then gzip, by the client's q-values; identity for
 * HEAD, for bodies under 1 KB and for `Cache-Control: no-transform`. A request with
 * `Cache-Control: no-cache` (a browser's hard reload) is rendered again and replaces the
 * entry. Bounded by entries and by bytes (compressed copies included); least recently used
 * first out.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BoundedCache } from './bounded-cache.js';
import { pageKey } from './page-key.js';

/** Headers of the app's response not replayed: Node writes its own for the replayed body. */
const NOT_REPLAYED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'x-cache']);
const DATA_SUFFIX = '/__data.json';

/** Smaller than this, the compression middleware sends a body as it is; so does a hit. */
const COMPRESS_MIN_BYTES = 1024;
/**
 * Brotli quality 5: measured on /pay (152 KB) about 3 ms and 18.8 KB, against 15.7 KB for
 * quality 11 at about 300 ms of blocked event loop; the middleware uses 4.
 */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
/** Set on a request by `serve` for `record`: the request's key, when it may be kept. */
const KEY = Symbol('page-cache key');

/**
 * @typedef {{ headers: Record<string, string | string[]>, body: Buffer, etag: string, size: number,
 *   compressible: boolean, br?: Buffer, gzip?: Buffer }} Entry
 */

/**
 * Whether a request may be looked up or kept: GET or HEAD of a page or its data, without
 * credentials.
 * @param {import('node:http').IncomingMessage} req
 * @returns {string | null} the path (without the query) when it may
 */
function pagePath(req) {
	if (req.method !== 'GET' && req.method !== 'HEAD') return null;
	const url = req.url ?? '';
	if (url[0] !== '/' || url.startsWith('/_app/')) return null;
	if (req.headers.cookie !== undefined || req.headers.authorization !== undefined) return null;
	const q = url.indexOf('?');
	const path = q < 0 ? url : url.slice(0, q);
	// A file (favicon.svg, robots.txt, the API's summary.csv) is never a page; __data.json is a page's data.
	const last = path.slice(path.lastIndexOf('/') + 1);
	return last.includes('.') && !path.endsWith(DATA_SUFFIX) ? null : path;
}

/**
 * Whether the response about to be sent may be kept: its status and the headers the app set.
 * @param {string} path
 * @param {number} status
 * @param {Record<string, unknown>} headers lower-case names
 */
function keepable(path, status, headers) {
	if (status !== 200 || headers['set-cookie'] !== undefined || headers['content-encoding'] !== undefined) return false;
	const type = String(headers['content-type'] ?? '');
	if (!(path.endsWith(DATA_SUFFIX) ? type.startsWith('application/json') : type.startsWith('text/html'))) return false;
	const vary = String(headers.vary ?? '')
		.split(',')
		.map((v) => v.trim().toLowerCase())
		.filter((v) => v !== '' && v !== 'accept-encoding');
	return vary.length === 0;
}

/**
 * A `__data.json` body that holds only data: SvelteKit answers a load's error (a 400 for a bad
 * parameter, a 503 while the data cannot be loaded) or redirect with status 200 and a
 * `{"type":"error",…}` node or a `{"type":"redirect",…}` body; those are not kept (a 503 would
 * outlive its cause). The node wrappers are plain JSON; the data inside them is devalue's
 * indexed form, where no such object literal appears.
 * @param {Buffer} body
 */
function plainData(body) {
	return !body.includes('{"type":"error"') && !body.includes('{"type":"redirect"');
}

/**
 * The encoding a hit is sent in, as the compression middleware would choose it: the higher
 * q-value of brotli and gzip (brotli on a tie; `*` stands for either), identity when neither
 * is acceptable. `chooseEncoding('gzip, deflate, br, zstd') → 'br'`.
 * @param {string | undefined} header
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function chooseEncoding(header) {
	if (!header) return 'identity';
	/** @type {Record<string, number>} */
	const q = {};
	for (const part of header.split(',')) {
		const [coding = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
		const qp = params.find((x) => x.startsWith('q='));
		const value = qp === undefined ? 1 : Number(qp.slice(2));
		if (coding !== '') q[coding] = Number.isFinite(value) ? value : 0;
	}
	const br = q.br ?? q['*'] ?? 0;
	const gzip = q.gzip ?? q['*'] ?? 0;
	if (br <= 0 && gzip <= 0) return 'identity';
	return br >= gzip ? 'br' : 'gzip';
}

/**
 * If-None-Match matches an ETag (weak comparison, as SvelteKit's own 304 and RFC 9110 ask).
 * @param {string | undefined} header
 * @param {string} etag
 */
function matches(header, etag) {
	if (!header || !etag) return false;
	const strip = (/** @type {string} */ t) => t.trim().replace(/^W\//, '');
	return header.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}

export class PageCache {
	/**
	 * @param {number} maxEntries
	 * @param {number} maxBytes
	 */
	constructor(maxEntries, maxBytes) {
		/** @type {BoundedCache<Entry>} */
		this.cache = new BoundedCache(maxEntries, maxBytes, (e) => e.size);
	}

	/** Entries held. */
	get size() {
		return this.cache.size;
	}

	/** Bytes held: bodies, their compressed copies, keys and headers. */
	get bytes() {
		return this.cache.totalSize;
	}

	/**
	 * Serve `req` from the cache: true when answered. Call it before the compression
	 * middleware (a hit is sent compressed or not by this cache), then `record` inside it.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	serve(req, res) {
		const path = pagePath(req);
		if (path === null) return false;
		const key = pageKey(/** @type {string} */ (req.url));
		/** @type {any} */ (req)[KEY] = { key, path };
		const cc = String(req.headers['cache-control'] ?? (req.headers.pragma === 'no-cache' ? 'no-cache' : ''));
		const hit = /(^|,)\s*no-cache\s*(,|$)/i.test(cc) ? undefined : this.cache.get(key);
		if (!hit) return false;
		if (matches(req.headers['if-none-match'], hit.etag)) {
			/** @type {Record<string, string | string[]>} */
			const h = { etag: hit.etag, 'x-cache': 'hit' };
			if (hit.headers['cache-control'] !== undefined) h['cache-control'] = hit.headers['cache-control'];
			res.writeHead(304, h).end();
			return true;
		}
		/** @type {Record<string, string | string[]>} */
		const headers = { ...hit.headers, vary: 'Accept-Encoding', 'x-cache': 'hit' };
		let body = hit.body;
		const encoding = !hit.compressible || req.method === 'HEAD' ? 'identity' : chooseEncoding(req.headers['accept-encoding']);
		if (encoding !== 'identity') {
			body = hit[encoding] ?? this.#compress(key, hit, encoding);
			headers['content-encoding'] = encoding;
		}
		// Node sends no body in answer to HEAD.
		res.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(body);
		return true;
	}

	/**
	 * The entry's body in `encoding`, made once and kept with it (the entry's size grows by it,
	 * which may push older entries out).
	 * @param {string} key
	 * @param {Entry} entry
	 * @param {'br' | 'gzip'} encoding
	 */
	#compress(key, entry, encoding) {
		const packed = encoding === 'br' ? brotliCompressSync(entry.body, BROTLI) : gzipSync(entry.body);
		entry[encoding] = packed;
		entry.size += packed.length;
		this.cache.set(key, entry);
		return packed;
	}

	/**
	 * For a GET that `serve` did not answer and whose page may be kept: arrange for the
	 * response to be kept. Call it inside the compression middleware, so the bytes kept are
	 * the uncompressed ones.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	record(req, res) {
		const at = /** @type {{ key: string, path: string } | undefined} */ (/** @type {any} */ (req)[KEY]);
		if (at !== undefined && req.method === 'GET') this.#record(at.key, at.path, res);
	}

	/**
	 * Keep what the app writes, if its status line says it may be kept (decided when the
	 * headers go out, so a static file or an error is never buffered).
	 * @param {string} key
	 * @param {string} path
	 * @param {import('node:http').ServerResponse} res
	 */
	#record(key, path, res) {
		/** @type {Buffer[] | null} */
		let chunks = null;
		/** @type {Record<string, string | string[]>} */
		const headers = {};
		const cache = this.cache;
		const writeHead = res.writeHead;
		const write = res.write;
		const end = res.end;
		/** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
			// The headers as the app set them, before compression adds its own; a raw header list
			// (never used by adapter-node) is not read, so such an answer is not kept.
			/** @type {Record<string, any>} */
			const all = { ...res.getHeaders() };
			const given = rest.find((r) => r && typeof r === 'object');
			if (given && !Array.isArray(given)) for (const [k, v] of Object.entries(given)) all[k.toLowerCase()] = v;
			if (!Array.isArray(given) && keepable(path, status, all)) {
				chunks = [];
				for (const [k, v] of Object.entries(all))
					if (!NOT_REPLAYED.has(k) && v !== undefined) headers[k] = Array.isArray(v) ? v.map(String) : String(v);
			}
			return writeHead.call(this, status, ...rest);
		};
		/** @param {any} chunk @param {any} encoding */
		const take = (chunk, encoding) => {
			if (chunks === null || chunk === undefined || chunk === null || typeof chunk === 'function') return;
			if (typeof chunk !== 'string') chunks.push(Buffer.from(chunk));
			else chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8'));
		};
		// The status line goes out first (as Node would do implicitly), so the first chunk is
		// already judged by it.
		/** @type {any} */ (res).write = function (/** @type {any[]} */ ...args) {
			if (!res.headersSent) res.writeHead(res.statusCode);
			take(args[0], args[1]);
			return write.apply(this, /** @type {any} */ (args));
		};
		/** @type {any} */ (res).end = function (/** @type {any[]} */ ...args) {
			if (!res.headersSent) res.writeHead(res.statusCode);
			take(args[0], args[1]);
			if (chunks !== null) {
				const body = Buffer.concat(chunks);
				chunks = null;
				if (!path.endsWith(DATA_SUFFIX) || plainData(body)) {
					let size = body.length + key.length;
					for (const [k, v] of Object.entries(headers)) size += k.length + String(v).length;
					const cc = String(headers['cache-control'] ?? '');
					const compressible = body.length >= COMPRESS_MIN_BYTES && !/(^|,)\s*no-transform\s*(,|$)/i.test(cc);
					cache.set(key, { headers, body, etag: String(headers.etag ?? ''), size, compressible });
				}
			}
			return end.apply(this, /** @type {any} */ (args));
		};
	}
}
