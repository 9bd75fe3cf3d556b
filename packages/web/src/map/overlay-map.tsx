/**
 * A map for the area pages (ferry routes, drill areas and tracks, replays): the offline basemap and one GeoJSON
 * collection styled by its features' properties — `color` (CSS), `width` (px), `dashed`, `radius` (px, points),
 * `opacity` (fills). No text on the map (there is no glyph server offline, and places stay unnamed); pages give a
 * legend beside it.
 */
import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Geometry } from 'geojson';
import { BASEMAP_LAYERS, basemapSources } from './basemap.ts';
import { collectionBounds } from './overlay-bounds.ts';

maplibregl.setWorkerUrl(workerUrl);

export type Bounds = readonly [readonly [number, number], readonly [number, number]];

export interface OverlayMapProps {
  readonly data: FeatureCollection<Geometry>;
  /** Accessible name of the map region. */
  readonly label: string;
  /** [[west, south], [east, north]] to show; default: the data's extent (or the seas between Korea and Japan). */
  readonly bounds?: Bounds;
  /** CSS height, default 420px. */
  readonly height?: string;
}

const DEFAULT_BOUNDS: Bounds = [
  [124, 30],
  [136, 40],
];

const COLOR: ExpressionSpecification = ['coalesce', ['get', 'color'], '#1f5fa8'];

export function OverlayMap(props: OverlayMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const propsRef = useRef(props);
  propsRef.current = props;

  useEffect(() => {
    if (container.current === null) return;
    const map = new maplibregl.Map({
      container: container.current,
      bounds: toLngLatBounds(props.bounds ?? collectionBounds(props.data) ?? DEFAULT_BOUNDS),
      fitBoundsOptions: { padding: 30 },
      attributionControl: { compact: true, customAttribution: 'Natural Earth' },
      canvasContextAttributes: { preserveDrawingBuffer: true },
      style: {
        version: 8,
        sources: {
          ...basemapSources(),
          overlay: { type: 'geojson', data: props.data },
        },
        layers: [
          ...BASEMAP_LAYERS,
          {
            id: 'overlay-fill',
            type: 'fill',
            source: 'overlay',
            filter: ['==', ['geometry-type'], 'Polygon'],
            paint: { 'fill-color': COLOR, 'fill-opacity': ['coalesce', ['get', 'opacity'], 0.15] },
          },
          {
            id: 'overlay-line',
            type: 'line',
            source: 'overlay',
            filter: ['all', ['!=', ['geometry-type'], 'Point'], ['!', ['to-boolean', ['get', 'dashed']]]],
            paint: { 'line-color': COLOR, 'line-width': ['coalesce', ['get', 'width'], 2] },
          },
          {
            id: 'overlay-dashed',
            type: 'line',
            source: 'overlay',
            filter: ['all', ['!=', ['geometry-type'], 'Point'], ['to-boolean', ['get', 'dashed']]],
            paint: {
              'line-color': COLOR,
              'line-width': ['coalesce', ['get', 'width'], 2],
              'line-dasharray': [3, 2],
            },
          },
          {
            id: 'overlay-point',
            type: 'circle',
            source: 'overlay',
            filter: ['==', ['geometry-type'], 'Point'],
            paint: {
              'circle-radius': ['coalesce', ['get', 'radius'], 5],
              'circle-color': COLOR,
              'circle-stroke-color': '#fff',
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
      (map.getSource('overlay') as GeoJSONSource | undefined)?.setData(propsRef.current.data);
    });
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
      loaded.current = false;
    };
    // The map is created once; data and bounds changes are applied by the effects below.
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && loaded.current) (map.getSource('overlay') as GeoJSONSource | undefined)?.setData(props.data);
  }, [props.data]);

  const b = props.bounds;
  const key = b === undefined ? '' : JSON.stringify(b);
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || b === undefined) return;
    map.fitBounds(toLngLatBounds(b), { padding: 30, animate: false });
    // `key` stands for `b` (a new array each render).
  }, [key]);

  return (
    <div
      ref={container}
      className="overlay-map"
      style={{ height: props.height ?? '420px' }}
      role="region"
      aria-label={props.label}
    />
  );
}

function toLngLatBounds(b: Bounds): [[number, number], [number, number]] {
  return [
    [b[0][0], b[0][1]],
    [b[1][0], b[1][1]],
  ];
}
