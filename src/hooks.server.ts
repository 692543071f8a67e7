import { getDataset } from '$lib/server/dataset';

/** Load and index the data at start-up so the first visitor does not wait for parsing. */
export async function init(): Promise<void> {
	try {
		await getDataset();
	} catch (err) {
		// Pages will show the reason (e.g. "run npm run data"); the server still starts.
		console.error(`data: not loaded at start-up: ${err instanceof Error ? err.message : String(err)}`);
	}
}
