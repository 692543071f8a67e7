import { pageRequest } from '$lib/server/page';
import { parseSalary, parseScale } from '$lib/state/page-params';
import type { ParamError } from '$lib/state/url-filters';
import { payView } from '$lib/views/pay';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, filters } = await pageRequest(url);
	const pageErrors: ParamError[] = [];
	const scale = parseScale(url.searchParams, pageErrors);
	const salary = parseSalary(url.searchParams, pageErrors);
	return { ...payView(data, { filters, scale, salary }), pageErrors };
};
