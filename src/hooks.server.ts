import type { Handle, HandleServerError } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { DataIntegrityError, getDataset } from '$lib/server/dataset';
import { withServerHeaders } from '$lib/server/response-headers';
import { CUSTOM_SERVER } from '../server/headers.js';
import { keepServingWhenLogsFail, requestErrorLog } from '../server/log.js';

/**
 * Load, verify and index the data at start-up so the first visitor does not wait for
 * parsing. Missing or altered salaries stop the server (the error reaches server/index.js,
 * which prints it and exits non-zero); a refused Indeed or CPI file is reported here and
 * only the views that need it say so.
 */
export async function init(): Promise<void> {
	// A failed log write (a full disk, a closed pipe) must not stop the server, whatever the entry.
	keepServingWhenLogsFail();
	if (!dev && !building && !(globalThis as Record<symbol, unknown>)[CUSTOM_SERVER])
		console.warn(
			'server: started without server/index.js (e.g. "node build"): pages, page data and the API carry the security headers, ' +
				'but nothing is compressed and static files, other methods and malformed requests are left to adapter-node. ' +
				'Run "node server" (or "npm start") for all of it; see README, "Serving in production".'
		);
	let ds;
	try {
		ds = await getDataset();
	} catch (err) {
		if (err instanceof DataIntegrityError) throw err;
		// Anything else (e.g. a parser bug) is shown on the pages; the server still starts.
		console.error(`data: not loaded at start-up: ${err instanceof Error ? err.message : String(err)}`);
		return;
	}
	for (const s of ds.sources) if (s.message) console.error(`data: ${s.message}`);
}

/**
 * Every response the app makes gets the security headers (server/headers.js), whichever
 * entry serves it. Pages are the same bytes for the same URL and build (CSP by hashes, no
 * nonce), so they carry SvelteKit's ETag: `no-cache` makes browsers revalidate each time
 * and get a 304.
 */
export const handle: Handle = async ({ event, resolve }) => withServerHeaders(await resolve(event));

/**
 * One short line per failed request (server/log.js): a client's error (404, a
 * malformed URL) has no stack trace and a cut URL; a server error a bounded stack. The
 * message shown to the visitor is SvelteKit's default.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	console.error(requestErrorLog({ status, method: event.request.method, url: event.url.pathname + event.url.search, error }));
	return { message };
};
