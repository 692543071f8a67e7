/**
 * One small-sample rule for every figure the dashboard shows. Each kind of figure names the
 * count that decides how far it can be trusted; that count goes through `supportOf`
 * (SUPPRESS_BELOW / LOW_CONFIDENCE_BELOW in constants.ts), and a figure built from two counts
 * is as weak as the weaker one. Below SUPPRESS_BELOW a figure is not shown (its reason is);
 * below LOW_CONFIDENCE_BELOW it is shown and marked.
 *
 * | figure   | deciding count                                                     |
 * |----------|--------------------------------------------------------------------|
 * | median   | reports in the group                                               |
 * | point    | reports behind one per-year point (median, count)                  |
 * | share    | reports in the denominator (a share of 3 reports can only be 0/33/67/100 %) |
 * | mix      | reports in the denominator shared by every part of the mix         |
 * | gap      | the weaker of the two families' reports                            |
 * | growth   | the weaker of the two end years' reports                           |
 * | cell     | like-for-like: AI effective n (rounded down) and ML reports, the weaker |
 */
import { LOW_CONFIDENCE_BELOW, SUPPRESS_BELOW, supportOf, type Support } from './constants';

export type Figure =
	| { readonly kind: 'median'; readonly n: number }
	| { readonly kind: 'point'; readonly n: number }
	| { readonly kind: 'share'; readonly total: number }
	| { readonly kind: 'mix'; readonly total: number }
	| { readonly kind: 'gap'; readonly aiN: number; readonly mlN: number }
	| { readonly kind: 'growth'; readonly nFrom: number; readonly nTo: number }
	| { readonly kind: 'cell'; readonly aiEffectiveN: number; readonly mlN: number };

/** Why a figure is suppressed or marked (a code; words live in lib/format). */
export type SupportReason = 'below-suppress' | 'below-low-confidence';

/** Which count decided: the figure's own n, a denominator, an end year, or a family. */
export type SupportLimit = 'n' | 'total' | 'from' | 'to' | 'ai' | 'ml';

export interface FigureSupport {
	readonly support: Support;
	/** null when 'ok'. */
	readonly reason: SupportReason | null;
	/** The count that decided (the smaller one for two-count figures) and which it was. */
	readonly n: number;
	readonly limitedBy: SupportLimit;
	/** The thresholds applied, so a caption can quote them. */
	readonly suppressBelow: number;
	readonly lowConfidenceBelow: number;
}

const reasonOf = (s: Support): SupportReason | null =>
	s === 'suppressed' ? 'below-suppress' : s === 'low' ? 'below-low-confidence' : null;

function single(n: number, limitedBy: SupportLimit): FigureSupport {
	const support = supportOf(n);
	return { support, reason: reasonOf(support), n, limitedBy, suppressBelow: SUPPRESS_BELOW, lowConfidenceBelow: LOW_CONFIDENCE_BELOW };
}

/** The weaker of two counts (ties: the first). */
function pair(a: number, aIs: SupportLimit, b: number, bIs: SupportLimit): FigureSupport {
	return b < a ? single(b, bIs) : single(a, aIs);
}

/**
 * The small-sample verdict for a figure.
 * `figureSupport({ kind: 'growth', nFrom: 3, nTo: 571 }) → { support: 'suppressed', reason: 'below-suppress', n: 3, limitedBy: 'from', … }`;
 * `figureSupport({ kind: 'mix', total: 3 }).support → 'suppressed'`.
 */
export function figureSupport(f: Figure): FigureSupport {
	switch (f.kind) {
		case 'median':
		case 'point':
			return single(f.n, 'n');
		case 'share':
		case 'mix':
			return single(f.total, 'total');
		case 'gap':
			return pair(f.aiN, 'ai', f.mlN, 'ml');
		case 'growth':
			return pair(f.nFrom, 'from', f.nTo, 'to');
		case 'cell':
			// Effective n is fractional; the rule counts whole reports.
			return pair(Math.floor(f.aiEffectiveN + 1e-9), 'ai', f.mlN, 'ml');
	}
}

/** True when the figure may be shown (not suppressed). */
export function isShown(f: Figure): boolean {
	return figureSupport(f).support !== 'suppressed';
}
