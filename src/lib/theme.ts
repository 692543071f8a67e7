/**
 * The one place chart and page colours are named. Each value is a custom property defined in
 * src/app.css, so light/dark and print styles stay in CSS; charts, pages and view models use
 * these names, never a literal colour.
 */
import type { CompanySize, TitleFamily } from '$lib/data/types';

/** One colour per title family, the same on every page. */
export const FAMILY_COLOR: Readonly<Record<TitleFamily, string>> = { AI: 'var(--ai)', ML: 'var(--ml)' };

/** Two neutral series colours for context data that is not a title family (e.g. Indeed shares). */
export const SERIES_COLOR = ['var(--series-a)', 'var(--series-b)'] as const;

/** Company sizes, small to large. */
export const SIZE_COLOR: Readonly<Record<CompanySize, string>> = { S: 'var(--size-s)', M: 'var(--size-m)', L: 'var(--size-l)' };

/** Secondary marks: suppressed or low-confidence bars, interval bands. */
export const MUTED_COLOR = 'var(--muted)';
export const BAND_FILL = 'var(--line)';
