import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knotsToMetersPerSecond, parseDriftScenario } from '@tandem/core';
import { currentVector, forcingFilesOf, scenarioDocument, windVector } from './case-model.ts';
import type { CaseForm } from './case-model.ts';

test('wind from the north-west blows toward the south-east; current toward the north-east sets there', () => {
  const s = knotsToMetersPerSecond(10);
  const w = windVector(10, 315);
  assert.ok(Math.abs(w.eastMps - s * Math.SQRT1_2) < 1e-12 && Math.abs(w.northMps + s * Math.SQRT1_2) < 1e-12);
  const c = currentVector(10, 45);
  assert.ok(Math.abs(c.eastMps - s * Math.SQRT1_2) < 1e-12 && Math.abs(c.northMps - s * Math.SQRT1_2) < 1e-12);
  const e = windVector(4, 90);
  assert.ok(Math.abs(e.eastMps + knotsToMetersPerSecond(4)) < 1e-12 && Math.abs(e.northMps) < 1e-12);
});

const CASE: CaseForm = {
  title: 't',
  lonDeg: 129.05,
  latDeg: 34.75,
  timeUtc: '2026-01-15T00:00:00Z',
  leewayCategoryId: 26,
  uncertaintyNm: 1,
  particles: 500,
  durationH: 12,
  windKt: 10,
  windFromDeg: 315,
  currentKt: 0.5,
  currentToDeg: 45,
  manualObject: 'PIW - Unknown',
};

test('registered wind and current files drive the scenario, with the typed constants as fallback', () => {
  const files = forcingFilesOf([
    { body: { path: 'data/era5.nc', fields: { wind: { bboxDeg: [120, 30, 135, 40] } } } },
    { body: { path: 'data/hycom.nc', fields: { current: {}, wind: null } } },
    { body: { fields: { wind: {} } } },
    { body: null },
  ]);
  assert.deepEqual(files, { wind: ['data/era5.nc'], current: ['data/hycom.nc'] });
  const doc = scenarioDocument(CASE, files) as { forcing: { wind: { files: string[]; fallback: unknown } } };
  assert.deepEqual(doc.forcing.wind.files, ['data/era5.nc']);
  assert.deepEqual(doc.forcing.wind.fallback, windVector(10, 315));
  const constants = scenarioDocument(CASE) as { forcing: { current: unknown }; seed: { radiusM: number } };
  assert.deepEqual(constants.forcing.current, currentVector(0.5, 45));
  assert.equal(constants.seed.radiusM, 1852);
  const parsed = parseDriftScenario(constants);
  assert.equal(parsed.config.seedings[0]?.count, 500);
  assert.equal(parsed.config.run.durationS, 12 * 3600);
});
