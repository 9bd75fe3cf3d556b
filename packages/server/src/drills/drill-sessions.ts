/**
 * Drill sessions rebuilt from the stored document and actions: `openDrill`, then for each action in seq order
 * `advanceTo(atS)` and the action, then `advanceTo(simS)`. Every time is a multiple of the drill step, so the step
 * partition (and with it every detection draw) is the same whether a session is rebuilt from scratch or advanced
 * from a cached one: the cache (by drill id; hit when the cached session is at or before the wanted time with a
 * prefix of the actions) only saves work, it never changes a result.
 */
import { applyDrillAction, createAutoPlayer, openDrill } from '@tandem/core';
import type { DeliveredInject, DrillSession, DrillSpec, LandMask, LonLat } from '@tandem/core';
import type { DrillAction } from '@tandem/core';
import type { StoredAction } from './drill-actions.ts';
import { toDrillAction } from './drill-actions.ts';

export interface OpenedDrill {
  readonly spec: DrillSpec;
  readonly session: DrillSession;
  readonly reference: ReturnType<typeof openDrill>['reference'];
  /** Stored actions applied (all kinds counted). */
  actionCount: number;
  simS: number;
}

interface CacheEntry {
  readonly key: string;
  readonly opened: OpenedDrill;
}

/** Sessions kept in memory (least recently used dropped first). */
const MAX_CACHED = 16;
const cache = new Map<string, CacheEntry>();

/** Figures of the cache, for tests and the report. */
export const sessionCacheStats = { hits: 0, rebuilds: 0, lastRebuildMs: 0 };

function specKey(spec: DrillSpec): string {
  return JSON.stringify([spec.id, spec.seed, spec.truthSeed, spec.startTimeS, spec.durationS, spec.planningParticles]);
}

/** Apply actions `from..` to an opened drill (each after advancing to its time), then advance to `simS`. */
function playForward(o: OpenedDrill, actions: readonly StoredAction[], from: number, simS: number): void {
  for (let k = from; k < actions.length; k++) {
    const a = actions[k] as StoredAction;
    const act = toDrillAction(a);
    if (act !== undefined) {
      o.session.advanceTo(a.atS);
      applyDrillAction(o.session, act);
    }
    o.actionCount = k + 1;
  }
  o.session.advanceTo(simS);
  o.simS = Math.max(o.simS, simS);
}

/** A fresh session of the drill with the actions applied, at `simS` (not cached). */
export function rebuildSession(
  spec: DrillSpec,
  land: LandMask,
  actions: readonly StoredAction[],
  simS: number,
): OpenedDrill {
  const t0 = performance.now();
  const { session, reference } = openDrill(spec, land);
  const o: OpenedDrill = { spec, session, reference, actionCount: 0, simS: 0 };
  playForward(o, actions, 0, simS);
  sessionCacheStats.rebuilds++;
  sessionCacheStats.lastRebuildMs = performance.now() - t0;
  return o;
}

/** The drill's session at `simS` with all `actions` applied: from the cache when it can be advanced, else rebuilt. */
export function sessionAt(
  spec: DrillSpec,
  land: LandMask,
  actions: readonly StoredAction[],
  simS: number,
): OpenedDrill {
  const key = specKey(spec);
  const hit = cache.get(spec.id);
  if (
    hit !== undefined &&
    hit.key === key &&
    hit.opened.actionCount <= actions.length &&
    hit.opened.simS <= simS &&
    actions.slice(hit.opened.actionCount).every((a) => a.atS >= hit.opened.simS)
  ) {
    cache.delete(spec.id);
    cache.set(spec.id, hit);
    playForward(hit.opened, actions, hit.opened.actionCount, simS);
    sessionCacheStats.hits++;
    return hit.opened;
  }
  const o = rebuildSession(spec, land, actions, simS);
  cache.delete(spec.id);
  cache.set(spec.id, { key, opened: o });
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return o;
}

/** Forget a drill's cached session (deleted drill, failed write). */
export function forgetSession(drillId: string): void {
  cache.delete(drillId);
}

/** An action as a player would post it (`DrillActionInput` of the API). */
export type ProposedAction =
  | { readonly kind: 'assign'; readonly unitId: string; readonly waypoints: readonly LonLat[] }
  | {
      readonly kind: 'plan';
      readonly areas: readonly { readonly unitId: string; readonly ring: readonly LonLat[] }[];
      readonly plannedPos?: number;
    }
  | { readonly kind: 'message'; readonly to: string; readonly text: string; readonly from: string };

/**
 * The auto player's planning step on the drill as it stands, on a throwaway session: its taskings, plan and
 * messages are captured, not applied. Inputs are only what players know (delivered injects, units, the search run
 * so far), so the proposal carries no truth. Second-casualty injects already answered by a later tasking are not
 * answered again.
 */
export function proposePlan(
  spec: DrillSpec,
  land: LandMask,
  actions: readonly StoredAction[],
  simS: number,
): { actions: ProposedAction[]; plannedPos: number | null } {
  const o = rebuildSession(spec, land, actions, simS);
  const captured: ProposedAction[] = [];
  let plannedPos: number | null = null;
  const proxy: DrillSession = {
    ...o.session,
    assign(unitId, waypoints) {
      captured.push({ kind: 'assign', unitId, waypoints: waypoints.map((p) => [p[0], p[1]] as LonLat) });
    },
    recordPlan(plan) {
      plannedPos = plan.plannedPos ?? null;
      captured.push({
        kind: 'plan',
        areas: plan.areas.map((a) => ({ unitId: a.unitId, ring: a.ring.map((p) => [p[0], p[1]] as LonLat) })),
        ...(plan.plannedPos !== undefined ? { plannedPos: plan.plannedPos } : {}),
      });
    },
    sendMessage(m) {
      captured.push({ kind: 'message', from: m.from, to: m.to, text: m.text });
    },
  };
  const player = createAutoPlayer(proxy, { land, initialCloud: o.reference });
  const lastAssignAtS = actions.reduce((t, a) => (a.kind === 'assign' ? Math.max(t, a.atS) : t), -Infinity);
  const delivered: DeliveredInject[] = o.session
    .delivered()
    .filter((i) => i.kind !== 'second-casualty' || i.atS > lastAssignAtS);
  player.decide(delivered);
  return { actions: captured, plannedPos };
}

/** The core actions of stored ones (for `runDrill` comparisons). */
export function coreActions(actions: readonly StoredAction[]): DrillAction[] {
  return actions.map(toDrillAction).filter((a): a is DrillAction => a !== undefined);
}
