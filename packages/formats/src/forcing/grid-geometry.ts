/**
 * The horizontal grid of a gridded field: which dimensions are x and y, their coordinates, the projection
 * (CF `grid_mapping`), the lon/lat of every node, the local rotation from grid axes to east/north, and a
 * fast locator for particle positions. Also the time and vertical axes of the variable.
 */
import {
  CoordinateAxis,
  LonLatGridLocator,
  LookupTableGridLocator,
  TandemError,
  curvilinearGridLocator,
} from '@tandem/core';
import type { FractionalIndexFunction, GridLocator, VectorField } from '@tandem/core';
import type { NcFile, NcVariable } from '../netcdf/netcdf-file.ts';
import { attributeText } from '../netcdf/netcdf-file.ts';
import { decodeCoordinate, lengthUnitFactor } from '../netcdf/cf-decode.ts';
import { cfTimesToEpochSeconds, parseCfTimeUnits } from '../netcdf/cf-time.ts';
import { gridMappingToProj4, makeProjection } from '../netcdf/grid-mapping.ts';
import type { Projection } from '../netcdf/grid-mapping.ts';

export interface GridGeometry {
  readonly nx: number;
  readonly ny: number;
  /** Dimension names of x (columns) and y (rows) in the variable. */
  readonly xDim: string;
  readonly yDim: string;
  /** True when the variable stores x before y (slabs are transposed on reading). */
  readonly transposed: boolean;
  readonly projection: Projection | null;
  /** True for a grid known only by 2-D longitude/latitude (no 1-D coordinates). */
  readonly curvilinear: boolean;
  /** Node lon/lat, row-major [j * nx + i]. */
  readonly lonDeg: Float64Array;
  readonly latDeg: Float64Array;
  /** Per node: east = u·cos − v·sin, north = u·sin + v·cos for grid-relative (u, v); null on lon/lat grids. */
  readonly rotationCos: Float32Array | null;
  readonly rotationSin: Float32Array | null;
  readonly bboxDeg: readonly [number, number, number, number];
  readonly locator: GridLocator;
  /** A string equal for files on the same grid (multi-file sources join such files in time). */
  readonly signature: string;
}

function coordinateVariable(file: NcFile, dim: string): NcVariable | undefined {
  return file.variables.find((v) => v.name === dim && v.dimensions.length === 1 && v.dimensions[0] === dim);
}

function readAll(file: NcFile, v: NcVariable): Float64Array {
  return decodeCoordinate(
    file.read(
      v.name,
      v.shape.map(() => 0),
      v.shape,
    ),
    v,
  );
}

type AxisKind = 'lon' | 'lat' | 'x' | 'y' | 'rlon' | 'rlat' | 'time' | 'vertical' | 'other';

function axisKind(v: NcVariable | undefined, dim: string): AxisKind {
  const a = v?.attributes ?? {};
  const sn = attributeText(a['standard_name'])?.toLowerCase() ?? '';
  const units = attributeText(a['units'])?.toLowerCase() ?? '';
  const axis = attributeText(a['axis'])?.toUpperCase() ?? '';
  if (sn === 'time' || units.includes(' since ') || axis === 'T') return 'time';
  if (sn === 'longitude' || /^degrees?_?e(ast)?$/.test(units)) return 'lon';
  if (sn === 'latitude' || /^degrees?_?n(orth)?$/.test(units)) return 'lat';
  if (sn === 'grid_longitude') return 'rlon';
  if (sn === 'grid_latitude') return 'rlat';
  if (sn === 'projection_x_coordinate') return 'x';
  if (sn === 'projection_y_coordinate') return 'y';
  if (
    axis === 'Z' ||
    a['positive'] !== undefined ||
    ['depth', 'height', 'altitude', 'air_pressure', 'model_level_number'].includes(sn) ||
    /^(depth|z|lev|level|height|deptht|depthu|isobaricinhpa|plev|s_rho)$/i.test(dim)
  ) {
    return 'vertical';
  }
  if (axis === 'X') return units === 'degrees' ? 'lon' : 'x';
  if (axis === 'Y') return units === 'degrees' ? 'lat' : 'y';
  if (v === undefined) {
    if (/^(lon|longitude|x)$/i.test(dim)) return 'x';
    if (/^(lat|latitude|y)$/i.test(dim)) return 'y';
  }
  return 'other';
}

/** How the variable's non-horizontal dimensions are fixed: time index free, every other one fixed. */
export interface OtherAxes {
  /** Index of the time dimension in the variable's dimensions, or -1 for a time-less (static) field. */
  readonly timeDim: number;
  readonly timesS: Float64Array;
  /** Fixed index per dimension (time dimension: 0, to be replaced), horizontal ones: 0. */
  readonly fixedStart: readonly number[];
  readonly verticalNote: string | null;
}

export function resolveOtherAxes(
  file: NcFile,
  v: NcVariable,
  field: VectorField,
  xDim: string,
  yDim: string,
): OtherAxes {
  const start: number[] = [];
  let timeDim = -1;
  let timesS: Float64Array = new Float64Array(0);
  let verticalNote: string | null = null;
  v.dimensions.forEach((dim, d) => {
    start.push(0);
    if (dim === xDim || dim === yDim) return;
    const cv = coordinateVariable(file, dim);
    const kind = axisKind(cv, dim);
    const size = v.shape[d]!;
    if (size > MAX_AXIS_VALUES) {
      throw new TandemError('FILE_TOO_LARGE', `dimension ${dim} of ${v.name} declares ${size} values`, file.path);
    }
    if (kind === 'time' && cv !== undefined) {
      const units = parseCfTimeUnits(
        attributeText(cv.attributes['units']) ?? '',
        attributeText(cv.attributes['calendar']),
        `${file.path}:${cv.name}`,
      );
      timesS = cfTimesToEpochSeconds(readAll(file, cv), units);
      timeDim = d;
      return;
    }
    if (size === 1) return;
    if (kind === 'vertical' && cv !== undefined) {
      const values = readAll(file, cv);
      const units = attributeText(cv.attributes['units'])?.toLowerCase() ?? '';
      const pressure = /^(pa|hpa|mbar|millibar|millibars|bar)$/.test(units);
      const target =
        field === 'wind' && !pressure && (attributeText(cv.attributes['standard_name']) ?? '') === 'height' ? 10 : 0;
      let best = 0;
      for (let k = 1; k < values.length; k++) {
        const better = pressure
          ? values[k]! > values[best]!
          : Math.abs(Math.abs(values[k]!) - target) < Math.abs(Math.abs(values[best]!) - target);
        if (better) best = k;
      }
      start[d] = best;
      verticalNote = `${dim} = ${values[best]} ${units} (level ${best} of ${size})`;
      return;
    }
    throw new TandemError(
      'UNSUPPORTED_FILE',
      `variable ${v.name} has a dimension ${dim} of size ${size} that is neither time nor vertical`,
      file.path,
    );
  });
  if (timeDim < 0) {
    const scalarTime = file.variables.find((c) => c.shape.length === 0 && axisKind(c, c.name) === 'time');
    if (scalarTime !== undefined) {
      const units = parseCfTimeUnits(
        attributeText(scalarTime.attributes['units']) ?? '',
        attributeText(scalarTime.attributes['calendar']),
        `${file.path}:${scalarTime.name}`,
      );
      timesS = cfTimesToEpochSeconds(file.read(scalarTime.name, [], []), units);
    }
  }
  for (let k = 0; k < timesS.length; k++) {
    if (!Number.isFinite(timesS[k]!) || (k > 0 && !(timesS[k]! > timesS[k - 1]!))) {
      throw new TandemError('UNSUPPORTED_FILE', 'time values are not finite and strictly increasing', file.path);
    }
  }
  return { timeDim, timesS, fixedStart: start, verticalNote };
}

/** Largest time or vertical axis accepted (values): a century of hourly fields is under 900,000. */
const MAX_AXIS_VALUES = 1_000_000;
/** Largest grid accepted (nodes): 16 Mi nodes (4096²) already need ~0.5 GB of per-node arrays. */
const MAX_GRID_NODES = 16 * 1024 * 1024;
/** Largest lookup table (nodes, 8 bytes each). */
const MAX_TABLE_NODES = 4 * 1024 * 1024;

function lonLatBbox(lon: Float64Array, lat: Float64Array): [number, number, number, number] {
  let s = Infinity;
  let n = -Infinity;
  let ref = NaN;
  let w = Infinity;
  let e = -Infinity;
  for (let k = 0; k < lon.length; k++) {
    const lo = lon[k]!;
    const la = lat[k]!;
    if (!Number.isFinite(lo) || !Number.isFinite(la)) continue;
    if (Number.isNaN(ref)) ref = lo;
    const rel = ((((lo - ref + 180) % 360) + 360) % 360) - 180;
    w = Math.min(w, rel);
    e = Math.max(e, rel);
    s = Math.min(s, la);
    n = Math.max(n, la);
  }
  if (!Number.isFinite(s)) return [NaN, NaN, NaN, NaN];
  const west = ((((ref + w + 180) % 360) + 360) % 360) - 180;
  const east = e - w >= 359.999 ? west + 360 : ((((ref + e + 180) % 360) + 360) % 360) - 180;
  return e - w >= 359.999 ? [-180, s, 180, n] : [west, s, east, n];
}

/** A locator calling the exact (slow) function per point: for grids containing a pole. */
class ExactGridLocator implements GridLocator {
  readonly nx: number;
  readonly ny: number;
  readonly periodicX = false;
  private readonly exact: FractionalIndexFunction;
  private readonly scratch = new Float64Array(2);
  constructor(nx: number, ny: number, exact: FractionalIndexFunction) {
    this.nx = nx;
    this.ny = ny;
    this.exact = exact;
  }
  locate(
    lon: Float64Array,
    lat: Float64Array,
    start: number,
    end: number,
    mask: Uint8Array | undefined,
    fi: Float64Array,
    fj: Float64Array,
  ): void {
    for (let p = start; p < end; p++) {
      if (mask !== undefined && mask[p] === 0) continue;
      this.exact(lon[p]!, lat[p]!, this.scratch);
      const i = this.scratch[0]!;
      const j = this.scratch[1]!;
      fi[p] = i >= 0 && i <= this.nx - 1 ? i : NaN;
      fj[p] = j >= 0 && j <= this.ny - 1 ? j : NaN;
    }
  }
}

export function resolveGrid(file: NcFile, v: NcVariable): GridGeometry {
  const rank = v.dimensions.length;
  if (rank < 2)
    throw new TandemError('UNSUPPORTED_FILE', `variable ${v.name} is not gridded (rank ${rank})`, file.path);
  const dA = v.dimensions[rank - 2]!;
  const dB = v.dimensions[rank - 1]!;
  const cA = coordinateVariable(file, dA);
  const cB = coordinateVariable(file, dB);
  const kA = axisKind(cA, dA);
  const kB = axisKind(cB, dB);
  const transposed = (kA === 'lon' || kA === 'x' || kA === 'rlon') && (kB === 'lat' || kB === 'y' || kB === 'rlat');
  const xDim = transposed ? dA : dB;
  const yDim = transposed ? dB : dA;
  const cx = transposed ? cA : cB;
  const cy = transposed ? cB : cA;
  const kx = transposed ? kA : kB;
  const nx = v.shape[transposed ? rank - 2 : rank - 1]!;
  const ny = v.shape[transposed ? rank - 1 : rank - 2]!;
  if (nx * ny > MAX_GRID_NODES) {
    throw new TandemError('FILE_TOO_LARGE', `grid of ${nx} × ${ny} nodes is larger than ${MAX_GRID_NODES}`, file.path);
  }
  if (nx < 2 || ny < 2)
    throw new TandemError('UNSUPPORTED_FILE', `grid of ${nx} × ${ny} nodes is too small to interpolate`, file.path);
  const mappingName = attributeText(v.attributes['grid_mapping'])?.trim();
  const mappingVar = mappingName !== undefined ? file.variables.find((m) => m.name === mappingName) : undefined;
  const definition = mappingVar !== undefined ? gridMappingToProj4(mappingVar) : null;

  if (cx === undefined || cy === undefined) {
    return curvilinearGrid(file, v, xDim, yDim, nx, ny, transposed);
  }
  const xs = readAll(file, cx);
  const ys = readAll(file, cy);
  const xAxis = new CoordinateAxis(xs);
  const yAxis = new CoordinateAxis(ys);
  if (!xAxis.isMonotonic() || !yAxis.isMonotonic()) {
    throw new TandemError(
      'UNSUPPORTED_FILE',
      `coordinates ${cx.name}/${cy.name} are not strictly monotonic`,
      file.path,
    );
  }
  const lonDeg = new Float64Array(nx * ny);
  const latDeg = new Float64Array(nx * ny);

  if (definition === null && (kx === 'lon' || kx === 'x' || kx === 'other')) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        lonDeg[j * nx + i] = xs[i]!;
        latDeg[j * nx + i] = ys[j]!;
      }
    }
    if (Math.abs(ys[0]!) > 90.0001 || Math.abs(ys[ny - 1]!) > 90.0001) {
      throw new TandemError('UNSUPPORTED_FILE', `latitudes of ${cy.name} are outside ±90°`, file.path);
    }
    const locator = new LonLatGridLocator(xs, ys);
    return {
      nx,
      ny,
      xDim,
      yDim,
      transposed,
      projection: null,
      curvilinear: false,
      lonDeg,
      latDeg,
      rotationCos: null,
      rotationSin: null,
      bboxDeg: lonLatBbox(lonDeg, latDeg),
      locator,
      signature: `lonlat ${nx} ${ny} ${xs[0]} ${xs[nx - 1]} ${ys[0]} ${ys[ny - 1]}`,
    };
  }
  if (definition === null) {
    throw new TandemError(
      'UNSUPPORTED_FILE',
      `${v.name} is on projected coordinates ${cx.name}/${cy.name} but has no usable grid_mapping`,
      file.path,
    );
  }
  const projection = makeProjection(definition, `${file.path}:${mappingName}`);
  const toM = projection.coordinatesInDegrees
    ? 1
    : lengthUnitFactor(attributeText(cx.attributes['units']), `${file.path}:${cx.name}`);
  const rotationCos = new Float32Array(nx * ny);
  const rotationSin = new Float32Array(nx * ny);
  const delta = 1e-4;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const x = xs[i]! * toM;
      const y = ys[j]! * toM;
      const [lon, lat] = projection.inverse(x, y);
      lonDeg[k] = lon;
      latDeg[k] = lat;
      const sign = lat > 90 - 2 * delta ? -1 : 1;
      const [x2, y2] = projection.forward(lon, lat + sign * delta);
      let dx = (x2 - x) * sign;
      const dy = (y2 - y) * sign;
      if (projection.coordinatesInDegrees) dx *= Math.cos((y * Math.PI) / 180);
      const len = Math.hypot(dx, dy);
      // North in grid axes is (sin, cos): a grid-relative (u, v) has north = u·sin + v·cos, east = u·cos − v·sin.
      rotationSin[k] = len > 0 ? dx / len : NaN;
      rotationCos[k] = len > 0 ? dy / len : NaN;
    }
  }
  const bbox = lonLatBbox(lonDeg, latDeg);
  const x0 = xAxis.first;
  const y0 = yAxis.first;
  const exact: FractionalIndexFunction = (lon, lat, out) => {
    const [x, y] = projection.forward(lon, lat);
    const gx = x / toM;
    const gy = y / toM;
    out[0] = xAxis.regular ? (gx - x0) / xAxis.step : xAxis.fractionalIndex(gx);
    out[1] = yAxis.regular ? (gy - y0) / yAxis.step : yAxis.fractionalIndex(gy);
  };
  const [poleX, poleY] = projection.forward(0, 90);
  const [spX, spY] = projection.forward(0, -90);
  const inside = (px: number, py: number): boolean => {
    const fi = xAxis.regular ? (px / toM - x0) / xAxis.step : xAxis.fractionalIndex(px / toM);
    const fj = yAxis.regular ? (py / toM - y0) / yAxis.step : yAxis.fractionalIndex(py / toM);
    return fi >= -1 && fi <= nx && fj >= -1 && fj <= ny;
  };
  let locator: GridLocator;
  if (inside(poleX, poleY) || inside(spX, spY) || !Number.isFinite(bbox[0])) {
    locator = new ExactGridLocator(nx, ny, exact);
  } else {
    // Table spacing: a quarter of the smaller grid step, in degrees; margin of two cells around the grid.
    const stepM =
      Math.min(Math.abs(xAxis.step || 1), Math.abs(yAxis.step || 1)) *
      (projection.coordinatesInDegrees ? 111_000 : toM);
    const stepLat = Math.max(1e-4, stepM / 111_000 / 4);
    const maxAbsLat = Math.min(89, Math.max(Math.abs(bbox[1]), Math.abs(bbox[3])));
    let stepLon = stepLat / Math.max(0.05, Math.cos((maxAbsLat * Math.PI) / 180));
    const margin = (2 * stepM) / 111_000;
    const west = bbox[0] - margin / Math.max(0.05, Math.cos((maxAbsLat * Math.PI) / 180));
    const east = bbox[2] + margin / Math.max(0.05, Math.cos((maxAbsLat * Math.PI) / 180));
    const south = Math.max(-90, bbox[1] - margin);
    const north = Math.min(90, bbox[3] + margin);
    let lat = stepLat;
    let nodes = ((east - west) / stepLon + 1) * ((north - south) / lat + 1);
    while (nodes > MAX_TABLE_NODES) {
      lat *= 1.5;
      stepLon *= 1.5;
      nodes = ((east - west) / stepLon + 1) * ((north - south) / lat + 1);
    }
    locator = new LookupTableGridLocator(nx, ny, exact, {
      bboxDeg: [west, south, east, north],
      stepLonDeg: stepLon,
      stepLatDeg: lat,
    });
  }
  return {
    nx,
    ny,
    xDim,
    yDim,
    transposed,
    projection,
    curvilinear: false,
    lonDeg,
    latDeg,
    rotationCos,
    rotationSin,
    bboxDeg: bbox,
    locator,
    signature: `${definition} ${nx} ${ny} ${xs[0]} ${xs[nx - 1]} ${ys[0]} ${ys[ny - 1]}`,
  };
}

/** 2-D longitude and latitude variables on the (y, x) dimensions, from `coordinates` or by standard name. */
function find2dLonLat(file: NcFile, v: NcVariable, xDim: string, yDim: string): [NcVariable, NcVariable] | null {
  const onGrid = (c: NcVariable): boolean =>
    c.dimensions.length === 2 && c.dimensions.includes(xDim) && c.dimensions.includes(yDim);
  const named = (attributeText(v.attributes['coordinates']) ?? '').split(/\s+/).filter((n) => n !== '');
  const candidates = [
    ...named.map((n) => file.variables.find((c) => c.name === n)).filter((c): c is NcVariable => c !== undefined),
    ...file.variables,
  ].filter(onGrid);
  const lon = candidates.find((c) => axisKind(c, c.name) === 'lon');
  const lat = candidates.find((c) => axisKind(c, c.name) === 'lat');
  return lon && lat ? [lon, lat] : null;
}

/** Reads a 2-D coordinate as row-major [j * nx + i] whatever its dimension order. */
function read2d(file: NcFile, c: NcVariable, xDim: string, nx: number, ny: number): Float64Array {
  const raw = readAll(file, c);
  if (c.dimensions[1] === xDim) return raw;
  const out = new Float64Array(nx * ny);
  for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) out[j * nx + i] = raw[i * ny + j]!;
  return out;
}

const EARTH_RADIUS_FOR_ANGLES_M = 6_371_000;

/**
 * A curvilinear grid (ROMS, NEMO, or a projected grid without 1-D x/y coordinates) known by its 2-D node
 * longitudes and latitudes. The local direction of the grid's x axis at each node comes from its neighbours
 * (central differences in a local east/north plane), which also serves grid-relative vectors.
 */
function curvilinearGrid(
  file: NcFile,
  v: NcVariable,
  xDim: string,
  yDim: string,
  nx: number,
  ny: number,
  transposed: boolean,
): GridGeometry {
  const found = find2dLonLat(file, v, xDim, yDim);
  if (found === null) {
    throw new TandemError(
      'UNSUPPORTED_FILE',
      `dimensions ${yDim}/${xDim} of ${v.name} have neither 1-D coordinate variables nor 2-D longitude/latitude`,
      file.path,
    );
  }
  const lonDeg = read2d(file, found[0], xDim, nx, ny);
  const latDeg = read2d(file, found[1], xDim, nx, ny);
  const rotationCos = new Float32Array(nx * ny);
  const rotationSin = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const a = j * nx + Math.max(0, i - 1);
      const b = j * nx + Math.min(nx - 1, i + 1);
      let dLon = lonDeg[b]! - lonDeg[a]!;
      dLon = ((((dLon + 180) % 360) + 360) % 360) - 180;
      const east = dLon * Math.cos((latDeg[k]! * Math.PI) / 180) * EARTH_RADIUS_FOR_ANGLES_M;
      const north = (latDeg[b]! - latDeg[a]!) * EARTH_RADIUS_FOR_ANGLES_M;
      const len = Math.hypot(east, north);
      rotationCos[k] = len > 0 ? east / len : NaN;
      rotationSin[k] = len > 0 ? north / len : NaN;
    }
  }
  const bbox = lonLatBbox(lonDeg, latDeg);
  if (!Number.isFinite(bbox[0])) {
    throw new TandemError('UNSUPPORTED_FILE', `2-D longitude/latitude of ${v.name} have no valid value`, file.path);
  }
  const widthDeg = bbox[2] >= bbox[0] ? bbox[2] - bbox[0] : bbox[2] + 360 - bbox[0];
  const midLat = (bbox[1] + bbox[3]) / 2;
  const coslat = Math.max(0.05, Math.cos((midLat * Math.PI) / 180));
  const cellDeg = Math.sqrt((Math.max(widthDeg, 1e-6) * coslat * Math.max(bbox[3] - bbox[1], 1e-6)) / (nx * ny));
  let stepLat = Math.max(1e-5, cellDeg / 3);
  let stepLon = stepLat / coslat;
  while ((widthDeg / stepLon + 1) * ((bbox[3] - bbox[1]) / stepLat + 1) > MAX_TABLE_NODES) {
    stepLat *= 1.5;
    stepLon *= 1.5;
  }
  const locator = curvilinearGridLocator(lonDeg, latDeg, nx, ny, {
    bboxDeg: bbox,
    stepLonDeg: stepLon,
    stepLatDeg: stepLat,
  });
  return {
    nx,
    ny,
    xDim,
    yDim,
    transposed,
    projection: null,
    curvilinear: true,
    lonDeg,
    latDeg,
    rotationCos,
    rotationSin,
    bboxDeg: bbox,
    locator,
    signature: `curvilinear ${nx} ${ny} ${lonDeg[0]} ${latDeg[0]} ${lonDeg[nx * ny - 1]} ${latDeg[nx * ny - 1]}`,
  };
}
