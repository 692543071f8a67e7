import { beforeEach, describe, expect, test } from 'vitest';
import { ActiveMark } from './active-mark.svelte';

beforeEach(() => {
	expect.hasAssertions();
});

interface Mark {
	id: string;
	value: number;
}
const a: Mark = { id: 'a', value: 1 };
const b: Mark = { id: 'b', value: 2 };
const key = (e: string) => ({ key: e }) as KeyboardEvent;

describe('ActiveMark', () => {
	test('nothing is shown until a mark is', () => {
		const active = new ActiveMark<Mark>((m) => m.id);
		expect(active.current).toBeNull();
		expect(active.is('a')).toBe(false);
	});

	test('show: the mark is current and only its key matches', () => {
		const active = new ActiveMark<Mark>((m) => m.id);
		active.show(a);
		expect(active.current).toEqual(a);
		expect([active.is('a'), active.is('b')]).toEqual([true, false]);
	});

	test('leave hides the mark it names, but not one that has taken over since', () => {
		const active = new ActiveMark<Mark>((m) => m.id);
		active.show(a);
		active.show(b); // pointer moved from a to b: b's enter comes before a's leave
		active.leave('a');
		expect(active.current).toEqual(b);
		active.leave('b');
		expect(active.current).toBeNull();
	});

	test('Escape hides the tooltip; other keys leave it', () => {
		const active = new ActiveMark<Mark>((m) => m.id);
		active.show(a);
		active.onKey(key('Tab'));
		active.onKey(key('Enter'));
		expect(active.current).toEqual(a);
		active.onKey(key('Escape'));
		expect(active.current).toBeNull();
	});

	test('clear hides whatever is shown', () => {
		const active = new ActiveMark<Mark>((m) => m.id);
		active.show(b);
		active.clear();
		expect(active.current).toBeNull();
		expect(active.is('b')).toBe(false);
	});

	test('handlers work when passed on their own, as event attributes pass them', () => {
		const active = new ActiveMark<Mark>((m) => m.id);
		const { show, leave, clear, onKey } = active;
		show(a);
		expect(active.current).toEqual(a);
		leave('a');
		expect(active.current).toBeNull();
		show(b);
		onKey(key('Escape'));
		expect(active.current).toBeNull();
		show(a);
		clear();
		expect(active.current).toBeNull();
	});

	test('the mark is keyed by the given function, e.g. a nested id', () => {
		const active = new ActiveMark<{ group: { id: string } }>((p) => p.group.id);
		active.show({ group: { id: 'senior' } });
		expect(active.is('senior')).toBe(true);
		active.leave('senior');
		expect(active.current).toBeNull();
	});

	test('handlers: the wiring a mark spreads shows on hover and focus, and hides only its own mark', () => {
		const active = new ActiveMark<Mark>((m) => m.id);
		const ha = active.handlers(a);
		const hb = active.handlers(b);
		ha.onpointerenter();
		expect(active.current).toEqual(a);
		hb.onfocus();
		ha.onpointerleave(); // a was replaced by b: leaving a keeps b
		expect(active.current).toEqual(b);
		hb.onblur();
		expect(active.current).toBeNull();
		ha.onfocus();
		ha.onkeydown(key('Tab'));
		expect(active.current).toEqual(a);
		ha.onkeydown(key('Escape'));
		expect(active.current).toBeNull();
	});
});
