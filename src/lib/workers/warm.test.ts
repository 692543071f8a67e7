import { describe, expect, it } from 'vitest';
import { warmFirst } from './warm';

describe('warmFirst', () => {
	it("warms the tab's salary page on its own query, without source=", () => {
		expect(warmFirst({ page: 'pay', params: 'size=S&source=yours&scale=log' })).toEqual({ page: 'pay', params: 'size=S&scale=log' });
		expect(warmFirst({ page: 'trends', params: '' })).toEqual({ page: 'trends', params: '' });
	});
	it("falls back to the Overview's default view for other pages or none", () => {
		expect(warmFirst({ page: 'demand', params: 'market=US' })).toEqual({ page: 'overview', params: '' });
		expect(warmFirst({ page: 'titles', params: '' })).toEqual({ page: 'overview', params: '' });
		expect(warmFirst(undefined)).toEqual({ page: 'overview', params: '' });
	});
});
