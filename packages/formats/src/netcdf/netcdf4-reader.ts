/**
 * NetCDF-4 (HDF5) reader through h5wasm, the HDF5 C library compiled to WebAssembly (zlib, shuffle and the
 * other standard filters included). NetCDF-4 dimensions are HDF5 dimension scales: a variable's dimension
 * names come from its attached scales; dimensions without a coordinate variable get the name
 * `dim<size>` so that variables sharing them still match. Only the root group is read (CF files put their
 * data there). Slab sizes are checked before h5wasm allocates.
 */
import fs, { closeSync, openSync, readSync } from 'node:fs';
import h5wasm from 'h5wasm/node';
import type { Dataset, Group } from 'h5wasm/node';
import { TandemError } from '@tandem/core';
import type { NcAttributeValue, NcDimension, NcFile, NcVariable } from './netcdf-file.ts';
import { MAX_SLAB_VALUES } from './netcdf-file.ts';

/** True when the file starts with the HDF5 signature (NetCDF-4 files are HDF5 files). */
export function isHdf5File(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const sig = new Uint8Array(8);
    readSync(fd, sig, 0, 8, 0);
    return sig[0] === 0x89 && sig[1] === 0x48 && sig[2] === 0x44 && sig[3] === 0x46;
  } finally {
    closeSync(fd);
  }
}

const HIDDEN_ATTRIBUTES = new Set([
  'DIMENSION_LIST',
  'REFERENCE_LIST',
  'CLASS',
  'NAME',
  '_Netcdf4Dimid',
  '_Netcdf4Coordinates',
]);

function toAttributeValue(v: unknown): NcAttributeValue | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return [v];
  if (typeof v === 'bigint') return [Number(v)];
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return v.join(',');
    if (v.every((x) => typeof x === 'number')) return v as number[];
    return undefined;
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    return Array.from(v as unknown as ArrayLike<number | bigint>, (x) => Number(x));
  }
  return undefined;
}

function readAttributes(obj: Dataset | Group): Record<string, NcAttributeValue> {
  const out: Record<string, NcAttributeValue> = {};
  for (const [name, attr] of Object.entries(obj.attrs)) {
    if (HIDDEN_ATTRIBUTES.has(name)) continue;
    let value: unknown;
    try {
      value = attr.value;
    } catch {
      continue;
    }
    const v = toAttributeValue(value);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

function typeName(ds: Dataset): string {
  const m = ds.metadata;
  if (m.type === 0)
    return m.signed
      ? m.size === 1
        ? 'byte'
        : m.size === 2
          ? 'short'
          : m.size === 4
            ? 'int'
            : 'int64'
      : m.size === 1
        ? 'ubyte'
        : m.size === 2
          ? 'ushort'
          : m.size === 4
            ? 'uint'
            : 'uint64';
  if (m.type === 1) return m.size === 4 ? 'float' : 'double';
  if (m.type === 3) return 'char';
  return `hdf5-class-${m.type}`;
}

let ready: Promise<unknown> | undefined;

/**
 * Runs a synchronous h5wasm call with standard output and error muted: the WebAssembly build of HDF5 writes
 * its error-stack dump there (through `fs.writeSync` on descriptors 1 and 2, in fragments) on every failed
 * call on a damaged file, while the failure itself reaches us as an exception and becomes a TandemError.
 * The call is synchronous, so nothing else can write in the meantime.
 */
function quietHdf5<T>(fn: () => T): T {
  const original = fs.writeSync;
  fs.writeSync = ((fd: number, data: unknown, ...rest: unknown[]): number => {
    if (fd === 1 || fd === 2) return typeof data === 'string' ? data.length : Number(rest[1] ?? 0);
    return (original as (...a: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync;
  try {
    return fn();
  } finally {
    fs.writeSync = original;
  }
}

/** Opens a NetCDF-4/HDF5 file read-only. */
export async function openNetcdf4(path: string): Promise<NcFile> {
  ready ??= h5wasm.ready;
  await ready;
  let f: InstanceType<typeof h5wasm.File>;
  try {
    f = quietHdf5(() => new h5wasm.File(path, 'r'));
  } catch (err) {
    throw new TandemError(
      'UNSUPPORTED_FILE',
      `cannot read as NetCDF-4/HDF5: ${String((err as Error).message ?? err)}`,
      path,
    );
  }
  try {
    return quietHdf5(() => buildFile(path, f));
  } catch (err) {
    quietHdf5(() => f.close());
    if (err instanceof TandemError) throw err;
    throw new TandemError(
      'UNSUPPORTED_FILE',
      `damaged NetCDF-4/HDF5 structure: ${String((err as Error).message ?? err)}`,
      path,
    );
  }
}

function buildFile(path: string, f: InstanceType<typeof h5wasm.File>): NcFile {
  const datasets = new Map<string, Dataset>();
  const variables: NcVariable[] = [];
  const dims = new Map<string, number>();
  for (const key of f.keys()) {
    const obj = f.get(key);
    if (!(obj instanceof h5wasm.Dataset)) continue;
    const shape = obj.shape;
    if (shape === null) continue;
    const attrs = readAttributes(obj);
    let scaleName: unknown;
    try {
      scaleName = 'NAME' in obj.attrs ? obj.attrs['NAME']?.value : undefined;
    } catch {
      scaleName = undefined;
    }
    const isPhonyDim = typeof scaleName === 'string' && scaleName.startsWith('This is a netCDF dimension but not');
    const names: string[] = [];
    for (let d = 0; d < shape.length; d++) {
      let name: string | undefined;
      try {
        const scales = obj.get_attached_scales(d);
        const s = scales[0];
        if (s !== undefined) name = s.replace(/^\//, '');
      } catch {
        name = undefined;
      }
      if (name === undefined && obj.get_scale_name() !== null && shape.length === 1) name = key;
      name ??= `dim${shape[d]}`;
      names.push(name);
      dims.set(name, shape[d]!);
    }
    datasets.set(key, obj);
    if (!isPhonyDim) variables.push({ name: key, dimensions: names, shape, type: typeName(obj), attributes: attrs });
  }
  const dimensions: NcDimension[] = [...dims].map(([name, size]) => ({ name, size }));
  const globalAttributes = readAttributes(f);
  let open = true;
  return {
    path,
    format: 'netcdf4',
    dimensions,
    globalAttributes,
    variables,
    read(name: string, start: readonly number[], count: readonly number[]): Float64Array {
      const ds = datasets.get(name);
      const v = variables.find((x) => x.name === name);
      if (ds === undefined || v === undefined || !open) {
        throw new TandemError('VARIABLE_NOT_FOUND', `no variable "${name}"`, path);
      }
      const rank = v.shape.length;
      if (start.length !== rank || count.length !== rank) {
        throw new TandemError('INVALID_INPUT', `slab rank ${start.length} ≠ variable rank ${rank}`, `${path}:${name}`);
      }
      let total = 1;
      for (let d = 0; d < rank; d++) {
        const s = start[d]!;
        const n = count[d]!;
        if (!(Number.isInteger(s) && Number.isInteger(n) && s >= 0 && n >= 0 && s + n <= v.shape[d]!)) {
          throw new TandemError(
            'OUT_OF_RANGE',
            `slab outside variable shape [${v.shape.join(', ')}]`,
            `${path}:${name}`,
          );
        }
        total *= n;
      }
      if (total > MAX_SLAB_VALUES) {
        throw new TandemError(
          'FILE_TOO_LARGE',
          `a slab of ${total} values is too large to read at once`,
          `${path}:${name}`,
        );
      }
      if (total === 0) return new Float64Array(0);
      let data: unknown;
      try {
        data = quietHdf5(() => (rank === 0 ? ds.value : ds.slice(start.map((s, d) => [s, s + count[d]!]))));
      } catch (err) {
        throw new TandemError(
          'UNSUPPORTED_FILE',
          `cannot read ${name}: ${String((err as Error).message ?? err)}`,
          path,
        );
      }
      if (typeof data === 'number' || typeof data === 'bigint') return Float64Array.of(Number(data));
      if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
        const arr = data as unknown as ArrayLike<number | bigint>;
        if (arr.length !== total) {
          throw new TandemError('UNSUPPORTED_FILE', `read ${arr.length} values of ${name}, expected ${total}`, path);
        }
        return Float64Array.from(arr, (x) => Number(x));
      }
      throw new TandemError('UNSUPPORTED_FILE', `variable ${name} is not numeric`, path);
    },
    close(): void {
      if (open) quietHdf5(() => f.close());
      open = false;
    },
  };
}
