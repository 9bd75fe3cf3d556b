import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { TandemError } from '../errors/index.ts';
import { knotsToMetersPerSecond } from '../units/index.ts';
import { parseDriftScenario } from './drift-scenario.ts';

/** A scenario document being edited freely by a test (JSON, so any shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** The example document of issue 2, verbatim. */
const ISSUE_EXAMPLE = JSON.parse(
  readFileSync(fileURLToPath(new URL('./testdata/drift-scenario-issue-2.json', import.meta.url)), 'utf8'),
) as Doc;

const T0 = Date.UTC(2016, 1, 1, 12) / 1000;

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Apply `edit` to a deep copy of the example and expect a TandemError whose field is `field`. */
function rejects(edit: (d: Doc) => void, field: string, code?: string): void {
  const d = clone(ISSUE_EXAMPLE) as Doc;
  edit(d);
  assert.throws(
    () => parseDriftScenario(d),
    (e: unknown) => {
      assert.ok(e instanceof TandemError, `expected a TandemError, got ${String(e)}`);
      assert.equal(e.field, field, e.message);
      if (code !== undefined) assert.equal(e.code, code, e.message);
      return true;
    },
  );
}

describe('parseDriftScenario', () => {
  it('parses the issue 2 example into a DriftConfig', () => {
    const p = parseDriftScenario(ISSUE_EXAMPLE);
    assert.equal(p.config.seedings.length, 1);
    const s = p.config.seedings[0];
    assert.ok(s !== undefined && s.kind === 'point');
    assert.equal(s.lonDeg, 3);
    assert.equal(s.latDeg, 60);
    assert.equal(s.radiusM, 1000);
    assert.equal(s.radiusType, 'gaussian');
    assert.deepEqual(s.timeWindowS, [T0, T0]);
    assert.equal(s.count, 10000);
    assert.equal(s.weight, 1);
    assert.equal(s.category.id, 26);
    assert.deepEqual(p.config.options, {
      capsizing: false,
      jibeProbabilityPerHour: 0.04,
      coastlineAction: 'stranding',
    });
    assert.deepEqual(p.config.run, {
      durationS: 86400,
      timeStepS: 600,
      outputStepS: 3600,
      rngSeed: 1,
      backward: false,
      startTimeS: T0,
    });
    assert.deepEqual(p.forcing, {
      wind: { kind: 'constant', value: { eastMps: 10, northMps: 0 } },
      current: { kind: 'constant', value: { eastMps: 0, northMps: 0.3 } },
    });
    assert.deepEqual(p.coast, { landMask: 'naturalearth' });
  });

  it('applies the OpenDrift defaults for optional fields', () => {
    const d = clone(ISSUE_EXAMPLE) as Doc;
    delete d['options'];
    delete d['coast'];
    delete d['seed']['radiusType'];
    delete d['seed']['radiusM'];
    d['run'] = { durationS: 7200 };
    const p = parseDriftScenario(d);
    assert.deepEqual(p.config.options, {
      capsizing: false,
      jibeProbabilityPerHour: 0.04,
      coastlineAction: 'stranding',
    });
    assert.equal(p.config.run.timeStepS, 600);
    assert.equal(p.config.run.outputStepS, 3600);
    assert.equal(p.config.run.rngSeed, 0);
    assert.equal(p.config.run.backward, false);
    assert.equal(p.coast.landMask, 'naturalearth');
    const s = p.config.seedings[0];
    assert.ok(s?.kind === 'point');
    assert.equal(s.radiusType, 'gaussian');
    assert.equal(s.radiusM, 0);
  });

  it('takes leewayKey, several weighted seedings with their own objects, windows and cones', () => {
    const d = {
      name: 'two scenarios',
      description: 'PIW or raft',
      object: { leewayKey: 'PIW-1' },
      seed: [
        { lon: 129, lat: 34.6, radiusM: 500, timeWindow: ['2026-01-01T00:00:00Z', '2026-01-01T06:00:00Z'], count: 3 },
        {
          object: { leewayCategoryId: 26 },
          weight: 2.5,
          radiusType: 'uniform',
          cone: {
            from: { lon: 129, lat: 34.6, time: '2026-01-01T01:00:00Z', radiusM: 100 },
            to: { lon: 129.5, lat: 34.8, time: '2026-01-01T08:00:00Z', radiusM: 2000 },
          },
          count: 7,
        },
      ],
      forcing: {
        wind: { speedKnots: 20, fromDeg: 0 },
        current: { speedMps: 0.5, toDeg: 90 },
      },
      coast: { landMask: 'none' },
      run: { durationS: 3600, timeStepS: 300, outputStepS: 900, rngSeed: 7, backward: true },
    };
    const p = parseDriftScenario(d);
    assert.equal(p.name, 'two scenarios');
    assert.equal(p.description, 'PIW or raft');
    const [a, b] = p.config.seedings;
    assert.ok(a?.kind === 'point' && b?.kind === 'cone');
    assert.equal(a.category.key, 'PIW-1');
    assert.equal(a.timeWindowS[1] - a.timeWindowS[0], 6 * 3600);
    assert.equal(b.category.id, 26);
    assert.equal(b.weight, 2.5);
    assert.equal(b.radiusType, 'uniform');
    assert.equal(b.to.radiusM, 2000);
    assert.equal(b.from.timeS, Date.UTC(2026, 0, 1, 1) / 1000);
    // Backward run starts at the latest release.
    assert.equal(p.config.run.startTimeS, Date.UTC(2026, 0, 1, 8) / 1000);
    assert.equal(p.config.run.backward, true);
    // Wind from north at 20 kn blows toward south.
    assert.ok(p.forcing.wind.kind === 'constant');
    assert.ok(Math.abs(p.forcing.wind.value.eastMps) < 1e-12);
    assert.ok(Math.abs(p.forcing.wind.value.northMps + knotsToMetersPerSecond(20)) < 1e-12);
    assert.ok(p.forcing.current.kind === 'constant');
    assert.ok(Math.abs(p.forcing.current.value.eastMps - 0.5) < 1e-12);
    assert.ok(Math.abs(p.forcing.current.value.northMps) < 1e-12);
    assert.equal(p.coast.landMask, 'none');
  });

  it('parses time series and file forcing, resolving paths against baseDir', () => {
    const d = clone(ISSUE_EXAMPLE) as Doc;
    d['forcing'] = {
      wind: {
        series: [
          { time: '2016-02-01T12:00:00Z', eastMps: 1, northMps: 2 },
          { time: '2016-02-01T18:00:00Z', speedMps: 2, toDeg: 180 },
        ],
      },
      current: {
        files: ['currents.nc', '/abs/more.nc'],
        variables: { x_sea_water_velocity: 'u' },
        fallback: { eastMps: 0, northMps: 0 },
      },
    };
    d['coast'] = { landMask: 'masks/coast.geojson' };
    const p = parseDriftScenario(d, { baseDir: '/data/case' });
    assert.ok(p.forcing.wind.kind === 'series');
    assert.equal(p.forcing.wind.samples.length, 2);
    assert.equal(p.forcing.wind.samples[1]?.timeS, T0 + 6 * 3600);
    assert.ok(Math.abs((p.forcing.wind.samples[1]?.northMps ?? 0) + 2) < 1e-12);
    assert.ok(p.forcing.current.kind === 'files');
    assert.deepEqual(p.forcing.current.paths, ['/data/case/currents.nc', '/abs/more.nc']);
    assert.deepEqual({ ...p.forcing.current.variables }, { x_sea_water_velocity: 'u' });
    assert.deepEqual(p.forcing.current.fallback, { eastMps: 0, northMps: 0 });
    assert.equal(p.coast.landMask, '/data/case/masks/coast.geojson');
    // Without baseDir the paths stay as written.
    assert.equal(parseDriftScenario(d).coast.landMask, 'masks/coast.geojson');
  });

  it('rejects bad documents with the JSON path of the problem', () => {
    rejects((d) => (d['object'] = { leewayCategoryId: 999 }), 'object.leewayCategoryId', 'UNKNOWN_CATEGORY');
    rejects((d) => (d['object'] = { leewayKey: 'NOPE-9' }), 'object.leewayKey', 'UNKNOWN_CATEGORY');
    rejects((d) => (d['object'] = { leewayCategoryId: 26, leewayKey: 'PIW-1' }), 'object');
    rejects((d) => (d['seed']['lat'] = 91), 'seed.lat', 'OUT_OF_RANGE');
    rejects((d) => (d['seed']['lon'] = -181), 'seed.lon', 'OUT_OF_RANGE');
    rejects((d) => (d['seed']['lat'] = 'north'), 'seed.lat');
    rejects((d) => (d['seed']['lat'] = null), 'seed.lat');
    rejects((d) => (d['seed']['count'] = -5), 'seed.count', 'OUT_OF_RANGE');
    rejects((d) => (d['seed']['count'] = 0), 'seed.count', 'OUT_OF_RANGE');
    rejects((d) => (d['seed']['count'] = 2.5), 'seed.count');
    rejects((d) => (d['seed']['count'] = 20_000_000), 'seed.count', 'OUT_OF_RANGE');
    rejects((d) => (d['seed']['radiusM'] = -1), 'seed.radiusM', 'OUT_OF_RANGE');
    rejects((d) => (d['seed']['radiusType'] = 'square'), 'seed.radiusType');
    rejects((d) => (d['seed']['raduisM'] = 100), 'seed.raduisM');
    rejects((d) => (d['seed']['time'] = '2016-02-01 12:00'), 'seed.time');
    rejects((d) => (d['seed']['time'] = '2016-02-01T12:00:00+09:00'), 'seed.time');
    rejects((d) => (d['seed']['time'] = '2016-02-30T12:00:00Z'), 'seed.time');
    rejects((d) => (d['seed']['timeWindow'] = ['2016-02-01T12:00:00Z', '2016-02-01T13:00:00Z']), 'seed');
    rejects(
      (d) => {
        delete d['seed']['time'];
        d['seed']['timeWindow'] = ['2016-02-02T12:00:00Z', '2016-02-01T13:00:00Z'];
      },
      'seed.timeWindow',
      'OUT_OF_RANGE',
    );
    rejects((d) => (d['seed'] = []), 'seed');
    rejects((d) => (d['seed'] = [d['seed'], { ...d['seed'], lat: 100 }]), 'seed[1].lat');
    rejects(
      (d) => (d['seed'] = [d['seed'], { ...d['seed'], count: 6_000_000 }, { ...d['seed'], count: 6_000_000 }]),
      'seed',
      'OUT_OF_RANGE',
    );
    rejects(
      (d) =>
        (d['seed'] = {
          count: 10,
          cone: { from: { lon: 3, lat: 60, time: '2016-02-01T12:00:00Z' }, to: { lon: 3, lat: 95, time: 'x' } },
        }),
      'seed.cone.to.lat',
    );
    rejects((d) => (d['run']['durationS'] = 0), 'run.durationS', 'OUT_OF_RANGE');
    rejects((d) => (d['run']['durationS'] = -3600), 'run.durationS', 'OUT_OF_RANGE');
    rejects((d) => (d['run']['timeStepS'] = 0), 'run.timeStepS', 'OUT_OF_RANGE');
    rejects((d) => (d['run']['durationS'] = 300), 'run.durationS', 'OUT_OF_RANGE');
    rejects((d) => (d['run']['outputStepS'] = 1000), 'run.outputStepS', 'OUT_OF_RANGE');
    rejects((d) => (d['run']['outputStepS'] = 300), 'run.outputStepS', 'OUT_OF_RANGE');
    rejects((d) => (d['run']['rngSeed'] = 1.5), 'run.rngSeed', 'OUT_OF_RANGE');
    rejects((d) => (d['run']['backward'] = 'yes'), 'run.backward');
    rejects((d) => (d['run']['durationS'] = 1e12), 'run.durationS', 'OUT_OF_RANGE');
    rejects((d) => delete d['run'], '(document)');
    rejects((d) => (d['forcing'] = { wind: { eastMps: 1, northMps: 0 } }), 'forcing');
    rejects((d) => (d['forcing']['wind'] = { eastMps: 1 }), 'forcing.wind');
    rejects((d) => (d['forcing']['wind'] = { speedMps: 5 }), 'forcing.wind');
    rejects((d) => (d['forcing']['wind'] = { speedMps: 5, fromDeg: 10, toDeg: 190 }), 'forcing.wind');
    rejects((d) => (d['forcing']['wind'] = { eastMps: 1, northMps: 0, speedMps: 3 }), 'forcing.wind');
    rejects((d) => (d['forcing']['current'] = { files: [] }), 'forcing.current.files');
    rejects((d) => (d['forcing']['current'] = { files: [3] }), 'forcing.current.files[0]');
    rejects(
      (d) => (d['forcing']['current'] = { files: ['a.nc'], fallback: { eastMps: 0 } }),
      'forcing.current.fallback',
    );
    rejects(
      (d) =>
        (d['forcing']['wind'] = {
          series: [
            { time: '2016-02-01T12:00:00Z', eastMps: 1, northMps: 0 },
            { time: '2016-02-01T12:00:00Z', eastMps: 1, northMps: 0 },
          ],
        }),
      'forcing.wind.series[1].time',
    );
    rejects((d) => (d['options']['jibeProbabilityPerHour'] = 1.5), 'options.jibeProbabilityPerHour', 'OUT_OF_RANGE');
    rejects((d) => (d['options']['coastlineAction'] = 'bounce'), 'options.coastlineAction');
    rejects((d) => (d['coast'] = { landMask: 3 }), 'coast.landMask');
    rejects((d) => (d['extra'] = 1), 'extra');
  });

  it('rejects prototype-pollution keys anywhere', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const top = JSON.parse(`{"${key}": {"polluted": true}, "seed": {}}`) as unknown;
      assert.throws(
        () => parseDriftScenario(top),
        (e: unknown) => e instanceof TandemError && e.field === key,
      );
      const nested = clone(ISSUE_EXAMPLE) as Doc;
      nested['seed'] = JSON.parse(`{"${key}": {"polluted": true}, "lon": 3}`);
      assert.throws(
        () => parseDriftScenario(nested),
        (e: unknown) => e instanceof TandemError && e.field === `seed.${key}`,
      );
      const vars = clone(ISSUE_EXAMPLE) as Doc;
      vars['forcing']['current'] = JSON.parse(`{"files": ["a.nc"], "variables": {"${key}": "u"}}`);
      assert.throws(
        () => parseDriftScenario(vars),
        (e: unknown) => e instanceof TandemError && e.field === `forcing.current.variables.${key}`,
      );
    }
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('throws only TandemError on arbitrary values (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (doc) => {
        try {
          parseDriftScenario(doc);
        } catch (e) {
          return e instanceof TandemError;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('throws only TandemError when one field of a valid document is replaced by anything (property)', () => {
    const paths: (readonly string[])[] = [];
    const walk = (v: unknown, p: readonly string[]): void => {
      paths.push(p);
      if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...p, k]);
    };
    walk(ISSUE_EXAMPLE, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, value) => {
        const d = clone(ISSUE_EXAMPLE) as Doc;
        let o: Doc = d;
        for (const k of path.slice(0, -1)) o = o[k];
        o[path[path.length - 1] as string] = value;
        try {
          parseDriftScenario(d);
        } catch (e) {
          return e instanceof TandemError && typeof e.field === 'string';
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
