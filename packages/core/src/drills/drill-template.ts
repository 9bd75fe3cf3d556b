/**
 * The shape of a scenario template: a maritime accident type with its objects and persons, survival equipment,
 * where it happens, an idealized environment, difficulty, participating unit types of both nations, the master
 * scenario events list (timed and contingency injects) and objectives tied to capabilities.
 */
import type { SensorModel } from '../search/index.ts';
import type { DrillText } from './localized-text.ts';
import type { SeaAreaId } from './location-generator.ts';
import type { Exposure, PersonalEquipment } from './survival-model.ts';

export type Difficulty = 'basic' | 'intermediate' | 'advanced';

/** Persons aboard one object. */
export interface PersonGroup {
  readonly count: number;
  readonly exposure: Exposure;
  readonly equipment: PersonalEquipment;
}

/** A drifting search object of the casualty. */
export interface ObjectTemplate {
  readonly id: string;
  readonly description: DrillText;
  /** Leeway category key (`data/leeway`), e.g. "PIW-1", "FISHING-VESSEL-5". */
  readonly leewayCategory: string;
  /** Row of the sweep-width tables, e.g. "Person in Water", "Raft 6 person". */
  readonly sweepWidthObject: string;
  readonly persons: readonly PersonGroup[];
  /** Survival equipment carried (EPIRB, SART, flares, lights...), shown to players as part of the report. */
  readonly equipment: readonly string[];
  /**
   * Factor on the daylight visual sweep width at night (training assumption: 0.1 without lights, 0.5 with a
   * strobe or raft light, 1 for a vessel with deck lights). Omitted: 0.1.
   */
  readonly nightSweepWidthFactor?: number;
  /** Seconds after the casualty time when the object enters the water (rafts launched later). Default 0. */
  readonly releaseAfterS?: number;
  /** Offset of the object from the casualty position at release, metres east/north. Default 0. */
  readonly offsetM?: readonly [eastM: number, northM: number];
}

/** Idealized environment (labelled as such to players), SI units, directions true. */
export interface EnvironmentTemplate {
  readonly label: DrillText;
  readonly windSpeedMps: number;
  /** Direction the wind blows from, degrees true (a seeded jitter of ±20° is added at setup). */
  readonly windFromDeg: number;
  readonly currentSpeedMps: number;
  /** Direction the current flows toward, degrees true. */
  readonly currentToDeg: number;
  readonly waterTempC: number;
  readonly visibilityM: number;
  readonly seaHeightM: number;
  readonly night: boolean;
}

export type InjectKind =
  | 'mayday-relay'
  | 'sighting-report'
  | 'weather-change'
  | 'unit-breakdown'
  | 'second-casualty'
  | 'srr-hand-over'
  | 'information';

/** A scripted inject of the master scenario events list; `atS` counted from the drill start. */
export type InjectTemplate =
  | {
      readonly id: string;
      readonly kind: 'sighting-report';
      readonly atS: number;
      readonly held?: boolean;
      readonly objectId: string;
      readonly errorM: number;
    }
  | {
      readonly id: string;
      readonly kind: 'weather-change';
      readonly atS: number;
      readonly held?: boolean;
      readonly windSpeedMps: number;
      /** Veer of the wind direction, degrees (positive clockwise). */
      readonly windVeerDeg: number;
      readonly visibilityM: number;
      readonly seaHeightM: number;
    }
  | {
      readonly id: string;
      readonly kind: 'unit-breakdown';
      readonly atS: number;
      readonly held?: boolean;
      readonly unitIndex: number;
    }
  | {
      readonly id: string;
      readonly kind: 'second-casualty';
      readonly atS: number;
      readonly held?: boolean;
      readonly object: ObjectTemplate;
      /** Distance of the second casualty from the first object's true position at that time, metres. */
      readonly distanceM: number;
    }
  | {
      readonly id: string;
      readonly kind: 'information';
      readonly atS: number;
      readonly held?: boolean;
      readonly text: DrillText;
    };

export type ObjectiveMetric =
  | { readonly kind: 'first-detection-within'; readonly seconds: number }
  | { readonly kind: 'first-on-scene-within'; readonly seconds: number }
  | { readonly kind: 'survivors-recovered-fraction'; readonly fraction: number }
  | { readonly kind: 'mean-containment'; readonly fraction: number }
  | { readonly kind: 'pos-achieved'; readonly fraction: number }
  | { readonly kind: 'messages-sent'; readonly count: number };

/** Core capabilities exercised (after HSEEP 2020 and the IAMSAR Manual's SAR system functions). */
export type Capability =
  'search-planning' | 'operational-coordination' | 'search-and-detection' | 'rescue' | 'communications';

export interface Objective {
  readonly id: string;
  readonly capability: Capability;
  readonly text: DrillText;
  readonly metric: ObjectiveMetric;
}

export interface UnitTemplate {
  /** Search-unit type id of the catalogue (core/search), e.g. "kr-kcg-3000t". */
  readonly type: string;
  /** Base id (core/search SEARCH_BASES); omitted: the nation's nearest base of the right kind. */
  readonly base?: string;
  /** Notice to move: seconds from tasking to departure. Default 1800 (ships) / 3600 (aircraft). */
  readonly noticeS?: number;
}

export interface DrillTemplate {
  readonly id: string;
  /** Scenario family for trends (drills of the same family are compared over time). */
  readonly family: string;
  readonly name: DrillText;
  readonly description: DrillText;
  readonly difficulty: Difficulty;
  readonly seaAreas: readonly SeaAreaId[];
  readonly environment: EnvironmentTemplate;
  readonly objects: readonly ObjectTemplate[];
  /** 1-σ error of the reported (MAYDAY) position, metres. */
  readonly reportedPositionErrorM: number;
  /** Seconds between the casualty and the drill start (the MAYDAY relay). */
  readonly reportDelayS: number;
  readonly durationS: number;
  readonly units: readonly UnitTemplate[];
  readonly injects: readonly InjectTemplate[];
  readonly objectives: readonly Objective[];
  readonly sensor: SensorModel;
}
