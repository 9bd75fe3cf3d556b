/**
 * What a forcing file offers and what is wrong with it, for the data catalogue (`tandem data add | check`):
 * its format, variables, which vector fields it can serve (and how they were found), space and time
 * coverage, and problems — missing fields, unreadable parts, implausible speeds, a first time slab that is
 * mostly missing. Errors become problems; only an unreadable file is an error.
 */
import { statSync } from 'node:fs';
import { TandemError, formatUtcTime, isTandemError } from '@tandem/core';
import type { VectorField } from '@tandem/core';
import { attributeText } from '../netcdf/netcdf-file.ts';
import { openForcingFile, openGriddedSource } from './open-gridded-source.ts';

export interface FieldInspection {
  readonly variables: readonly [string, string];
  readonly matchedBy: string;
  readonly rotatedToEastNorth: boolean;
  readonly grid: string;
  readonly nx: number;
  readonly ny: number;
  readonly vertical: string | null;
  readonly bboxDeg: readonly [number, number, number, number] | null;
  readonly timeSteps: number;
  readonly timeStart: string | null;
  readonly timeEnd: string | null;
  /** Largest speed in the first time slab after decoding, m/s. */
  readonly maxSpeedMps: number;
  /** Share of nodes missing (land or fill) in the first slab before filling. */
  readonly missingFraction: number;
}

export interface ForcingFileInspection {
  readonly path: string;
  readonly format: string;
  readonly sizeBytes: number;
  readonly variables: readonly {
    readonly name: string;
    readonly standardName: string | null;
    readonly units: string | null;
    readonly dimensions: readonly string[];
  }[];
  readonly fields: Partial<Record<VectorField, FieldInspection>>;
  readonly problems: readonly string[];
}

/** Speeds above these are implausible for the field (m/s): decoding or unit errors. */
const PLAUSIBLE_MAX_SPEED_MPS: Readonly<Record<VectorField, number>> = { wind: 120, current: 10 };

export async function inspectForcingFile(path: string): Promise<ForcingFileInspection> {
  let sizeBytes: number;
  try {
    sizeBytes = statSync(path).size;
  } catch {
    throw new TandemError('NOT_FOUND', 'file not found', path);
  }
  const file = await openForcingFile(path);
  const format = file.format;
  const variables = file.variables.map((v) => ({
    name: v.name,
    standardName: attributeText(v.attributes['standard_name']) ?? null,
    units: attributeText(v.attributes['units']) ?? null,
    dimensions: v.dimensions,
  }));
  file.close();
  const fields: Partial<Record<VectorField, FieldInspection>> = {};
  const problems: string[] = [];
  const notFound: string[] = [];
  for (const field of ['wind', 'current'] as const) {
    try {
      const src = await openGriddedSource([path], field);
      try {
        const part = src.parts[0]!;
        const info = part.info();
        const n = part.grid.nx * part.grid.ny;
        const raw = await openGriddedSource([path], field, { fillLand: false });
        let missing = 0;
        try {
          const s = raw.parts[0]!.slab(0);
          for (let k = 0; k < n; k++) if (Number.isNaN(s.eastMps[k]!) || Number.isNaN(s.northMps[k]!)) missing++;
        } finally {
          raw.close();
        }
        const slab = part.slab(0);
        let maxSpeed = 0;
        for (let k = 0; k < n; k++) {
          const sp = Math.hypot(slab.eastMps[k]!, slab.northMps[k]!);
          if (sp > maxSpeed) maxSpeed = sp;
        }
        const tr = src.coverage.timeRange;
        fields[field] = {
          variables: info.variables,
          matchedBy: info.matchedBy,
          rotatedToEastNorth: info.rotated,
          grid: info.grid,
          nx: info.nx,
          ny: info.ny,
          vertical: info.vertical,
          bboxDeg: src.coverage.bboxDeg,
          timeSteps: info.timeSteps,
          timeStart: tr ? formatUtcTime(tr[0]) : null,
          timeEnd: tr ? formatUtcTime(tr[1]) : null,
          maxSpeedMps: maxSpeed,
          missingFraction: n > 0 ? missing / n : 1,
        };
        if (maxSpeed > PLAUSIBLE_MAX_SPEED_MPS[field]) {
          problems.push(
            `${field}: speeds up to ${maxSpeed.toFixed(1)} m/s in the first time step are implausible (check units and scaling)`,
          );
        }
        if (missing === n) problems.push(`${field}: the first time step has no valid value at all`);
        else if (missing / n > 0.9) {
          problems.push(
            `${field}: ${((100 * missing) / n).toFixed(0)} % of the first time step is missing (land or fill)`,
          );
        }
        if (info.timeSteps < 2) {
          problems.push(`${field}: a single time step covers only that instant; give more time steps or files`);
        }
      } finally {
        src.close();
      }
    } catch (err) {
      if (!isTandemError(err)) throw err;
      if (err.code === 'VARIABLE_NOT_FOUND') notFound.push(field);
      else problems.push(`${field}: ${err.message}`);
    }
  }
  if (notFound.length === 2) {
    problems.push(
      'no wind or current vector components recognised (see docs/domain/forcing.md for the names looked for)',
    );
  }
  return { path, format, sizeBytes, variables, fields, problems };
}
