/**
 * CF `grid_mapping` variables (CF Conventions 1.11 Appendix F) turned into a proj4 definition, and a
 * projection object (proj4js) from lon/lat degrees to projection metres and back. An explicit proj4 string
 * in the mapping (`proj4`, `proj4_string`, `proj4text`: MET Norway files carry one) wins over the CF
 * parameters because it states the Earth shape the model used (the Arctic20 file's CF parameters omit its
 * 6,371 km sphere); `crs_wkt` is used when nothing else is there.
 */
import proj4 from 'proj4';
import { TandemError } from '@tandem/core';
import type { NcVariable } from './netcdf-file.ts';
import { attributeNumber, attributeNumbers, attributeText } from './netcdf-file.ts';

export interface Projection {
  readonly definition: string;
  /** (lon, lat) degrees → (x, y) metres; NaN when undefined. */
  forward(lonDeg: number, latDeg: number): [number, number];
  /** (x, y) metres → (lon, lat) degrees; NaN when undefined. */
  inverse(xM: number, yM: number): [number, number];
  /** Rotated-pole grids use degrees on the rotated sphere, not metres. */
  readonly coordinatesInDegrees: boolean;
}

function earthShape(a: NcVariable['attributes']): string {
  const r = attributeNumber(a['earth_radius']);
  if (r !== undefined) return `+R=${r}`;
  const major = attributeNumber(a['semi_major_axis']);
  const minor = attributeNumber(a['semi_minor_axis']);
  const invF = attributeNumber(a['inverse_flattening']);
  if (major !== undefined && minor !== undefined) return `+a=${major} +b=${minor}`;
  if (major !== undefined && invF !== undefined) return invF === 0 ? `+R=${major}` : `+a=${major} +rf=${invF}`;
  if (major !== undefined) return `+R=${major}`;
  return '+ellps=WGS84';
}

/** The proj4 definition for a CF grid mapping, or null for `latitude_longitude`. */
export function gridMappingToProj4(mapping: NcVariable): string | null {
  const a = mapping.attributes;
  const name = attributeText(a['grid_mapping_name'])?.trim().toLowerCase();
  if (name === 'latitude_longitude') return null;
  for (const key of ['proj4', 'proj4_string', 'proj4text', 'proj4_params', 'proj']) {
    const s = attributeText(a[key]);
    if (s !== undefined && s.includes('+proj=')) return s.trim();
  }
  const num = (k: string, dflt?: number): number | undefined => attributeNumber(a[k]) ?? dflt;
  const fe = num('false_easting', 0);
  const fn = num('false_northing', 0);
  const shape = earthShape(a);
  const sp = attributeNumbers(a['standard_parallel']);
  switch (name) {
    case 'polar_stereographic': {
      const lat0 = num('latitude_of_projection_origin', 90)!;
      const lon0 = num('straight_vertical_longitude_from_pole') ?? num('longitude_of_projection_origin', 0)!;
      const k0 = num('scale_factor_at_projection_origin');
      const ts = sp?.[0] !== undefined ? `+lat_ts=${sp[0]}` : k0 !== undefined ? `+k_0=${k0}` : '';
      return `+proj=stere +lat_0=${lat0} +lon_0=${lon0} ${ts} +x_0=${fe} +y_0=${fn} ${shape} +units=m +no_defs`;
    }
    case 'lambert_conformal_conic': {
      const lat1 = sp?.[0] ?? num('latitude_of_projection_origin', 0)!;
      const lat2 = sp?.[1] ?? lat1;
      const lat0 = num('latitude_of_projection_origin', lat1)!;
      const lon0 = num('longitude_of_central_meridian', 0)!;
      return `+proj=lcc +lat_1=${lat1} +lat_2=${lat2} +lat_0=${lat0} +lon_0=${lon0} +x_0=${fe} +y_0=${fn} ${shape} +units=m +no_defs`;
    }
    case 'mercator': {
      const lon0 = num('longitude_of_projection_origin', 0)!;
      const k0 = num('scale_factor_at_projection_origin');
      const ts = sp?.[0] !== undefined ? `+lat_ts=${sp[0]}` : k0 !== undefined ? `+k_0=${k0}` : '';
      return `+proj=merc +lon_0=${lon0} ${ts} +x_0=${fe} +y_0=${fn} ${shape} +units=m +no_defs`;
    }
    case 'rotated_latitude_longitude': {
      const pLat = num('grid_north_pole_latitude');
      const pLon = num('grid_north_pole_longitude');
      const npGridLon = num('north_pole_grid_longitude', 0)!;
      if (pLat === undefined || pLon === undefined) {
        throw new TandemError(
          'UNSUPPORTED_FILE',
          'rotated pole mapping lacks grid_north_pole_latitude/longitude',
          mapping.name,
        );
      }
      return `+proj=ob_tran +o_proj=longlat +o_lat_p=${pLat} +o_lon_p=${npGridLon} +lon_0=${180 + pLon} ${shape} +no_defs`;
    }
    default: {
      const wkt = attributeText(a['crs_wkt']) ?? attributeText(a['spatial_ref']);
      if (wkt !== undefined) return wkt;
      throw new TandemError(
        'UNSUPPORTED_FILE',
        `grid_mapping_name "${name ?? '(none)'}" is not supported (polar_stereographic, lambert_conformal_conic, ` +
          'mercator, rotated_latitude_longitude, latitude_longitude)',
        mapping.name,
      );
    }
  }
}

/** proj4js splits definitions on "+", so "+R=6.371e+06" must be written without an exponent sign. */
function normalizeDefinition(def: string): string {
  return def.replace(/=(-?\d+(?:\.\d*)?[eE][+-]?\d+)/g, (_m, num: string) => `=${Number(num)}`);
}

/** A proj4js projection; rotated-pole coordinates are in degrees (proj4js' ob_tran works in degrees). */
export function makeProjection(rawDefinition: string, field: string): Projection {
  const definition = rawDefinition.includes('+proj=') ? normalizeDefinition(rawDefinition) : rawDefinition;
  let conv: proj4.Converter;
  try {
    conv = proj4('+proj=longlat +datum=WGS84 +no_defs', definition);
  } catch (err) {
    throw new TandemError(
      'UNSUPPORTED_FILE',
      `projection "${definition}" is not understood: ${(err as Error).message}`,
      field,
    );
  }
  const rotated = /\+proj=ob_tran/.test(definition);
  const bad: [number, number] = [NaN, NaN];
  return {
    definition,
    coordinatesInDegrees: rotated,
    forward(lon, lat) {
      try {
        const r = conv.forward([lon, lat]) as [number, number];
        return Number.isFinite(r[0]) && Number.isFinite(r[1]) ? [r[0], r[1]] : bad;
      } catch {
        return bad;
      }
    },
    inverse(x, y) {
      try {
        const r = conv.inverse([x, y]) as [number, number];
        return Number.isFinite(r[0]) && Number.isFinite(r[1]) ? [r[0], r[1]] : bad;
      } catch {
        return bad;
      }
    },
  };
}
