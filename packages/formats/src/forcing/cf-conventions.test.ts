/**
 * The CF conventions real files use, on small synthetic NetCDF-3 files whose expected values follow from
 * the formulas that made them: 0–360 longitudes across the seam, descending latitudes, packed shorts with
 * fill values, cm/s and knots, variable aliases, explicit names, earth-relative vectors on a projected grid,
 * a rotated pole, a depth axis and a missing-variable error that lists what the file has.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METERS_PER_SECOND_PER_KNOT, SampleStatus, isTandemError } from '@tandem/core';
import type { VectorField } from '@tandem/core';
import { writeNetcdf3Classic } from '../netcdf/write-netcdf3-classic.ts';
import type { ClassicFile, ClassicVariable } from '../netcdf/write-netcdf3-classic.ts';
import { openGriddedSource } from './open-gridded-source.ts';
import type { OpenGriddedOptions } from './open-gridded-source.ts';

const T0 = 1_600_000_000;

async function withFile<T>(
  file: ClassicFile,
  field: VectorField,
  fn: (s: Awaited<ReturnType<typeof openGriddedSource>>) => T,
  opts: OpenGriddedOptions = {},
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-cf-'));
  const path = join(dir, 'f.nc');
  writeFileSync(path, writeNetcdf3Classic(file));
  try {
    const src = await openGriddedSource([path], field, opts);
    try {
      return fn(src);
    } finally {
      src.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function at(
  src: Awaited<ReturnType<typeof openGriddedSource>>,
  field: VectorField,
  t: number,
  lon: number,
  lat: number,
) {
  const o = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
  src.sample(field, { timeS: t, lonDeg: Float64Array.of(lon), latDeg: Float64Array.of(lat), start: 0, end: 1 }, o);
  return { east: o.eastMps[0]!, north: o.northMps[0]!, status: o.status[0]! };
}

const timeVar = (n: number): ClassicVariable => ({
  name: 'time',
  dimensions: ['time'],
  type: 'double',
  attributes: { units: 'hours since 2020-09-13 12:26:40', calendar: 'gregorian', standard_name: 'time' },
  data: Array.from({ length: n }, (_, k) => k * 6),
});

test('global 0–360 grid, descending latitudes, packed shorts in cm/s with fill, names uo/vo', async () => {
  const lons = Array.from({ length: 72 }, (_, k) => k * 5);
  const lats = Array.from({ length: 17 }, (_, k) => 80 - k * 10);
  // u (cm/s) = 10 + 0.5 lat, v = 20 on the 355–0 seam column pair, land (fill) at lat 80.
  const u: number[] = [];
  const v: number[] = [];
  for (let t = 0; t < 2; t++)
    for (const lat of lats)
      for (const lon of lons) {
        const land = lat === 80;
        u.push(land ? -32767 : Math.round((10 + 0.5 * lat + 10 * t) / 0.01));
        v.push(land ? -32767 : Math.round((lon === 355 ? 40 : 20) / 0.01));
      }
  const file: ClassicFile = {
    dimensions: [
      { name: 'time', size: 2 },
      { name: 'lat', size: 17 },
      { name: 'lon', size: 72 },
    ],
    variables: [
      timeVar(2),
      { name: 'lat', dimensions: ['lat'], type: 'float', attributes: { units: 'degrees_north' }, data: lats },
      { name: 'lon', dimensions: ['lon'], type: 'float', attributes: { units: 'degrees_east' }, data: lons },
      {
        name: 'uo',
        dimensions: ['time', 'lat', 'lon'],
        type: 'short',
        attributes: { units: 'cm/s', scale_factor: 0.01, _FillValue: -32767 },
        data: u,
      },
      {
        name: 'vo',
        dimensions: ['time', 'lat', 'lon'],
        type: 'short',
        attributes: { units: 'cm s-1', scale_factor: 0.01, add_offset: 0, _FillValue: -32767 },
        data: v,
      },
    ],
  };
  await withFile(file, 'current', (src) => {
    const a = at(src, 'current', T0 + 3 * 3600, -170, 35);
    assert.equal(a.status, SampleStatus.Ok);
    assert.ok(Math.abs(a.east - (10 + 17.5 + 5) / 100) < 1e-6, `${a.east}`);
    const seam = at(src, 'current', T0, -2.5, 0);
    assert.ok(Math.abs(seam.north - 0.3) < 1e-6, `across the seam: ${seam.north}`);
    const wrapped = at(src, 'current', T0, 357.5 - 360 * 2, 0);
    assert.ok(Math.abs(wrapped.north - 0.3) < 1e-6);
    // The fill row at 80°N is filled from the row below (3×3 dilation), so 79°N still has a value.
    assert.equal(at(src, 'current', T0, 10, 79).status, SampleStatus.Ok);
    assert.equal(at(src, 'current', T0 + 7 * 3600, 10, 0).status, SampleStatus.OutsideTime);
    assert.equal(at(src, 'current', T0, 10, -85).status, SampleStatus.OutsideSpace);
  });
});

test('knots, an explicit variable mapping, and the error that lists the variables', async () => {
  const file: ClassicFile = {
    dimensions: [
      { name: 'time', size: 1 },
      { name: 'y', size: 2 },
      { name: 'x', size: 2 },
    ],
    variables: [
      timeVar(1),
      {
        name: 'y',
        dimensions: ['y'],
        type: 'double',
        attributes: { units: 'degrees_north', standard_name: 'latitude' },
        data: [34, 35],
      },
      {
        name: 'x',
        dimensions: ['x'],
        type: 'double',
        attributes: { units: 'degrees_east', standard_name: 'longitude' },
        data: [129, 130],
      },
      {
        name: 'WSPD_E',
        dimensions: ['time', 'y', 'x'],
        type: 'float',
        attributes: { units: 'knots' },
        data: [10, 10, 10, 10],
      },
      {
        name: 'WSPD_N',
        dimensions: ['time', 'y', 'x'],
        type: 'float',
        attributes: { units: 'kt' },
        data: [0, 0, 2, 2],
      },
    ],
  };
  await assert.rejects(
    withFile(file, 'wind', () => 0),
    (e: unknown) =>
      isTandemError(e) && e.code === 'VARIABLE_NOT_FOUND' && e.message.includes('WSPD_E') && e.message.includes('u10'),
  );
  await withFile(
    file,
    'wind',
    (src) => {
      const a = at(src, 'wind', T0, 129.5, 34.5);
      assert.ok(Math.abs(a.east - 10 * METERS_PER_SECOND_PER_KNOT) < 1e-6); // slabs are float32
      assert.ok(Math.abs(a.north - 1 * METERS_PER_SECOND_PER_KNOT) < 1e-6);
    },
    { variables: { x: 'WSPD_E', y: 'WSPD_N' } },
  );
});

/** A 3×3 grid on a projection with u = 1, v = 0 everywhere. */
function projectedFile(
  mapping: Record<string, string | number | readonly number[]>,
  xs: number[],
  ys: number[],
  stdX: string,
  stdY: string,
  xUnits = 'm',
): ClassicFile {
  return {
    dimensions: [
      { name: 'time', size: 1 },
      { name: 'depth', size: 2 },
      { name: 'y', size: 3 },
      { name: 'x', size: 3 },
    ],
    variables: [
      timeVar(1),
      {
        name: 'depth',
        dimensions: ['depth'],
        type: 'float',
        attributes: { units: 'm', positive: 'down' },
        data: [10, 0],
      },
      {
        name: 'y',
        dimensions: ['y'],
        type: 'double',
        attributes: {
          units: xUnits,
          standard_name: stdY === 'grid_latitude' ? 'grid_latitude' : 'projection_y_coordinate',
        },
        data: ys,
      },
      {
        name: 'x',
        dimensions: ['x'],
        type: 'double',
        attributes: {
          units: xUnits,
          standard_name: stdX === 'grid_longitude' ? 'grid_longitude' : 'projection_x_coordinate',
        },
        data: xs,
      },
      { name: 'crs', dimensions: [], type: 'int', attributes: mapping, data: [0] },
      // Level 0 (10 m) carries 9 m/s: picking the wrong level shows.
      {
        name: 'cu',
        dimensions: ['time', 'depth', 'y', 'x'],
        type: 'float',
        attributes: { units: 'm/s', standard_name: stdX, grid_mapping: 'crs' },
        data: [...Array<number>(9).fill(9), ...Array<number>(9).fill(1)],
      },
      {
        name: 'cv',
        dimensions: ['time', 'depth', 'y', 'x'],
        type: 'float',
        attributes: { units: 'm/s', standard_name: stdY, grid_mapping: 'crs' },
        data: Array<number>(18).fill(0),
      },
    ],
  };
}

test('mercator with earth-relative eastward/northward components: no rotation, surface level', async () => {
  const file = projectedFile(
    { grid_mapping_name: 'mercator', longitude_of_projection_origin: 0, standard_parallel: 30 },
    [1e6, 1.05e6, 1.1e6],
    [4e6, 4.05e6, 4.1e6],
    'eastward_sea_water_velocity',
    'northward_sea_water_velocity',
  );
  await withFile(file, 'current', (src) => {
    const c = src.coverage.bboxDeg!;
    const a = at(src, 'current', T0, (c[0] + c[2]) / 2, (c[1] + c[3]) / 2);
    assert.equal(a.status, SampleStatus.Ok);
    assert.ok(Math.abs(a.east - 1) < 1e-6 && Math.abs(a.north) < 1e-6, `${a.east} ${a.north}`);
    assert.equal(src.parts[0]!.info().rotated, false);
  });
});

test('polar stereographic grid-relative x/y components are rotated: grid +x points east only on lon_0 ± 90°', async () => {
  // Grid around (lon 58 + 90 = 148°E, 75°N) on the Arctic20 projection: there grid +x points to true north.
  const r = 6371000;
  const k = (1 + Math.sin((60 * Math.PI) / 180)) * r;
  const rho = (k * Math.cos((75 * Math.PI) / 180)) / (1 + Math.sin((75 * Math.PI) / 180));
  // +proj=stere north polar: x = rho sin(lon - lon0), y = -rho cos(lon - lon0); at lon - lon0 = 90°: (rho, 0).
  const xs = [rho - 10000, rho, rho + 10000].map((x) => x / 1000);
  const ys = [-10, 0, 10];
  const file = projectedFile(
    {
      grid_mapping_name: 'polar_stereographic',
      straight_vertical_longitude_from_pole: 58,
      latitude_of_projection_origin: 90,
      standard_parallel: 60,
      earth_radius: r,
    },
    xs,
    ys,
    'x_sea_water_velocity',
    'y_sea_water_velocity',
    'km',
  );
  await withFile(file, 'current', (src) => {
    const a = at(src, 'current', T0, 148, 75);
    assert.equal(a.status, SampleStatus.Ok);
    // Moving along +x at lon0 + 90° moves away from the pole: toward the south.
    assert.ok(Math.abs(a.east) < 1e-4 && Math.abs(a.north + 1) < 1e-4, `${a.east} ${a.north}`);
  });
});

test('rotated pole: with the pole at the true pole the grid is the lon/lat grid (no rotation)', async () => {
  const file = projectedFile(
    { grid_mapping_name: 'rotated_latitude_longitude', grid_north_pole_latitude: 90, grid_north_pole_longitude: 180 },
    [9, 10, 11],
    [59, 60, 61],
    'grid_longitude',
    'grid_latitude',
    'degrees',
  );
  const renamed: ClassicFile = {
    ...file,
    variables: file.variables.map((v) =>
      v.name === 'cu'
        ? { ...v, attributes: { ...v.attributes, standard_name: 'x_sea_water_velocity' } }
        : v.name === 'cv'
          ? { ...v, attributes: { ...v.attributes, standard_name: 'y_sea_water_velocity' } }
          : v,
    ),
  };
  await withFile(renamed, 'current', (src) => {
    const a = at(src, 'current', T0, 10.5, 60.5);
    assert.equal(a.status, SampleStatus.Ok);
    assert.ok(Math.abs(a.east - 1) < 1e-6 && Math.abs(a.north) < 1e-6, `${a.east} ${a.north}`);
    assert.ok(Math.abs(src.coverage.bboxDeg![0] - 9) < 1e-6);
  });
});
