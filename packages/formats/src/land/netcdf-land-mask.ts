/**
 * Reads a raster land mask (land = 1) from NetCDF: classic or 64-bit-offset NetCDF-3 (header parsed with
 * netcdfjs, values read straight from the file bytes), or NetCDF-4/HDF5 (h5wasm). The grid is 1-D longitude
 * and latitude coordinates (cell centres) and a 2-D mask variable over (lat, lon): the variable whose
 * standard_name is `land_binary_mask`, else one named z, mask, landmask, land_mask, lsm or land, else the only
 * 2-D variable. Which value is land: the flag value whose meaning starts with "land" (`flag_values` /
 * `flag_meanings`, or ROMS-style `option_0 = "land"`), else any value of at least 0.5 that is not the fill value
 * (CF `land_binary_mask`: 1 = land). Coordinates must be longitude/latitude in degrees: projected grids (x/y in
 * metres or km) are refused, not misread.
 *
 * Sizes declared in a file are checked before anything is allocated from them: against the file's byte length
 * for NetCDF-3, and against `MAX_MASK_CELLS` for compressed NetCDF-4 data.
 */
import { readFile, stat } from 'node:fs/promises';
import { NetCDFReader } from 'netcdfjs';
import h5wasm from 'h5wasm/node';
import { TandemError } from '@tandem/core';
import { RasterLandMask, packLandBits } from './raster-land-mask.ts';

/** Largest raster accepted (cells): 400 M, i.e. 0.0005° over 10° × 10°. */
export const MAX_MASK_CELLS = 400_000_000;
/** Largest mask file read (bytes). */
export const MAX_MASK_FILE_BYTES = 2 * 1024 * 1024 * 1024 - 1;

const MASK_NAMES = ['z', 'mask', 'landmask', 'land_mask', 'lsm', 'land', 'land_binary_mask'];
const LON_NAMES = ['lon', 'longitude', 'x', 'nav_lon'];
const LAT_NAMES = ['lat', 'latitude', 'y', 'nav_lat'];

interface VarInfo {
  readonly name: string;
  readonly dims: readonly string[];
  readonly shape: readonly number[];
  readonly attrs: Readonly<Record<string, string | number | readonly number[] | undefined>>;
}

/** Choose longitude, latitude and mask variables; `file` names the file in errors. */
function pickVariables(vars: readonly VarInfo[], file: string): { lon: VarInfo; lat: VarInfo; mask: VarInfo } {
  const isAxis = (v: VarInfo, names: readonly string[], std: string, units: RegExp): boolean => {
    if (v.shape.length !== 1) return false;
    const sn = v.attrs['standard_name'];
    const u = v.attrs['units'];
    if (sn === std || (typeof u === 'string' && units.test(u))) return true;
    return sn === undefined && (u === undefined || u === '') && names.includes(v.name.toLowerCase());
  };
  const lon = vars.find((v) => isAxis(v, LON_NAMES, 'longitude', /^degrees?_?e(ast)?$/i));
  const lat = vars.find((v) => isAxis(v, LAT_NAMES, 'latitude', /^degrees?_?n(orth)?$/i));
  if (lon === undefined || lat === undefined) {
    throw new TandemError('VARIABLE_NOT_FOUND', 'no 1-D longitude and latitude coordinates', file);
  }
  const twoD = vars.filter((v) => v.shape.length === 2);
  const mask =
    twoD.find((v) => v.attrs['standard_name'] === 'land_binary_mask') ??
    twoD.find((v) => MASK_NAMES.includes(v.name.toLowerCase())) ??
    (twoD.length === 1 ? twoD[0] : undefined);
  if (mask === undefined) {
    throw new TandemError(
      'VARIABLE_NOT_FOUND',
      'no land mask variable (standard_name land_binary_mask, or named z/mask/landmask/lsm)',
      file,
    );
  }
  const [d0, d1] = mask.dims;
  if (d0 !== lat.dims[0] || d1 !== lon.dims[0] || mask.shape[0] !== lat.shape[0] || mask.shape[1] !== lon.shape[0]) {
    throw new TandemError(
      'UNSUPPORTED_FILE',
      `mask variable "${mask.name}" must be laid out (lat, lon) over the coordinate axes`,
      `${file}: ${mask.name}`,
    );
  }
  const cells = (lat.shape[0] as number) * (lon.shape[0] as number);
  if (cells > MAX_MASK_CELLS) {
    throw new TandemError(
      'FILE_TOO_LARGE',
      `mask of ${cells} cells; at most ${MAX_MASK_CELLS}`,
      `${file}: ${mask.name}`,
    );
  }
  return { lon, lat, mask };
}

/** Read a NetCDF-3 or NetCDF-4 land mask file. */
export async function readNetcdfLandMask(path: string): Promise<RasterLandMask> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new TandemError('NOT_FOUND', 'land mask file not found or not readable', path);
  }
  if (size > MAX_MASK_FILE_BYTES) {
    throw new TandemError('FILE_TOO_LARGE', `land mask file of ${size} bytes is too large`, path);
  }
  const bytes = new Uint8Array(await readFile(path));
  if (bytes.length >= 4 && bytes[0] === 0x43 && bytes[1] === 0x44 && bytes[2] === 0x46) return readNetcdf3(bytes, path);
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x48 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    return readNetcdf4(path);
  }
  throw new TandemError('UNSUPPORTED_FILE', 'not a NetCDF file (neither "CDF" nor HDF5 signature)', path);
}

const NC3_TYPE_BYTES: Readonly<Record<string, number>> = { byte: 1, char: 1, short: 2, int: 4, float: 4, double: 8 };

function readNetcdf3(bytes: Uint8Array, path: string): RasterLandMask {
  let reader: NetCDFReader;
  try {
    reader = new NetCDFReader(bytes);
  } catch (e) {
    throw new TandemError('UNSUPPORTED_FILE', `damaged NetCDF-3 header: ${(e as Error).message}`, path);
  }
  const dims = reader.dimensions;
  const raw = reader.header.variables;
  const vars: (VarInfo & { type: string; offset: number; record: boolean })[] = raw.map((v) => {
    const attrs: Record<string, string | number | readonly number[] | undefined> = {};
    for (const a of v.attributes as { name: string; value: unknown }[]) attrs[a.name] = attrValue(a.value);
    const dn = v.dimensions.map((d) => dims[d]?.name ?? `#${d}`);
    const shape = v.dimensions.map((d) => dims[d]?.size ?? 0);
    return { name: v.name, dims: dn, shape, attrs, type: v.type, offset: v.offset, record: v.record };
  });
  const { lon, lat, mask } = pickVariables(vars, path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = (v: (typeof vars)[number]): ((k: number) => number) & { n: number } => {
    const width = NC3_TYPE_BYTES[v.type];
    const n = v.shape.reduce((a, b) => a * b, 1);
    if (width === undefined || v.record) {
      throw new TandemError('UNSUPPORTED_FILE', `variable type ${v.type} not supported here`, `${path}: ${v.name}`);
    }
    if (!(v.offset >= 0) || v.offset + n * width > bytes.length) {
      throw new TandemError('UNSUPPORTED_FILE', 'file is truncated: variable data past its end', `${path}: ${v.name}`);
    }
    const o = v.offset;
    const get: (k: number) => number =
      v.type === 'byte'
        ? (k) => view.getInt8(o + k)
        : v.type === 'char'
          ? (k) => view.getUint8(o + k)
          : v.type === 'short'
            ? (k) => view.getInt16(o + 2 * k)
            : v.type === 'int'
              ? (k) => view.getInt32(o + 4 * k)
              : v.type === 'float'
                ? (k) => view.getFloat32(o + 4 * k)
                : (k) => view.getFloat64(o + 8 * k);
    return Object.assign(get, { n });
  };
  const axis = (v: (typeof vars)[number]): Float64Array => {
    const g = values(v);
    const out = new Float64Array(g.n);
    for (let k = 0; k < g.n; k++) out[k] = g(k);
    return out;
  };
  const lonDeg = axis(lon as (typeof vars)[number]);
  const latDeg = axis(lat as (typeof vars)[number]);
  const g = values(mask as (typeof vars)[number]);
  const isLandValue = landRule(mask);
  const landBits = packLandBits(g.n, (k) => isLandValue(g(k)));
  return new RasterLandMask(`raster land mask ${path}`, { lonDeg, latDeg, landBits });
}

/** An attribute value as a string, a number or an array of numbers (NUL padding stripped). */
function attrValue(v: unknown): string | number | readonly number[] | undefined {
  if (typeof v === 'string') return v.replace(/\0+$/, '');
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const a = Array.from(v as ArrayLike<unknown>, (x) => Number(x));
    return a.length === 1 ? (a[0] as number) : a;
  }
  return undefined;
}

/** Which raw values mean land, from flag meanings, ROMS-style options, or CF's 1 = land (see the file comment). */
function landRule(mask: VarInfo): (x: number) => boolean {
  const a = mask.attrs;
  const meanings = a['flag_meanings'];
  const values = a['flag_values'];
  if (typeof meanings === 'string' && values !== undefined && typeof values !== 'string') {
    const list = typeof values === 'number' ? [values] : values;
    const k = meanings
      .trim()
      .split(/\s+/)
      .findIndex((m) => /^land/i.test(m));
    const landValue = list[k];
    if (k >= 0 && landValue !== undefined) return (x) => x === landValue;
  }
  for (let k = 0; k < 10; k++) {
    const o = a[`option_${k}`];
    if (typeof o === 'string' && /^land/i.test(o.trim())) return (x) => x === k;
  }
  const f = a['_FillValue'];
  const fill = typeof f === 'number' ? f : NaN;
  return (x) => x >= 0.5 && x !== fill;
}

async function readNetcdf4(path: string): Promise<RasterLandMask> {
  const module = await h5wasm.ready;
  let file: InstanceType<typeof h5wasm.File>;
  // HDF5 errors become exceptions (not stderr noise) while this synchronous open runs; then back to the default.
  module.activate_throwing_error_handler();
  try {
    file = new h5wasm.File(path, 'r');
    file.keys();
  } catch (e) {
    throw new TandemError('UNSUPPORTED_FILE', `damaged NetCDF-4/HDF5 file: ${firstLine(e)}`, path);
  } finally {
    module.deactivate_throwing_error_handler();
  }
  try {
    const datasets = new Map<string, InstanceType<typeof h5wasm.Dataset>>();
    const vars: VarInfo[] = [];
    for (const key of file.keys()) {
      const d = file.get(key);
      if (!(d instanceof h5wasm.Dataset)) continue;
      const shape = d.shape ?? [];
      const attrs: Record<string, string | number | readonly number[] | undefined> = {};
      for (const [name, a] of Object.entries(d.attrs)) {
        if (name === 'DIMENSION_LIST' || name === 'REFERENCE_LIST') continue;
        attrs[name] = attrValue(a.value);
      }
      datasets.set(key, d);
      vars.push({ name: key, dims: [], shape, attrs });
    }
    // NetCDF-4 keeps dimensions as HDF5 dimension scales; a 1-D coordinate variable names its own dimension.
    const withDims = vars.map((v) => ({ ...v, dims: v.shape.length === 1 ? [v.name] : ([] as string[]) }));
    const { lon, lat, mask } = pickVariables(
      withDims.map((v) => {
        if (v.shape.length !== 2) return v;
        const d = datasets.get(v.name);
        let labels: string[] = [];
        try {
          labels = [0, 1].map((i) => d?.get_attached_scales(i)[0]?.replace(/^\//, '') ?? '');
        } catch {
          labels = [];
        }
        return { ...v, dims: labels };
      }),
      path,
    );
    const read = (v: VarInfo): ArrayLike<number> => {
      const value = datasets.get(v.name)?.value;
      if (value === null || value === undefined || typeof value !== 'object' || !('length' in value)) {
        throw new TandemError('UNSUPPORTED_FILE', 'variable is not numeric', `${path}: ${v.name}`);
      }
      return value as ArrayLike<number>;
    };
    const lonDeg = Float64Array.from(read(lon));
    const latDeg = Float64Array.from(read(lat));
    const z = read(mask);
    const isLandValue = landRule(mask);
    const landBits = packLandBits(z.length, (k) => isLandValue(Number(z[k])));
    return new RasterLandMask(`raster land mask ${path}`, { lonDeg, latDeg, landBits });
  } catch (e) {
    if (e instanceof TandemError) throw e;
    throw new TandemError('UNSUPPORTED_FILE', `cannot read the land mask: ${(e as Error).message}`, path);
  } finally {
    file.close();
  }
}

/** The innermost HDF5 error ("truncated file: eof = ...") from an HDF5 error-stack dump. */
function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  const frames = m.split('\n').filter((l) => /^\s*#\d+/.test(l));
  const last = frames.at(-1);
  const text = last === undefined ? (m.split('\n')[0] ?? '') : last.replace(/^.*?\(\):\s*/, '');
  return text.trim().slice(0, 200);
}
