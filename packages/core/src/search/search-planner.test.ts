import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TandemError } from '../errors/index.ts';
import { geodesicInverse } from '../geo/index.ts';
import { parsePlanDocument } from './plan-document.ts';
import { cloudForDatum, planSearch } from './search-planner.ts';

const twoNations = {
  name: 'SAREX test',
  probability: { circularNormal: { lon: 129.6, lat: 34.6, sigmaM: 15000 } },
  searchObject: 'Raft 4 person',
  conditions: { visibilityM: 18520, windSpeedMps: 5 },
  startTime: '2026-05-01T06:00:00Z',
  units: [
    { id: 'KCG-3001', nation: 'KR', type: 'kr-kcg-3000t', enduranceS: 43200, base: { lon: 129.09, lat: 35.1 } },
    { id: 'JCG-PM', nation: 'JP', type: 'jp-jcg-pm', enduranceS: 43200, base: { lon: 129.72, lat: 33.16 } },
    { id: 'JMSDF-P1', nation: 'JP', type: 'jp-jmsdf-p1', base: { lon: 130.84, lat: 31.37 } },
  ],
  sensor: 'inverse-cube',
  mode: 'optimize',
  grid: { nx: 80, ny: 80 },
};

test('optimize: both nations get non-overlapping areas, POS ≤ the upper bound, units within endurance', () => {
  const doc = parsePlanDocument(twoNations);
  const r = planSearch(doc, cloudForDatum(doc));
  assert.equal(r.units.length, 3);
  assert.ok(r.pos > 0.3 && r.pos <= 1, `pos ${r.pos}`);
  assert.ok(r.pos <= r.upperBoundPos * 1.02, `pos ${r.pos} vs bound ${r.upperBoundPos}`);
  for (const u of r.units) {
    assert.ok(u.pattern !== undefined, u.id);
    assert.ok(u.withinEndurance, `${u.id} within endurance`);
    assert.ok(u.pod > 0 && u.pod <= 1 && u.pos > 0 && u.pos <= 1, `${u.id} pod ${u.pod}`);
    assert.ok(u.intercept !== undefined && u.intercept.timeS > Date.parse('2026-05-01T06:00:00Z') / 1000);
  }
  // Surface units never share cells: the two ships' rectangles are disjoint.
  const box = (ring: readonly (readonly [number, number])[]): number[] => [
    Math.min(...ring.map((p) => p[0])),
    Math.max(...ring.map((p) => p[0])),
    Math.min(...ring.map((p) => p[1])),
    Math.max(...ring.map((p) => p[1])),
  ];
  const a = box(r.units[0]?.area ?? []);
  const b = box(r.units[1]?.area ?? []);
  const overlap = a[0]! < b[1]! - 1e-9 && b[0]! < a[1]! - 1e-9 && a[2]! < b[3]! - 1e-9 && b[2]! < a[3]! - 1e-9;
  assert.ok(!overlap, 'ship areas overlap');
  // The IAMSAR answer beside it: E from the map's spread (σ 15 km), the optimal factor does at least as well as the
  // practice factor on a circular normal, and no uniform square beats the unconstrained bound.
  const m = r.manual;
  assert.ok(m !== undefined);
  assert.ok(Math.abs(m.totalProbableErrorM / (15000 * Math.sqrt(2 * Math.LN2)) - 1) < 0.03, `${m.totalProbableErrorM}`);
  assert.ok(m.optimal.pos >= m.practice.pos - 0.005, `${m.optimal.pos} vs ${m.practice.pos}`);
  assert.ok(m.optimal.pos <= r.upperBoundPos + 0.01);
  assert.equal(m.practice.searchFactor, 1.1);
});

test('evaluate: a fixed parallel sweep over a uniform square gives about erf(√π/2 · W/S) over its area', () => {
  const doc = parsePlanDocument({
    probability: {
      uniform: {
        polygon: [
          [130, 35],
          [130.2, 35],
          [130.2, 35.2],
          [130, 35.2],
        ],
      },
    },
    units: [
      {
        id: 'A',
        nation: 'KR',
        sweepWidthM: 1000,
        speedMps: 10,
        enduranceS: 200000,
        base: [130.1, 35.1],
        pattern: {
          kind: 'parallel',
          area: [
            [130, 35],
            [130.2, 35],
            [130.2, 35.2],
            [130, 35.2],
          ],
          trackSpacingM: 1000,
        },
      },
    ],
    sensor: 'inverse-cube',
    mode: 'evaluate',
  });
  const r = planSearch(doc, cloudForDatum(doc));
  const u = r.units[0];
  assert.ok(u);
  const closed = 0.7899085811848;
  // Edge strips (S/2 on each side) get less; allow 3 %.
  assert.ok(Math.abs(u.pod - closed) < 0.03, `${u.pod}`);
  assert.ok(Math.abs(r.pos - u.pos) < 1e-12);
});

test('bad plan input is a TandemError naming the field', () => {
  const bad = (patch: Record<string, unknown>, field: string): void => {
    assert.throws(
      () => parsePlanDocument({ ...twoNations, ...patch }),
      (e: unknown) => e instanceof TandemError && e.field === field,
      field,
    );
  };
  bad({ sensor: 'radar' }, 'sensor');
  bad({ mode: 'guess' }, 'mode');
  bad({ units: [] }, 'units');
  bad({ units: [{ id: 'x', nation: 'CN', base: [0, 0] }] }, 'units[0].nation');
  bad({ units: [{ id: 'x', nation: 'KR', base: [200, 0] }] }, 'units[0].base');
  bad({ probability: { circularNormal: { lon: 1, lat: 2 } } }, 'probability.circularNormal.sigmaM');
  bad({ probability: { driftRun: 'out/run' } }, 'probability.atTime');
  bad({ probability: {} }, 'probability');
  bad({ mode: 'evaluate' }, 'units[0].pattern');
  bad({ units: [{ id: 'x', nation: 'KR', base: [0, 0], pattern: { kind: 'zigzag' } }] }, 'units[0].pattern.kind');
  const doc = parsePlanDocument({
    ...twoNations,
    units: [{ id: 'x', nation: 'KR', base: [129, 35], type: 'no-such-type' }],
  });
  assert.throws(
    () => planSearch(doc, cloudForDatum(doc)),
    (e: unknown) => e instanceof TandemError && e.field === 'units[0].type',
  );
  const doc2 = parsePlanDocument({ ...twoNations, units: [{ id: 'x', nation: 'KR', base: [129, 35], speedMps: 5 }] });
  assert.throws(
    () => planSearch(doc2, cloudForDatum(doc2)),
    (e: unknown) => e instanceof TandemError && e.field === 'units[0].enduranceS',
  );
});

test('exponential sensor: a fixed parallel sweep over a uniform square gives 1 - exp(-W L / A) there', () => {
  const square = [
    [130, 35],
    [130.2, 35],
    [130.2, 35.2],
    [130, 35.2],
  ];
  const doc = parsePlanDocument({
    probability: { uniform: { polygon: square } },
    units: [
      {
        id: 'A',
        nation: 'JP',
        sweepWidthM: 1000,
        speedMps: 10,
        enduranceS: 200000,
        base: [130.1, 35.1],
        pattern: { kind: 'parallel', area: square, trackSpacingM: 2000 },
      },
    ],
    sensor: 'exponential',
    mode: 'evaluate',
  });
  const r = planSearch(doc, cloudForDatum(doc));
  const u = r.units[0];
  assert.ok(u && u.pattern);
  const expected = 1 - Math.exp(-(1000 * u.pattern.trackLengthM) / u.areaM2);
  assert.ok(Math.abs(u.pod - expected) < 0.01, `${u.pod} vs ${expected}`);
  assert.ok(r.pos <= r.upperBoundPos + 0.01, `${r.pos} vs bound ${r.upperBoundPos}`);
});

test('drift compensation: the intercept point is reached at transit speed, the ground track moves with the drift', () => {
  const doc = parsePlanDocument({
    probability: { circularNormal: { lon: 130, lat: 35, sigmaM: 4000 } },
    startTime: '2026-05-01T00:00:00Z',
    driftCompensation: { eastMps: 0.5, northMps: 0.2 },
    units: [
      {
        id: 'S',
        nation: 'KR',
        sweepWidthM: 2000,
        speedMps: 6,
        transitSpeedMps: 9,
        enduranceS: 80000,
        base: [129.7, 34.8],
      },
    ],
    grid: { nx: 40, ny: 40 },
  });
  const r = planSearch(doc, cloudForDatum(doc));
  const u = r.units[0];
  assert.ok(u && u.intercept && u.pattern);
  const t = u.intercept.timeS - r.startTimeS;
  const d = geodesicInverse(u.base, [u.intercept.lonDeg, u.intercept.latDeg]).distanceM;
  assert.ok(Math.abs(d / t - 9) < 0.02, `transit speed ${d / t}`);
  // The commence search point of the water-frame pattern, moved by the drift for t seconds, is the intercept.
  const [cx, cy] = [u.pattern.waypoints[0] as number, u.pattern.waypoints[1] as number];
  const moved = r.projection.inverse(cx + 0.5 * t, cy + 0.2 * t);
  assert.ok(geodesicInverse(moved, [u.intercept.lonDeg, u.intercept.latDeg]).distanceM < 1);
});

test('an elongated diagonal target gets a rectangle along its axis', () => {
  // A strip about 80 km long and 8 km wide running north-east.
  const c = [130, 35] as const;
  const strip: [number, number][] = [
    [-40000, -4000],
    [40000, -4000],
    [40000, 4000],
    [-40000, 4000],
  ].map(([a, b]) => {
    const t = Math.PI / 4;
    const x = (a as number) * Math.cos(t) - (b as number) * Math.sin(t);
    const y = (a as number) * Math.sin(t) + (b as number) * Math.cos(t);
    return [c[0] + x / (111320 * Math.cos((35 * Math.PI) / 180)), c[1] + y / 110950];
  });
  const doc = parsePlanDocument({
    probability: { uniform: { polygon: strip } },
    units: [{ id: 'S', nation: 'KR', sweepWidthM: 3000, speedMps: 8, enduranceS: 40000, base: [130, 34.9] }],
    grid: { nx: 100, ny: 100 },
  });
  const r = planSearch(doc, cloudForDatum(doc));
  const u = r.units[0];
  assert.ok(u && u.area.length === 5);
  const [a, b] = [u.area[0]!, u.area[1]!];
  const bearing = (geodesicInverse(a, b).initialBearingDeg + 360) % 90;
  assert.ok(Math.abs(bearing - 45) < 8, `edge bearing ${bearing}`);
  assert.ok(u.poc > 0.5, `${u.poc}`);
});
