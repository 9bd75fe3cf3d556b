/**
 * Dialogue routes (issue 8): S&T and AI dialogue series, sessions and action items; the AI use register with its
 * administrator switch; commitments, the follow-through view and the public summary. Everything goes through the
 * labelled-record store (releasability and audit); policies in testing/matrix-policy-dialogues.ts.
 */
import { randomUUID } from 'node:crypto';
import {
  NATO_PRINCIPLES,
  NATO_PRINCIPLES_SOURCE,
  POLITICAL_DECLARATION_MEASURES,
  POLITICAL_DECLARATION_SOURCE,
  REAIM_SECTIONS,
  REAIM_SOURCE,
  TandemError,
  registerGaps,
} from '@tandem/core';
import type { AiUseEntry } from '@tandem/core';
import type { Releasability } from '../db/schema.ts';
import type { Role } from '../auth/roles.ts';
import { ID_PARAMS, RELEASABILITY_SCHEMA } from './route-spec.ts';
import { RELEASABILITY_BODY } from './record-routes.ts';
import type { RequestContext, RouteSpec } from './route-spec.ts';
import { DialogueService } from '../dialogues/dialogue-service.ts';
import type {
  EvidenceInput,
  NewActionItemInput,
  NewSeriesInput,
  NewSessionInput,
} from '../dialogues/dialogue-service.ts';
import { ACTIVITY_KINDS, readLocalized } from '../dialogues/record-reading.ts';
import { buildFollowThrough } from '../dialogues/follow-through-service.ts';
import { publicSummary } from '../dialogues/public-summary.ts';
import { aiSwitchState, setAiFeatureSwitch } from '../dialogues/ai-switch.ts';

/** Who records dialogues, action items, commitments and register entries. */
export const DIALOGUE_EDITORS: readonly Role[] = ['administrator', 'dialogue_secretariat'];
/** Who reads them (and the follow-through dashboard). */
export const DIALOGUE_READERS: readonly Role[] = [
  'administrator',
  'dialogue_secretariat',
  'viewer',
  'observer',
  'exchange_officer',
];

const TEXT = { type: 'string', minLength: 1, maxLength: 2000 } as const;
const SHORT = { type: 'string', minLength: 1, maxLength: 200 } as const;
const LOCALIZED = {
  anyOf: [
    TEXT,
    {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: {
        en: { type: 'string', maxLength: 2000 },
        ko: { type: 'string', maxLength: 2000 },
        ja: { type: 'string', maxLength: 2000 },
      },
    },
  ],
} as const;
const EPOCH_S = { type: 'number', minimum: 0, maximum: 32503680000 } as const;
const SIDE = { type: 'string', enum: ['KR', 'JP'] } as const;
const IDS = { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 64 } } as const;
const EVIDENCE = {
  type: 'object',
  required: ['reference'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['document', 'minutes', 'report', 'photo', 'link', 'record', 'test-result'] },
    reference: { type: 'string', minLength: 1, maxLength: 1000 },
    description: { type: 'string', maxLength: 2000 },
  },
} as const;
const EVIDENCE_LIST = { type: 'array', maxItems: 20, items: EVIDENCE } as const;
const OWNER = {
  type: 'object',
  required: ['name', 'organisation'],
  additionalProperties: false,
  properties: { name: SHORT, organisation: { type: 'string', maxLength: 200 } },
} as const;
const ACTION_ITEM = {
  type: 'object',
  required: ['title', 'owners', 'dueUtc'],
  additionalProperties: false,
  properties: {
    title: LOCALIZED,
    owners: {
      type: 'object',
      required: ['KR', 'JP'],
      additionalProperties: false,
      properties: { KR: OWNER, JP: OWNER },
    },
    dueUtc: EPOCH_S,
    commitmentIds: IDS,
  },
} as const;

export const SERIES_BODY = {
  type: 'object',
  required: ['title', 'area', 'releasability'],
  additionalProperties: false,
  properties: {
    title: LOCALIZED,
    area: { type: 'string', enum: ['science-technology', 'artificial-intelligence', 'defense-industry', 'other'] },
    cadenceDays: { type: 'number', minimum: 1, maximum: 3660 },
    releasability: RELEASABILITY_SCHEMA,
  },
} as const;

export const SESSION_BODY = {
  type: 'object',
  required: ['seriesId', 'title', 'startUtc', 'endUtc', 'location', 'releasability', 'participants'],
  additionalProperties: false,
  properties: {
    seriesId: { type: 'string', minLength: 1, maxLength: 64 },
    title: LOCALIZED,
    startUtc: EPOCH_S,
    endUtc: EPOCH_S,
    location: LOCALIZED,
    releasability: RELEASABILITY_SCHEMA,
    agenda: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        required: ['title'],
        additionalProperties: false,
        properties: { title: LOCALIZED, presenterSide: SIDE },
      },
    },
    participants: {
      type: 'array',
      minItems: 2,
      maxItems: 200,
      items: {
        type: 'object',
        required: ['name', 'side', 'role'],
        additionalProperties: false,
        properties: {
          name: SHORT,
          organisation: { type: 'string', maxLength: 200 },
          side: { type: 'string', enum: ['KR', 'JP', 'observer'] },
          role: { type: 'string', enum: ['co-chair', 'delegate', 'expert', 'secretariat', 'observer'] },
        },
      },
    },
    decisions: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: { text: LOCALIZED, agendaIndex: { type: 'integer', minimum: 0, maximum: 49 } },
      },
    },
    actionItems: { type: 'array', maxItems: 100, items: ACTION_ITEM },
    minutes: EVIDENCE_LIST,
    commitmentIds: IDS,
  },
} as const;

export const EVIDENCE_BODY = {
  type: 'object',
  required: ['evidence'],
  additionalProperties: false,
  properties: { evidence: { ...EVIDENCE_LIST, minItems: 1 } },
} as const;

export const MINUTES_BODY = {
  type: 'object',
  required: ['minutes'],
  additionalProperties: false,
  properties: { minutes: { ...EVIDENCE_LIST, minItems: 1 } },
} as const;

export const DROP_BODY = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 1000 } },
} as const;

export const SWITCH_BODY = {
  type: 'object',
  required: ['enabled', 'reason'],
  additionalProperties: false,
  properties: { enabled: { type: 'boolean' }, reason: { type: 'string', minLength: 1, maxLength: 1000 } },
} as const;

export const COMMITMENT_BODY = {
  type: 'object',
  required: ['area', 'title', 'source', 'releasability'],
  additionalProperties: false,
  properties: {
    area: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' },
    title: LOCALIZED,
    source: { type: 'string', minLength: 1, maxLength: 500 },
    statement: { type: 'string', maxLength: 5000 },
    cadenceDays: { type: 'number', minimum: 1, maximum: 3660 },
    activityIds: IDS,
    releasability: RELEASABILITY_SCHEMA,
  },
} as const;

const AS_OF_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { asOf: { type: 'string', maxLength: 40 } },
} as const;

/** `asOf` as epoch seconds or an ISO-8601 time; now when absent. */
function parseAsOf(q: { asOf?: string }): number {
  if (q.asOf === undefined || q.asOf === '') return Math.floor(Date.now() / 1000);
  const n = /^\d+(\.\d+)?$/.test(q.asOf) ? Number(q.asOf) : Date.parse(q.asOf) / 1000;
  if (!Number.isFinite(n))
    throw new TandemError('INVALID_INPUT', 'asOf must be epoch seconds or an ISO-8601 UTC time', 'asOf');
  return Math.floor(n);
}

function service(ctx: RequestContext): DialogueService {
  return new DialogueService(ctx.database, ctx.records(), ctx.actor);
}

const id = (req: { params: unknown }): string => (req.params as { id: string }).id;

/** A register entry record with its gaps and switch state. */
async function registerView(
  ctx: RequestContext,
  rec: { id: string; body: unknown; ownerNation: string; releasability: string },
) {
  const entry = rec.body as AiUseEntry;
  const gaps = registerGaps({
    ...entry,
    intendedUses: entry.intendedUses ?? [],
    excludedUses: entry.excludedUses ?? [],
    validationEvidence: entry.validationEvidence ?? [],
    nato: entry.nato ?? {},
    humanApproval: entry.humanApproval ?? { approverRole: '', description: { en: '', ko: '', ja: '' } },
    adminSwitch: entry.adminSwitch ?? { settingKey: '', enabledByDefault: true },
  } as AiUseEntry);
  return {
    recordId: rec.id,
    ownerNation: rec.ownerNation,
    releasability: rec.releasability,
    entry,
    gaps,
    switch: await aiSwitchState(ctx.database, entry.id ?? rec.id),
  };
}

const tags = ['dialogues'];

export const dialogueRoutes: readonly RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/dialogue-series',
    summary: 'Dialogue series visible to you',
    tags,
    access: { roles: DIALOGUE_READERS },
    target: { none: true },
    handler: async (_req, _reply, ctx) => ({ items: await ctx.records().listAll('dialogue_series') }),
  },
  {
    method: 'POST',
    url: '/api/dialogue-series',
    summary: 'Create a dialogue series (title, area, intended cadence)',
    tags,
    access: { roles: DIALOGUE_EDITORS },
    target: { none: true },
    okStatus: 201,
    schema: { body: SERIES_BODY },
    handler: async (req, reply, ctx) => {
      const rec = await service(ctx).createSeries(req.body as NewSeriesInput);
      void reply.code(201);
      return rec;
    },
  },
  {
    method: 'GET',
    url: '/api/dialogue-sessions',
    summary: 'Dialogue sessions visible to you, newest first, each with its visible action items',
    tags,
    access: { roles: DIALOGUE_READERS },
    target: { none: true },
    handler: async (_req, _reply, ctx) => ({ items: await service(ctx).listSessions() }),
  },
  {
    method: 'POST',
    url: '/api/dialogue-sessions',
    summary:
      'Record a session: agenda, participants of both sides, decisions, minutes and action items (an owner on each side, a due date); one transaction',
    tags,
    access: { roles: DIALOGUE_EDITORS },
    target: { none: true },
    okStatus: 201,
    schema: { body: SESSION_BODY },
    handler: async (req, reply, ctx) => {
      const view = await service(ctx).createSession(req.body as NewSessionInput);
      void reply.code(201);
      return view;
    },
  },
  {
    method: 'GET',
    url: '/api/dialogue-sessions/:id',
    summary: 'One session with its visible action items',
    tags,
    access: { roles: DIALOGUE_READERS },
    target: { record: 'dialogue_session' },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => service(ctx).getSession(id(req)),
  },
  {
    method: 'POST',
    url: '/api/dialogue-sessions/:id/minutes',
    summary: 'Add minutes (evidence that the session was held; owner nation)',
    tags,
    access: { roles: DIALOGUE_EDITORS },
    target: { record: 'dialogue_session' },
    schema: { params: ID_PARAMS, body: MINUTES_BODY },
    handler: async (req, _reply, ctx) =>
      service(ctx).addMinutes(id(req), (req.body as { minutes: EvidenceInput[] }).minutes),
  },
  {
    method: 'POST',
    url: '/api/dialogue-sessions/:id/releasability',
    summary:
      'Relabel a session and its action items (owner nation; lowering needs an administrator of the owner nation; audited)',
    tags,
    access: { roles: DIALOGUE_EDITORS },
    target: { record: 'dialogue_session' },
    schema: { params: ID_PARAMS, body: RELEASABILITY_BODY },
    handler: async (req, _reply, ctx) => {
      const b = req.body as { releasability: Releasability; reason: string };
      return service(ctx).setSessionReleasability(id(req), b.releasability, b.reason);
    },
  },
  {
    method: 'POST',
    url: '/api/dialogue-sessions/:id/action-items',
    summary: 'Add an action item to a session (owner nation; owners on both sides)',
    tags,
    access: { roles: DIALOGUE_EDITORS },
    target: { record: 'dialogue_session' },
    okStatus: 201,
    schema: { params: ID_PARAMS, body: ACTION_ITEM },
    handler: async (req, reply, ctx) => {
      const v = await service(ctx).addActionItem(id(req), req.body as NewActionItemInput);
      void reply.code(201);
      return v;
    },
  },
  {
    method: 'GET',
    url: '/api/action-items',
    summary: 'Action items visible to you by due date, with an overdue flag (asOf: epoch s or ISO time; default now)',
    tags,
    access: { roles: DIALOGUE_READERS },
    target: { none: true },
    schema: { querystring: AS_OF_QUERY },
    handler: async (req, _reply, ctx) => ({
      items: await service(ctx).listActionItems(parseAsOf(req.query as { asOf?: string })),
    }),
  },
  {
    method: 'GET',
    url: '/api/action-items/overdue',
    summary: 'Open action items past their due date, most overdue first',
    tags,
    access: { roles: DIALOGUE_READERS },
    target: { none: true },
    schema: { querystring: AS_OF_QUERY },
    handler: async (req, _reply, ctx) => ({
      items: (await service(ctx).listActionItems(parseAsOf(req.query as { asOf?: string }))).filter((v) => v.overdue),
    }),
  },
  {
    method: 'POST',
    url: '/api/action-items/:id/complete-side',
    summary:
      "Mark YOUR nation's side of an action item done with evidence; allowed on the partner's items you can see (audited)",
    tags,
    access: { roles: DIALOGUE_EDITORS },
    target: { record: 'action_item' },
    schema: { params: ID_PARAMS, body: EVIDENCE_BODY },
    handler: async (req, _reply, ctx) =>
      service(ctx).completeSide(id(req), (req.body as { evidence: EvidenceInput[] }).evidence),
  },
  {
    method: 'POST',
    url: '/api/action-items/:id/drop',
    summary: 'Drop an open action item with a reason (owner nation)',
    tags,
    access: { roles: DIALOGUE_EDITORS },
    target: { record: 'action_item' },
    schema: { params: ID_PARAMS, body: DROP_BODY },
    handler: async (req, _reply, ctx) => service(ctx).dropItem(id(req), (req.body as { reason: string }).reason),
  },
  {
    method: 'GET',
    url: '/api/ai-register',
    summary: 'The AI use register: each AI-assisted feature with its framework mapping, gaps and switch state',
    tags,
    access: { roles: DIALOGUE_READERS },
    target: { none: true },
    handler: async (_req, _reply, ctx) => {
      const recs = await ctx.records().listAll('ai_use_entry');
      return {
        items: await Promise.all(recs.map((r) => registerView(ctx, r))),
        frameworks: {
          nato: { source: NATO_PRINCIPLES_SOURCE, items: NATO_PRINCIPLES },
          reaim: { source: REAIM_SOURCE, items: REAIM_SECTIONS },
          politicalDeclaration: { source: POLITICAL_DECLARATION_SOURCE, items: POLITICAL_DECLARATION_MEASURES },
        },
      };
    },
  },
  {
    method: 'GET',
    url: '/api/ai-register/:id',
    summary: 'One register entry with its gaps and switch state',
    tags,
    access: { roles: DIALOGUE_READERS },
    target: { record: 'ai_use_entry' },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => registerView(ctx, await ctx.records().get('ai_use_entry', id(req))),
  },
  {
    method: 'POST',
    url: '/api/ai-register/:id/switch',
    summary: 'Turn an AI-assisted feature off or on (administrator; reason required; audited)',
    tags,
    access: { roles: ['administrator'] },
    target: { record: 'ai_use_entry' },
    schema: { params: ID_PARAMS, body: SWITCH_BODY },
    handler: async (req, _reply, ctx) => {
      const rec = await ctx.records().get('ai_use_entry', id(req));
      const b = req.body as { enabled: boolean; reason: string };
      const featureId = (rec.body as Partial<AiUseEntry>).id ?? rec.id;
      await setAiFeatureSwitch(ctx.database, ctx.actor, featureId, b.enabled, b.reason.trim());
      return registerView(ctx, rec);
    },
  },
  {
    method: 'GET',
    url: '/api/commitments',
    summary: 'Commitments visible to you (e.g. the three areas of a joint statement)',
    tags,
    access: { roles: DIALOGUE_READERS },
    target: { none: true },
    handler: async (_req, _reply, ctx) => {
      const repo = ctx.records();
      const recs = await repo.listAll('commitment');
      const visible = new Set((await Promise.all(ACTIVITY_KINDS.map((k) => repo.listAll(k)))).flat().map((r) => r.id));
      return {
        items: recs.map((r) => {
          const b = r.body as { title?: unknown; activityIds?: unknown };
          const ids = Array.isArray(b.activityIds) ? (b.activityIds as unknown[]) : [];
          return {
            ...(r.body as object),
            id: r.id,
            ownerNation: r.ownerNation,
            releasability: r.releasability,
            title: readLocalized(b.title, r.title),
            // Links to records the caller cannot see are left out: their ids would reveal that they exist.
            activityIds: ids.filter((x): x is string => typeof x === 'string' && visible.has(x)),
          };
        }),
      };
    },
  },
  {
    method: 'POST',
    url: '/api/commitments',
    summary: 'Record a commitment (area, title, source paragraph, expected cadence, linked activities)',
    tags,
    access: { roles: DIALOGUE_EDITORS },
    target: { none: true },
    okStatus: 201,
    schema: { body: COMMITMENT_BODY },
    handler: async (req, reply, ctx) => {
      const b = req.body as {
        area: string;
        title: string | Record<string, string>;
        source: string;
        statement?: string;
        cadenceDays?: number;
        activityIds?: string[];
        releasability: Releasability;
      };
      const title = readLocalized(b.title, '');
      if (title.en.trim() === '') throw new TandemError('INVALID_INPUT', 'text is required', 'title');
      const cid = randomUUID();
      const rec = await ctx.records().create(
        'commitment',
        {
          title: title.en,
          releasability: b.releasability,
          body: {
            id: cid,
            area: b.area,
            title,
            source: b.source,
            ...(b.statement === undefined ? {} : { statement: b.statement }),
            ...(b.cadenceDays === undefined ? {} : { cadenceDays: b.cadenceDays }),
            activityIds: b.activityIds ?? [],
          },
        },
        cid,
      );
      void reply.code(201);
      return rec;
    },
  },
  {
    method: 'GET',
    url: '/api/follow-through',
    summary:
      'Follow-through over every record visible to you: per area cadence, on-time rate, overdue, timeline, completed per quarter',
    tags,
    access: { roles: DIALOGUE_READERS },
    target: { none: true },
    schema: { querystring: AS_OF_QUERY },
    handler: async (req, _reply, ctx) => {
      const asOf = parseAsOf(req.query as { asOf?: string });
      const repo = ctx.records();
      const commitments = await repo.listAll('commitment');
      const activities = (await Promise.all(ACTIVITY_KINDS.map((k) => repo.listAll(k)))).flat();
      return buildFollowThrough(commitments, activities, asOf);
    },
  },
  {
    method: 'GET',
    url: '/api/public/summary',
    summary: 'Public summary of the cooperation (no sign-in): from records labelled public only',
    tags,
    access: { public: true },
    target: { none: true },
    schema: { querystring: AS_OF_QUERY },
    handler: async (req, _reply, ctx) => publicSummary(ctx.database, parseAsOf(req.query as { asOf?: string })),
  },
];
