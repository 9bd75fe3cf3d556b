/**
 * A minimal NetCDF-3 classic writer (no record dimension), following the Unidata classic format
 * specification. Tests use it to make small CF files with the conventions real files use (0–360
 * longitudes, descending latitudes, packed shorts, odd units and calendars, projections) without Python.
 */

export interface ClassicVariable {
  readonly name: string;
  readonly dimensions: readonly string[];
  readonly type: 'byte' | 'char' | 'short' | 'int' | 'float' | 'double';
  readonly attributes?: Readonly<Record<string, string | number | readonly number[]>>;
  /** Values in C order (ignored for char: pass `text`). */
  readonly data?: ArrayLike<number>;
  readonly text?: string;
}

export interface ClassicFile {
  readonly dimensions: readonly { readonly name: string; readonly size: number }[];
  readonly attributes?: Readonly<Record<string, string | number | readonly number[]>>;
  readonly variables: readonly ClassicVariable[];
}

const TYPE_CODE = { byte: 1, char: 2, short: 3, int: 4, float: 5, double: 6 } as const;
const TYPE_SIZE = { byte: 1, char: 1, short: 2, int: 4, float: 4, double: 8 } as const;

class Writer {
  bytes: number[] = [];
  u32(v: number): void {
    this.bytes.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  }
  pad(): void {
    while (this.bytes.length % 4 !== 0) this.bytes.push(0);
  }
  name(s: string): void {
    const b = new TextEncoder().encode(s);
    this.u32(b.length);
    this.bytes.push(...b);
    this.pad();
  }
  values(type: ClassicVariable['type'], vals: ArrayLike<number>): void {
    const size = TYPE_SIZE[type];
    const buf = new DataView(new ArrayBuffer(size * vals.length));
    for (let k = 0; k < vals.length; k++) {
      const v = vals[k]!;
      if (type === 'byte') buf.setInt8(k, v);
      else if (type === 'char') buf.setUint8(k, v);
      else if (type === 'short') buf.setInt16(k * 2, v);
      else if (type === 'int') buf.setInt32(k * 4, v);
      else if (type === 'float') buf.setFloat32(k * 4, v);
      else buf.setFloat64(k * 8, v);
    }
    this.bytes.push(...new Uint8Array(buf.buffer));
    this.pad();
  }
  attributes(attrs: Readonly<Record<string, string | number | readonly number[]>> | undefined): void {
    const entries = Object.entries(attrs ?? {});
    if (entries.length === 0) {
      this.u32(0);
      this.u32(0);
      return;
    }
    this.u32(12);
    this.u32(entries.length);
    for (const [k, v] of entries) {
      this.name(k);
      if (typeof v === 'string') {
        const b = new TextEncoder().encode(v);
        this.u32(2);
        this.u32(b.length);
        this.values('char', b);
      } else {
        const arr = typeof v === 'number' ? [v] : v;
        this.u32(6);
        this.u32(arr.length);
        this.values('double', arr);
      }
    }
  }
}

/** Encodes a classic-format NetCDF file. */
export function writeNetcdf3Classic(file: ClassicFile): Uint8Array {
  const dimIndex = new Map(file.dimensions.map((d, k) => [d.name, k]));
  const sizes = file.variables.map((v) => {
    const n = v.dimensions.reduce((a, d) => a * file.dimensions[dimIndex.get(d)!]!.size, 1);
    return (n * TYPE_SIZE[v.type] + 3) & ~3;
  });
  const header = (begins: number[]): Writer => {
    const w = new Writer();
    w.bytes.push(0x43, 0x44, 0x46, 1);
    w.u32(0);
    if (file.dimensions.length === 0) {
      w.u32(0);
      w.u32(0);
    } else {
      w.u32(10);
      w.u32(file.dimensions.length);
      for (const d of file.dimensions) {
        w.name(d.name);
        w.u32(d.size);
      }
    }
    w.attributes(file.attributes);
    w.u32(11);
    w.u32(file.variables.length);
    file.variables.forEach((v, k) => {
      w.name(v.name);
      w.u32(v.dimensions.length);
      for (const d of v.dimensions) w.u32(dimIndex.get(d)!);
      w.attributes(v.attributes);
      w.u32(TYPE_CODE[v.type]);
      w.u32(sizes[k]!);
      w.u32(begins[k]!);
    });
    return w;
  };
  const headerLength = header(file.variables.map(() => 0)).bytes.length;
  const begins: number[] = [];
  let at = headerLength;
  for (const s of sizes) {
    begins.push(at);
    at += s;
  }
  const w = header(begins);
  file.variables.forEach((v, k) => {
    const n = v.dimensions.reduce((a, d) => a * file.dimensions[dimIndex.get(d)!]!.size, 1);
    if (v.type === 'char') {
      const text = new Uint8Array(n);
      text.set(new TextEncoder().encode(v.text ?? '').subarray(0, n));
      w.values('char', text);
    } else {
      w.values(v.type, v.data ?? []);
    }
    while (w.bytes.length < begins[k]! + sizes[k]!) w.bytes.push(0);
  });
  return Uint8Array.from(w.bytes);
}
