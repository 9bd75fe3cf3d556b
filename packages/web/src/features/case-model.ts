/**
 * The case being edited, in the units the forms use (knots, nautical miles, degrees true at the edges) and its
 * conversion to the engine's SI units through core's named functions: the drift scenario document for the
 * server, the what-if request for the worker and the IAMSAR manual datum.
 */
import {
  FIX_ERRORS,
  hoursToSeconds,
  knotsToMetersPerSecond,
  metersToNauticalMiles,
  manualDatum,
  manualLeewayObject,
  nauticalMilesToMeters,
  parseUtcTime,
} from '@tandem/core';
import type { ManualDatumResult } from '@tandem/core';
import type { WhatIfRequest } from '../worker/whatif-config.ts';

export interface CaseForm {
  readonly title: string;
  readonly lonDeg: number;
  readonly latDeg: number;
  /** ISO 8601 UTC, minutes precision. */
  readonly timeUtc: string;
  readonly leewayCategoryId: number;
  readonly uncertaintyNm: number;
  readonly particles: number;
  readonly durationH: number;
  readonly windKt: number;
  /** Direction the wind blows from, degrees true. */
  readonly windFromDeg: number;
  readonly currentKt: number;
  /** Direction the current sets toward, degrees true. */
  readonly currentToDeg: number;
  /** Manual leeway table object (IAMSAR), by description. */
  readonly manualObject: string;
}

const DEG = Math.PI / 180;

/** Area in square nautical miles (the unit search areas are briefed in), from m². */
export function squareMetersToSquareNauticalMiles(m2: number): number {
  return metersToNauticalMiles(metersToNauticalMiles(m2));
}

/** East/north components, m/s, of a wind blowing FROM `fromDeg` (meteorological) at `kt` knots. */
export function windVector(kt: number, fromDeg: number): { eastMps: number; northMps: number } {
  const s = knotsToMetersPerSecond(kt);
  return { eastMps: -s * Math.sin(fromDeg * DEG), northMps: -s * Math.cos(fromDeg * DEG) };
}

/** East/north components, m/s, of a current setting TOWARD `toDeg` at `kt` knots (oceanographic). */
export function currentVector(kt: number, toDeg: number): { eastMps: number; northMps: number } {
  const s = knotsToMetersPerSecond(kt);
  return { eastMps: s * Math.sin(toDeg * DEG), northMps: s * Math.cos(toDeg * DEG) };
}

/** Registered forcing files chosen for the run (paths as the server stores them), per field. */
export interface ForcingFiles {
  readonly wind: readonly string[];
  readonly current: readonly string[];
}

/**
 * Wind and current files from data-file records shaped as `tandem data add` inspects them
 * (`{ path, fields: { wind: {...}, current: {...} } }`): each file serves the fields it holds.
 */
export function forcingFilesOf(records: readonly { body: unknown }[]): ForcingFiles {
  const wind: string[] = [];
  const current: string[] = [];
  for (const r of records) {
    const b = (r.body ?? {}) as { path?: unknown; fields?: Record<string, unknown> };
    if (typeof b.path !== 'string' || b.path === '') continue;
    if (b.fields?.['wind'] != null) wind.push(b.path);
    if (b.fields?.['current'] != null) current.push(b.path);
  }
  return { wind, current };
}

/**
 * The drift scenario document (docs/schemas/drift-scenario.schema.json) the server's drift job runs. With
 * forcing files, each field reads its files and falls back to the typed constant outside their coverage.
 */
export function scenarioDocument(c: CaseForm, files?: ForcingFiles): Record<string, unknown> {
  const wind = windVector(c.windKt, c.windFromDeg);
  const current = currentVector(c.currentKt, c.currentToDeg);
  return {
    object: { leewayCategoryId: c.leewayCategoryId },
    seed: {
      lon: c.lonDeg,
      lat: c.latDeg,
      radiusM: nauticalMilesToMeters(c.uncertaintyNm),
      radiusType: 'gaussian',
      time: c.timeUtc,
      count: c.particles,
    },
    forcing: {
      wind: files !== undefined && files.wind.length > 0 ? { files: files.wind, fallback: wind } : wind,
      current: files !== undefined && files.current.length > 0 ? { files: files.current, fallback: current } : current,
    },
    coast: { landMask: 'naturalearth' },
    options: { capsizing: false, jibeProbabilityPerHour: 0.04, coastlineAction: 'stranding' },
    run: { durationS: hoursToSeconds(c.durationH), timeStepS: 600, outputStepS: hoursToSeconds(1), rngSeed: 20260115 },
  };
}

/** The what-if run (issue 6: 5,000 particles, 24 h, dt 600 s) at `lonLat`. */
export function whatIfRequest(c: CaseForm, lonLat: readonly [number, number]): WhatIfRequest {
  const w = windVector(c.windKt, c.windFromDeg);
  const cur = currentVector(c.currentKt, c.currentToDeg);
  return {
    lonDeg: lonLat[0],
    latDeg: lonLat[1],
    radiusM: nauticalMilesToMeters(c.uncertaintyNm),
    startTimeS: parseUtcTime(c.timeUtc),
    leewayCategoryId: c.leewayCategoryId,
    windEastMps: w.eastMps,
    windNorthMps: w.northMps,
    currentEastMps: cur.eastMps,
    currentNorthMps: cur.northMps,
  };
}

/** IAMSAR manual datum after the case's duration, with a GPS fix for the search craft (NATSAR table J-1). */
export function caseManualDatum(c: CaseForm): ManualDatumResult {
  const cur = currentVector(c.currentKt, c.currentToDeg);
  return manualDatum({
    lkp: [c.lonDeg, c.latDeg],
    searchObject: manualLeewayObject(c.manualObject, 'manualObject'),
    intervals: [
      {
        durationS: hoursToSeconds(c.durationH),
        currentEastMps: cur.eastMps,
        currentNorthMps: cur.northMps,
        windFromDeg: c.windFromDeg,
        windSpeedMps: knotsToMetersPerSecond(c.windKt),
      },
    ],
    positionErrorM: nauticalMilesToMeters(c.uncertaintyNm),
    searchCraftErrorM: FIX_ERRORS.gpsM,
  });
}
