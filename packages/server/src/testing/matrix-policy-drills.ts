/**
 * Authorization policy of the drills routes, for the authorization matrix test. Written from the contract
 * (docs/domain/drills-api.md), not from the route file: READ every SAR reader, PLAY planners + CONTROL, CONTROL
 * administrators and exercise controllers, EVALUATE CONTROL + evaluators; delete is for the owner nation; other
 * writes are open to both nations on a drill they can see (a bilateral drill is run and played by both).
 * Targets are small drills (missing-diver, 30 min, 100 planning particles) owned by KR with the case's label, in the
 * status the route needs; routes that change the status get a fresh drill per case.
 */
import { randomUUID } from 'node:crypto';
import { findDrillTemplate, suggestRating } from '@tandem/core';
import type { Role } from '../auth/roles.ts';
import type { Releasability } from '../db/schema.ts';
import { drillLandMask } from '../drills/drill-land.ts';
import { drillSpecOf } from '../drills/drill-record.ts';
import type { DrillBody, DrillStatus } from '../drills/drill-record.ts';
import { rebuildSession } from '../drills/drill-sessions.ts';
import { newDrillBody } from '../drills/drill-service.ts';
import type { Case, Policy, SetupEnv } from './matrix-policy.ts';

const READ: Role[] = ['administrator', 'sar_planner', 'exercise_controller', 'evaluator', 'observer', 'viewer'];
const PLAY: Role[] = ['administrator', 'sar_planner', 'exercise_controller'];
const CONTROL: Role[] = ['administrator', 'exercise_controller'];
const EVALUATE: Role[] = ['administrator', 'exercise_controller', 'evaluator'];

/** The template of the matrix drills and its first objective. */
export const MATRIX_TEMPLATE = 'missing-diver';
export const MATRIX_OBJECTIVE = findDrillTemplate(MATRIX_TEMPLATE).objectives[0]?.id ?? 'obj-plan';
/** A contingency inject of the template, held in reserve. */
export const MATRIX_HELD_INJECT = 'contingency-info';

/** A KR-owned drill record in `status` (finished: at 30 min with its summary), created through `env.repo`. */
export async function createTestDrill(
  env: Pick<SetupEnv, 'repo'>,
  label: Releasability,
  status: DrillStatus,
  title = 'matrix drill',
): Promise<{ id: string; body: DrillBody }> {
  const id = randomUUID();
  const land = await drillLandMask();
  const base = await newDrillBody(
    {
      title,
      releasability: label,
      template: MATRIX_TEMPLATE,
      seed: 11,
      durationS: 1800,
      planningParticles: 100,
      startUtc: '2026-06-01T00:00:00Z',
    },
    id,
  );
  const nowS = Date.now() / 1000;
  let body: DrillBody = base;
  if (status === 'running')
    body = { ...base, status, clockFactor: 1, clock: { anchorDrillS: 600, anchorWallS: nowS, factor: 1 } };
  if (status === 'paused') body = { ...base, status, clock: { anchorDrillS: 600, anchorWallS: nowS, factor: 0 } };
  if (status === 'finished') {
    const spec = drillSpecOf(id, base, land);
    const summary = rebuildSession(spec, land, [], 1800).session.summary();
    body = {
      ...base,
      status,
      clock: { anchorDrillS: 1800, anchorWallS: nowS, factor: 0 },
      finishedAtS: 1800,
      finishedUtc: new Date(nowS * 1000).toISOString(),
      summary,
    };
  }
  await env.repo.create('drill', { title, releasability: label, body }, id);
  return { id, body };
}

const shared = new Map<string, string>();

/** One drill per (status, label) for routes that do not change it. */
function cached(status: DrillStatus): NonNullable<Policy['setup']> {
  return async (c: Case, env: SetupEnv) => {
    const key = `${status}-${c.label}`;
    let id = shared.get(key);
    if (id === undefined) {
      id = (await createTestDrill(env, c.label, status)).id;
      shared.set(key, id);
    }
    return { id };
  };
}

/** A fresh drill per case (routes that change the status or close an action). */
function fresh(status: DrillStatus, body?: (id: string, d: DrillBody) => unknown): NonNullable<Policy['setup']> {
  return async (c: Case, env: SetupEnv) => {
    const d = await createTestDrill(env, c.label, status);
    return body === undefined ? { id: d.id } : { id: d.id, body: body(d.id, d.body) };
  };
}

/** The first objective a finished matrix drill did not meet (its corrective action is open). */
function openActionId(id: string, d: DrillBody): string {
  const tpl = findDrillTemplate(MATRIX_TEMPLATE);
  const summary = d.summary;
  const o = summary === null ? undefined : tpl.objectives.find((q) => suggestRating(q, summary) !== 'P');
  return `${id}:${o?.id ?? MATRIX_OBJECTIVE}`;
}

export const DRILL_POLICY: Record<string, Policy> = {
  'GET /api/drill-templates': { who: READ },
  'POST /api/drills': {
    who: CONTROL,
    body: (c) => ({
      title: `d${c.n}`,
      releasability: c.label,
      template: MATRIX_TEMPLATE,
      durationS: 1800,
      planningParticles: 100,
    }),
  },
  'GET /api/drills': { who: READ },
  'GET /api/drill-trends': { who: READ },
  'GET /api/drills/:id': { who: READ, setup: cached('setup') },
  'DELETE /api/drills/:id': { who: CONTROL, ownerOnly: true, setup: fresh('setup') },
  'POST /api/drills/:id/start': { who: CONTROL, setup: fresh('setup', () => ({ clockFactor: 60 })) },
  'POST /api/drills/:id/pause': { who: CONTROL, setup: fresh('running') },
  'POST /api/drills/:id/resume': { who: CONTROL, setup: fresh('paused', () => ({ clockFactor: 10 })) },
  'POST /api/drills/:id/advance': { who: CONTROL, setup: fresh('paused', () => ({ toS: 1200 })) },
  'POST /api/drills/:id/finish': { who: CONTROL, setup: fresh('paused') },
  'GET /api/drills/:id/player': { who: READ, setup: cached('paused') },
  'POST /api/drills/:id/actions': {
    who: PLAY,
    setup: async (c, env) => ({
      ...(await cached('paused')(c, env)),
      body: { actions: [{ kind: 'message', to: 'JCG RCC', text: `SITREP ${c.n}` }] },
    }),
  },
  'POST /api/drills/:id/proposal': { who: PLAY, setup: cached('paused') },
  'GET /api/drills/:id/control': { who: EVALUATE, setup: cached('paused') },
  'POST /api/drills/:id/injects': {
    who: CONTROL,
    setup: async (c, env) => ({
      ...(await cached('paused')(c, env)),
      body: { text: { en: `Inject ${c.n}`, ko: `상황 ${c.n}`, ja: `状況 ${c.n}` } },
    }),
  },
  'POST /api/drills/:id/injects/release': {
    who: CONTROL,
    setup: fresh('paused', () => ({ injectId: MATRIX_HELD_INJECT })),
  },
  'POST /api/drills/:id/evaluations': {
    who: EVALUATE,
    setup: async (c, env) => ({
      ...(await cached('paused')(c, env)),
      body: { objectiveId: MATRIX_OBJECTIVE, rating: 'S', observations: [] },
    }),
  },
  'GET /api/drills/:id/report': { who: READ, setup: cached('finished') },
  'GET /api/drills/:id/report.html': { who: READ, setup: cached('finished') },
  'GET /api/drills/:id/report.pdf': { who: READ, setup: cached('finished') },
  'GET /api/drills/:id/replay': { who: READ, setup: cached('finished') },
  'POST /api/drills/:id/corrective-actions/close': {
    who: CONTROL,
    setup: fresh('finished', (id, d) => ({ actionId: openActionId(id, d), note: 'confirmed fixed' })),
  },
};
