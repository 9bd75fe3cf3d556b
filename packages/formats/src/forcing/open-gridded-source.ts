/**
 * Opening forcing files as an `EnvironmentSource`: NetCDF-3, NetCDF-4/HDF5 and GRIB (through eccodes) are
 * told apart by their first bytes, not their names. Files on the same grid are joined along time into one
 * source (a forecast split into daily files); files on different grids become separate sources combined by
 * priority in the order given (put the regional high-resolution file first).
 */
import { basename } from 'node:path';
import { TandemError, combineSources } from '@tandem/core';
import type { EnvironmentSource, VectorField } from '@tandem/core';
import { openNetcdf3 } from '../netcdf/netcdf3-reader.ts';
import { isHdf5File, openNetcdf4 } from '../netcdf/netcdf4-reader.ts';
import type { NcFile } from '../netcdf/netcdf-file.ts';
import { attributeText } from '../netcdf/netcdf-file.ts';
import { valueDecoder, velocityUnitFactor } from '../netcdf/cf-decode.ts';
import { convertGribToNetcdf, isGribFile } from '../grib/grib-to-netcdf.ts';
import { findVectorPair } from './vector-variables.ts';
import type { VectorPair, VectorVariableNames } from './vector-variables.ts';
import { resolveGrid, resolveOtherAxes } from './grid-geometry.ts';
import type { GridGeometry } from './grid-geometry.ts';
import { GriddedSource } from './gridded-source.ts';
import type { TimeStep } from './gridded-source.ts';

export interface OpenGriddedOptions {
  /** Name the two component variables instead of discovering them. */
  readonly variables?: VectorVariableNames;
  /** Decoded time slabs kept in memory per source (default 4). */
  readonly cacheSlabs?: number;
  /** Fill land cells toward the coast (default true). */
  readonly fillLand?: boolean;
}

/** A source that holds files open: call `close()` when the run is done. */
export type ClosableSource = EnvironmentSource & { close(): void; readonly parts: readonly GriddedSource[] };

/** Opens a NetCDF file (3 or 4), or converts a GRIB file first; `cleanup` is called by `close()`. */
export async function openForcingFile(path: string): Promise<NcFile> {
  let grib = false;
  try {
    grib = isGribFile(path);
  } catch (err) {
    throw new TandemError('NOT_FOUND', `cannot open file: ${(err as Error).message}`, path);
  }
  if (grib) {
    const conv = convertGribToNetcdf(path);
    try {
      const inner = isHdf5File(conv.netcdfPath) ? await openNetcdf4(conv.netcdfPath) : openNetcdf3(conv.netcdfPath);
      return {
        ...inner,
        path,
        read: (v, s, c) => inner.read(v, s, c),
        close: () => {
          inner.close();
          conv.cleanup();
        },
      };
    } catch (err) {
      conv.cleanup();
      throw err;
    }
  }
  if (isHdf5File(path)) return openNetcdf4(path);
  return openNetcdf3(path);
}

interface FilePart {
  readonly file: NcFile;
  readonly pair: VectorPair;
  readonly grid: GridGeometry;
  readonly steps: TimeStep[];
  readonly vertical: string | null;
}

function describeFile(file: NcFile, field: VectorField, opts: OpenGriddedOptions): FilePart {
  const pair = findVectorPair(file, field, opts.variables);
  const { x, y } = pair;
  if (x.dimensions.join() !== y.dimensions.join() || x.shape.join() !== y.shape.join()) {
    throw new TandemError('UNSUPPORTED_FILE', `${x.name} and ${y.name} are not on the same dimensions`, file.path);
  }
  const grid = resolveGrid(file, x);
  const axes = resolveOtherAxes(file, x, field, grid.xDim, grid.yDim);
  const xUnitFactor = velocityUnitFactor(attributeText(x.attributes['units']), `${file.path}:${x.name}`);
  const yUnitFactor = velocityUnitFactor(attributeText(y.attributes['units']), `${file.path}:${y.name}`);
  const xDecoder = valueDecoder(x);
  const yDecoder = valueDecoder(y);
  const count = x.dimensions.map((d) => (d === grid.xDim ? grid.nx : d === grid.yDim ? grid.ny : 1));
  const steps: TimeStep[] = [];
  const nt = axes.timeDim >= 0 ? x.shape[axes.timeDim]! : 1;
  if (axes.timeDim >= 0 && axes.timesS.length !== nt) {
    throw new TandemError(
      'UNSUPPORTED_FILE',
      `time coordinate has ${axes.timesS.length} values for ${nt} steps`,
      file.path,
    );
  }
  for (let k = 0; k < nt; k++) {
    const start = axes.fixedStart.slice();
    if (axes.timeDim >= 0) start[axes.timeDim] = k;
    steps.push({
      timeS: axes.timesS.length > 0 ? axes.timesS[k]! : NaN,
      file,
      xName: x.name,
      yName: y.name,
      start,
      count,
      xDecoder,
      yDecoder,
      xUnitFactor,
      yUnitFactor,
    });
  }
  return { file, pair, grid, steps, vertical: axes.verticalNote };
}

/**
 * Opens `paths` as one source of `field`. Throws a TandemError naming the file for unreadable, damaged or
 * unsupported files and for missing variables. Files without any time coordinate are refused: a field
 * without a valid time would silently apply at every time.
 */
export async function openGriddedSource(
  paths: readonly string[],
  field: VectorField,
  opts: OpenGriddedOptions = {},
): Promise<ClosableSource> {
  if (paths.length === 0) throw new TandemError('INVALID_INPUT', 'no forcing files given', `forcing.${field}.files`);
  const parts: FilePart[] = [];
  try {
    for (const p of paths) {
      const file = await openForcingFile(p);
      try {
        const part = describeFile(file, field, opts);
        if (part.steps.some((s) => Number.isNaN(s.timeS))) {
          throw new TandemError('UNSUPPORTED_FILE', `${part.pair.x.name} has no time coordinate`, p);
        }
        parts.push(part);
      } catch (err) {
        file.close();
        throw err;
      }
    }
  } catch (err) {
    for (const part of parts) part.file.close();
    throw err;
  }
  const groups = new Map<string, FilePart[]>();
  for (const part of parts) {
    const g = groups.get(part.grid.signature);
    if (g) g.push(part);
    else groups.set(part.grid.signature, [part]);
  }
  const sources: GriddedSource[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const steps = group.flatMap((g) => g.steps).sort((a, b) => a.timeS - b.timeS);
    const unique = steps.filter((s, k) => k === 0 || s.timeS !== steps[k - 1]!.timeS);
    const rotate =
      first.pair.gridRelativeOverride ??
      (!first.pair.earthRelative && (first.grid.projection !== null || first.grid.curvilinear));
    const files = group.map((g) => g.file.path);
    const label = files.length === 1 ? basename(files[0]!) : `${basename(files[0]!)} +${files.length - 1} files`;
    sources.push(
      new GriddedSource(
        `${field} from ${label} (${first.pair.x.name}/${first.pair.y.name})`,
        field,
        first.grid,
        unique,
        {
          rotate,
          ...(opts.cacheSlabs !== undefined ? { cacheSlabs: opts.cacheSlabs } : {}),
          ...(opts.fillLand !== undefined ? { fillLand: opts.fillLand } : {}),
        },
        {
          files,
          variables: [first.pair.x.name, first.pair.y.name],
          matchedBy: first.pair.matchedBy,
          rotated: rotate,
          grid:
            first.grid.projection?.definition ??
            (first.grid.curvilinear ? 'curvilinear (2-D longitude/latitude)' : 'latitude_longitude'),
          nx: first.grid.nx,
          ny: first.grid.ny,
          timeSteps: unique.length,
          vertical: first.vertical,
        },
      ),
    );
  }
  const closeAll = (): void => {
    for (const part of parts) part.file.close();
  };
  if (sources.length === 1) {
    const s = sources[0]!;
    return Object.assign(s, { parts: sources, close: closeAll }) as unknown as ClosableSource;
  }
  const combined = combineSources(sources);
  return { ...combined, sample: combined.sample, parts: sources, close: closeAll };
}
