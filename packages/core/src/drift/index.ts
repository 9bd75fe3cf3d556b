export * from './trajectory-set.ts';
export * from './drift-config.ts';
export * from './drift-scenario.ts';
export * from './leeway-categories.ts';
