/** Plain-text error responses shared by the endpoints: short, bounded and safe to echo. */
// Control characters written as \uXXXX: one rule for responses and the log (server/log.js).
import { escapeControl } from '../../../server/log.js';

/** At most this many problems are listed in one 400 body; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 10;

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
