import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TandemError } from '../errors/index.ts';
import { isTandemError } from '../errors/index.ts';
import { NO_LAND } from '../forcing/index.ts';
import { parseDrillDocument } from './drill-document.ts';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    assert.ok(isTandemError(e), String(e));
    return (e as TandemError).field;
  }
  assert.fail('expected a TandemError');
}

test('a minimal document gives the template drill with defaults', () => {
  const d = parseDrillDocument({ template: 'missing-diver', seed: 3 }, NO_LAND);
  assert.equal(d.spec.templateId, 'missing-diver');
  assert.equal(d.spec.seed, 3);
  assert.ok(d.spec.truthSeed !== 3);
  assert.equal(d.actions.length, 0);
});

test('overrides, a recorded truth track, actions and evaluations are parsed', () => {
  const d = parseDrillDocument(
    {
      template: 'person-overboard',
      seed: 1,
      truthSeed: 99,
      startTime: '2026-03-01T06:00:00Z',
      position: [129.6, 34.6],
      environment: { windSpeedMps: 4, night: true },
      units: [{ id: 'ship', type: 'kr-kcg-3000t', base: 'kr-busan', sweepWidthM: 900 }],
      sensor: 'definite-range',
      truthTracks: [
        {
          objectId: 'piw',
          points: [
            { atS: -600, lon: 129.6, lat: 34.6 },
            { time: '2026-03-01T12:00:00Z', lon: 129.7, lat: 34.7 },
          ],
        },
      ],
      injects: [{ id: 'note', kind: 'information', atS: 60, text: 'check' }],
      actions: [
        {
          atS: 0,
          kind: 'assign',
          unitId: 'ship',
          waypoints: [
            [129.6, 34.6],
            [129.6, 34.7],
          ],
        },
        { atS: 100, kind: 'message', from: 'KCG RCC', to: 'JCG RCC', text: 'SITREP 1' },
        { atS: 200, kind: 'release-inject', injectId: 'contingency-info' },
      ],
      evaluations: [{ objectiveId: 'obj-detect', rating: 'S', observations: [{ kind: 'strength', text: 'fast' }] }],
    },
    NO_LAND,
  );
  assert.equal(d.spec.truthSeed, 99);
  assert.equal(d.spec.environment.windSpeedMps, 4);
  assert.equal(d.spec.environment.night, true);
  assert.equal(d.spec.units[0]?.sweepWidthM, 900);
  assert.equal(d.spec.truthTracks?.[0]?.points[1]?.atS, 6 * 3600);
  assert.equal(d.actions.length, 3);
  assert.equal(d.evaluations[0]?.rating, 'S');
  assert.ok(d.spec.injects.some((i) => i.id === 'note'));
});

test('bad input is refused with the JSON path of the problem', () => {
  const base = { template: 'missing-diver', seed: 1 };
  assert.equal(
    fieldOf(() => parseDrillDocument({ ...base, bogus: 1 }, NO_LAND)),
    'bogus',
  );
  assert.equal(
    fieldOf(() => parseDrillDocument({ template: 'nope' }, NO_LAND)),
    'template',
  );
  assert.equal(
    fieldOf(() => parseDrillDocument({ ...base, seed: 1.5 }, NO_LAND)),
    'seed',
  );
  assert.equal(
    fieldOf(() => parseDrillDocument({ ...base, startTime: 'yesterday' }, NO_LAND)),
    'startTime',
  );
  assert.equal(
    fieldOf(() => parseDrillDocument({ ...base, position: [500, 1] }, NO_LAND)),
    'position',
  );
  assert.equal(
    fieldOf(() => parseDrillDocument({ ...base, units: [{ type: 'x-wing' }] }, NO_LAND)),
    'units[0].type',
  );
  assert.equal(
    fieldOf(() =>
      parseDrillDocument(
        { ...base, actions: [{ atS: 0, kind: 'assign', unitId: 'ghost', waypoints: [[129, 34]] }] },
        NO_LAND,
      ),
    ),
    'actions[0].unitId',
  );
  assert.equal(
    fieldOf(() => parseDrillDocument({ ...base, evaluations: [{ objectiveId: 'obj-detect', rating: 'A' }] }, NO_LAND)),
    'evaluations[0].rating',
  );
  assert.equal(
    fieldOf(() =>
      parseDrillDocument(
        {
          ...base,
          truthTracks: [
            {
              objectId: 'diver',
              points: [
                { atS: 5, lon: 127, lat: 34 },
                { atS: 5, lon: 127, lat: 34 },
              ],
            },
          ],
        },
        NO_LAND,
      ),
    ),
    'truthTracks[0].points[1]',
  );
  assert.equal(
    fieldOf(() => parseDrillDocument({ ...base, actions: new Array(20000).fill({}) }, NO_LAND)),
    'actions',
  );
  assert.equal(
    fieldOf(() => parseDrillDocument({ ...base, environment: { waterTempC: 99 } }, NO_LAND)),
    'environment.waterTempC',
  );
  const land = { name: 'all land', isLand: () => true };
  assert.equal(
    fieldOf(() => parseDrillDocument({ ...base, position: [127, 34] }, land)),
    'position',
  );
  assert.equal(
    fieldOf(() => parseDrillDocument([], NO_LAND)),
    '',
  );
});
