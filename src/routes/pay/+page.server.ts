import { pageRequest } from '$lib/server/page';
import { parseSalaryQuery, parseScale } from '$lib/query/page-params';
import type { ParamError } from '$lib/query/url-filters';
import { payView } from '$lib/views/pay';
import type { YourPageQuery } from '$lib/views/your-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters, source } = await pageRequest(url);
	const pageErrors: ParamError[] = [];
	const scale = parseScale(url.searchParams, pageErrors);
	const salaryQuery = parseSalaryQuery(url.searchParams);
	const input = salaryQuery.input;
	const salary = input?.ok && input.kind === 'value' ? input.value : null;
	const band = input?.ok && input.kind === 'band' ? { low: input.low, high: input.high } : null;
	const page = { salaryText: salaryQuery.text, salaryError: input && !input.ok ? input.message : null, pageErrors };
	// source=yours: the browser computes the model from the user's file (same view function).
	if (source === 'yours') return { source, query: { page: 'pay', filters, scale, salary, band } satisfies YourPageQuery, ...page };
	return { source, ...payView(data, { filters, scale, salary, band }), ...page };
};
