/**
 * Production server: adapter-node's `handler` (pages, endpoints and static files) inside
 * a plain Node HTTP server, as adapter-node documents for custom servers, with
 *   - gzip and brotli by Accept-Encoding for everything compressible (the `compression`
 *     middleware; precompressed static files are sent as they are),
 *   - a bounded cache of whole API responses by URL (./response-cache.js),
 *   - a bounded cache of rendered pages and their `__data.json` by path and canonical query
 *     (./page-cache.js), so the default views are not loaded and rendered on every request,
 *   - security headers on every response (./headers.js; the app's handle hook sets the same
 *     list on what the app answers, so `node build` has them on those too),
 *   - 405 for methods other than GET and HEAD, CONNECT included (the app has no write
 *     endpoints),
 *   - a short plain-text body on every error: requests the HTTP parser rejects (431, 400,
 *     408), a range outside a file (416), anything else that would go out empty;
 *     a Range header sirv would misread is ignored (the whole file, 200),
 *   - logging that cannot stop the server and is bounded per request (./log.js),
 *   - exit codes a supervisor can act on: a bad PORT or HOST, missing or altered salary data
 *     or a port in use exit 1 with one line saying why; SIGINT/SIGTERM close the server,
 *     then the process dies by that signal (status 130/143 in a shell), never 0.
 *
 * `npm start` runs it (after `npm run data` and a build); `node server` works too. PORT
 * (default 3000, 0 for any free port) and HOST (default 0.0.0.0) choose where it listens
 * (./config.js); the other adapter-node variables (ORIGIN, …) apply as documented.
 */
import http from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import { listenAddress } from './config.js';
import { ALLOWED_METHODS, CUSTOM_SERVER, FALLBACK_CSP, methodNotAllowedBody, rawTextResponse, setSecurityHeaders } from './headers.js';
import { keepServingWhenLogsFail, requestErrorLog } from './log.js';
import { PageCache } from './page-cache.js';
import { ResponseCache } from './response-cache.js';

keepServingWhenLogsFail();

const address = listenAddress(process.env);
if (!address.ok) {
	console.error(`server: ${address.message}`);
	process.exit(1);
}
const { port, host } = address;

const handlerUrl = new URL('../build/handler.js', import.meta.url);
if (!existsSync(fileURLToPath(handlerUrl))) {
	console.error('server: build/handler.js is missing; run "npm run build" first (or "npm start", which builds).');
	process.exit(1);
}

/** @type {import('polka').Middleware} */
let handler;
try {
	// The app's init hook (run by this import) warns when this marker is absent.
	/** @type {any} */ (globalThis)[CUSTOM_SERVER] = true;
	// Importing the handler runs the app's init hook, which loads and verifies the data.
	({ handler } = await import(handlerUrl.href));
} catch (err) {
	console.error(`server: not started: ${err instanceof Error ? err.message : String(err)}`);
	process.exit(1);
}

const compress = compression();
// Whole API responses by exact URL (see response-cache.js): at most 1,000 entries and 16 MB.
const responses = new ResponseCache(1_000, 16 * 1024 * 1024);
// Rendered pages and their __data.json by path and canonical query (see page-cache.js): at most
// 1,000 entries and 32 MB (/pay's HTML is about 150 KB, / about 55 KB, a __data.json 15-35 KB).
const pages = new PageCache(1_000, 32 * 1024 * 1024);

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

/**
 * An error that would go out with an empty body gets a short one saying what happened:
 * sirv ends a 416 (a range beyond the file's end) with no body. Installed inside the
 * compression middleware, so it runs before compression sends the headers.
 * @param {http.ServerResponse} res
 */
function bodyOnEveryError(res) {
	const end = res.end;
	/** @type {any} */ (res).end = function (/** @type {any[]} */ ...args) {
		const empty = args[0] === undefined || args[0] === null || typeof args[0] === 'function' || args[0].length === 0;
		if (res.statusCode >= 400 && empty && !res.headersSent) {
			const range = /^bytes \*\/(\d+)$/.exec(String(res.getHeader('content-range') ?? ''));
			const body =
				res.statusCode === 416
					? `Range not satisfiable: ${range ? `the file has ${range[1]} bytes (0 to ${Number(range[1]) - 1})` : 'the range is outside the file'}; ask for a range inside it, or send no Range header.\n`
					: `${res.statusCode} ${http.STATUS_CODES[res.statusCode] ?? 'Error'}\n`;
			res.setHeader('content-length', Buffer.byteLength(body));
			res.setHeader('content-type', 'text/plain; charset=utf-8');
			res.setHeader('cache-control', 'no-store');
			return end.call(this, body);
		}
		return end.apply(this, /** @type {any} */ (args));
	};
}

/**
 * Keep a Range header only when it is one `bytes=first-` or `bytes=first-last` range with
 * first ≤ last, the form sirv reads correctly. Any other (a suffix `bytes=-500`, several
 * ranges, another unit, last < first) is dropped and the whole file sent with 200, which
 * RFC 9110 allows a server to do; sirv would misread them, and `bytes=5-2` made it throw,
 * which stopped this server.
 * @param {http.IncomingMessage} req
 */
function dropUnservableRange(req) {
	const range = req.headers.range;
	if (range === undefined) return;
	const m = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(range.trim());
	if (m && (m[2] === '' || Number(m[1]) <= Number(m[2]))) return;
	delete req.headers.range;
}

/**
 * A 500 for a request whose handling threw (the handler's own errors are answered by
 * SvelteKit; this is for the rest, e.g. the static-file server), logged in bounded form.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {unknown} err
 */
function failed(req, res, err) {
	console.error(requestErrorLog({ status: 500, method: req.method ?? '', url: req.url ?? '', error: err }));
	if (res.headersSent) res.destroy();
	else
		res
			.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
			.end('Internal error: the server could not answer this request.\n');
}

const server = http.createServer((req, res) => {
	setSecurityHeaders(res, req.url ?? '');
	finishHeaders(res);
	if (!ALLOWED_METHODS.includes(req.method ?? '')) {
		res.writeHead(405, { allow: ALLOWED_METHODS.join(', '), 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
		res.end(methodNotAllowedBody(req.method));
		return;
	}
	dropUnservableRange(req);
	try {
		// A kept page is sent as it is kept (compressed once per entry), not through the middleware.
		if (pages.serve(req, res)) return;
	} catch (err) {
		failed(req, res, err);
		return;
	}
	compress(/** @type {any} */ (req), /** @type {any} */ (res), () => {
		bodyOnEveryError(res);
		try {
			if (responses.serveOrRecord(req, res)) return;
			pages.record(req, res);
			handler(req, res, () => {
				res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
			});
		} catch (err) {
			failed(req, res, err);
		}
	});
});

// Node hands a CONNECT (a proxy tunnel) to this event, never to the request handler, and
// closes the socket when nobody listens: answer it like any other method.
server.on('connect', (req, socket) => {
	socket.on('error', () => socket.destroy());
	socket.end(rawTextResponse(405, 'Method Not Allowed', methodNotAllowedBody(req.method), { allow: ALLOWED_METHODS.join(', ') }));
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
	const other = port < 65535 ? port + 1 : port - 1;
	if (code === 'EADDRINUSE')
		console.error(`server: port ${port} is already in use; choose another with PORT=<port>, e.g. PORT=${other} npm start`);
	else if (code === 'EACCES')
		console.error(`server: no permission to listen on port ${port}; choose another with PORT=<port>, e.g. PORT=8080 npm start`);
	else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
		console.error(`server: HOST=${JSON.stringify(host)} is not a known host name (${code}); use e.g. HOST=127.0.0.1 or HOST=0.0.0.0`);
	else if (code === 'EADDRNOTAVAIL')
		console.error(
			`server: HOST=${JSON.stringify(host)} is not an address of this machine (${code}); use e.g. HOST=127.0.0.1 or HOST=0.0.0.0`
		);
	else console.error(`server: ${err.message}`);
	process.exit(1);
});

server.listen(port, host, () => {
	const bound = server.address();
	const actual = typeof bound === 'object' && bound ? bound.port : port;
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
