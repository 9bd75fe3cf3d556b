export * from './trajectory-geojson.ts';
export * from './trajectory-csv.ts';
export * from './trajectory-netcdf.ts';
export * from './density-grid-geojson.ts';
