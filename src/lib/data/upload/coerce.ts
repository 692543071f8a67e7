/**
 * Cell coercers for uploaded files: each returns a value or `{ error }`. Codes accept the
 * aijobs.net spelling and the plain words people write (`Senior`, `full-time`, `remote`).
 */
import { countries } from 'countries-list';
import { COMPANY_SIZES, EMPLOYMENT_TYPES, EXPERIENCE_LEVELS, REMOTE_RATIOS, WORK_YEAR_MAX, WORK_YEAR_MIN } from '../types';
import type { Parsed } from './values';

function codeTable(entries: Record<string, string | number>, list: readonly (string | number)[]): Map<string, number> {
	const m = new Map<string, number>();
	list.forEach((c, i) => m.set(String(c).toLowerCase(), i));
	for (const [word, code] of Object.entries(entries)) m.set(word, list.indexOf(code));
	return m;
}

const SIZE = codeTable({ small: 'S', medium: 'M', large: 'L' }, COMPANY_SIZES);
const EXPERIENCE = codeTable(
	{
		entry: 'EN',
		'entry-level': 'EN',
		'entry level': 'EN',
		junior: 'EN',
		mid: 'MI',
		'mid-level': 'MI',
		'mid level': 'MI',
		intermediate: 'MI',
		senior: 'SE',
		executive: 'EX',
		director: 'EX'
	},
	EXPERIENCE_LEVELS
);
const EMPLOYMENT = codeTable(
	{
		'full-time': 'FT',
		'full time': 'FT',
		fulltime: 'FT',
		'part-time': 'PT',
		'part time': 'PT',
		parttime: 'PT',
		contract: 'CT',
		contractor: 'CT',
		freelance: 'FL',
		freelancer: 'FL'
	},
	EMPLOYMENT_TYPES
);
const REMOTE = codeTable(
	{ remote: 100, 'fully remote': 100, hybrid: 50, onsite: 0, 'on-site': 0, 'on site': 0, office: 0, 'in office': 0 },
	REMOTE_RATIOS
);

const enumOf =
	(table: Map<string, number>, what: string) =>
	(raw: string): Parsed<number> =>
		table.get(raw.toLowerCase()) ?? { error: `unknown ${what}` };

/** Position in COMPANY_SIZES. */
export const companySizeCode = enumOf(SIZE, 'company size');
/** Position in EXPERIENCE_LEVELS. */
export const experienceCode = enumOf(EXPERIENCE, 'experience level');
/** Position in EMPLOYMENT_TYPES. */
export const employmentCode = enumOf(EMPLOYMENT, 'employment type');
/** Position in REMOTE_RATIOS. */
export const remoteCode = enumOf(REMOTE, 'remote ratio');

const table = countries as Record<string, { name: string; native: string }>;
/** Names used by common exports that differ from countries-list's English names. */
const COUNTRY_ALIASES: Record<string, string> = {
	'united states of america': 'US',
	usa: 'US',
	'u.s.': 'US',
	'united kingdom of great britain and northern ireland': 'GB',
	uk: 'GB',
	'great britain': 'GB',
	england: 'GB',
	czechia: 'CZ',
	'czech republic': 'CZ',
	'south korea': 'KR',
	'korea, republic of': 'KR',
	'republic of korea': 'KR',
	russia: 'RU',
	'russian federation': 'RU',
	turkey: 'TR',
	türkiye: 'TR',
	turkiye: 'TR',
	vietnam: 'VN',
	'viet nam': 'VN',
	'hong kong': 'HK',
	macau: 'MO',
	taiwan: 'TW',
	'taiwan, province of china': 'TW',
	iran: 'IR',
	syria: 'SY',
	laos: 'LA',
	bolivia: 'BO',
	venezuela: 'VE',
	tanzania: 'TZ',
	moldova: 'MD',
	'north macedonia': 'MK',
	macedonia: 'MK',
	'ivory coast': 'CI',
	"côte d'ivoire": 'CI',
	"cote d'ivoire": 'CI',
	'democratic republic of the congo': 'CD',
	'congo, democratic republic of the': 'CD',
	'republic of the congo': 'CG',
	congo: 'CG',
	'cape verde': 'CV',
	eswatini: 'SZ',
	swaziland: 'SZ',
	palestine: 'PS',
	'the netherlands': 'NL',
	holland: 'NL',
	'the bahamas': 'BS',
	'u.a.e.': 'AE',
	uae: 'AE',
	brunei: 'BN',
	'east timor': 'TL',
	micronesia: 'FM',
	'saint kitts and nevis': 'KN',
	'saint lucia': 'LC',
	'saint vincent and the grenadines': 'VC',
	'sao tome and principe': 'ST',
	'são tomé and príncipe': 'ST',
	'vatican city': 'VA',
	curacao: 'CW',
	curaçao: 'CW',
	réunion: 'RE',
	reunion: 'RE',
	sudan: 'SD',
	'bosnia and herzegovina': 'BA'
};

/** Lower-case English and native names, and the aliases, → code. */
const NAME_INDEX: ReadonlyMap<string, string> = (() => {
	const m = new Map<string, string>();
	for (const [code, c] of Object.entries(table)) {
		m.set(c.name.toLowerCase(), code);
		if (c.native) m.set(c.native.toLowerCase(), code);
	}
	for (const [name, code] of Object.entries(COUNTRY_ALIASES)) m.set(name, code);
	return m;
})();

/** `countryCode('de') → 'DE'`, `countryCode('Germany') → 'DE'`, `countryCode('UK') → 'GB'`; ISO 3166-1 alpha-2. */
export function countryCode(raw: string): Parsed<string> {
	const up = raw.toUpperCase();
	if (Object.hasOwn(table, up)) return up; // the keys are the two-letter codes
	// Two letters that are not a code may still be a common short name (`UK`).
	return (
		NAME_INDEX.get(raw.toLowerCase()) ?? {
			error: /^[A-Z]{2}$/.test(up) ? 'not an ISO 3166-1 alpha-2 country code' : 'unknown country name'
		}
	);
}

/** `2021` or `2021e` (an estimate, as in early aijobs.net snapshots), within the app's years. */
export function workYear(raw: string): Parsed<{ year: number; estimated: boolean }> {
	const m = /^(\d{4})(e?)$/i.exec(raw);
	if (!m) return { error: 'not a year (YYYY, or YYYYe for an estimate)' };
	const year = Number(m[1]);
	if (year < WORK_YEAR_MIN || year > WORK_YEAR_MAX) return { error: `year outside ${WORK_YEAR_MIN}–${WORK_YEAR_MAX}` };
	return { year, estimated: m[2] !== '' };
}

export const MAX_TEXT_CHARS = 200;

/** Trimmed text of at most MAX_TEXT_CHARS characters. */
export function text(raw: string): Parsed<string> {
	if (raw === '') return { error: 'empty' };
	if (raw.length > MAX_TEXT_CHARS) return { error: `longer than ${MAX_TEXT_CHARS} characters` };
	return raw;
}

export function currencyCode(raw: string): Parsed<string> {
	return /^[A-Za-z]{3}$/.test(raw) ? raw.toUpperCase() : { error: 'not a 3-letter currency code' };
}

/**
 * A list of skills as exports write it: a Python/JSON list `['python', 'sql']`, or words
 * separated by `,` `;` or `|`. Items are trimmed and lower-cased (so `SQL` and `sql` are
 * one skill) and repeated items kept once. `[]`, `None` and an empty cell are no skills.
 */
export function skillList(raw: string): Parsed<string[]> {
	let s = raw.trim();
	// An empty cell or `[]` gives no items below.
	if (/^(none|null|nan)$/i.test(s)) return [];
	if (s.startsWith('[')) {
		if (!s.endsWith(']')) return { error: 'not a list' };
		s = s.slice(1, -1);
	}
	const sep = s.includes(',') ? ',' : s.includes(';') ? ';' : '|';
	const out: string[] = [];
	for (const part of s.split(sep)) {
		const item = part
			.trim()
			.replace(/^(['"])(.*)\1$/, '$2')
			.trim()
			.toLowerCase();
		if (item === '') continue;
		if (item.length > 80) return { error: 'a skill longer than 80 characters' };
		if (!out.includes(item)) out.push(item);
	}
	return out;
}
