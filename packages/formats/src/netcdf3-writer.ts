/**
 * A minimal NetCDF-3 writer (64-bit offset format, "CDF\x02"), pure TypeScript, no native library: fixed-size
 * dimensions, typed variables and attributes, big-endian data, every section padded to 4 bytes. Format: Unidata
 * "The NetCDF Classic Format Specification" (NetCDF Users Guide, appendix "File Format Specifications") and
 * "The 64-bit Offset Format". Enough for drift trajectories and probability rasters; no record dimension.
 */
import { TandemError } from '@tandem/core';

export type Nc3Type = 'byte' | 'char' | 'short' | 'int' | 'float' | 'double';

const TYPE_CODE: Readonly<Record<Nc3Type, number>> = { byte: 1, char: 2, short: 3, int: 4, float: 5, double: 6 };
const TYPE_SIZE: Readonly<Record<Nc3Type, number>> = { byte: 1, char: 1, short: 2, int: 4, float: 4, double: 8 };

/** Default fill values of the NetCDF C library (netcdf.h NC_FILL_*), which readers mask. */
export const NC3_FILL: Readonly<Record<Exclude<Nc3Type, 'char'>, number>> = {
  byte: -127,
  short: -32767,
  int: -2147483647,
  float: 9.969209968386869e36,
  double: 9.969209968386869e36,
};

export interface Nc3Attribute {
  readonly name: string;
  /** A string (written as char) or numbers of `type` (default double). */
  readonly value: string | number | ArrayLike<number>;
  readonly type?: Exclude<Nc3Type, 'char'>;
}

export interface Nc3Variable {
  readonly name: string;
  readonly type: Nc3Type;
  /** Dimension names, slowest varying first (C order). */
  readonly dimensions: readonly string[];
  readonly attributes?: readonly Nc3Attribute[];
  /** Values in C order, product of the dimension sizes long. */
  readonly data: ArrayLike<number>;
}

export interface Nc3Dataset {
  readonly dimensions: readonly { readonly name: string; readonly size: number }[];
  readonly attributes?: readonly Nc3Attribute[];
  readonly variables: readonly Nc3Variable[];
}

/** Largest variable written (bytes): the format stores its size in 32 bits. */
export const MAX_NC3_VARIABLE_BYTES = 0xfffffffc;

const pad4 = (n: number): number => (n + 3) & ~3;
const encoder = new TextEncoder();

/** The two NetCDF-3 variants: classic ("CDF\x01", 32-bit offsets) and 64-bit offset ("CDF\x02", the default). */
export type Nc3Format = 'classic' | '64bit-offset';

/** Serialise a dataset to NetCDF-3 bytes. Throws `TandemError` on inconsistent input. */
export function writeNetcdf3(ds: Nc3Dataset, format: Nc3Format = '64bit-offset'): Uint8Array {
  const offsetBytes = format === 'classic' ? 4 : 8;
  const dimIndex = new Map<string, number>();
  ds.dimensions.forEach((d, k) => {
    if (!Number.isInteger(d.size) || d.size < 1) {
      throw new TandemError('INVALID_INPUT', `dimension size must be a whole number ≥ 1, got ${d.size}`, d.name);
    }
    if (dimIndex.has(d.name)) throw new TandemError('INVALID_INPUT', 'duplicate dimension', d.name);
    dimIndex.set(d.name, k);
  });
  const varSizes = ds.variables.map((v) => {
    let n = 1;
    for (const d of v.dimensions) {
      const k = dimIndex.get(d);
      if (k === undefined) throw new TandemError('INVALID_INPUT', `unknown dimension "${d}"`, v.name);
      n *= (ds.dimensions[k] as { size: number }).size;
    }
    if (v.data.length !== n) {
      throw new TandemError('INVALID_INPUT', `has ${v.data.length} values for ${n} cells`, v.name);
    }
    const bytes = n * TYPE_SIZE[v.type];
    if (bytes > MAX_NC3_VARIABLE_BYTES) {
      throw new TandemError('FILE_TOO_LARGE', `${bytes} bytes exceeds the NetCDF-3 variable limit`, v.name);
    }
    return { n, bytes, vsize: pad4(bytes) };
  });

  const head = new ByteSink();
  head.bytes([0x43, 0x44, 0x46, format === 'classic' ? 0x01 : 0x02]);
  head.u32(0);
  if (ds.dimensions.length === 0) {
    head.u32(0);
    head.u32(0);
  } else {
    head.u32(0x0a);
    head.u32(ds.dimensions.length);
    for (const d of ds.dimensions) {
      head.name(d.name);
      head.u32(d.size);
    }
  }
  writeAttributes(head, ds.attributes ?? []);
  // Variable headers: their `begin` offsets depend on the header length, so write with placeholders first.
  const beginAt: number[] = [];
  if (ds.variables.length === 0) {
    head.u32(0);
    head.u32(0);
  } else {
    head.u32(0x0b);
    head.u32(ds.variables.length);
    ds.variables.forEach((v, k) => {
      head.name(v.name);
      head.u32(v.dimensions.length);
      for (const d of v.dimensions) head.u32(dimIndex.get(d) as number);
      writeAttributes(head, v.attributes ?? []);
      head.u32(TYPE_CODE[v.type]);
      head.u32((varSizes[k] as { vsize: number }).vsize);
      beginAt.push(head.length);
      head.u32(0);
      if (offsetBytes === 8) head.u32(0);
    });
  }
  const headerBytes = head.length;
  let total = headerBytes;
  const begins = varSizes.map((s) => {
    const b = total;
    total += s.vsize;
    return b;
  });
  if (offsetBytes === 4 && (begins.at(-1) ?? 0) > 0x7fffffff) {
    throw new TandemError('FILE_TOO_LARGE', 'the classic format cannot address data beyond 2 GiB', 'format');
  }
  const out = new Uint8Array(total);
  out.set(head.toBytes(), 0);
  const view = new DataView(out.buffer);
  beginAt.forEach((at, k) => {
    const b = begins[k] as number;
    if (offsetBytes === 4) {
      view.setUint32(at, b >>> 0);
    } else {
      view.setUint32(at, Math.floor(b / 2 ** 32));
      view.setUint32(at + 4, b >>> 0);
    }
  });
  ds.variables.forEach((v, k) => writeValues(view, begins[k] as number, v.type, v.data));
  return out;
}

function writeAttributes(sink: ByteSink, attrs: readonly Nc3Attribute[]): void {
  if (attrs.length === 0) {
    sink.u32(0);
    sink.u32(0);
    return;
  }
  sink.u32(0x0c);
  sink.u32(attrs.length);
  for (const a of attrs) {
    sink.name(a.name);
    if (typeof a.value === 'string') {
      const b = encoder.encode(a.value);
      sink.u32(TYPE_CODE.char);
      sink.u32(b.length);
      sink.bytes(b);
      sink.pad();
      continue;
    }
    const type = a.type ?? 'double';
    const values: ArrayLike<number> = typeof a.value === 'number' ? [a.value] : a.value;
    sink.u32(TYPE_CODE[type]);
    sink.u32(values.length);
    const buf = new Uint8Array(pad4(values.length * TYPE_SIZE[type]));
    writeValues(new DataView(buf.buffer), 0, type, values);
    sink.bytes(buf);
  }
}

function writeValues(view: DataView, at: number, type: Nc3Type, data: ArrayLike<number>): void {
  const n = data.length;
  switch (type) {
    case 'byte':
      for (let k = 0; k < n; k++) view.setInt8(at + k, data[k] as number);
      return;
    case 'char':
      for (let k = 0; k < n; k++) view.setUint8(at + k, data[k] as number);
      return;
    case 'short':
      for (let k = 0; k < n; k++) view.setInt16(at + 2 * k, data[k] as number);
      return;
    case 'int':
      for (let k = 0; k < n; k++) view.setInt32(at + 4 * k, data[k] as number);
      return;
    case 'float':
      for (let k = 0; k < n; k++) view.setFloat32(at + 4 * k, data[k] as number);
      return;
    case 'double':
      for (let k = 0; k < n; k++) view.setFloat64(at + 8 * k, data[k] as number);
      return;
  }
}

/** A growable big-endian byte buffer for the header. */
class ByteSink {
  #buf = new Uint8Array(4096);
  #view = new DataView(this.#buf.buffer);
  length = 0;

  #ensure(extra: number): void {
    if (this.length + extra <= this.#buf.length) return;
    const bigger = new Uint8Array(Math.max(this.#buf.length * 2, this.length + extra));
    bigger.set(this.#buf);
    this.#buf = bigger;
    this.#view = new DataView(bigger.buffer);
  }

  u32(v: number): void {
    this.#ensure(4);
    this.#view.setUint32(this.length, v);
    this.length += 4;
  }

  bytes(b: ArrayLike<number>): void {
    this.#ensure(b.length);
    this.#buf.set(b, this.length);
    this.length += b.length;
  }

  pad(): void {
    const n = pad4(this.length) - this.length;
    this.#ensure(n);
    this.length += n;
  }

  name(s: string): void {
    if (s.length === 0) throw new TandemError('INVALID_INPUT', 'empty NetCDF name', 'name');
    const b = encoder.encode(s);
    this.u32(b.length);
    this.bytes(b);
    this.pad();
  }

  toBytes(): Uint8Array {
    return this.#buf.subarray(0, this.length);
  }
}
