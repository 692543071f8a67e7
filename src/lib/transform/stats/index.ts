/** The statistics layer: pure, synchronous functions from typed rows to view models. See METHODS.md. */
export * from './constants';
export * from './normal';
export * from './quantiles';
export * from './intervals';
export * from './summary';
export * from './dimensions';
export * from './dedupe';
export * from './real-pay';
export * from './growth';
export * from './like-for-like';
export * from './pay-band';
export * from './bootstrap';
export * from './prepare';
export * from './compute';
export * from './support';
export * from './facets';
export * from './claim';
export type * from './types';
