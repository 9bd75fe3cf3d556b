/**
 * SAR records: scenarios, drift runs, plans and data files. The same list/get/update/delete/label/export
 * routes for each kind; creation differs (a drift run is created from a scenario and queues a job).
 */
import { randomUUID } from 'node:crypto';
import { parseDriftScenario } from '@tandem/core';
import type { RecordKind, Releasability } from '../db/schema.ts';
import { SAR_EDITORS, SAR_READERS } from '../auth/roles.ts';
import { ID_PARAMS, PAGE_QUERY, RELEASABILITY_SCHEMA } from './route-spec.ts';
import type { PageQuery, RouteSpec } from './route-spec.ts';

/** URL segment → record kind. */
export const RECORD_PATHS: Readonly<Record<string, RecordKind>> = {
  scenarios: 'scenario',
  'drift-runs': 'drift_run',
  plans: 'plan',
  'data-files': 'data_file',
};

const DOCUMENT = { type: 'object', maxProperties: 500 } as const;
const TITLE = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const CREATE_RECORD_BODY = {
  type: 'object',
  required: ['title', 'releasability', 'body'],
  additionalProperties: false,
  properties: {
    title: TITLE,
    releasability: RELEASABILITY_SCHEMA,
    body: DOCUMENT,
    derivedFrom: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 64 } },
  },
} as const;

export const UPDATE_RECORD_BODY = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { title: TITLE, body: DOCUMENT, version: { type: 'integer', minimum: 1 } },
} as const;

export const RELEASABILITY_BODY = {
  type: 'object',
  required: ['releasability', 'reason'],
  additionalProperties: false,
  properties: { releasability: RELEASABILITY_SCHEMA, reason: { type: 'string', minLength: 1, maxLength: 1000 } },
} as const;

export const DRIFT_RUN_BODY = {
  type: 'object',
  required: ['scenarioId'],
  additionalProperties: false,
  properties: {
    scenarioId: { type: 'string', minLength: 1, maxLength: 64 },
    title: TITLE,
    releasability: RELEASABILITY_SCHEMA,
  },
} as const;

interface CreateBody {
  title: string;
  releasability: Releasability;
  body: Record<string, unknown>;
  derivedFrom?: string[];
}

/** Checks a record's document for its kind; a scenario must parse as a drift scenario. */
function validateDocument(kind: RecordKind, body: unknown): void {
  if (kind === 'scenario') parseDriftScenario(body);
}

function perKind(path: string, kind: RecordKind): RouteSpec[] {
  const base = `/api/${path}`;
  const tags = ['records'];
  const target = { record: kind } as const;
  const routes: RouteSpec[] = [
    {
      method: 'GET',
      url: base,
      summary: `List ${path} visible to you (with total count; q filters by title)`,
      tags,
      access: { roles: SAR_READERS },
      target: { none: true },
      schema: { querystring: PAGE_QUERY },
      handler: async (req, _reply, ctx) => {
        const q = req.query as PageQuery;
        return ctx.records().list(kind, q);
      },
    },
    {
      method: 'GET',
      url: `${base}/:id`,
      summary: `One of the ${path}`,
      tags,
      access: { roles: SAR_READERS },
      target,
      schema: { params: ID_PARAMS },
      handler: async (req, _reply, ctx) => ctx.records().get(kind, (req.params as { id: string }).id),
    },
    {
      method: 'PATCH',
      url: `${base}/:id`,
      summary: `Edit one of the ${path} (owner nation; optional optimistic version check)`,
      tags,
      access: { roles: SAR_EDITORS },
      target,
      schema: { params: ID_PARAMS, body: UPDATE_RECORD_BODY },
      handler: async (req, _reply, ctx) => {
        const b = req.body as { title?: string; body?: unknown; version?: number };
        if (b.body !== undefined) validateDocument(kind, b.body);
        const patch: { title?: string; body?: unknown; expectedVersion?: number } = {};
        if (b.title !== undefined) patch.title = b.title;
        if (b.body !== undefined) patch.body = b.body;
        if (b.version !== undefined) patch.expectedVersion = b.version;
        return ctx.records().update(kind, (req.params as { id: string }).id, patch);
      },
    },
    {
      method: 'DELETE',
      url: `${base}/:id`,
      summary: `Delete one of the ${path} (owner nation)`,
      tags,
      access: { roles: SAR_EDITORS },
      target,
      okStatus: 204,
      schema: { params: ID_PARAMS },
      handler: async (req, reply, ctx) => {
        await ctx.records().delete(kind, (req.params as { id: string }).id);
        return reply.code(204).send();
      },
    },
    {
      method: 'POST',
      url: `${base}/:id/releasability`,
      summary: 'Change the releasability label (lowering needs an administrator of the owner nation; audited)',
      tags,
      access: { roles: SAR_EDITORS },
      target,
      schema: { params: ID_PARAMS, body: RELEASABILITY_BODY },
      handler: async (req, _reply, ctx) => {
        const b = req.body as { releasability: Releasability; reason: string };
        return ctx.records().setReleasability(kind, (req.params as { id: string }).id, b.releasability, b.reason);
      },
    },
    {
      method: 'GET',
      url: `${base}/:id/export`,
      summary: `Export one of the ${path} as a JSON file (with its job result, if any)`,
      tags,
      access: { roles: SAR_READERS },
      target,
      schema: { params: ID_PARAMS },
      handler: async (req, reply, ctx) => {
        const rec = await ctx.records().get(kind, (req.params as { id: string }).id);
        const jobRow = await ctx.database.db
          .selectFrom('jobs')
          .select(['id'])
          .where('record_id', '=', rec.id)
          .orderBy('created_at', 'desc')
          .executeTakeFirst();
        const result = jobRow === undefined ? undefined : (await ctx.jobs.result(ctx.actor, jobRow.id)).result;
        void reply.header('content-disposition', `attachment; filename="${kind}-${rec.id}.json"`);
        return { record: rec, result: result ?? null };
      },
    },
  ];
  if (kind !== 'drift_run') {
    routes.push({
      method: 'POST',
      url: base,
      summary: `Create one of the ${path} (derived records take the most restrictive label of their inputs)`,
      tags,
      access: { roles: SAR_EDITORS },
      target: { none: true },
      okStatus: 201,
      schema: { body: CREATE_RECORD_BODY },
      handler: async (req, reply, ctx) => {
        const b = req.body as CreateBody;
        validateDocument(kind, b.body);
        const rec = await ctx.records().create(kind, {
          title: b.title,
          releasability: b.releasability,
          body: b.body,
          derivedFrom: b.derivedFrom ?? [],
        });
        void reply.code(201);
        return rec;
      },
    });
  } else {
    routes.push({
      method: 'POST',
      url: base,
      summary: 'Start a drift run of a scenario: creates the run record and queues its job',
      tags,
      access: { roles: SAR_EDITORS },
      target: { none: true },
      okStatus: 202,
      schema: { body: DRIFT_RUN_BODY },
      handler: async (req, reply, ctx) => {
        const b = req.body as { scenarioId: string; title?: string; releasability?: Releasability };
        const repo = ctx.records();
        const created = await ctx.database.db.transaction().execute(async (trx) => {
          const scenario = await repo.get('scenario', b.scenarioId, trx);
          const id = randomUUID();
          const rec = await repo.createIn(
            trx,
            'drift_run',
            {
              title: b.title ?? `Drift: ${scenario.title}`,
              releasability: b.releasability ?? scenario.releasability,
              body: { scenarioId: scenario.id, status: 'queued' },
              derivedFrom: [scenario.id],
            },
            id,
          );
          const jobId = await ctx.jobs.enqueueIn(trx, {
            kind: 'drift',
            recordId: id,
            ownerNation: rec.ownerNation,
            releasability: rec.releasability,
            createdBy: ctx.actor.userId,
            input: { scenario: scenario.body, scenarioId: scenario.id },
          });
          return { record: rec, jobId };
        });
        ctx.jobQueued();
        void reply.code(202);
        return created;
      },
    });
  }
  return routes;
}

export const recordRoutes: readonly RouteSpec[] = [
  ...Object.entries(RECORD_PATHS).flatMap(([path, kind]) => perKind(path, kind)),
  {
    method: 'GET',
    url: '/api/search',
    summary: 'Search all SAR records visible to you by title',
    tags: ['records'],
    access: { roles: SAR_READERS },
    target: { none: true },
    schema: { querystring: PAGE_QUERY },
    handler: async (req, _reply, ctx) => ctx.records().list(undefined, req.query as PageQuery),
  },
  {
    method: 'GET',
    url: '/api/counts',
    summary: 'Number of SAR records of each kind visible to you',
    tags: ['records'],
    access: { roles: SAR_READERS },
    target: { none: true },
    handler: async (_req, _reply, ctx) => {
      const repo = ctx.records();
      const out: Record<string, number> = {};
      for (const [path, kind] of Object.entries(RECORD_PATHS)) out[path] = await repo.count(kind);
      return out;
    },
  },
];
