/**
 * The MapLibre map: offline basemap, then the case layers (data coverage, bases, IAMSAR areas, particle cloud,
 * probability heat map, search patterns per unit in its own colour, intercept points) and a draggable marker
 * at the last known position. Sources are plain GeoJSON built outside this component.
 */
import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, Map as MapLibreMap, Marker } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Geometry } from 'geojson';
import { BASEMAP_LAYERS, basemapSources } from './basemap.ts';

maplibregl.setWorkerUrl(workerUrl);

export type LayerData = FeatureCollection<Geometry>;

export interface MapLayers {
  readonly particles: LayerData;
  readonly coverage: LayerData;
  readonly bases: LayerData;
  readonly manual: LayerData;
  readonly patterns: LayerData;
  readonly intercepts: LayerData;
}

export const EMPTY: LayerData = { type: 'FeatureCollection', features: [] };

export interface MapViewProps {
  readonly layers: MapLayers;
  readonly lkp: readonly [number, number];
  readonly showHeat: boolean;
  readonly showParticles: boolean;
  readonly picking: boolean;
  readonly label: string;
  onPick(lonLat: [number, number]): void;
  onDrag(lonLat: [number, number], done: boolean): void;
}

const SOURCES = ['particles', 'coverage', 'bases', 'manual', 'patterns', 'intercepts'] as const;

declare global {
  interface Window {
    /** The map, for the end-to-end tests to read the canvas back. */
    __tandemMap?: MapLibreMap;
  }
}

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const loaded = useRef(false);
  /** While the marker is dragged, re-renders must not move it back to the last committed position. */
  const dragging = useRef(false);
  const propsRef = useRef(props);
  propsRef.current = props;

  useEffect(() => {
    if (container.current === null) return;
    const map = new maplibregl.Map({
      container: container.current,
      center: [props.lkp[0], props.lkp[1]],
      zoom: 7,
      attributionControl: { compact: true, customAttribution: 'Natural Earth' },
      canvasContextAttributes: { preserveDrawingBuffer: true },
      style: {
        version: 8,
        sources: {
          ...basemapSources(),
          ...Object.fromEntries(SOURCES.map((s) => [s, { type: 'geojson', data: EMPTY }])),
        },
        layers: [
          ...BASEMAP_LAYERS,
          {
            id: 'coverage',
            type: 'line',
            source: 'coverage',
            paint: { 'line-color': '#7a3db8', 'line-width': 2, 'line-dasharray': [3, 2] },
          },
          {
            id: 'heat',
            type: 'heatmap',
            source: 'particles',
            paint: {
              'heatmap-weight': ['get', 'w'],
              'heatmap-intensity': 1.2,
              'heatmap-radius': 18,
              'heatmap-opacity': 0.75,
            },
          },
          {
            id: 'particles',
            type: 'circle',
            source: 'particles',
            paint: { 'circle-radius': 1.6, 'circle-color': '#b3261e', 'circle-opacity': 0.7 },
          },
          {
            id: 'manual-area',
            type: 'line',
            source: 'manual',
            paint: { 'line-color': '#0b5394', 'line-width': 2 },
          },
          {
            id: 'pattern-area',
            type: 'fill',
            source: 'patterns',
            filter: ['==', ['get', 'kind'], 'area'],
            paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.12 },
          },
          {
            id: 'pattern-track',
            type: 'line',
            source: 'patterns',
            filter: ['==', ['get', 'kind'], 'track'],
            paint: { 'line-color': ['get', 'color'], 'line-width': 2 },
          },
          {
            id: 'bases',
            type: 'circle',
            source: 'bases',
            paint: {
              'circle-radius': 5,
              'circle-color': ['case', ['==', ['get', 'nation'], 'KR'], '#1f4e9c', '#9c1f3a'],
              'circle-stroke-color': '#fff',
              'circle-stroke-width': 1.5,
            },
          },
          {
            id: 'intercepts',
            type: 'circle',
            source: 'intercepts',
            paint: {
              'circle-radius': 6,
              'circle-color': ['get', 'color'],
              'circle-stroke-color': '#000',
              'circle-stroke-width': 1.5,
            },
          },
        ],
      },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'nautical' }), 'bottom-left');
    map.on('load', () => {
      loaded.current = true;
      applyLayers(map, propsRef.current);
    });
    map.on('click', (e) => {
      if (propsRef.current.picking) propsRef.current.onPick([e.lngLat.lng, e.lngLat.lat]);
    });
    const marker = new maplibregl.Marker({ draggable: true, color: '#d35400' })
      .setLngLat([props.lkp[0], props.lkp[1]])
      .addTo(map);
    marker.on('dragstart', () => {
      dragging.current = true;
    });
    marker.on('drag', () => {
      const p = marker.getLngLat();
      propsRef.current.onDrag([p.lng, p.lat], false);
    });
    marker.on('dragend', () => {
      dragging.current = false;
      const p = marker.getLngLat();
      propsRef.current.onDrag([p.lng, p.lat], true);
    });
    mapRef.current = map;
    markerRef.current = marker;
    window.__tandemMap = map;
    return () => {
      map.remove();
      mapRef.current = null;
      loaded.current = false;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && loaded.current) applyLayers(map, props);
  }, [props]);

  const [lkpLon, lkpLat] = props.lkp;
  useEffect(() => {
    const m = markerRef.current;
    if (m === null || dragging.current) return;
    const cur = m.getLngLat();
    if (Math.abs(cur.lng - lkpLon) > 1e-9 || Math.abs(cur.lat - lkpLat) > 1e-9) m.setLngLat([lkpLon, lkpLat]);
  }, [lkpLon, lkpLat]);

  return (
    <div
      ref={container}
      className={`map${props.picking ? ' picking' : ''}`}
      role="region"
      aria-label={props.label}
      data-testid="map"
    />
  );
}

function applyLayers(map: MapLibreMap, p: MapViewProps): void {
  for (const s of SOURCES) (map.getSource(s) as GeoJSONSource | undefined)?.setData(p.layers[s]);
  map.setLayoutProperty('heat', 'visibility', p.showHeat ? 'visible' : 'none');
  map.setLayoutProperty('particles', 'visibility', p.showParticles ? 'visible' : 'none');
}
