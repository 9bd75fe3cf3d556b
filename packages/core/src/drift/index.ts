export * from './trajectory-set.ts';
export * from './drift-config.ts';
