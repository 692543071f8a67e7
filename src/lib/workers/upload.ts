/**
 * The upload Web Worker (started by state/your-data.svelte.ts). All parsing is in
 * data/upload/parse-file.ts; this file moves messages and, for a salaries file whose pay is in
 * local currency, gives the parser the exchange rates (the server's money tables, fetched on
 * first need and kept while the worker lives; a failed fetch is tried again next time). One job
 * at a time: a new request cancels the running parse (a second file loaded over the first).
 */
import type { RateLookup } from '$lib/data/upload/exchange';
import { blobSource, runParse, sniffSource, transferablesFor, type WorkerRequest, type WorkerResponse } from '$lib/data/upload/parse-file';
import { fetchMoneyTables, rateLookup } from './money-tables';

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(m: WorkerResponse, transfer?: Transferable[]): void;
};

let current: AbortController | null = null;
let rates: Promise<RateLookup> | null = null;

function loadRates(): Promise<RateLookup> {
	if (rates) return rates;
	const p = (rates = fetchMoneyTables().then(rateLookup));
	p.catch(() => {
		if (rates === p) rates = null;
	});
	return p;
}

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
			{ signal: ctl.signal, rates: loadRates }
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
