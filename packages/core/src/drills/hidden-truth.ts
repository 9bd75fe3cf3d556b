/**
 * The hidden truth of a drill: where each casualty object really is over time. Drawn from the Leeway model with
 * the drill's own truth seed (streams `DRILL_STREAMS.truthPosition`, `.sightings`; drift particle streams from
 * `mixSeed(truthSeed, object index)`), in the actual weather (the scripted weather changes included), or replayed
 * from recorded drifter tracks. The truth also resolves the injects whose payloads depend on it: sighting reports
 * (true position plus a reporting error) and second casualties (a new object near the first one's true position).
 * Controllers and evaluators may see it; players never do (`playerView`).
 */
import { findLeewayCategory, runDrift } from '../drift/index.ts';
import type { DriftConfig } from '../drift/index.ts';
import { TandemError } from '../errors/index.ts';
import { constantSource, timeSeriesSource } from '../forcing/index.ts';
import type { LandMask, TimeSeriesSample } from '../forcing/index.ts';
import { offsetByMeters } from '../geo/index.ts';
import type { LonLat } from '../geo/index.ts';
import { createRng, mixSeed } from '../random/index.ts';
import type { Rng } from '../random/index.ts';
import { lambertAzimuthalEqualArea } from '../search/index.ts';
import type { PlaneProjection } from '../search/index.ts';
import { degreesTrue, epochSeconds, meters, seconds } from '../units/index.ts';
import type { ObjectTemplate } from './drill-template.ts';
import { DRILL_STREAMS } from './drill-spec.ts';
import type { DrillEnvironment, DrillSpec, TruthTrack } from './drill-spec.ts';
import { planeTracksFromSet } from './plane-tracks.ts';
import type { PlaneTracks } from './plane-tracks.ts';

/** Output step of truth and reference drift runs, s. */
export const TRUTH_OUTPUT_STEP_S = 300;

export interface TruthObject {
  readonly object: ObjectTemplate;
  /** Seconds from the drill start when the object is in the water. */
  readonly releaseAtS: number;
  /** Inject that makes the object exist (second casualty), or undefined for the initial objects. */
  readonly injectId: string | undefined;
  /** One-particle plane track. */
  readonly track: PlaneTracks;
}

/** Payloads of truth-dependent injects: reported positions (with error) the players will receive. */
export interface ResolvedReport {
  readonly injectId: string;
  readonly lonDeg: number;
  readonly latDeg: number;
  readonly errorM: number;
}

export interface DrillTruth {
  readonly projection: PlaneProjection;
  readonly casualtyPosition: LonLat;
  readonly objects: readonly TruthObject[];
  readonly reports: readonly ResolvedReport[];
}

/** East/north wind (blowing toward) of a wind given as speed and direction from, m/s. */
export function windVector(speedMps: number, fromDeg: number): { eastMps: number; northMps: number } {
  const a = (fromDeg * Math.PI) / 180;
  return { eastMps: -speedMps * Math.sin(a), northMps: -speedMps * Math.cos(a) };
}

/** East/north current of a current given as speed and direction toward, m/s. */
export function currentVector(speedMps: number, toDeg: number): { eastMps: number; northMps: number } {
  const a = (toDeg * Math.PI) / 180;
  return { eastMps: speedMps * Math.sin(a), northMps: speedMps * Math.cos(a) };
}

/** The wind history: the setup wind, then each weather change (step changes at their times), epoch s. */
export function windSeries(
  startTimeS: number,
  fromAtS: number,
  toAtS: number,
  env: DrillEnvironment,
  changes: readonly { atS: number; windSpeedMps: number; windFromDeg: number }[],
): TimeSeriesSample[] {
  const out: TimeSeriesSample[] = [];
  let cur = windVector(env.windSpeedMps, env.windFromDeg);
  out.push({ timeS: startTimeS + fromAtS - 3600, ...cur });
  const sorted = [...changes].sort((a, b) => a.atS - b.atS);
  for (const c of sorted) {
    if (c.atS <= fromAtS || c.atS >= toAtS) continue;
    out.push({ timeS: startTimeS + c.atS - 1, ...cur });
    cur = windVector(c.windSpeedMps, c.windFromDeg);
    out.push({ timeS: startTimeS + c.atS, ...cur });
  }
  out.push({ timeS: startTimeS + Math.max(toAtS, fromAtS) + 3600, ...cur });
  return out;
}

/** The scripted (not held) weather changes of a drill, as absolute directions. */
export function scriptedWeatherChanges(spec: DrillSpec): { atS: number; windSpeedMps: number; windFromDeg: number }[] {
  const out: { atS: number; windSpeedMps: number; windFromDeg: number }[] = [];
  let from = spec.environment.windFromDeg;
  for (const i of [...spec.injects].sort((a, b) => a.atS - b.atS)) {
    if (i.kind !== 'weather-change' || i.held === true) continue;
    from = degreesTrue(from + i.windVeerDeg);
    out.push({ atS: i.atS, windSpeedMps: i.windSpeedMps, windFromDeg: from });
  }
  return out;
}

/** Drift one object of the truth (or of a cloud: `count` particles around `at` with `radiusM`). */
export function driftObject(
  spec: DrillSpec,
  land: LandMask,
  object: ObjectTemplate,
  at: LonLat,
  releaseAtS: number,
  rngSeed: number,
  count: number,
  radiusM: number,
  changes: readonly { atS: number; windSpeedMps: number; windFromDeg: number }[],
  proj: PlaneProjection,
): PlaneTracks {
  const env = spec.environment;
  const endAtS = spec.durationS;
  const category = findLeewayCategory(object.leewayCategory);
  const startEpoch = spec.startTimeS + releaseAtS;
  const durationS = Math.max(TRUTH_OUTPUT_STEP_S, endAtS - releaseAtS);
  const config: DriftConfig = {
    seedings: [
      {
        kind: 'point',
        lonDeg: at[0],
        latDeg: at[1],
        radiusM: meters(radiusM),
        radiusType: 'gaussian',
        timeWindowS: [epochSeconds(startEpoch), epochSeconds(startEpoch)],
        count,
        category,
        weight: 1,
      },
    ],
    options: { capsizing: false, jibeProbabilityPerHour: 0.04, coastlineAction: 'stranding' },
    run: {
      startTimeS: epochSeconds(startEpoch),
      durationS: seconds(Math.ceil(durationS / TRUTH_OUTPUT_STEP_S) * TRUTH_OUTPUT_STEP_S),
      timeStepS: seconds(TRUTH_OUTPUT_STEP_S),
      outputStepS: seconds(TRUTH_OUTPUT_STEP_S),
      backward: false,
      rngSeed: rngSeed >>> 0,
    },
  };
  const wind = timeSeriesSource(
    'wind',
    windSeries(spec.startTimeS, releaseAtS, endAtS, env, changes),
    'environment.wind',
  );
  const current = constantSource(
    'current',
    currentVector(env.currentSpeedMps, env.currentToDeg),
    'environment.current',
  );
  const result = runDrift(config, { wind, current, land });
  return planeTracksFromSet(result.trajectories, proj, spec.startTimeS);
}

function replayTrack(track: TruthTrack, proj: PlaneProjection): PlaneTracks {
  const pts = track.points;
  const atS = new Float64Array(pts.length);
  const xM = new Float64Array(pts.length);
  const yM = new Float64Array(pts.length);
  pts.forEach((p, k) => {
    const [x, y] = proj.forward(p.lonDeg, p.latDeg);
    atS[k] = p.atS;
    xM[k] = x;
    yM[k] = y;
  });
  return { count: 1, atS, xM, yM };
}

function waterNear(center: LonLat, sigmaM: number, land: LandMask, rng: Rng): LonLat {
  for (let k = 0; k < 200; k++) {
    const p = offsetByMeters(center, sigmaM * rng.normal(), sigmaM * rng.normal());
    if (!land.isLand(p[0], p[1])) return p;
  }
  return center;
}

function positionOf(track: PlaneTracks, proj: PlaneProjection, atS: number): LonLat | undefined {
  const n = track.atS.length;
  if (n === 0 || atS < (track.atS[0] as number)) return undefined;
  let k = 0;
  while (k < n - 1 && (track.atS[k + 1] as number) <= atS) k++;
  const kb = Math.min(k + 1, n - 1);
  const ta = track.atS[k] as number;
  const tb = track.atS[kb] as number;
  const f = tb > ta ? Math.min(1, (atS - ta) / (tb - ta)) : 0;
  const x = (track.xM[k] as number) + f * ((track.xM[kb] as number) - (track.xM[k] as number));
  const y = (track.yM[k] as number) + f * ((track.yM[kb] as number) - (track.yM[k] as number));
  return Number.isFinite(x) && Number.isFinite(y) ? proj.inverse(x, y) : undefined;
}

/**
 * The report of a held sighting released at `atS`: the true position of its object then (the casualty's reported
 * position while the object is not yet in the water) plus the inject's reporting error, from its own stream
 * (`mixSeed(truthSeed, atS)`, stream 703), so a release replays identically.
 */
export function sightingReportAt(
  spec: DrillSpec,
  truth: DrillTruth,
  inject: Extract<DrillSpec['injects'][number], { kind: 'sighting-report' }>,
  atS: number,
): ResolvedReport {
  const target = truth.objects.find((o) => o.object.id === inject.objectId) ?? truth.objects[0];
  const p =
    (target === undefined ? undefined : positionOf(target.track, truth.projection, atS)) ?? truth.casualtyPosition;
  const rng = createRng(mixSeed(spec.truthSeed, Math.round(atS)), DRILL_STREAMS.sightings);
  const r = offsetByMeters(p, inject.errorM * rng.normal(), inject.errorM * rng.normal());
  return { injectId: inject.id, lonDeg: r[0], latDeg: r[1], errorM: inject.errorM };
}

/** Draw (or replay) the hidden truth of a drill. */
export function drawTruth(spec: DrillSpec, land: LandMask): DrillTruth {
  const proj = lambertAzimuthalEqualArea(spec.reportedPosition);
  const rng = createRng(spec.truthSeed, DRILL_STREAMS.truthPosition);
  const casualty = waterNear(spec.reportedPosition, spec.reportedErrorM, land, rng);
  const changes = scriptedWeatherChanges(spec);
  const objects: TruthObject[] = [];
  spec.objects.forEach((o, k) => {
    const releaseAtS = spec.casualtyAtS + (o.releaseAfterS ?? 0);
    const recorded = spec.truthTracks?.find((t) => t.objectId === o.id);
    let track: PlaneTracks;
    if (recorded !== undefined) track = replayTrack(recorded, proj);
    else {
      const off = o.offsetM ?? [0, 0];
      const at = offsetByMeters(casualty, off[0], off[1]);
      track = driftObject(spec, land, o, at, releaseAtS, mixSeed(spec.truthSeed, k), 1, 0, changes, proj);
    }
    objects.push({ object: o, releaseAtS, injectId: undefined, track });
  });
  if (objects.length === 0) throw new TandemError('INVALID_INPUT', 'a drill needs at least one object', 'objects');
  const first = objects[0] as TruthObject;
  const srng = createRng(spec.truthSeed, DRILL_STREAMS.sightings);
  const reports: ResolvedReport[] = [];
  for (const i of spec.injects) {
    if (i.atS > spec.durationS) continue;
    if (i.kind === 'sighting-report') {
      const target = objects.find((o) => o.object.id === i.objectId) ?? first;
      const p = positionOf(target.track, proj, i.atS) ?? casualty;
      const r = offsetByMeters(p, i.errorM * srng.normal(), i.errorM * srng.normal());
      // A held sighting is reported where the object is when the controller releases it (`sightingReportAt`);
      // its draws above are still taken so the other reports stay as they were.
      if (i.held !== true) reports.push({ injectId: i.id, lonDeg: r[0], latDeg: r[1], errorM: i.errorM });
    } else if (i.kind === 'second-casualty') {
      const p = positionOf(first.track, proj, i.atS) ?? casualty;
      const b = srng.uniform() * 2 * Math.PI;
      const at = waterNear(offsetByMeters(p, i.distanceM * Math.sin(b), i.distanceM * Math.cos(b)), 0, land, srng);
      const k = objects.length;
      const track = driftObject(spec, land, i.object, at, i.atS, mixSeed(spec.truthSeed, k), 1, 0, changes, proj);
      objects.push({ object: i.object, releaseAtS: i.atS, injectId: i.id, track });
      const err = Math.max(500, i.distanceM / 3);
      const r = offsetByMeters(at, err * srng.normal(), err * srng.normal());
      reports.push({ injectId: i.id, lonDeg: r[0], latDeg: r[1], errorM: err });
    }
  }
  return { projection: proj, casualtyPosition: casualty, objects, reports };
}
