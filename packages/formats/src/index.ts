export {};
export * from './netcdf/index.ts';
export * from './grib/index.ts';
export * from './forcing/index.ts';
export * from './land/index.ts';
export * from './calendar/index.ts';
export * from './netcdf3-writer.ts';
export * from './trajectory/index.ts';
export * from './search/index.ts';
