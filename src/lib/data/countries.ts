/**
 * ISO 3166-1 alpha-2 codes → country name and continent (our `Region`), from the
 * MIT-licensed `countries-list` package, so the list is complete rather than hand-typed.
 */
import { countries } from 'countries-list';
import type { Region } from './types';

const CONTINENT_TO_REGION: Record<string, Region | undefined> = {
	AF: 'africa',
	AS: 'asia',
	EU: 'europe',
	NA: 'north-america',
	OC: 'oceania',
	SA: 'south-america'
};

const table = countries as Record<string, { name: string; continent: string }>;

/** `regionOf('DE') → 'europe'`; null for an unknown code or Antarctica. */
export function regionOf(code: string): Region | null {
	const c = table[code];
	return c ? (CONTINENT_TO_REGION[c.continent] ?? null) : null;
}

/** `countryName('GB') → 'United Kingdom'`; the code itself when unknown. */
export function countryName(code: string): string {
	return table[code]?.name ?? code;
}

export function isCountryCode(code: string): boolean {
	// Own keys only: the table's keys are upper-case alpha-2 codes, and `constructor` is not a country.
	return Object.hasOwn(table, code);
}
