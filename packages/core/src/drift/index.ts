export * from './trajectory-set.ts';
