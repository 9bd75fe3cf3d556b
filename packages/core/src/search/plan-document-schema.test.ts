/**
 * The JSON Schema `docs/schemas/search-plan.schema.json` and `parsePlanDocument` agree on good and bad documents
 * (the parser alone checks unique ids, calendar dates, evaluate mode's patterns, drift compensation from a run;
 * unit figures missing without a type are caught when the plan is made).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { TandemError } from '../errors/index.ts';
import { parsePlanDocument } from './plan-document.ts';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const schema = JSON.parse(readFileSync(`${repo}docs/schemas/search-plan.schema.json`, 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

const parses = (doc: unknown): boolean => {
  try {
    parsePlanDocument(doc);
    return true;
  } catch (e) {
    if (!(e instanceof TandemError)) throw e;
    return false;
  }
};

const square = [
  [130, 35],
  [130.2, 35],
  [130.2, 35.2],
  [130, 35.2],
];
const good: Record<string, unknown>[] = [
  {
    probability: { driftRun: 'out/run', atTime: '2026-05-01T06:00:00Z' },
    units: [
      { id: 'KCG-3001', nation: 'KR', type: 'kr-kcg-3000t', base: { lon: 129.09, lat: 35.1 } },
      { id: 'JMSDF-P1', nation: 'JP', type: 'jp-jmsdf-p1', altitudeM: 300, base: [130.84, 31.37] },
    ],
    searchObject: 'Raft 4 person',
    sensor: 'inverse-cube',
    mode: 'optimize',
    driftCompensation: true,
  },
  {
    name: 'fixed patterns',
    probability: { uniform: { polygon: square } },
    units: [
      {
        id: 'A',
        nation: 'KR',
        sweepWidthM: 2000,
        speedMps: 8,
        enduranceS: 36000,
        base: [130, 35],
        pattern: { kind: 'parallel', area: square, trackSpacingM: 2000, legBearingDeg: 90 },
      },
      {
        id: 'B',
        nation: 'JP',
        sweepWidthM: 2000,
        speedMps: 50,
        enduranceS: 10000,
        altitudeM: 150,
        base: [130, 35],
        pattern: { kind: 'VS', datum: [130.1, 35.1], radiusM: 5000 },
      },
      {
        id: 'C',
        nation: 'JP',
        sweepWidthM: 2000,
        speedMps: 5,
        enduranceS: 10000,
        base: [130, 35],
        pattern: { kind: 'trackLine', route: [square[0], square[2]], trackSpacingM: 3000, returning: true },
      },
      {
        id: 'D',
        nation: 'KR',
        type: 'kr-navy-aw159',
        sweepWidthM: 2000,
        base: [130, 35],
        pattern: { kind: 'expanding-square', center: { lon: 130.1, lat: 35.1 }, trackSpacingM: 1000, legCount: 20 },
      },
    ],
    sensor: 'definite-range',
    mode: 'evaluate',
    grid: { nx: 100, ny: 80 },
    messages: { coordinator: 'RCC', casualty: 'raft', personsAtRisk: 3, sitrepNumber: 2 },
  },
  {
    probability: { circularNormal: { lon: 130, lat: 35, sigmaM: 5000 } },
    units: [{ id: 'X', nation: 'KR', type: 'kr-navy-pkg', base: [129, 35] }],
    conditions: { visibilityM: 9000, windSpeedMps: 10, seaHeightM: 1.2 },
    startTime: '2026-05-01T06:00:00Z',
    driftCompensation: { eastMps: 0.2, northMps: -0.1 },
    seed: 42,
    searchObject: 'Person in Water',
  },
];

const bad: [string, (d: Record<string, unknown>) => void][] = [
  ['unknown top-level key', (d) => (d['colour'] = 'red')],
  ['no units', (d) => (d['units'] = [])],
  ['no probability', (d) => delete d['probability']],
  [
    'two probabilities',
    (d) => (d['probability'] = { uniform: { polygon: square }, circularNormal: { lon: 1, lat: 1, sigmaM: 1 } }),
  ],
  ['bad sensor', (d) => (d['sensor'] = 'radar')],
  ['bad mode', (d) => (d['mode'] = 'fast')],
  ['bad nation', (d) => ((d['units'] as Record<string, unknown>[])[0]!['nation'] = 'US')],
  ['latitude out of range', (d) => ((d['units'] as Record<string, unknown>[])[0]!['base'] = [129, 95])],
  ['unknown unit key', (d) => ((d['units'] as Record<string, unknown>[])[0]!['colour'] = 'grey')],
  ['negative sweep width', (d) => ((d['units'] as Record<string, unknown>[])[0]!['sweepWidthM'] = -5)],
  [
    'bad pattern kind',
    (d) => ((d['units'] as Record<string, unknown>[])[0]!['pattern'] = { kind: 'spiral', center: [1, 1] }),
  ],
  [
    'parallel area of 3 corners',
    (d) =>
      ((d['units'] as Record<string, unknown>[])[0]!['pattern'] = {
        kind: 'parallel',
        area: square.slice(0, 3),
        trackSpacingM: 100,
      }),
  ],
  ['fractional grid', (d) => (d['grid'] = { nx: 10.5 })],
  ['time without zone', (d) => (d['startTime'] = '2026-05-01T06:00:00')],
  ['unknown condition', (d) => (d['conditions'] = { fog: true })],
  [
    'sector with both center and datum',
    (d) =>
      ((d['units'] as Record<string, unknown>[])[0]!['pattern'] = {
        kind: 'sector',
        center: [1, 1],
        datum: [1, 1],
        radiusM: 100,
      }),
  ],
  [
    'sector without a centre',
    (d) => ((d['units'] as Record<string, unknown>[])[0]!['pattern'] = { kind: 'VS', radiusM: 100 }),
  ],
];

test('the schema and the parser accept the same good documents', () => {
  for (const doc of good) {
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    assert.ok(parses(doc));
  }
});

test('the schema and the parser reject the same bad documents', () => {
  for (const [name, edit] of bad) {
    const doc = JSON.parse(JSON.stringify(good[2])) as Record<string, unknown>;
    edit(doc);
    assert.equal(validate(doc), false, `schema accepts: ${name}`);
    assert.equal(parses(doc), false, `parser accepts: ${name}`);
  }
});
