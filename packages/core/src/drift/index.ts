export * from './trajectory-set.ts';
export * from './drift-config.ts';
export * from './leeway-categories.ts';
