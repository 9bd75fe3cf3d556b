/**
 * Routes the web app needs beyond the record and job API: the built app itself under `/app/`, a drift run's
 * cloud in a compact form for the map, and planning a search on a drift run (with the tracks actually run).
 * Access follows the SAR records: readers may look and plan (planning only computes), editors save plans.
 */
import {
  approveAsPlanOfRecord,
  LEEWAY_CATEGORIES,
  SEARCH_BASES,
  SEARCH_PLAN_OPTIMISER_ENTRY,
  SEARCH_UNIT_TYPES,
  sweepWidthObjects,
} from '@tandem/core';
import { SAR_EDITORS, SAR_READERS } from '../auth/roles.ts';
import { readWebFile } from '../web/web-static.ts';
import { loadDriftRun } from '../web/drift-run-result.ts';
import { planFromDriftRun, planRecordBody } from '../web/web-plan.ts';
import type { WebPlanRequest } from '../web/web-plan.ts';
import { randomUUID } from 'node:crypto';
import { TandemError } from '@tandem/core';
import type { Releasability } from '../db/schema.ts';
import type { PlanJobInput } from '../jobs/plan-executor.ts';
import { ID_PARAMS } from './route-spec.ts';
import type { RouteSpec } from './route-spec.ts';
import { isAiFeatureOn, requireSearchPlanOptimiser } from '../dialogues/ai-switch.ts';

/** Largest total size of uploaded track files in one request, characters. */
const MAX_TRACK_TEXT = 4 * 1024 * 1024;

const WEB_PLAN_BODY = {
  type: 'object',
  required: ['driftRunId', 'atTime', 'units'],
  additionalProperties: false,
  properties: {
    driftRunId: { type: 'string', minLength: 1, maxLength: 64 },
    atTime: { type: 'string', minLength: 10, maxLength: 40 },
    units: {
      type: 'array',
      minItems: 1,
      maxItems: 40,
      items: {
        type: 'object',
        required: ['id', 'nation', 'type', 'baseId'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' },
          nation: { type: 'string', enum: ['KR', 'JP'] },
          type: { type: 'string', minLength: 1, maxLength: 64 },
          baseId: { type: 'string', minLength: 1, maxLength: 64 },
        },
      },
    },
    searchObject: { type: 'string', minLength: 1, maxLength: 100 },
    sortieHours: { type: 'number', minimum: 0.5, maximum: 240 },
    windSpeedMps: { type: 'number', minimum: 0, maximum: 100 },
    visibilityM: { type: 'number', minimum: 1, maximum: 1_000_000 },
    casualty: { type: 'string', maxLength: 200 },
    tracks: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['fileName', 'text'],
        additionalProperties: false,
        properties: {
          fileName: { type: 'string', minLength: 1, maxLength: 200 },
          text: { type: 'string', maxLength: MAX_TRACK_TEXT },
        },
      },
    },
    save: { type: 'boolean' },
  },
} as const;

/** The `plan` job's request: the web planning request (no `save`: the job always stores its plan record). */
const { save: _save, ...PLAN_JOB_PROPERTIES } = WEB_PLAN_BODY.properties;
const PLAN_JOB_BODY = {
  ...WEB_PLAN_BODY,
  properties: {
    ...PLAN_JOB_PROPERTIES,
    title: { type: 'string', minLength: 1, maxLength: 200 },
    releasability: { type: 'string', enum: ['national', 'bilateral', 'public'] },
  },
} as const;

/** Who may make an optimiser plan the plan of record: the SAR mission coordinator's role in Tandem. */
const PLAN_APPROVERS = ['administrator', 'sar_planner'] as const;

const APPROVE_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: { note: { type: 'string', maxLength: 1000 } },
} as const;

const appFile = (path: string): RouteSpec => ({
  method: 'GET',
  url: path,
  summary: 'The web app (built single-page application and its assets)',
  tags: ['web'],
  access: { public: true },
  target: { none: true },
  schema: { hide: true } as never,
  handler: async (req, reply) => {
    const rel = (req.params as { '*'?: string })['*'] ?? '';
    const f = await readWebFile(rel === '' ? 'index.html' : rel);
    void reply.header('cache-control', f.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.type(f.contentType).send(f.body);
  },
});

export const webRoutes: readonly RouteSpec[] = [
  appFile('/app'),
  appFile('/app/*'),
  {
    method: 'GET',
    url: '/api/web/catalogue',
    summary: 'Search objects (Leeway), search unit types and bases of both nations, for the web forms',
    tags: ['web'],
    access: { roles: SAR_READERS },
    target: { none: true },
    handler: async () => ({
      leeway: LEEWAY_CATEGORIES.map((c) => ({ id: c.id, key: c.key, description: c.description })),
      unitTypes: SEARCH_UNIT_TYPES,
      bases: SEARCH_BASES,
      sweepWidthObjects: sweepWidthObjects(),
    }),
  },
  {
    method: 'GET',
    url: '/api/web/drift-runs/:id/cloud',
    summary: "A finished drift run's particle positions at each output time (for the map), degrees to 1e-5",
    tags: ['web'],
    access: { roles: SAR_READERS },
    target: { record: 'drift_run' },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => {
      const { set } = await loadDriftRun(ctx, (req.params as { id: string }).id);
      const r = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 1e5) / 1e5 : null);
      return {
        count: set.count,
        times: Array.from(set.timesS, (t) => new Date(t * 1000).toISOString()),
        lon: Array.from(set.lonDeg, r),
        lat: Array.from(set.latDeg, r),
        status: Array.from(set.status),
      };
    },
  },
  {
    method: 'POST',
    url: '/api/web/plan',
    summary:
      'Plan a search on a drift run with units of both nations (patterns, POD/POS, intercepts, GPX/KML/GeoJSON, ' +
      'messages); with tracks actually run, the Bayesian update and the next plan. `save` stores it as a plan record',
    tags: ['web'],
    access: { roles: SAR_READERS },
    target: { none: true },
    schema: { body: WEB_PLAN_BODY },
    handler: async (req, _reply, ctx) => {
      const body = req.body as WebPlanRequest & { save?: boolean };
      await requireSearchPlanOptimiser(ctx.database);
      const { record, set } = await loadDriftRun(ctx, body.driftRunId);
      const result = planFromDriftRun(set, body);
      let planId: string | null = null;
      if (body.save === true && ctx.actor.roles.some((r) => SAR_EDITORS.includes(r))) {
        const saved = await ctx.records().create('plan', {
          title: `${result.afterSearch === null ? 'Search plan' : 'Next search plan'}: ${record.title}`,
          releasability: record.releasability as 'national' | 'bilateral' | 'public',
          body: planRecordBody(result),
          derivedFrom: [record.id],
        });
        planId = saved.id;
      }
      return { planId, ...result };
    },
  },
  {
    method: 'POST',
    url: '/api/plan-jobs',
    summary:
      'Plan a search on a finished drift run as a job (progress, cancel, retry): the plan record is created now ' +
      '(most restrictive label of the drift run and the requested one) and filled in once, when the job finishes',
    tags: ['jobs', 'web'],
    access: { roles: SAR_EDITORS },
    target: { none: true },
    okStatus: 202,
    schema: { body: PLAN_JOB_BODY },
    handler: async (req, reply, ctx) => {
      const { releasability, title, ...request } = req.body as WebPlanRequest & {
        releasability?: Releasability;
        title?: string;
      };
      await requireSearchPlanOptimiser(ctx.database);
      const repo = ctx.records();
      const created = await ctx.database.db.transaction().execute(async (trx) => {
        const run = await repo.get('drift_run', request.driftRunId, trx);
        const driftJob = await trx
          .selectFrom('jobs')
          .select(['id', 'status'])
          .where('record_id', '=', run.id)
          .orderBy('created_at', 'desc')
          .executeTakeFirst();
        if (driftJob?.status !== 'succeeded') {
          throw new TandemError(
            'CONFLICT',
            `the drift run is ${driftJob?.status ?? 'without a job'}, not finished`,
            'driftRunId',
          );
        }
        const id = randomUUID();
        const rec = await repo.createIn(
          trx,
          'plan',
          {
            title: title ?? `Search plan: ${run.title}`,
            releasability: releasability ?? run.releasability,
            body: { driftRunId: run.id, status: 'queued' },
            derivedFrom: [run.id],
          },
          id,
        );
        const jobId = await ctx.jobs.enqueueIn(trx, {
          kind: 'plan',
          recordId: id,
          ownerNation: rec.ownerNation,
          releasability: rec.releasability,
          createdBy: ctx.actor.userId,
          input: { request, driftJobId: driftJob.id } satisfies PlanJobInput,
        });
        return { record: rec, jobId };
      });
      ctx.jobQueued();
      void reply.code(202);
      return created;
    },
  },
  {
    method: 'POST',
    url: '/api/plans/:id/approve',
    summary:
      'Make an optimiser plan the plan of record: the human approval the AI use register requires (SAR mission ' +
      'coordinator of the owner nation; refused while the optimiser is switched off; audited)',
    tags: ['records', 'web'],
    access: { roles: PLAN_APPROVERS },
    target: { record: 'plan' },
    schema: { params: ID_PARAMS, body: APPROVE_BODY },
    handler: async (req, _reply, ctx) => {
      const { id } = req.params as { id: string };
      const { note } = req.body as { note?: string };
      const repo = ctx.records();
      const plan = await repo.get('plan', id);
      if (plan.ownerNation !== ctx.actor.nation) {
        throw new TandemError('FORBIDDEN', 'only the owner nation approves its plan of record', 'id');
      }
      const body = (plan.body ?? {}) as Record<string, unknown>;
      if (body['summary'] === undefined) {
        throw new TandemError('CONFLICT', 'the plan is not computed yet (its job has not finished)', 'id');
      }
      if (body['planOfRecord'] !== undefined && body['planOfRecord'] !== null) {
        throw new TandemError('CONFLICT', 'this plan is already the plan of record', 'id');
      }
      const enabled = await isAiFeatureOn(ctx.database, SEARCH_PLAN_OPTIMISER_ENTRY.id);
      const approval = approveAsPlanOfRecord(
        SEARCH_PLAN_OPTIMISER_ENTRY,
        { [SEARCH_PLAN_OPTIMISER_ENTRY.adminSwitch.settingKey]: enabled },
        {
          approverRole: SEARCH_PLAN_OPTIMISER_ENTRY.humanApproval.approverRole,
          approverName: ctx.actor.username,
          approvedUtc: Math.floor(Date.now() / 1000),
        },
      );
      return repo.update('plan', id, {
        body: { ...body, planOfRecord: { ...approval, ...(note === undefined ? {} : { note }) } },
        expectedVersion: plan.version,
      });
    },
  },
];
