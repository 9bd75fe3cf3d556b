export { convertGribToNetcdf, isGribFile } from './grib-to-netcdf.ts';
export type { ConvertedGrib } from './grib-to-netcdf.ts';
