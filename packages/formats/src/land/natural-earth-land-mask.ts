/**
 * The default coastline: Natural Earth 10 m land (public domain, naturalearthdata.com, version 4.1 as packaged
 * by world-atlas 2.0.2, `land-10m.json`, TopoJSON quantised to 1e5 steps: about 0.0036° by 0.0017°). Loaded
 * lazily, once per process, and indexed by `PolygonLandMask` (build time: `npm run bench -- landmask`).
 * Inland lakes are not cut out of this layer (the Caspian Sea is), so a lake counts as land, as it does in the
 * GSHHG mask OpenDrift uses for stranding: a marine drift object never reaches one.
 *
 * The TopoJSON is decoded straight into flat rings (`topologyPolygons`: delta-decoded, de-quantised arcs joined
 * at their shared end points, as the TopoJSON specification and topojson-client do), which avoids building a
 * GeoJSON copy of 0.4 M positions; a test checks the rings against topojson-client's `feature`.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { TandemError } from '@tandem/core';
import type { PolygonRings } from './polygon-land-mask.ts';
import { PolygonLandMask } from './polygon-land-mask.ts';

export const NATURAL_EARTH_LAND_NAME = 'Natural Earth 10 m land (world-atlas land-10m)';

let cached: Promise<PolygonLandMask> | undefined;

/** Natural Earth 10 m land as a land mask; the first call reads and indexes it, later calls share it. */
export function naturalEarthLandMask(): Promise<PolygonLandMask> {
  cached ??= build().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

/** Path of world-atlas's `land-10m.json`. */
export function naturalEarthLandPath(): string {
  try {
    return createRequire(import.meta.url).resolve('world-atlas/land-10m.json');
  } catch {
    throw new TandemError('TOOL_MISSING', 'npm package world-atlas is not installed', 'coast.landMask');
  }
}

async function build(): Promise<PolygonLandMask> {
  const path = naturalEarthLandPath();
  const topo = JSON.parse(await readFile(path, 'utf8')) as unknown;
  return new PolygonLandMask(NATURAL_EARTH_LAND_NAME, topologyPolygons(topo, 'land', path));
}

interface TopoGeometry {
  readonly type?: unknown;
  readonly arcs?: unknown;
  readonly geometries?: unknown;
}

/**
 * The polygons of TopoJSON object `objectName` (Polygon, MultiPolygon or a GeometryCollection of them) as flat
 * rings `[lon0, lat0, lon1, lat1, ...]`. Handles quantised (with `transform`) and plain topologies.
 */
export function topologyPolygons(topology: unknown, objectName: string, where: string): PolygonRings[] {
  const bad = (msg: string): never => {
    throw new TandemError('UNSUPPORTED_FILE', `not a usable TopoJSON topology: ${msg}`, where);
  };
  if (topology === null || typeof topology !== 'object') bad('not an object');
  const t = topology as { arcs?: unknown; transform?: unknown; objects?: Record<string, unknown> };
  if (!Array.isArray(t.arcs)) return bad('no arcs');
  const object = t.objects?.[objectName] as TopoGeometry | undefined;
  if (object === undefined) return bad(`no "${objectName}" object`);
  let sx = 1;
  let sy = 1;
  let tx = 0;
  let ty = 0;
  const quantised = t.transform !== undefined;
  if (quantised) {
    const tr = t.transform as { scale?: unknown; translate?: unknown };
    const sc = tr.scale;
    const tl = tr.translate;
    if (!Array.isArray(sc) || !Array.isArray(tl)) return bad('transform without scale and translate');
    [sx, sy, tx, ty] = [Number(sc[0]), Number(sc[1]), Number(tl[0]), Number(tl[1])];
  }
  const rawArcs = t.arcs as unknown[];
  const arcs: Float64Array[] = rawArcs.map((a, i) => {
    if (!Array.isArray(a)) return bad(`arc ${i} is not an array`);
    const out = new Float64Array(2 * a.length);
    let x = 0;
    let y = 0;
    for (let k = 0; k < a.length; k++) {
      const p = a[k] as unknown;
      if (!Array.isArray(p)) return bad(`arc ${i} point ${k}`);
      const px = Number(p[0]);
      const py = Number(p[1]);
      if (quantised) {
        x += px;
        y += py;
        out[2 * k] = x * sx + tx;
        out[2 * k + 1] = y * sy + ty;
      } else {
        out[2 * k] = px;
        out[2 * k + 1] = py;
      }
    }
    return out;
  });
  const ring = (indices: unknown): Float64Array => {
    if (!Array.isArray(indices)) return bad('ring is not a list of arcs');
    let n = 0;
    for (const i of indices) {
      const a = arcs[typeof i === 'number' && i < 0 ? ~i : (i as number)];
      if (a === undefined) return bad(`unknown arc ${String(i)}`);
      n += a.length / 2 - (n > 0 ? 1 : 0);
    }
    const out = new Float64Array(2 * n);
    let len = 0;
    for (const i of indices as number[]) {
      const a = arcs[i < 0 ? ~i : i] as Float64Array;
      const m = a.length / 2;
      const skip = len > 0 ? 1 : 0;
      for (let k = skip; k < m; k++) {
        const src = i < 0 ? m - 1 - k : k;
        out[len++] = a[2 * src] as number;
        out[len++] = a[2 * src + 1] as number;
      }
    }
    return out;
  };
  const polygons: PolygonRings[] = [];
  const visit = (g: TopoGeometry, depth: number): void => {
    if (depth > 8) bad('geometry collections nested too deeply');
    if (g.type === 'GeometryCollection') {
      if (!Array.isArray(g.geometries)) bad('GeometryCollection without geometries');
      for (const c of g.geometries as TopoGeometry[]) visit(c, depth + 1);
    } else if (g.type === 'Polygon') {
      if (!Array.isArray(g.arcs)) bad('Polygon without arcs');
      polygons.push((g.arcs as unknown[]).map(ring));
    } else if (g.type === 'MultiPolygon') {
      if (!Array.isArray(g.arcs)) bad('MultiPolygon without arcs');
      for (const p of g.arcs as unknown[]) {
        if (!Array.isArray(p)) bad('MultiPolygon part is not a list of rings');
        polygons.push((p as unknown[]).map(ring));
      }
    } else if (g.type !== null && g.type !== undefined) {
      bad(`a land object needs polygons, found ${JSON.stringify(g.type)}`);
    }
  };
  visit(object, 0);
  if (polygons.length === 0) bad('no polygons');
  return polygons;
}
