/**
 * The stored drill document (the `drill` record's body) and what is derived from it: the core `DrillSpec` (built
 * from the template, seeds and overrides, deterministic), the simulated time now (`SimClock` in the body, quantized
 * to the drill step so replays are bit for bit), and the `DrillInfo` every reader gets (no seeds, no truth).
 */
import {
  createDrillSpec,
  drillUnit,
  findDrillTemplate,
  isTandemError,
  simulatedTime,
  srrNationAt,
  TandemError,
} from '@tandem/core';
import type { DrillSpec, DrillSummary, DrillText, LandMask, LonLat, Nation, Objective, SimClock } from '@tandem/core';
import type { Releasability } from '../db/schema.ts';
import type { SarRecord } from '../records/sar-record-repository.ts';

export type DrillStatus = 'setup' | 'running' | 'paused' | 'finished';
export const DRILL_STATUSES: readonly DrillStatus[] = ['setup', 'running', 'paused', 'finished'];

/** A unit override of the create request. */
export interface DrillUnitOverride {
  readonly type: string;
  readonly base?: string;
  readonly noticeS?: number;
}

/** The drill record's body. Everything needed to rebuild the session with the stored actions. */
export interface DrillBody {
  readonly schema: 'tandem.drill/1';
  readonly templateId: string;
  readonly seed: number;
  readonly truthSeed: number;
  /** The MAYDAY relay (drill second 0), epoch s UTC. */
  readonly startTimeS: number;
  /** The reported position drawn by the location generator at creation (kept so a new coastline cannot move it). */
  readonly position: LonLat;
  readonly durationS: number;
  readonly planningParticles: number;
  /** Template objectives exercised (null: all). */
  readonly objectiveIds: readonly string[] | null;
  /** Units replacing the template's (null: the template's). */
  readonly units: readonly DrillUnitOverride[] | null;
  readonly status: DrillStatus;
  /** Acceleration used while running (simulated s per wall s). */
  readonly clockFactor: number;
  /** The live clock (wall time in epoch s); null before the start. Paused: factor 0. */
  readonly clock: SimClock | null;
  readonly finishedAtS: number | null;
  readonly finishedUtc: string | null;
  /** Stored at finish: the drill's summary (trends read it without rebuilding sessions). */
  readonly summary: DrillSummary | null;
  /** Drill whose open corrective actions this one carries (fixed at finish). */
  readonly previousDrillId: string | null;
}

/** What every reader of a drill gets (docs/domain/drills-api.md `DrillInfo`). */
export interface DrillInfo {
  readonly id: string;
  readonly title: string;
  readonly ownerNation: Nation;
  readonly releasability: Releasability;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly status: DrillStatus;
  readonly simS: number;
  readonly atEnd: boolean;
  readonly clockFactor: number;
  readonly durationS: number;
  readonly stepS: number;
  readonly startTimeS: number;
  readonly startUtc: string;
  readonly template: {
    readonly id: string;
    readonly family: string;
    readonly name: DrillText;
    readonly difficulty: 'basic' | 'intermediate' | 'advanced';
  };
  readonly name: DrillText;
  readonly description: DrillText;
  readonly srr: Nation | null;
  readonly reportedPosition: LonLat;
  readonly objectives: readonly Objective[];
  readonly participants: readonly { name: string; role: 'controller' | 'evaluator' | 'player'; nation: Nation }[];
  readonly units: readonly {
    id: string;
    type: string;
    nation: Nation;
    name: string;
    platform: 'boat' | 'aircraft' | 'helicopter';
    baseId: string | null;
    base: LonLat;
    noticeS: number;
  }[];
  readonly actionCount: number;
  readonly finishedUtc: string | null;
}

/** Unit ids of an override list, as the template's units are named (`<type>-<k>`). */
function overrideUnits(units: readonly DrillUnitOverride[], near: LonLat): DrillSpec['units'] {
  return units.map((u, k) =>
    drillUnit(
      `${u.type}-${k + 1}`,
      u.type,
      near,
      {
        ...(u.base !== undefined ? { baseId: u.base } : {}),
        ...(u.noticeS !== undefined ? { noticeS: u.noticeS } : {}),
      },
      `units[${k}]`,
    ),
  );
}

/** Run `f`, reporting its TandemErrors as 400 INVALID_INPUT with the same field (a request's bad value). */
function asInvalidInput<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isTandemError(e)) throw new TandemError('INVALID_INPUT', e.message, e.field);
    throw e;
  }
}

/**
 * The core drill of a stored body. Deterministic in the body (and the record id), so a rebuilt session equals the
 * one played. Errors name the request's fields (`template`, `objectives[k]`, `units[k].type`).
 */
export function drillSpecOf(id: string, body: DrillBody, land: LandMask): DrillSpec {
  let template;
  try {
    template = findDrillTemplate(body.templateId, 'template');
  } catch (e) {
    if (isTandemError(e)) throw new TandemError('INVALID_INPUT', e.message, 'template');
    throw e;
  }
  const base = createDrillSpec(template, {
    seed: body.seed,
    truthSeed: body.truthSeed,
    startTimeS: body.startTimeS,
    land,
    position: body.position,
    id,
    ...(body.units !== null ? { units: asInvalidInput(() => overrideUnits(body.units ?? [], body.position)) } : {}),
  });
  let objectives = base.objectives;
  if (body.objectiveIds !== null) {
    objectives = body.objectiveIds.map((oid, k) => {
      const o = base.objectives.find((q) => q.id === oid);
      if (o === undefined)
        throw new TandemError(
          'INVALID_INPUT',
          `template ${template.id} has no objective "${oid}"; one of ${base.objectives.map((q) => q.id).join(', ')}`,
          `objectives[${k}]`,
        );
      return o;
    });
  }
  return { ...base, durationS: body.durationS, planningParticles: body.planningParticles, objectives };
}

/** Simulated time now (s from the drill start), quantized down to the drill step, within [0, duration]. */
export function drillSimS(body: DrillBody, stepS: number, wallS: number): number {
  let s: number;
  if (body.status === 'setup' || body.clock === null) s = 0;
  else if (body.status === 'finished') s = body.finishedAtS ?? 0;
  else s = simulatedTime(body.clock, wallS);
  s = Math.min(Math.max(0, s), body.durationS);
  return Math.floor(s / stepS + 1e-9) * stepS;
}

/** Reads a stored drill body (the record store keeps any JSON; a drill's is ours). */
export function drillBodyOf(rec: SarRecord): DrillBody {
  const b = rec.body as Partial<DrillBody> | null;
  if (b === null || typeof b !== 'object' || b.schema !== 'tandem.drill/1')
    throw new TandemError('CONFLICT', `record ${rec.id} is not a drill document`, 'id');
  return b as DrillBody;
}

export function drillInfo(
  rec: SarRecord,
  body: DrillBody,
  spec: DrillSpec,
  actionCount: number,
  wallS: number,
): DrillInfo {
  const simS = drillSimS(body, spec.stepS, wallS);
  const template = findDrillTemplate(body.templateId);
  return {
    id: rec.id,
    title: rec.title,
    ownerNation: rec.ownerNation,
    releasability: rec.releasability,
    createdBy: rec.createdBy,
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
    version: rec.version,
    status: body.status,
    simS,
    atEnd: simS >= spec.durationS,
    clockFactor: body.clockFactor,
    durationS: spec.durationS,
    stepS: spec.stepS,
    startTimeS: spec.startTimeS,
    startUtc: new Date(spec.startTimeS * 1000).toISOString(),
    template: { id: template.id, family: template.family, name: template.name, difficulty: template.difficulty },
    name: spec.name,
    description: spec.description,
    srr: spec.srr ?? null,
    reportedPosition: spec.reportedPosition,
    objectives: spec.objectives,
    participants: spec.participants,
    units: spec.units.map((u) => ({
      id: u.id,
      type: u.type,
      nation: u.nation,
      name: u.name,
      platform: u.platform,
      baseId: u.baseId ?? null,
      base: u.base,
      noticeS: u.noticeS,
    })),
    actionCount,
    finishedUtc: body.finishedUtc,
  };
}

/** SRR nations a template's sea areas touch (corners and centre of each area box). */
export function srrNationsOfBoxes(boxes: readonly (readonly [number, number, number, number])[]): Nation[] {
  const out = new Set<Nation>();
  for (const [w, s, e, n] of boxes) {
    for (const [x, y] of [
      [w, s],
      [w, n],
      [e, s],
      [e, n],
      [(w + e) / 2, (s + n) / 2],
    ] as const) {
      const nation = srrNationAt(x, y);
      if (nation !== undefined) out.add(nation);
    }
  }
  return [...out].sort();
}
