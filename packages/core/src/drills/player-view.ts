/**
 * What players may see of a drill at a moment: the briefing (scenario, idealized environment as forecast, units,
 * objectives), the injects delivered so far (only what each reports), their units' positions and states, their own
 * plans and messages, and detections made by their units. The hidden truth (true positions, the truth seed, the
 * truth's objects and persons, undelivered and contingency injects, controller-only timeline events) never enters
 * it: the server returns only this projection to the player role.
 */
import type { LonLat } from '../geo/index.ts';
import type { Nation } from '../search/index.ts';
import type { Objective } from './drill-template.ts';
import type {
  DeliveredInject,
  DrillMessage,
  DrillSession,
  PlanRecord,
  TimelineEvent,
  UnitStatus,
} from './drill-session.ts';
import type { DrillText } from './localized-text.ts';

export interface PlayerUnitView {
  readonly id: string;
  readonly name: string;
  readonly nation: Nation;
  readonly platform: 'boat' | 'aircraft' | 'helicopter';
  readonly base: LonLat;
  readonly position: LonLat;
  readonly status: UnitStatus;
}

export interface PlayerView {
  readonly drillId: string;
  readonly name: DrillText;
  readonly description: DrillText;
  readonly difficulty: string;
  readonly atS: number;
  readonly startTimeS: number;
  readonly durationS: number;
  readonly environment: {
    readonly label: DrillText;
    readonly windSpeedMps: number;
    readonly windFromDeg: number;
    readonly visibilityM: number;
    readonly seaHeightM: number;
    readonly waterTempC: number;
    readonly night: boolean;
  };
  readonly srr: Nation | undefined;
  readonly objectives: readonly Objective[];
  readonly injects: readonly DeliveredInject[];
  readonly units: readonly PlayerUnitView[];
  readonly plans: readonly PlanRecord[];
  readonly messages: readonly DrillMessage[];
  readonly detections: readonly {
    atS: number;
    unitId: string;
    lonDeg: number;
    latDeg: number;
    description: DrillText;
  }[];
  readonly timeline: readonly TimelineEvent[];
}

/** The player projection of a session at its current time. */
export function playerView(session: DrillSession): PlayerView {
  const spec = session.spec;
  const w = session.weather();
  return {
    drillId: spec.id,
    name: spec.name,
    description: spec.description,
    difficulty: spec.difficulty,
    atS: session.now(),
    startTimeS: spec.startTimeS,
    durationS: spec.durationS,
    environment: {
      label: spec.environment.label,
      windSpeedMps: w.windSpeedMps,
      windFromDeg: w.windFromDeg,
      visibilityM: w.visibilityM,
      seaHeightM: w.seaHeightM,
      waterTempC: spec.environment.waterTempC,
      night: spec.environment.night,
    },
    srr: spec.srr,
    objectives: spec.objectives,
    injects: session.delivered().map((i) => ({ ...i })),
    units: session.units().map((u) => ({
      id: u.unit.id,
      name: u.unit.name,
      nation: u.unit.nation,
      platform: u.unit.platform,
      base: u.unit.base,
      position: session.unitPosition(u.unit.id),
      status: session.unitStatus(u.unit.id),
    })),
    plans: session.plans(),
    messages: session.messages(),
    detections: session.detections(),
    timeline: session.timeline().filter((e) => e.audience === 'players' && e.atS <= session.now()),
  };
}
