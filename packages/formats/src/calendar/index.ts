export * from './ics-writer.ts';
export * from './ics-parser.ts';
export * from './exchange-event-ics.ts';
