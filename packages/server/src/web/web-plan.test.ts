import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  constantSource,
  epochSeconds,
  findLeewayCategory,
  isTandemError,
  meters,
  NO_LAND,
  runDrift,
  seconds,
} from '@tandem/core';
import type { DriftConfig, TrajectorySet } from '@tandem/core';
import { trajectoriesFromResult } from './drift-run-result.ts';
import { planFromDriftRun } from './web-plan.ts';
import { readWebFile } from './web-static.ts';

const T0 = Date.UTC(2026, 0, 15) / 1000;

function driftSet(): TrajectorySet {
  const config: DriftConfig = {
    seedings: [
      {
        kind: 'point',
        lonDeg: 129.05,
        latDeg: 34.75,
        radiusM: meters(1852),
        radiusType: 'gaussian',
        timeWindowS: [epochSeconds(T0), epochSeconds(T0)],
        count: 400,
        category: findLeewayCategory(26),
        weight: 1,
      },
    ],
    options: { capsizing: false, jibeProbabilityPerHour: 0.04, coastlineAction: 'stranding' },
    run: {
      startTimeS: epochSeconds(T0),
      durationS: seconds(6 * 3600),
      timeStepS: seconds(600),
      outputStepS: seconds(3600),
      backward: false,
      rngSeed: 7,
    },
  };
  return runDrift(config, {
    wind: constantSource('wind', { eastMps: 7.07, northMps: -7.07 }),
    current: constantSource('current', { eastMps: 0.21, northMps: 0.21 }),
    land: NO_LAND,
  }).trajectories;
}

test('a drift result read back from its stored JSON (typed arrays as index-keyed objects) is the same set', () => {
  const set = driftSet();
  const back = trajectoriesFromResult(JSON.parse(JSON.stringify({ trajectories: set })));
  assert.equal(back.count, set.count);
  assert.deepEqual(back.timesS, set.timesS);
  assert.deepEqual(back.lonDeg, set.lonDeg);
  assert.deepEqual(back.status, set.status);
  assert.deepEqual(back.categoryId, set.categoryId);
});

test('a drift result stored as base64 typed arrays (the drift job format) reads back exactly', () => {
  const set = driftSet();
  const enc = (a: Float64Array | Uint8Array | Uint16Array, dtype: string) => ({
    dtype,
    base64: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64'),
  });
  const stored = {
    trajectories: {
      count: set.count,
      timesS: enc(set.timesS, 'f64'),
      lonDeg: enc(set.lonDeg, 'f64'),
      latDeg: enc(set.latDeg, 'f64'),
      status: enc(set.status, 'u8'),
      capsized: enc(set.capsized, 'u8'),
      categoryId: enc(set.categoryId, 'u16'),
      seedTimeS: enc(set.seedTimeS, 'f64'),
    },
  };
  const back = trajectoriesFromResult(JSON.parse(JSON.stringify(stored)));
  assert.deepEqual(back.timesS, set.timesS);
  assert.deepEqual(back.lonDeg, set.lonDeg);
  assert.deepEqual(back.latDeg, set.latDeg);
  assert.deepEqual(back.categoryId, set.categoryId);
});

test('a damaged stored result is a clear error, never a partial set', () => {
  const json = JSON.parse(JSON.stringify({ trajectories: driftSet() })) as { trajectories: Record<string, unknown> };
  const short = { ...json.trajectories, lonDeg: [1, 2, 3] };
  assert.throws(
    () => trajectoriesFromResult({ trajectories: short }),
    (e: unknown) => isTandemError(e) && e.field === 'lonDeg',
  );
  assert.throws(
    () => trajectoriesFromResult({ trajectories: { ...json.trajectories, count: 1e12 } }),
    (e: unknown) => isTandemError(e) && e.field === 'count',
  );
  assert.throws(() => trajectoriesFromResult(null), isTandemError);
});

test('plans a search on the drift run with units of both nations; the route run as planned updates the map', () => {
  const set = driftSet();
  const req = {
    driftRunId: 'run-1',
    atTime: '2026-01-15T06:00:00Z',
    searchObject: 'Raft 6 person',
    sortieHours: 8,
    units: [
      { id: 'kr-1', nation: 'KR', type: 'kr-navy-kdx1', baseId: 'kr-busan' },
      { id: 'jp-1', nation: 'JP', type: 'jp-jmsdf-destroyer', baseId: 'jp-sasebo' },
    ],
  } as const;
  const r = planFromDriftRun(set, req);
  assert.ok(r.plan.pos > 0.3 && r.plan.pos <= 1, `POS ${r.plan.pos}`);
  const kr = r.plan.units.find((u) => u.id === 'kr-1');
  assert.ok(kr !== undefined && kr.waypoints.length >= 2 && kr.intercept !== null);
  assert.equal(r.plan.units.find((u) => u.id === 'jp-1')?.nation, 'JP');
  const sum = r.plan.cloud.weight.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) < 1e-9, `cloud weights sum to ${sum}`);
  assert.match(r.plan.files.gpx['kr-1'] ?? '', /<gpx[\s>]/);
  for (const lang of ['en', 'ko', 'ja']) assert.ok((r.plan.files.messages[lang]?.searchAction.length ?? 0) > 50);
  assert.equal(r.afterSearch, null);

  const after = planFromDriftRun(set, {
    ...req,
    tracks: [{ fileName: 'kr-1.gpx', text: r.plan.files.gpx['kr-1'] ?? '' }],
  });
  assert.ok(after.afterSearch !== null);
  assert.equal(after.afterSearch.tracks, 1);
  // The tracks were the planned route: what they achieved is the unit's planned POS, to the GPX's rounding.
  assert.ok(Math.abs(after.afterSearch.pos - kr.pos) < 0.03, `achieved ${after.afterSearch.pos} vs planned ${kr.pos}`);
  const w = after.afterSearch.next.cloud.weight.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(w - 1) < 1e-9);
  assert.ok(after.afterSearch.next.pos > 0, 'the next search finds probability left');

  assert.throws(
    () =>
      planFromDriftRun(set, { ...req, units: [{ id: 'x', nation: 'KR', type: 'kr-navy-kdx1', baseId: 'nowhere' }] }),
    (e: unknown) => isTandemError(e) && e.field === 'units[0].baseId',
  );
  assert.throws(
    () =>
      planFromDriftRun(set, {
        ...req,
        tracks: [{ fileName: 'other.gpx', text: r.plan.files.gpx['kr-1']?.replaceAll('kr-1', 'zz-9') ?? '' }],
      }),
    isTandemError,
  );
});

test('the web app files are served from the build folder only', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tandem-web-dist-'));
  const dist = join(root, 'dist');
  try {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'assets', 'main-abc.js'), 'export {}');
    writeFileSync(join(root, 'secret.txt'), 'no');
    const index = await readWebFile('index.html', dist);
    assert.equal(index.contentType, 'text/html; charset=utf-8');
    assert.equal(index.immutable, false);
    const js = await readWebFile('assets/main-abc.js', dist);
    assert.equal(js.contentType, 'text/javascript; charset=utf-8');
    assert.equal(js.immutable, true);
    assert.match((await readWebFile('case/42', dist)).body.toString(), /<title>app/);
    for (const bad of ['../secret.txt', '..%2Fsecret.txt', '%2e%2e/secret.txt', 'assets/missing.js', '%E0%A4%A']) {
      await assert.rejects(readWebFile(bad, dist), isTandemError, bad);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
