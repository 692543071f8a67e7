import { viewFor } from '$lib/server/view';
import { parseSalary, parseScale } from '$lib/state/page-params';
import type { ParamError } from '$lib/state/url-filters';
import { SEGMENT_DIMENSIONS } from '$lib/views/pay';
import type { PageServerLoad } from './$types';

/** Dots drawn per family in the distribution chart (rank-spaced, so the shape is kept). */
const DOTS_PER_FAMILY = 400;

export const load: PageServerLoad = async ({ url }) => {
	const pageErrors: ParamError[] = [];
	const scale = parseScale(url.searchParams, pageErrors);
	const salary = parseSalary(url.searchParams, pageErrors);
	const { filters, view, compute } = await viewFor(url, { sample: DOTS_PER_FAMILY, salary });
	const segments = SEGMENT_DIMENSIONS.map((dim) => ({ dim, groups: compute(filters, { groupBy: dim }).groups!.groups }));
	return {
		pageErrors,
		scale,
		salary,
		families: view.families,
		samples: view.samples!,
		position: view.position,
		pay: view.pay,
		counts: view.counts,
		segments
	};
};
