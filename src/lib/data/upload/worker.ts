/**
 * The upload Web Worker: `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 * All logic is in parse-file.ts; this file only moves messages. One job at a time: a new
 * request cancels the running parse (a second file loaded over the first).
 */
import { blobSource, runParse, sniffSource, transferablesFor, type WorkerRequest, type WorkerResponse } from './parse-file';

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(m: WorkerResponse, transfer?: Transferable[]): void;
};

let current: AbortController | null = null;

function send(m: WorkerResponse): void {
	scope.postMessage(m, transferablesFor(m));
}

scope.onmessage = async (e) => {
	const req = e.data;
	current?.abort();
	current = null;
	if (req.type === 'cancel') return;
	try {
		if (req.type === 'sniff') {
			send(await sniffSource(blobSource(req.file)));
			return;
		}
		const ctl = (current = new AbortController());
		const done = await runParse(
			blobSource(req.file),
			{ sniff: req.sniff, mapping: req.mapping, numberFormat: req.numberFormat, dateFormat: req.dateFormat },
			send,
			{ signal: ctl.signal }
		);
		if (current === ctl) current = null;
		send(done);
	} catch (err) {
		send({
			type: 'error',
			code: err instanceof RangeError ? 'out-of-memory' : 'failed',
			message: err instanceof RangeError ? 'This file is too big for this browser.' : String(err)
		});
	}
};
