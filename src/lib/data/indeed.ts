/** Parsers for Indeed Hiring Lab files (AI tracker, postings index, sector index). */
import type { ParseResult, PostingsIndexRow, SectorIndexRow, ShareRow } from './types';
import { finiteNumber, isoDate, oneOf, parseWithSchema, requiredText, type Coercer } from './schema';

const countryCode: Coercer<string> = (raw) => (/^[A-Z]{2}$/.test(raw) ? raw : { error: 'not a 2-letter country code' });
// Without `allowEmpty` the coercer never returns null.
const anyNumber = finiteNumber() as Coercer<number>;
const nonNegative: Coercer<number> = (raw) => {
	const v = anyNumber(raw);
	return typeof v === 'number' && v < 0 ? { error: 'negative' } : v;
};
const VARIABLES = ['total postings', 'new postings'] as const;

/** `AI_posting.csv` (column AI_share_postings) or `GenAI_posting.csv` (GenAI_share_postings). */
export function parseShare(text: string, column: 'AI_share_postings' | 'GenAI_share_postings'): ParseResult<ShareRow> {
	const schema = { date: isoDate, jobcountry: countryCode, [column]: nonNegative } as {
		date: Coercer<string>;
		jobcountry: Coercer<string>;
	} & Record<typeof column, Coercer<number>>;
	return parseWithSchema(text, schema, (c) => ({
		date: c.date,
		country: c.jobcountry,
		sharePct: (c as Record<string, unknown>)[column] as number
	}));
}

export function parsePostingsIndex(text: string): ParseResult<PostingsIndexRow> {
	const optionalIndex = finiteNumber({ allowEmpty: true });
	return parseWithSchema(
		text,
		{
			date: isoDate,
			jobcountry: countryCode,
			indeed_job_postings_index_SA: optionalIndex,
			indeed_job_postings_index_NSA: optionalIndex,
			variable: oneOf(VARIABLES, 'variable')
		},
		(c) => ({
			date: c.date,
			country: c.jobcountry,
			indexSa: c.indeed_job_postings_index_SA,
			indexNsa: c.indeed_job_postings_index_NSA,
			variable: c.variable
		})
	);
}

export function parseSectorIndex(text: string): ParseResult<SectorIndexRow> {
	return parseWithSchema(
		text,
		{
			date: isoDate,
			jobcountry: countryCode,
			indeed_job_postings_index: nonNegative,
			variable: oneOf(VARIABLES, 'variable'),
			display_name: requiredText(100)
		},
		(c) => ({
			date: c.date,
			country: c.jobcountry,
			index: c.indeed_job_postings_index,
			variable: c.variable,
			sector: c.display_name
		})
	);
}
