import { requireDataset } from '$lib/server/dataset';
import { parseSalary, parseScale } from '$lib/state/page-params';
import { parseFilters, type ParamError } from '$lib/state/url-filters';
import { payView } from '$lib/views/pay';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const data = await requireDataset();
	const { filters } = parseFilters(url.searchParams);
	const pageErrors: ParamError[] = [];
	const scale = parseScale(url.searchParams, pageErrors);
	const salary = parseSalary(url.searchParams, pageErrors);
	return { ...payView(data, { filters, scale, salary }), pageErrors };
};
