import type { LonLat } from '../geo/index.ts';
import { isValidLonLat } from '../geo/index.ts';
import { TandemError } from '../errors/index.ts';
import type { LocalizedText } from './localized-text.ts';
import type { CountryCode } from './country.ts';
import { isCountryCode } from './country.ts';

/** An aerodrome a team can land at. Positions are the aerodrome reference point, WGS 84. */
export interface Airfield {
  /** ICAO location indicator, four upper-case letters. */
  readonly icao: string;
  readonly name: LocalizedText;
  readonly position: LonLat;
  /** Length of the longest usable runway, metres. */
  readonly longestRunwayM: number;
  readonly country: CountryCode;
  /** Civil airport, military base, or joint use; clearance and support arrangements differ. */
  readonly use: 'civil' | 'military' | 'joint';
  /** Where the position and runway length come from. */
  readonly source: string;
}

/** Validate an airfield record (from a user edit or an import); throws INVALID_INPUT naming the field. */
export function validateAirfield(a: Airfield, field = 'airfield'): Airfield {
  if (!/^[A-Z]{4}$/.test(a.icao)) {
    throw new TandemError(
      'INVALID_INPUT',
      `ICAO code must be four upper-case letters, got "${a.icao}"`,
      `${field}.icao`,
    );
  }
  if (!isValidLonLat(a.position[0], a.position[1])) {
    throw new TandemError('INVALID_INPUT', 'position must be [lon, lat] in degrees', `${field}.position`);
  }
  if (!Number.isFinite(a.longestRunwayM) || a.longestRunwayM <= 0 || a.longestRunwayM > 6000) {
    throw new TandemError('OUT_OF_RANGE', 'runway length must be in (0, 6000] m', `${field}.longestRunwayM`);
  }
  if (!isCountryCode(a.country)) {
    throw new TandemError('INVALID_INPUT', 'country must be an ISO 3166-1 alpha-2 code', `${field}.country`);
  }
  if (a.source.trim() === '') {
    throw new TandemError('INVALID_INPUT', 'every airfield needs a source', `${field}.source`);
  }
  return a;
}

/** An indexed, immutable set of airfields. */
export class AirfieldDatabase {
  readonly #byIcao: ReadonlyMap<string, Airfield>;

  constructor(airfields: readonly Airfield[]) {
    const map = new Map<string, Airfield>();
    airfields.forEach((a, i) => {
      validateAirfield(a, `airfields[${i}]`);
      if (map.has(a.icao)) throw new TandemError('CONFLICT', `duplicate airfield ${a.icao}`, `airfields[${i}].icao`);
      map.set(a.icao, a);
    });
    this.#byIcao = map;
  }

  get all(): readonly Airfield[] {
    return [...this.#byIcao.values()];
  }

  find(icao: string): Airfield | undefined {
    return this.#byIcao.get(icao.toUpperCase());
  }

  /** The airfield, or NOT_FOUND naming `field`. */
  get(icao: string, field = 'icao'): Airfield {
    const a = this.find(icao);
    if (a === undefined) throw new TandemError('NOT_FOUND', `unknown airfield "${icao}"`, field);
    return a;
  }

  /** A new database with `airfield` added or replaced (user edits). */
  with(airfield: Airfield): AirfieldDatabase {
    const next = new Map(this.#byIcao);
    next.set(airfield.icao, validateAirfield(airfield));
    return new AirfieldDatabase([...next.values()]);
  }
}
