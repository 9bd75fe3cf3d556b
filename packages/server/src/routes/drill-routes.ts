/**
 * Drill routes (issue 7; contract in docs/domain/drills-api.md). Each route states its access and target; policies
 * in testing/matrix-policy-drills.ts. Players get the player projection only; the truth is behind `/control`
 * (controllers and evaluators) until the drill is finished.
 */
import { TandemError } from '@tandem/core';
import type { DrillLanguage, HseepRating, Observation } from '@tandem/core';
import type { Role } from '../auth/roles.ts';
import { requireSearchPlanOptimiser } from '../dialogues/ai-switch.ts';
import {
  addEvaluation,
  addLiveInject,
  clockOp,
  closeAction,
  controlView,
  createDrill,
  deleteDrill,
  drillReport,
  drillTemplates,
  getDrill,
  listDrills,
  playerViewOf,
  postActions,
  proposal,
  releaseInject,
  replayOf,
  trends,
} from '../drills/drill-service.ts';
import type { CreateDrillRequest, DrillActionInput, LiveInjectInput } from '../drills/drill-service.ts';
import { DRILL_STATUSES } from '../drills/drill-record.ts';
import type { DrillStatus } from '../drills/drill-record.ts';
import { reportHtml } from '../drills/report-html.ts';
import { drillLandMask } from '../drills/drill-land.ts';
import { reportPdf } from '../drills/report-pdf.ts';
import { ID_PARAMS, RELEASABILITY_SCHEMA } from './route-spec.ts';
import type { RouteSpec } from './route-spec.ts';

/** Every SAR reader. */
export const DRILL_READ: readonly Role[] = [
  'administrator',
  'sar_planner',
  'exercise_controller',
  'evaluator',
  'observer',
  'viewer',
];
/** Players (planners) and those who run the drill. */
export const DRILL_PLAY: readonly Role[] = ['administrator', 'sar_planner', 'exercise_controller'];
/** Those who run the drill. */
export const DRILL_CONTROL: readonly Role[] = ['administrator', 'exercise_controller'];
/** Controllers and evaluators (ratings; the truth view). */
export const DRILL_EVALUATE: readonly Role[] = ['administrator', 'exercise_controller', 'evaluator'];

const tags = ['drills'];
const target = { record: 'drill' } as const;
const none = { none: true } as const;

const TEXT = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const DRILL_TEXT = {
  type: 'object',
  required: ['en', 'ko', 'ja'],
  additionalProperties: false,
  properties: { en: TEXT(2000), ko: TEXT(2000), ja: TEXT(2000) },
} as const;
const LON_LAT = {
  type: 'array',
  minItems: 2,
  maxItems: 2,
  items: { type: 'number', minimum: -180, maximum: 180 },
} as const;
const UNIT_ID = TEXT(64);
const FACTOR = { type: 'number', exclusiveMinimum: 0, maximum: 10000 } as const;
const SEED = { type: 'integer', minimum: 0, maximum: 4294967295 } as const;

export const CREATE_DRILL_BODY = {
  type: 'object',
  required: ['title', 'releasability', 'template'],
  additionalProperties: false,
  properties: {
    title: TEXT(200),
    releasability: RELEASABILITY_SCHEMA,
    template: TEXT(100),
    seed: SEED,
    truthSeed: SEED,
    startUtc: TEXT(40),
    clockFactor: FACTOR,
    durationS: { type: 'integer', minimum: 1800, maximum: 7 * 86400 },
    planningParticles: { type: 'integer', minimum: 100, maximum: 5000 },
    objectives: { type: 'array', minItems: 1, maxItems: 20, items: TEXT(64) },
    units: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        required: ['type'],
        additionalProperties: false,
        properties: {
          type: TEXT(64),
          base: TEXT(64),
          noticeS: { type: 'integer', minimum: 0, maximum: 86400 },
        },
      },
    },
  },
} as const;

const ACTION_ITEM = {
  type: 'object',
  oneOf: [
    {
      type: 'object',
      required: ['kind', 'unitId', 'waypoints'],
      additionalProperties: false,
      properties: {
        kind: { const: 'assign' },
        unitId: UNIT_ID,
        waypoints: { type: 'array', minItems: 1, maxItems: 500, items: LON_LAT },
      },
    },
    {
      type: 'object',
      required: ['kind', 'areas'],
      additionalProperties: false,
      properties: {
        kind: { const: 'plan' },
        areas: {
          type: 'array',
          minItems: 1,
          maxItems: 50,
          items: {
            type: 'object',
            required: ['unitId', 'ring'],
            additionalProperties: false,
            properties: { unitId: UNIT_ID, ring: { type: 'array', minItems: 4, maxItems: 200, items: LON_LAT } },
          },
        },
        plannedPos: { type: 'number', minimum: 0, maximum: 1 },
      },
    },
    {
      type: 'object',
      required: ['kind', 'to', 'text'],
      additionalProperties: false,
      properties: { kind: { const: 'message' }, to: TEXT(200), text: TEXT(2000), from: TEXT(200) },
    },
  ],
} as const;

export const ACTIONS_BODY = {
  type: 'object',
  required: ['actions'],
  additionalProperties: false,
  properties: { actions: { type: 'array', minItems: 1, maxItems: 50, items: ACTION_ITEM } },
} as const;

const FACTOR_BODY = {
  type: 'object',
  required: ['clockFactor'],
  additionalProperties: false,
  properties: { clockFactor: FACTOR },
} as const;

const ADVANCE_BODY = {
  type: 'object',
  required: ['toS'],
  additionalProperties: false,
  properties: { toS: { type: 'number', minimum: 0, maximum: 7 * 86400 } },
} as const;

/** Weather of a live weather-change inject, SI units; ranges as the drill document's weather injects. */
const LIVE_WEATHER = {
  type: 'object',
  required: ['windSpeedMps', 'windFromDeg', 'visibilityM', 'seaHeightM'],
  additionalProperties: false,
  properties: {
    windSpeedMps: { type: 'number', minimum: 0, maximum: 60 },
    windFromDeg: { type: 'number', minimum: 0, maximum: 360 },
    visibilityM: { type: 'number', minimum: 100, maximum: 100000 },
    seaHeightM: { type: 'number', minimum: 0, maximum: 20 },
  },
} as const;

const INJECT_BODY = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: DRILL_TEXT,
    kind: { type: 'string', enum: ['information', 'unit-breakdown', 'weather-change'] },
    unitId: UNIT_ID,
    weather: LIVE_WEATHER,
  },
} as const;

const RELEASE_BODY = {
  type: 'object',
  required: ['injectId'],
  additionalProperties: false,
  properties: { injectId: TEXT(100) },
} as const;

const EVALUATION_BODY = {
  type: 'object',
  required: ['objectiveId', 'rating', 'observations'],
  additionalProperties: false,
  properties: {
    objectiveId: TEXT(64),
    rating: { type: 'string', enum: ['P', 'S', 'M', 'U'] },
    observations: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['kind', 'text'],
        additionalProperties: false,
        properties: { kind: { type: 'string', enum: ['strength', 'area-for-improvement'] }, text: TEXT(2000) },
      },
    },
  },
} as const;

const CLOSE_BODY = {
  type: 'object',
  required: ['actionId', 'note'],
  additionalProperties: false,
  properties: { actionId: TEXT(200), note: TEXT(2000) },
} as const;

const LANG_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { lang: { type: 'string', enum: ['en', 'ko', 'ja'], default: 'en' } },
} as const;

const LIST_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
    status: { type: 'string', enum: [...DRILL_STATUSES] },
  },
} as const;

const REPLAY_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { stepS: { type: 'integer', minimum: 60, maximum: 3600, default: 300 } },
} as const;

const idOf = (req: { params: unknown }): string => (req.params as { id: string }).id;
const langOf = (req: { query: unknown }): DrillLanguage => (req.query as { lang: DrillLanguage }).lang;

function clockRoute(op: 'start' | 'pause' | 'resume' | 'finish' | 'advance', summary: string): RouteSpec {
  const body = op === 'start' || op === 'resume' ? FACTOR_BODY : op === 'advance' ? ADVANCE_BODY : undefined;
  return {
    method: 'POST',
    url: `/api/drills/:id/${op}`,
    summary,
    tags,
    access: { roles: DRILL_CONTROL },
    target,
    schema: body === undefined ? { params: ID_PARAMS } : { params: ID_PARAMS, body },
    handler: async (req, _reply, ctx) => {
      const b = (body === undefined ? {} : req.body) as { clockFactor?: number; toS?: number };
      return clockOp(ctx, idOf(req), op, b);
    },
  };
}

export const drillRoutes: readonly RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/drill-templates',
    summary: 'The scenario library (templates), unit types and bases for drill setup',
    tags,
    access: { roles: DRILL_READ },
    target: none,
    handler: async (_req, _reply, ctx) => drillTemplates(ctx.actor.roles.some((r) => DRILL_EVALUATE.includes(r))),
  },
  {
    method: 'POST',
    url: '/api/drills',
    summary: 'Set up a drill from a template (seeds, start, acceleration, objectives, units)',
    tags,
    access: { roles: DRILL_CONTROL },
    target: none,
    okStatus: 201,
    schema: { body: CREATE_DRILL_BODY },
    handler: async (req, reply, ctx) => {
      const info = await createDrill(ctx, req.body as CreateDrillRequest);
      void reply.code(201);
      return info;
    },
  },
  {
    method: 'GET',
    url: '/api/drills',
    summary: 'Drills visible to you (newest first; optional status filter)',
    tags,
    access: { roles: DRILL_READ },
    target: none,
    schema: { querystring: LIST_QUERY },
    handler: async (req, _reply, ctx) => {
      const q = req.query as { limit: number; offset: number; status?: DrillStatus };
      return listDrills(ctx, q);
    },
  },
  {
    method: 'GET',
    url: '/api/drills/:id',
    summary: 'One drill: status, simulated time, scenario, objectives, roles, units (never the truth)',
    tags,
    access: { roles: DRILL_READ },
    target,
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => getDrill(ctx, idOf(req)),
  },
  {
    method: 'DELETE',
    url: '/api/drills/:id',
    summary: 'Delete a drill and its actions (owner nation)',
    tags,
    access: { roles: DRILL_CONTROL },
    target,
    okStatus: 204,
    schema: { params: ID_PARAMS },
    handler: async (req, reply, ctx) => {
      await deleteDrill(ctx, idOf(req));
      return reply.code(204).send();
    },
  },
  clockRoute('start', 'Start the simulated clock (setup → running)'),
  clockRoute('pause', 'Pause the simulated clock'),
  clockRoute('resume', 'Resume the simulated clock with an acceleration'),
  clockRoute('advance', 'Jump the simulated clock forward (accelerated play, tests)'),
  clockRoute('finish', 'Finish the drill (its summary is computed and stored)'),
  {
    method: 'GET',
    url: '/api/drills/:id/player',
    summary: 'What players see now: briefing, delivered injects, units, own plans, messages, detections',
    tags,
    access: { roles: DRILL_READ },
    target,
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => playerViewOf(ctx, idOf(req)),
  },
  {
    method: 'POST',
    url: '/api/drills/:id/actions',
    summary: 'Player actions (task units, record a plan, send messages), stamped with the simulated time',
    tags,
    access: { roles: DRILL_PLAY },
    target,
    okStatus: 201,
    schema: { params: ID_PARAMS, body: ACTIONS_BODY },
    handler: async (req, reply, ctx) => {
      const b = req.body as { actions: DrillActionInput[] };
      for (const [k, a] of b.actions.entries()) {
        const pts = a.kind === 'assign' ? a.waypoints : a.kind === 'plan' ? a.areas.flatMap((x) => x.ring) : [];
        if (pts.some((p) => !(Math.abs(p[1]) <= 90)))
          throw new TandemError('OUT_OF_RANGE', 'latitude must be in [-90, 90]', `actions[${k}]`);
      }
      const out = await postActions(ctx, idOf(req), b.actions);
      void reply.code(201);
      return out;
    },
  },
  {
    method: 'POST',
    url: '/api/drills/:id/proposal',
    summary: "The optimiser's proposed plan now (not recorded: post it as actions to accept it)",
    tags,
    access: { roles: DRILL_PLAY },
    target,
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => {
      await requireSearchPlanOptimiser(ctx.database);
      return proposal(ctx, idOf(req));
    },
  },
  {
    method: 'GET',
    url: '/api/drills/:id/control',
    summary: 'Controllers and evaluators: the hidden truth, pending and held injects, full timeline, actions',
    tags,
    access: { roles: DRILL_EVALUATE },
    target,
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => controlView(ctx, idOf(req)),
  },
  {
    method: 'POST',
    url: '/api/drills/:id/injects',
    summary: 'Add a live inject (delivered to players now)',
    tags,
    access: { roles: DRILL_CONTROL },
    target,
    okStatus: 201,
    schema: { params: ID_PARAMS, body: INJECT_BODY },
    handler: async (req, reply, ctx) => {
      const out = await addLiveInject(ctx, idOf(req), req.body as LiveInjectInput);
      void reply.code(201);
      return out;
    },
  },
  {
    method: 'POST',
    url: '/api/drills/:id/injects/release',
    summary: 'Release a contingency inject held in reserve',
    tags,
    access: { roles: DRILL_CONTROL },
    target,
    schema: { params: ID_PARAMS, body: RELEASE_BODY },
    handler: async (req, _reply, ctx) => releaseInject(ctx, idOf(req), (req.body as { injectId: string }).injectId),
  },
  {
    method: 'POST',
    url: '/api/drills/:id/evaluations',
    summary: 'Rate an objective on the HSEEP scale with observations',
    tags,
    access: { roles: DRILL_EVALUATE },
    target,
    okStatus: 201,
    schema: { params: ID_PARAMS, body: EVALUATION_BODY },
    handler: async (req, reply, ctx) => {
      const b = req.body as { objectiveId: string; rating: HseepRating; observations: Observation[] };
      const out = await addEvaluation(ctx, idOf(req), b);
      void reply.code(201);
      return out;
    },
  },
  {
    method: 'GET',
    url: '/api/drills/:id/report',
    summary: 'After-action report and improvement plan of a finished drill (summary, findings, map)',
    tags,
    access: { roles: DRILL_READ },
    target,
    schema: { params: ID_PARAMS, querystring: LANG_QUERY },
    handler: async (req, _reply, ctx) => {
      const { replay: _replay, ...rest } = await drillReport(ctx, idOf(req), langOf(req));
      return rest;
    },
  },
  {
    method: 'GET',
    url: '/api/drills/:id/report.html',
    summary: 'The printable after-action report page in one language',
    tags,
    access: { roles: DRILL_READ },
    target,
    schema: { params: ID_PARAMS, querystring: LANG_QUERY },
    handler: async (req, reply, ctx) => {
      const lang = langOf(req);
      const html = reportHtml(await drillReport(ctx, idOf(req), lang), await drillLandMask(), lang);
      void reply.header('content-type', 'text/html; charset=utf-8');
      return html;
    },
  },
  {
    method: 'GET',
    url: '/api/drills/:id/report.pdf',
    summary: 'The after-action report as PDF (printed by Chromium; Korean and Japanese in Noto Sans CJK)',
    tags,
    access: { roles: DRILL_READ },
    target,
    schema: { params: ID_PARAMS, querystring: LANG_QUERY },
    handler: async (req, reply, ctx) => {
      const lang = langOf(req);
      const id = idOf(req);
      const pdf = await reportPdf(ctx, id, lang);
      void reply.header('content-type', 'application/pdf');
      void reply.header('content-disposition', `attachment; filename="drill-${id}-${lang}.pdf"`);
      return reply.send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    },
  },
  {
    method: 'POST',
    url: '/api/drills/:id/corrective-actions/close',
    summary: 'Close a corrective action of the improvement plan (carried as closed into the next drill)',
    tags,
    access: { roles: DRILL_CONTROL },
    target,
    schema: { params: ID_PARAMS, body: CLOSE_BODY },
    handler: async (req, _reply, ctx) => {
      const b = req.body as { actionId: string; note: string };
      return closeAction(ctx, idOf(req), b.actionId, b.note);
    },
  },
  {
    method: 'GET',
    url: '/api/drills/:id/replay',
    summary: 'Replay frames of a finished drill (units, truth, detections every stepS)',
    tags,
    access: { roles: DRILL_READ },
    target,
    schema: { params: ID_PARAMS, querystring: REPLAY_QUERY },
    handler: async (req, _reply, ctx) => replayOf(ctx, idOf(req), (req.query as { stepS: number }).stepS),
  },
  {
    method: 'GET',
    url: '/api/drill-trends',
    summary: 'Trends of finished drills by scenario family (POS, containment, survivors)',
    tags,
    access: { roles: DRILL_READ },
    target: none,
    handler: async (_req, _reply, ctx) => trends(ctx),
  },
];
