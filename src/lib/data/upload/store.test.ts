/**
 * The write lock of the kept files: a read asked for after a write was decided runs after that
 * write has ended, in this tab (a promise chain) and, where the browser has Web Locks, in every
 * tab (shared reads, an exclusive write). IndexedDB itself is covered by the Playwright tests.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterWrites, holdWrites } from './store';

const tick = () => new Promise((ok) => setTimeout(ok, 0));

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('holdWrites / afterWrites', () => {
	it('without Web Locks: a read waits for every write held before it, not for one held after it started', async () => {
		expect.hasAssertions();
		vi.stubGlobal('navigator', {});
		const log: string[] = [];
		const releaseA = holdWrites();
		const releaseB = holdWrites();
		const read = afterWrites(async () => {
			log.push('read');
			return 42;
		});
		await tick();
		expect(log).toEqual([]);
		releaseA();
		await tick();
		expect(log).toEqual([]);
		releaseB();
		releaseB(); // idempotent
		expect(await read).toBe(42);
		expect(log).toEqual(['read']);
		// Nothing held: a read runs at once.
		expect(await afterWrites(async () => 'now')).toBe('now');
	});

	it('with Web Locks: the write holds the lock exclusively until released; reads take it shared', async () => {
		expect.hasAssertions();
		const requests: { name: string; mode: string; held: Promise<unknown> }[] = [];
		const locks = {
			request: (name: string, opts: { mode: string }, cb: () => Promise<unknown>) => {
				const held = cb();
				requests.push({ name, mode: opts.mode, held });
				return held;
			}
		};
		vi.stubGlobal('navigator', { locks });
		const release = holdWrites();
		expect(requests.map((r) => [r.name, r.mode])).toEqual([['ai-vs-ml-your-data', 'exclusive']]);
		let settled = false;
		void requests[0]!.held.then(() => (settled = true));
		await tick();
		expect(settled).toBe(false);
		const read = afterWrites(async () => 'files');
		release();
		expect(await read).toBe('files');
		expect(settled).toBe(true);
		expect(requests.map((r) => r.mode)).toEqual(['exclusive', 'shared']);
	});
});
