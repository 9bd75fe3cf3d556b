/**
 * `tandem data add FILE... | list | check FILE...`: the forcing data catalogue. `add` inspects files
 * (variables, fields served, space and time coverage, problems) and records them in the catalogue of the
 * data folder (`$TANDEM_DATA_DIR`, else `./tandem-data/`; `--data-dir` overrides); `list` prints it;
 * `check` inspects without recording. Exit status: 0 when every file is usable, 1 when a file has no usable
 * field or cannot be read, 2 on usage errors. `--json` prints machine-readable output.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isTandemError } from '@tandem/core';
import {
  dataDirectory,
  inspectForcingFile,
  readCatalogue,
  upsertCatalogueEntry,
  writeCatalogue,
} from '@tandem/formats';
import type { ForcingFileInspection } from '@tandem/formats';
import type { CommandIo } from '../main.ts';

export const summary = 'forcing data catalogue: add FILE | list | check FILE';

const USAGE = `usage: tandem data add FILE... [--data-dir DIR] [--json]
       tandem data list [--data-dir DIR] [--json]
       tandem data check FILE... [--json]
`;

function fmtBbox(b: readonly number[] | null): string {
  return b === null
    ? 'global'
    : `${b[0]!.toFixed(2)}..${b[2]!.toFixed(2)}°E ${b[1]!.toFixed(2)}..${b[3]!.toFixed(2)}°N`;
}

function describe(r: ForcingFileInspection): string {
  const lines = [`${r.path}`, `  format: ${r.format}, ${r.sizeBytes} bytes, ${r.variables.length} variables`];
  for (const [field, f] of Object.entries(r.fields)) {
    lines.push(
      `  ${field}: ${f.variables.join('/')} (${f.matchedBy}${f.rotatedToEastNorth ? ', grid-relative, rotated to east/north' : ''})`,
      `    grid ${f.nx} × ${f.ny}, ${f.grid}`,
      `    space ${fmtBbox(f.bboxDeg)}; time ${f.timeStart} .. ${f.timeEnd} (${f.timeSteps} steps)` +
        (f.vertical ? `; ${f.vertical}` : ''),
      `    first step: max speed ${f.maxSpeedMps.toFixed(2)} m/s, ${(100 * f.missingFraction).toFixed(1)} % missing before land fill`,
    );
  }
  if (Object.keys(r.fields).length === 0) lines.push('  no usable wind or current');
  for (const p of r.problems) lines.push(`  problem: ${p}`);
  return lines.join('\n') + '\n';
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    io.stderr.write(`tandem data: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [action, ...files] = parsed.positionals;
  if (parsed.values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const dir =
    parsed.values['data-dir'] !== undefined
      ? resolve(parsed.values['data-dir'])
      : dataDirectory(process.env, process.cwd());
  const json = parsed.values.json === true;
  try {
    if (action === 'list' && files.length === 0) {
      const cat = readCatalogue(dir);
      if (json) io.stdout.write(JSON.stringify(cat, null, 2) + '\n');
      else if (cat.entries.length === 0) io.stdout.write(`the catalogue in ${dir} is empty (tandem data add FILE)\n`);
      else {
        for (const e of cat.entries) {
          const fields = Object.entries(e.fields)
            .map(([f, i]) => `${f} ${i.timeStart}..${i.timeEnd} ${fmtBbox(i.bboxDeg)}`)
            .join('; ');
          io.stdout.write(
            `${e.path}\n  ${fields || 'no usable field'}${e.problems.length ? `; ${e.problems.length} problem(s)` : ''}\n`,
          );
        }
      }
      return 0;
    }
    if ((action === 'add' || action === 'check') && files.length > 0) {
      let status = 0;
      const results: ForcingFileInspection[] = [];
      let cat = action === 'add' ? readCatalogue(dir) : undefined;
      for (const f of files) {
        try {
          const r = await inspectForcingFile(resolve(f));
          results.push(r);
          if (Object.keys(r.fields).length === 0) status = 1;
          if (cat !== undefined) cat = upsertCatalogueEntry(cat, { ...r, addedAt: new Date().toISOString() });
          if (!json) io.stdout.write(describe(r));
        } catch (err) {
          if (!isTandemError(err)) throw err;
          status = 1;
          io.stderr.write(`tandem data ${action}: ${err.code}: ${err.message}\n`);
        }
      }
      if (cat !== undefined) {
        writeCatalogue(dir, cat);
        if (!json) io.stdout.write(`catalogue: ${dir} (${cat.entries.length} files)\n`);
      }
      if (json) io.stdout.write(JSON.stringify(results, null, 2) + '\n');
      return status;
    }
  } catch (err) {
    if (!isTandemError(err)) throw err;
    io.stderr.write(`tandem data: ${err.code}: ${err.message}\n`);
    return 1;
  }
  io.stderr.write(USAGE);
  return 2;
}
