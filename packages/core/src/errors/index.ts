export * from './tandem-error.ts';
