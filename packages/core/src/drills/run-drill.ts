/**
 * The headless drill runner: draw the truth, build the reference probability map (the MAYDAY datum drifted in the
 * drill's weather, seed stream `DRILL_STREAMS.planning`), then play the drill on the simulated clock with recorded
 * player and controller actions and/or the auto player, and return the summary, timeline and messages.
 * Deterministic: the same drill (seed, truth seed, actions) gives a bit-identical result.
 */
import { TandemError } from '../errors/index.ts';
import type { LandMask } from '../forcing/index.ts';
import type { LonLat } from '../geo/index.ts';
import { createAutoPlayer, planningSeed } from './auto-player.ts';
import type { ObjectTemplate } from './drill-template.ts';
import { createDrillSession } from './drill-session.ts';
import type {
  DeliveredInject,
  DrillMessage,
  DrillSession,
  DrillSummary,
  PlanRecord,
  TimelineEvent,
} from './drill-session.ts';
import type { DrillSpec } from './drill-spec.ts';
import { drawTruth, driftObject, scriptedWeatherChanges } from './hidden-truth.ts';
import type { DrillText } from './localized-text.ts';

/** A recorded action of a player or controller, at `atS` seconds from the drill start. */
export type DrillAction =
  | { readonly atS: number; readonly kind: 'assign'; readonly unitId: string; readonly waypoints: readonly LonLat[] }
  | {
      readonly atS: number;
      readonly kind: 'plan';
      readonly areas: readonly { readonly unitId: string; readonly ring: readonly LonLat[] }[];
      /** The plan's own POS estimate, when the planner gave one. */
      readonly plannedPos?: number;
    }
  | {
      readonly atS: number;
      readonly kind: 'message';
      readonly from: string;
      readonly to: string;
      readonly text: string;
    }
  | { readonly atS: number; readonly kind: 'release-inject'; readonly injectId: string }
  | {
      readonly atS: number;
      readonly kind: 'live-inject';
      readonly id: string;
      readonly text: DrillText;
      /** What the inject does: information only (default), a unit breaks down, or the weather changes. */
      readonly injectKind?: LiveInjectKind;
      /** The unit that breaks down (required for 'unit-breakdown'). */
      readonly unitId?: string;
      /** The new weather (required for 'weather-change'); SI units. */
      readonly weather?: LiveWeather;
    };

/** Kinds of live inject a controller can add during a drill. */
export type LiveInjectKind = 'information' | 'unit-breakdown' | 'weather-change';

/** Weather of a live weather-change inject: wind m/s, wind from ° true, visibility m, significant sea height m. */
export interface LiveWeather {
  readonly windSpeedMps: number;
  readonly windFromDeg: number;
  readonly visibilityM: number;
  readonly seaHeightM: number;
}

export interface RunDrillOptions {
  readonly land: LandMask;
  readonly auto: boolean;
  readonly actions?: readonly DrillAction[];
  /** Interval at which the auto player looks at its units, s. Default 600. */
  readonly decisionStepS?: number;
}

export interface DrillResult {
  readonly summary: DrillSummary;
  readonly timeline: readonly TimelineEvent[];
  readonly messages: readonly DrillMessage[];
  readonly plans: readonly PlanRecord[];
  readonly delivered: readonly DeliveredInject[];
}

/** Draw the truth and open a session with the reference map registered as cloud 0. */
export function openDrill(
  spec: DrillSpec,
  land: LandMask,
): { session: DrillSession; reference: { tracks: ReturnType<typeof driftObject>; index: number } } {
  const truth = drawTruth(spec, land);
  const session = createDrillSession(spec, truth);
  const object = spec.objects[0] as ObjectTemplate;
  const tracks = driftObject(
    spec,
    land,
    object,
    spec.reportedPosition,
    spec.casualtyAtS,
    planningSeed(spec.seed, 0),
    spec.planningParticles,
    spec.reportedErrorM,
    scriptedWeatherChanges(spec).filter((c) => c.atS <= 0),
    truth.projection,
  );
  const index = session.registerCloud(tracks, object);
  return { session, reference: { tracks, index } };
}

/** Apply one recorded action to a session at its current time (the caller advanced it to `a.atS`). */
export function applyDrillAction(session: DrillSession, a: DrillAction): void {
  switch (a.kind) {
    case 'assign':
      session.assign(a.unitId, a.waypoints);
      return;
    case 'plan':
      session.recordPlan({ by: 'players', areas: a.areas, plannedPos: a.plannedPos });
      return;
    case 'message':
      session.sendMessage({ from: a.from, to: a.to, kind: 'message', text: a.text });
      return;
    case 'release-inject':
      session.releaseInject(a.injectId);
      return;
    case 'live-inject':
      session.addLiveInject({
        id: a.id,
        text: a.text,
        ...(a.injectKind !== undefined ? { kind: a.injectKind } : {}),
        ...(a.unitId !== undefined ? { unitId: a.unitId } : {}),
        ...(a.weather !== undefined ? { weather: { ...a.weather } } : {}),
      });
      return;
  }
}

/** Run a drill to its end, headless. */
export function runDrill(spec: DrillSpec, opts: RunDrillOptions): DrillResult {
  const { session, reference } = openDrill(spec, opts.land);
  const actions = [...(opts.actions ?? [])].sort((a, b) => a.atS - b.atS);
  for (const a of actions) {
    if (!(a.atS >= 0 && a.atS <= spec.durationS))
      throw new TandemError(
        'OUT_OF_RANGE',
        `action time ${a.atS} s is outside the drill [0, ${spec.durationS}]`,
        'actions.atS',
      );
  }
  const player = opts.auto ? createAutoPlayer(session, { land: opts.land, initialCloud: reference }) : undefined;
  const decision = opts.decisionStepS ?? 600;
  const stops = new Set<number>([0, spec.durationS]);
  for (let t = decision; t < spec.durationS; t += decision) stops.add(t);
  for (const a of actions) stops.add(a.atS);
  const times = [...stops].sort((a, b) => a - b);
  let k = 0;
  for (const t of times) {
    const delivered = session.advanceTo(t);
    while (k < actions.length && (actions[k] as DrillAction).atS <= t)
      applyDrillAction(session, actions[k++] as DrillAction);
    player?.decide(delivered);
  }
  return {
    summary: session.summary(),
    timeline: session.timeline(),
    messages: session.messages(),
    plans: session.plans(),
    delivered: session.delivered(),
  };
}
