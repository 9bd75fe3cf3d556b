/**
 * A GeoTIFF writer for float32 rasters (probability maps): baseline TIFF 6.0 (Adobe 1992), little-endian, one
 * band, uncompressed strips, with the GeoTIFF 1.1 keys (OGC 19-008r4) for either WGS 84 geographic coordinates
 * (EPSG:4326) or the Lambert azimuthal equal-area plane of a Tandem probability grid (user-defined projected CRS
 * on WGS 84, CT_LambertAzimEqualArea = 10, metres). Checked with GDAL's `gdalinfo` in the tests.
 */
import { TandemError } from '@tandem/core';

export type GeoTiffCrs =
  | { readonly kind: 'epsg4326' }
  | { readonly kind: 'laea'; readonly centerLonDeg: number; readonly centerLatDeg: number };

export interface GeoTiffRaster {
  readonly width: number;
  readonly height: number;
  /** Row-major values, first row at the top (north), `width * height` of them. */
  readonly values: Float32Array | Float64Array;
  /** Coordinates of the top-left corner of the top-left pixel (degrees for EPSG:4326, metres for LAEA). */
  readonly originX: number;
  readonly originY: number;
  /** Pixel size (positive), same units. */
  readonly pixelSizeX: number;
  readonly pixelSizeY: number;
  readonly crs: GeoTiffCrs;
  /** Optional value marking "no data" (written as the GDAL_NODATA tag). */
  readonly noData?: number;
  /** Image description (ASCII). */
  readonly description?: string;
}

const SHORT = 3;
const LONG = 4;
const DOUBLE = 12;
const ASCII = 2;

interface Entry {
  readonly tag: number;
  readonly type: number;
  readonly count: number;
  /** Encoded value bytes. */
  readonly bytes: Uint8Array;
}

function shorts(v: readonly number[]): Uint8Array {
  const b = new Uint8Array(v.length * 2);
  const dv = new DataView(b.buffer);
  v.forEach((x, i) => dv.setUint16(2 * i, x, true));
  return b;
}
function longs(v: readonly number[]): Uint8Array {
  const b = new Uint8Array(v.length * 4);
  const dv = new DataView(b.buffer);
  v.forEach((x, i) => dv.setUint32(4 * i, x, true));
  return b;
}
function doubles(v: readonly number[]): Uint8Array {
  const b = new Uint8Array(v.length * 8);
  const dv = new DataView(b.buffer);
  v.forEach((x, i) => dv.setFloat64(8 * i, x, true));
  return b;
}
function ascii(s: string): Uint8Array {
  const clean = s.replace(/[^\x20-\x7e]/g, '?');
  const b = new Uint8Array(clean.length + 1);
  for (let i = 0; i < clean.length; i++) b[i] = clean.charCodeAt(i);
  return b;
}

/** Encode a raster as GeoTIFF bytes. */
export function writeGeoTiff(r: GeoTiffRaster): Uint8Array {
  if (!(Number.isInteger(r.width) && Number.isInteger(r.height) && r.width > 0 && r.height > 0)) {
    throw new TandemError(
      'INVALID_INPUT',
      `raster size must be whole and positive, got ${r.width} x ${r.height}`,
      'raster',
    );
  }
  if (r.values.length !== r.width * r.height) {
    throw new TandemError(
      'INVALID_INPUT',
      `raster has ${r.values.length} values for ${r.width} x ${r.height}`,
      'raster.values',
    );
  }
  if (r.width * r.height * 4 > 1_000_000_000) throw new TandemError('FILE_TOO_LARGE', 'raster over 1 GB', 'raster');
  if (!(r.pixelSizeX > 0 && r.pixelSizeY > 0))
    throw new TandemError('INVALID_INPUT', 'pixel size must be > 0', 'raster.pixelSize');

  // GeoKey directory: header (version 1, revision 1.1, count) then (key, location, count, value) quadruples.
  const keys: [number, number, number, number][] = [];
  const geoDoubles: number[] = [];
  let citation = '';
  if (r.crs.kind === 'epsg4326') {
    keys.push([1024, 0, 1, 2], [1025, 0, 1, 1], [2048, 0, 1, 4326], [2054, 0, 1, 9102]);
  } else {
    citation = `Tandem equal-area grid: Lambert azimuthal equal-area, WGS 84, centre ${r.crs.centerLonDeg} ${r.crs.centerLatDeg}|`;
    geoDoubles.push(r.crs.centerLonDeg, r.crs.centerLatDeg, 0, 0);
    keys.push(
      [1024, 0, 1, 1],
      [1025, 0, 1, 1],
      [1026, 34737, citation.length, 0],
      [2048, 0, 1, 4326],
      [3072, 0, 1, 32767],
      [3074, 0, 1, 32767],
      [3075, 0, 1, 10],
      [3076, 0, 1, 9001],
      [3082, 34736, 1, 2],
      [3083, 34736, 1, 3],
      [3088, 34736, 1, 0],
      [3089, 34736, 1, 1],
    );
  }
  keys.sort((a, b) => a[0] - b[0]);
  const dir = [1, 1, 1, keys.length, ...keys.flat()];

  const rowsPerStrip = Math.max(1, Math.min(r.height, Math.floor(65536 / (r.width * 4)) || 1));
  const strips = Math.ceil(r.height / rowsPerStrip);
  const stripBytes: number[] = [];
  for (let s = 0; s < strips; s++) stripBytes.push(Math.min(rowsPerStrip, r.height - s * rowsPerStrip) * r.width * 4);

  const entries: Entry[] = [
    { tag: 256, type: LONG, count: 1, bytes: longs([r.width]) },
    { tag: 257, type: LONG, count: 1, bytes: longs([r.height]) },
    { tag: 258, type: SHORT, count: 1, bytes: shorts([32]) },
    { tag: 259, type: SHORT, count: 1, bytes: shorts([1]) },
    { tag: 262, type: SHORT, count: 1, bytes: shorts([1]) },
    ...(r.description !== undefined
      ? [{ tag: 270, type: ASCII, count: ascii(r.description).length, bytes: ascii(r.description) }]
      : []),
    { tag: 273, type: LONG, count: strips, bytes: longs(new Array<number>(strips).fill(0)) },
    { tag: 277, type: SHORT, count: 1, bytes: shorts([1]) },
    { tag: 278, type: LONG, count: 1, bytes: longs([rowsPerStrip]) },
    { tag: 279, type: LONG, count: strips, bytes: longs(stripBytes) },
    { tag: 284, type: SHORT, count: 1, bytes: shorts([1]) },
    { tag: 339, type: SHORT, count: 1, bytes: shorts([3]) },
    { tag: 33550, type: DOUBLE, count: 3, bytes: doubles([r.pixelSizeX, r.pixelSizeY, 0]) },
    { tag: 33922, type: DOUBLE, count: 6, bytes: doubles([0, 0, 0, r.originX, r.originY, 0]) },
    { tag: 34735, type: SHORT, count: dir.length, bytes: shorts(dir) },
    ...(geoDoubles.length > 0
      ? [{ tag: 34736, type: DOUBLE, count: geoDoubles.length, bytes: doubles(geoDoubles) }]
      : []),
    ...(citation !== '' ? [{ tag: 34737, type: ASCII, count: ascii(citation).length, bytes: ascii(citation) }] : []),
    ...(r.noData !== undefined
      ? [{ tag: 42113, type: ASCII, count: ascii(String(r.noData)).length, bytes: ascii(String(r.noData)) }]
      : []),
  ];
  entries.sort((a, b) => a.tag - b.tag);

  const ifdOffset = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  let extra = ifdOffset + ifdSize;
  const placed = entries.map((e) => {
    if (e.bytes.length <= 4) return -1;
    extra += extra % 2;
    const at = extra;
    extra += e.bytes.length;
    return at;
  });
  extra += (8 - (extra % 8)) % 8;
  const dataOffset = extra;
  const total = dataOffset + r.width * r.height * 4;
  // Strip offsets now known: rewrite that entry's bytes.
  const offsets: number[] = [];
  let o = dataOffset;
  for (const b of stripBytes) {
    offsets.push(o);
    o += b;
  }
  const stripEntry = entries.findIndex((e) => e.tag === 273);
  entries[stripEntry] = { tag: 273, type: LONG, count: strips, bytes: longs(offsets) };

  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out[0] = 0x49;
  out[1] = 0x49;
  dv.setUint16(2, 42, true);
  dv.setUint32(4, ifdOffset, true);
  dv.setUint16(ifdOffset, entries.length, true);
  entries.forEach((e, i) => {
    const p = ifdOffset + 2 + i * 12;
    dv.setUint16(p, e.tag, true);
    dv.setUint16(p + 2, e.type, true);
    dv.setUint32(p + 4, e.count, true);
    const at = placed[i] as number;
    if (at < 0) out.set(e.bytes, p + 8);
    else {
      dv.setUint32(p + 8, at, true);
      out.set(e.bytes, at);
    }
  });
  dv.setUint32(ifdOffset + 2 + entries.length * 12, 0, true);
  for (let k = 0; k < r.values.length; k++) dv.setFloat32(dataOffset + 4 * k, r.values[k] as number, true);
  return out;
}
