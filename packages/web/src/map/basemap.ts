/**
 * The offline basemap: Natural Earth land and coastline (1:50m, from the `world-atlas` TopoJSON package) and a
 * graticule, as GeoJSON for MapLibre sources. No tile server and no labels: seas and islands are not named at
 * all, so no place carries one nation's name alone.
 */
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import land50m from 'world-atlas/land-50m.json';
import type { FeatureCollection, Feature, LineString, MultiLineString, Geometry } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

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

/** The basemap's MapLibre sources (land, coastline, 1° graticule). */
export function basemapSources(): Record<string, SourceSpecification> {
  return {
    land: { type: 'geojson', data: landGeoJson() },
    coast: { type: 'geojson', data: coastlineGeoJson() },
    graticule: { type: 'geojson', data: graticuleGeoJson(1) },
  };
}

/** The basemap's layers, drawn first: sea, land, coastline and graticule (major lines every 5°). */
export const BASEMAP_LAYERS: readonly LayerSpecification[] = [
  { id: 'sea', type: 'background', paint: { 'background-color': '#c9dcef' } },
  { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#efe9dc' } },
  { id: 'coast', type: 'line', source: 'coast', paint: { 'line-color': '#5b6b7a', 'line-width': 0.8 } },
  {
    id: 'graticule',
    type: 'line',
    source: 'graticule',
    paint: {
      'line-color': '#6c7f92',
      'line-opacity': ['case', ['get', 'major'], 0.55, 0.25],
      'line-width': 0.6,
    },
  },
];
