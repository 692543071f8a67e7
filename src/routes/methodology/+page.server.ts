import { requireDataset } from '$lib/server/dataset';
import { methodologyView } from '$lib/views/methodology';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => methodologyView(await requireDataset());
