/**
 * What the server writes to its log, and that writing it can never stop the server.
 *
 * Bounded whatever the request: one short line for a client's error (4xx: no stack trace,
 * which would say nothing about the client and show the server's paths), and for a server
 * error (5xx) that line plus at most MAX_STACK_FRAMES frames. The URL is cut to
 * MAX_LOGGED_URL characters and every control character is escaped, so a request can
 * neither flood the log nor forge a line of it.
 *
 * A failed write to process.stdout or process.stderr (a full disk: ENOSPC; a closed pipe:
 * EPIPE) is reported as an 'error' event on the stream one tick later; `console.*` catches
 * the write's own throw but not that event, and an 'error' event nobody listens to is an
 * uncaught exception: the process exits 1 (seen with `node server 2>/dev/full`: the second
 * logged 404 stopped the server).
 *
 * Plain JavaScript (typed with JSDoc): server/index.js uses it, and so does the app
 * (src/hooks.server.ts: the init hook and handleError), so `node build` gets it as well.
 */

/** Longest URL (path and query) written to a log line. */
export const MAX_LOGGED_URL = 200;
/** Longest error message written to a log line. */
export const MAX_LOGGED_MESSAGE = 160;
/** Stack frames written for a server error (5xx). */
export const MAX_STACK_FRAMES = 8;
/** Longest stack frame written. */
const MAX_FRAME = 200;

/**
 * Control characters (C0, DEL, C1) and the Unicode line separators written as `\uXXXX`,
 * so a NUL or a newline from a request can neither cut nor forge a line of a response or a log.
 * `escapeControl('a\u0000b')` → `a\\u0000b`.
 * @param {string} s
 */
export function escapeControl(s) {
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `s` escaped, then cut to `max` characters with its length said: `/aaa… (16,000 characters)`.
 * @param {string} s
 * @param {number} max
 */
export function cutForLog(s, max) {
	const safe = escapeControl(s);
	if (safe.length <= max) return safe;
	// Never leave half of a surrogate pair at the cut.
	const head = safe.slice(0, max).replace(/[\ud800-\udbff]$/, '');
	return `${head}… (${s.length.toLocaleString('en-US')} characters)`;
}

/**
 * The log text for a failed request, without a trailing newline.
 * `requestErrorLog({ status: 404, method: 'GET', url: '/nope', error })` → `[404] GET /nope`;
 * other statuses add the error's message: `[400] GET /%zz: Failed to decode URI: /%zz`.
 * @param {{ status: number, method: string, url: string, error: unknown }} failed
 *   `url` is the path and query as the client sent them.
 */
export function requestErrorLog({ status, method, url, error }) {
	const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
	// A 404's message only repeats the path ("Not found: /nope").
	const said = status === 404 || !message ? '' : `: ${cutForLog(message, MAX_LOGGED_MESSAGE)}`;
	const line = `[${status}] ${cutForLog(method, 16)} ${cutForLog(url, MAX_LOGGED_URL)}${said}`;
	if (status < 500 || !(error instanceof Error) || !error.stack) return line;
	const frames = error.stack
		.split('\n')
		.filter((l) => /^\s+at /.test(l))
		.map((l) => `    ${cutForLog(l.trim(), MAX_FRAME)}`);
	const kept = frames.slice(0, MAX_STACK_FRAMES);
	if (frames.length > kept.length) kept.push(`    … ${(frames.length - kept.length).toLocaleString('en-US')} more frames`);
	return [line, ...kept].join('\n');
}

const GUARDED = Symbol.for('ai-vs-ml-pay.stdio-guarded');

/** Listen for write errors on stdout and stderr (once per process): a line that cannot be written is lost, nothing else. */
export function keepServingWhenLogsFail() {
	for (const stream of [process.stdout, process.stderr]) {
		const s = /** @type {any} */ (stream);
		if (s[GUARDED]) continue;
		s[GUARDED] = true;
		stream.on('error', () => {
			// Nowhere to report it: the other stream may be just as broken.
		});
	}
}
