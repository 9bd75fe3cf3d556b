/**
 * Drills on the server (docs/domain/drills-api.md): the drill record (document, clock, status) in the labelled
 * record store, its actions in `drill_actions`, sessions rebuilt by replay (drill-sessions.ts). Every write runs in
 * one transaction with the drill row locked, appends its actions and its audit entry there, and is retried once
 * when a concurrent writer took the same seq. Role projections: players get `playerView` only; the truth is in
 * `controlView` (controllers, evaluators) and, once finished, in the report and replay.
 */
import { randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  buildAfterActionReport,
  closeCorrectiveAction,
  createDrillSpec,
  DRILL_TEMPLATES,
  drillTrends,
  findDrillTemplate,
  isTandemError,
  playerView,
  SEA_AREAS,
  SEARCH_BASES,
  SEARCH_UNIT_TYPES,
  setClockFactor,
  startSimClock,
  TandemError,
  tracksAt,
} from '@tandem/core';
import type {
  AfterActionReport,
  DrillSpec,
  DrillSummary,
  DrillText,
  HseepRating,
  ImprovementPlan,
  LandMask,
  LiveInjectKind,
  LiveWeather,
  LonLat,
  Observation,
  ObjectiveEvaluation,
  PlayerView,
} from '@tandem/core';
import type { Releasability, Schema } from '../db/schema.ts';
import type { RequestContext } from '../routes/route-spec.ts';
import type { SarRecord } from '../records/sar-record-repository.ts';
import { toSarRecord } from '../records/sar-record-repository.ts';
import { visibleTo } from '../records/releasability.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { appendActions, countActions, listActions, lockDrill } from './drill-actions.ts';
import type { StoredAction, StoredActionBody } from './drill-actions.ts';
import { drillBodyOf, drillInfo, drillSimS, drillSpecOf, srrNationsOfBoxes } from './drill-record.ts';
import type { DrillBody, DrillInfo, DrillStatus, DrillUnitOverride } from './drill-record.ts';
import { drillLandMask } from './drill-land.ts';
import { forgetSession, proposePlan, sessionAt } from './drill-sessions.ts';
import type { OpenedDrill, ProposedAction } from './drill-sessions.ts';
import { drillReplay } from './drill-replay.ts';
import type { DrillReplay } from './drill-replay.ts';
import { reportMap } from './report-map.ts';

/** What the drill operations need of a request: the database, the caller and its record store view. */
export type DrillContext = Pick<RequestContext, 'database' | 'actor' | 'records'>;

/** Wall time, epoch s (the only clock the drills read). */
const wallS = (): number => Date.now() / 1000;

/** How far back the improvement-plan chain is followed (drills of one family). */
const MAX_PLAN_CHAIN = 20;

export interface CreateDrillRequest {
  readonly title: string;
  readonly releasability: Releasability;
  readonly template: string;
  readonly seed?: number;
  readonly truthSeed?: number;
  readonly startUtc?: string;
  readonly clockFactor?: number;
  readonly durationS?: number;
  readonly planningParticles?: number;
  readonly objectives?: readonly string[];
  readonly units?: readonly DrillUnitOverride[];
}

export type DrillActionInput = ProposedAction | { kind: 'message'; to: string; text: string; from?: string };

export interface Evaluation {
  readonly seq: number;
  readonly atS: number;
  readonly objectiveId: string;
  readonly rating: HseepRating;
  readonly evaluator: string;
  readonly observations: readonly Observation[];
  readonly createdAt: string;
}

interface Loaded {
  readonly rec: SarRecord;
  readonly body: DrillBody;
  readonly spec: DrillSpec;
  readonly land: LandMask;
}

async function loadIn(ctx: DrillContext, id: string, trx?: Transaction<Schema>): Promise<Loaded> {
  const rec = await ctx.records().get('drill', id, trx);
  const body = drillBodyOf(rec);
  const land = await drillLandMask();
  return { rec, body, spec: drillSpecOf(rec.id, body, land), land };
}

function conflict(message: string, field = 'status'): TandemError {
  return new TandemError('CONFLICT', message, field);
}

function requireStatus(body: DrillBody, allowed: readonly DrillStatus[], what: string): void {
  if (!allowed.includes(body.status))
    throw conflict(`cannot ${what}: the drill is ${body.status} (needs ${allowed.join(' or ')})`);
}

function isUniqueViolation(e: unknown): boolean {
  const x = e as { code?: unknown; message?: unknown };
  return x.code === '23505' || /UNIQUE constraint failed|duplicate key/i.test(String(x.message ?? ''));
}

/** Run a drill write in a transaction with the drill locked; retried once when another writer took the seq. */
async function writeDrill<T>(
  ctx: DrillContext,
  id: string,
  fn: (trx: Transaction<Schema>, d: Loaded) => Promise<T>,
): Promise<T> {
  const attempt = (): Promise<T> =>
    ctx.database.db.transaction().execute(async (trx) => {
      await ctx.records().get('drill', id, trx);
      await lockDrill(trx, ctx.database.dialect, id);
      return fn(trx, await loadIn(ctx, id, trx));
    });
  try {
    return await attempt();
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return attempt();
  }
}

/** Store a new body (status, clock, summary) with its audit entry, in the caller's transaction. */
async function saveBody(
  ctx: DrillContext,
  trx: Transaction<Schema>,
  d: Loaded,
  body: DrillBody,
  action: string,
): Promise<SarRecord> {
  const now = new Date().toISOString();
  await trx
    .updateTable('sar_records')
    .set({ body: JSON.stringify(body), version: d.rec.version + 1, updated_at: now })
    .where('id', '=', d.rec.id)
    .execute();
  const after = toSarRecord(
    await trx.selectFrom('sar_records').selectAll().where('id', '=', d.rec.id).executeTakeFirstOrThrow(),
  );
  await appendAudit(trx, ctx.database.dialect, ctx.actor, {
    action: `drill.${action}`,
    entity: 'sar_record',
    entityId: d.rec.id,
    ownerNation: d.rec.ownerNation,
    releasability: d.rec.releasability,
    before: { status: d.body.status, clock: d.body.clock, version: d.rec.version },
    after: { status: body.status, clock: body.clock, version: after.version },
  });
  return after;
}

async function auditActions(
  ctx: DrillContext,
  trx: Transaction<Schema>,
  d: Loaded,
  stored: readonly StoredAction[],
): Promise<void> {
  await appendAudit(trx, ctx.database.dialect, ctx.actor, {
    action: `drill.${stored[0]?.kind ?? 'action'}`,
    entity: 'drill_action',
    entityId: d.rec.id,
    ownerNation: d.rec.ownerNation,
    releasability: d.rec.releasability,
    before: null,
    after: stored,
  });
}

function info(d: Loaded, actionCount: number): DrillInfo {
  return drillInfo(d.rec, d.body, d.spec, actionCount, wallS());
}

/** The opened session of a loaded drill at its current simulated time. */
async function opened(
  ctx: DrillContext,
  d: Loaded,
  trx?: Transaction<Schema>,
): Promise<{ o: OpenedDrill; actions: StoredAction[]; simS: number }> {
  const actions = await listActions(trx ?? ctx.database.db, d.rec.id);
  const simS = drillSimS(d.body, d.spec.stepS, wallS());
  return { o: sessionAt(d.spec, d.land, actions, simS), actions, simS };
}

// ---------------------------------------------------------------- library

/** The library; the master scenario events list (`injects`) only for controllers and evaluators. */
export function drillTemplates(withInjects: boolean): unknown {
  return {
    templates: DRILL_TEMPLATES.map((t) => ({
      id: t.id,
      family: t.family,
      name: t.name,
      description: t.description,
      difficulty: t.difficulty,
      seaAreas: t.seaAreas,
      srrNations: srrNationsOfBoxes(
        t.seaAreas.map((a) => SEA_AREAS.find((s) => s.id === a)?.bboxDeg).filter((b) => b !== undefined),
      ),
      durationS: t.durationS,
      objects: t.objects.map((o) => ({
        id: o.id,
        description: o.description,
        leewayCategory: o.leewayCategory,
        persons: o.persons.reduce((s, p) => s + p.count, 0),
        equipment: o.equipment,
      })),
      persons: t.objects.reduce((s, o) => s + o.persons.reduce((a, p) => a + p.count, 0), 0),
      environment: {
        label: t.environment.label,
        windSpeedMps: t.environment.windSpeedMps,
        waterTempC: t.environment.waterTempC,
        visibilityM: t.environment.visibilityM,
        seaHeightM: t.environment.seaHeightM,
        night: t.environment.night,
      },
      units: t.units.map((u) => {
        const type = SEARCH_UNIT_TYPES.find((q) => q.id === u.type);
        return {
          type: u.type,
          nation: type?.nation ?? null,
          name: type?.name ?? u.type,
          platform: type?.platform ?? null,
          base: u.base ?? null,
        };
      }),
      ...(withInjects
        ? { injects: t.injects.map((i) => ({ id: i.id, kind: i.kind, atS: i.atS, held: i.held === true })) }
        : {}),
      objectives: t.objectives,
    })),
    unitTypes: SEARCH_UNIT_TYPES.map((u) => ({ id: u.id, nation: u.nation, name: u.name, platform: u.platform })),
    bases: SEARCH_BASES.map((b) => ({
      id: b.id,
      nation: b.nation,
      name: b.name,
      kind: b.kind,
      lonLat: [b.lonDeg, b.latDeg],
    })),
  };
}

// ---------------------------------------------------------------- create, read, delete

/** The stored document of a create request (validated against the template; errors name the request field). */
export async function newDrillBody(req: CreateDrillRequest, id: string, nowS = wallS()): Promise<DrillBody> {
  const land = await drillLandMask();
  let template;
  try {
    template = findDrillTemplate(req.template, 'template');
  } catch (e) {
    if (isTandemError(e)) throw new TandemError('INVALID_INPUT', e.message, 'template');
    throw e;
  }
  let startTimeS = Math.floor(nowS / 60) * 60;
  if (req.startUtc !== undefined) {
    const ms = Date.parse(req.startUtc);
    if (!Number.isFinite(ms) || !/^\d{4}-\d\d-\d\dT/.test(req.startUtc))
      throw new TandemError('INVALID_INPUT', `not an ISO 8601 UTC time: "${req.startUtc}"`, 'startUtc');
    startTimeS = Math.round(ms / 1000);
  }
  const durationS = req.durationS ?? template.durationS;
  if (!(durationS >= 1800 && durationS <= template.durationS))
    throw new TandemError(
      'OUT_OF_RANGE',
      `durationS must be in [1800, ${template.durationS}] for template ${template.id}, got ${durationS}`,
      'durationS',
    );
  const seed = req.seed ?? randomInt(0, 2 ** 32 - 1);
  const base = createDrillSpec(template, {
    seed,
    startTimeS,
    land,
    ...(req.truthSeed !== undefined ? { truthSeed: req.truthSeed } : {}),
  });
  const body: DrillBody = {
    schema: 'tandem.drill/1',
    templateId: template.id,
    seed,
    truthSeed: base.truthSeed,
    startTimeS,
    position: base.reportedPosition,
    durationS,
    planningParticles: req.planningParticles ?? 1000,
    objectiveIds: req.objectives !== undefined ? [...req.objectives] : null,
    units: req.units !== undefined ? req.units.map((u) => ({ ...u })) : null,
    status: 'setup',
    clockFactor: req.clockFactor ?? 60,
    clock: null,
    finishedAtS: null,
    finishedUtc: null,
    summary: null,
    previousDrillId: null,
  };
  drillSpecOf(id, body, land);
  return body;
}

export async function createDrill(ctx: DrillContext, req: CreateDrillRequest): Promise<DrillInfo> {
  const id = crypto.randomUUID();
  const body = await newDrillBody(req, id);
  const rec = await ctx.records().create('drill', { title: req.title, releasability: req.releasability, body }, id);
  const land = await drillLandMask();
  return drillInfo(rec, body, drillSpecOf(id, body, land), 0, wallS());
}

export async function getDrill(ctx: DrillContext, id: string): Promise<DrillInfo> {
  const d = await loadIn(ctx, id);
  return info(d, await countActions(ctx.database.db, id));
}

export async function listDrills(
  ctx: DrillContext,
  q: { limit: number; offset: number; status?: DrillStatus },
): Promise<{ items: DrillInfo[]; total: number }> {
  const land = await drillLandMask();
  let base = ctx.database.db.selectFrom('sar_records').where('kind', '=', 'drill').where(visibleTo(ctx.actor));
  if (q.status !== undefined) base = base.where('body', 'like', `%"status":"${q.status}"%`);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const counts = new Map<string, number>();
  if (ids.length > 0) {
    const c = await ctx.database.db
      .selectFrom('drill_actions')
      .select(['drill_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('drill_id', 'in', ids)
      .groupBy('drill_id')
      .execute();
    for (const r of c) counts.set(r.drill_id, Number(r.n));
  }
  const items = rows.map((row) => {
    const rec = toSarRecord(row);
    const body = drillBodyOf(rec);
    return drillInfo(rec, body, drillSpecOf(rec.id, body, land), counts.get(rec.id) ?? 0, wallS());
  });
  return { items, total: Number(count.n) };
}

/** Delete a drill and its action log in one transaction, audited (owner nation only). */
export async function deleteDrill(ctx: DrillContext, id: string): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    const rec = await ctx.records().get('drill', id, trx);
    if (rec.ownerNation !== ctx.actor.nation)
      throw new TandemError('FORBIDDEN', `only the owner nation (${rec.ownerNation}) may delete this drill`, 'id');
    await lockDrill(trx, ctx.database.dialect, id);
    const actions = await countActions(trx, id);
    await trx.deleteFrom('drill_actions').where('drill_id', '=', id).execute();
    await trx.deleteFrom('sar_records').where('id', '=', id).execute();
    await appendAudit(trx, ctx.database.dialect, ctx.actor, {
      action: 'drill.delete',
      entity: 'sar_record',
      entityId: id,
      ownerNation: rec.ownerNation,
      releasability: rec.releasability,
      before: { ...rec, actions },
      after: null,
    });
  });
  forgetSession(id);
}

// ---------------------------------------------------------------- clock

export type ClockOp = 'start' | 'pause' | 'resume' | 'finish';

export async function clockOp(
  ctx: DrillContext,
  id: string,
  op: ClockOp | 'advance',
  args: { clockFactor?: number; toS?: number },
): Promise<DrillInfo> {
  return writeDrill(ctx, id, async (trx, d) => {
    const w = wallS();
    const b = d.body;
    const simS = drillSimS(b, d.spec.stepS, w);
    let next: DrillBody;
    switch (op) {
      case 'start': {
        requireStatus(b, ['setup'], 'start');
        const f = args.clockFactor ?? b.clockFactor;
        next = { ...b, status: 'running', clockFactor: f, clock: startSimClock(w, f) };
        break;
      }
      case 'pause':
        requireStatus(b, ['running'], 'pause');
        next = { ...b, status: 'paused', clock: { anchorDrillS: simS, anchorWallS: w, factor: 0 } };
        break;
      case 'resume': {
        requireStatus(b, ['paused'], 'resume');
        const f = args.clockFactor ?? b.clockFactor;
        next = {
          ...b,
          status: 'running',
          clockFactor: f,
          clock: setClockFactor({ ...(b.clock ?? startSimClock(w, 0)), anchorWallS: w }, w, f),
        };
        break;
      }
      case 'advance': {
        requireStatus(b, ['running', 'paused'], 'advance the clock');
        const toS = args.toS ?? NaN;
        const q = Math.floor(toS / d.spec.stepS + 1e-9) * d.spec.stepS;
        if (!(Number.isFinite(toS) && q >= simS && toS <= d.spec.durationS))
          throw new TandemError(
            'OUT_OF_RANGE',
            `toS must be in [${simS}, ${d.spec.durationS}] (the current simulated time to the drill's end), got ${toS}`,
            'toS',
          );
        next = {
          ...b,
          clock: { anchorDrillS: q, anchorWallS: w, factor: b.status === 'running' ? b.clockFactor : 0 },
        };
        break;
      }
      case 'finish': {
        requireStatus(b, ['running', 'paused'], 'finish');
        const actions = await listActions(trx, d.rec.id);
        const o = sessionAt(d.spec, d.land, actions, simS);
        next = {
          ...b,
          status: 'finished',
          clock: { anchorDrillS: simS, anchorWallS: w, factor: 0 },
          finishedAtS: simS,
          finishedUtc: new Date(w * 1000).toISOString(),
          summary: o.session.summary(),
          previousDrillId: await previousDrill(trx, d),
        };
        break;
      }
    }
    const rec = await saveBody(ctx, trx, d, next, op);
    return drillInfo(rec, next, d.spec, await countActions(trx, d.rec.id), w);
  });
}

/**
 * The drill whose improvement plan this one carries: the latest finished drill of the same scenario family, same
 * owner nation, at least as open (so every reader of this drill may read it), finished before this one.
 */
async function previousDrill(trx: Transaction<Schema>, d: Loaded): Promise<string | null> {
  const rows = await trx
    .selectFrom('sar_records')
    .selectAll()
    .where('kind', '=', 'drill')
    .where('owner_nation', '=', d.rec.ownerNation)
    .where('id', '<>', d.rec.id)
    .execute();
  const open = { national: 0, bilateral: 1, public: 2 } as const;
  let best: { id: string; at: string } | undefined;
  for (const row of rows) {
    if (open[row.releasability] < open[d.rec.releasability]) continue;
    const rec = toSarRecord(row);
    let body: DrillBody;
    try {
      body = drillBodyOf(rec);
    } catch {
      continue;
    }
    if (body.status !== 'finished' || body.finishedUtc === null) continue;
    const tpl = DRILL_TEMPLATES.find((t) => t.id === body.templateId);
    if (tpl?.family !== d.spec.family) continue;
    if (best === undefined || body.finishedUtc > best.at) best = { id: rec.id, at: body.finishedUtc };
  }
  return best?.id ?? null;
}

// ---------------------------------------------------------------- players

export async function playerViewOf(ctx: DrillContext, id: string): Promise<PlayerView> {
  const d = await loadIn(ctx, id);
  if (d.body.status === 'setup') throw conflict('the drill has not started');
  const { o } = await opened(ctx, d);
  return playerView(o.session);
}

/** Close a ring when its last point is not its first. */
function closeRing(ring: readonly LonLat[]): LonLat[] {
  const r = ring.map((p) => [p[0], p[1]] as LonLat);
  const a = r[0];
  const z = r[r.length - 1];
  if (a !== undefined && z !== undefined && (a[0] !== z[0] || a[1] !== z[1])) r.push([a[0], a[1]]);
  return r;
}

export async function postActions(
  ctx: DrillContext,
  id: string,
  inputs: readonly DrillActionInput[],
): Promise<{ atS: number; actions: StoredAction[]; player: PlayerView }> {
  const stored = await writeDrill(ctx, id, async (trx, d) => {
    requireStatus(d.body, ['running', 'paused'], 'act');
    const { o, simS } = await opened(ctx, d, trx);
    const unitIds = new Set(d.spec.units.map((u) => u.id));
    const bodies: StoredActionBody[] = inputs.map((a, k) => {
      const field = `actions[${k}]`;
      const needUnit = (unitId: string, f: string): void => {
        if (!unitIds.has(unitId))
          throw new TandemError(
            'INVALID_INPUT',
            `no unit "${unitId}" in this drill; one of ${[...unitIds].join(', ')}`,
            `${field}.${f}`,
          );
      };
      switch (a.kind) {
        case 'assign':
          needUnit(a.unitId, 'unitId');
          if (o.session.unitStatus(a.unitId) === 'broken')
            throw new TandemError('CONFLICT', `unit ${a.unitId} broke down and cannot be tasked`, `${field}.unitId`);
          return { kind: 'assign', unitId: a.unitId, waypoints: a.waypoints.map((p) => [p[0], p[1]] as LonLat) };
        case 'plan':
          a.areas.forEach((ar, j) => needUnit(ar.unitId, `areas[${j}].unitId`));
          return {
            kind: 'plan',
            areas: a.areas.map((ar) => ({ unitId: ar.unitId, ring: closeRing(ar.ring) })),
            ...(a.plannedPos !== undefined ? { plannedPos: a.plannedPos } : {}),
          };
        case 'message':
          return {
            kind: 'message',
            from: a.from ?? `${ctx.actor.nation} RCC (${ctx.actor.username})`,
            to: a.to,
            text: a.text,
          };
      }
    });
    const out = await appendActions(trx, d.rec.id, ctx.actor, simS, bodies);
    await auditActions(ctx, trx, d, out);
    return out;
  });
  const d = await loadIn(ctx, id);
  const { o } = await opened(ctx, d);
  return { atS: stored[0]?.atS ?? o.simS, actions: stored, player: playerView(o.session) };
}

export async function proposal(
  ctx: DrillContext,
  id: string,
): Promise<{
  atS: number;
  basedOnActions: number;
  actions: ProposedAction[];
  plannedPos: number | null;
  note: DrillText;
}> {
  const d = await loadIn(ctx, id);
  requireStatus(d.body, ['running', 'paused'], 'propose a plan');
  const actions = await listActions(ctx.database.db, id);
  const simS = drillSimS(d.body, d.spec.stepS, wallS());
  const p = proposePlan(d.spec, d.land, actions, simS);
  return {
    atS: simS,
    basedOnActions: actions.length,
    actions: p.actions,
    plannedPos: p.plannedPos,
    note: {
      en: 'Proposal by the optimiser; accept to make it the plan of record',
      ko: '최적화기 제안입니다. 수락해야 기록된 계획이 됩니다',
      ja: '最適化機能による提案です。採用すると正式な計画になります',
    },
  };
}

// ---------------------------------------------------------------- control

function evaluationsOf(actions: readonly StoredAction[]): Evaluation[] {
  const out: Evaluation[] = [];
  for (const a of actions) {
    if (a.body.kind !== 'evaluation') continue;
    out.push({
      seq: a.seq,
      atS: a.atS,
      objectiveId: a.body.objectiveId,
      rating: a.body.rating,
      evaluator: a.body.evaluator,
      observations: a.body.observations,
      createdAt: a.createdAt,
    });
  }
  return out;
}

export async function controlView(ctx: DrillContext, id: string): Promise<unknown> {
  const d = await loadIn(ctx, id);
  const { o, actions, simS } = await opened(ctx, d);
  const s = o.session;
  const truth = s.truth;
  const summary = s.summary();
  const delivered = new Set(s.delivered().map((i) => i.id));
  const x = new Float64Array(1);
  const y = new Float64Array(1);
  const objects = truth.objects.map((t, k) => {
    const released = simS >= t.releaseAtS && (t.injectId === undefined || delivered.has(t.injectId));
    const track: { atS: number; lonLat: LonLat }[] = [];
    if (released) {
      for (let j = 0; j < t.track.atS.length; j++) {
        const at = t.track.atS[j] as number;
        if (at > simS) break;
        const px = t.track.xM[j] as number;
        const py = t.track.yM[j] as number;
        if (at >= t.releaseAtS && Number.isFinite(px) && Number.isFinite(py))
          track.push({ atS: at, lonLat: truth.projection.inverse(px, py) });
      }
    }
    tracksAt(t.track, simS, x, y);
    const out = summary.objects[k];
    return {
      id: t.object.id,
      description: t.object.description,
      persons: t.object.persons.reduce((a, p) => a + p.count, 0),
      releaseAtS: t.releaseAtS,
      injectId: t.injectId ?? null,
      position: released && Number.isFinite(x[0]) ? truth.projection.inverse(x[0] as number, y[0] as number) : null,
      track,
      detectedAtS: out?.detectedAtS ?? null,
      detectedBy: out?.detectedBy ?? null,
      recoveredAtS: out?.recoveredAtS ?? null,
      recoveredBy: out?.recoveredBy ?? null,
    };
  });
  return {
    drill: info(d, actions.length),
    seed: d.body.seed,
    truthSeed: d.body.truthSeed,
    atS: simS,
    truth: { casualtyPosition: truth.casualtyPosition, objects },
    pending: s
      .pending()
      .filter((p) => !delivered.has(p.inject.id))
      .map((p) => ({
        id: p.inject.id,
        atS: p.inject.atS,
        kind: p.inject.kind,
        held: p.held,
        origin: p.inject.origin,
        text: p.inject.text,
      })),
    delivered: s.delivered(),
    timeline: s.timeline().filter((e) => e.atS <= simS),
    units: s.units().map((u) => ({
      id: u.unit.id,
      name: u.unit.name,
      nation: u.unit.nation,
      platform: u.unit.platform,
      position: s.unitPosition(u.unit.id),
      status: s.unitStatus(u.unit.id),
    })),
    summarySoFar: summary,
    actions,
    evaluations: evaluationsOf(actions),
  };
}

// ---------------------------------------------------------------- injects and evaluations

/** A controller's live inject as posted (`POST /api/drills/:id/injects`); weather in SI units. */
export interface LiveInjectInput {
  readonly text: DrillText;
  /** Default 'information'. */
  readonly kind?: LiveInjectKind;
  /** Required for 'unit-breakdown': a unit of this drill. */
  readonly unitId?: string;
  /** Required for 'weather-change'. */
  readonly weather?: LiveWeather;
}

export async function addLiveInject(
  ctx: DrillContext,
  id: string,
  input: LiveInjectInput,
): Promise<{ id: string; atS: number }> {
  return writeDrill(ctx, id, async (trx, d) => {
    requireStatus(d.body, ['running', 'paused'], 'add an inject');
    const kind = input.kind ?? 'information';
    let effect: { unitId: string } | { weather: LiveWeather } | undefined;
    if (kind === 'unit-breakdown') {
      if (input.unitId === undefined)
        throw new TandemError('INVALID_INPUT', 'a unit-breakdown inject names the unit that breaks down', 'unitId');
      const unitIds = d.spec.units.map((u) => u.id);
      if (!unitIds.includes(input.unitId))
        throw new TandemError(
          'INVALID_INPUT',
          `no unit "${input.unitId}" in this drill; one of ${unitIds.join(', ')}`,
          'unitId',
        );
      if (input.weather !== undefined)
        throw new TandemError('INVALID_INPUT', 'a unit-breakdown inject takes no weather', 'weather');
      effect = { unitId: input.unitId };
    } else if (kind === 'weather-change') {
      if (input.weather === undefined)
        throw new TandemError('INVALID_INPUT', 'a weather-change inject gives the new weather', 'weather');
      if (input.unitId !== undefined)
        throw new TandemError('INVALID_INPUT', 'a weather-change inject names no unit', 'unitId');
      const w = input.weather;
      effect = {
        weather: {
          windSpeedMps: w.windSpeedMps,
          windFromDeg: w.windFromDeg % 360,
          visibilityM: w.visibilityM,
          seaHeightM: w.seaHeightM,
        },
      };
    } else if (input.unitId !== undefined || input.weather !== undefined)
      throw new TandemError(
        'INVALID_INPUT',
        'an information inject takes no unit or weather',
        input.unitId !== undefined ? 'unitId' : 'weather',
      );
    const simS = drillSimS(d.body, d.spec.stepS, wallS());
    const injectId = `live-${(await countActions(trx, d.rec.id)) + 1}`;
    const body: StoredActionBody = {
      kind: 'live-inject',
      id: injectId,
      text: input.text,
      ...(input.kind !== undefined ? { injectKind: kind } : {}),
      ...effect,
    };
    const out = await appendActions(trx, d.rec.id, ctx.actor, simS, [body]);
    await auditActions(ctx, trx, d, out);
    return { id: injectId, atS: out[0]?.atS ?? simS };
  });
}

export async function releaseInject(
  ctx: DrillContext,
  id: string,
  injectId: string,
): Promise<{ id: string; atS: number }> {
  return writeDrill(ctx, id, async (trx, d) => {
    requireStatus(d.body, ['running', 'paused'], 'release an inject');
    const { o, simS } = await opened(ctx, d, trx);
    const p = o.session.pending().find((q) => q.inject.id === injectId);
    if (p === undefined) throw new TandemError('NOT_FOUND', `no inject "${injectId}" in this drill`, 'injectId');
    if (!p.held || o.session.delivered().some((i) => i.id === injectId))
      throw new TandemError(
        'CONFLICT',
        `inject "${injectId}" is not held in reserve (already released or scripted)`,
        'injectId',
      );
    const out = await appendActions(trx, d.rec.id, ctx.actor, simS, [{ kind: 'release-inject', injectId }]);
    await auditActions(ctx, trx, d, out);
    return { id: injectId, atS: out[0]?.atS ?? simS };
  });
}

export async function addEvaluation(
  ctx: DrillContext,
  id: string,
  e: { objectiveId: string; rating: HseepRating; observations: readonly Observation[] },
): Promise<Evaluation> {
  return writeDrill(ctx, id, async (trx, d) => {
    requireStatus(d.body, ['running', 'paused', 'finished'], 'evaluate');
    if (!d.spec.objectives.some((o) => o.id === e.objectiveId))
      throw new TandemError(
        'INVALID_INPUT',
        `no objective "${e.objectiveId}" in this drill; one of ${d.spec.objectives.map((o) => o.id).join(', ')}`,
        'objectiveId',
      );
    const simS = drillSimS(d.body, d.spec.stepS, wallS());
    const evaluator = `${ctx.actor.username} (${ctx.actor.nation})`;
    const out = await appendActions(trx, d.rec.id, ctx.actor, simS, [
      { kind: 'evaluation', objectiveId: e.objectiveId, rating: e.rating, evaluator, observations: e.observations },
    ]);
    await auditActions(ctx, trx, d, out);
    const ev = evaluationsOf(out)[0];
    if (ev === undefined) throw new TandemError('INTERNAL', 'evaluation not stored');
    return ev;
  });
}

// ---------------------------------------------------------------- after the drill

function coreEvaluations(evals: readonly Evaluation[]): ObjectiveEvaluation[] {
  return evals.map((e) => ({
    objectiveId: e.objectiveId,
    rating: e.rating,
    evaluator: e.evaluator,
    observations: e.observations,
  }));
}

/**
 * The improvement plan of a finished drill: its findings' corrective actions plus the open ones carried from the
 * previous drill's plan (followed back at most `MAX_PLAN_CHAIN` drills), with this drill's closures applied.
 * A previous drill the caller cannot see (deleted, or relabelled more restrictively since) carries nothing.
 */
async function improvementPlanOf(ctx: DrillContext, id: string, depth: number): Promise<ImprovementPlan | undefined> {
  if (depth > MAX_PLAN_CHAIN) return undefined;
  const row = await ctx.database.db
    .selectFrom('sar_records')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', 'drill')
    .where(visibleTo(ctx.actor))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const rec = toSarRecord(row);
  const body = drillBodyOf(rec);
  if (body.status !== 'finished' || body.summary === null) return undefined;
  const land = await drillLandMask();
  const spec = drillSpecOf(rec.id, body, land);
  const actions = await listActions(ctx.database.db, id);
  const previous =
    body.previousDrillId === null ? undefined : await improvementPlanOf(ctx, body.previousDrillId, depth + 1);
  const aar = buildAfterActionReport(spec, body.summary, [], coreEvaluations(evaluationsOf(actions)), previous);
  return applyClosures(aar.improvementPlan, actions, id);
}

function applyClosures(plan: ImprovementPlan, actions: readonly StoredAction[], drillId: string): ImprovementPlan {
  let p = plan;
  for (const a of actions)
    if (
      a.body.kind === 'close-corrective-action' &&
      p.actions.some((x) => x.id === (a.body as { actionId: string }).actionId)
    )
      p = closeCorrectiveAction(p, a.body.actionId, drillId, a.body.note);
  return p;
}

export interface DrillReport {
  readonly drill: DrillInfo;
  readonly releasability: Releasability;
  readonly lang: 'en' | 'ko' | 'ja';
  readonly summary: DrillSummary;
  readonly report: AfterActionReport;
  readonly previousDrillId: string | null;
  readonly evaluations: readonly Evaluation[];
  readonly map: ReturnType<typeof reportMap>['map'];
  readonly bounds: [[number, number], [number, number]];
  readonly pdfUrl: string;
  readonly replay: DrillReplay;
}

async function finished(
  ctx: DrillContext,
  id: string,
): Promise<Loaded & { summary: DrillSummary; actions: StoredAction[] }> {
  const d = await loadIn(ctx, id);
  if (d.body.status !== 'finished' || d.body.summary === null)
    throw conflict(`the drill is ${d.body.status}; the report, replay and closures come after it is finished`);
  return { ...d, summary: d.body.summary, actions: await listActions(ctx.database.db, id) };
}

/** The after-action report of a finished drill (and what the HTML/PDF report draws). */
export async function drillReport(ctx: DrillContext, id: string, lang: 'en' | 'ko' | 'ja'): Promise<DrillReport> {
  const d = await finished(ctx, id);
  const endS = d.body.finishedAtS ?? 0;
  const o = sessionAt(d.spec, d.land, d.actions, endS);
  const evaluations = evaluationsOf(d.actions);
  const previous =
    d.body.previousDrillId === null ? undefined : await improvementPlanOf(ctx, d.body.previousDrillId, 1);
  const aar = buildAfterActionReport(d.spec, d.summary, o.session.timeline(), coreEvaluations(evaluations), previous);
  const report: AfterActionReport = { ...aar, improvementPlan: applyClosures(aar.improvementPlan, d.actions, id) };
  const replay = drillReplay(d.spec, d.land, d.actions, endS, 300);
  const { map, bounds } = reportMap(d.spec, replay);
  return {
    drill: info(d, d.actions.length),
    releasability: d.rec.releasability,
    lang,
    summary: d.summary,
    report,
    previousDrillId: d.body.previousDrillId,
    evaluations,
    map,
    bounds,
    pdfUrl: `/api/drills/${id}/report.pdf?lang=${lang}`,
    replay,
  };
}

export async function closeAction(
  ctx: DrillContext,
  id: string,
  actionId: string,
  note: string,
): Promise<{ improvementPlan: ImprovementPlan }> {
  const rep = await drillReport(ctx, id, 'en');
  const a = rep.report.improvementPlan.actions.find((x) => x.id === actionId);
  if (a === undefined)
    throw new TandemError('NOT_FOUND', `no corrective action "${actionId}" in this drill's plan`, 'actionId');
  if (a.status === 'closed')
    throw new TandemError('CONFLICT', `corrective action "${actionId}" is already closed`, 'actionId');
  await writeDrill(ctx, id, async (trx, d) => {
    const out = await appendActions(trx, d.rec.id, ctx.actor, d.body.finishedAtS ?? 0, [
      { kind: 'close-corrective-action', actionId, note },
    ]);
    await auditActions(ctx, trx, d, out);
  });
  return { improvementPlan: closeCorrectiveAction(rep.report.improvementPlan, actionId, id, note) };
}

export async function replayOf(ctx: DrillContext, id: string, stepS: number): Promise<DrillReplay> {
  const d = await finished(ctx, id);
  if (!(Number.isInteger(stepS) && stepS % d.spec.stepS === 0))
    throw new TandemError('INVALID_INPUT', `stepS must be a multiple of ${d.spec.stepS} s`, 'stepS');
  return drillReplay(d.spec, d.land, d.actions, d.body.finishedAtS ?? 0, stepS);
}

export async function trends(ctx: DrillContext): Promise<unknown> {
  const rows = await ctx.database.db
    .selectFrom('sar_records')
    .selectAll()
    .where('kind', '=', 'drill')
    .where(visibleTo(ctx.actor))
    .execute();
  const records: { startTimeS: number; summary: DrillSummary }[] = [];
  const titles = new Map<string, string>();
  for (const row of rows) {
    const rec = toSarRecord(row);
    const body = drillBodyOf(rec);
    if (body.status !== 'finished' || body.summary === null) continue;
    records.push({ startTimeS: body.startTimeS, summary: body.summary });
    titles.set(rec.id, rec.title);
  }
  return {
    families: drillTrends(records).map((f) => ({
      family: f.family,
      name: DRILL_TEMPLATES.find((t) => t.family === f.family)?.name ?? { en: f.family, ko: f.family, ja: f.family },
      points: f.points.map((p) => ({ ...p, title: titles.get(p.drillId) ?? p.drillId })),
      change: f.change,
      posSlopePerDrill: f.posSlopePerDrill,
    })),
  };
}
