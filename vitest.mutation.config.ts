import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// The unit tests Stryker runs against each mutant: only those beside the mutated folders, no
// integration tests on real data, no chart or server tests (they do not cover these folders).
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/lib/{transform,views,data,state,csv}/**/*.test.ts'],
		environment: 'node',
		env: { TZ: 'UTC' },
		testTimeout: 60_000
	}
});
