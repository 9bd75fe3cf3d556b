/**
 * File forcing through the runner: a short drift over the Arctic20 ROMS surface current (NetCDF-3, polar
 * stereographic, grid-relative u/v) mixed with a constant wind; particles leaving the file's time coverage
 * stop with a stated reason (no silent zero); an explicit fallback is used only when set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { parseDriftScenario, parseUtcTime, runDrift } from '@tandem/core';
import { openGriddedSource } from '@tandem/formats';
import { buildEnvironment } from './build-environment.ts';
import { runDriftScenario } from './run-drift-scenario.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const ARCTIC = 'data/forcing/Arctic20_1to5Feb_2016.nc';

function doc(opts: { time?: string; hours?: number; lon?: number; fallback?: boolean; count?: number }): unknown {
  return {
    object: { leewayCategoryId: 26 },
    seed: {
      lon: opts.lon ?? 15,
      lat: 72,
      radiusM: 1000,
      radiusType: 'gaussian',
      time: opts.time ?? '2016-02-01T12:00:00Z',
      count: opts.count ?? 200,
    },
    forcing: {
      wind: { eastMps: 0, northMps: 0 },
      current: { files: [ARCTIC], ...(opts.fallback ? { fallback: { eastMps: 0.5, northMps: 0 } } : {}) },
    },
    coast: { landMask: 'none' },
    options: { jibeProbabilityPerHour: 0 },
    run: { durationS: (opts.hours ?? 6) * 3600, timeStepS: 600, outputStepS: 3600, rngSeed: 7 },
  };
}

test('a 6 h drift in the Arctic20 current moves with the sampled current (+ calm-wind leeway)', async (ctx) => {
  const run = await runDriftScenario({ doc: doc({}), baseDir: repo }, { threads: 1 });
  assert.equal(run.report.noDataCount, 0);
  assert.equal(run.particleSteps, 200 * 36);
  assert.match(run.report.sources.current, /Arctic20/);
  // Independent of the engine: integrate the sampled current at the seed point (6 h, Euler 600 s steps in a
  // local tangent plane) and compare with the centroid displacement. With zero wind the category-26 leeway is
  // its offsets (a few cm/s, random per particle), which the tolerance allows for.
  const src = await openGriddedSource([`${repo}${ARCTIC}`], 'current');
  let lon = 15;
  let lat = 72;
  const o = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
  const t0 = parseUtcTime('2016-02-01T12:00:00Z');
  for (let k = 0; k < 36; k++) {
    src.sample(
      'current',
      { timeS: t0 + k * 600, lonDeg: Float64Array.of(lon), latDeg: Float64Array.of(lat), start: 0, end: 1 },
      o,
    );
    lat += (o.northMps[0]! * 600) / 111_320;
    lon += (o.eastMps[0]! * 600) / (111_320 * Math.cos((lat * Math.PI) / 180));
  }
  src.close();
  const t = run.trajectories;
  const last = t.timesS.length - 1;
  let sLon = 0;
  let sLat = 0;
  for (let p = 0; p < 200; p++) {
    sLon += t.lonDeg[last * 200 + p]!;
    sLat += t.latDeg[last * 200 + p]!;
  }
  const dEastM = (sLon / 200 - lon) * 111_320 * Math.cos((72 * Math.PI) / 180);
  const dNorthM = (sLat / 200 - lat) * 111_320;
  ctx.diagnostic(
    `centroid − current-only track: ${dEastM.toFixed(0)} m E, ${dNorthM.toFixed(0)} m N; current-only displacement ${((lon - 15) * 111_320 * Math.cos((72 * Math.PI) / 180)).toFixed(0)} m E, ${((lat - 72) * 111_320).toFixed(0)} m N`,
  );
  // The current alone moves the cloud ~4.5 km; the calm-wind leeway offsets of category 26 average to a few
  // mm/s over 200 particles (measured 165 m in 6 h), so 600 m separates "follows the current" from not.
  assert.ok(
    Math.hypot(dEastM, dNorthM) < 2500,
    `centroid off the current-only track by ${dEastM.toFixed(0)} E, ${dNorthM.toFixed(0)} N m`,
  );
});

test('leaving the file time range stops particles with the reason; an explicit fallback keeps them going', async () => {
  const late = await runDriftScenario(
    { doc: doc({ time: '2016-02-05T06:00:00Z', hours: 12, count: 20 }), baseDir: repo },
    { threads: 1 },
  );
  assert.equal(late.report.noDataCount, 20);
  assert.equal(late.report.noData[0]!.field, 'current');
  assert.match(late.report.noData[0]!.reason, /time range/);
  assert.equal(late.report.noData[0]!.firstTime, '2016-02-05T12:10:00Z');
  const withFallback = await runDriftScenario(
    { doc: doc({ time: '2016-02-05T06:00:00Z', hours: 12, count: 20, fallback: true }), baseDir: repo },
    { threads: 1 },
  );
  assert.equal(withFallback.report.noDataCount, 0);
});

test('buildEnvironment opens the files and closes them', async () => {
  const scenario = parseDriftScenario(doc({ count: 10, hours: 1 }), { baseDir: repo });
  const built = await buildEnvironment(scenario, repo);
  try {
    assert.deepEqual(built.env.current.fields, ['current']);
    const r = runDrift(scenario.config, built.env);
    assert.equal(r.noDataCount, 0);
  } finally {
    built.close();
  }
});

test('wind from a NetCDF-4 file (AROME, Lambert, grid-relative) mixes with a constant current', async () => {
  const run = await runDriftScenario(
    {
      doc: {
        object: { leewayCategoryId: 26 },
        seed: { lon: 4, lat: 61, radiusM: 1000, radiusType: 'gaussian', time: '2016-01-14T00:00:00Z', count: 50 },
        forcing: {
          wind: { files: ['data/forcing/AROME_MetCoOp_00_DEF_20160114_subset.nc'] },
          current: { eastMps: 0, northMps: 0 },
        },
        coast: { landMask: 'none' },
        run: { durationS: 7200, timeStepS: 600, outputStepS: 3600, rngSeed: 3 },
      },
      baseDir: repo,
    },
    { threads: 1 },
  );
  assert.equal(run.report.noDataCount, 0);
  assert.match(run.report.sources.wind, /AROME/);
  // The 10 m wind there blows toward the north at ~8 m/s (sampled in gridded-source.test.ts): the leeway of
  // category 26 carries the cloud north.
  const t = run.trajectories;
  const last = t.timesS.length - 1;
  let dLat = 0;
  for (let p = 0; p < 50; p++) dLat += t.latDeg[last * 50 + p]! - 61;
  assert.ok(dLat / 50 > 0.005, `mean northward displacement ${((dLat / 50) * 111).toFixed(2)} km`);
});
