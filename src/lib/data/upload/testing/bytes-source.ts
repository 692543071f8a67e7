/** Test and benchmark helper: a ChunkSource over bytes in memory (the browser reads a File with `blobSource`). */
import type { ChunkSource } from '../parse-file';

/** A ChunkSource over bytes in memory, cut every `chunkBytes` (tests, benchmarks). */
export function bytesSource(bytes: Uint8Array, chunkBytes = 64 * 1024): ChunkSource {
	return {
		size: bytes.length,
		async head(n) {
			return bytes.subarray(0, n);
		},
		async *chunks() {
			for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, Math.min(bytes.length, i + chunkBytes));
		}
	};
}
