/** Plain-text error responses shared by the endpoints: short, bounded and safe to echo. */

/** At most this many problems are listed in one 400 body; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 10;

/**
 * Control characters (C0, DEL, C1) and the Unicode line separators written as `\uXXXX`,
 * so a NUL or a newline from a query can neither cut nor forge a line of a response.
 * `escapeControl('a\u0000b')` → `a\\u0000b`.
 */
export function escapeControl(s: string): string {
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A short text/plain response that is never cached. */
export function textResponse(status: number, body: string, headers: Record<string, string> = {}): Response {
	return new Response(body, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers }
	});
}

/** `Bad request:` then one line per problem, the first MAX_LISTED_PROBLEMS of them, then "- and N more". */
export function problemsBody(title: string, messages: readonly string[]): string {
	const listed = messages.slice(0, MAX_LISTED_PROBLEMS).map((m) => `- ${escapeControl(m)}`);
	const more = messages.length - listed.length;
	if (more > 0) listed.push(`- and ${more} more ${more === 1 ? 'problem' : 'problems'}`);
	return `${title}\n${listed.join('\n')}\n`;
}
