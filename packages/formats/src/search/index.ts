export * from './geotiff-writer.ts';
export * from './probability-raster.ts';
export * from './plan-outputs.ts';
export * from './track-reader.ts';
