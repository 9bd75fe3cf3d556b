import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SampleStatus, isTandemError, parseUtcTime } from '@tandem/core';
import { openGriddedSource } from '../forcing/open-gridded-source.ts';
import { convertGribToNetcdf, isGribFile } from './grib-to-netcdf.ts';

/**
 * GRIB2 files made with eccodes' grib_filter from known values: a field linear in lon and lat (bilinear
 * interpolation reproduces it exactly), u and v at two times, 0.25° regular lat/lon grid 128–132°E,
 * 37–40°N (north to south, as GRIB scans), 16 bits per value. Expected values are the formulas below.
 */
const SAMPLE = '/usr/share/eccodes/samples/regular_ll_sfc_grib2.tmpl';
const STEP = 0.25;
const LONS = Array.from({ length: 17 }, (_, k) => 128 + k * STEP);
const LATS = Array.from({ length: 13 }, (_, k) => 40 - k * STEP);
const uOf = (lon: number, lat: number, hour: number): number => 0.5 + 0.3 * (lon - 128) - 0.7 * (lat - 37) + 0.1 * hour;
const vOf = (lon: number, lat: number, hour: number): number =>
  -1.25 + 0.45 * (lon - 128) + 0.2 * (lat - 37) - 0.05 * hour;

function message(param: 2 | 3, hour: number, packing: string): string {
  const f = param === 2 ? uOf : vOf;
  const values = LATS.flatMap((lat) => LONS.map((lon) => f(lon, lat, hour).toFixed(6)));
  return [
    `set Ni = ${LONS.length};`,
    `set Nj = ${LATS.length};`,
    'set latitudeOfFirstGridPointInDegrees = 40;',
    'set latitudeOfLastGridPointInDegrees = 37;',
    'set longitudeOfFirstGridPointInDegrees = 128;',
    'set longitudeOfLastGridPointInDegrees = 132;',
    `set iDirectionIncrementInDegrees = ${STEP};`,
    `set jDirectionIncrementInDegrees = ${STEP};`,
    'set discipline = 0;',
    'set parameterCategory = 2;',
    `set parameterNumber = ${param};`,
    'set typeOfFirstFixedSurface = 103;',
    'set scaledValueOfFirstFixedSurface = 10;',
    'set scaleFactorOfFirstFixedSurface = 0;',
    'set dataDate = 20260115;',
    `set dataTime = ${String(hour * 100).padStart(4, '0')};`,
    'set bitsPerValue = 16;',
    `set values = {${values.join(',')}};`,
    `set packingType = "${packing}";`,
    'write;',
  ].join('\n');
}

function makeGrib(dir: string, packing: string): string {
  const out = join(dir, `wind_${packing}.grib2`);
  const rules = join(dir, `rules_${packing}.txt`);
  writeFileSync(
    rules,
    [message(2, 6, packing), message(3, 6, packing), message(2, 12, packing), message(3, 12, packing)].join('\n'),
  );
  execFileSync('grib_filter', ['-o', out, rules, SAMPLE]);
  const kinds = execFileSync('grib_get', ['-p', 'packingType', out], { encoding: 'utf8' }).trim().split('\n');
  assert.deepEqual(new Set(kinds), new Set([packing]), 'the file uses the packing under test');
  return out;
}

for (const packing of ['grid_simple', 'grid_complex', 'grid_jpeg', 'grid_ccsds']) {
  test(`GRIB2 ${packing}: decoded through eccodes, values match the known field`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-grib-test-'));
    try {
      const path = makeGrib(dir, packing);
      assert.ok(isGribFile(path));
      const src = await openGriddedSource([path], 'wind');
      try {
        assert.deepEqual(src.coverage.timeRange, [
          parseUtcTime('2026-01-15T06:00:00Z'),
          parseUtcTime('2026-01-15T12:00:00Z'),
        ]);
        const pts: [number, number, string, number][] = [
          [128, 40, '2026-01-15T06:00:00Z', 6],
          [130.25, 38.6, '2026-01-15T06:00:00Z', 6],
          [131.9, 37.1, '2026-01-15T09:00:00Z', 9],
          [129.5, 39.5, '2026-01-15T12:00:00Z', 12],
        ];
        const o = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
        for (const [lon, lat, iso, hour] of pts) {
          src.sample(
            'wind',
            { timeS: parseUtcTime(iso), lonDeg: Float64Array.of(lon), latDeg: Float64Array.of(lat), start: 0, end: 1 },
            o,
          );
          assert.equal(o.status[0], SampleStatus.Ok);
          // 16-bit packing of a range of ~3.5 m/s quantises to ~5e-5 m/s; 1e-3 leaves room for the float32 copy.
          assert.ok(
            Math.abs(o.eastMps[0]! - uOf(lon, lat, hour)) < 1e-3,
            `${packing} u at ${lon},${lat}: ${o.eastMps[0]}`,
          );
          assert.ok(
            Math.abs(o.northMps[0]! - vOf(lon, lat, hour)) < 1e-3,
            `${packing} v at ${lon},${lat}: ${o.northMps[0]}`,
          );
        }
        src.sample(
          'wind',
          {
            timeS: parseUtcTime('2026-01-15T06:00:00Z'),
            lonDeg: Float64Array.of(127.5),
            latDeg: Float64Array.of(38),
            start: 0,
            end: 1,
          },
          o,
        );
        assert.equal(o.status[0], SampleStatus.OutsideSpace);
      } finally {
        src.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('GRIB without eccodes or cdo on PATH: TOOL_MISSING naming the Debian package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-grib-test-'));
  const path = join(dir, 'x.grib2');
  writeFileSync(path, 'GRIB....');
  const saved = process.env['PATH'];
  process.env['PATH'] = join(dir, 'no-tools-here');
  try {
    assert.throws(
      () => convertGribToNetcdf(path),
      (e: unknown) => isTandemError(e) && e.code === 'TOOL_MISSING' && e.message.includes('libeccodes-tools'),
    );
  } finally {
    process.env['PATH'] = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged GRIB file gives UNSUPPORTED_FILE, not a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-grib-test-'));
  const path = join(dir, 'bad.grib2');
  writeFileSync(path, 'GRIB\u0000\u0000\u0000\u0002garbage');
  try {
    assert.throws(
      () => convertGribToNetcdf(path),
      (e: unknown) => isTandemError(e) && e.code === 'UNSUPPORTED_FILE',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
