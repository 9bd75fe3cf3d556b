/**
 * The coastline drills run against: Natural Earth 10 m land (`@tandem/formats`, world-atlas `land-10m.json`) clipped
 * to the drill region (the seas between Korea and Japan with their bases, `DRILL_REGION_BBOX`), loaded once per
 * process. Indexing only the region's polygons instead of the world's takes a fraction of the time (the world index
 * is most of a cold start), and a point-in-land answer inside the region is the same as the world mask's (the index
 * grid only accelerates the exact winding-number test; a test compares the two). Outside the region the mask
 * reports water, as a mask does outside its coverage; drills never place anything there.
 *
 * Clipping: each ring is unwrapped across the antimeridian (as the index does), then clipped against the region
 * box (and the box shifted by ±360° when the unwrapped ring lies there) with Sutherland–Hodgman. For a point
 * strictly inside the box the clipped ring has the same winding number as the original: the added pieces run along
 * the box's sides.
 */
import { readFile } from 'node:fs/promises';
import type { LandMask } from '@tandem/core';
import { naturalEarthLandPath, PolygonLandMask, topologyPolygons } from '@tandem/formats';
import type { PolygonRings } from '@tandem/formats';

/** [west, south, east, north], degrees: the sea areas, the SAR bases of both nations and room to drift. */
export const DRILL_REGION_BBOX = [118, 26, 144, 46] as const;

let cached: Promise<LandMask> | undefined;

export function drillLandMask(): Promise<LandMask> {
  cached ??= build().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

async function build(): Promise<LandMask> {
  const path = naturalEarthLandPath();
  const topo = JSON.parse(await readFile(path, 'utf8')) as unknown;
  const clipped = clipPolygons(topologyPolygons(topo, 'land', path), DRILL_REGION_BBOX);
  return new PolygonLandMask('Natural Earth 10 m land, drill region', clipped, {
    coverageBboxDeg: DRILL_REGION_BBOX,
  });
}

/** Longitudes made continuous (a jump of more than 180° between neighbours is a crossing of the antimeridian). */
function unwrap(r: Float64Array): Float64Array {
  const out = Float64Array.from(r);
  let shift = 0;
  for (let k = 2; k < out.length; k += 2) {
    const d = (r[k] as number) - (r[k - 2] as number);
    if (d > 180) shift -= 360;
    else if (d < -180) shift += 360;
    out[k] = (r[k] as number) + shift;
  }
  return out;
}

/** Sutherland–Hodgman against one side: keep points where `inside(x, y)`, cut edges at `cut`. */
function clipSide(
  pts: number[],
  inside: (x: number, y: number) => boolean,
  cut: (ax: number, ay: number, bx: number, by: number) => [number, number],
): number[] {
  const out: number[] = [];
  const n = pts.length / 2;
  for (let k = 0; k < n; k++) {
    const ax = pts[2 * k] as number;
    const ay = pts[2 * k + 1] as number;
    const j = (k + 1) % n;
    const bx = pts[2 * j] as number;
    const by = pts[2 * j + 1] as number;
    const ain = inside(ax, ay);
    const bin = inside(bx, by);
    if (ain) out.push(ax, ay);
    if (ain !== bin) out.push(...cut(ax, ay, bx, by));
  }
  return out;
}

/** A ring clipped to the box [w, s, e, n] (flat, open), or undefined when nothing is left. */
export function clipRing(r: Float64Array, w: number, s: number, e: number, n: number): Float64Array | undefined {
  let pts = Array.from(r);
  const atX =
    (x: number) =>
    (ax: number, ay: number, bx: number, by: number): [number, number] => [x, ay + ((by - ay) * (x - ax)) / (bx - ax)];
  const atY =
    (y: number) =>
    (ax: number, ay: number, bx: number, by: number): [number, number] => [ax + ((bx - ax) * (y - ay)) / (by - ay), y];
  pts = clipSide(pts, (x) => x >= w, atX(w));
  pts = clipSide(pts, (x) => x <= e, atX(e));
  pts = clipSide(pts, (_x, y) => y >= s, atY(s));
  pts = clipSide(pts, (_x, y) => y <= n, atY(n));
  return pts.length >= 6 ? Float64Array.from(pts) : undefined;
}

function bboxOf(r: Float64Array): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let k = 0; k < r.length; k += 2) {
    w = Math.min(w, r[k] as number);
    e = Math.max(e, r[k] as number);
    s = Math.min(s, r[k + 1] as number);
    n = Math.max(n, r[k + 1] as number);
  }
  return [w, s, e, n];
}

/** Polygons clipped to `box`, in its longitudes. */
export function clipPolygons(
  polygons: readonly PolygonRings[],
  box: readonly [number, number, number, number],
): PolygonRings[] {
  const [w, s, e, n] = box;
  const out: PolygonRings[] = [];
  for (const poly of polygons) {
    const rings = poly.map((r) => unwrap(r instanceof Float64Array ? r : Float64Array.from(r.flat())));
    const outer = rings[0];
    if (outer === undefined) continue;
    const [bw, bs, be, bn] = bboxOf(outer);
    if (bs > n || bn < s) continue;
    for (const shift of [-360, 0, 360]) {
      if (bw > e - shift || be < w - shift) continue;
      const clipped: Float64Array[] = [];
      for (const [k, r] of rings.entries()) {
        const c = clipRing(r, w - shift, s, e - shift, n);
        if (c === undefined) {
          if (k === 0) break;
          continue;
        }
        if (shift !== 0) for (let i = 0; i < c.length; i += 2) c[i] = (c[i] as number) + shift;
        clipped.push(c);
      }
      if (clipped.length > 0) out.push(clipped);
    }
  }
  return out;
}
