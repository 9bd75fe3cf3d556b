/**
 * The after-action map as GeoJSON for the web app's `OverlayMap` (styled by feature properties: `color`, `width`,
 * `dashed`, `radius`, `opacity`) and the report's inline SVG: plan areas (the latest solid, earlier ones faint),
 * unit tracks from the replay frames, truth tracks (dashed), the reported datum, detections and recoveries.
 */
import type { DrillSpec, LonLat } from '@tandem/core';
import type { DrillReplay } from './drill-replay.ts';

export interface MapFeature {
  readonly type: 'Feature';
  readonly geometry:
    | { readonly type: 'Point'; readonly coordinates: LonLat }
    | { readonly type: 'LineString'; readonly coordinates: readonly LonLat[] }
    | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly LonLat[])[] };
  readonly properties: {
    readonly layer: 'area' | 'unit-track' | 'truth-track' | 'datum' | 'detection' | 'recovery';
    readonly id: string;
    readonly color: string;
    readonly width?: number;
    readonly dashed?: boolean;
    readonly radius?: number;
    readonly opacity?: number;
  };
}

export interface FeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly MapFeature[];
}

/** Colours: Korean units blue, Japanese units red, truth black, areas green (colour-blind safe enough with dashes). */
export const MAP_COLORS = {
  KR: '#1f5fbf',
  JP: '#c0392b',
  truth: '#111111',
  area: '#2e8b57',
  datum: '#8e44ad',
} as const;

export function reportMap(
  spec: DrillSpec,
  replay: DrillReplay,
): { map: FeatureCollection; bounds: [[number, number], [number, number]] } {
  const features: MapFeature[] = [];
  replay.plans.forEach((p, k) => {
    const latest = k === replay.plans.length - 1;
    for (const a of p.areas) {
      if (a.ring.length < 4) continue;
      features.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [a.ring.map((q) => [q[0], q[1]] as LonLat)] },
        properties: {
          layer: 'area',
          id: `plan-${k + 1}-${a.unitId}`,
          color: MAP_COLORS.area,
          width: latest ? 2 : 1,
          opacity: latest ? 0.2 : 0.05,
          dashed: !latest,
        },
      });
    }
  });
  for (const u of spec.units) {
    const line: LonLat[] = [];
    for (const f of replay.frames) {
      const s = f.units.find((q) => q.id === u.id);
      if (s === undefined || s.status === 'at-base' || s.status === 'tasked' || s.status === 'broken') continue;
      line.push(s.lonLat);
    }
    if (line.length >= 2)
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: line },
        properties: { layer: 'unit-track', id: u.id, color: MAP_COLORS[u.nation], width: 2 },
      });
  }
  const truthIds = replay.frames[0]?.truth.map((o) => o.id) ?? [];
  for (const id of truthIds) {
    const line: LonLat[] = [];
    for (const f of replay.frames) {
      const o = f.truth.find((q) => q.id === id);
      if (o?.lonLat !== null && o?.lonLat !== undefined && o.state !== 'recovered') line.push(o.lonLat);
    }
    if (line.length >= 2)
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: line },
        properties: { layer: 'truth-track', id, color: MAP_COLORS.truth, width: 2, dashed: true },
      });
  }
  features.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: spec.reportedPosition },
    properties: { layer: 'datum', id: 'mayday', color: MAP_COLORS.datum, radius: 6 },
  });
  for (const d of replay.detections)
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: d.lonLat },
      properties: { layer: 'detection', id: `${d.unitId}@${d.atS}`, color: '#f39c12', radius: 5 },
    });
  return { map: { type: 'FeatureCollection', features }, bounds: replay.bounds };
}
