/** GeoJSON for the case layers, from API and worker results (no numerics beyond picking and tagging). */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { ManualDatumResult } from '@tandem/core';
import type { Catalogue, DriftCloud, PlanView } from '../api/api-client.ts';

/** One colour per unit, distinguishable and readable on the basemap. */
export const UNIT_COLORS = ['#1b7f3b', '#7b2cbf', '#c2410c', '#0369a1', '#a16207', '#be185d', '#0f766e', '#4338ca'];

export function unitColor(k: number): string {
  return UNIT_COLORS[k % UNIT_COLORS.length] as string;
}

/** The drift cloud at output `k` (equal weights), or the plan cloud with its probability weights. */
export function cloudAt(cloud: DriftCloud, k: number): FeatureCollection<Point> {
  const n = cloud.count;
  const features: Feature<Point>[] = [];
  for (let i = 0; i < n; i++) {
    const lon = cloud.lon[k * n + i];
    const lat = cloud.lat[k * n + i];
    if (lon === null || lon === undefined || lat === null || lat === undefined) continue;
    features.push({ type: 'Feature', properties: { w: 1 / n }, geometry: { type: 'Point', coordinates: [lon, lat] } });
  }
  return { type: 'FeatureCollection', features };
}

export function arraysAt(
  count: number,
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  k: number,
): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (let i = 0; i < count; i++) {
    const x = lon[k * count + i] as number;
    const y = lat[k * count + i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    features.push({ type: 'Feature', properties: { w: 1 / count }, geometry: { type: 'Point', coordinates: [x, y] } });
  }
  return { type: 'FeatureCollection', features };
}

export function weightedCloud(c: PlanView['cloud']): FeatureCollection<Point> {
  const max = c.weight.reduce((a, b) => Math.max(a, b), 0) || 1;
  return {
    type: 'FeatureCollection',
    features: c.lon.map((lon, i) => ({
      type: 'Feature',
      properties: { w: (c.weight[i] ?? 0) / max },
      geometry: { type: 'Point', coordinates: [lon, c.lat[i] ?? 0] },
    })),
  };
}

export function basesLayer(cat: Catalogue | undefined): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: (cat?.bases ?? []).map((b) => ({
      type: 'Feature',
      properties: { id: b.id, nation: b.nation, name: b.name },
      geometry: { type: 'Point', coordinates: [b.lonDeg, b.latDeg] },
    })),
  };
}

export function manualLayer(m: ManualDatumResult | undefined): FeatureCollection<Geometry> {
  if (m === undefined) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: m.areas.map((ring) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: ring.map((p) => [p[0], p[1]]) },
    })),
  };
}

export function planLayers(plan: PlanView | undefined): {
  patterns: FeatureCollection<Geometry>;
  intercepts: FeatureCollection<Geometry>;
} {
  const patterns: Feature<Geometry>[] = [];
  const intercepts: Feature<Geometry>[] = [];
  plan?.units.forEach((u, k) => {
    const color = unitColor(k);
    if (u.area.length >= 3) {
      patterns.push({
        type: 'Feature',
        properties: { kind: 'area', color, unit: u.id },
        geometry: { type: 'Polygon', coordinates: [u.area.map((p) => [p[0], p[1]])] },
      });
    }
    if (u.waypoints.length >= 2) {
      patterns.push({
        type: 'Feature',
        properties: { kind: 'track', color, unit: u.id },
        geometry: { type: 'LineString', coordinates: u.waypoints.map((p) => [p[0], p[1]]) },
      });
    }
    if (u.intercept !== null) {
      intercepts.push({
        type: 'Feature',
        properties: { color, unit: u.id },
        geometry: { type: 'Point', coordinates: [u.intercept.lon, u.intercept.lat] },
      });
    }
  });
  return {
    patterns: { type: 'FeatureCollection', features: patterns },
    intercepts: { type: 'FeatureCollection', features: intercepts },
  };
}

/**
 * Data-file coverage boxes: records whose body has `bboxDeg: [west, south, east, north]`, `coverage.bboxDeg`, or
 * per-field boxes as `tandem data add` inspects them (`fields: { wind: { bboxDeg } }`).
 */
export function coverageLayer(files: readonly { title: string; body: unknown }[]): FeatureCollection<Geometry> {
  const features: Feature<Geometry>[] = [];
  const isBox = (v: unknown): v is [number, number, number, number] =>
    Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  for (const f of files) {
    const b = (f.body ?? {}) as {
      bboxDeg?: unknown;
      coverage?: { bboxDeg?: unknown };
      fields?: Record<string, { bboxDeg?: unknown } | null>;
    };
    const boxes: [string, unknown][] = [
      ['', b.bboxDeg],
      ['', b.coverage?.bboxDeg],
      ...Object.entries(b.fields ?? {}).map(([field, v]): [string, unknown] => [field, v?.bboxDeg]),
    ];
    for (const [field, box] of boxes) {
      if (!isBox(box)) continue;
      const [w, s, e, n] = box;
      features.push({
        type: 'Feature',
        properties: { title: f.title, field },
        geometry: {
          type: 'LineString',
          coordinates: [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
