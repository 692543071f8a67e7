import { toCsv } from '$lib/csv/write';
import { requireDataset } from '$lib/server/dataset';
import { problemsBody, textResponse } from '$lib/server/http';
import { getMoney, moneyTableRows, type MoneyTableName } from '$lib/server/money';
import { tablesToJson } from '$lib/transform/money';
import type { RequestHandler } from './$types';

const TABLES: Record<string, MoneyTableName | 'json'> = { 'rates.csv': 'rates', 'ppp.csv': 'ppp', 'tables.json': 'json' };

/**
 * GET /api/money/rates.csv and /api/money/ppp.csv: the exchange rates and PPP factors that
 * `currency=` converts with (public data); /api/money/tables.json: both in one JSON object
 * (transform/money `tablesToJson`), for the browser's workers. 404 for another name, 400 on any parameter, 503 when
 * a pinned money file is missing or altered.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const name = TABLES[params.table];
	if (name === undefined)
		return textResponse(404, 'Not found: the money tables are /api/money/rates.csv, /api/money/ppp.csv and /api/money/tables.json.\n');
	const keys = [...new Set(url.searchParams.keys())];
	if (keys.length > 0)
		return textResponse(
			400,
			problemsBody(
				'Bad request:',
				keys.map((k) => `unknown parameter "${k.slice(0, 40)}"; this endpoint takes none`)
			)
		);
	const money = await getMoney(await requireDataset());
	if (money.problems.length > 0) return textResponse(503, `Service unavailable: ${money.problems.map((p) => p.message).join(' ')}\n`);
	if (name === 'json')
		return new Response(JSON.stringify(tablesToJson(money.tables)), {
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'cache-control': 'public, max-age=86400',
				'x-content-type-options': 'nosniff'
			}
		});
	const { columns, rows } = moneyTableRows(money.tables, name);
	return new Response(toCsv(columns, rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="ai-vs-ml_money_${name}.csv"`,
			'cache-control': 'public, max-age=86400',
			'x-content-type-options': 'nosniff'
		}
	});
};
