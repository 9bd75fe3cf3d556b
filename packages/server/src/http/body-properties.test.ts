/**
 * Property tests over every JSON body schema in the route table: malformed JSON, wrong shapes, unknown
 * keys, wrong types, prototype-pollution keys and oversized bodies get a clear 4xx error (stable code and a
 * message) and store nothing (row counts and the audit head are unchanged). A route with a body schema
 * and no valid example below fails the suite.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import { routeId } from '../routes/route-spec.ts';
import type { BodyExamples } from '../testing/body-examples.ts';
import { drillBodyExamples } from '../testing/body-examples-drills.ts';
import { exchangeBodyExamples } from '../testing/body-examples-exchanges.ts';
import { dialogueBodyExamples } from '../testing/body-examples-dialogues.ts';

const SCENARIO_DOC = {
  object: { leewayCategoryId: 26 },
  seed: { lon: 129, lat: 34.5, radiusM: 1000, radiusType: 'gaussian', time: '2026-01-01T00:00:00Z', count: 10 },
  forcing: { wind: { eastMps: 5, northMps: 0 }, current: { eastMps: 0, northMps: 0.2 } },
  coast: { landMask: 'none' },
  run: { durationS: 3600, timeStepS: 600, outputStepS: 3600, rngSeed: 1 },
};

/** A valid body per route (ids filled in at run time). */
function validBodies(ids: { scenario: string; driftRun: string }): Record<string, Record<string, unknown>> {
  const rec = { title: 'A title', releasability: 'bilateral', body: { note: 'x' } };
  return {
    'POST /api/auth/login': { username: 'kr-viewer', password: 'some password' },
    'POST /api/organisations': { service: 'navy', unit: 'unit', name: 'name' },
    'POST /api/users': {
      username: 'new.user',
      displayName: 'New',
      password: 'a long enough password',
      organisationId: 'org-KR',
      roles: ['viewer'],
    },
    'POST /api/scenarios': { ...rec, body: SCENARIO_DOC },
    'POST /api/plans': rec,
    'POST /api/data-files': rec,
    'POST /api/drift-runs': { scenarioId: ids.scenario },
    'PATCH /api/scenarios/:id': { title: 'new' },
    'PATCH /api/plans/:id': { title: 'new' },
    'PATCH /api/data-files/:id': { title: 'new' },
    'PATCH /api/drift-runs/:id': { title: 'new' },
    'POST /api/scenarios/:id/releasability': { releasability: 'national', reason: 'r' },
    'POST /api/plans/:id/releasability': { releasability: 'national', reason: 'r' },
    'POST /api/data-files/:id/releasability': { releasability: 'national', reason: 'r' },
    'POST /api/drift-runs/:id/releasability': { releasability: 'national', reason: 'r' },
    'POST /api/plans/:id/approve': { note: 'approved after checking the manual datum' },
    'POST /api/web/plan': {
      driftRunId: ids.driftRun,
      atTime: '2026-01-01T01:00:00Z',
      units: [{ id: 'u1', nation: 'KR', type: 'x', baseId: 'y' }],
    },
    'POST /api/plan-jobs': {
      driftRunId: ids.driftRun,
      atTime: '2026-01-01T01:00:00Z',
      units: [{ id: 'u1', nation: 'KR', type: 'x', baseId: 'y' }],
      releasability: 'bilateral',
    },
  };
}

/** A value of another JSON type than `v`, that Ajv cannot coerce into v's type. */
function wrongType(v: unknown): fc.Arbitrary<unknown> {
  if (typeof v === 'string') return fc.constantFrom({}, [1, 2], { a: 'b' });
  if (typeof v === 'number' || typeof v === 'boolean') return fc.constantFrom({}, [1, 2], 'text');
  if (Array.isArray(v)) return fc.constantFrom('text', 12, {});
  return fc.constantFrom('text', 12, [1, 2], true);
}

type Attack = { kind: 'json'; text: string } | { kind: 'value'; value: unknown };

function attacks(valid: Record<string, unknown>): fc.Arbitrary<Attack> {
  const keys = Object.keys(valid);
  const asText = JSON.stringify(valid);
  const malformed = fc.oneof(
    fc.string({ maxLength: 40 }).filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    }),
    fc.nat({ max: asText.length - 1 }).map((n) => asText.slice(0, n)),
  );
  const notObject = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.string(),
    fc.array(fc.jsonValue(), { maxLength: 3 }),
    fc.boolean(),
  );
  const unknownKey = fc
    .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
    .filter(([k]) => !keys.includes(k) && k !== '__proto__')
    .map(([k, v]) => ({ ...valid, [k]: v }));
  const wrong = fc.constantFrom(...keys).chain((k) => wrongType(valid[k]).map((w) => ({ ...valid, [k]: w })));
  const missing = fc.constantFrom(...keys).map((k) => {
    const copy = { ...valid };
    delete copy[k];
    return copy;
  });
  const polluted = fc
    .tuple(fc.constantFrom('__proto__', 'constructor'), fc.constantFrom(...keys, 'nested'), fc.boolean())
    .map(([key, where, top]) => {
      const payload =
        key === '__proto__' ? '{"isAdmin":true,"roles":["administrator"]}' : '{"prototype":{"isAdmin":true}}';
      if (top) return asText.replace(/^\{/, `{"${key}":${payload},`);
      return asText.replace(/\}$/, `,"${where === 'nested' ? 'x' : `${where}_x`}":{"${key}":${payload}}}`);
    });
  return fc.oneof(
    malformed.map((text): Attack => ({ kind: 'json', text })),
    polluted.map((text): Attack => ({ kind: 'json', text })),
    notObject.map((value): Attack => ({ kind: 'value', value })),
    unknownKey.map((value): Attack => ({ kind: 'value', value })),
    wrong.map((value): Attack => ({ kind: 'value', value })),
    missing
      .filter((m) => Object.keys(m).length > 0 || keys.length > 0)
      .map((value): Attack => ({ kind: 'value', value })),
  );
}

describe('JSON body schemas under hostile input', () => {
  let t: TestApp;
  let admin: { cookie: string; csrf: string };
  let ids: { scenario: string; driftRun: string; plan: string; dataFile: string };
  let areas: BodyExamples[] = [];
  before(async () => {
    t = await createTestApp('sqlite');
    admin = await t.login('kr-administrator');
    const repo = new SarRecordRepository(t.database.db, t.database.dialect, t.actor('KR', 'administrator'));
    ids = {
      scenario: (await repo.create('scenario', { title: 's', releasability: 'bilateral', body: SCENARIO_DOC })).id,
      driftRun: (await repo.create('drift_run', { title: 'd', releasability: 'bilateral', body: {} })).id,
      plan: (await repo.create('plan', { title: 'p', releasability: 'bilateral', body: {} })).id,
      dataFile: (await repo.create('data_file', { title: 'f', releasability: 'bilateral', body: {} })).id,
    };
    const env = { db: t.database.db, repo, admin: t.actor('KR', 'administrator') };
    areas = [await drillBodyExamples(env), await exchangeBodyExamples(env), await dialogueBodyExamples(env)];
  });

  /** Route id → [url, valid body] for every route with an example. */
  function examples(): Map<string, [string, Record<string, unknown>]> {
    const out = new Map<string, [string, Record<string, unknown>]>();
    for (const [id, body] of Object.entries(validBodies(ids))) out.set(id, [urlFor(id.split(' ')[1] ?? ''), body]);
    for (const area of areas) for (const [id, ex] of Object.entries(area.bodies)) out.set(id, [ex.url, ex.body]);
    return out;
  }
  after(async () => {
    await t.close();
  });

  async function snapshot(): Promise<string> {
    const db = t.database.db;
    const counts = await Promise.all(
      [
        ...(['sar_records', 'users', 'organisations', 'jobs', 'job_results', 'audit_log'] as const),
        ...areas.flatMap((a) => a.tables),
      ].map((table) =>
        db
          .selectFrom(table as 'sar_records')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n)),
      ),
    );
    const head = await db.selectFrom('audit_head').select(['seq']).executeTakeFirstOrThrow();
    const users = await db.selectFrom('users').select(['failed_logins']).execute();
    return JSON.stringify([counts, head.seq, users.map((u) => u.failed_logins)]);
  }

  function urlFor(url: string): string {
    const byPath: Record<string, string> = {
      scenarios: ids.scenario,
      'drift-runs': ids.driftRun,
      plans: ids.plan,
      'data-files': ids.dataFile,
    };
    const m = /^\/api\/([a-z-]+)\/:id/.exec(url);
    return m === null ? url : url.replace(':id', byPath[m[1] ?? ''] ?? 'none');
  }

  it('has a valid example for every route with a body schema', () => {
    const bodies = examples();
    const withBody = t.tandem.routes.filter((r) => r.schema?.body !== undefined).map(routeId);
    const missing = withBody.filter((id) => !bodies.has(id));
    assert.deepEqual(missing, []);
    assert.ok(withBody.length >= 10);
  });

  it('answers hostile bodies with a clear 4xx and stores nothing', async () => {
    const bodies = examples();
    for (const route of t.tandem.routes.filter((r) => r.schema?.body !== undefined)) {
      const id = routeId(route);
      const example = bodies.get(id);
      if (example === undefined) continue;
      const [url, valid] = example;
      await fc.assert(
        fc.asyncProperty(attacks(valid), async (attack) => {
          const before = await snapshot();
          const res = await t.tandem.app.inject({
            method: route.method,
            url,
            headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
            payload: attack.kind === 'json' ? attack.text : JSON.stringify(attack.value),
          });
          assert.ok(
            res.statusCode >= 400 && res.statusCode < 500,
            `${id}: ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
          const err = (res.json() as { error?: { code?: unknown; message?: unknown } }).error;
          assert.equal(typeof err?.code, 'string', `${id}: error code`);
          assert.ok(typeof err?.message === 'string' && err.message.length > 0, `${id}: error message`);
          assert.equal(await snapshot(), before, `${id}: something was stored`);
          assert.equal(({} as Record<string, unknown>)['isAdmin'], undefined, 'Object.prototype polluted');
        }),
        { numRuns: 25, seed: 42 },
      );
    }
  });

  it('refuses oversized bodies with 413 and non-JSON content types with 415', async () => {
    const before = await snapshot();
    const big = JSON.stringify({ title: 'x', releasability: 'public', body: { pad: 'x'.repeat(1_100_000) } });
    const r1 = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      payload: big,
    });
    assert.equal(r1.statusCode, 413);
    assert.equal(r1.json().error.code, 'PAYLOAD_TOO_LARGE');
    const r2 = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/xml' },
      payload: '<plan/>',
    });
    assert.equal(r2.statusCode, 415);
    assert.equal(r2.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal(await snapshot(), before);
  });
});
