/**
 * The results Web Worker: runs the /data view models (src/lib/views/your-data.ts, the same
 * pure functions the server uses) on a user's uploaded columns, off the main thread.
 * `new Worker(new URL('./results.ts', import.meta.url), { type: 'module' })`. Glue only.
 */
import type { PostingsColumns, SalaryColumns } from '$lib/data/upload/columns';
import {
	yourPostingsView,
	yourSalariesView,
	type YourDataQuery,
	type YourPostingsModel,
	type YourSalariesModel
} from '$lib/views/your-data';

export type ResultsRequest =
	| {
			readonly id: number;
			readonly kind: 'salaries';
			readonly columns: SalaryColumns;
			readonly fileName: string;
			readonly query: YourDataQuery;
	  }
	| {
			readonly id: number;
			readonly kind: 'postings';
			readonly columns: PostingsColumns;
			readonly fileName: string;
			readonly query: YourDataQuery;
	  };

export type ResultsResponse =
	| { readonly id: number; readonly model: YourSalariesModel | YourPostingsModel; readonly elapsedMs: number }
	| { readonly id: number; readonly error: string };

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<ResultsRequest>) => void) | null;
	postMessage(m: ResultsResponse): void;
};

scope.onmessage = (e) => {
	const req = e.data;
	const t0 = performance.now();
	try {
		const model =
			req.kind === 'salaries' ? yourSalariesView(req.columns, req.fileName, req.query) : yourPostingsView(req.columns, req.query);
		scope.postMessage({ id: req.id, model, elapsedMs: performance.now() - t0 });
	} catch (err) {
		scope.postMessage({
			id: req.id,
			error:
				err instanceof RangeError
					? 'This file is too big for this browser: computing the figures ran out of memory.'
					: `Computing the figures failed: ${err instanceof Error ? err.message : String(err)}`
		});
	}
};
