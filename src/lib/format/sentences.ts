/** Plain-language sentences generated from the numbers, never typed by hand. */
import type { GapSummary } from '$lib/transform/stats/types';
import { SUPPRESS_BELOW } from '$lib/transform/stats/constants';
import { count, moneyShort, pct } from './index';

/**
 * One sentence on the raw gap, e.g. "In this view the AI family's median is $29k (18%)
 * below the ML family's; 95% interval for the gap $21k–$37k below."
 */
export function gapSentence(gap: GapSummary, subject = 'In this view'): string {
	const e = gap.estimate;
	if (!e)
		return `${subject} there are too few reports to compare (AI n = ${count(gap.aiN)}, ML n = ${count(gap.mlN)}; each side needs at least ${SUPPRESS_BELOW}). Widen the filters.`;
	const dir = e.gapUsd < 0 ? 'below' : e.gapUsd > 0 ? 'above' : 'equal to';
	const lo = e.gapUsdInterval.lower;
	const hi = e.gapUsdInterval.upper;
	const head =
		e.gapUsd === 0
			? `${subject} the AI family's median equals the ML family's (${moneyShort(e.medianA)})`
			: `${subject} the AI family's median is ${moneyShort(Math.abs(e.gapUsd))} (${pct(Math.abs(e.gapPct), 0)}) ${dir} the ML family's`;
	if (!e.distinguishable)
		return `${head}, but the 95% interval for the gap (${moneyShort(lo)} to ${moneyShort(hi)}) includes zero: the two medians are not distinguishable here.`;
	const range = e.gapUsd < 0 ? `${moneyShort(-hi)}–${moneyShort(-lo)} below` : `${moneyShort(lo)}–${moneyShort(hi)} above`;
	const weak = gap.support === 'low' ? ' Few reports: treat it as a rough guide.' : '';
	return `${head}; 95% interval ${range}.${weak}`;
}
