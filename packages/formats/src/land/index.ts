export * from './polygon-land-mask.ts';
export * from './geojson-land-mask.ts';
export * from './raster-land-mask.ts';
export * from './netcdf-land-mask.ts';
export * from './natural-earth-land-mask.ts';
export * from './read-land-mask.ts';
export * from './land-mask-transfer.ts';
export * from './land-coverage-warning.ts';
