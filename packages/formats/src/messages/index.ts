export * from './search-messages.ts';
