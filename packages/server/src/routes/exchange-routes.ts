/**
 * Exchange routes (issue 8): reference data (airfields, aircraft types, teams, clearance lead-time rules), ferry
 * plans (compute, save, view with clearances and warnings, support items) and exchange events (propose, confirm
 * by each side, held with evidence, postpone or cancel with a reason; shared calendar and ICS export). Everything
 * is a labelled record read and written through the caller's releasability. Policies in
 * testing/matrix-policy-exchanges.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  TandemError,
  clearanceFromJson,
  formatUtcTime,
  isLocale,
  parseUtcTime,
  validateAirfield,
  validateSupportItem,
} from '@tandem/core';
import type { Airfield, Clearance, Evidence, ExchangeEventKind, LocalizedText, SupportItem, Team } from '@tandem/core';
import { exchangeCalendarIcs } from '@tandem/formats';
import type { Role } from '../auth/roles.ts';
import type { Releasability } from '../db/schema.ts';
import { toSarRecord } from '../records/sar-record-repository.ts';
import type { SarRecord } from '../records/sar-record-repository.ts';
import { visibleTo } from '../records/releasability.ts';
import {
  FERRY_REQUEST_SCHEMA,
  clearanceWarnings,
  computeFerryPlan,
  neededClearances,
  supportWithoutLegalBasis,
} from '../exchanges/ferry-service.ts';
import type { FerryPlanView, FerryRequestJson } from '../exchanges/ferry-service.ts';
import {
  aircraftTypeFromRecord,
  aircraftTypesFor,
  airfieldDatabaseFor,
  airfieldsFor,
  teamsFor,
} from '../exchanges/reference-data.ts';
import type { AircraftTypeRecordBody } from '../exchanges/reference-data.ts';
import { ExchangeEvents, eventBody } from '../exchanges/exchange-events.ts';
import type { ExchangeEventBody } from '../exchanges/exchange-events.ts';
import { forcingWind } from '../exchanges/forcing-wind.ts';
import { MAX_LEAD_TIME_DAYS, leadTimeRules, setLeadTimeRule } from '../exchanges/lead-time-rules.ts';
import { ID_PARAMS, RELEASABILITY_SCHEMA } from './route-spec.ts';
import type { RequestContext, RouteSpec } from './route-spec.ts';

/** Who plans ferries, records clearances and runs the exchange calendar. */
export const EXCHANGE_EDITORS: readonly Role[] = ['administrator', 'exchange_officer'];
/** Who reads them. */
export const EXCHANGE_READERS: readonly Role[] = [
  'administrator',
  'exchange_officer',
  'viewer',
  'observer',
  'dialogue_secretariat',
];

const editors = { roles: EXCHANGE_EDITORS } as const;
const readers = { roles: EXCHANGE_READERS } as const;
const tags = ['exchanges'];

const ICAO = { type: 'string', pattern: '^[A-Za-z]{4}$' } as const;
const TEXT = { type: 'string', minLength: 1, maxLength: 2000 } as const;
const SHORT = { type: 'string', minLength: 1, maxLength: 200 } as const;
const ISO_TIME = { type: 'string', minLength: 10, maxLength: 40 } as const;
const RECORD_ID = { type: 'string', minLength: 1, maxLength: 64 } as const;
const LOCALIZED = {
  type: 'object',
  required: ['en'],
  additionalProperties: false,
  properties: { en: SHORT, ko: { type: 'string', maxLength: 200 }, ja: { type: 'string', maxLength: 200 } },
} as const;
const LOCALIZED_LONG = {
  type: 'object',
  required: ['en'],
  additionalProperties: false,
  properties: { en: TEXT, ko: { type: 'string', maxLength: 2000 }, ja: { type: 'string', maxLength: 2000 } },
} as const;
const COUNTRY = { type: 'string', pattern: '^[A-Za-z]{2}$' } as const;
const EVENT_KINDS: readonly ExchangeEventKind[] = [
  'stopover',
  'joint-display',
  'team-meeting',
  'maintenance-briefing',
  'safety-briefing',
  'other',
];
const EVIDENCE_KINDS: readonly Evidence['kind'][] = [
  'document',
  'minutes',
  'report',
  'photo',
  'link',
  'record',
  'test-result',
];
const CLEARANCE_STATUS = ['draft', 'requested', 'approved', 'denied', 'withdrawn'] as const;

/** A LocalizedText from a form where only English is required: a missing translation shows the English. */
function localizedFrom(v: { en: string; ko?: string; ja?: string }): LocalizedText {
  const ko = v.ko?.trim() ?? '';
  const ja = v.ja?.trim() ?? '';
  return { en: v.en.trim(), ko: ko === '' ? v.en.trim() : ko, ja: ja === '' ? v.en.trim() : ja };
}

const nowUtc = (): number => Math.floor(Date.now() / 1000);

function isoToUtc(value: string, field: string): number {
  const t = parseUtcTime(value);
  if (Number.isNaN(t)) throw new TandemError('INVALID_INPUT', `not an ISO 8601 UTC time: "${value}"`, field);
  return t;
}

/** Records of `kind` visible to the caller and derived from `sourceId` (a plan's clearances, support items, events). */
async function derivedRecords(ctx: RequestContext, kind: SarRecord['kind'], sourceId: string): Promise<SarRecord[]> {
  const like = `%${JSON.stringify(sourceId).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await ctx.database.db
    .selectFrom('sar_records')
    .selectAll()
    .where(visibleTo(ctx.actor))
    .where('kind', '=', kind)
    .where(sql<boolean>`derived_from like ${like} escape '\\'`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map(toSarRecord).filter((r) => r.derivedFrom.includes(sourceId));
}

interface FerryPlanBody {
  readonly request: FerryRequestJson;
  readonly plan: FerryPlanView;
}

interface ClearanceBody extends Clearance {
  readonly legIndex: number;
  readonly ferryPlanId: string;
}

function clearanceToJson(c: Clearance): Record<string, unknown> {
  const iso = (t: number | undefined) => (t === undefined ? undefined : formatUtcTime(t));
  const out: Record<string, unknown> = {
    id: c.id,
    country: c.country,
    kind: c.kind,
    from: c.fromIcao,
    to: c.toIcao,
    status: c.status,
    requested: iso(c.requestedUtc),
    approved: iso(c.approvedUtc),
    reference: c.reference,
    validFrom: iso(c.validFromUtc),
    validTo: iso(c.validToUtc),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

async function planView(ctx: RequestContext, id: string) {
  const repo = ctx.records();
  const record = await repo.get('ferry_plan', id);
  const body = record.body as Partial<FerryPlanBody>;
  if (body.plan === undefined || body.request === undefined) {
    throw new TandemError('INVALID_INPUT', 'this ferry plan record has no computed plan', 'id');
  }
  const db = await airfieldDatabaseFor(repo);
  const clearanceRecords = await derivedRecords(ctx, 'clearance', id);
  const clearances = clearanceRecords.map((r) => ({
    ...(r.body as ClearanceBody),
    recordId: r.id,
    ownerNation: r.ownerNation,
    version: r.version,
  }));
  const supportRecords = await derivedRecords(ctx, 'support_item', id);
  const supportItems = supportRecords.map((r) => ({
    ...(r.body as SupportItem),
    recordId: r.id,
    ownerNation: r.ownerNation,
  }));
  const events = (await derivedRecords(ctx, 'exchange_event', id))
    .map((r) => ({ ...eventBody(r), releasability: r.releasability, ownerNation: r.ownerNation }))
    .filter(isReadableEvent);
  const asOf = nowUtc();
  const rules = await leadTimeRules(ctx.database);
  const needed = neededClearances(body.plan, db);
  return {
    record: { ...record, body: undefined },
    request: body.request,
    plan: body.plan,
    needed,
    clearances,
    warnings: clearanceWarnings(body.plan, clearances, db, asOf, rules),
    leadTimeRules: rules.filter((r) => needed.some((n) => n.country === r.country && n.kind === r.kind)),
    supportItems,
    supportWithoutLegalBasis: supportWithoutLegalBasis(supportItems),
    events,
    asOfUtc: asOf,
  };
}

async function computeFor(ctx: RequestContext, req: FerryRequestJson): Promise<FerryPlanView> {
  const repo = ctx.records();
  const [db, types] = await Promise.all([airfieldDatabaseFor(repo), aircraftTypesFor(repo)]);
  const known = types.map((t) => t.item);
  if (req.wind?.kind !== 'forcing') return computeFerryPlan(req, db, known, ctx.actor.nation, nowUtc());
  if (req.wind.dataFileId === undefined) {
    throw new TandemError('INVALID_INPUT', 'a forcing wind needs dataFileId', 'wind.dataFileId');
  }
  const wind = await forcingWind(await repo.get('data_file', req.wind.dataFileId), process.cwd());
  try {
    return computeFerryPlan(req, db, known, ctx.actor.nation, nowUtc(), wind);
  } finally {
    wind.close();
  }
}

/** Events visible to the caller overlapping [from, to]; a record whose body is not an event is left out. */
async function visibleEvents(ctx: RequestContext, fromUtc?: number, toUtc?: number) {
  const records = await ctx.records().listAll('exchange_event');
  return records
    .map((r) => ({ record: r, event: eventBody(r) }))
    .filter(({ event }) => isReadableEvent(event))
    .filter(
      ({ event }) =>
        (fromUtc === undefined || event.endUtc >= fromUtc) && (toUtc === undefined || event.startUtc <= toUtc),
    )
    .sort((a, b) => a.event.startUtc - b.event.startUtc);
}

function isReadableEvent(e: ExchangeEventBody): boolean {
  return (
    Number.isFinite(e.startUtc) &&
    Number.isFinite(e.endUtc) &&
    e.endUtc >= e.startUtc &&
    typeof e.title?.en === 'string' &&
    typeof e.status === 'string'
  );
}

function eventView(r: SarRecord) {
  return {
    id: r.id,
    ownerNation: r.ownerNation,
    releasability: r.releasability,
    version: r.version,
    event: eventBody(r),
  };
}

const RANGE_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { from: ISO_TIME, to: ISO_TIME, lang: { type: 'string', enum: ['en', 'ko', 'ja'] } },
} as const;

export const exchangeRoutes: readonly RouteSpec[] = [
  // --- reference data ---------------------------------------------------------------------------------------
  {
    method: 'GET',
    url: '/api/airfields',
    summary:
      'Airfields: the seed list (Korean, Japanese and en-route fields) with added or edited ones, each with its source',
    tags,
    access: readers,
    target: { none: true },
    handler: async (_req, _reply, ctx) => ({ items: await airfieldsFor(ctx.records()) }),
  },
  {
    method: 'POST',
    url: '/api/airfields',
    summary: 'Add or edit an airfield (ICAO code, position, longest runway, source) as a labelled record',
    tags,
    access: editors,
    target: { none: true },
    okStatus: 201,
    schema: {
      body: {
        type: 'object',
        required: ['icao', 'name', 'lonDeg', 'latDeg', 'longestRunwayM', 'country', 'use', 'source', 'releasability'],
        additionalProperties: false,
        properties: {
          icao: ICAO,
          name: LOCALIZED,
          lonDeg: { type: 'number', minimum: -180, maximum: 180 },
          latDeg: { type: 'number', minimum: -90, maximum: 90 },
          longestRunwayM: { type: 'number', exclusiveMinimum: 0, maximum: 6000 },
          country: COUNTRY,
          use: { type: 'string', enum: ['civil', 'military', 'joint'] },
          source: SHORT,
          releasability: RELEASABILITY_SCHEMA,
        },
      },
    },
    handler: async (req, reply, ctx) => {
      const b = req.body as {
        icao: string;
        name: { en: string; ko?: string; ja?: string };
        lonDeg: number;
        latDeg: number;
        longestRunwayM: number;
        country: string;
        use: Airfield['use'];
        source: string;
        releasability: Releasability;
      };
      const airfield = validateAirfield({
        icao: b.icao.toUpperCase(),
        name: localizedFrom(b.name),
        position: [b.lonDeg, b.latDeg],
        longestRunwayM: b.longestRunwayM,
        country: b.country.toUpperCase(),
        use: b.use,
        source: b.source.trim(),
      });
      const rec = await ctx
        .records()
        .create('airfield', { title: airfield.icao, releasability: b.releasability, body: airfield });
      void reply.code(201);
      return rec;
    },
  },
  {
    method: 'GET',
    url: '/api/aircraft-types',
    summary:
      'Aircraft types: range per configuration, cruise speed, reserves, alternate rule, each figure with its source',
    tags,
    access: readers,
    target: { none: true },
    handler: async (_req, _reply, ctx) => ({ items: await aircraftTypesFor(ctx.records()) }),
  },
  {
    method: 'POST',
    url: '/api/aircraft-types',
    summary: 'Edit an aircraft type (or add one based on another): the edited figures carry the source given',
    tags,
    access: editors,
    target: { none: true },
    okStatus: 201,
    schema: {
      body: {
        type: 'object',
        required: ['id', 'baseTypeId', 'overrides', 'source', 'releasability'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$' },
          baseTypeId: { type: 'string', minLength: 1, maxLength: 40 },
          overrides: {
            type: 'object',
            additionalProperties: false,
            properties: {
              cruiseTasMps: { type: 'number' },
              rangeM: { type: 'number' },
              contingencyFraction: { type: 'number' },
              finalReserveS: { type: 'number' },
              minRunwayM: { type: 'number' },
              turnaroundS: { type: 'number' },
              alternateRequired: { type: 'boolean' },
            },
          },
          source: SHORT,
          releasability: RELEASABILITY_SCHEMA,
        },
      },
    },
    handler: async (req, reply, ctx) => {
      const b = req.body as AircraftTypeRecordBody & { releasability: Releasability };
      const known = (await aircraftTypesFor(ctx.records())).map((t) => t.item);
      const body: AircraftTypeRecordBody = {
        id: b.id,
        baseTypeId: b.baseTypeId,
        overrides: b.overrides,
        source: b.source,
      };
      const type = aircraftTypeFromRecord(body, known);
      const rec = await ctx.records().create('aircraft_type', { title: type.id, releasability: b.releasability, body });
      void reply.code(201);
      return { record: rec, type };
    },
  },
  {
    method: 'GET',
    url: '/api/teams',
    summary: 'Demonstration teams with their aircraft and support aircraft',
    tags,
    access: readers,
    target: { none: true },
    handler: async (_req, _reply, ctx) => ({ items: await teamsFor(ctx.records()) }),
  },
  {
    method: 'POST',
    url: '/api/teams',
    summary: 'Add or edit a team (display and support aircraft, home base, deploying personnel) as a labelled record',
    tags,
    access: editors,
    target: { none: true },
    okStatus: 201,
    schema: {
      body: {
        type: 'object',
        required: ['id', 'name', 'homeBaseIcao', 'display', 'support', 'deployingPersonnel', 'source', 'releasability'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' },
          name: LOCALIZED,
          unit: LOCALIZED,
          homeBaseIcao: ICAO,
          display: {
            type: 'array',
            maxItems: 10,
            items: {
              type: 'object',
              required: ['typeId', 'count'],
              additionalProperties: false,
              properties: { typeId: SHORT, count: { type: 'integer', minimum: 1, maximum: 100 } },
            },
          },
          support: {
            type: 'array',
            maxItems: 10,
            items: {
              type: 'object',
              required: ['typeId', 'count'],
              additionalProperties: false,
              properties: { typeId: SHORT, count: { type: 'integer', minimum: 1, maximum: 100 } },
            },
          },
          deployingPersonnel: { type: 'integer', minimum: 0, maximum: 10_000 },
          source: SHORT,
          releasability: RELEASABILITY_SCHEMA,
        },
      },
    },
    handler: async (req, reply, ctx) => {
      const b = req.body as Omit<Team, 'name' | 'unit' | 'side'> & {
        name: { en: string; ko?: string; ja?: string };
        unit?: { en: string; ko?: string; ja?: string };
        releasability: Releasability;
      };
      const team: Team = {
        id: b.id,
        name: localizedFrom(b.name),
        side: ctx.actor.nation,
        unit: localizedFrom(b.unit ?? b.name),
        homeBaseIcao: b.homeBaseIcao.toUpperCase(),
        display: b.display,
        support: b.support,
        deployingPersonnel: b.deployingPersonnel,
        source: b.source,
      };
      const rec = await ctx
        .records()
        .create('team', { title: team.name.en, releasability: b.releasability, body: team });
      void reply.code(201);
      return rec;
    },
  },
  {
    method: 'GET',
    url: '/api/clearance-rules',
    summary:
      'Clearance lead-time rules per country and kind (defaults, or as set by an exchange officer), with sources',
    tags,
    access: readers,
    target: { none: true },
    handler: async (_req, _reply, ctx) => ({ items: await leadTimeRules(ctx.database) }),
  },
  {
    method: 'POST',
    url: '/api/clearance-rules',
    summary: "Set a country's clearance lead time for overflight or landing, with its source (audited)",
    tags,
    access: editors,
    target: { none: true },
    schema: {
      body: {
        type: 'object',
        required: ['country', 'kind', 'leadTimeDays', 'source'],
        additionalProperties: false,
        properties: {
          country: COUNTRY,
          kind: { type: 'string', enum: ['overflight', 'landing'] },
          leadTimeDays: { type: 'integer', minimum: 0, maximum: MAX_LEAD_TIME_DAYS },
          source: SHORT,
        },
      },
    },
    handler: async (req, _reply, ctx) =>
      setLeadTimeRule(
        ctx.database,
        ctx.actor,
        req.body as { country: string; kind: 'overflight' | 'landing'; leadTimeDays: number; source: string },
      ),
  },
  // --- ferry plans ------------------------------------------------------------------------------------------
  {
    method: 'POST',
    url: '/api/ferry/plan',
    summary:
      'Compute a ferry plan (nothing stored): legs with WGS 84 geodesic distance, time and fuel against range with reserves and an alternate; fewest legs, then least time',
    tags,
    access: readers,
    target: { none: true },
    schema: { body: FERRY_REQUEST_SCHEMA },
    handler: async (req, _reply, ctx) => {
      const started = performance.now();
      const plan = await computeFor(ctx, req.body as FerryRequestJson);
      return { plan, computeMs: Math.round((performance.now() - started) * 10) / 10 };
    },
  },
  {
    method: 'GET',
    url: '/api/ferry/wind-files',
    summary: 'Forcing data files with a wind field visible to you, for ferry winds (wind.kind "forcing")',
    tags,
    access: readers,
    target: { none: true },
    handler: async (_req, _reply, ctx) => {
      const page = await ctx.records().list('data_file', { limit: 500, offset: 0 });
      return {
        items: page.items
          .filter((r) => {
            const b = r.body as { path?: unknown; fields?: Record<string, unknown> } | null;
            return typeof b?.path === 'string' && (b.fields === undefined || b.fields['wind'] != null);
          })
          .map((r) => ({
            id: r.id,
            title: r.title,
            wind: (r.body as { fields?: Record<string, unknown> }).fields?.['wind'] ?? null,
          })),
      };
    },
  },
  {
    method: 'POST',
    url: '/api/ferry-plans',
    summary: 'Compute and save a ferry plan as a labelled record',
    tags,
    access: editors,
    target: { none: true },
    okStatus: 201,
    schema: {
      body: {
        type: 'object',
        required: ['title', 'releasability', 'request'],
        additionalProperties: false,
        properties: { title: SHORT, releasability: RELEASABILITY_SCHEMA, request: FERRY_REQUEST_SCHEMA },
      },
    },
    handler: async (req, reply, ctx) => {
      const b = req.body as { title: string; releasability: Releasability; request: FerryRequestJson };
      const plan = await computeFor(ctx, b.request);
      const body: FerryPlanBody = { request: b.request, plan };
      const rec = await ctx.records().create('ferry_plan', { title: b.title, releasability: b.releasability, body });
      void reply.code(201);
      return rec;
    },
  },
  {
    method: 'GET',
    url: '/api/ferry-plans',
    summary: 'Saved ferry plans visible to you (newest first)',
    tags,
    access: readers,
    target: { none: true },
    handler: async (_req, _reply, ctx) => {
      const page = await ctx.records().list('ferry_plan', { limit: 200, offset: 0 });
      return {
        total: page.total,
        items: page.items.map((r) => {
          const b = r.body as Partial<FerryPlanBody>;
          return {
            id: r.id,
            title: r.title,
            ownerNation: r.ownerNation,
            releasability: r.releasability,
            createdAt: r.createdAt,
            typeId: b.plan?.typeId ?? null,
            from: b.request?.from ?? null,
            to: b.request?.to ?? null,
            feasible: b.plan?.feasible ?? null,
            legs: b.plan?.legs.length ?? null,
          };
        }),
      };
    },
  },
  {
    method: 'GET',
    url: '/api/ferry-plans/:id',
    summary: 'A ferry plan with its clearances, the clearances each leg needs, lead-time warnings and support items',
    tags,
    access: readers,
    target: { record: 'ferry_plan' },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => planView(ctx, (req.params as { id: string }).id),
  },
  {
    method: 'POST',
    url: '/api/ferry-plans/:id/clearances',
    summary:
      'Record a clearance for a leg (overflight or landing; requested and approved dates, reference, validity); either nation may record one on a plan it can see',
    tags,
    access: editors,
    target: { record: 'ferry_plan' },
    okStatus: 201,
    schema: {
      params: ID_PARAMS,
      body: {
        type: 'object',
        required: ['legIndex', 'country', 'kind', 'status'],
        additionalProperties: false,
        properties: {
          legIndex: { type: 'integer', minimum: 0, maximum: 100 },
          country: COUNTRY,
          kind: { type: 'string', enum: ['overflight', 'landing'] },
          status: { type: 'string', enum: CLEARANCE_STATUS },
          requested: ISO_TIME,
          approved: ISO_TIME,
          reference: SHORT,
          validFrom: ISO_TIME,
          validTo: ISO_TIME,
        },
      },
    },
    handler: async (req, reply, ctx) => {
      const planId = (req.params as { id: string }).id;
      const b = req.body as Record<string, unknown> & { legIndex: number };
      const repo = ctx.records();
      const plan = (await repo.get('ferry_plan', planId)).body as Partial<FerryPlanBody>;
      const leg = plan.plan?.legs[b.legIndex];
      if (leg === undefined) throw new TandemError('OUT_OF_RANGE', `the plan has no leg ${b.legIndex}`, 'legIndex');
      const id = randomUUID();
      const { legIndex, ...rest } = b;
      const clearance = clearanceFromJson({ ...rest, id, from: leg.from, to: leg.to }, 'body');
      const body: ClearanceBody = { ...clearance, legIndex, ferryPlanId: planId };
      const rec = await repo.create(
        'clearance',
        {
          title: `${clearance.country} ${clearance.kind} ${leg.from}-${leg.to}`,
          releasability: 'bilateral',
          body,
          derivedFrom: [planId],
        },
        id,
      );
      void reply.code(201);
      return rec;
    },
  },
  {
    method: 'PATCH',
    url: '/api/clearances/:id',
    summary: 'Update a clearance (status, dates, reference, validity); owner nation',
    tags,
    access: editors,
    target: { record: 'clearance' },
    schema: {
      params: ID_PARAMS,
      body: {
        type: 'object',
        required: ['status'],
        additionalProperties: false,
        properties: {
          status: { type: 'string', enum: CLEARANCE_STATUS },
          requested: ISO_TIME,
          approved: ISO_TIME,
          reference: SHORT,
          validFrom: ISO_TIME,
          validTo: ISO_TIME,
        },
      },
    },
    handler: async (req, _reply, ctx) => {
      const id = (req.params as { id: string }).id;
      const repo = ctx.records();
      const rec = await repo.get('clearance', id);
      const before = rec.body as ClearanceBody;
      const merged = clearanceFromJson({ ...clearanceToJson({ ...before, id }), ...(req.body as object) }, 'body');
      const body: ClearanceBody = { ...merged, legIndex: before.legIndex, ferryPlanId: before.ferryPlanId };
      return repo.update('clearance', id, { body, expectedVersion: rec.version });
    },
  },
  {
    method: 'POST',
    url: '/api/ferry-plans/:id/support-items',
    summary: 'Record a support item at a stop (fuel, handling, lodging...) with its provider and legal basis',
    tags,
    access: editors,
    target: { record: 'ferry_plan' },
    okStatus: 201,
    schema: {
      params: ID_PARAMS,
      body: {
        type: 'object',
        required: ['kind', 'airfieldIcao', 'providedBy', 'description', 'reimbursable'],
        additionalProperties: false,
        properties: {
          kind: {
            type: 'string',
            enum: ['fuel', 'ground-handling', 'lodging', 'transport', 'maintenance', 'medical', 'other'],
          },
          airfieldIcao: ICAO,
          providedBy: COUNTRY,
          description: LOCALIZED_LONG,
          quantity: { type: 'number', minimum: 0, maximum: 1e9 },
          unit: { type: 'string', minLength: 1, maxLength: 40 },
          reimbursable: { type: 'boolean' },
          legalBasis: {
            type: 'object',
            required: ['instrument'],
            additionalProperties: false,
            properties: { instrument: LOCALIZED_LONG, provision: SHORT, reference: SHORT },
          },
        },
      },
    },
    handler: async (req, reply, ctx) => {
      const planId = (req.params as { id: string }).id;
      const repo = ctx.records();
      await repo.get('ferry_plan', planId);
      const b = req.body as Omit<SupportItem, 'id' | 'description' | 'legalBasis'> & {
        description: { en: string; ko?: string; ja?: string };
        legalBasis?: { instrument: { en: string; ko?: string; ja?: string }; provision?: string; reference?: string };
      };
      const id = randomUUID();
      const { legalBasis, description, ...rest } = b;
      const item = validateSupportItem({
        ...rest,
        id,
        airfieldIcao: b.airfieldIcao.toUpperCase(),
        providedBy: b.providedBy.toUpperCase(),
        description: localizedFrom(description),
        ...(legalBasis === undefined
          ? {}
          : { legalBasis: { ...legalBasis, instrument: localizedFrom(legalBasis.instrument) } }),
      });
      const rec = await repo.create(
        'support_item',
        {
          title: `${item.kind} ${item.airfieldIcao}`,
          releasability: 'bilateral',
          body: { ...item, ferryPlanId: planId },
          derivedFrom: [planId],
        },
        id,
      );
      void reply.code(201);
      return rec;
    },
  },
  // --- exchange events --------------------------------------------------------------------------------------
  {
    method: 'GET',
    url: '/api/exchange-events',
    summary: 'The shared exchange calendar: events visible to you overlapping [from, to] (ISO 8601 UTC)',
    tags,
    access: readers,
    target: { none: true },
    schema: { querystring: RANGE_QUERY },
    handler: async (req, _reply, ctx) => {
      const q = req.query as { from?: string; to?: string };
      const from = q.from === undefined ? undefined : isoToUtc(q.from, 'from');
      const to = q.to === undefined ? undefined : isoToUtc(q.to, 'to');
      return { items: (await visibleEvents(ctx, from, to)).map(({ record }) => eventView(record)) };
    },
  },
  {
    method: 'GET',
    url: '/api/exchange-events/calendar.ics',
    summary: 'The exchange calendar as an iCalendar (RFC 5545) file in English, Korean or Japanese (lang)',
    tags,
    access: readers,
    target: { none: true },
    schema: { querystring: RANGE_QUERY },
    handler: async (req, reply, ctx) => {
      const q = req.query as { from?: string; to?: string; lang?: string };
      const from = q.from === undefined ? undefined : isoToUtc(q.from, 'from');
      const to = q.to === undefined ? undefined : isoToUtc(q.to, 'to');
      const locale = q.lang !== undefined && isLocale(q.lang) ? q.lang : 'en';
      const events = (await visibleEvents(ctx, from, to)).map((e) => e.event);
      const airfields = await airfieldDatabaseFor(ctx.records());
      const text = exchangeCalendarIcs(events, { locale, dtstampUtc: nowUtc(), airfields });
      void reply.header('content-disposition', `attachment; filename="tandem-exchanges-${locale}.ics"`);
      return reply.type('text/calendar; charset=utf-8').send(text);
    },
  },
  {
    method: 'GET',
    url: '/api/exchange-events/:id',
    summary: 'One exchange event with its life cycle, confirmations, commitments and evidence',
    tags,
    access: readers,
    target: { record: 'exchange_event' },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) =>
      eventView(await ctx.records().get('exchange_event', (req.params as { id: string }).id)),
  },
  {
    method: 'POST',
    url: '/api/exchange-events',
    summary: 'Propose an exchange event (joint display, team meeting, briefings, stopover) linked to commitments',
    tags,
    access: editors,
    target: { none: true },
    okStatus: 201,
    schema: {
      body: {
        type: 'object',
        required: ['kind', 'title', 'start', 'end', 'releasability', 'commitmentIds'],
        additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: EVENT_KINDS },
          title: LOCALIZED,
          description: LOCALIZED_LONG,
          airfieldIcao: ICAO,
          start: ISO_TIME,
          end: ISO_TIME,
          releasability: RELEASABILITY_SCHEMA,
          commitmentIds: { type: 'array', maxItems: 20, items: RECORD_ID },
          ferryPlanId: RECORD_ID,
        },
      },
    },
    handler: async (req, reply, ctx) => {
      const b = req.body as {
        kind: ExchangeEventKind;
        title: { en: string; ko?: string; ja?: string };
        description?: { en: string; ko?: string; ja?: string };
        airfieldIcao?: string;
        start: string;
        end: string;
        releasability: Releasability;
        commitmentIds: string[];
        ferryPlanId?: string;
      };
      if (b.ferryPlanId !== undefined) await ctx.records().get('ferry_plan', b.ferryPlanId);
      if (b.airfieldIcao !== undefined) (await airfieldDatabaseFor(ctx.records())).get(b.airfieldIcao, 'airfieldIcao');
      const rec = await new ExchangeEvents(ctx.database, ctx.actor).propose({
        kind: b.kind,
        title: localizedFrom(b.title),
        ...(b.description === undefined ? {} : { description: localizedFrom(b.description) }),
        ...(b.airfieldIcao === undefined ? {} : { airfieldIcao: b.airfieldIcao }),
        startUtc: isoToUtc(b.start, 'start'),
        endUtc: isoToUtc(b.end, 'end'),
        releasability: b.releasability,
        commitmentIds: b.commitmentIds,
        ...(b.ferryPlanId === undefined ? {} : { ferryPlanId: b.ferryPlanId }),
      });
      void reply.code(201);
      return eventView(rec);
    },
  },
  {
    method: 'POST',
    url: '/api/exchange-events/:id/confirm',
    summary: "Confirm an event for your nation's side (the partner nation confirms events it can see; both needed)",
    tags,
    access: editors,
    target: { record: 'exchange_event' },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) =>
      eventView(await new ExchangeEvents(ctx.database, ctx.actor).confirm((req.params as { id: string }).id, nowUtc())),
  },
  {
    method: 'POST',
    url: '/api/exchange-events/:id/held',
    summary: 'Mark a confirmed event as held, with evidence (after-action report, photos, minutes); owner nation',
    tags,
    access: editors,
    target: { record: 'exchange_event' },
    schema: {
      params: ID_PARAMS,
      body: {
        type: 'object',
        required: ['evidence'],
        additionalProperties: false,
        properties: {
          evidence: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            items: {
              type: 'object',
              required: ['kind', 'reference'],
              additionalProperties: false,
              properties: {
                kind: { type: 'string', enum: EVIDENCE_KINDS },
                reference: SHORT,
                description: { type: 'string', maxLength: 2000 },
              },
            },
          },
        },
      },
    },
    handler: async (req, _reply, ctx) => {
      const b = req.body as { evidence: Omit<Evidence, 'recordedUtc'>[] };
      return eventView(
        await new ExchangeEvents(ctx.database, ctx.actor).markHeld(
          (req.params as { id: string }).id,
          b.evidence,
          nowUtc(),
        ),
      );
    },
  },
  {
    method: 'POST',
    url: '/api/exchange-events/:id/postpone',
    summary: 'Postpone an event with a reason: a new proposed event on the new dates replaces it (linked both ways)',
    tags,
    access: editors,
    target: { record: 'exchange_event' },
    schema: {
      params: ID_PARAMS,
      body: {
        type: 'object',
        required: ['reason', 'start', 'end'],
        additionalProperties: false,
        properties: { reason: TEXT, start: ISO_TIME, end: ISO_TIME },
      },
    },
    handler: async (req, _reply, ctx) => {
      const b = req.body as { reason: string; start: string; end: string };
      const r = await new ExchangeEvents(ctx.database, ctx.actor).postpone(
        (req.params as { id: string }).id,
        b.reason,
        { startUtc: isoToUtc(b.start, 'start'), endUtc: isoToUtc(b.end, 'end') },
        nowUtc(),
      );
      return { original: eventView(r.original), replacement: eventView(r.replacement) };
    },
  },
  {
    method: 'POST',
    url: '/api/exchange-events/:id/cancel',
    summary: 'Cancel an event with a reason (and optionally the event that replaces it)',
    tags,
    access: editors,
    target: { record: 'exchange_event' },
    schema: {
      params: ID_PARAMS,
      body: {
        type: 'object',
        required: ['reason'],
        additionalProperties: false,
        properties: { reason: TEXT, replacedById: RECORD_ID },
      },
    },
    handler: async (req, _reply, ctx) => {
      const b = req.body as { reason: string; replacedById?: string };
      return eventView(
        await new ExchangeEvents(ctx.database, ctx.actor).cancel(
          (req.params as { id: string }).id,
          b.reason,
          nowUtc(),
          b.replacedById,
        ),
      );
    },
  },
];
