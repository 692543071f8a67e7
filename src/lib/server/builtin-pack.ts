/**
 * The built-in data for the browser: the server's Dataset packed once per process
 * (transform/dataset-pack.ts) into two files — the salary part every page needs and the Indeed
 * part /demand needs — each named by its sha256 (`salaries-<hash>.bin`), so a URL means one
 * content forever (cached as immutable) and the browser's worker can check what it got. Gzip and
 * brotli copies are made once, off the main thread, when the packs are first made.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { getDataset } from './dataset';
import { packDataset, type PackPart } from '$lib/transform/dataset-pack';

export interface Pack {
	readonly part: PackPart;
	readonly sha256: string;
	/** The file name in the URL: `<part>-<sha256>.bin`. */
	readonly name: string;
	readonly bytes: Uint8Array;
	readonly gzip: Promise<Buffer>;
	readonly br: Promise<Buffer>;
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

let packs: Promise<Readonly<Record<PackPart, Pack>>> | null = null;

function pack(part: PackPart, bytes: Uint8Array): Pack {
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const gzipped = gz(bytes, { level: 9 });
	const br = brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } });
	// A failure is reported by the request that awaits it; do not let it go unhandled meanwhile.
	gzipped.catch(() => {});
	br.catch(() => {});
	return { part, sha256, name: `${part}-${sha256}.bin`, bytes, gzip: gzipped, br };
}

/** The two packs of the loaded Dataset (made once). */
export function builtinPacks(): Promise<Readonly<Record<PackPart, Pack>>> {
	packs ??= getDataset().then((ds) => ({
		salaries: pack('salaries', packDataset(ds, 'salaries')),
		indeed: pack('indeed', packDataset(ds, 'indeed'))
	}));
	packs.catch(() => (packs = null));
	return packs;
}

/** The URLs the browser fetches the packs from. */
export async function packUrls(): Promise<{ salaries: string; indeed: string }> {
	const p = await builtinPacks();
	return { salaries: `/api/builtin/${p.salaries.name}`, indeed: `/api/builtin/${p.indeed.name}` };
}
