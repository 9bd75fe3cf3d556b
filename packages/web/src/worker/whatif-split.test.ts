import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDrift } from '@tandem/core';
import { whatIfConfig, whatIfEnvironment } from './whatif-config.ts';
import type { WhatIfRequest } from './whatif-config.ts';
import type { WhatIfAnswer } from './whatif-protocol.ts';

// The client module touches `navigator` only inside whatIfWorkerCount, so importing it in Node is safe.
const { mergeAnswers, splitParticles } = await import('./whatif-client.ts');

const REQ: WhatIfRequest = {
  lonDeg: 129.05,
  latDeg: 34.75,
  radiusM: 1852,
  startTimeS: Date.UTC(2026, 0, 15) / 1000,
  leewayCategoryId: 26,
  windEastMps: 7.07,
  windNorthMps: -7.07,
  currentEastMps: 0.21,
  currentNorthMps: 0.21,
  particleCount: 301,
  durationS: 6 * 3600,
};

function answer(first: number, count: number): WhatIfAnswer {
  const r = runDrift(whatIfConfig(REQ), whatIfEnvironment(REQ), { firstParticle: first, particleCount: count });
  const s = r.trajectories;
  return {
    id: 1,
    ok: true,
    firstParticle: first,
    count: s.count,
    timesS: Float64Array.from(s.timesS),
    lonDeg: Float32Array.from(s.lonDeg),
    latDeg: Float32Array.from(s.latDeg),
    computeMs: 0,
  };
}

test('ranges cover every particle once, in order, as evenly as possible', () => {
  assert.deepEqual(splitParticles(10, 3), [
    [0, 4],
    [4, 3],
    [7, 3],
  ]);
  assert.deepEqual(splitParticles(2, 4), [
    [0, 1],
    [1, 1],
  ]);
  for (const [total, parts] of [
    [5000, 1],
    [5000, 3],
    [7, 4],
  ] as const) {
    const r = splitParticles(total, parts);
    assert.equal(
      r.reduce((s, [, c]) => s + c, 0),
      total,
    );
    r.forEach(([first], k) => assert.equal(first, k === 0 ? 0 : (r[k - 1]?.[0] ?? 0) + (r[k - 1]?.[1] ?? 0)));
  }
});

test('a what-if split over workers merges into exactly the single-worker cloud', () => {
  const whole = answer(0, 301);
  const parts = splitParticles(301, 3).map(([f, c]) => answer(f, c));
  const merged = mergeAnswers(
    [parts[2], parts[0], parts[1]].sort((a, b) => (a?.firstParticle ?? 0) - (b?.firstParticle ?? 0)) as WhatIfAnswer[],
  );
  assert.equal(merged.count, 301);
  assert.deepEqual(merged.timesS, whole.timesS);
  assert.deepEqual(merged.lonDeg, whole.lonDeg);
  assert.deepEqual(merged.latDeg, whole.latDeg);
  // The cloud moved east: leeway from the NW wind and the NE current both set east (about 0.4 m/s, ~0.1° in 6 h).
  const nt = whole.timesS.length;
  let mean = 0;
  for (let i = 0; i < 301; i++) mean += (whole.lonDeg[(nt - 1) * 301 + i] as number) / 301;
  assert.ok(mean - REQ.lonDeg > 0.05 && mean - REQ.lonDeg < 0.2, `mean longitude ${mean}`);
});
