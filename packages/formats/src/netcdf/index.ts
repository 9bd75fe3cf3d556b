export type { NcAttributeValue, NcDimension, NcFile, NcVariable } from './netcdf-file.ts';
export { attributeNumber, attributeNumbers, attributeText } from './netcdf-file.ts';
export { openNetcdf3, parseNetcdf3Header } from './netcdf3-reader.ts';
export { isHdf5File, openNetcdf4 } from './netcdf4-reader.ts';
export { cfTimesToEpochSeconds, parseCfTimeUnits } from './cf-time.ts';
export { velocityUnitFactor } from './cf-decode.ts';
export { gridMappingToProj4, makeProjection } from './grid-mapping.ts';
