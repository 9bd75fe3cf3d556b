/**
 * Land masks from GeoJSON (RFC 7946): Polygon, MultiPolygon, GeometryCollection, Feature or FeatureCollection of
 * them, indexed by `PolygonLandMask`. Holes are water; polygons may overlap (union); rings may cross the
 * antimeridian. Other geometry types (points, lines) carry no area and are rejected so that a wrong file is not
 * silently taken for "no land".
 */
import { TandemError } from '@tandem/core';
import type { PolygonLandMaskOptions, PolygonRings } from './polygon-land-mask.ts';
import { PolygonLandMask } from './polygon-land-mask.ts';

/** Collect the polygons of a GeoJSON object; `where` names the file in errors. */
export function geoJsonPolygons(doc: unknown, where: string): PolygonRings[] {
  const out: PolygonRings[] = [];
  const visit = (g: unknown, path: string, depth: number): void => {
    if (depth > 8) throw new TandemError('UNSUPPORTED_FILE', 'GeoJSON nested too deeply', `${where}: ${path}`);
    if (g === null || typeof g !== 'object' || Array.isArray(g)) {
      throw new TandemError('UNSUPPORTED_FILE', 'expected a GeoJSON object', `${where}: ${path}`);
    }
    const o = g as Record<string, unknown>;
    switch (o['type']) {
      case 'FeatureCollection': {
        const fs = o['features'];
        if (!Array.isArray(fs)) {
          throw new TandemError('UNSUPPORTED_FILE', '"features" must be an array', `${where}: ${path}.features`);
        }
        fs.forEach((f, i) => visit(f, `${path}.features[${i}]`, depth + 1));
        return;
      }
      case 'Feature':
        if (o['geometry'] !== null) visit(o['geometry'], `${path}.geometry`, depth + 1);
        return;
      case 'GeometryCollection': {
        const gs = o['geometries'];
        if (!Array.isArray(gs)) {
          throw new TandemError('UNSUPPORTED_FILE', '"geometries" must be an array', `${where}: ${path}.geometries`);
        }
        gs.forEach((x, i) => visit(x, `${path}.geometries[${i}]`, depth + 1));
        return;
      }
      case 'Polygon':
        out.push(rings(o['coordinates'], `${path}.coordinates`));
        return;
      case 'MultiPolygon': {
        const cs = o['coordinates'];
        if (!Array.isArray(cs)) {
          throw new TandemError('UNSUPPORTED_FILE', 'MultiPolygon coordinates must be an array', `${where}: ${path}`);
        }
        cs.forEach((c, i) => out.push(rings(c, `${path}.coordinates[${i}]`)));
        return;
      }
      default:
        throw new TandemError(
          'UNSUPPORTED_FILE',
          `a land mask needs Polygon or MultiPolygon geometries, found ${JSON.stringify(o['type'])}`,
          `${where}: ${path}`,
        );
    }
  };
  const rings = (c: unknown, path: string): PolygonRings => {
    if (!Array.isArray(c) || !c.every((r) => Array.isArray(r) && r.every((p) => Array.isArray(p)))) {
      throw new TandemError(
        'UNSUPPORTED_FILE',
        'polygon coordinates must be arrays of [lon, lat] rings',
        `${where}: ${path}`,
      );
    }
    return c as PolygonRings;
  };
  visit(doc, '$', 0);
  if (out.length === 0) throw new TandemError('UNSUPPORTED_FILE', 'no polygons in the GeoJSON land mask', where);
  return out;
}

/**
 * Build an indexed land mask from a parsed GeoJSON document. Its coverage is global (outside the polygons is
 * water), unless the top-level object carries an RFC 7946 `bbox` [west, south, east, north]: then the mask
 * claims information only inside that box, and `covers()` is false outside it.
 */
export function geoJsonLandMask(doc: unknown, name: string, options: PolygonLandMaskOptions = {}): PolygonLandMask {
  const polys = geoJsonPolygons(doc, name);
  const bbox = (doc as { bbox?: unknown }).bbox;
  const coverage =
    Array.isArray(bbox) && bbox.length === 4 && bbox.every((v) => typeof v === 'number' && Number.isFinite(v))
      ? { coverageBboxDeg: bbox as unknown as readonly [number, number, number, number] }
      : {};
  try {
    return new PolygonLandMask(name, polys, { ...coverage, ...options });
  } catch (e) {
    if (e instanceof TandemError && e.code === 'INVALID_INPUT') {
      throw new TandemError('UNSUPPORTED_FILE', e.message, name);
    }
    throw e;
  }
}
