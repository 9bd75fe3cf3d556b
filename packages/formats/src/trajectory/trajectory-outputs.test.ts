import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ParticleStatus, TandemError, densityGrid } from '@tandem/core';
import type { TrajectorySet } from '@tandem/core';
import { NetCDFReader } from 'netcdfjs';
import { finalPositionsToGeoJson, trajectoriesToGeoJsonTracks } from './trajectory-geojson.ts';
import { trajectoriesToCsv } from './trajectory-csv.ts';
import { densityGridToGeoJson } from './density-grid-geojson.ts';
import {
  readTrajectoryNetcdf,
  readTrajectoryNetcdfWithAttributes,
  writeTrajectoryNetcdf,
} from './trajectory-netcdf.ts';

const T0 = Date.UTC(2016, 1, 1, 12) / 1000;
const { NotSeeded: N, Active: A, Stranded: S, NoData: D } = ParticleStatus;

/**
 * Three particles at four hourly outputs (element [k * 3 + i]): particle 0 drifts and strands at k = 2;
 * particle 1 is released at k = 1 (its k = 0 entry is the not-yet-released seed position) and crosses the
 * antimeridian; particle 2 runs out of forcing data at k = 3 and is capsized from k = 2.
 */
function sample(weighted = true): TrajectorySet {
  return {
    count: 3,
    timesS: Float64Array.from([0, 1, 2, 3], (k) => T0 + 3600 * k),
    // prettier-ignore
    lonDeg: Float64Array.from([
      129.0, 179.95, 3.0,
      129.01, 179.99, 3.1,
      129.02, -179.98, 3.2,
      129.02, -179.9, 3.3,
    ]),
    // prettier-ignore
    latDeg: Float64Array.from([
      34.6, -16.5, 60.0,
      34.61, -16.51, 60.1,
      34.62, -16.52, 60.2,
      34.62, -16.53, 60.3,
    ]),
    // prettier-ignore
    status: Uint8Array.from([
      A, N, A,
      A, A, A,
      S, A, A,
      S, A, D,
    ]),
    // prettier-ignore
    capsized: Uint8Array.from([
      0, 0, 0,
      0, 0, 0,
      0, 0, 1,
      0, 0, 1,
    ]),
    categoryId: Uint16Array.from([26, 1, 85]),
    seedTimeS: Float64Array.from([T0, T0 + 3600, T0]),
    ...(weighted ? { weight: Float64Array.from([0.25, 0.25, 0.5]) } : {}),
  };
}

describe('GeoJSON trajectories', () => {
  it('writes one LineString per particle from release until it stops, unwrapped across the antimeridian', () => {
    const fcol = trajectoriesToGeoJsonTracks(sample());
    assert.equal(fcol.type, 'FeatureCollection');
    assert.equal(fcol.features.length, 3);
    const [p0, p1, p2] = fcol.features;
    assert.deepEqual(p0?.geometry?.coordinates, [
      [129.0, 34.6],
      [129.01, 34.61],
      [129.02, 34.62],
    ]);
    assert.deepEqual(p0?.properties, {
      id: 0,
      categoryId: 26,
      status: 'stranded',
      capsized: false,
      seedTime: '2016-02-01T12:00:00Z',
      startTime: '2016-02-01T12:00:00Z',
      endTime: '2016-02-01T14:00:00Z',
      weight: 0.25,
    });
    const c1 = p1?.geometry?.coordinates ?? [];
    assert.equal(c1.length, 3);
    assert.equal(c1[0]?.[0], 179.99);
    assert.ok(Math.abs((c1[1]?.[0] ?? 0) - (360 - 179.98)) < 1e-9, 'continues east of 180°');
    assert.equal(p1?.properties.startTime, '2016-02-01T13:00:00Z');
    assert.equal(p2?.properties.status, 'no_data');
    assert.equal(p2?.properties.capsized, true);
    assert.equal(p2?.geometry?.coordinates.length, 4);
    JSON.parse(JSON.stringify(fcol));
  });

  it('writes final positions (or any output time) as Points with status', () => {
    const fin = finalPositionsToGeoJson(sample());
    assert.equal(fin.features.length, 3);
    assert.deepEqual(fin.features[0]?.geometry.coordinates, [129.02, 34.62]);
    assert.equal(fin.features[0]?.properties.status, 'stranded');
    assert.equal(fin.features[2]?.properties.status, 'no_data');
    assert.equal(fin.features[2]?.properties.time, '2016-02-01T15:00:00Z');
    const first = finalPositionsToGeoJson(sample(), 0);
    assert.deepEqual(
      first.features.map((f) => f.properties.id),
      [0, 2],
      'the unreleased particle has no position yet',
    );
    assert.throws(() => finalPositionsToGeoJson(sample(), 4), TandemError);
  });
});

describe('CSV trajectories', () => {
  it('writes RFC 4180 rows from release on, lossless numbers', () => {
    const csv = trajectoriesToCsv(sample());
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'particle,time_utc,lon,lat,status,capsized');
    assert.equal(lines.at(-1), '', 'ends with CRLF');
    assert.equal(lines.length, 1 + 11 + 1);
    assert.equal(lines[1], '0,2016-02-01T12:00:00Z,129,34.6,active,0');
    assert.equal(lines[5], '1,2016-02-01T13:00:00Z,179.99,-16.51,active,0');
    assert.equal(lines[11], '2,2016-02-01T15:00:00Z,3.3,60.3,no_data,1');
    assert.ok(!csv.includes('\n\n') && !/[^\r]\n/.test(csv), 'only CRLF line ends');
  });
});

/** Compare two sets exactly (NaN equal to NaN). */
function assertSameSet(a: TrajectorySet, b: TrajectorySet): void {
  assert.equal(b.count, a.count);
  assert.deepEqual(b.timesS, a.timesS);
  assert.deepEqual(b.lonDeg, a.lonDeg);
  assert.deepEqual(b.latDeg, a.latDeg);
  assert.deepEqual(b.status, a.status);
  assert.deepEqual(b.capsized, a.capsized);
  assert.deepEqual(b.categoryId, a.categoryId);
  assert.deepEqual(b.seedTimeS, a.seedTimeS);
  assert.deepEqual(b.weight, a.weight);
}

describe('CF NetCDF trajectory file', () => {
  it('reads back exactly with our reader, and netcdfjs sees the CF layout', () => {
    const set = sample();
    const bytes = writeTrajectoryNetcdf(set, { title: 'test run', scenarioJson: '{"a":1}', history: 'h' });
    assert.deepEqual([...bytes.subarray(0, 4)], [0x43, 0x44, 0x46, 0x02], '64-bit offset NetCDF-3');
    const back = readTrajectoryNetcdfWithAttributes(bytes);
    assertSameSet(set, back.set);
    assert.equal(back.attributes['Conventions'], 'CF-1.8');
    assert.equal(back.attributes['featureType'], 'trajectory');
    assert.equal(back.attributes['scenario_json'], '{"a":1}');
    assert.equal(back.attributes['source'], 'Tandem');

    const r = new NetCDFReader(bytes);
    assert.deepEqual(
      r.dimensions.map((d) => [d.name, d.size]),
      [
        ['trajectory', 3],
        ['time', 4],
      ],
    );
    const lon = r.getDataVariable('lon') as number[];
    assert.equal(lon[1 * 4 + 2], -179.98, 'particle 1 at output 2, (trajectory, time) order');
    assert.ok((lon[1 * 4 + 0] as number) > 9e36, 'not-seeded position is the fill value');
    assert.deepEqual((r.getDataVariable('status') as unknown[]).flat(), [1, 1, 2, 2, 0, 1, 1, 1, 1, 1, 1, 3]);
    assert.deepEqual(r.getDataVariable('time'), [T0, T0 + 3600, T0 + 7200, T0 + 10800]);
    const attr = (v: string, a: string): unknown =>
      (r.header.variables.find((x) => x.name === v)?.attributes as { name: string; value: unknown }[]).find(
        (x) => x.name === a,
      )?.value;
    assert.equal(attr('trajectory', 'cf_role'), 'trajectory_id');
    assert.equal(attr('time', 'units'), 'seconds since 1970-01-01 00:00:00');
    assert.equal(attr('lat', 'standard_name'), 'latitude');
    assert.equal(attr('status', 'flag_meanings'), 'not_seeded active stranded no_data');
  });

  it('round-trips random sets exactly (property), with and without weights', () => {
    const arb = fc
      .record({
        n: fc.integer({ min: 1, max: 6 }),
        nt: fc.integer({ min: 1, max: 5 }),
        weighted: fc.boolean(),
        seed: fc.integer(),
      })
      .chain(({ n, nt, weighted }) =>
        fc.record({
          n: fc.constant(n),
          nt: fc.constant(nt),
          weighted: fc.constant(weighted),
          lon: fc.array(fc.double({ min: -180, max: 180, noNaN: true }), { minLength: n * nt, maxLength: n * nt }),
          lat: fc.array(fc.double({ min: -90, max: 90, noNaN: true }), { minLength: n * nt, maxLength: n * nt }),
          st: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: n * nt, maxLength: n * nt }),
          cap: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n * nt, maxLength: n * nt }),
          cat: fc.array(fc.integer({ min: 1, max: 85 }), { minLength: n, maxLength: n }),
          w: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        }),
      );
    fc.assert(
      fc.property(arb, (g) => {
        const set: TrajectorySet = {
          count: g.n,
          timesS: Float64Array.from({ length: g.nt }, (_, k) => T0 + 600 * k),
          lonDeg: Float64Array.from(g.lon),
          latDeg: Float64Array.from(g.lat),
          status: Uint8Array.from(g.st),
          capsized: Uint8Array.from(g.cap),
          categoryId: Uint16Array.from(g.cat),
          seedTimeS: Float64Array.from({ length: g.n }, () => T0),
          ...(g.weighted ? { weight: Float64Array.from(g.w) } : {}),
        };
        assertSameSet(set, readTrajectoryNetcdf(writeTrajectoryNetcdf(set)));
      }),
      { numRuns: 100 },
    );
  });

  it('reads with the reference netCDF4-python library (Unidata C netCDF)', () => {
    const python = ['python3', '/usr/bin/python3'].find(
      (p) => spawnSync(p, ['-c', 'import netCDF4'], { encoding: 'utf8' }).status === 0,
    );
    assert.ok(python !== undefined, 'python3 with netCDF4 is required: apt-get install -y python3-netcdf4');
    const dir = mkdtempSync(join(tmpdir(), 'tandem-traj-'));
    const path = join(dir, 'traj.nc');
    writeFileSync(path, writeTrajectoryNetcdf(sample(), { scenarioJson: '{"seed":{"count":3}}' }));
    const script = [
      'import json, sys, netCDF4, numpy as np',
      'd = netCDF4.Dataset(sys.argv[1])',
      'lon = d["lon"][:]',
      'out = {',
      ' "format": d.data_model, "featureType": d.featureType, "Conventions": d.Conventions,',
      ' "scenario": json.loads(d.scenario_json),',
      ' "dims": {k: len(v) for k, v in d.dimensions.items()},',
      ' "lon": [[None if np.ma.is_masked(x) else float(x) for x in row] for row in lon],',
      ' "lat11": float(d["lat"][1, 1]),',
      ' "status": d["status"][:].tolist(), "flags": d["status"].flag_meanings,',
      ' "time": [float(t) for t in d["time"][:]],',
      ' "dates": [str(x) for x in netCDF4.num2date(d["time"][:], d["time"].units)],',
      ' "cf_role": d["trajectory"].cf_role, "category": d["category_id"][:].tolist(),',
      ' "weight": d["weight"][:].tolist()}',
      'print(json.dumps(out))',
    ].join('\n');
    const r = spawnSync(python, ['-c', script, path], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.equal(out['format'], 'NETCDF3_64BIT_OFFSET');
    assert.equal(out['featureType'], 'trajectory');
    assert.equal(out['Conventions'], 'CF-1.8');
    assert.deepEqual(out['scenario'], { seed: { count: 3 } });
    assert.deepEqual(out['dims'], { trajectory: 3, time: 4 });
    assert.deepEqual(out['lon'], [
      [129.0, 129.01, 129.02, 129.02],
      [null, 179.99, -179.98, -179.9],
      [3.0, 3.1, 3.2, 3.3],
    ]);
    assert.equal(out['lat11'], -16.51);
    assert.deepEqual(out['status'], [
      [1, 1, 2, 2],
      [0, 1, 1, 1],
      [1, 1, 1, 3],
    ]);
    assert.equal(out['flags'], 'not_seeded active stranded no_data');
    assert.deepEqual(out['time'], [T0, T0 + 3600, T0 + 7200, T0 + 10800]);
    assert.deepEqual(out['dates'], [
      '2016-02-01 12:00:00',
      '2016-02-01 13:00:00',
      '2016-02-01 14:00:00',
      '2016-02-01 15:00:00',
    ]);
    assert.equal(out['cf_role'], 'trajectory_id');
    assert.deepEqual(out['category'], [26, 1, 85]);
    assert.deepEqual(out['weight'], [0.25, 0.25, 0.5]);
  });

  it('rejects damaged and foreign files with a TandemError', () => {
    const good = writeTrajectoryNetcdf(sample(false));
    const cases: Uint8Array[] = [
      new Uint8Array([1, 2, 3]),
      good.subarray(0, 200),
      good.subarray(0, good.length - 8),
      new TextEncoder().encode('CDF\u0002 not really'),
    ];
    for (const b of cases) {
      assert.throws(
        () => readTrajectoryNetcdf(b, 'bad.nc'),
        (e: unknown) => e instanceof TandemError && e.message.includes('bad.nc'),
      );
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, v) => {
        const b = good.slice();
        b[at] = v;
        try {
          readTrajectoryNetcdf(b);
        } catch (e) {
          return e instanceof TandemError;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe('density grid as GeoJSON', () => {
  it('writes one closed counter-clockwise Polygon per non-empty cell with count and fraction', () => {
    const set = sample(false);
    const grid = densityGrid(set, 3, { west: 0, south: 0, east: 180, north: 90, nx: 2, ny: 1 });
    assert.deepEqual([...grid.counts], [1, 1]);
    const g = densityGridToGeoJson(grid);
    assert.equal(g.features.length, 2);
    assert.deepEqual(g.features[0]?.geometry.coordinates, [
      [
        [0, 0],
        [90, 0],
        [90, 90],
        [0, 90],
        [0, 0],
      ],
    ]);
    assert.deepEqual(g.features[1]?.properties, {
      i: 1,
      j: 0,
      count: 1,
      fraction: 1 / 3,
      time: '2016-02-01T15:00:00Z',
    });
    assert.equal(densityGridToGeoJson(grid, { includeEmpty: true }).features.length, 2);
    const sparse = densityGrid(set, 3, { west: 0, south: 0, east: 180, north: 90, nx: 4, ny: 2 });
    assert.equal(densityGridToGeoJson(sparse).features.length, 2);
    assert.equal(densityGridToGeoJson(sparse, { includeEmpty: true }).features.length, 8);
  });
});
