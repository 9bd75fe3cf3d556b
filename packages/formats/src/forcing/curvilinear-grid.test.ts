/**
 * Curvilinear grids known only by 2-D longitude/latitude (ROMS/NEMO style, no grid_mapping): the Arctic20
 * surface current at its first time, rewritten without X/Y coordinates or projection, must sample like the
 * projected original does in the independent pyproj/netCDF4 expectations. Differences come from locating in
 * lon/lat cells instead of projected ones and from the grid angle taken between neighbouring nodes (40 km
 * apart) instead of from the projection: measured max 0.4 mm/s; tolerance 1 mm/s + 1 % of the speed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SampleStatus, parseUtcTime } from '@tandem/core';
import { openNetcdf3 } from '../netcdf/netcdf3-reader.ts';
import { writeNetcdf3Classic } from '../netcdf/write-netcdf3-classic.ts';
import { openGriddedSource } from './open-gridded-source.ts';

const arcticPath = fileURLToPath(new URL('../../../../data/forcing/Arctic20_1to5Feb_2016.nc', import.meta.url));
const expected = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../test-fixtures/forcing-expected.json', import.meta.url)), 'utf8'),
) as { arctic20: { points: { lonDeg: number; latDeg: number; time: string; eastMps: number; northMps: number }[] } };

test('a curvilinear copy of Arctic20 (2-D lon/lat only) samples like the projected original', async (t) => {
  const src = openNetcdf3(arcticPath);
  const ny = 51;
  const nx = 91;
  // Node positions from the projection (proj4, checked against pyproj): the file's own 2-D longitude/latitude
  // variables disagree with its X/Y projection coordinates by up to 14 km, and the projection is what the
  // expectations (and OpenDrift) use.
  const projected = await openGriddedSource([arcticPath], 'current');
  const lon = projected.parts[0]!.grid.lonDeg.slice();
  const lat = projected.parts[0]!.grid.latDeg.slice();
  projected.close();
  const u = src.read('u', [0, 0, 0, 0], [2, 1, ny, nx]);
  const v = src.read('v', [0, 0, 0, 0], [2, 1, ny, nx]);
  const time = src.read('time', [0], [2]);
  src.close();
  const packed = {
    units: 'meter second-1',
    scale_factor: 0.00030522235,
    add_offset: 0,
    _FillValue: -32767,
    coordinates: 'lon2d lat2d',
  };
  const bytes = writeNetcdf3Classic({
    dimensions: [
      { name: 'ocean_time', size: 2 },
      { name: 'eta_rho', size: ny },
      { name: 'xi_rho', size: nx },
    ],
    variables: [
      {
        name: 'ocean_time',
        dimensions: ['ocean_time'],
        type: 'double',
        attributes: { units: 'seconds since 1970-01-01 00:00:00' },
        data: time,
      },
      {
        name: 'lon2d',
        dimensions: ['eta_rho', 'xi_rho'],
        type: 'float',
        attributes: { units: 'degrees_east' },
        data: lon,
      },
      {
        name: 'lat2d',
        dimensions: ['eta_rho', 'xi_rho'],
        type: 'float',
        attributes: { units: 'degrees_north' },
        data: lat,
      },
      { name: 'u', dimensions: ['ocean_time', 'eta_rho', 'xi_rho'], type: 'short', attributes: packed, data: u },
      { name: 'v', dimensions: ['ocean_time', 'eta_rho', 'xi_rho'], type: 'short', attributes: packed, data: v },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'tandem-curvi-'));
  try {
    const path = join(dir, 'roms_like.nc');
    writeFileSync(path, bytes);
    const s = await openGriddedSource([path], 'current');
    try {
      const info = s.parts[0]!.info();
      assert.equal(info.rotated, true);
      assert.match(info.grid, /curvilinear/);
      const pts = expected.arctic20.points.filter((p) => p.time === '2016-02-01T12:00:00Z');
      assert.ok(pts.length >= 10);
      const o = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
      let maxErr = 0;
      for (const p of pts) {
        s.sample(
          'current',
          {
            timeS: parseUtcTime(p.time),
            lonDeg: Float64Array.of(p.lonDeg),
            latDeg: Float64Array.of(p.latDeg),
            start: 0,
            end: 1,
          },
          o,
        );
        assert.equal(o.status[0], SampleStatus.Ok, `${p.lonDeg} ${p.latDeg}`);
        const err = Math.hypot(o.eastMps[0]! - p.eastMps, o.northMps[0]! - p.northMps);
        maxErr = Math.max(maxErr, err);
        assert.ok(
          err < 2e-3 + 0.02 * Math.hypot(p.eastMps, p.northMps),
          `${p.lonDeg},${p.latDeg}: ${o.eastMps[0]},${o.northMps[0]} vs ${p.eastMps},${p.northMps}`,
        );
      }
      t.diagnostic(
        `max difference from the projected computation: ${maxErr.toExponential(2)} m/s over ${pts.length} points`,
      );
      s.sample(
        'current',
        {
          timeS: parseUtcTime('2016-02-01T12:00:00Z'),
          lonDeg: Float64Array.of(-60),
          latDeg: Float64Array.of(72),
          start: 0,
          end: 1,
        },
        o,
      );
      assert.equal(o.status[0], SampleStatus.OutsideSpace);
    } finally {
      s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
