import { LICENSES, requireDataset, SOURCES } from '$lib/server/dataset';
import { MONEY_SOURCE_IDS } from '$lib/server/money';
import { methodologyView } from '$lib/views/methodology';
import type { PageServerLoad } from './$types';

/** The money tables' sources (the page footer lists the others). */
const moneySources = SOURCES.filter((s) => MONEY_SOURCE_IDS.includes(s.id)).map((s) => ({
	id: s.id,
	description: s.description,
	repository: s.repository,
	commit: s.commit.slice(0, 7),
	url: s.url,
	license: LICENSES[s.license]?.name ?? s.license,
	attribution: s.attribution
}));

export const load: PageServerLoad = async () => ({ ...methodologyView(await requireDataset()), moneySources });
