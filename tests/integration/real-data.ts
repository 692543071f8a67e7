/** Locate the real data for integration tests; they skip, saying so, when it is absent. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const candidates = [process.env.DATA_CACHE_DIR, '.data-cache', '../shared/data'].filter((d): d is string => !!d);

/** Absolute path of a pinned file (by its local name), or null when no copy is present. */
export function realDataPath(localName: string): string | null {
	for (const dir of candidates) {
		const p = resolve(join(dir, localName));
		if (existsSync(p)) return p;
	}
	return null;
}

export function reportAbsent(localName: string): void {
	console.warn(`\n*** real data absent: ${localName} not found in ${candidates.join(', ')}. Run "npm run data". Skipping. ***\n`);
}
