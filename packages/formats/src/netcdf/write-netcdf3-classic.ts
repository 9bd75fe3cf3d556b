/**
 * Classic-format (CDF-1) NetCDF files for tests: a record-style front end (attributes as a record, char
 * variables as text) to the project's NetCDF-3 writer. Tests use it to make small CF files with the conventions
 * real files use (0–360 longitudes, descending latitudes, packed shorts, odd units and calendars, projections)
 * without Python.
 */
import { writeNetcdf3 } from '../netcdf3-writer.ts';
import type { Nc3Attribute } from '../netcdf3-writer.ts';

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

type AttributeRecord = Readonly<Record<string, string | number | readonly number[]>>;

function attributeList(attrs: AttributeRecord | undefined): Nc3Attribute[] {
  return Object.entries(attrs ?? {}).map(([name, value]) => ({ name, value: value as string | number | number[] }));
}

/**
 * Encodes a classic-format NetCDF file through the project's NetCDF-3 writer (`../netcdf3-writer.ts`), with
 * attributes given as a record (numbers written as double) and char variables as text.
 */
export function writeNetcdf3Classic(file: ClassicFile): Uint8Array {
  const size = new Map(file.dimensions.map((d) => [d.name, d.size]));
  return writeNetcdf3(
    {
      dimensions: file.dimensions,
      attributes: attributeList(file.attributes),
      variables: file.variables.map((v) => {
        const n = v.dimensions.reduce((acc, d) => acc * (size.get(d) ?? 0), 1);
        let data: ArrayLike<number> = v.data ?? [];
        if (v.type === 'char') {
          const text = new Uint8Array(n);
          text.set(new TextEncoder().encode(v.text ?? '').subarray(0, n));
          data = text;
        }
        return { name: v.name, type: v.type, dimensions: v.dimensions, attributes: attributeList(v.attributes), data };
      }),
    },
    'classic',
  );
}
