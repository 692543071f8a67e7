import { textResponse } from '$lib/server/http';
import { builtinPacks } from '$lib/server/builtin-pack';
import type { RequestHandler } from './$types';

/**
 * GET /api/builtin/<part>-<sha256>.bin: the built-in data packed for the browser's worker (see
 * lib/server/builtin-pack.ts). A URL names one content, so it is cached for a year as immutable;
 * another hash (an older data version) is a 404, and the page then falls back to the server.
 * Brotli or gzip by Accept-Encoding, made once.
 */
export const GET: RequestHandler = async ({ params, request, url }) => {
	if ([...url.searchParams.keys()].length > 0) return textResponse(400, 'Bad request:\nthis file takes no parameters\n');
	const packs = await builtinPacks();
	const pack = Object.values(packs).find((p) => p.name === params.file);
	if (!pack) return textResponse(404, 'No such data pack: the data version has changed; reload the page.\n');
	const etag = `"${pack.sha256}"`;
	const headers: Record<string, string> = {
		'content-type': 'application/octet-stream',
		'cache-control': 'public, max-age=31536000, immutable',
		etag,
		vary: 'accept-encoding'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	const accept = request.headers.get('accept-encoding') ?? '';
	const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
	const body = encoding === 'br' ? await pack.br : encoding === 'gzip' ? await pack.gzip : pack.bytes;
	if (encoding) headers['content-encoding'] = encoding;
	return new Response(body as unknown as BodyInit, { headers: { ...headers, 'content-length': String(body.byteLength) } });
};
