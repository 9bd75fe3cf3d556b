/**
 * Search plan outputs: a GPX route per unit (GPX 1.1), one KML document (OGC KML 2.2), one GeoJSON
 * FeatureCollection (RFC 7946). Positions [lon, lat] WGS 84; distances in metres and times in ISO-8601 UTC in
 * properties. Place names are never written: positions are coordinates.
 */
import { formatUtcTime } from '@tandem/core';
import type { LonLat, PlanResult, PlanUnitResult } from '@tandem/core';

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const f6 = (v: number): string => v.toFixed(6);

/** GPX 1.1 route of one unit: the commence search point first, then every waypoint in order. */
export function unitToGpx(plan: PlanResult, unit: PlanUnitResult): string {
  const pts = unit.waypoints
    .map((p, i) => `    <rtept lat="${f6(p[1])}" lon="${f6(p[0])}"><name>${i === 0 ? 'CSP' : `WP${i}`}</name></rtept>`)
    .join('\n');
  const when =
    unit.intercept !== undefined && plan.startTimeS > 0
      ? `\n    <time>${formatUtcTime(unit.intercept.timeS)}</time>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Tandem" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><name>${xml(plan.name)}</name></metadata>
  <rte>
    <name>${xml(unit.id)}</name>
    <desc>${xml(`${unit.nation} ${unit.name}: ${unit.pattern?.kind ?? 'none'}, track spacing ${unit.trackSpacingM.toFixed(0)} m, track ${unit.trackLengthM.toFixed(0)} m`)}</desc>${when}
${pts}
  </rte>
</gpx>
`;
}

function kmlCoords(ps: readonly LonLat[]): string {
  return ps.map((p) => `${f6(p[0])},${f6(p[1])},0`).join(' ');
}

/** One KML document: per unit its area (polygon), route (line) and intercept (point). */
export function planToKml(plan: PlanResult): string {
  const marks: string[] = [];
  for (const u of plan.units) {
    if (u.area.length === 0) continue;
    const colour = u.nation === 'KR' ? 'ff3c14dc' : 'ffdc7814';
    marks.push(`    <Placemark>
      <name>${xml(`${u.id} area`)}</name>
      <description>${xml(`POC ${u.poc.toFixed(3)}, POD ${u.pod.toFixed(3)}, POS ${u.pos.toFixed(3)}, coverage ${u.coverage.toFixed(2)}`)}</description>
      <Style><LineStyle><color>${colour}</color><width>2</width></LineStyle><PolyStyle><color>33${colour.slice(2)}</color></PolyStyle></Style>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>${kmlCoords(u.area)}</coordinates></LinearRing></outerBoundaryIs></Polygon>
    </Placemark>`);
    marks.push(`    <Placemark>
      <name>${xml(`${u.id} route`)}</name>
      <Style><LineStyle><color>${colour}</color><width>1</width></LineStyle></Style>
      <LineString><tessellate>1</tessellate><coordinates>${kmlCoords(u.waypoints)}</coordinates></LineString>
    </Placemark>`);
    if (u.intercept !== undefined) {
      marks.push(`    <Placemark>
      <name>${xml(`${u.id} CSP`)}</name>${plan.startTimeS > 0 ? `\n      <TimeStamp><when>${formatUtcTime(u.intercept.timeS)}</when></TimeStamp>` : ''}
      <Point><coordinates>${f6(u.intercept.lonDeg)},${f6(u.intercept.latDeg)},0</coordinates></Point>
    </Placemark>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>${xml(plan.name)}</name>
${marks.join('\n')}
  </Document>
</kml>
`;
}

/** GeoJSON FeatureCollection of the plan: areas, routes, intercepts and bases, with the figures as properties. */
export function planToGeoJson(plan: PlanResult): {
  type: 'FeatureCollection';
  features: unknown[];
  properties: unknown;
} {
  const features: unknown[] = [];
  for (const u of plan.units) {
    const props = {
      unitId: u.id,
      nation: u.nation,
      unitName: u.name,
      pattern: u.pattern?.kind ?? null,
      fixedPattern: u.fixedPattern,
      sweepWidthM: u.sweepWidthM,
      trackSpacingM: u.trackSpacingM,
      trackLengthM: u.trackLengthM,
      areaM2: u.areaM2,
      coverage: u.coverage,
      poc: u.poc,
      pod: u.pod,
      pos: u.pos,
      withinEndurance: u.withinEndurance,
    };
    if (u.area.length > 0) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [u.area] },
        properties: { ...props, role: 'area' },
      });
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: u.waypoints },
        properties: { ...props, role: 'route' },
      });
    }
    if (u.intercept !== undefined) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [u.intercept.lonDeg, u.intercept.latDeg] },
        properties: {
          unitId: u.id,
          role: 'intercept',
          time: plan.startTimeS > 0 ? formatUtcTime(u.intercept.timeS) : null,
        },
      });
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: u.base },
      properties: { unitId: u.id, role: 'base' },
    });
  }
  if (plan.manual !== undefined) {
    for (const [which, sq] of [
      ['optimal', plan.manual.optimal],
      ['practice', plan.manual.practice],
    ] as const) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [sq.area] },
        properties: {
          role: 'manual-area',
          manual: which,
          searchFactor: sq.searchFactor,
          radiusM: sq.radiusM,
          coverage: sq.coverage,
          pos: sq.pos,
        },
      });
    }
  }
  return {
    type: 'FeatureCollection',
    features,
    properties: {
      name: plan.name,
      sensor: plan.sensor,
      pos: plan.pos,
      upperBoundPos: plan.upperBoundPos,
      warnings: plan.warnings,
    },
  };
}
