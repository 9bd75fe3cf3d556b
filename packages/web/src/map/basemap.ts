/**
 * The offline basemap: Natural Earth land and coastline (1:50m, from the `world-atlas` TopoJSON package) and a
 * graticule, as GeoJSON for MapLibre sources. No tile server and no labels: seas and islands are not named at
 * all, so no place carries one nation's name alone.
 */
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import land50m from 'world-atlas/land-50m.json';
import type { FeatureCollection, Feature, LineString, MultiLineString, Geometry } from 'geojson';

type LandTopology = Topology<{ land: GeometryCollection }>;

export function landGeoJson(): FeatureCollection<Geometry> {
  const topo = land50m as unknown as LandTopology;
  const f = feature(topo, topo.objects.land);
  return 'features' in f ? f : { type: 'FeatureCollection', features: [f as Feature<Geometry>] };
}

export function coastlineGeoJson(): Feature<MultiLineString> {
  const topo = land50m as unknown as LandTopology;
  return { type: 'Feature', properties: {}, geometry: mesh(topo, topo.objects.land) };
}

/** Meridians and parallels every `stepDeg` degrees (points every degree along them). */
export function graticuleGeoJson(stepDeg = 1): FeatureCollection<LineString> {
  const features: Feature<LineString>[] = [];
  for (let lon = -180; lon <= 180; lon += stepDeg) {
    const coords: [number, number][] = [];
    for (let lat = -80; lat <= 80; lat += 1) coords.push([lon, lat]);
    features.push({
      type: 'Feature',
      properties: { major: lon % 5 === 0 },
      geometry: { type: 'LineString', coordinates: coords },
    });
  }
  for (let lat = -80; lat <= 80; lat += stepDeg) {
    const coords: [number, number][] = [];
    for (let lon = -180; lon <= 180; lon += 1) coords.push([lon, lat]);
    features.push({
      type: 'Feature',
      properties: { major: lat % 5 === 0 },
      geometry: { type: 'LineString', coordinates: coords },
    });
  }
  return { type: 'FeatureCollection', features };
}
