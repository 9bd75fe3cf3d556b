/**
 * The default coastline: Natural Earth 10 m land (public domain, naturalearthdata.com, version 4.1 as packaged
 * by world-atlas 2.0.2, `land-10m.json`, TopoJSON quantised to 1e5 steps: about 0.0036° by 0.0017°). Loaded
 * lazily, once per process, and indexed by `PolygonLandMask` (build time: `npm run bench -- landmask`).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { TandemError } from '@tandem/core';
import type { PolygonRings } from './polygon-land-mask.ts';
import { PolygonLandMask } from './polygon-land-mask.ts';
import { geoJsonPolygons } from './geojson-land-mask.ts';

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

async function build(): Promise<PolygonLandMask> {
  let path: string;
  try {
    path = createRequire(import.meta.url).resolve('world-atlas/land-10m.json');
  } catch {
    throw new TandemError('TOOL_MISSING', 'npm package world-atlas is not installed', 'coast.landMask');
  }
  const topo = JSON.parse(await readFile(path, 'utf8')) as Topology<{ land: GeometryCollection }>;
  const land = topo.objects.land;
  if (land === undefined) throw new TandemError('UNSUPPORTED_FILE', 'no "land" object', path);
  const polygons: PolygonRings[] = geoJsonPolygons(feature(topo, land), path);
  return new PolygonLandMask(NATURAL_EARTH_LAND_NAME, polygons);
}
