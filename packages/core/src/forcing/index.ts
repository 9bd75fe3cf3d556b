export * from './environment-source.ts';
export * from './land-mask.ts';
export * from './grid-locator.ts';
export * from './grid-sampler.ts';
export * from './composite-source.ts';
export * from './constant-source.ts';
export * from './time-series-source.ts';
