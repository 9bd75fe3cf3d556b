/**
 * The narrow view of a NetCDF file that the CF decoder needs, the same for NetCDF-3 (classic, 64-bit offset)
 * and NetCDF-4/HDF5: dimensions, variables with their attributes, and hyperslab reads of raw stored values.
 * Readers validate declared sizes against the file before reading, so a slab read never allocates more than
 * the file can hold.
 */

/** Attribute values: text, or numbers (every numeric NetCDF type widens to a JS number). */
export type NcAttributeValue = string | readonly number[];

export interface NcDimension {
  readonly name: string;
  readonly size: number;
}

export interface NcVariable {
  readonly name: string;
  /** Dimension names, slowest-varying first (C order, as in the file). */
  readonly dimensions: readonly string[];
  readonly shape: readonly number[];
  /** NetCDF type name: byte, char, short, int, float, double (NetCDF-4 adds ubyte, ushort, uint, int64 ...). */
  readonly type: string;
  readonly attributes: Readonly<Record<string, NcAttributeValue>>;
}

export interface NcFile {
  readonly path: string;
  readonly format: 'netcdf3-classic' | 'netcdf3-64bit-offset' | 'netcdf4';
  readonly dimensions: readonly NcDimension[];
  readonly globalAttributes: Readonly<Record<string, NcAttributeValue>>;
  readonly variables: readonly NcVariable[];
  /**
   * Raw stored values of `variable` in the hyperslab `start`/`count` (one entry per dimension), C order.
   * No scale, offset or fill decoding (see `cf-decode.ts`).
   */
  read(variable: string, start: readonly number[], count: readonly number[]): Float64Array;
  close(): void;
}

/** Largest slab (in values) a reader will allocate in one read: 32 Mi values = 256 MiB as doubles. */
export const MAX_SLAB_VALUES = 32 * 1024 * 1024;

export function attributeText(v: NcAttributeValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function attributeNumber(v: NcAttributeValue | undefined): number | undefined {
  if (v === undefined || typeof v === 'string') return undefined;
  return v.length > 0 ? v[0] : undefined;
}

export function attributeNumbers(v: NcAttributeValue | undefined): readonly number[] | undefined {
  return v === undefined || typeof v === 'string' ? undefined : v;
}
