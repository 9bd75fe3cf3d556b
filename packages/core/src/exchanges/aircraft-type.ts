import { knotsToMetersPerSecond, minutesToSeconds } from '../units/index.ts';
import { TandemError } from '../errors/index.ts';
import { localized } from './localized-text.ts';
import type { LocalizedText } from './localized-text.ts';
import type { SourcedValue } from './sourced-value.ts';
import { inputFigure, publishedFigure } from './sourced-value.ts';

/** A fuel/store configuration with its own still-air ferry range (e.g. clean, two drop tanks). */
export interface AircraftConfiguration {
  readonly id: string;
  readonly name: LocalizedText;
  /** Still-air ferry range in this configuration, metres. */
  readonly rangeM: SourcedValue;
}

/**
 * Fuel reserve rule. Fuel is modelled as endurance at cruise (range / cruise TAS): a leg needs
 * trip time × (1 + contingency) + time to the alternate + final reserve time. This is the structure of the usual
 * military and ICAO Annex 6 planning rules (trip + contingency + alternate + final reserve); the numbers are inputs.
 */
export interface ReserveRule {
  /** Contingency as a fraction of trip fuel (time). */
  readonly contingencyFraction: SourcedValue;
  /** Final reserve (holding) time at the destination or alternate, seconds. */
  readonly finalReserveS: SourcedValue;
}

/** Alternate rule: whether each destination needs an alternate within reach of the fuel left. */
export interface AlternateRule {
  readonly required: boolean;
  readonly source: string;
}

export interface AircraftType {
  /** Stable id used on the command line (`T-50B`, `T-4`, `C-130H`). */
  readonly id: string;
  readonly name: LocalizedText;
  readonly role: 'demonstration' | 'support';
  /** The first configuration is the default. */
  readonly configurations: readonly AircraftConfiguration[];
  /** Cruise true airspeed, m/s. */
  readonly cruiseTasMps: SourcedValue;
  readonly reserve: ReserveRule;
  readonly alternate: AlternateRule;
  /** Shortest runway the type may plan to use (destination and alternate), metres. */
  readonly minRunwayM: SourcedValue;
  /** Ground time between legs (refuel, crew rest on the ramp), seconds. */
  readonly turnaroundS: SourcedValue;
}

const USER_INPUT = 'planning assumption (not published): confirm with the operating unit';

/** Seed types. Ranges are the published figures quoted in issue 8; speeds, reserves and runways are inputs. */
export const SEED_AIRCRAFT_TYPES: readonly AircraftType[] = [
  {
    id: 'T-50B',
    name: localized(
      'T-50B Golden Eagle (Black Eagles)',
      'T-50B 골든이글(블랙이글스)',
      'T-50B ゴールデンイーグル（ブラックイーグルス）',
    ),
    role: 'demonstration',
    configurations: [
      {
        id: 'ferry',
        name: localized('Ferry', '페리', 'フェリー'),
        rangeM: publishedFigure(1_850_000, 'KAI T-50 published range "about 1,850 km" (issue 8)'),
      },
    ],
    cruiseTasMps: inputFigure(knotsToMetersPerSecond(450), USER_INPUT),
    reserve: {
      contingencyFraction: inputFigure(0.05, USER_INPUT),
      finalReserveS: inputFigure(minutesToSeconds(20), USER_INPUT),
    },
    alternate: { required: true, source: USER_INPUT },
    minRunwayM: inputFigure(2000, USER_INPUT),
    turnaroundS: inputFigure(minutesToSeconds(90), USER_INPUT),
  },
  {
    id: 'T-4',
    name: localized('Kawasaki T-4 (Blue Impulse)', '가와사키 T-4(블루임펄스)', '川崎 T-4（ブルーインパルス）'),
    role: 'demonstration',
    configurations: [
      {
        id: 'clean',
        name: localized('Clean', '클린', 'クリーン'),
        rangeM: publishedFigure(1_300_000, 'JASDF published T-4 range "about 1,300 km" (issue 8)'),
      },
      {
        id: 'two-drop-tanks',
        name: localized('Two drop tanks', '보조연료탱크 2개', '増槽2本'),
        rangeM: publishedFigure(1_670_000, 'JASDF published T-4 range with two drop tanks "about 1,670 km" (issue 8)'),
      },
    ],
    cruiseTasMps: inputFigure(knotsToMetersPerSecond(400), USER_INPUT),
    reserve: {
      contingencyFraction: inputFigure(0.05, USER_INPUT),
      finalReserveS: inputFigure(minutesToSeconds(20), USER_INPUT),
    },
    alternate: { required: true, source: USER_INPUT },
    minRunwayM: inputFigure(1800, USER_INPUT),
    turnaroundS: inputFigure(minutesToSeconds(90), USER_INPUT),
  },
  {
    id: 'C-130H',
    name: localized('C-130H Hercules (support)', 'C-130H 허큘리스(지원)', 'C-130H ハーキュリーズ（支援）'),
    role: 'support',
    configurations: [
      {
        id: 'max-payload',
        name: localized('Maximum payload', '최대 탑재', '最大搭載'),
        rangeM: publishedFigure(1_944_600, 'USAF C-130 Hercules fact sheet: 1,050 NM with maximum payload (C-130H)'),
      },
    ],
    cruiseTasMps: publishedFigure(knotsToMetersPerSecond(318), 'USAF C-130 Hercules fact sheet: 366 mph (C-130H)'),
    reserve: {
      contingencyFraction: inputFigure(0.05, USER_INPUT),
      finalReserveS: inputFigure(minutesToSeconds(45), USER_INPUT),
    },
    alternate: { required: true, source: USER_INPUT },
    minRunwayM: inputFigure(1500, USER_INPUT),
    turnaroundS: inputFigure(minutesToSeconds(90), USER_INPUT),
  },
  {
    id: 'C-130J-30',
    name: localized(
      'C-130J-30 Super Hercules (support)',
      'C-130J-30 슈퍼 허큘리스(지원)',
      'C-130J-30 スーパーハーキュリーズ（支援）',
    ),
    role: 'support',
    configurations: [
      {
        id: 'payload-35klb',
        name: localized('35,000 lb payload', '35,000 lb 탑재', '35,000 lb 搭載'),
        rangeM: publishedFigure(
          3_148_400,
          'USAF C-130 Hercules fact sheet: 1,700 NM with 35,000 lb payload (C-130J-30)',
        ),
      },
    ],
    cruiseTasMps: publishedFigure(knotsToMetersPerSecond(362), 'USAF C-130 Hercules fact sheet: 417 mph (C-130J)'),
    reserve: {
      contingencyFraction: inputFigure(0.05, USER_INPUT),
      finalReserveS: inputFigure(minutesToSeconds(45), USER_INPUT),
    },
    alternate: { required: true, source: USER_INPUT },
    minRunwayM: inputFigure(1500, USER_INPUT),
    turnaroundS: inputFigure(minutesToSeconds(90), USER_INPUT),
  },
];

export function findAircraftType(id: string, types: readonly AircraftType[] = SEED_AIRCRAFT_TYPES): AircraftType {
  const t = types.find((x) => x.id.toUpperCase() === id.toUpperCase());
  if (t === undefined) {
    const known = types.map((x) => x.id).join(', ');
    throw new TandemError('NOT_FOUND', `unknown aircraft type "${id}" (known: ${known})`, 'type');
  }
  return t;
}

export function findConfiguration(type: AircraftType, configurationId?: string): AircraftConfiguration {
  const c =
    configurationId === undefined ? type.configurations[0] : type.configurations.find((x) => x.id === configurationId);
  if (c === undefined) {
    const known = type.configurations.map((x) => x.id).join(', ');
    throw new TandemError(
      'NOT_FOUND',
      `type ${type.id} has no configuration "${configurationId}" (known: ${known})`,
      'configuration',
    );
  }
  return c;
}

/** Planner-editable figures; each override becomes an `input` with the given source. */
export interface AircraftTypeOverrides {
  readonly cruiseTasMps?: number;
  readonly rangeM?: number;
  readonly contingencyFraction?: number;
  readonly finalReserveS?: number;
  readonly minRunwayM?: number;
  readonly turnaroundS?: number;
  readonly alternateRequired?: boolean;
}

function checkPositive(v: number | undefined, field: string, max: number): void {
  if (v === undefined) return;
  if (!Number.isFinite(v) || v <= 0 || v > max) {
    throw new TandemError('OUT_OF_RANGE', `must be a positive number not above ${max}`, field);
  }
}

/**
 * A copy of `type` with edited figures (range applies to every configuration). Overridden figures are marked
 * `input` with `source`, so a plan shows which numbers came from the planner rather than a publication.
 */
export function withOverrides(type: AircraftType, o: AircraftTypeOverrides, source: string): AircraftType {
  checkPositive(o.cruiseTasMps, 'cruiseTasMps', 700);
  checkPositive(o.rangeM, 'rangeM', 20_000_000);
  checkPositive(o.minRunwayM, 'minRunwayM', 6000);
  checkPositive(o.turnaroundS, 'turnaroundS', 7 * 86400);
  if (
    o.finalReserveS !== undefined &&
    (!Number.isFinite(o.finalReserveS) || o.finalReserveS < 0 || o.finalReserveS > 86400)
  ) {
    throw new TandemError('OUT_OF_RANGE', 'must be in [0, 86400] s', 'finalReserveS');
  }
  if (o.contingencyFraction !== undefined && !(o.contingencyFraction >= 0 && o.contingencyFraction <= 1)) {
    throw new TandemError('OUT_OF_RANGE', 'must be in [0, 1]', 'contingencyFraction');
  }
  const rangeM = o.rangeM;
  return {
    ...type,
    configurations:
      rangeM === undefined
        ? type.configurations
        : type.configurations.map((c) => ({ ...c, rangeM: inputFigure(rangeM, source) })),
    cruiseTasMps: o.cruiseTasMps === undefined ? type.cruiseTasMps : inputFigure(o.cruiseTasMps, source),
    reserve: {
      contingencyFraction:
        o.contingencyFraction === undefined
          ? type.reserve.contingencyFraction
          : inputFigure(o.contingencyFraction, source),
      finalReserveS: o.finalReserveS === undefined ? type.reserve.finalReserveS : inputFigure(o.finalReserveS, source),
    },
    alternate: o.alternateRequired === undefined ? type.alternate : { required: o.alternateRequired, source },
    minRunwayM: o.minRunwayM === undefined ? type.minRunwayM : inputFigure(o.minRunwayM, source),
    turnaroundS: o.turnaroundS === undefined ? type.turnaroundS : inputFigure(o.turnaroundS, source),
  };
}
