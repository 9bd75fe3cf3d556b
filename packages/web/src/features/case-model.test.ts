import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knotsToMetersPerSecond } from '@tandem/core';
import { currentVector, windVector } from './case-model.ts';

test('wind from the north-west blows toward the south-east; current toward the north-east sets there', () => {
  const s = knotsToMetersPerSecond(10);
  const w = windVector(10, 315);
  assert.ok(Math.abs(w.eastMps - s * Math.SQRT1_2) < 1e-12 && Math.abs(w.northMps + s * Math.SQRT1_2) < 1e-12);
  const c = currentVector(10, 45);
  assert.ok(Math.abs(c.eastMps - s * Math.SQRT1_2) < 1e-12 && Math.abs(c.northMps - s * Math.SQRT1_2) < 1e-12);
  const e = windVector(4, 90);
  assert.ok(Math.abs(e.eastMps + knotsToMetersPerSecond(4)) < 1e-12 && Math.abs(e.northMps) < 1e-12);
});
