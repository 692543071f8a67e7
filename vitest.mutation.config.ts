import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// The unit tests Stryker runs against each mutant (see docs/mutation-testing.md): only those
// beside the mutated folders, no integration tests on real data, no chart or server tests.
// Property tests run at most 25 cases each here (tests/mutation/fast-check-capped.ts).
export default defineConfig({
	plugins: [sveltekit()],
	resolve: {
		alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL('./tests/mutation/fast-check-capped.ts', import.meta.url)) }]
	},
	test: {
		include: ['src/lib/{transform,views,data,query,csv}/**/*.test.ts'],
		environment: 'node',
		env: { TZ: 'UTC' },
		testTimeout: 60_000
	}
});
