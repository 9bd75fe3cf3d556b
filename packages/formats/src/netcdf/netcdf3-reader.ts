/**
 * NetCDF-3 reader (classic "CDF\x01" and 64-bit offset "CDF\x02"), following the Unidata NetCDF classic
 * format specification (https://docs.unidata.ucar.edu/netcdf-c/current/file_format_specifications.html).
 *
 * The header is parsed and validated here against the file's length before any data is read: every list
 * count must fit in the bytes that remain, every variable's data must lie inside the file. `netcdfjs` reads
 * a whole variable (all records) at once and sizes its arrays from the header alone — a 144-byte file that
 * declares 30 million doubles made it allocate 227 MB (issue 3) — so data are read here instead, slab by
 * slab through a file descriptor, and netcdfjs serves the tests as an independent check (ADR 0005).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { TandemError } from '@tandem/core';
import type { NcAttributeValue, NcDimension, NcFile, NcVariable } from './netcdf-file.ts';
import { MAX_SLAB_VALUES } from './netcdf-file.ts';

const NC_DIMENSION = 10;
const NC_VARIABLE = 11;
const NC_ATTRIBUTE = 12;
const STREAMING = 0xffffffff;

const TYPES: Readonly<Record<number, { name: string; size: number }>> = {
  1: { name: 'byte', size: 1 },
  2: { name: 'char', size: 1 },
  3: { name: 'short', size: 2 },
  4: { name: 'int', size: 4 },
  5: { name: 'float', size: 4 },
  6: { name: 'double', size: 8 },
};

/** Header of a NetCDF-3 file with data locations, validated against the file length. */
export interface Netcdf3Header {
  readonly version: 1 | 2;
  readonly numRecords: number;
  readonly recordDimension: number;
  /** Bytes between successive records of one record variable. */
  readonly recordSize: number;
  readonly dimensions: readonly NcDimension[];
  readonly globalAttributes: Readonly<Record<string, NcAttributeValue>>;
  readonly variables: readonly (NcVariable & {
    readonly typeCode: number;
    readonly begin: number;
    readonly isRecord: boolean;
    /** Bytes of one record's (or the whole non-record variable's) data, unpadded. */
    readonly dataBytes: number;
  })[];
}

function damaged(file: string, what: string): TandemError {
  return new TandemError('UNSUPPORTED_FILE', `damaged NetCDF-3 header: ${what}`, file);
}

class HeaderCursor {
  pos = 0;
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  private readonly file: string;

  constructor(bytes: Uint8Array, file: string) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.file = file;
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  need(n: number, what: string): void {
    if (n > this.remaining) throw damaged(this.file, `${what} runs past the end of the header bytes`);
  }

  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  offset(version: number, what: string): number {
    if (version === 1) return this.u32(what);
    this.need(8, what);
    const hi = this.view.getUint32(this.pos);
    const lo = this.view.getUint32(this.pos + 4);
    this.pos += 8;
    if (hi >= 1 << 21) throw damaged(this.file, `${what} offset beyond 2^53`);
    return hi * 2 ** 32 + lo;
  }

  /** A count of list entries, each needing at least `minEntryBytes`: bounded by the bytes left. */
  count(minEntryBytes: number, what: string): number {
    const n = this.u32(what);
    if (n * minEntryBytes > this.remaining) throw damaged(this.file, `${what} declares ${n} entries`);
    return n;
  }

  name(what: string): string {
    const n = this.count(1, `${what} name length`);
    const padded = (n + 3) & ~3;
    this.need(padded, `${what} name`);
    const s = new TextDecoder('utf-8', { fatal: false }).decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += padded;
    return s;
  }

  values(type: number, n: number, what: string): NcAttributeValue {
    const t = TYPES[type];
    if (t === undefined) throw damaged(this.file, `${what} has unknown type ${type}`);
    if (n * t.size > this.remaining) throw damaged(this.file, `${what} declares ${n} values`);
    const padded = (n * t.size + 3) & ~3;
    this.need(padded, what);
    const p = this.pos;
    this.pos += padded;
    if (type === 2) {
      const raw = this.bytes.subarray(p, p + n);
      const end = raw.indexOf(0);
      return new TextDecoder().decode(end >= 0 ? raw.subarray(0, end) : raw);
    }
    const out: number[] = new Array<number>(n);
    for (let k = 0; k < n; k++) out[k] = readValue(this.view, p + k * t.size, type);
    return out;
  }
}

function readValue(view: DataView, at: number, type: number): number {
  switch (type) {
    case 1:
      return view.getInt8(at);
    case 2:
      return view.getUint8(at);
    case 3:
      return view.getInt16(at);
    case 4:
      return view.getInt32(at);
    case 5:
      return view.getFloat32(at);
    default:
      return view.getFloat64(at);
  }
}

function attributes(c: HeaderCursor, what: string): Record<string, NcAttributeValue> {
  const tag = c.u32(`${what} attribute tag`);
  const n = c.count(12, `${what} attribute count`);
  if (tag !== NC_ATTRIBUTE && !(tag === 0 && n === 0)) throw damaged(c['file'], `${what}: bad attribute list tag`);
  const out: Record<string, NcAttributeValue> = {};
  for (let k = 0; k < n; k++) {
    const name = c.name(`${what} attribute`);
    const type = c.u32(`${what} attribute ${name} type`);
    const nv = c.u32(`${what} attribute ${name} length`);
    out[name] = c.values(type, nv, `${what} attribute ${name}`);
  }
  return out;
}

/** Parses and validates a NetCDF-3 header from its first bytes; `fileLength` bounds every declared size. */
export function parseNetcdf3Header(bytes: Uint8Array, fileLength: number, file: string): Netcdf3Header {
  if (bytes.length < 8 || bytes[0] !== 0x43 || bytes[1] !== 0x44 || bytes[2] !== 0x46) {
    throw new TandemError('UNSUPPORTED_FILE', 'not a NetCDF-3 file (no "CDF" magic)', file);
  }
  const version = bytes[3];
  if (version === 5) throw new TandemError('UNSUPPORTED_FILE', 'NetCDF CDF-5 (64-bit data) is not supported', file);
  if (version !== 1 && version !== 2) throw damaged(file, `unknown version byte ${version}`);
  const c = new HeaderCursor(bytes, file);
  c.pos = 4;
  const rawRecords = c.u32('numrecs');

  const dimTag = c.u32('dimension tag');
  const ndims = c.count(8, 'dimension count');
  if (dimTag !== NC_DIMENSION && !(dimTag === 0 && ndims === 0)) throw damaged(file, 'bad dimension list tag');
  const dimensions: NcDimension[] = [];
  let recordDimension = -1;
  for (let k = 0; k < ndims; k++) {
    const name = c.name('dimension');
    const size = c.u32(`dimension ${name} length`);
    if (size === 0) {
      if (recordDimension >= 0) throw damaged(file, 'more than one record (unlimited) dimension');
      recordDimension = k;
    }
    dimensions.push({ name, size });
  }
  const globalAttributes = attributes(c, 'global');

  const varTag = c.u32('variable tag');
  const nvars = c.count(16, 'variable count');
  if (varTag !== NC_VARIABLE && !(varTag === 0 && nvars === 0)) throw damaged(file, 'bad variable list tag');
  const raw: {
    name: string;
    dimIds: number[];
    attributes: Record<string, NcAttributeValue>;
    typeCode: number;
    begin: number;
  }[] = [];
  for (let k = 0; k < nvars; k++) {
    const name = c.name('variable');
    const nd = c.count(4, `variable ${name} rank`);
    const dimIds: number[] = [];
    for (let d = 0; d < nd; d++) {
      const id = c.u32(`variable ${name} dimension id`);
      if (id >= ndims) throw damaged(file, `variable ${name} uses dimension id ${id} of ${ndims}`);
      if (id === recordDimension && d !== 0) throw damaged(file, `variable ${name}: record dimension not first`);
      dimIds.push(id);
    }
    const attrs = attributes(c, `variable ${name}`);
    const typeCode = c.u32(`variable ${name} type`);
    if (TYPES[typeCode] === undefined) throw damaged(file, `variable ${name} has unknown type ${typeCode}`);
    c.u32(`variable ${name} vsize`);
    const begin = c.offset(version, `variable ${name} begin`);
    raw.push({ name, dimIds, attributes: attrs, typeCode, begin });
  }
  const headerEnd = c.pos;

  const recordVars = raw.filter((v) => v.dimIds[0] !== undefined && v.dimIds[0] === recordDimension);
  const bytesOf = (v: (typeof raw)[number]): number => {
    let n = TYPES[v.typeCode]!.size;
    for (const id of v.dimIds) {
      if (id === recordDimension) continue;
      n *= dimensions[id]!.size;
      if (n > fileLength) {
        throw new TandemError(
          'FILE_TOO_LARGE',
          `variable ${v.name} declares ${n} bytes or more, but the file has ${fileLength} bytes (truncated or damaged)`,
          file,
        );
      }
    }
    return n;
  };
  let recordSize = 0;
  for (const v of recordVars) recordSize += recordVars.length === 1 ? bytesOf(v) : (bytesOf(v) + 3) & ~3;

  let numRecords = rawRecords;
  if (rawRecords === STREAMING) {
    const firstBegin = recordVars.length > 0 ? Math.min(...recordVars.map((v) => v.begin)) : fileLength;
    numRecords = recordSize > 0 ? Math.floor((fileLength - firstBegin) / recordSize) : 0;
  }

  const variables: Netcdf3Header['variables'][number][] = [];
  for (const v of raw) {
    const dataBytes = bytesOf(v);
    const isRecord = v.dimIds[0] !== undefined && v.dimIds[0] === recordDimension;
    const extent = isRecord ? (numRecords > 0 ? (numRecords - 1) * recordSize + dataBytes : 0) : dataBytes;
    if (extent > 0 && (v.begin < headerEnd || v.begin + extent > fileLength)) {
      throw new TandemError(
        'UNSUPPORTED_FILE',
        `variable ${v.name} data (bytes ${v.begin}..${v.begin + extent}) lie outside the file of ${fileLength} bytes: ` +
          'truncated or damaged',
        file,
      );
    }
    const shape = v.dimIds.map((id) => (id === recordDimension ? numRecords : dimensions[id]!.size));
    variables.push({
      name: v.name,
      dimensions: v.dimIds.map((id) => dimensions[id]!.name),
      shape,
      type: TYPES[v.typeCode]!.name,
      attributes: v.attributes,
      typeCode: v.typeCode,
      begin: v.begin,
      isRecord,
      dataBytes,
    });
  }
  const dims = dimensions.map((d, k) => (k === recordDimension ? { name: d.name, size: numRecords } : d));
  return {
    version,
    numRecords,
    recordDimension,
    recordSize,
    dimensions: dims,
    globalAttributes,
    variables,
  };
}

/** Largest header this reader accepts (bytes); real headers are a few kilobytes. */
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

/** Opens a NetCDF-3 file: validates its header, then reads slabs on demand through a file descriptor. */
export function openNetcdf3(path: string): NcFile {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new TandemError('NOT_FOUND', `cannot open file: ${(err as Error).message}`, path);
  }
  try {
    const length = fstatSync(fd).size;
    let headerBytes = Math.min(length, 64 * 1024);
    let header: Netcdf3Header | undefined;
    for (;;) {
      const buf = new Uint8Array(headerBytes);
      readSync(fd, buf, 0, headerBytes, 0);
      try {
        header = parseNetcdf3Header(buf, length, path);
        break;
      } catch (err) {
        const short = err instanceof TandemError && /runs past the end|declares \d+ (entries|values)/.test(err.message);
        if (!short || headerBytes >= length || headerBytes >= MAX_HEADER_BYTES) throw err;
        headerBytes = Math.min(length, headerBytes * 8, MAX_HEADER_BYTES);
      }
    }
    return new Netcdf3File(path, fd, header);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

class Netcdf3File implements NcFile {
  readonly path: string;
  readonly format: NcFile['format'];
  readonly dimensions: readonly NcDimension[];
  readonly globalAttributes: Readonly<Record<string, NcAttributeValue>>;
  readonly variables: Netcdf3Header['variables'];
  private fd: number;
  private readonly header: Netcdf3Header;

  constructor(path: string, fd: number, header: Netcdf3Header) {
    this.path = path;
    this.fd = fd;
    this.header = header;
    this.format = header.version === 1 ? 'netcdf3-classic' : 'netcdf3-64bit-offset';
    this.dimensions = header.dimensions;
    this.globalAttributes = header.globalAttributes;
    this.variables = header.variables;
  }

  read(name: string, start: readonly number[], count: readonly number[]): Float64Array {
    const v = this.variables.find((x) => x.name === name);
    if (v === undefined) throw new TandemError('VARIABLE_NOT_FOUND', `no variable "${name}"`, this.path);
    const rank = v.shape.length;
    if (start.length !== rank || count.length !== rank) {
      throw new TandemError(
        'INVALID_INPUT',
        `slab rank ${start.length} ≠ variable rank ${rank}`,
        `${this.path}:${name}`,
      );
    }
    let total = 1;
    for (let d = 0; d < rank; d++) {
      const s = start[d]!;
      const n = count[d]!;
      if (!(Number.isInteger(s) && Number.isInteger(n) && s >= 0 && n >= 0 && s + n <= v.shape[d]!)) {
        throw new TandemError(
          'OUT_OF_RANGE',
          `slab outside variable shape [${v.shape.join(', ')}]`,
          `${this.path}:${name}`,
        );
      }
      total *= n;
    }
    if (total > MAX_SLAB_VALUES) {
      throw new TandemError('FILE_TOO_LARGE', `a slab of ${total} values is too large to read at once`, name);
    }
    const out = new Float64Array(total);
    if (total === 0) return out;
    const size = TYPES[v.typeCode]!.size;
    // Strides in bytes within one record (or the whole variable); the record dimension strides by recordSize.
    const strides: number[] = new Array<number>(rank).fill(size);
    for (let d = rank - 2; d >= 0; d--) strides[d] = strides[d + 1]! * v.shape[d + 1]!;
    if (v.isRecord) strides[0] = this.header.recordSize;
    if (v.isRecord && rank === 1) {
      const one = new Uint8Array(size);
      const oneView = new DataView(one.buffer);
      for (let k = 0; k < total; k++) {
        if (readSync(this.fd, one, 0, size, v.begin + (start[0]! + k) * strides[0]!) !== size) {
          throw new TandemError('UNSUPPORTED_FILE', `file ended while reading ${name}: truncated`, this.path);
        }
        out[k] = readValue(oneView, 0, v.typeCode);
      }
      return out;
    }
    // Trailing dimensions read whole form one contiguous run.
    let runDim = rank - 1;
    let runLen = rank > 0 ? count[rank - 1]! : 1;
    while (
      runDim > 0 &&
      count[runDim]! === v.shape[runDim]! &&
      start[runDim] === 0 &&
      !(v.isRecord && runDim - 1 === 0)
    ) {
      runDim--;
      runLen *= count[runDim]!;
    }
    const runBytes = runLen * size;
    const buf = new Uint8Array(runBytes);
    const view = new DataView(buf.buffer);
    const idx = new Array<number>(rank).fill(0);
    let o = 0;
    const outerDims = runDim;
    for (;;) {
      let at = v.begin;
      for (let d = 0; d < outerDims; d++) at += (start[d]! + idx[d]!) * strides[d]!;
      if (rank > 0) at += start[outerDims]! * strides[outerDims]!;
      const got = readSync(this.fd, buf, 0, runBytes, at);
      if (got !== runBytes) {
        throw new TandemError('UNSUPPORTED_FILE', `file ended while reading ${name}: truncated`, this.path);
      }
      for (let k = 0; k < runLen; k++) out[o++] = readValue(view, k * size, v.typeCode);
      let d = outerDims - 1;
      while (d >= 0) {
        idx[d]!++;
        if (idx[d]! < count[d]!) break;
        idx[d] = 0;
        d--;
      }
      if (d < 0) break;
    }
    return out;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
