import type { Handle } from '@sveltejs/kit';
import { DataIntegrityError, getDataset } from '$lib/server/dataset';

/**
 * Load, verify and index the data at start-up so the first visitor does not wait for
 * parsing. Missing or altered salaries stop the server (the error reaches server/index.js,
 * which prints it and exits non-zero); a refused Indeed or CPI file is reported here and
 * only the views that need it say so.
 */
export async function init(): Promise<void> {
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
 * Pages are the same bytes for the same URL and build (CSP by hashes, no nonce), so they
 * carry SvelteKit's ETag: `no-cache` makes browsers revalidate each time and get a 304.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.headers.get('content-type')?.startsWith('text/html') && !response.headers.has('cache-control'))
		response.headers.set('cache-control', 'no-cache');
	return response;
};
