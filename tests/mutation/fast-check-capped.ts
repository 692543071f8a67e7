/**
 * fast-check for mutation runs only (aliased in vitest.mutation.config.ts): the same library
 * with every property capped at MUTATION_RUNS runs, so that each of the thousands of mutants
 * does not pay for hundreds of generated cases. The seeds are unchanged, so the cases that
 * do run are the first ones of the full run. `npx vitest run` keeps every run.
 */
import * as fcModule from '../../node_modules/fast-check/lib/fast-check.js';

const MUTATION_RUNS = 25;
const real = fcModule.default;

const capped: typeof real = {
	...real,
	assert: ((property: Parameters<typeof real.assert>[0], params?: Parameters<typeof real.assert>[1]) =>
		real.assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? 100, MUTATION_RUNS) })) as typeof real.assert
};

export default capped;
