/**
 * Production server: adapter-node's `handler` (pages, endpoints and static files) inside
 * a plain Node HTTP server, as adapter-node documents for custom servers, with
 *   - gzip and brotli by Accept-Encoding for everything compressible (the `compression`
 *     middleware; precompressed static files are sent as they are),
 *   - a bounded cache of whole API responses by URL (./response-cache.js),
 *   - security headers on every response (./headers.js),
 *   - 405 for methods other than GET and HEAD (the app has no write endpoints),
 *   - short plain-text bodies for requests the HTTP parser rejects (431, 400, 408),
 *   - exit codes a supervisor can act on: missing or altered salary data or a port in use
 *     exit 1 with one line saying why; SIGINT/SIGTERM close the server, then the process
 *     dies by that signal (status 130/143 in a shell), never 0.
 *
 * `npm start` runs it (after `npm run data` and a build); `node server` works too. PORT
 * (default 3000, 0 for any free port) and HOST (default 0.0.0.0) choose where it listens;
 * the other adapter-node variables (ORIGIN, …) apply as documented.
 */
import http from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import { ALLOWED_METHODS, FALLBACK_CSP, rawTextResponse, setSecurityHeaders } from './headers.js';
import { ResponseCache } from './response-cache.js';

const handlerUrl = new URL('../build/handler.js', import.meta.url);
if (!existsSync(fileURLToPath(handlerUrl))) {
	console.error('server: build/handler.js is missing; run "npm run build" first (or "npm start", which builds).');
	process.exit(1);
}

/** @type {import('polka').Middleware} */
let handler;
try {
	// Importing the handler runs the app's init hook, which loads and verifies the data.
	({ handler } = await import(handlerUrl.href));
} catch (err) {
	console.error(`server: not started: ${err instanceof Error ? err.message : String(err)}`);
	process.exit(1);
}

const compress = compression();
// Whole API responses by exact URL (see response-cache.js): at most 1,000 entries and 16 MB.
const responses = new ResponseCache(1_000, 16 * 1024 * 1024);

/**
 * Last touches to the status line's headers:
 * - a 304 does not carry the fallback CSP: a browser merges a 304's headers into the page it
 *   cached, and the fallback would replace the page's own policy and block its scripts;
 * - every 4xx/5xx carries a content type: a few answers from the handler (e.g. an unknown
 *   file under /_app/) have a short text body and none.
 * @param {http.ServerResponse} res
 */
function finishHeaders(res) {
	const writeHead = res.writeHead;
	/** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
		if (status === 304 && res.getHeader('content-security-policy') === FALLBACK_CSP) res.removeHeader('content-security-policy');
		const headerArg = rest.find((r) => r && typeof r === 'object');
		const typed = res.hasHeader('content-type') || (headerArg && Object.keys(headerArg).some((k) => k.toLowerCase() === 'content-type'));
		if (status >= 400 && !typed) res.setHeader('content-type', 'text/plain; charset=utf-8');
		return writeHead.call(this, status, ...rest);
	};
}
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

const server = http.createServer((req, res) => {
	setSecurityHeaders(res);
	finishHeaders(res);
	if (!ALLOWED_METHODS.includes(req.method ?? '')) {
		const body = `Method not allowed: ${String(req.method).slice(0, 20)}. This site is read-only; use ${ALLOWED_METHODS.join(' or ')}.\n`;
		res.writeHead(405, { allow: ALLOWED_METHODS.join(', '), 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
		res.end(body);
		return;
	}
	compress(/** @type {any} */ (req), /** @type {any} */ (res), () => {
		if (responses.serveOrRecord(req, res)) return;
		handler(req, res, () => {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
		});
	});
});

// Node answers a request its parser rejects with an empty body; say what went wrong instead.
server.on('clientError', (err, socket) => {
	const code = /** @type {NodeJS.ErrnoException} */ (err).code;
	if (code === 'ECONNRESET' || !socket.writable) return socket.destroy();
	const [status, reason, body] =
		code === 'HPE_HEADER_OVERFLOW'
			? [431, 'Request Header Fields Too Large', 'Request header fields too large: send a shorter URL or fewer, smaller headers.\n']
			: code === 'ERR_HTTP_REQUEST_TIMEOUT'
				? [408, 'Request Timeout', 'Request timeout: the request was not received in time.\n']
				: [400, 'Bad Request', 'Bad request: the request is not valid HTTP/1.1.\n'];
	socket.end(rawTextResponse(status, reason, body));
});

server.on('error', (err) => {
	const code = /** @type {NodeJS.ErrnoException} */ (err).code;
	if (code === 'EADDRINUSE')
		console.error(`server: port ${port} is already in use; choose another with PORT=<port>, e.g. PORT=${port + 1} npm start`);
	else if (code === 'EACCES')
		console.error(`server: no permission to listen on port ${port}; choose another with PORT=<port>, e.g. PORT=8080 npm start`);
	else console.error(`server: ${err.message}`);
	process.exit(1);
});

server.listen(port, host, () => {
	const address = server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	console.log(`Listening on http://${host}:${actual}`);
});

/** Close gracefully (at most 5 s for open requests), then die by the same signal. */
function shutdown(/** @type {NodeJS.Signals} */ signal) {
	process.removeAllListeners('SIGINT');
	process.removeAllListeners('SIGTERM');
	server.close(() => process.kill(process.pid, signal));
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), 5_000).unref();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
