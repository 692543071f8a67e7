import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../server/bounded-cache.js';

const bytes = (s: string) => s.length;

describe('BoundedCache', () => {
	it('evicts the least recently used entry beyond maxEntries', () => {
		expect.hasAssertions();
		const c = new BoundedCache<string>(2, 1_000, bytes);
		c.set('a', 'A');
		c.set('b', 'B');
		expect(c.get('a')).toBe('A'); // a is now the most recent
		c.set('c', 'C');
		expect(c.get('b')).toBeUndefined();
		expect(c.get('a')).toBe('A');
		expect(c.get('c')).toBe('C');
		expect(c.size).toBe(2);
	});

	it('keeps the total size within maxSize, evicting oldest first', () => {
		expect.hasAssertions();
		const c = new BoundedCache<string>(100, 10, bytes);
		c.set('a', 'xxxx');
		c.set('b', 'yyyy');
		c.set('c', 'zzzz'); // 12 > 10: a goes
		expect(c.get('a')).toBeUndefined();
		expect(c.totalSize).toBe(8);
		expect([c.get('b'), c.get('c')]).toEqual(['yyyy', 'zzzz']);
	});

	it('replacing a key adjusts the total; a value over the whole budget is not kept', () => {
		expect.hasAssertions();
		const c = new BoundedCache<string>(10, 10, bytes);
		c.set('a', 'xxxx');
		c.set('a', 'xx');
		expect(c.totalSize).toBe(2);
		c.set('big', 'x'.repeat(11));
		expect(c.get('big')).toBeUndefined();
		expect(c.get('a')).toBe('xx');
		expect(c.size).toBe(1);
	});

	it('never exceeds either bound under many inserts', () => {
		expect.hasAssertions();
		const c = new BoundedCache<string>(50, 300, bytes);
		for (let i = 0; i < 1_000; i++) {
			c.set(`k${i}`, 'v'.repeat(i % 17));
			expect(c.size).toBeLessThanOrEqual(50);
			expect(c.totalSize).toBeLessThanOrEqual(300);
		}
		expect(c.get('k999')).toBe('v'.repeat(999 % 17));
	});
});
