/**
 * The JSON Schema `docs/schemas/drift-scenario.schema.json` and `parseDriftScenario` must agree: the examples
 * validate, and a set of good and bad documents gets the same verdict from both (the parser is stricter only
 * where a schema cannot speak: calendar dates, window order, step divisibility, total counts, category ids).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { TandemError } from '../errors/index.ts';
import { parseDriftScenario } from './drift-scenario.ts';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const schema = JSON.parse(readFileSync(`${repo}docs/schemas/drift-scenario.schema.json`, 'utf8')) as object;
const ISSUE_EXAMPLE = JSON.parse(
  readFileSync(fileURLToPath(new URL('./testdata/drift-scenario-issue-2.json', import.meta.url)), 'utf8'),
) as unknown;
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(schema);

function parses(doc: unknown): boolean {
  try {
    parseDriftScenario(doc);
    return true;
  } catch (e) {
    if (!(e instanceof TandemError)) throw e;
    return false;
  }
}

function edit(f: (d: Record<string, unknown>) => void): unknown {
  const d = JSON.parse(JSON.stringify(ISSUE_EXAMPLE)) as Record<string, unknown>;
  f(d);
  return d;
}

const seedOf = (d: Record<string, unknown>): Record<string, unknown> => d['seed'] as Record<string, unknown>;
const runOf = (d: Record<string, unknown>): Record<string, unknown> => d['run'] as Record<string, unknown>;
const forcingOf = (d: Record<string, unknown>): Record<string, unknown> => d['forcing'] as Record<string, unknown>;

const GOOD: readonly (readonly [string, unknown])[] = [
  ['issue example', ISSUE_EXAMPLE],
  ['leewayKey', edit((d) => (d['object'] = { leewayKey: 'PIW-1' }))],
  ['no options, no coast', edit((d) => (delete d['options'], delete d['coast']))],
  [
    'time window',
    edit((d) => {
      delete seedOf(d)['time'];
      seedOf(d)['timeWindow'] = ['2016-02-01T12:00:00Z', '2016-02-01T18:00:00Z'];
    }),
  ],
  [
    'cone and weights',
    edit(
      (d) =>
        (d['seed'] = [
          { ...seedOf(d), weight: 2 },
          {
            object: { leewayCategoryId: 3 },
            radiusType: 'uniform',
            cone: {
              from: { lon: 3, lat: 60, time: '2016-02-01T12:00:00Z', radiusM: 10 },
              to: { lon: 3.5, lat: 60.2, time: '2016-02-01T15:00:00Z' },
            },
            count: 50,
          },
        ]),
    ),
  ],
  ['speed/direction', edit((d) => (forcingOf(d)['wind'] = { speedKnots: 15, fromDeg: 270 }))],
  [
    'series',
    edit(
      (d) =>
        (forcingOf(d)['current'] = {
          series: [
            { time: '2016-02-01T12:00:00Z', eastMps: 0, northMps: 0.3 },
            { time: '2016-02-02T12:00:00Z', speedMps: 0.2, toDeg: 45 },
          ],
        }),
    ),
  ],
  [
    'files with fallback',
    edit(
      (d) =>
        (forcingOf(d)['current'] = {
          files: ['a.nc'],
          variables: { x_sea_water_velocity: 'u' },
          fallback: { eastMps: 0, northMps: 0 },
        }),
    ),
  ],
  ['backward', edit((d) => (runOf(d)['backward'] = true))],
  ['named', edit((d) => ((d['name'] = 'x'), (d['description'] = 'y'), (d['$schema'] = 'z')))],
  ['geojson coast', edit((d) => (d['coast'] = { landMask: 'coast.geojson' }))],
];

/** Bad documents that both the schema and the parser must reject. */
const BAD: readonly (readonly [string, unknown])[] = [
  ['not an object', [1, 2]],
  ['missing run', edit((d) => delete d['run'])],
  ['missing seed', edit((d) => delete d['seed'])],
  ['typo raduisM', edit((d) => (seedOf(d)['raduisM'] = 5))],
  ['unknown top key', edit((d) => (d['extra'] = true))],
  ['lat 91', edit((d) => (seedOf(d)['lat'] = 91))],
  ['lon string', edit((d) => (seedOf(d)['lon'] = '3'))],
  ['negative count', edit((d) => (seedOf(d)['count'] = -1))],
  ['fractional count', edit((d) => (seedOf(d)['count'] = 1.5))],
  ['huge count', edit((d) => (seedOf(d)['count'] = 10_000_001))],
  ['time without Z', edit((d) => (seedOf(d)['time'] = '2016-02-01T12:00:00'))],
  ['time and window', edit((d) => (seedOf(d)['timeWindow'] = ['2016-02-01T12:00:00Z', '2016-02-01T13:00:00Z']))],
  ['no time', edit((d) => delete seedOf(d)['time'])],
  ['zero duration', edit((d) => (runOf(d)['durationS'] = 0))],
  ['negative step', edit((d) => (runOf(d)['timeStepS'] = -600))],
  ['radius type', edit((d) => (seedOf(d)['radiusType'] = 'box'))],
  ['both object refs', edit((d) => (d['object'] = { leewayCategoryId: 1, leewayKey: 'PIW-1' }))],
  ['half a vector', edit((d) => (forcingOf(d)['wind'] = { eastMps: 3 }))],
  ['mixed vector', edit((d) => (forcingOf(d)['wind'] = { eastMps: 3, northMps: 1, toDeg: 4 }))],
  ['speed without direction', edit((d) => (forcingOf(d)['wind'] = { speedMps: 3 }))],
  ['no current', edit((d) => delete forcingOf(d)['current'])],
  ['empty files', edit((d) => (forcingOf(d)['current'] = { files: [] }))],
  ['series without time', edit((d) => (forcingOf(d)['current'] = { series: [{ eastMps: 1, northMps: 1 }] }))],
  ['coastline action', edit((d) => ((d['options'] as Record<string, unknown>)['coastlineAction'] = 'bounce'))],
  ['jibe > 1', edit((d) => ((d['options'] as Record<string, unknown>)['jibeProbabilityPerHour'] = 2))],
  ['rng seed negative', edit((d) => (runOf(d)['rngSeed'] = -1))],
  ['pollution', JSON.parse('{"__proto__": {"x": 1}, "seed": {}, "forcing": {}, "run": {"durationS": 1}}')],
];

/** Documents valid by the schema that only the parser can reject (documented in the schema's description). */
const PARSER_ONLY: readonly (readonly [string, unknown])[] = [
  ['unknown category id', edit((d) => (d['object'] = { leewayCategoryId: 999 }))],
  ['February 30', edit((d) => (seedOf(d)['time'] = '2016-02-30T12:00:00Z'))],
  [
    'reversed window',
    edit((d) => {
      delete seedOf(d)['time'];
      seedOf(d)['timeWindow'] = ['2016-02-02T12:00:00Z', '2016-02-01T18:00:00Z'];
    }),
  ],
  ['output step not a multiple', edit((d) => (runOf(d)['outputStepS'] = 1000))],
  ['run shorter than a step', edit((d) => (runOf(d)['durationS'] = 60))],
];

describe('drift scenario JSON Schema', () => {
  it('validates the issue example and every examples/*.json', () => {
    const docs: [string, unknown][] = [['issue example', ISSUE_EXAMPLE]];
    const dir = `${repo}examples`;
    if (existsSync(dir)) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        const doc = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as unknown;
        if (doc !== null && typeof doc === 'object' && 'seed' in doc && 'run' in doc) docs.push([f, doc]);
      }
    }
    for (const [name, doc] of docs) {
      assert.ok(validate(doc), `${name}: ${ajv.errorsText(validate.errors)}`);
      assert.ok(parses(doc), `${name} rejected by the parser`);
    }
  });

  it('accepts the same good documents as the parser', () => {
    for (const [name, doc] of GOOD) {
      assert.ok(validate(doc), `${name}: ${ajv.errorsText(validate.errors)}`);
      assert.ok(parses(doc), `${name}: parser rejected it`);
    }
  });

  it('rejects the same bad documents as the parser', () => {
    for (const [name, doc] of BAD) {
      assert.equal(validate(doc), false, `${name}: schema accepted it`);
      assert.equal(parses(doc), false, `${name}: parser accepted it`);
    }
  });

  it('leaves to the parser only what a schema cannot check', () => {
    for (const [name, doc] of PARSER_ONLY) {
      assert.ok(validate(doc), `${name}: ${ajv.errorsText(validate.errors)}`);
      assert.equal(parses(doc), false, `${name}: parser accepted it`);
    }
  });
  it('never accepts with the parser what the schema rejects, for random edits of the examples (property)', () => {
    const bases = GOOD.map(([, d]) => d);
    const paths = (v: unknown, p: readonly (string | number)[], out: (readonly (string | number)[])[]): void => {
      out.push(p);
      if (v !== null && typeof v === 'object') {
        for (const [k, c] of Object.entries(v)) paths(c, [...p, Array.isArray(v) ? Number(k) : k], out);
      }
    };
    const edits = fc.nat({ max: bases.length - 1 }).chain((b) => {
      const all: (readonly (string | number)[])[] = [];
      paths(bases[b], [], all);
      return fc.tuple(
        fc.constant(b),
        fc.constantFrom(...all.filter((p) => p.length > 0)),
        fc.oneof(
          fc.jsonValue({ maxDepth: 2 }),
          fc.constantFrom(0, -1, 1.5, 1e12, '', '2016-02-01T12:00:00Z', 'x', null, [], {}, true),
        ),
        fc.boolean(),
      );
    });
    fc.assert(
      fc.property(edits, ([b, path, value, remove]) => {
        const d = JSON.parse(JSON.stringify(bases[b])) as Record<string | number, unknown>;
        let o = d;
        for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
        const last = path[path.length - 1] as string | number;
        if (remove && !Array.isArray(o)) delete o[last];
        else o[last] = value;
        return !parses(d) || validate(d) === true;
      }),
      { numRuns: 1500 },
    );
  });
});
