import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runDrift } from './run-drift.ts';
import type { DriftEnvironment } from './run-drift.ts';
import { summarizeFinal } from './summarize-final.ts';
import { mergeTrajectorySets } from './merge-trajectory-sets.ts';
import { findLeewayCategory } from './leeway-categories.ts';
import type { DriftConfig, LeewayCategory, Seeding } from './drift-config.ts';
import { ParticleStatus } from './trajectory-set.ts';
import type { TrajectorySet } from './trajectory-set.ts';
import { NO_LAND, constantSource, timeSeriesSource } from '../forcing/index.ts';
import type { LandMask } from '../forcing/index.ts';
import { geodesicDirect, geodesicInverse, toLocalMeters } from '../geo/index.ts';
import { TandemError } from '../errors/index.ts';
import type { EpochSeconds, Meters, Seconds } from '../units/index.ts';

const T0 = Date.UTC(2016, 1, 1, 12) / 1000;

function point(count: number, category: LeewayCategory, extra: Partial<Record<string, unknown>> = {}): Seeding {
  return {
    kind: 'point',
    lonDeg: 3,
    latDeg: 60,
    radiusM: 0 as Meters,
    radiusType: 'gaussian',
    timeWindowS: [T0 as EpochSeconds, T0 as EpochSeconds],
    count,
    category,
    weight: 1,
    ...extra,
  } as Seeding;
}

function config(seedings: Seeding[], run: Partial<Record<string, unknown>> = {}, options = {}): DriftConfig {
  return {
    seedings,
    options: { capsizing: false, jibeProbabilityPerHour: 0.04, coastlineAction: 'stranding', ...options },
    run: {
      startTimeS: T0 as EpochSeconds,
      durationS: 86400 as Seconds,
      timeStepS: 600 as Seconds,
      outputStepS: 3600 as Seconds,
      backward: false,
      rngSeed: 1,
      ...run,
    },
  } as DriftConfig;
}

function env(wind: [number, number], current: [number, number], land: LandMask = NO_LAND): DriftEnvironment {
  return {
    wind: constantSource('wind', { eastMps: wind[0], northMps: wind[1] }),
    current: constantSource('current', { eastMps: current[0], northMps: current[1] }),
    land,
  };
}

/** A category without perturbations (all standard deviations zero), for closed-form checks. */
function exact(dwSlopePct: number, dwOffsetCmS: number, cwSlopePct: number, cwOffsetCmS: number): LeewayCategory {
  return {
    id: 999,
    key: 'TEST-EXACT',
    subclassLevel: 0,
    description: 'test object without perturbations',
    downwindSlopePct: dwSlopePct,
    downwindOffsetCmS: dwOffsetCmS,
    downwindStdCmS: 0,
    crosswindRightSlopePct: cwSlopePct,
    crosswindRightOffsetCmS: cwOffsetCmS,
    crosswindRightStdCmS: 0,
    crosswindLeftSlopePct: -cwSlopePct,
    crosswindLeftOffsetCmS: -cwOffsetCmS,
    crosswindLeftStdCmS: 0,
  };
}

function final(set: TrajectorySet, i: number): [number, number] {
  const o = (set.timesS.length - 1) * set.count + i;
  return [set.lonDeg[o] as number, set.latDeg[o] as number];
}

/** Chain of Vincenty direct steps of a constant velocity (east, north m/s) for `steps` × `dt` seconds. */
function vincentyTransport(start: [number, number], eastMps: number, northMps: number, steps: number, dt: number) {
  let p: readonly [number, number] = start;
  const bearing = (Math.atan2(eastMps, northMps) * 180) / Math.PI;
  const dist = Math.hypot(eastMps, northMps) * dt;
  for (let k = 0; k < steps; k++) p = geodesicDirect(p, bearing, dist);
  return p;
}

test('const_open: 10,000 particles reproduce the OpenDrift reference statistics', () => {
  const refPath = fileURLToPath(new URL('../../../../data/opendrift-reference/const_open.json', import.meta.url));
  const ref = JSON.parse(readFileSync(refPath, 'utf8')) as {
    object: { leewayCategoryId: number };
    results: { count: number; meanLon: number; meanLat: number; stdEastKm: number; stdNorthKm: number }[];
  };
  const cfg = config([point(10000, findLeewayCategory(ref.object.leewayCategoryId), { radiusM: 1000 })]);
  const res = runDrift(cfg, env([10, 0], [0, 0.3]));
  const s = summarizeFinal(res.trajectories);
  assert.equal(s.count, 10000);
  assert.equal(s.strandedFraction, 0);
  assert.equal(res.particleSteps, 10000 * 144);
  // Means within 3 std/sqrt(n) of both reference runs (std of lon/lat in degrees from the run's own spread);
  // spreads within 3 % of the 100,000-particle reference (the more precise one).
  const sdLon = s.stdEastKm / (111.32 * Math.cos((s.meanLat * Math.PI) / 180));
  const sdLat = s.stdNorthKm / 111.32;
  for (const r of ref.results) {
    assert.ok(
      Math.abs(s.meanLon - r.meanLon) <= (3 * sdLon) / Math.sqrt(10000),
      `meanLon ${s.meanLon} vs ${r.meanLon}`,
    );
    assert.ok(
      Math.abs(s.meanLat - r.meanLat) <= (3 * sdLat) / Math.sqrt(10000),
      `meanLat ${s.meanLat} vs ${r.meanLat}`,
    );
  }
  const big = ref.results.find((r) => r.count === 100000);
  assert.ok(big);
  assert.ok(Math.abs(s.stdEastKm / big.stdEastKm - 1) <= 0.03, `stdEastKm ${s.stdEastKm} vs ${big.stdEastKm}`);
  assert.ok(Math.abs(s.stdNorthKm / big.stdNorthKm - 1) <= 0.03, `stdNorthKm ${s.stdNorthKm} vs ${big.stdNorthKm}`);
});

test('zero wind gives exact current transport for every particle (Vincenty chain within 2 m after 24 h)', () => {
  const res = runDrift(config([point(50, findLeewayCategory('PIW-1'))]), env([0, 0], [0.4, -0.25]));
  const expect = vincentyTransport([3, 60], 0.4, -0.25, 144, 600);
  for (let i = 0; i < 50; i++) {
    const p = final(res.trajectories, i);
    assert.ok(geodesicInverse(p, expect).distanceM < 2, `particle ${i}: ${geodesicInverse(p, expect).distanceM} m`);
  }
});

test('SLDMB (id 67) moves with the current only, whatever the wind', () => {
  const calm = runDrift(config([point(20, findLeewayCategory(67))]), env([0, 0], [0.1, 0.3]));
  const windy = runDrift(config([point(20, findLeewayCategory(67))]), env([18, -7], [0.1, 0.3]));
  assert.deepEqual(windy.trajectories.lonDeg, calm.trajectories.lonDeg);
  assert.deepEqual(windy.trajectories.latDeg, calm.trajectories.latDeg);
});

test('unperturbed leeway: closed form downwind and crosswind (positive L_cw to the left of downwind)', () => {
  // Wind 10 m/s toward north-east (045°): L_dw = 0.01 (3 x 10 + 2) = 0.32 m/s, L_cw = 0.01 (1 x 10 + 0.5) = 0.105.
  const cat = exact(3, 2, 1, 0.5);
  const u = 10;
  const we = u * Math.SQRT1_2;
  const res = runDrift(
    config([point(2, cat)], { durationS: 21600 }, { jibeProbabilityPerHour: 0 }),
    env([we, we], [0, 0]),
  );
  const s = Math.SQRT1_2;
  for (const [i, side] of [
    [0, 1],
    [1, -1],
  ] as const) {
    const ldw = 0.32;
    const lcw = side * 0.105;
    const east = ldw * s - lcw * s;
    const north = ldw * s + lcw * s;
    const expect = vincentyTransport([3, 60], east, north, 36, 600);
    const p = final(res.trajectories, i);
    assert.ok(geodesicInverse(p, expect).distanceM < 1, `particle ${i}`);
  }
  // The right-hand particle (even index, positive slope) lies to the left of downwind: north-west of the axis.
  const d = toLocalMeters([3, 60], final(res.trajectories, 0));
  assert.ok(d.northM > d.eastM);
});

test('local tangent plane steps agree with Vincenty direct to < 1 m for 600-s steps', () => {
  let worst = 0;
  for (let k = 0; k < 60; k++) {
    const lat = -75 + 2.5 * k;
    const bearing = (k * 37) % 360;
    const speed = 0.5 + (k % 7) * 0.4;
    const e = speed * Math.sin((bearing * Math.PI) / 180);
    const n = speed * Math.cos((bearing * Math.PI) / 180);
    const cfg = config([point(1, findLeewayCategory(67), { latDeg: lat, lonDeg: 120 })], {
      durationS: 600,
      outputStepS: 600,
    });
    const got = final(runDrift(cfg, env([0, 0], [e, n])).trajectories, 0);
    const expect = geodesicDirect([120, lat], bearing, speed * 600);
    worst = Math.max(worst, geodesicInverse(got, expect).distanceM);
  }
  assert.ok(worst < 1, `worst ${worst} m`);
});

test('mirror-symmetric category spreads symmetrically about the downwind axis', () => {
  const cat = findLeewayCategory('PIW-1');
  assert.equal(cat.crosswindRightSlopePct, -cat.crosswindLeftSlopePct);
  const n = 4000;
  const res = runDrift(config([point(n, cat)]), env([0, 12], [0, 0]));
  // Wind toward north: downwind = north, crosswind = east. Right and left groups mirror each other.
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(toLocalMeters([3, 60], final(res.trajectories, i)).eastM);
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  const sd = (a: number[]) => {
    const m = mean(a);
    return Math.sqrt(mean(a.map((x) => (x - m) ** 2)));
  };
  const right = xs.filter((_, i) => i % 2 === 0);
  const left = xs.filter((_, i) => i % 2 === 1);
  const tol = 3 * sd(xs) * Math.sqrt(2 / n);
  assert.ok(Math.abs(mean(right) + mean(left)) <= tol * 2, `right ${mean(right)} left ${mean(left)}`);
  assert.ok(Math.abs(mean(xs)) <= (3 * sd(xs)) / Math.sqrt(n));
  const mx = mean(xs);
  const sx = sd(xs);
  const skew = mean(xs.map((x) => ((x - mx) / sx) ** 3));
  assert.ok(Math.abs(skew) < 3 * Math.sqrt(6 / n), `skewness ${skew}`);
  assert.ok(Math.abs(sd(right) / sd(left) - 1) < 0.1);
});

test('observed jibe rate matches 1 - (1 - p)^(dt/3600)', () => {
  const p = 0.3;
  const dt = 1800;
  const n = 2000;
  const steps = 48;
  const cfg = config(
    [point(n, exact(2, 0, 2, 0))],
    { durationS: dt * steps, timeStepS: dt, outputStepS: dt },
    {
      jibeProbabilityPerHour: p,
    },
  );
  const set = runDrift(cfg, env([10, 0], [0, 0])).trajectories;
  let flips = 0;
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    let prev = 0;
    for (let k = 1; k <= steps; k++) {
      const dy = (set.latDeg[k * n + i] as number) - (set.latDeg[(k - 1) * n + i] as number);
      const side = Math.sign(dy);
      if (k > 1) {
        pairs++;
        if (side !== prev) flips++;
      }
      prev = side;
    }
  }
  const expected = 1 - Math.pow(1 - p, dt / 3600);
  const rate = flips / pairs;
  assert.ok(Math.abs(rate - expected) < 3 * Math.sqrt((expected * (1 - expected)) / pairs), `${rate} vs ${expected}`);
});

test('gaussian seeding puts 1 - exp(-1/2) inside the radius; uniform fills the disk', () => {
  const n = 20000;
  for (const radiusType of ['gaussian', 'uniform'] as const) {
    const cfg = config([point(n, findLeewayCategory(1), { radiusM: 2000, radiusType })], {
      durationS: 600,
      outputStepS: 600,
    });
    const set = runDrift(cfg, env([0, 0], [0, 0])).trajectories;
    let inside = 0;
    let innerHalf = 0;
    for (let i = 0; i < n; i++) {
      const d = toLocalMeters([3, 60], [set.lonDeg[i] as number, set.latDeg[i] as number]);
      const r = Math.hypot(d.eastM, d.northM);
      if (r <= 2000) inside++;
      if (r <= 1000) innerHalf++;
    }
    if (radiusType === 'gaussian') {
      const p = 1 - Math.exp(-0.5);
      assert.ok(Math.abs(inside / n - p) < 3 * Math.sqrt((p * (1 - p)) / n), `${inside / n}`);
    } else {
      assert.ok(inside / n > 0.9999);
      assert.ok(Math.abs(innerHalf / n - 0.25) < 3 * Math.sqrt((0.25 * 0.75) / n));
    }
  }
});

test('forward then backward with perturbations off returns to the start (within 1 mm after 24 h)', () => {
  const cat = exact(3.5, 4, 1.2, -2);
  const fwd = runDrift(config([point(2, cat)], {}, { jibeProbabilityPerHour: 0 }), env([7, -4], [0.2, 0.35]));
  for (let i = 0; i < 2; i++) {
    const [lon, lat] = final(fwd.trajectories, i);
    const back = config(
      [point(2, cat, { lonDeg: lon, latDeg: lat, timeWindowS: [T0 + 86400, T0 + 86400] })],
      { startTimeS: T0 + 86400, backward: true },
      { jibeProbabilityPerHour: 0 },
    );
    const res = runDrift(back, env([7, -4], [0.2, 0.35]));
    assert.equal(res.trajectories.timesS.at(-1), T0);
    const p = final(res.trajectories, i);
    assert.ok(geodesicInverse(p, [3, 60]).distanceM < 0.001, `${geodesicInverse(p, [3, 60]).distanceM} m`);
  }
});

test('stranding on a simple land mask stops particles at the coast; previous keeps them in water', () => {
  const coastLon = 3.2;
  const land: LandMask = { name: 'east of 3.2E', isLand: (lon) => lon > coastLon };
  const n = 200;
  const res = runDrift(config([point(n, findLeewayCategory(26), { radiusM: 500 })]), env([15, 0], [0.1, 0], land));
  assert.equal(res.strandedCount, n);
  const set = res.trajectories;
  const k = set.timesS.length;
  for (let i = 0; i < n; i++) {
    const lonEnd = set.lonDeg[(k - 1) * n + i] as number;
    assert.equal(set.status[(k - 1) * n + i], ParticleStatus.Stranded);
    assert.ok(lonEnd > coastLon && lonEnd < coastLon + 0.03, `${lonEnd}`);
    // Stranded particles never move again.
    let first = -1;
    for (let j = 0; j < k; j++) if (set.status[j * n + i] === ParticleStatus.Stranded && first < 0) first = j;
    for (let j = first; j < k; j++) assert.equal(set.lonDeg[j * n + i], lonEnd);
  }
  const prev = runDrift(
    config([point(n, findLeewayCategory(26), { radiusM: 500 })], {}, { coastlineAction: 'previous' }),
    env([15, 0], [0.1, 0], land),
  );
  assert.equal(prev.strandedCount, 0);
  for (let i = 0; i < n * prev.trajectories.timesS.length; i++) {
    assert.ok((prev.trajectories.lonDeg[i] as number) <= coastLon);
  }
  assert.equal(summarizeFinal(prev.trajectories).activeFraction, 1);
});

test('particles seeded on land move to the nearest water point', () => {
  const land: LandMask = { name: 'east of 3E', isLand: (lon) => lon > 3 };
  const cfg = config([point(5, findLeewayCategory(67), { lonDeg: 3.01 })], { durationS: 600, outputStepS: 600 });
  const res = runDrift(cfg, env([0, 0], [0, 0], land));
  assert.equal(res.seededOnLandMovedCount, 5);
  for (let i = 0; i < 5; i++) {
    const lon = res.trajectories.lonDeg[i] as number;
    const lat = res.trajectories.latDeg[i] as number;
    assert.ok(lon <= 3 && lon > 3 - 0.0001, `${lon}`);
    const moved = geodesicInverse([3.01, 60], [lon, lat]).distanceM;
    const nearest = geodesicInverse([3.01, 60], [3, 60]).distanceM;
    assert.ok(moved >= nearest - 2 && moved < nearest * 1.01, `moved ${moved} m, coast at ${nearest} m`);
    assert.equal(res.trajectories.status[i], ParticleStatus.Active);
  }
});

test('time-window seeding: release times, NotSeeded until released, at the seed position', () => {
  const n = 5;
  const cfg = config([point(n, findLeewayCategory(1), { timeWindowS: [T0, T0 + 4 * 3600] })], { durationS: 6 * 3600 });
  const set = runDrift(cfg, env([5, 0], [0, 0.2])).trajectories;
  assert.deepEqual(
    [...set.seedTimeS],
    [0, 1, 2, 3, 4].map((k) => T0 + k * 3600),
  );
  for (let k = 0; k < set.timesS.length; k++) {
    for (let i = 0; i < n; i++) {
      const st = set.status[k * n + i];
      if (k < i) {
        assert.equal(st, ParticleStatus.NotSeeded);
        assert.equal(set.lonDeg[k * n + i], 3);
        assert.equal(set.latDeg[k * n + i], 60);
      } else assert.equal(st, ParticleStatus.Active);
    }
  }
  assert.equal(summarizeFinal(set).count, n);
});

test('cone seeding runs along the geodesic with linear time and radius', () => {
  const cone: Seeding = {
    kind: 'cone',
    from: { lonDeg: 3, latDeg: 60, timeS: T0 as EpochSeconds, radiusM: 0 as Meters },
    to: { lonDeg: 4, latDeg: 61, timeS: (T0 + 7200) as EpochSeconds, radiusM: 0 as Meters },
    radiusType: 'gaussian',
    count: 5,
    category: findLeewayCategory(67),
    weight: 1,
  };
  const set = runDrift(config([cone], { durationS: 7200 }), env([0, 0], [0, 0])).trajectories;
  const g = geodesicInverse([3, 60], [4, 61]);
  for (let i = 0; i < 5; i++) {
    const expect = geodesicDirect([3, 60], g.initialBearingDeg, (g.distanceM * i) / 4);
    assert.ok(geodesicInverse([set.lonDeg[i] as number, set.latDeg[i] as number], expect).distanceM < 1e-3);
    assert.equal(set.seedTimeS[i], T0 + 1800 * i);
  }
});

test('several seedings: each its own category and weight; weights sum to 1', () => {
  const cfg = config([point(3, findLeewayCategory(1), { weight: 3 }), point(2, findLeewayCategory(26), { weight: 1 })]);
  const set = runDrift(cfg, env([10, 0], [0, 0])).trajectories;
  assert.deepEqual([...set.categoryId], [1, 1, 1, 26, 26]);
  assert.ok(set.weight);
  assert.ok(Math.abs(set.weight.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.equal(set.weight[0], 0.25);
  assert.equal(set.weight[4], 0.125);
});

test('capsizing: rate from the tanh law, capsized leeway x 0.4, off by default', () => {
  const n = 3000;
  const cfg = config(
    [point(n, exact(3, 0, 0, 0))],
    { durationS: 3600 },
    { capsizing: true, jibeProbabilityPerHour: 0 },
  );
  const s = summarizeFinal(runDrift(cfg, env([40, 0], [0, 0])).trajectories);
  const pStep = (0.5 + 0.5 * Math.tanh(2)) / 6;
  const expected = 1 - Math.pow(1 - pStep, 6);
  assert.ok(Math.abs(s.capsizedFraction - expected) < 3 * Math.sqrt((expected * (1 - expected)) / n));
  const off = summarizeFinal(
    runDrift({ ...cfg, options: { ...cfg.options, capsizing: false } }, env([40, 0], [0, 0])).trajectories,
  );
  assert.equal(off.capsizedFraction, 0);
  // A particle that capsized after step j moved a full upright step j times and 0.4 of it afterwards.
  const fine = { ...cfg, run: { ...cfg.run, outputStepS: 600 as Seconds } };
  const set = runDrift(fine, env([40, 0], [0, 0])).trajectories;
  const step = 0.03 * 40 * 600;
  let seen = 0;
  for (let i = 0; i < 200; i++) {
    let j = 0;
    while (j < 6 && set.capsized[(j + 1) * set.count + i] === 0) j++;
    if (j < 6) seen++;
    const dE = toLocalMeters([3, 60], final(set, i)).eastM;
    const expectE = j < 6 ? step * (j + 1) + 0.4 * step * (6 - j - 1) : 6 * step;
    assert.ok(Math.abs(dE - expectE) < 1, `particle ${i}: ${dE} vs ${expectE}`);
  }
  assert.ok(seen > 50);
});

test('determinism: same seed identical, another seed differs, thread splits merge to the single run', () => {
  const cfg = config([
    point(700, findLeewayCategory(26), { radiusM: 800 }),
    point(301, findLeewayCategory(5), { radiusM: 300 }),
  ]);
  const e = env([8, 3], [0.1, 0.2]);
  const one = runDrift(cfg, e).trajectories;
  assert.deepEqual(runDrift(cfg, e).trajectories, one);
  const other = runDrift({ ...cfg, run: { ...cfg.run, rngSeed: 2 } }, e).trajectories;
  assert.notDeepEqual(other.lonDeg, one.lonDeg);
  const cuts = [0, 250, 699, 702, 1001];
  const parts = cuts.slice(1).map((end, k) => {
    const start = cuts[k] as number;
    return runDrift(cfg, e, { firstParticle: start, particleCount: end - start }).trajectories;
  });
  assert.deepEqual(mergeTrajectorySets(parts), one);
});

test('leaving the forcing time range: NoData with the first time, place and reason', () => {
  const cur = timeSeriesSource('current', [
    { timeS: T0, eastMps: 0, northMps: 0.2 },
    { timeS: T0 + 7200, eastMps: 0, northMps: 0.2 },
  ]);
  const res = runDrift(config([point(10, findLeewayCategory(1))], { durationS: 4 * 3600 }), {
    wind: constantSource('wind', { eastMps: 5, northMps: 0 }),
    current: cur,
    land: NO_LAND,
  });
  assert.equal(res.noDataCount, 10);
  assert.equal(res.noDataEvents.length, 10);
  assert.equal(res.noDataGroups.length, 1);
  assert.equal(res.noDataGroups[0]?.count, 10);
  assert.equal(res.noDataGroups[0]?.first.particle, 0);
  const ev = res.noDataEvents[0];
  assert.ok(ev);
  assert.equal(ev.timeS, T0 + 7200 + 600);
  assert.equal(ev.field, 'current');
  assert.match(ev.reason, /time range/);
  const s = summarizeFinal(res.trajectories);
  assert.equal(s.noDataFraction, 1);
  const set = res.trajectories;
  assert.equal(set.lonDeg[4 * 10], ev.lonDeg);
  assert.throws(
    () =>
      runDrift(config([point(10, findLeewayCategory(1))], { startTimeS: T0 - 600 }), {
        ...env([0, 0], [0, 0]),
        current: cur,
      }),
    (err: unknown) =>
      err instanceof TandemError && err.code === 'TIME_OUTSIDE_FORCING' && err.field === 'run.startTime',
  );
});

test('bad input gets a TandemError naming the field', () => {
  const good = config([point(10, findLeewayCategory(1))]);
  const cases: [DriftConfig, string][] = [
    [config([point(-1, findLeewayCategory(1))]), 'seed[0].count'],
    [config([point(1.5, findLeewayCategory(1))]), 'seed[0].count'],
    [config([point(10, findLeewayCategory(1), { latDeg: NaN })]), 'seed[0].lat'],
    [config([point(10, findLeewayCategory(1), { lonDeg: 400 })]), 'seed[0].lon'],
    [config([point(10, findLeewayCategory(1), { radiusM: -5 })]), 'seed[0].radiusM'],
    [config([point(10, findLeewayCategory(1))], { outputStepS: 1000 }), 'run.outputStepS'],
    [config([point(10, findLeewayCategory(1))], { timeStepS: 0 }), 'run.timeStepS'],
    [config([point(10, findLeewayCategory(1))], { durationS: -1 }), 'run.durationS'],
    [config([point(10, findLeewayCategory(1))], {}, { jibeProbabilityPerHour: 2 }), 'options.jibeProbabilityPerHour'],
    [config([point(10, findLeewayCategory(1), { timeWindowS: [T0 - 60, T0] })]), 'seed[0].time'],
    [config([]), 'seed'],
  ];
  for (const [cfg, field] of cases) {
    assert.throws(
      () => runDrift(cfg, env([0, 0], [0, 0])),
      (e: unknown) => e instanceof TandemError && e.field === field,
      field,
    );
  }
  assert.throws(() => runDrift(good, env([0, 0], [0, 0]), { firstParticle: 10 }), TandemError);
  assert.throws(() => runDrift(good, env([0, 0], [0, 0]), { particleCount: 11 }), TandemError);
});
