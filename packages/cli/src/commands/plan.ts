/**
 * `tandem plan PLAN.json [--summary FILE] [--out DIR] [--tracks FILE ...]`: plans (mode "optimize") or evaluates
 * (mode "evaluate") a search from a probability map (a drift run directory at a time, a uniform polygon or a
 * circular-normal datum) with units of both nations. Into DIR: `routes/<unit>.gpx`, `plan.kml`, `plan.geojson`,
 * `poc.tif` (GeoTIFF, equal-area), `messages/search-action.<en|ko|ja>.txt`, `messages/sitrep.<en|ko|ja>.txt` and
 * `plan.json`. With `--tracks`, the tracks actually run (GPX, CSV or GeoJSON, matched to units by id) update the
 * probability map after an unsuccessful search (Bayes) and `posterior.tif` is written.
 * Files are written under temporary names and renamed only when all are complete.
 * Exit codes: 0 ok, 1 the plan failed (bad document, files), 2 usage error.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readJsonDocument, writeFilesAtomically } from '../output-files.ts';
import {
  applyLegsToMiss,
  bayesUpdate,
  cloudForDatum,
  cloudFromDriftRun,
  coarsenFrame,
  formatUtcTime,
  gridFromCloud,
  isTandemError,
  metersToNauticalMiles,
  parsePlanDocument,
  planSearch,
  TandemError,
} from '@tandem/core';
import type { LonLat, ParticleCloud, PlanDocument, PlanResult } from '@tandem/core';
import {
  MAX_TRACK_BYTES,
  MESSAGE_LANGUAGES,
  parseRunTracks,
  planToGeoJson,
  planToKml,
  probabilityGridToGeoTiff,
  readTrajectoryNetcdf,
  sarSitrep,
  searchActionMessage,
  trackFormatOf,
  unitToGpx,
} from '@tandem/formats';
import type { MessageInfo } from '@tandem/formats';
import type { CommandIo } from '../main.ts';

export const summary = 'plan or evaluate a search (both nations) and write routes, maps, raster and messages';

const USAGE = `usage: tandem plan PLAN.json [--summary FILE] [--out DIR] [--tracks FILE ...] [--quiet]

  PLAN.json       search plan document (docs/schemas/search-plan.schema.json)
  --out DIR       write routes/<unit>.gpx, plan.kml, plan.geojson, poc.tif, messages/*.txt, plan.json
  --summary FILE  write { pos, upperBoundPos, units: [{ id, pod, pos, trackLengthM, ... }] } as JSON
  --tracks FILE   tracks actually run (GPX, CSV or GeoJSON; repeatable): Bayesian update after the search
  --quiet         print nothing on success
`;

/** Largest trajectory file read (bytes). */
const MAX_TRAJECTORY_BYTES = 2 * 1024 * 1024 * 1024;

/** Per-particle scenario weights from the drift run's run.json (seedings' counts and weights), when present. */
function seedingWeights(runDir: string, count: number): Float64Array | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const seed = (json as { scenario?: { seed?: unknown } }).scenario?.seed;
  const seeds = Array.isArray(seed) ? seed : seed === undefined ? [] : [seed];
  const w = new Float64Array(count);
  let k = 0;
  for (const s of seeds) {
    const c = Number((s as { count?: unknown }).count);
    const wt = (s as { weight?: unknown }).weight === undefined ? 1 : Number((s as { weight?: unknown }).weight);
    if (!(Number.isInteger(c) && c > 0 && wt >= 0) || k + c > count) return undefined;
    w.fill(wt / c, k, k + c);
    k += c;
  }
  return k === count ? w : undefined;
}

function loadDriftRun(
  doc: PlanDocument,
  planDir: string,
): { cloud: ParticleCloud; meanDrift: { eastMps: number; northMps: number } } {
  if (doc.probability.kind !== 'driftRun') throw new Error('not a drift run');
  const dir = resolve(planDir, doc.probability.dir);
  const file = join(dir, 'trajectory.nc');
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new TandemError('NOT_FOUND', `no trajectory.nc in the drift run directory ${dir}`, 'probability.driftRun');
  }
  if (size > MAX_TRAJECTORY_BYTES)
    throw new TandemError('FILE_TOO_LARGE', `${file} is over 2 GB`, 'probability.driftRun');
  const set = readTrajectoryNetcdf(new Uint8Array(readFileSync(file)), file);
  return cloudFromDriftRun(set, doc.probability.atTimeS, seedingWeights(dir, set.count));
}

function datumOf(doc: PlanDocument, plan: PlanResult): LonLat {
  const p = doc.probability;
  if (p.kind === 'circularNormal') return p.center;
  return [plan.projection.centerLonDeg, plan.projection.centerLatDeg];
}

function summaryJson(plan: PlanResult, posterior: { pos: number } | undefined): unknown {
  return {
    name: plan.name,
    sensor: plan.sensor,
    pos: plan.pos,
    upperBoundPos: plan.upperBoundPos,
    allocationGridPos: plan.allocationGridPos ?? null,
    startTime: plan.startTimeS > 0 ? formatUtcTime(plan.startTimeS) : null,
    units: plan.units.map((u) => ({
      id: u.id,
      nation: u.nation,
      name: u.name,
      pattern: u.pattern?.kind ?? null,
      fixedPattern: u.fixedPattern,
      pod: u.pod,
      pos: u.pos,
      poc: u.poc,
      trackLengthM: u.trackLengthM,
      trackSpacingM: u.trackSpacingM,
      sweepWidthM: u.sweepWidthM,
      areaM2: u.areaM2,
      coverage: u.coverage,
      onSceneS: u.onSceneS,
      withinEndurance: u.withinEndurance,
      intercept:
        u.intercept === undefined
          ? null
          : {
              lon: u.intercept.lonDeg,
              lat: u.intercept.latDeg,
              time: plan.startTimeS > 0 ? formatUtcTime(u.intercept.timeS) : null,
              afterStartS: u.intercept.timeS - plan.startTimeS,
            },
    })),
    manual: plan.manual ?? null,
    grid: { nx: plan.grid.nx, ny: plan.grid.ny, cellM: plan.grid.cellM },
    posterior: posterior ?? null,
    warnings: plan.warnings,
  };
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  let values: {
    out?: string | undefined;
    summary?: string | undefined;
    tracks?: string[] | undefined;
    quiet?: boolean;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        summary: { type: 'string' },
        tracks: { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.stderr.write(`tandem plan: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] === undefined) {
    io.stderr.write(`tandem plan: give exactly one plan file\n${USAGE}`);
    return 2;
  }
  const planPath = resolve(positionals[0]);
  const outDir = values.out === undefined ? undefined : resolve(values.out);
  try {
    const json = readJsonDocument(planPath, positionals[0], 'plan');
    const doc = parsePlanDocument(json);
    let cloud: ParticleCloud;
    let meanDrift: { eastMps: number; northMps: number } | undefined;
    if (doc.probability.kind === 'driftRun') {
      ({ cloud, meanDrift } = loadDriftRun(doc, dirname(planPath)));
    } else {
      cloud = cloudForDatum(doc);
    }
    const plan = planSearch(doc, cloud, meanDrift);

    let posterior: { pos: number; tracks: number } | undefined;
    let posteriorTif: Uint8Array | undefined;
    if (values.tracks !== undefined && values.tracks.length > 0) {
      const miss = new Float64Array(cloud.xM.length).fill(1);
      let count = 0;
      for (const f of values.tracks) {
        const format = trackFormatOf(f);
        let bytes: number;
        try {
          bytes = statSync(resolve(f)).size;
        } catch {
          throw new TandemError('NOT_FOUND', 'cannot read the tracks file', `--tracks ${f}`);
        }
        if (bytes > MAX_TRACK_BYTES)
          throw new TandemError('FILE_TOO_LARGE', `over ${MAX_TRACK_BYTES} bytes`, `--tracks ${f}`);
        const tracks = parseRunTracks(readFileSync(resolve(f), 'utf8'), format, basename(f));
        for (const t of tracks) {
          const unit = plan.units.find((u) => u.id === t.unitId);
          if (unit === undefined) {
            throw new TandemError(
              'INVALID_INPUT',
              `track "${t.unitId}" names no unit of the plan`,
              `--tracks ${basename(f)}`,
            );
          }
          const legs = new Float64Array(Math.max(0, t.points.length - 1) * 4);
          for (let k = 0; k + 1 < t.points.length; k++) {
            const a = cloud.projection.forward((t.points[k] as LonLat)[0], (t.points[k] as LonLat)[1]);
            const b = cloud.projection.forward((t.points[k + 1] as LonLat)[0], (t.points[k + 1] as LonLat)[1]);
            legs.set([a[0], a[1], b[0], b[1]], 4 * k);
          }
          // Random search (exponential) needs cells several track spacings wide.
          const frame = coarsenFrame(plan.grid, Math.max(2 * unit.trackSpacingM, 4 * unit.sweepWidthM));
          applyLegsToMiss(cloud.xM, cloud.yM, legs, unit.sweepWidthM, doc.sensor, miss, frame);
          count++;
        }
      }
      const updated = bayesUpdate(cloud.weight, miss);
      posterior = { pos: updated.pos, tracks: count };
      const grid = gridFromCloud({ ...cloud, weight: updated.weight }, plan.grid);
      posteriorTif = probabilityGridToGeoTiff(grid, 'Tandem POC after an unsuccessful search (Bayesian update)');
    }

    const files: [string, string | Uint8Array][] = [];
    if (outDir !== undefined) {
      const info: MessageInfo = {
        from: doc.coordinator ?? 'RCC',
        to: plan.units.map((u) => u.id),
        timeS: plan.startTimeS > 0 ? plan.startTimeS : Math.floor(Date.now() / 1000),
        sitrepNumber: doc.sitrepNumber,
        datum: datumOf(doc, plan),
        ...(doc.casualty === undefined ? {} : { casualty: doc.casualty }),
        ...(doc.personsAtRisk === undefined ? {} : { personsAtRisk: doc.personsAtRisk }),
      };
      for (const u of plan.units) {
        if (u.waypoints.length === 0) continue;
        const safe = u.id.replace(/[^A-Za-z0-9._-]/g, '_');
        files.push([join(outDir, 'routes', `${safe}.gpx`), unitToGpx(plan, u)]);
      }
      files.push([join(outDir, 'plan.kml'), planToKml(plan)]);
      files.push([join(outDir, 'plan.geojson'), JSON.stringify(planToGeoJson(plan))]);
      files.push([join(outDir, 'poc.tif'), probabilityGridToGeoTiff(plan.grid)]);
      if (posteriorTif !== undefined) files.push([join(outDir, 'posterior.tif'), posteriorTif]);
      for (const lang of MESSAGE_LANGUAGES) {
        files.push([join(outDir, 'messages', `search-action.${lang}.txt`), searchActionMessage(plan, lang, info)]);
        files.push([join(outDir, 'messages', `sitrep.${lang}.txt`), sarSitrep(plan, lang, info)]);
      }
      files.push([
        join(outDir, 'plan.json'),
        JSON.stringify({ document: json, summary: summaryJson(plan, posterior) }, null, 2) + '\n',
      ]);
    }
    if (values.summary !== undefined)
      files.push([resolve(values.summary), JSON.stringify(summaryJson(plan, posterior), null, 2) + '\n']);
    writeFilesAtomically(files);
    if (values.quiet !== true) {
      const lines = [
        `plan            ${plan.name} (${doc.mode}, ${plan.sensor} sensor, ${plan.units.length} unit(s))`,
        `POS             ${(plan.pos * 100).toFixed(1)} % (unconstrained upper bound ${(plan.upperBoundPos * 100).toFixed(1)} %)`,
        ...plan.units.map(
          (u) =>
            `  ${u.id.padEnd(14)} ${u.nation} ${(u.pattern?.kind ?? 'none').padEnd(16)} POD ${(u.pod * 100).toFixed(1).padStart(5)} %  POS ${(u.pos * 100).toFixed(1).padStart(5)} %  track ${(u.trackLengthM / 1000).toFixed(1)} km`,
        ),
        ...(plan.manual === undefined
          ? []
          : [
              `IAMSAR manual  E ${metersToNauticalMiles(plan.manual.totalProbableErrorM).toFixed(1)} NM, Zr ${plan.manual.relativeEffort.toFixed(1)}: optimal f_s ${plan.manual.optimal.searchFactor.toFixed(2)} POS ${(plan.manual.optimal.pos * 100).toFixed(1)} %, practice f_s ${plan.manual.practice.searchFactor} POS ${(plan.manual.practice.pos * 100).toFixed(1)} %`,
            ]),
        ...(posterior === undefined
          ? []
          : [
              `after search    POS of the tracks run ${(posterior.pos * 100).toFixed(1)} % (${posterior.tracks} track(s)); posterior map updated`,
            ]),
        ...(outDir === undefined ? [] : [`outputs         ${outDir}`]),
        ...plan.warnings.map((w) => `warning         ${w}`),
      ];
      io.stdout.write(lines.join('\n') + '\n');
    }
    return 0;
  } catch (err) {
    if (isTandemError(err)) {
      io.stderr.write(`tandem plan: ${err.message}\n`);
      return 1;
    }
    io.stderr.write(`tandem plan: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    return 1;
  }
}
