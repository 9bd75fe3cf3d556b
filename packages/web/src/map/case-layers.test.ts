import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverageLayer, planLayers, unitColor } from './case-layers.ts';

test('data-file coverage boxes come from any of the shapes a data-file record carries', () => {
  const fc = coverageLayer([
    { title: 'a', body: { bboxDeg: [128, 33, 131, 36] } },
    { title: 'b', body: { fields: { wind: { bboxDeg: [120, 30, 135, 40] }, current: null } } },
    { title: 'c', body: { bboxDeg: [1, 2, 'x', 4] } },
    { title: 'd', body: null },
  ]);
  assert.equal(fc.features.length, 2);
  assert.deepEqual((fc.features[0]?.geometry as { coordinates: number[][] }).coordinates[2], [131, 36]);
  assert.equal(fc.features[1]?.properties?.['field'], 'wind');
});

test('each unit has its own colour on its area, track and intercept', () => {
  const u = (id: string) => ({
    id,
    nation: 'KR' as const,
    name: id,
    pattern: 'parallel',
    pod: 0.5,
    pos: 0.4,
    poc: 0.8,
    trackLengthM: 1000,
    trackSpacingM: 100,
    withinEndurance: true,
    waypoints: [
      [129, 34],
      [129.1, 34],
    ] as const,
    area: [
      [129, 34],
      [129.1, 34],
      [129.1, 34.1],
      [129, 34],
    ] as const,
    base: [129, 35] as const,
    intercept: { lon: 129, lat: 34, time: '2026-01-15T01:00:00Z' },
  });
  const plan = {
    pos: 0.4,
    upperBoundPos: 0.5,
    startTime: '2026-01-15T00:00:00Z',
    units: [u('a'), u('b')],
    cloud: { lon: [], lat: [], weight: [] },
    files: { gpx: {}, kml: '', geojson: '', messages: {} },
    warnings: [],
  };
  const { patterns, intercepts } = planLayers(plan);
  assert.equal(patterns.features.length, 4);
  assert.equal(intercepts.features.length, 2);
  const colours = new Set(patterns.features.map((f) => f.properties?.['color']));
  assert.deepEqual(colours, new Set([unitColor(0), unitColor(1)]));
  assert.notEqual(unitColor(0), unitColor(1));
});
