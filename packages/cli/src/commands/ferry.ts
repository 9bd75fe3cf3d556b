/**
 * `tandem ferry plan`: plans an aerobatic team's ferry flight over the airfield database (fewest legs, then least
 * time; range with reserves and an alternate within reach of each destination) and prints the legs.
 * `tandem ferry types` and `tandem ferry airfields` list the editable reference data with their sources.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomically } from '../output-files.ts';
import {
  SEED_AIRCRAFT_TYPES,
  SEED_TEAMS,
  SECONDS_PER_DAY,
  checkClearances,
  clearanceFromJson,
  constantWind,
  findAircraftType,
  formatUtcTime,
  hoursToSeconds,
  isLocale,
  isTandemError,
  knotsToMetersPerSecond,
  localized,
  metersPerSecondToKnots,
  metersToNauticalMiles,
  minutesToSeconds,
  noWind,
  parseUtcTime,
  planFerryRoute,
  scheduleByDays,
  seedAirfieldDatabase,
  splitIntoGroups,
  withOverrides,
} from '@tandem/core';
import type {
  AircraftTypeOverrides,
  Clearance,
  ClearanceWarning,
  FerryLeg,
  FerryPlan,
  FlightGroup,
  Locale,
  ScheduledLeg,
  WindAloft,
} from '@tandem/core';
import type { CommandIo } from '../main.ts';

export const summary = 'plan a team ferry flight (legs against range, reserves, alternates)';

const USAGE = `usage: tandem ferry plan --type TYPE --from ICAO --to ICAO [options]
       tandem ferry types | airfields
  --type TYPE        aircraft type (${SEED_AIRCRAFT_TYPES.map((t) => t.id).join(', ')})
  --config ID        fuel configuration (e.g. T-4: clean, two-drop-tanks); default the type's first
  --via ICAO,...     required stops, in order (--any-order lets the planner reorder them)
  --stops ICAO,...   only these airfields may be added as stops and alternates (default: all)
  --countries CC,... only airfields in these countries (ISO codes, e.g. KR,JP)
  --wind DEG/KT      constant wind FROM DEG (true) at KT knots, e.g. 270/60 (default: none)
  --departure TIME   departure, ISO 8601 UTC (default 2026-01-28T00:00:00Z)
  --cruise-kt N      override cruise TAS, knots      --range-km N     override still-air range, km
  --reserve-min N    override final reserve, minutes --contingency F  override contingency fraction
  --aircraft N       number of aircraft: split into groups and schedule by days
  --per-group N      most aircraft per group (default: all)   --days-between N  days between groups (default 1)
  --max-duty-h H     longest flying day, hours (default 10)   --max-legs-day N  most legs a day (default 3)
  --operator KR|JP   nation operating the aircraft (default: the team flying the type)
  --clearances FILE  JSON array of clearances ({ id, country, kind, from, to, status, requested, approved,
                     reference, validFrom, validTo }); legs without an approved clearance are warned
  --as-of TIME       date the clearance lead times are checked against (default: now)
  --lang en|ko|ja    language of messages (default en)
  --summary FILE     write a JSON summary
`;

class UsageError extends Error {}

function num(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`${flag} must be a number, got "${v}"`);
  return n;
}

function list(v: string | undefined): string[] | undefined {
  return v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter((s) => s !== '');
}

function parseWind(v: string | undefined): WindAloft {
  if (v === undefined) return noWind();
  const m = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(v);
  if (m === null) throw new UsageError(`--wind must be DEG/KT (e.g. 270/60), got "${v}"`);
  return constantWind(Number(m[1]), knotsToMetersPerSecond(Number(m[2])));
}

const km = (m: number): number => Math.round(m) / 1000;

function hhmm(s: number): string {
  if (!Number.isFinite(s)) return '--:--';
  const min = Math.round(s / 60);
  return `${Math.floor(min / 60)}:${String(min % 60).padStart(2, '0')}`;
}

function legSummary(l: FerryLeg): Record<string, unknown> {
  return {
    from: l.from,
    to: l.to,
    distanceKm: km(l.distanceM),
    distanceNm: Math.round(metersToNauticalMiles(l.distanceM) * 10) / 10,
    initialTrackDeg: Math.round(l.initialTrackDeg * 10) / 10,
    timeS: Number.isFinite(l.airTimeS) ? Math.round(l.airTimeS) : null,
    rangeUsedFraction: Number.isFinite(l.rangeUsedFraction) ? Math.round(l.rangeUsedFraction * 10000) / 10000 : null,
    fuelRequiredFraction: Number.isFinite(l.fuelRequiredFraction)
      ? Math.round(l.fuelRequiredFraction * 10000) / 10000
      : null,
    alternate: l.alternate === null ? null : { icao: l.alternate.icao, distanceKm: km(l.alternate.distanceM) },
    feasible: l.feasible,
    issues: l.issues.map((i) => i.code),
  };
}

function legRow(l: FerryLeg, lang: Locale): string {
  const pct = (f: number): string => (Number.isFinite(f) ? `${(f * 100).toFixed(0)}%` : '—');
  return [
    `${l.from}→${l.to}`.padEnd(11),
    `${(l.distanceM / 1000).toFixed(0).padStart(5)} km`,
    `${metersToNauticalMiles(l.distanceM).toFixed(0).padStart(5)} NM`,
    `${l.initialTrackDeg.toFixed(0).padStart(3, '0')}°`,
    hhmm(l.airTimeS).padStart(6),
    pct(l.rangeUsedFraction).padStart(6),
    pct(l.fuelRequiredFraction).padStart(6),
    (l.alternate?.icao ?? '—').padEnd(5),
    l.feasible ? UI.ok[lang] : UI.notFeasible[lang],
  ].join('  ');
}

/** Fixed words of the printout, in the three languages. */
const UI = {
  header: localized(
    'leg          distance   distance  trk    time  range  +resv  alt    status',
    '구간         거리       거리      침로   시간  항속   +예비  교체   판정',
    '区間         距離       距離      針路   時間  航続   +予備  代替   判定',
  ),
  direct: localized('direct', '직항', '直行'),
  plan: localized('plan', '계획', '計画'),
  noPlan: localized(
    'NO FEASIBLE PLAN; legs as requested',
    '가능한 계획 없음; 요청 구간',
    '実行可能な計画なし；要求どおりの区間',
  ),
  ok: localized('ok', '가능', '可'),
  notFeasible: localized('NOT FEASIBLE', '불가', '不可'),
  legs: localized('leg(s)', '구간', '区間'),
  inAir: localized('in the air', '비행', '飛行'),
  elapsed: localized('elapsed', '총 소요', '総所要'),
  feasible: localized('feasible', '가능 여부', '実行可能'),
  yes: localized('yes', '예', 'はい'),
  no: localized('no', '아니오', 'いいえ'),
  schedule: localized('schedule', '일정', '日程'),
  group: localized('group', '편대', '編隊'),
  aircraft: localized('aircraft', '대', '機'),
  range: localized('range', '항속거리', '航続距離'),
  cruise: localized('cruise', '순항', '巡航'),
  reserve: localized('reserve', '예비', '予備'),
  contingency: localized('contingency', '비상', '不測'),
  alternate: localized('alternate', '교체비행장', '代替飛行場'),
  clearances: localized('clearances', '비행허가', '飛行許可'),
  allCleared: localized('all legs cleared', '모든 구간 허가 완료', '全区間許可済み'),
  warnings: localized('warning(s)', '건 경고', '件の警告'),
};

function dayLabel(n: number, lang: Locale): string {
  return lang === 'en' ? `day ${n}` : lang === 'ko' ? `${n}일차` : `${n}日目`;
}

function printPlan(io: CommandIo, plan: FerryPlan, lang: Locale): void {
  const p = plan.performance;
  io.stdout.write(
    `${plan.typeId} (${plan.configurationId}): ${UI.range[lang]} ${(p.rangeM / 1000).toFixed(0)} km, ${UI.cruise[lang]} ` +
      `${metersPerSecondToKnots(p.cruiseTasMps).toFixed(0)} kt TAS, ${UI.reserve[lang]} ${(p.finalReserveS / 60).toFixed(0)} min + ` +
      `${(p.contingencyFraction * 100).toFixed(0)}% ${UI.contingency[lang]}` +
      `${p.alternateRequired ? ` + ${UI.alternate[lang]}` : ''}; ${plan.wind[lang]}\n\n`,
  );
  const lines = [`${UI.direct[lang]}:`, UI.header[lang], legRow(plan.direct, lang)];
  for (const i of plan.direct.issues) lines.push(`  ! ${i.message[lang]}`);
  lines.push('', `${plan.feasible ? UI.plan[lang] : UI.noPlan[lang]}:`, UI.header[lang]);
  for (const l of plan.legs) {
    lines.push(legRow(l, lang));
    for (const i of l.issues) lines.push(`  ! ${i.message[lang]}`);
  }
  lines.push(
    '',
    `${plan.legs.length} ${UI.legs[lang]}, ${(plan.totalDistanceM / 1000).toFixed(0)} km, ` +
      `${hhmm(plan.totalAirTimeS)} ${UI.inAir[lang]}, ${hhmm(plan.totalElapsedS)} ${UI.elapsed[lang]}; ` +
      `${UI.feasible[lang]}: ${plan.feasible ? UI.yes[lang] : UI.no[lang]}`,
  );
  io.stdout.write(lines.join('\n') + '\n');
}

/** Largest clearances file read, bytes. */
const MAX_CLEARANCES_BYTES = 1 << 20;

function readClearances(file: string): Clearance[] {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`--clearances: cannot read "${file}"`);
  }
  if (size > MAX_CLEARANCES_BYTES) throw new UsageError(`--clearances: "${file}" is larger than 1 MiB`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--clearances: "${file}" is not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(json)) throw new UsageError(`--clearances: "${file}" must hold a JSON array`);
  return json.map((c, i) => clearanceFromJson(c, `clearances[${i}]`));
}

async function plan(rest: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...rest],
    options: {
      type: { type: 'string' },
      config: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      via: { type: 'string' },
      'any-order': { type: 'boolean' },
      stops: { type: 'string' },
      countries: { type: 'string' },
      wind: { type: 'string' },
      departure: { type: 'string' },
      'cruise-kt': { type: 'string' },
      'range-km': { type: 'string' },
      'reserve-min': { type: 'string' },
      contingency: { type: 'string' },
      lang: { type: 'string' },
      summary: { type: 'string' },
      aircraft: { type: 'string' },
      'per-group': { type: 'string' },
      'days-between': { type: 'string' },
      'max-duty-h': { type: 'string' },
      'max-legs-day': { type: 'string' },
      operator: { type: 'string' },
      clearances: { type: 'string' },
      'as-of': { type: 'string' },
    },
    strict: true,
  });
  if (values.type === undefined || values.from === undefined || values.to === undefined) {
    throw new UsageError('--type, --from and --to are required');
  }
  const lang = values.lang ?? 'en';
  if (!isLocale(lang)) throw new UsageError(`--lang must be en, ko or ja, got "${lang}"`);
  const departureUtc = parseUtcTime(values.departure ?? '2026-01-28T00:00:00Z');
  if (Number.isNaN(departureUtc))
    throw new UsageError(`--departure must be an ISO 8601 UTC time, got "${values.departure}"`);
  const cruiseKt = num(values['cruise-kt'], '--cruise-kt');
  const rangeKm = num(values['range-km'], '--range-km');
  const reserveMin = num(values['reserve-min'], '--reserve-min');
  const contingency = num(values.contingency, '--contingency');
  const overrides: AircraftTypeOverrides = {
    ...(cruiseKt === undefined ? {} : { cruiseTasMps: knotsToMetersPerSecond(cruiseKt) }),
    ...(rangeKm === undefined ? {} : { rangeM: rangeKm * 1000 }),
    ...(reserveMin === undefined ? {} : { finalReserveS: minutesToSeconds(reserveMin) }),
    ...(contingency === undefined ? {} : { contingencyFraction: contingency }),
  };
  const base = findAircraftType(values.type);
  const type = Object.keys(overrides).length === 0 ? base : withOverrides(base, overrides, 'command-line override');
  const db = seedAirfieldDatabase();
  const via = list(values.via);
  const stops = list(values.stops);
  const countries = list(values.countries);
  const result = planFerryRoute(db, {
    type,
    ...(values.config === undefined ? {} : { configurationId: values.config }),
    originIcao: values.from.toUpperCase(),
    destinationIcao: values.to.toUpperCase(),
    ...(via === undefined ? {} : { requiredStops: via }),
    requiredStopsOrder: values['any-order'] === true ? 'best' : 'given',
    ...(stops === undefined ? {} : { optionalStops: stops }),
    ...(countries === undefined ? {} : { allowedCountries: countries }),
    wind: parseWind(values.wind),
    departureUtc,
  });
  printPlan(io, result, lang);
  const aircraft = num(values.aircraft, '--aircraft');
  const dutyH = num(values['max-duty-h'], '--max-duty-h');
  let schedule: { group: FlightGroup; legs: ScheduledLeg[] }[] | undefined;
  if (result.feasible && (aircraft !== undefined || dutyH !== undefined)) {
    const groups = splitIntoGroups(
      aircraft ?? 1,
      num(values['per-group'], '--per-group') ?? aircraft ?? 1,
      num(values['days-between'], '--days-between') ?? 1,
    );
    schedule = groups.map((group) => ({
      group,
      legs: scheduleByDays(result.legs, {
        firstDepartureUtc: departureUtc + group.startDay * SECONDS_PER_DAY,
        maxDutyS: hoursToSeconds(dutyH ?? 10),
        maxLegsPerDay: num(values['max-legs-day'], '--max-legs-day') ?? 3,
        turnaroundS: result.performance.turnaroundS,
      }),
    }));
    const lines = ['', `${UI.schedule[lang]}:`];
    for (const { group, legs } of schedule) {
      lines.push(`${UI.group[lang]} ${group.index + 1}: ${group.aircraftCount} ${UI.aircraft[lang]}`);
      for (const s of legs) {
        lines.push(
          `  ${dayLabel(s.day + 1 + group.startDay, lang)}  ${s.leg.from}→${s.leg.to}  ` +
            `${formatUtcTime(Math.round(s.departureUtc))} → ${formatUtcTime(Math.round(s.arrivalUtc))}`,
        );
      }
    }
    io.stdout.write(lines.join('\n') + '\n');
  }
  const operator = (
    values.operator ?? SEED_TEAMS.find((t) => [...t.display, ...t.support].some((c) => c.typeId === type.id))?.side
  )?.toUpperCase();
  let warnings: ClearanceWarning[] = [];
  if (operator !== undefined && result.feasible) {
    if (!/^[A-Z]{2}$/.test(operator))
      throw new UsageError(`--operator must be a country code such as KR or JP, got "${operator}"`);
    const asOf = values['as-of'] === undefined ? Date.now() / 1000 : parseUtcTime(values['as-of']);
    if (Number.isNaN(asOf)) throw new UsageError(`--as-of must be an ISO 8601 UTC time, got "${values['as-of']}"`);
    const clearances = values.clearances === undefined ? [] : readClearances(values.clearances);
    warnings = checkClearances(
      result.legs.map((l) => ({
        fromIcao: l.from,
        toIcao: l.to,
        departureUtc: l.departureUtc,
        arrivalUtc: l.arrivalUtc,
      })),
      clearances,
      db,
      operator,
      asOf,
    );
    const lines = [
      '',
      `${UI.clearances[lang]} (${operator}): ` +
        (warnings.length === 0 ? UI.allCleared[lang] : `${warnings.length} ${UI.warnings[lang]}`),
    ];
    for (const w of warnings) lines.push(`  ! ${w.code}: ${w.message[lang]}`);
    io.stdout.write(lines.join('\n') + '\n');
  }
  if (values.summary !== undefined) {
    const p = result.performance;
    const doc = {
      type: result.typeId,
      configuration: result.configurationId,
      from: values.from.toUpperCase(),
      to: values.to.toUpperCase(),
      via: via ?? [],
      wind: result.wind.en,
      departureUtc: formatUtcTime(departureUtc),
      feasible: result.feasible,
      legs: result.legs.map((l) => ({
        ...legSummary(l),
        departureUtc: formatUtcTime(Math.round(l.departureUtc)),
        arrivalUtc: Number.isFinite(l.arrivalUtc) ? formatUtcTime(Math.round(l.arrivalUtc)) : null,
      })),
      direct: legSummary(result.direct),
      totalDistanceKm: km(result.totalDistanceM),
      totalAirTimeS: Math.round(result.totalAirTimeS),
      totalElapsedS: Math.round(result.totalElapsedS),
      clearanceWarnings: warnings.map((w) => ({
        code: w.code,
        from: w.fromIcao,
        to: w.toIcao,
        country: w.country,
        kind: w.kind,
        ...(w.requestByUtc === undefined ? {} : { requestBy: formatUtcTime(Math.round(w.requestByUtc)) }),
      })),
      ...(schedule === undefined
        ? {}
        : {
            schedule: schedule.map(({ group, legs }) => ({
              aircraft: group.aircraftCount,
              legs: legs.map((x) => ({
                from: x.leg.from,
                to: x.leg.to,
                departureUtc: formatUtcTime(Math.round(x.departureUtc)),
                arrivalUtc: formatUtcTime(Math.round(x.arrivalUtc)),
              })),
            })),
          }),
      assumptions: {
        rangeKm: p.rangeM / 1000,
        cruiseTasKt: Math.round(metersPerSecondToKnots(p.cruiseTasMps) * 10) / 10,
        finalReserveMin: p.finalReserveS / 60,
        contingencyFraction: p.contingencyFraction,
        alternateRequired: p.alternateRequired,
        minRunwayM: p.minRunwayM,
        turnaroundMin: p.turnaroundS / 60,
        figures: {
          range: type.configurations.find((c) => c.id === result.configurationId)?.rangeM,
          cruiseTas: type.cruiseTasMps,
          finalReserve: type.reserve.finalReserveS,
          contingency: type.reserve.contingencyFraction,
        },
      },
    };
    writeFileAtomically(resolve(values.summary), JSON.stringify(doc, null, 2) + '\n');
  }
  return result.feasible ? 0 : 1;
}

function listTypes(io: CommandIo): number {
  for (const t of SEED_AIRCRAFT_TYPES) {
    io.stdout.write(`${t.id}  ${t.name.en}  (${t.role})\n`);
    for (const c of t.configurations) {
      io.stdout.write(
        `  range ${c.id}: ${(c.rangeM.value / 1000).toFixed(0)} km [${c.rangeM.kind}: ${c.rangeM.source}]\n`,
      );
    }
    io.stdout.write(
      `  cruise: ${metersPerSecondToKnots(t.cruiseTasMps.value).toFixed(0)} kt TAS [${t.cruiseTasMps.kind}: ${t.cruiseTasMps.source}]\n` +
        `  reserve: ${(t.reserve.finalReserveS.value / 60).toFixed(0)} min + ${(t.reserve.contingencyFraction.value * 100).toFixed(0)}% ` +
        `[${t.reserve.finalReserveS.kind}]; alternate required: ${t.alternate.required}; min runway ` +
        `${t.minRunwayM.value} m [${t.minRunwayM.kind}]\n`,
    );
  }
  return 0;
}

function listAirfields(io: CommandIo, lang: Locale): number {
  const lines = seedAirfieldDatabase().all.map(
    (a) =>
      `${a.icao}  ${a.country}  ${a.position[1].toFixed(4)} ${a.position[0].toFixed(4)}  ` +
      `${a.longestRunwayM.toFixed(0).padStart(4)} m  ${a.name[lang]}`,
  );
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const [verb, ...rest] = argv;
  try {
    if (verb === 'plan') return await plan(rest, io);
    if (verb === 'types') return listTypes(io);
    if (verb === 'airfields') {
      const lang = rest[0] === '--lang' && rest[1] !== undefined && isLocale(rest[1]) ? rest[1] : 'en';
      return listAirfields(io, lang);
    }
    io.stderr.write(verb === undefined ? USAGE : `tandem ferry: unknown action "${verb}"\n${USAGE}`);
    return 2;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) {
      io.stderr.write(`tandem ferry: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    if (isTandemError(err)) {
      const flag = err.field === 'from' || err.field === 'to' || err.field === 'type' ? `--${err.field}` : err.field;
      io.stderr.write(`tandem ferry: ${err.code}${flag === undefined ? '' : ` (${flag})`}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
