/**
 * The one JSON document `npm run bench -- --json` prints: each part's own JSON output
 * (scripts/bench.ts, scripts/bench-upload.ts) under its name, with the machine it ran on.
 * Kept apart from scripts/bench-all.ts, which runs the parts, so it can be tested alone.
 */

/** The parts of `npm run bench`, in the order they run: name → script. */
export const BENCH_PARTS = [
	['recompute', 'scripts/bench.ts'],
	['upload', 'scripts/bench-upload.ts']
] as const;

export type BenchPart = (typeof BENCH_PARTS)[number][0];

/**
 * Parse each part's stdout (one JSON document, as `--json` makes each script print) and
 * combine them. A part that printed anything else is an error naming the part.
 * `combineBenchJson({ recompute: '{"runs":[]}', upload: '{"rows":5}' }, meta)` →
 * `{ ...meta, recompute: { runs: [] }, upload: { rows: 5 } }`.
 */
export function combineBenchJson(
	outputs: Record<BenchPart, string>,
	meta: { node: string; cpus: number }
): { node: string; cpus: number } & Record<BenchPart, unknown> {
	const parts = {} as Record<BenchPart, unknown>;
	for (const [name, script] of BENCH_PARTS) {
		try {
			parts[name] = JSON.parse(outputs[name]);
		} catch {
			throw new Error(`bench: ${script} --json did not print one JSON document:\n${outputs[name].slice(0, 500)}`);
		}
	}
	return { ...meta, ...parts };
}
