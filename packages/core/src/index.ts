export * from './units/index.ts';
export * from './geo/index.ts';
export * from './random/index.ts';
export * from './forcing/index.ts';
export * from './drift/index.ts';
export * from './errors/index.ts';
export * from './exchanges/index.ts';
export * from './dialogues/index.ts';
