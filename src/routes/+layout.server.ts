import { DATA_VERSION, requireDataset, LICENSES, SOURCES } from '$lib/server/dataset';
import { packUrls } from '$lib/server/builtin-pack';
import { getMoney, MONEY_SOURCE_IDS } from '$lib/server/money';
import { moneyCodes } from '$lib/transform/money';
import { partOf, type DataPart } from '$lib/transform/dataset';
import { TITLE_MAPPING_VERSION } from '$lib/transform/title-families';
import type { LayoutServerLoad } from './$types';

const line = (s: (typeof SOURCES)[number]) => ({
	id: s.id,
	description: s.description,
	repository: s.repository,
	commit: s.commit,
	url: s.url,
	license: s.license,
	licenseName: LICENSES[s.license]?.name ?? s.license,
	licenseUrl: LICENSES[s.license]?.url ?? '',
	attribution: s.attribution
});
// The sources every page shows; the money tables' are listed when a page is in another money (currency=).
const sources = SOURCES.filter((s) => !MONEY_SOURCE_IDS.includes(s.id)).map(line);
const moneySources = SOURCES.filter((s) => MONEY_SOURCE_IDS.includes(s.id)).map(line);

/** What each degradable source is needed for, in words, for the notice on every page. */
const AFFECTS: { parts: readonly DataPart[]; what: string }[] = [
	{ parts: ['cpi'], what: 'Real (inflation-adjusted) pay is unavailable; pay is shown in nominal dollars.' },
	{ parts: ['aiShare', 'genaiShare', 'sectors'], what: 'Part of the Demand page is unavailable.' }
];

/**
 * What every page shares, the same for every URL: the layout does not read the URL, so a filter
 * change in the browser never asks the server for it again. The filter panel comes with each
 * page's model (its `frame`).
 */
export const load: LayoutServerLoad = async () => {
	const ds = await requireDataset();
	// Refused sources (missing or altered files): which file, what it affects, how to fix it.
	const dataProblems = ds.sources
		.filter((s) => s.state !== 'ok')
		.map((s) => ({ file: s.file, message: s.message!, affects: AFFECTS.find((a) => a.parts.some((p) => p === partOf(s.id)))?.what ?? '' }));
	// The moneys pay can be shown in (the filter panel's "Show pay in"): a property of the pinned
	// tables, the same for every page and source. Not taken from a page's model, since the browser
	// fetches the tables only when a page asks for another money than US dollars.
	const money = await getMoney(ds).catch(() => null);
	return {
		moneyCodes: money ? moneyCodes(money.tables, money.tables.marketLast) : [],
		dataVersion: DATA_VERSION,
		titleMappingVersion: TITLE_MAPPING_VERSION,
		sources,
		moneySources,
		dataProblems,
		// The built-in data for the browser's worker, fetched after the first paint (content-hashed URLs).
		packs: await packUrls()
	};
};
