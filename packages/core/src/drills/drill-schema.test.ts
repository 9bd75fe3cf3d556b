/**
 * The JSON Schema `docs/schemas/drill.schema.json` and `parseDrillDocument` agree on a set of good and bad
 * documents (the parser is stricter only where a schema cannot speak: references to templates, units, objects,
 * injects and objectives, increasing track times, water positions).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { TandemError } from '../errors/index.ts';
import { NO_LAND } from '../forcing/index.ts';
import { parseDrillDocument } from './drill-document.ts';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const schema = JSON.parse(readFileSync(`${repo}docs/schemas/drill.schema.json`, 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

function parses(doc: unknown): boolean {
  try {
    parseDrillDocument(doc, NO_LAND);
    return true;
  } catch (e) {
    if (!(e instanceof TandemError)) throw e;
    return false;
  }
}

const good: unknown[] = [
  { template: 'missing-diver' },
  { template: 'person-overboard', seed: 3, truthSeed: 4, startTime: '2026-01-01T00:00:00Z', position: [129.6, 34.6] },
  {
    template: 'collision-in-strait',
    name: { en: 'Strait drill', ko: '해협 훈련', ja: '海峡訓練' },
    environment: { windSpeedMps: 3, night: false },
    units: [{ id: 'a', type: 'jp-jcg-pm', base: 'jp-moji' }],
    sensor: 'exponential',
    truthTracks: [{ objectId: 'fishers', points: [{ atS: -60, lon: 129.5, lat: 34.5 }] }],
    injects: [{ id: 'x', kind: 'information', atS: 10, held: true, text: 'note' }],
    actions: [
      { kind: 'assign', atS: 5, unitId: 'a', waypoints: [[129.5, 34.5]] },
      {
        kind: 'plan',
        atS: 5,
        areas: [
          {
            unitId: 'a',
            ring: [
              [129, 34],
              [130, 34],
              [130, 35],
              [129, 34],
            ],
          },
        ],
      },
      { kind: 'release-inject', atS: 20, injectId: 'x' },
    ],
    participants: [{ name: 'E1', role: 'evaluator', nation: 'JP' }],
    evaluations: [
      { objectiveId: 'obj-comms', rating: 'U', observations: [{ kind: 'area-for-improvement', text: 'late' }] },
    ],
  },
];

const bad: unknown[] = [
  {},
  { template: 'missing-diver', extra: true },
  { template: 'missing-diver', seed: -1 },
  { template: 'missing-diver', seed: 2.5 },
  { template: 'missing-diver', startTime: '2026-01-01' },
  { template: 'missing-diver', environment: { night: 'yes' } },
  { template: 'missing-diver', environment: { visibilityM: 10 } },
  { template: 'missing-diver', units: [{ id: 'x' }] },
  { template: 'missing-diver', sensor: 'radar' },
  { template: 'missing-diver', evaluations: [{ objectiveId: 'obj-detect', rating: 'X' }] },
  { template: 'missing-diver', actions: [{ kind: 'teleport', atS: 0 }] },
  {
    template: 'missing-diver',
    truthTracks: [{ objectId: 'diver', points: [{ atS: 0, time: '2026-01-01T00:00:00Z', lon: 1, lat: 1 }] }],
  },
  {
    template: 'missing-diver',
    injects: [
      { id: 'w', kind: 'weather-change', atS: 10, windSpeedMps: 99, windVeerDeg: 0, visibilityM: 1000, seaHeightM: 1 },
    ],
  },
];

test('schema and parser accept the good documents', () => {
  for (const d of good) {
    assert.ok(validate(d), JSON.stringify(validate.errors));
    assert.ok(parses(d), JSON.stringify(d));
  }
});

test('schema and parser both refuse the bad documents', () => {
  for (const d of bad) {
    assert.equal(validate(d), false, `schema accepted ${JSON.stringify(d)}`);
    assert.equal(parses(d), false, `parser accepted ${JSON.stringify(d)}`);
  }
});
