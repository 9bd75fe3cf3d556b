/**
 * Exchange reference data as one caller sees it: the core seeds (airfields, aircraft types, teams) with the
 * user-added or edited ones stored as labelled records (`airfield`, `aircraft_type`, `team`) laid over them by id.
 * A record the caller may not see does not change what the caller plans with.
 */
import {
  AirfieldDatabase,
  SEED_AIRCRAFT_TYPES,
  SEED_AIRFIELDS,
  SEED_TEAMS,
  TandemError,
  findAircraftType,
  validateAirfield,
  withOverrides,
} from '@tandem/core';
import type { AircraftType, AircraftTypeOverrides, Airfield, Team } from '@tandem/core';
import type { SarRecord, SarRecordRepository } from '../records/sar-record-repository.ts';
import type { RecordKind } from '../db/schema.ts';

/** Most reference records of one kind read per request. */
const MAX_REFERENCE_RECORDS = 500;

/** An aircraft-type record's body: a seed (or other) type with edited figures, each edit with its source. */
export interface AircraftTypeRecordBody {
  readonly id: string;
  readonly baseTypeId: string;
  readonly overrides: AircraftTypeOverrides;
  readonly source: string;
}

export interface Sourced<T> {
  readonly item: T;
  /** The record that added or edited it; absent for a seed. */
  readonly recordId?: string;
  readonly ownerNation?: string;
  readonly releasability?: string;
}

async function recordsOf(repo: SarRecordRepository, kind: RecordKind): Promise<readonly SarRecord[]> {
  const page = await repo.list(kind, { limit: MAX_REFERENCE_RECORDS, offset: 0 });
  // Oldest first, so a later edit of the same id wins.
  return [...page.items].reverse();
}

function tolerant<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

export async function airfieldsFor(repo: SarRecordRepository): Promise<Sourced<Airfield>[]> {
  const byIcao = new Map<string, Sourced<Airfield>>(SEED_AIRFIELDS.map((a) => [a.icao, { item: a }]));
  for (const r of await recordsOf(repo, 'airfield')) {
    const a = tolerant(() => validateAirfield(r.body as Airfield));
    if (a !== undefined) {
      byIcao.set(a.icao, { item: a, recordId: r.id, ownerNation: r.ownerNation, releasability: r.releasability });
    }
  }
  return [...byIcao.values()];
}

export async function airfieldDatabaseFor(repo: SarRecordRepository): Promise<AirfieldDatabase> {
  return new AirfieldDatabase((await airfieldsFor(repo)).map((s) => s.item));
}

export function aircraftTypeFromRecord(body: AircraftTypeRecordBody, known: readonly AircraftType[]): AircraftType {
  const base = findAircraftType(body.baseTypeId, known);
  return { ...withOverrides(base, body.overrides, body.source), id: body.id };
}

export async function aircraftTypesFor(repo: SarRecordRepository): Promise<Sourced<AircraftType>[]> {
  const byId = new Map<string, Sourced<AircraftType>>(
    SEED_AIRCRAFT_TYPES.map((t) => [t.id.toUpperCase(), { item: t }]),
  );
  for (const r of await recordsOf(repo, 'aircraft_type')) {
    const known = [...byId.values()].map((s) => s.item);
    const t = tolerant(() => aircraftTypeFromRecord(r.body as AircraftTypeRecordBody, known));
    if (t !== undefined) {
      byId.set(t.id.toUpperCase(), {
        item: t,
        recordId: r.id,
        ownerNation: r.ownerNation,
        releasability: r.releasability,
      });
    }
  }
  return [...byId.values()];
}

export async function teamsFor(repo: SarRecordRepository): Promise<Sourced<Team>[]> {
  const byId = new Map<string, Sourced<Team>>(SEED_TEAMS.map((t) => [t.id, { item: t }]));
  for (const r of await recordsOf(repo, 'team')) {
    const t = r.body as Team;
    if (typeof t?.id === 'string' && typeof t.name?.en === 'string') {
      byId.set(t.id, { item: t, recordId: r.id, ownerNation: r.ownerNation, releasability: r.releasability });
    }
  }
  return [...byId.values()];
}

export function requireKnownType(types: readonly AircraftType[], id: string): AircraftType {
  const t = types.find((x) => x.id.toUpperCase() === id.toUpperCase());
  if (t === undefined) {
    throw new TandemError(
      'NOT_FOUND',
      `unknown aircraft type "${id}" (known: ${types.map((x) => x.id).join(', ')})`,
      'type',
    );
  }
  return t;
}
