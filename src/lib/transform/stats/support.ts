/**
 * One small-sample rule for every figure the dashboard shows. Each kind of figure names the
 * count that decides how far it can be trusted; that count goes through `supportOf`
 * (SUPPRESS_BELOW / LOW_CONFIDENCE_BELOW in constants.ts), and a figure built from two counts
 * is as weak as the weaker one. Below SUPPRESS_BELOW reports a figure is not shown (its reason
 * is); below LOW_CONFIDENCE_BELOW *effective* reports (identical rows counted as one cluster,
 * Kish) it is shown and marked — 40 rows that are 5 reports repeated are low confidence.
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

/** Each count may come with its effective n (default: the count itself, no repeated rows). */
export type Figure =
	| { readonly kind: 'median'; readonly n: number; readonly effectiveN?: number }
	| { readonly kind: 'point'; readonly n: number; readonly effectiveN?: number }
	| { readonly kind: 'share'; readonly total: number }
	| { readonly kind: 'mix'; readonly total: number }
	| { readonly kind: 'gap'; readonly aiN: number; readonly mlN: number; readonly aiEffectiveN?: number; readonly mlEffectiveN?: number }
	| {
			readonly kind: 'growth';
			readonly nFrom: number;
			readonly nTo: number;
			readonly effectiveNFrom?: number;
			readonly effectiveNTo?: number;
	  }
	| {
			readonly kind: 'cell';
			/** Kish n of the weights (decides suppression); clustered: also counting identical rows as one (decides low confidence). */
			readonly aiEffectiveN: number;
			readonly mlN: number;
			readonly aiEffectiveNClustered?: number;
			readonly mlEffectiveN?: number;
	  };

/** Why a figure is suppressed or marked (a code; words live in lib/format). */
export type SupportReason = 'below-suppress' | 'below-low-confidence';

/** Which count decided: the figure's own n, a denominator, an end year, or a family. */
export type SupportLimit = 'n' | 'total' | 'from' | 'to' | 'ai' | 'ml';

export interface FigureSupport {
	readonly support: Support;
	/** null when 'ok'. */
	readonly reason: SupportReason | null;
	/** The count that decided (the weaker side for two-count figures) and which it was. */
	readonly n: number;
	/** That side's effective n (equal to `n` without repeated rows). */
	readonly effectiveN: number;
	readonly limitedBy: SupportLimit;
	/** The thresholds applied, so a caption can quote them. */
	readonly suppressBelow: number;
	readonly lowConfidenceBelow: number;
}

const reasonOf = (s: Support): SupportReason | null =>
	s === 'suppressed' ? 'below-suppress' : s === 'low' ? 'below-low-confidence' : null;

function single(n: number, effectiveN: number, limitedBy: SupportLimit): FigureSupport {
	const support = supportOf(n, effectiveN);
	return {
		support,
		reason: reasonOf(support),
		n,
		effectiveN,
		limitedBy,
		suppressBelow: SUPPRESS_BELOW,
		lowConfidenceBelow: LOW_CONFIDENCE_BELOW
	};
}

const RANK: Record<Support, number> = { suppressed: 0, low: 1, ok: 2 };

/** The weaker of two sides: the weaker support, then the smaller effective n, then the smaller count (ties: the first). */
function pair(a: FigureSupport, b: FigureSupport): FigureSupport {
	const d = RANK[b.support] - RANK[a.support] || b.effectiveN - a.effectiveN || b.n - a.n;
	return d < 0 ? b : a;
}

/**
 * The small-sample verdict for a figure.
 * `figureSupport({ kind: 'growth', nFrom: 3, nTo: 571 }) → { support: 'suppressed', reason: 'below-suppress', n: 3, limitedBy: 'from', … }`;
 * `figureSupport({ kind: 'median', n: 40, effectiveN: 6 }).support → 'low'`;
 * `figureSupport({ kind: 'mix', total: 3 }).support → 'suppressed'`.
 */
export function figureSupport(f: Figure): FigureSupport {
	switch (f.kind) {
		case 'median':
		case 'point':
			return single(f.n, f.effectiveN ?? f.n, 'n');
		case 'share':
		case 'mix':
			return single(f.total, f.total, 'total');
		case 'gap':
			return pair(single(f.aiN, f.aiEffectiveN ?? f.aiN, 'ai'), single(f.mlN, f.mlEffectiveN ?? f.mlN, 'ml'));
		case 'growth':
			return pair(single(f.nFrom, f.effectiveNFrom ?? f.nFrom, 'from'), single(f.nTo, f.effectiveNTo ?? f.nTo, 'to'));
		case 'cell': {
			// Effective n is fractional; the rule counts whole reports.
			const ai = Math.floor(f.aiEffectiveN + 1e-9);
			return pair(single(ai, Math.min(ai, f.aiEffectiveNClustered ?? ai), 'ai'), single(f.mlN, f.mlEffectiveN ?? f.mlN, 'ml'));
		}
	}
}

/** True when the figure may be shown (not suppressed). */
export function isShown(f: Figure): boolean {
	return figureSupport(f).support !== 'suppressed';
}
