/**
 * Replay of a finished drill: the stored actions played again on a fresh session (the same step partition as the
 * play, so the same detections), sampled every `stepS` for a replay slider and for the report's map: unit
 * positions and states, true positions and states of the truth objects, detections so far, and the plans.
 */
import { tracksAt } from '@tandem/core';
import type { DrillSpec, LandMask, LonLat, UnitStatus } from '@tandem/core';
import type { StoredAction } from './drill-actions.ts';
import { toDrillAction } from './drill-actions.ts';
import { applyDrillAction, openDrill } from '@tandem/core';

export type TruthState = 'not-yet' | 'adrift' | 'detected' | 'recovered';

export interface ReplayFrame {
  readonly atS: number;
  readonly units: readonly { readonly id: string; readonly lonLat: LonLat; readonly status: UnitStatus }[];
  readonly truth: readonly { readonly id: string; readonly lonLat: LonLat | null; readonly state: TruthState }[];
  readonly detections: number;
}

export interface DrillReplay {
  readonly drillId: string;
  readonly stepS: number;
  readonly endS: number;
  readonly bounds: [[number, number], [number, number]];
  readonly plans: readonly {
    readonly atS: number;
    readonly areas: readonly { unitId: string; ring: readonly LonLat[] }[];
  }[];
  readonly detections: readonly { atS: number; unitId: string; objectId: string | null; lonLat: LonLat }[];
  readonly frames: readonly ReplayFrame[];
}

const MAX_CACHED = 8;
const cache = new Map<string, DrillReplay>();

/** Replay (cached by drill, actions, end and step: a finished drill does not change). */
export function drillReplay(
  spec: DrillSpec,
  land: LandMask,
  actions: readonly StoredAction[],
  endS: number,
  stepS: number,
): DrillReplay {
  const key = JSON.stringify([spec.id, spec.seed, spec.truthSeed, actions.length, endS, stepS]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const r = computeReplay(spec, land, actions, endS, stepS);
  cache.set(key, r);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return r;
}

function computeReplay(
  spec: DrillSpec,
  land: LandMask,
  actions: readonly StoredAction[],
  endS: number,
  stepS: number,
): DrillReplay {
  const { session } = openDrill(spec, land);
  const truth = session.truth;
  const stops = new Set<number>([0, endS]);
  for (let t = stepS; t < endS; t += stepS) stops.add(t);
  for (const a of actions) if (a.atS <= endS) stops.add(a.atS);
  const times = [...stops].sort((a, b) => a - b);
  const x = new Float64Array(1);
  const y = new Float64Array(1);
  const frames: ReplayFrame[] = [];
  let k = 0;
  const snapshot = (t: number): void => {
    const out = session.summary().objects;
    const delivered = new Set(session.delivered().map((i) => i.id));
    frames.push({
      atS: t,
      units: session.units().map((u) => ({
        id: u.unit.id,
        lonLat: session.unitPosition(u.unit.id),
        status: session.unitStatus(u.unit.id),
      })),
      truth: truth.objects.map((o, j) => {
        const released = t >= o.releaseAtS && (o.injectId === undefined || delivered.has(o.injectId));
        tracksAt(o.track, t, x, y);
        const lonLat =
          released && Number.isFinite(x[0]) ? truth.projection.inverse(x[0] as number, y[0] as number) : null;
        const oc = out[j];
        let state: TruthState = released ? 'adrift' : 'not-yet';
        if (oc?.recoveredAtS !== null && oc?.recoveredAtS !== undefined && oc.recoveredAtS <= t) state = 'recovered';
        else if (oc?.detectedAtS !== null && oc?.detectedAtS !== undefined && oc.detectedAtS <= t) state = 'detected';
        return { id: o.object.id, lonLat, state };
      }),
      detections: session.detections().length,
    });
  };
  for (const t of times) {
    session.advanceTo(t);
    if (t % stepS === 0 || t === endS) snapshot(t);
    while (k < actions.length && (actions[k] as StoredAction).atS <= t) {
      const a = actions[k++] as StoredAction;
      const act = toDrillAction(a);
      if (act !== undefined) {
        session.advanceTo(a.atS);
        applyDrillAction(session, act);
      }
    }
  }
  const final = session.summary().objects;
  const detections = session.detections().map((dt) => {
    const o = final.find((q) => q.detectedAtS === dt.atS && q.detectedBy === dt.unitId);
    return { atS: dt.atS, unitId: dt.unitId, objectId: o?.id ?? null, lonLat: [dt.lonDeg, dt.latDeg] as LonLat };
  });
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = (p: LonLat | null): void => {
    if (p === null) return;
    w = Math.min(w, p[0]);
    e = Math.max(e, p[0]);
    s = Math.min(s, p[1]);
    n = Math.max(n, p[1]);
  };
  for (const f of frames) {
    for (const u of f.units) add(u.lonLat);
    for (const o of f.truth) add(o.lonLat);
  }
  const plans = session.plans().map((p) => ({ atS: p.atS, areas: p.areas }));
  for (const p of plans) for (const a of p.areas) for (const q of a.ring) add(q);
  add(spec.reportedPosition);
  const padX = Math.max(0.05, (e - w) * 0.05);
  const padY = Math.max(0.05, (n - s) * 0.05);
  return {
    drillId: spec.id,
    stepS,
    endS,
    bounds: [
      [w - padX, s - padY],
      [e + padX, n + padY],
    ],
    plans,
    detections,
    frames,
  };
}
