/**
 * Response headers on every response, in one list. The app's `handle` hook sets them on
 * whatever the app answers (pages, page data, API, its errors) whichever entry serves it
 * (src/lib/server/response-headers.ts); the custom server (./index.js) also sets them on
 * what never reaches the app (static files, 405s, parser errors). SvelteKit sets its own
 * Content-Security-Policy on pages (from svelte.config.js, with script hashes);
 * `FALLBACK_CSP` covers everything else, so a CSV, JSON or SVG opened directly cannot run
 * scripts or be framed either.
 */

/** For responses SvelteKit gives no CSP: nothing may load, except inline styles (src/error.html). */
export const FALLBACK_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/**
 * A Web Worker runs under the CSP of its own script's response, not the page's: the app's
 * workers (/_app/immutable/workers/) may load their own chunks and fetch from this origin (the
 * built-in data packs, /api/cpi.json), nothing else.
 */
export const WORKER_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Where the build puts the workers' scripts. */
export const WORKER_PATH = '/_app/immutable/workers/';

/** @type {Readonly<Record<string, string>>} */
export const SECURITY_HEADERS = Object.freeze({
	'content-security-policy': FALLBACK_CSP,
	'x-content-type-options': 'nosniff',
	// Legacy twin of frame-ancestors 'none' for old browsers.
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	// The dashboard uses none of these; copying a link (clipboard) stays allowed.
	'permissions-policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
	'cross-origin-opener-policy': 'same-origin'
});

/**
 * Set on globalThis by server/index.js before it loads the app, so the app's init hook
 * knows whether the full server is in front of it or adapter-node's own entry (`node build`).
 */
export const CUSTOM_SERVER = Symbol.for('ai-vs-ml-pay.custom-server');

/** Methods the app answers; it has no forms or write endpoints. */
export const ALLOWED_METHODS = ['GET', 'HEAD'];

/**
 * The body of a 405: the method (cut, as the client sent it) and what to use instead.
 * @param {string | undefined} method
 */
export function methodNotAllowedBody(method) {
	return `Method not allowed: ${String(method).slice(0, 20)}. This site is read-only; use ${ALLOWED_METHODS.join(' or ')}.\n`;
}

/**
 * Set the security headers on a response before anything else writes it; a later
 * setHeader (SvelteKit's page CSP) replaces the fallback.
 * @param {import('node:http').ServerResponse} res
 * @param {string} [path] the request path: a worker script gets WORKER_CSP
 */
export function setSecurityHeaders(res, path = '') {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	if (path.startsWith(WORKER_PATH)) res.setHeader('content-security-policy', WORKER_CSP);
}

/**
 * The raw HTTP/1.1 bytes of a short plain-text error, for a socket the HTTP parser
 * rejected before any request object existed (431, 400, 408), or one Node hands over
 * without a response object (CONNECT: 405).
 * @param {number} status
 * @param {string} reason
 * @param {string} body
 * @param {Record<string, string>} [extra] more headers, e.g. `allow`
 */
export function rawTextResponse(status, reason, body, extra = {}) {
	const headers = {
		...SECURITY_HEADERS,
		...extra,
		'content-type': 'text/plain; charset=utf-8',
		'content-length': String(Buffer.byteLength(body)),
		'cache-control': 'no-store',
		connection: 'close'
	};
	const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
	return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
