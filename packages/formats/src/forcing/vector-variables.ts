/**
 * Finding a vector field's two component variables in a NetCDF file: first by CF standard name, then by the
 * variable names that common models use (the "variable not found" pain of OpenDrift users comes from files
 * that name things their own way). Users can always name the variables explicitly.
 *
 * Components are either earth-relative (`eastward_*`/`northward_*`) or grid-relative (`x_*`/`y_*`, and the
 * bare `u`/`v` of ocean models on projected grids), which must be rotated to east/north on a projected grid.
 */
import { TandemError } from '@tandem/core';
import type { VectorField } from '@tandem/core';
import type { NcFile, NcVariable } from '../netcdf/netcdf-file.ts';
import { attributeText } from '../netcdf/netcdf-file.ts';

/** One recognised pair: x/east and y/north names, and whether the pair is earth-relative by definition. */
export interface VectorAlias {
  readonly x: string;
  readonly y: string;
  readonly earthRelative: boolean;
}

/** CF standard names, most specific first (CF standard name table v84). */
export const VECTOR_STANDARD_NAMES: Readonly<Record<VectorField, readonly VectorAlias[]>> = {
  wind: [
    { x: 'eastward_wind', y: 'northward_wind', earthRelative: true },
    { x: 'x_wind', y: 'y_wind', earthRelative: false },
    { x: 'grid_eastward_wind', y: 'grid_northward_wind', earthRelative: false },
  ],
  current: [
    { x: 'surface_eastward_sea_water_velocity', y: 'surface_northward_sea_water_velocity', earthRelative: true },
    { x: 'eastward_sea_water_velocity', y: 'northward_sea_water_velocity', earthRelative: true },
    { x: 'x_sea_water_velocity', y: 'y_sea_water_velocity', earthRelative: false },
    { x: 'sea_water_x_velocity', y: 'sea_water_y_velocity', earthRelative: false },
    {
      x: 'eastward_sea_water_velocity_assuming_no_tide',
      y: 'northward_sea_water_velocity_assuming_no_tide',
      earthRelative: true,
    },
  ],
};

/** Variable names used by common models when standard names are absent (compared case-sensitively first). */
export const VECTOR_VARIABLE_ALIASES: Readonly<Record<VectorField, readonly VectorAlias[]>> = {
  wind: [
    { x: 'u10', y: 'v10', earthRelative: false }, // ECMWF, ERA5, grib_to_netcdf
    { x: 'U10', y: 'V10', earthRelative: false }, // WRF
    { x: 'u10m', y: 'v10m', earthRelative: false },
    { x: 'x_wind_10m', y: 'y_wind_10m', earthRelative: false }, // MET Norway AROME / MEPS
    { x: 'eastward_wind', y: 'northward_wind', earthRelative: true },
    { x: 'x_wind', y: 'y_wind', earthRelative: false },
    { x: 'uwnd', y: 'vwnd', earthRelative: false }, // NCEP reanalysis, CCMP
    { x: 'UGRD', y: 'VGRD', earthRelative: false }, // GFS via NOMADS
    { x: 'ugrd10m', y: 'vgrd10m', earthRelative: false }, // GFS OPeNDAP
    { x: '10u', y: '10v', earthRelative: false },
    { x: 'u_wind', y: 'v_wind', earthRelative: false },
    { x: 'wind_u', y: 'wind_v', earthRelative: false },
    { x: 'Uwind', y: 'Vwind', earthRelative: false }, // ROMS forcing
  ],
  current: [
    { x: 'uo', y: 'vo', earthRelative: true }, // CMEMS
    { x: 'uos', y: 'vos', earthRelative: true }, // CMIP surface
    { x: 'water_u', y: 'water_v', earthRelative: true }, // HYCOM
    { x: 'u_eastward', y: 'v_northward', earthRelative: true }, // ROMS post-processed
    { x: 'ucur', y: 'vcur', earthRelative: true }, // WaveWatch III, GRIB
    { x: 'east_vel', y: 'north_vel', earthRelative: true },
    { x: 'u', y: 'v', earthRelative: false }, // ROMS, NEMO, KHOA/JMA regional models
    { x: 'U', y: 'V', earthRelative: false },
    { x: 'u_surf', y: 'v_surf', earthRelative: false },
    { x: 'usurf', y: 'vsurf', earthRelative: false },
  ],
};

/** User override: the two variables by name, and optionally whether they are grid-relative. */
export interface VectorVariableNames {
  readonly x: string;
  readonly y: string;
  readonly gridRelative?: boolean;
}

export interface VectorPair {
  readonly x: NcVariable;
  readonly y: NcVariable;
  /** True when the components are earth-relative whatever the grid (eastward/northward). */
  readonly earthRelative: boolean;
  /** True when the user said so explicitly (overrides the projection check). */
  readonly gridRelativeOverride: boolean | undefined;
  /** How the pair was found, for reports: "standard_name x_wind", "name u10", "explicit". */
  readonly matchedBy: string;
}

function hasHorizontalRank(v: NcVariable): boolean {
  return v.shape.length >= 2;
}

export function findVectorPair(file: NcFile, field: VectorField, names?: VectorVariableNames): VectorPair {
  const byName = new Map(file.variables.map((v) => [v.name, v]));
  if (names !== undefined) {
    const x = byName.get(names.x);
    const y = byName.get(names.y);
    if (x === undefined || y === undefined) {
      throw new TandemError(
        'VARIABLE_NOT_FOUND',
        `variable "${x === undefined ? names.x : names.y}" is not in the file (it has: ${file.variables.map((v) => v.name).join(', ')})`,
        file.path,
      );
    }
    const sx = attributeText(x.attributes['standard_name']) ?? '';
    return {
      x,
      y,
      earthRelative: names.gridRelative === undefined ? sx.startsWith('eastward') : !names.gridRelative,
      gridRelativeOverride: names.gridRelative,
      matchedBy: `explicit ${names.x}/${names.y}`,
    };
  }
  const byStd = new Map<string, NcVariable>();
  for (const v of file.variables) {
    const sn = attributeText(v.attributes['standard_name'])?.trim();
    if (sn !== undefined && hasHorizontalRank(v) && !byStd.has(sn)) byStd.set(sn, v);
  }
  for (const a of VECTOR_STANDARD_NAMES[field]) {
    const x = byStd.get(a.x);
    const y = byStd.get(a.y);
    if (x && y) {
      return {
        x,
        y,
        earthRelative: a.earthRelative,
        gridRelativeOverride: undefined,
        matchedBy: `standard_name ${a.x}/${a.y}`,
      };
    }
  }
  for (const a of VECTOR_VARIABLE_ALIASES[field]) {
    const x = byName.get(a.x);
    const y = byName.get(a.y);
    if (x && y && hasHorizontalRank(x) && hasHorizontalRank(y)) {
      const sx = attributeText(x.attributes['standard_name']) ?? '';
      return {
        x,
        y,
        earthRelative: a.earthRelative || sx.startsWith('eastward'),
        gridRelativeOverride: undefined,
        matchedBy: `name ${a.x}/${a.y}`,
      };
    }
  }
  const std = VECTOR_STANDARD_NAMES[field].map((a) => a.x).join(', ');
  const aliases = VECTOR_VARIABLE_ALIASES[field].map((a) => `${a.x}/${a.y}`).join(', ');
  throw new TandemError(
    'VARIABLE_NOT_FOUND',
    `no ${field} components found: looked for standard names ${std} and variables ${aliases}; the file has ` +
      `${file.variables.map((v) => v.name).join(', ')}. Name them explicitly (variables: { x, y }).`,
    file.path,
  );
}
