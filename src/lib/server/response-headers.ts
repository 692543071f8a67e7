/**
 * Headers every response of the app carries, whichever entry serves it: `node server`
 * (server/index.js), adapter-node's own `node build`, or `vite preview`. The app's `handle`
 * hook (src/hooks.server.ts) applies them, so they no longer depend on the custom server;
 * the list itself lives in server/headers.js, which the custom server also sets on what
 * never reaches the app (static files, 405s, parser errors).
 */
import { SECURITY_HEADERS } from '../../../server/headers.js';

/**
 * `response` with, where it has none of its own:
 * - each security header (SvelteKit's page CSP, set from svelte.config.js, is kept; other
 *   responses get the `default-src 'none'` fallback);
 * - `Cache-Control: no-cache` on HTML (pages carry an ETag: browsers revalidate and get a 304);
 * - a plain-text content type on an error (4xx/5xx).
 * A response whose headers are immutable (e.g. from `Response.redirect`) is copied first.
 */
export function withServerHeaders(response: Response): Response {
	const missing: [string, string][] = Object.entries(SECURITY_HEADERS).filter(([name]) => !response.headers.has(name));
	const type = response.headers.get('content-type');
	if (type?.startsWith('text/html') && !response.headers.has('cache-control')) missing.push(['cache-control', 'no-cache']);
	if (response.status >= 400 && !type) missing.push(['content-type', 'text/plain; charset=utf-8']);
	if (missing.length === 0) return response;
	let out = response;
	try {
		for (const [name, value] of missing) out.headers.set(name, value);
	} catch {
		out = new Response(response.body, response);
		for (const [name, value] of missing) out.headers.set(name, value);
	}
	return out;
}
