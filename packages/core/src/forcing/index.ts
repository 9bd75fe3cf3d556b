export * from './environment-source.ts';
export * from './land-mask.ts';
