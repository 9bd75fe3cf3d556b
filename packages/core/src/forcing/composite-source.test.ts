import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineSources } from './composite-source.ts';
import { SampleStatus } from './environment-source.ts';
import type { EnvironmentSource, SampleOutput, SampleRequest, VectorField } from './environment-source.ts';
import { epochSeconds } from '../units/index.ts';

/** A source covering lon in [west, east] with a constant value, valid for t <= tEnd. */
function boxSource(name: string, west: number, east: number, value: number, tEnd = Infinity): EnvironmentSource {
  return {
    name,
    fields: ['current'],
    coverage: { bboxDeg: [west, -90, east, 90], timeRange: null },
    sample(_f: VectorField, req: SampleRequest, out: SampleOutput) {
      for (let p = req.start; p < req.end; p++) {
        if (req.activeMask && req.activeMask[p] === 0) continue;
        const lon = req.lonDeg[p]!;
        const inside = lon >= west && lon <= east;
        const inTime = req.timeS <= tEnd;
        out.eastMps[p] = inside && inTime ? value : NaN;
        out.northMps[p] = inside && inTime ? 0 : NaN;
        out.status[p] = !inside ? SampleStatus.OutsideSpace : inTime ? SampleStatus.Ok : SampleStatus.OutsideTime;
      }
    },
  };
}

function run(src: EnvironmentSource, lons: number[], t = 0, field: VectorField = 'current') {
  const n = lons.length;
  const out = { eastMps: new Float64Array(n), northMps: new Float64Array(n), status: new Uint8Array(n) };
  src.sample(
    field,
    { timeS: epochSeconds(t), lonDeg: Float64Array.from(lons), latDeg: new Float64Array(n), start: 0, end: n },
    out,
  );
  return out;
}

test('priority: the regional source wins inside its box, the global one outside', () => {
  const c = combineSources([boxSource('regional', 10, 20, 1), boxSource('global', -180, 180, 2)]);
  const out = run(c, [15, 30, 10]);
  assert.deepEqual([...out.eastMps], [1, 2, 1]);
  const r = c.report().fields.current!;
  assert.deepEqual(
    r.sources.map((s) => [s.name, s.samples, s.particles]),
    [
      ['regional', 2, 2],
      ['global', 1, 1],
    ],
  );
  assert.equal(r.uncovered.samples, 0);
  assert.equal(r.fallback, null);
});

test('no fallback: uncovered points get NaN, the reason, and a recorded first exit', () => {
  const c = combineSources([boxSource('a', 0, 10, 1, 100)]);
  run(c, [5, 50], 0);
  const out = run(c, [5, 50], 200);
  assert.ok(Number.isNaN(out.eastMps[0]!) && Number.isNaN(out.eastMps[1]!));
  assert.deepEqual([...out.status], [SampleStatus.OutsideTime, SampleStatus.OutsideSpace]);
  const r = c.report().fields.current!;
  assert.equal(r.uncovered.samples, 3);
  assert.equal(r.uncovered.particles, 2);
  assert.deepEqual(
    r.uncovered.exits.map((e) => [e.particle, e.lonDeg, e.timeS]),
    [
      [1, 50, 0],
      [0, 5, 200],
    ],
  );
});

test('a fallback is used only where every source lacks a value, and is counted', () => {
  const c = combineSources([boxSource('a', 0, 10, 1)], { fallback: boxSource('fallback', -180, 180, 9) });
  const out = run(c, [5, 50, 60]);
  assert.deepEqual([...out.eastMps], [1, 9, 9]);
  const r = c.report().fields.current!;
  assert.deepEqual([r.fallback!.samples, r.fallback!.particles], [2, 2]);
  assert.equal(r.uncovered.samples, 0);
  assert.ok(c.name.includes('fallback'));
});

test('a field no source provides gives NoField', () => {
  const c = combineSources([boxSource('a', 0, 10, 1)]);
  const out = run(c, [5], 0, 'wind');
  assert.equal(out.status[0], SampleStatus.NoField);
  assert.ok(Number.isNaN(out.eastMps[0]!));
});
