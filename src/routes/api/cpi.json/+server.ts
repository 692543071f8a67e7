import { requireDataset } from '$lib/server/dataset';
import { problemsBody, textResponse } from '$lib/server/http';
import { realPayProblem } from '$lib/transform/dataset';
import type { RequestHandler } from './$types';

/**
 * GET /api/cpi.json: the built-in monthly US CPI-U rows (public data, ODC-PDDL), so pages on a
 * user's own file can show real pay. The browser asks for it with no parameters; nothing of the
 * user's file is sent. 400 on any parameter, 503 when the CPI file is missing or altered.
 */
export const GET: RequestHandler = async ({ url }) => {
	const keys = [...new Set(url.searchParams.keys())];
	if (keys.length > 0)
		return textResponse(
			400,
			problemsBody(
				'Bad request:',
				keys.map((k) => `unknown parameter "${k.slice(0, 40)}"; this endpoint takes none`)
			)
		);
	const ds = await requireDataset();
	const problem = realPayProblem(ds);
	if (problem) return textResponse(503, `${problem}\n`);
	const body = JSON.stringify({ file: 'us-cpi', rows: ds.cpi });
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'public, max-age=86400',
			'x-content-type-options': 'nosniff'
		}
	});
};
