import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudForDatum, parsePlanDocument, planSearch, TandemError } from '@tandem/core';
import { probabilityGridToGeoTiff } from './probability-raster.ts';
import { writeGeoTiff } from './geotiff-writer.ts';
import { planToGeoJson, planToKml, unitToGpx } from './plan-outputs.ts';
import { parseRunTracks } from './track-reader.ts';

const doc = parsePlanDocument({
  name: 'outputs test',
  probability: { circularNormal: { lon: 129.8, lat: 34.9, sigmaM: 8000 } },
  startTime: '2026-05-01T06:00:00Z',
  units: [
    { id: 'KR-1', nation: 'KR', sweepWidthM: 4000, speedMps: 6, enduranceS: 36000, base: [129.09, 35.1] },
    {
      id: 'JP-1',
      nation: 'JP',
      sweepWidthM: 2500,
      speedMps: 80,
      enduranceS: 20000,
      altitudeM: 300,
      base: [129.72, 33.16],
    },
  ],
  grid: { nx: 60, ny: 50 },
});
const plan = planSearch(doc, cloudForDatum(doc));

interface GdalInfo {
  size: [number, number];
  geoTransform: number[];
  coordinateSystem: { wkt: string };
  wgs84Extent: { coordinates: number[][][] };
  bands: { type: string; metadata: Record<string, Record<string, string>> }[];
}

/** Full-precision band statistics (the JSON fields are rounded to 3 decimals). */
function stat(info: GdalInfo, name: 'MEAN' | 'MAXIMUM'): number {
  return Number(info.bands[0]?.metadata['']?.[`STATISTICS_${name}`]);
}

function gdalinfo(bytes: Uint8Array): GdalInfo {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-tif-'));
  try {
    const f = join(dir, 'poc.tif');
    writeFileSync(f, bytes);
    return JSON.parse(execFileSync('gdalinfo', ['-json', '-stats', f], { encoding: 'utf8' })) as GdalInfo;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('probability GeoTIFF: GDAL reads size, float32, the LAEA CRS, the geotransform, and values summing to 1', () => {
  const info = gdalinfo(probabilityGridToGeoTiff(plan.grid));
  const g = plan.grid;
  assert.deepEqual(info.size, [g.nx, g.ny]);
  assert.equal(info.bands[0]?.type, 'Float32');
  assert.match(info.coordinateSystem.wkt, /Lambert_Azimuthal_Equal_Area|Lambert Azimuthal Equal Area/);
  assert.match(info.coordinateSystem.wkt, /WGS[ _]84/);
  const [ox, px, , oy, , py] = info.geoTransform as [number, number, number, number, number, number];
  assert.ok(Math.abs(ox - g.x0M) < 1e-6 && Math.abs(oy - (g.y0M + g.ny * g.cellM)) < 1e-6);
  assert.ok(Math.abs(px - g.cellM) < 1e-9 && Math.abs(py + g.cellM) < 1e-9);
  const mean = stat(info, 'MEAN');
  assert.ok(Math.abs(mean * g.nx * g.ny - 1) < 1e-4, `sum ${mean * g.nx * g.ny}`);
  assert.ok(Math.abs(stat(info, 'MAXIMUM') - Math.max(...g.poc)) < 1e-7);
  // GDAL's own inverse projection of the corners agrees with ours to 1e-6 degrees.
  const ring = info.wgs84Extent.coordinates[0] as number[][];
  const lons = ring.map((p) => p[0] as number);
  const lats = ring.map((p) => p[1] as number);
  const corners = [
    g.projection.inverse(g.x0M, g.y0M),
    g.projection.inverse(g.x0M + g.nx * g.cellM, g.y0M + g.ny * g.cellM),
    g.projection.inverse(g.x0M, g.y0M + g.ny * g.cellM),
    g.projection.inverse(g.x0M + g.nx * g.cellM, g.y0M),
  ];
  assert.ok(Math.abs(Math.min(...lons) - Math.min(...corners.map((c) => c[0]))) < 1e-6);
  assert.ok(Math.abs(Math.max(...lats) - Math.max(...corners.map((c) => c[1]))) < 1e-6);
});

test('EPSG:4326 GeoTIFF with several strips reads back pixel for pixel', () => {
  const width = 300;
  const height = 120;
  const values = new Float32Array(width * height).map((_, k) => (k % 977) / 977);
  const info = gdalinfo(
    writeGeoTiff({
      width,
      height,
      values,
      originX: 128,
      originY: 36,
      pixelSizeX: 0.01,
      pixelSizeY: 0.01,
      crs: { kind: 'epsg4326' },
    }),
  );
  assert.deepEqual(info.size, [width, height]);
  assert.match(info.coordinateSystem.wkt, /WGS 84/);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  assert.ok(Math.abs(stat(info, 'MEAN') - mean) < 1e-6);
  assert.throws(
    () =>
      writeGeoTiff({
        width: 2,
        height: 2,
        values: new Float32Array(3),
        originX: 0,
        originY: 0,
        pixelSizeX: 1,
        pixelSizeY: 1,
        crs: { kind: 'epsg4326' },
      }),
    TandemError,
  );
});

test('GPX, KML and GeoJSON carry every unit, its area and route; GPX reads back through the track reader', () => {
  for (const u of plan.units) {
    const gpx = unitToGpx(plan, u);
    const back = parseRunTracks(gpx, 'gpx', 'unit.gpx');
    assert.equal(back.length, 1);
    assert.equal(back[0]?.unitId, u.id);
    assert.equal(back[0]?.points.length, u.waypoints.length);
    assert.ok(Math.abs((back[0]?.points[0]?.[0] ?? 0) - (u.waypoints[0]?.[0] ?? 1)) < 1e-6);
  }
  const kml = planToKml(plan);
  assert.equal((kml.match(/<Polygon>/g) ?? []).length, plan.units.filter((u) => u.area.length > 0).length);
  const gj = planToGeoJson(plan);
  const areas = gj.features.filter((f) => (f as { properties: { role: string } }).properties.role === 'area');
  assert.equal(areas.length, plan.units.filter((u) => u.area.length > 0).length);
  const round = JSON.parse(JSON.stringify(gj)) as typeof gj;
  assert.equal(round.features.length, gj.features.length);
});

test('track reader: CSV by unit, GeoJSON MultiLineString, and clear errors', () => {
  const csv =
    'unit,time,lon,lat\nA,2026-05-01T06:00:00Z,129.1,35.0\nA,2026-05-01T06:10:00Z,129.2,35.0\nB,2026-05-01T06:00:00Z,129.5,34.5\n';
  const t = parseRunTracks(csv, 'csv', 'run.csv');
  assert.equal(t.length, 2);
  assert.equal(t[0]?.points.length, 2);
  assert.equal(t[0]?.timesS?.[1], Date.parse('2026-05-01T06:10:00Z') / 1000);
  const gj = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { unitId: 'P1' },
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [129, 35],
              [129.1, 35],
            ],
            [
              [129.2, 35],
              [129.3, 35],
            ],
          ],
        },
      },
    ],
  });
  assert.equal(parseRunTracks(gj, 'geojson').length, 2);
  assert.throws(
    () => parseRunTracks('x,y\n1,2\n', 'csv', 'bad.csv'),
    (e: unknown) => e instanceof TandemError && e.field === 'bad.csv: line 1',
  );
  assert.throws(
    () => parseRunTracks('lon,lat\n200,2\n', 'csv', 'bad.csv'),
    (e: unknown) => e instanceof TandemError && e.field === 'bad.csv: line 2',
  );
  assert.throws(
    () => parseRunTracks('<gpx></gpx>', 'gpx', 'e.gpx'),
    (e: unknown) => e instanceof TandemError && e.code === 'UNSUPPORTED_FILE',
  );
  assert.throws(
    () => parseRunTracks('{', 'geojson', 'e.json'),
    (e: unknown) => e instanceof TandemError && e.code === 'UNSUPPORTED_FILE',
  );
});
