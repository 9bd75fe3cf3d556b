/**
 * Authorization matrix: every route of the route table × every role × both nations × every releasability of
 * the record it addresses (owned by KR). The expected outcome comes from the policy table below, written
 * independently of the route definitions: a route with no entry here fails the suite, so a new route
 * cannot ship without a stated policy.
 * Outcomes: 401 without a session; 403 when the role is not allowed; 404 when the record is a partner's
 * national record (it does not exist for the caller); 403 for a partner's write to a record it can see;
 * otherwise success.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { ROLES, NATIONS } from '../auth/roles.ts';
import type { Role } from '../auth/roles.ts';
import type { RecordKind, Releasability, Schema } from '../db/schema.ts';
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import { JobStore } from '../jobs/job-store.ts';
import { routeId } from './route-spec.ts';
import { ADMIN, EDITORS, LABELS, READERS } from '../testing/matrix-policy.ts';
import type { Case, Policy } from '../testing/matrix-policy.ts';
import { DRILL_POLICY } from '../testing/matrix-policy-drills.ts';
import { EXCHANGE_POLICY } from '../testing/matrix-policy-exchanges.ts';
import { DIALOGUE_POLICY } from '../testing/matrix-policy-dialogues.ts';

const KINDS: Record<string, RecordKind> = {
  scenarios: 'scenario',
  'drift-runs': 'drift_run',
  plans: 'plan',
  'data-files': 'data_file',
};
const SCENARIO_DOC = {
  object: { leewayCategoryId: 26 },
  seed: { lon: 129, lat: 34.5, radiusM: 1000, radiusType: 'gaussian', time: '2026-01-01T00:00:00Z', count: 10 },
  forcing: { wind: { eastMps: 5, northMps: 0 }, current: { eastMps: 0, northMps: 0.2 } },
  coast: { landMask: 'none' },
  run: { durationS: 3600, timeStepS: 600, outputStepS: 3600, rngSeed: 1 },
};

const POLICY: Record<string, Policy> = {
  'GET /': { who: 'public' },
  'GET /api/health': { who: 'public' },
  'POST /api/auth/login': {
    who: 'public',
    body: (c) => ({ username: `${c.nation.toLowerCase()}-${c.role}`, password: 'correct horse battery staple' }),
  },
  'POST /api/auth/logout': { who: 'signedIn', freshSession: true },
  'GET /api/auth/me': { who: 'signedIn' },
  'POST /api/auth/totp': { who: 'signedIn' },
  'GET /api/organisations': { who: 'signedIn' },
  'POST /api/organisations': { who: ADMIN, body: (c) => ({ service: 'navy', unit: `u${c.n}`, name: `org ${c.n}` }) },
  'GET /api/users': { who: ADMIN },
  'POST /api/users': {
    who: ADMIN,
    body: (c) => ({
      username: `matrix-${c.n}`,
      displayName: 'm',
      password: 'a long enough password',
      organisationId: `org-${c.nation}`,
      roles: ['viewer'],
    }),
  },
  'GET /api/search': { who: READERS },
  'GET /api/counts': { who: READERS },
  'GET /api/jobs': { who: READERS },
  'GET /api/jobs/:id': { who: READERS, target: { job: 'queued' } },
  'GET /api/jobs/:id/result': { who: READERS, target: { job: 'succeeded' } },
  'GET /api/jobs/:id/events': { who: READERS, target: { job: 'succeeded' } },
  'POST /api/jobs/:id/cancel': { who: EDITORS, target: { job: 'queued' }, ownerOnly: true },
  'POST /api/jobs/:id/retry': { who: EDITORS, target: { job: 'failed' }, ownerOnly: true },
  'GET /api/audit': { who: ADMIN },
  'GET /api/audit/verify': { who: ADMIN },
  'GET /app': { who: 'public', gateOnly: true },
  'GET /app/*': { who: 'public', gateOnly: true },
  'GET /api/web/catalogue': { who: READERS },
  'GET /api/web/drift-runs/:id/cloud': { who: READERS, target: { record: 'drift_run' }, gateOnly: true },
  'POST /api/web/plan': {
    who: READERS,
    target: { bodyDriftRun: true },
    gateOnly: true,
    body: () => ({ atTime: '2026-01-01T01:00:00Z', units: [{ id: 'u1', nation: 'KR', type: 'x', baseId: 'y' }] }),
  },
  'POST /api/plan-jobs': {
    who: EDITORS,
    target: { bodyDriftRun: true },
    gateOnly: true,
    body: () => ({ atTime: '2026-01-01T01:00:00Z', units: [{ id: 'u1', nation: 'KR', type: 'x', baseId: 'y' }] }),
  },
  'POST /api/plans/:id/approve': {
    who: ['administrator', 'sar_planner'],
    ownerOnly: true,
    setup: async (c, env) => ({
      id: (
        await env.repo.create('plan', {
          title: `m${c.n}`,
          releasability: c.label,
          body: { summary: { pos: 0.5, units: [] } },
        })
      ).id,
      body: {},
    }),
  },
  'GET /api/records/:id/audit': {
    who: ['administrator', 'sar_planner', 'exercise_controller', 'evaluator'],
    target: { record: 'scenario' },
  },
};
for (const [path, kind] of Object.entries(KINDS)) {
  const doc = kind === 'scenario' ? SCENARIO_DOC : { note: 'x' };
  POLICY[`GET /api/${path}`] = { who: READERS };
  POLICY[`GET /api/${path}/:id`] = { who: READERS, target: { record: kind } };
  POLICY[`GET /api/${path}/:id/export`] = { who: READERS, target: { record: kind } };
  POLICY[`PATCH /api/${path}/:id`] = {
    who: EDITORS,
    target: { record: kind },
    ownerOnly: true,
    body: () => ({ title: 'edited' }),
  };
  POLICY[`DELETE /api/${path}/:id`] = { who: EDITORS, target: { record: kind }, ownerOnly: true };
  POLICY[`POST /api/${path}/:id/releasability`] = {
    who: EDITORS,
    target: { record: kind },
    ownerOnly: true,
    body: () => ({ releasability: 'national', reason: 'restrict' }),
  };
  POLICY[`POST /api/${path}`] =
    kind === 'drift_run'
      ? { who: EDITORS, target: { bodyScenario: true }, body: () => ({}) }
      : { who: EDITORS, body: (c) => ({ title: `t${c.n}`, releasability: c.label, body: doc }) };
}

Object.assign(POLICY, DRILL_POLICY, EXCHANGE_POLICY, DIALOGUE_POLICY);

function allowed(p: Policy, role: Role): boolean {
  return p.who === 'public' || p.who === 'signedIn' || p.who.includes(role);
}

describe('authorization matrix: route × role × nation × releasability', () => {
  let t: TestApp;
  let db: Kysely<Schema>;
  const cookies = new Map<string, { cookie: string; csrf: string }>();
  before(async () => {
    t = await createTestApp('sqlite');
    db = t.database.db;
    for (const nation of NATIONS) {
      for (const role of ROLES) cookies.set(`${nation}-${role}`, await t.login(`${nation.toLowerCase()}-${role}`));
    }
  });
  after(async () => {
    await t.close();
  });

  it('has a policy for every route in the route table', () => {
    const missing = t.tandem.routes.map(routeId).filter((id) => POLICY[id] === undefined);
    assert.deepEqual(missing, [], `routes without an authorization policy: ${missing.join(', ')}`);
  });

  it('answers every combination as the policy says', async () => {
    const owner = t.actor('KR', 'sar_planner');
    const repo = new SarRecordRepository(db, t.database.dialect, owner);
    const jobs = new JobStore(db, t.database.dialect);
    const queueJobFor = (recordId: string, label: Releasability) =>
      db.transaction().execute((trx) =>
        jobs.enqueueIn(trx, {
          kind: 'matrix',
          recordId,
          ownerNation: 'KR',
          releasability: label,
          createdBy: owner.userId,
          input: {},
        }),
      );
    let n = 0;
    const failures: string[] = [];
    const routes = t.tandem.routes.filter((r) => !r.url.startsWith('/api/docs'));
    for (const route of routes) {
      const id = routeId(route);
      const p = POLICY[id];
      if (p === undefined) continue;
      for (const label of LABELS) {
        for (const nation of NATIONS) {
          for (const role of ROLES) {
            const c: Case = { nation, role, label, n: n++ };
            let url = route.url;
            let body = p.body?.(c);
            if (p.setup !== undefined) {
              const prepared = await p.setup(c, { repo, db, owner });
              if (prepared.id !== undefined) url = url.replace(':id', prepared.id);
              if (prepared.body !== undefined) body = prepared.body;
            } else if (p.target !== undefined && 'record' in p.target) {
              const rec = await repo.create(p.target.record, { title: `m${c.n}`, releasability: label, body: {} });
              if (p.target.record === 'drift_run') await queueJobFor(rec.id, label);
              url = url.replace(':id', rec.id);
            } else if (p.target !== undefined && 'job' in p.target) {
              const state = p.target.job;
              const jobId = await db.transaction().execute((trx) =>
                jobs.enqueueIn(trx, {
                  kind: 'matrix',
                  recordId: 'none',
                  ownerNation: 'KR',
                  releasability: label,
                  createdBy: owner.userId,
                  input: {},
                }),
              );
              if (state !== 'queued') {
                await db.updateTable('jobs').set({ status: state, attempt: 1 }).where('id', '=', jobId).execute();
                if (state === 'succeeded') {
                  await db
                    .insertInto('job_results')
                    .values({ job_id: jobId, attempt: 1, result: '{}', created_at: new Date().toISOString() })
                    .execute();
                }
              }
              url = url.replace(':id', jobId);
            } else if (p.target !== undefined && 'bodyScenario' in p.target) {
              const sc = await repo.create('scenario', { title: `s${c.n}`, releasability: label, body: SCENARIO_DOC });
              body = { scenarioId: sc.id };
            } else if (p.target !== undefined && 'bodyDriftRun' in p.target) {
              const run = await repo.create('drift_run', { title: `m${c.n}`, releasability: label, body: {} });
              await queueJobFor(run.id, label);
              body = { ...(body as object), driftRunId: run.id };
            }
            const session = p.freshSession
              ? await t.login(`${nation.toLowerCase()}-${role}`)
              : cookies.get(`${nation}-${role}`);
            if (session === undefined) throw new Error('no session');
            const headers: Record<string, string> =
              p.who === 'public' ? {} : { cookie: session.cookie, 'x-csrf-token': session.csrf };
            const res = await t.tandem.app.inject({
              method: route.method,
              url,
              headers,
              ...(body === undefined ? {} : { payload: body as object }),
            });
            const targeted = p.setup !== undefined ? p.untargeted !== true : p.target !== undefined;
            const visible = !targeted || label !== 'national' || nation === 'KR';
            let expected: string;
            if (!allowed(p, role)) expected = '403';
            else if (!visible) expected = '404';
            else if (p.ownerOnly === true && nation !== 'KR') expected = '403';
            else expected = '2xx';
            let got = res.statusCode >= 200 && res.statusCode < 300 ? '2xx' : String(res.statusCode);
            if (p.gateOnly === true && expected === '2xx' && ![401, 403, 404].includes(res.statusCode)) got = '2xx';
            if (p.gateOnly === true && p.who === 'public' && res.statusCode === 404) got = '2xx';
            if (got !== expected)
              failures.push(
                `${id} ${nation}-${role} ${label}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
              );
            if (id === 'POST /api/auth/totp') {
              await db
                .updateTable('users')
                .set({ totp_secret: null })
                .where('username', '=', `${nation.toLowerCase()}-${role}`)
                .execute();
            }
            if (expected === '404') {
              assert.doesNotMatch(res.body, /m\d+|s\d+"/, 'a 404 body says nothing about the record');
            }
          }
        }
      }
    }
    assert.deepEqual(failures.slice(0, 30), [], `${failures.length} mismatches`);
    assert.ok(n > 1000, `ran ${n} combinations`);
  });
});
