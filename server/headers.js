/**
 * Response headers the custom server adds to every response (pages, data, API, static
 * files, errors). SvelteKit sets its own Content-Security-Policy on pages (from
 * svelte.config.js, with script hashes); `FALLBACK_CSP` covers everything else, so a CSV,
 * JSON or SVG opened directly cannot run scripts or be framed either.
 */

/** For responses SvelteKit gives no CSP: nothing may load, except inline styles (src/error.html). */
export const FALLBACK_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

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

/** Methods the app answers; it has no forms or write endpoints. */
export const ALLOWED_METHODS = ['GET', 'HEAD'];

/**
 * Set the security headers on a response before anything else writes it; a later
 * setHeader (SvelteKit's page CSP) replaces the fallback.
 * @param {import('node:http').ServerResponse} res
 */
export function setSecurityHeaders(res) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/**
 * The raw HTTP/1.1 bytes of a short plain-text error, for a socket the HTTP parser
 * rejected before any request object existed (431, 400, 408).
 * @param {number} status
 * @param {string} reason
 * @param {string} body
 */
export function rawTextResponse(status, reason, body) {
	const headers = {
		...SECURITY_HEADERS,
		'content-type': 'text/plain; charset=utf-8',
		'content-length': String(Buffer.byteLength(body)),
		'cache-control': 'no-store',
		connection: 'close'
	};
	const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
	return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
