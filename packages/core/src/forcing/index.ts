export * from './environment-source.ts';
export * from './land-mask.ts';
export * from './constant-source.ts';
export * from './time-series-source.ts';
