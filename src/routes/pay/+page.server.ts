import { pageRequest } from '$lib/server/page';
import { parseSalaryQuery, parseScale } from '$lib/state/page-params';
import type { ParamError } from '$lib/state/url-filters';
import { payView } from '$lib/views/pay';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters } = await pageRequest(url);
	const pageErrors: ParamError[] = [];
	const scale = parseScale(url.searchParams, pageErrors);
	const salaryQuery = parseSalaryQuery(url.searchParams);
	const input = salaryQuery.input;
	const salary = input?.ok && input.kind === 'value' ? input.value : null;
	const band = input?.ok && input.kind === 'band' ? { low: input.low, high: input.high } : null;
	return {
		...payView(data, { filters, scale, salary, band }),
		salaryText: salaryQuery.text,
		salaryError: input && !input.ok ? input.message : null,
		pageErrors
	};
};
