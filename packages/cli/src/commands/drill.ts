/**
 * `tandem drill templates [--json]` lists the scenario library; `tandem drill run (DRILL.json | --template NAME)
 * [--seed N] [--truth-seed N] [--auto] [--summary FILE] [--out FILE] [--land none|naturalearth|FILE]
 * [--lang en|ko|ja] [--quiet]` runs a drill headless on the simulated clock: the recorded actions of the
 * document and, with `--auto`, the optimiser as player (plans, re-plans on each inject). `--summary` writes
 * `{ detected, timeToFirstDetectionS, posAchieved, containment: [{ atS, fraction }], survivorsRecovered,
 * survivorsTotal, ... }`; `--out` the full result (timeline, messages, plans, injects, after-action report).
 * Files are written under a temporary name and renamed when complete.
 * Exit codes: 0 ok, 1 the drill failed (bad document, files), 2 usage error.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomically } from '../output-files.ts';
import {
  buildAfterActionReport,
  DRILL_TEMPLATES,
  findSearchUnitType,
  formatUtcTime,
  isTandemError,
  parseDrillDocument,
  runDrill,
  TandemError,
} from '@tandem/core';
import type { AfterActionReport, DrillLanguage, DrillResult, LandMask } from '@tandem/core';
import { readLandMask } from '@tandem/formats';
import type { CommandIo } from '../main.ts';

export const summary = 'combined SAR drills: list the scenario library, run a drill headless (optionally auto-played)';

const USAGE = `usage: tandem drill templates [--json]
       tandem drill run (DRILL.json | --template NAME) [--seed N] [--truth-seed N] [--auto]
                        [--summary FILE] [--out FILE] [--land none|naturalearth|FILE] [--lang en|ko|ja] [--quiet]

  DRILL.json       drill document (docs/schemas/drill.schema.json)
  --template NAME  run a library template (see "tandem drill templates") instead of a document
  --seed N         drill seed (scenario, reported position, planning); overrides the document's
  --truth-seed N   seed of the hidden truth (default derived from the drill seed)
  --auto           the optimiser plays: plans at the MAYDAY relay and re-plans on every inject
  --summary FILE   write the drill summary as JSON
  --out FILE       write the full result (timeline, messages, plans, injects, after-action report) as JSON
  --land           coastline for the location generator and drift (default naturalearth)
  --lang           language of the printed timeline (default en)
`;

/** Largest drill document read (bytes). */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

function hms(s: number | null): string {
  if (s === null) return '—';
  const sign = s < 0 ? '-' : '';
  const a = Math.abs(Math.round(s));
  return `${sign}${Math.floor(a / 3600)}:${String(Math.floor((a % 3600) / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function templates(json: boolean, io: CommandIo): number {
  if (json) {
    const list = DRILL_TEMPLATES.map((t) => ({
      id: t.id,
      family: t.family,
      name: t.name,
      difficulty: t.difficulty,
      seaAreas: t.seaAreas,
      durationS: t.durationS,
      persons: t.objects.reduce((s, o) => s + o.persons.reduce((a, p) => a + p.count, 0), 0),
      units: t.units.map((u) => u.type),
    }));
    io.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  const lines = [['id', 'family', 'difficulty', 'persons', 'units (KR/JP)', 'name'].join('\t')];
  for (const t of DRILL_TEMPLATES) {
    const persons = t.objects.reduce((s, o) => s + o.persons.reduce((a, p) => a + p.count, 0), 0);
    const kr = t.units.filter((u) => findSearchUnitType(u.type)?.nation === 'KR').length;
    const jp = t.units.length - kr;
    lines.push(
      [t.id, t.family, t.difficulty, String(persons), `${kr}/${jp}`, `${t.name.en} / ${t.name.ko} / ${t.name.ja}`].join(
        '\t',
      ),
    );
  }
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

function printResult(r: DrillResult, aar: AfterActionReport, lang: DrillLanguage, io: CommandIo): void {
  const s = r.summary;
  const lines = [
    `drill ${s.drillId} (template ${s.templateId}, seed ${s.seed}, start ${s.startTime})`,
    '',
    `  detected                 ${s.detected ? 'yes' : 'no'}`,
    `  time to first detection  ${hms(s.timeToFirstDetectionS)}`,
    `  first unit on scene      ${hms(s.timeToFirstUnitOnSceneS)}`,
    `  POS achieved             ${(s.posAchieved * 100).toFixed(1)} %`,
    `  mean containment         ${(s.meanContainment * 100).toFixed(1)} %`,
    `  survivors recovered      ${s.survivorsRecovered} / ${s.survivorsTotal}`,
    `  messages sent            ${s.messagesSent}`,
    `  plans                    ${s.plansMade}`,
    '',
    'findings (HSEEP):',
    ...aar.findings.map(
      (f) =>
        `  ${f.rating}  ${f.capabilityName[lang]}: ${f.objective[lang]} — ${f.ratingLabel[lang]}${f.suggested ? ' *' : ''}`,
    ),
    '  (* suggested from the figures; no evaluator rating)',
    '',
    'timeline:',
    ...r.timeline.map((e) => `  ${hms(e.atS).padStart(8)}  ${e.text[lang]}`),
  ];
  io.stdout.write(lines.join('\n') + '\n');
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    (sub === undefined ? io.stderr : io.stdout).write(USAGE);
    return sub === undefined ? 2 : 0;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        template: { type: 'string' },
        seed: { type: 'string' },
        'truth-seed': { type: 'string' },
        auto: { type: 'boolean' },
        summary: { type: 'string' },
        out: { type: 'string' },
        land: { type: 'string' },
        lang: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.stderr.write(`tandem drill: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values['help'] === true) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (sub === 'templates') {
    if (positionals.length > 0) {
      io.stderr.write(`tandem drill templates: unexpected argument "${positionals[0]}"\n`);
      return 2;
    }
    return templates(values['json'] === true, io);
  }
  if (sub !== 'run') {
    io.stderr.write(`tandem drill: unknown sub-command "${sub}"\n${USAGE}`);
    return 2;
  }
  const template = values['template'] as string | undefined;
  if ((template === undefined) === (positionals.length !== 1) || positionals.length > 1) {
    io.stderr.write(`tandem drill run: give exactly one of DRILL.json or --template NAME\n${USAGE}`);
    return 2;
  }
  const intFlag = (name: string): number | undefined | 'bad' => {
    const v = values[name];
    if (v === undefined) return undefined;
    return typeof v === 'string' && /^\d{1,10}$/.test(v) && Number(v) <= 0xffffffff ? Number(v) : 'bad';
  };
  const seed = intFlag('seed');
  const truthSeed = intFlag('truth-seed');
  if (seed === 'bad' || truthSeed === 'bad') {
    io.stderr.write(`tandem drill run: --seed and --truth-seed take an integer in [0, 4294967295]\n`);
    return 2;
  }
  const lang = (values['lang'] as string | undefined) ?? 'en';
  if (lang !== 'en' && lang !== 'ko' && lang !== 'ja') {
    io.stderr.write(`tandem drill run: --lang must be en, ko or ja\n`);
    return 2;
  }
  try {
    let doc: Record<string, unknown>;
    let baseDir = process.cwd();
    if (template !== undefined) doc = { template };
    else {
      const path = resolve(positionals[0] as string);
      baseDir = dirname(path);
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        throw new TandemError('NOT_FOUND', `cannot read the drill document ${path}`, 'DRILL.json');
      }
      if (size > MAX_DOCUMENT_BYTES) throw new TandemError('FILE_TOO_LARGE', `${path} is over 64 MB`, 'DRILL.json');
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(path, 'utf8'));
      } catch (err) {
        throw new TandemError('INVALID_INPUT', `not valid JSON: ${(err as Error).message}`, positionals[0]);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new TandemError('INVALID_INPUT', 'a drill document is a JSON object', positionals[0]);
      doc = { ...(parsed as Record<string, unknown>) };
    }
    if (seed !== undefined) doc['seed'] = seed;
    if (truthSeed !== undefined) doc['truthSeed'] = truthSeed;
    const land: LandMask = await readLandMask(
      { landMask: (values['land'] as string | undefined) ?? 'naturalearth' },
      baseDir,
    );
    const parsed = parseDrillDocument(doc, land);
    const result = runDrill(parsed.spec, { land, auto: values['auto'] === true, actions: parsed.actions });
    const aar = buildAfterActionReport(parsed.spec, result.summary, result.timeline, parsed.evaluations);
    if (values['summary'] !== undefined)
      writeFileAtomically(resolve(values['summary'] as string), JSON.stringify(result.summary, null, 2) + '\n');
    if (values['out'] !== undefined) {
      const full = {
        drill: {
          id: parsed.spec.id,
          template: parsed.spec.templateId,
          name: parsed.spec.name,
          startTime: formatUtcTime(parsed.spec.startTimeS),
          seed: parsed.spec.seed,
          truthSeed: parsed.spec.truthSeed,
          reportedPosition: parsed.spec.reportedPosition,
          srr: parsed.spec.srr ?? null,
          environment: parsed.spec.environment,
          units: parsed.spec.units,
        },
        ...result,
        afterAction: aar,
      };
      writeFileAtomically(resolve(values['out'] as string), JSON.stringify(full, null, 2) + '\n');
    }
    if (values['quiet'] !== true) printResult(result, aar, lang, io);
    return 0;
  } catch (err) {
    if (isTandemError(err)) {
      io.stderr.write(`tandem drill: ${err.message}\n`);
      return 1;
    }
    io.stderr.write(`tandem drill: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    return 1;
  }
}
