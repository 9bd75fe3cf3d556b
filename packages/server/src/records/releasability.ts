/**
 * Releasability: every record carries an owner nation and one label. `national` is seen by the owner nation
 * only, `bilateral` by both nations, `public` by anyone. The predicate here is the only definition of
 * "visible"; repositories add it to every query so a partner's national record does not exist for the caller.
 */
import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { Nation, Releasability } from '../db/schema.ts';
import type { Actor } from '../auth/roles.ts';

export const RELEASABILITIES = ['national', 'bilateral', 'public'] as const satisfies readonly Releasability[];

/** Restrictiveness rank: lower is more restrictive. */
const RANK: Readonly<Record<Releasability, number>> = { national: 0, bilateral: 1, public: 2 };

export interface Labelled {
  readonly owner_nation: Nation | string;
  readonly releasability: Releasability | string;
}

/** Whether `actor` may know that a record with this label exists. */
export function canSee(actor: Pick<Actor, 'nation'>, label: Labelled): boolean {
  return label.releasability !== 'national' || label.owner_nation === actor.nation;
}

/** The most restrictive of the labels (a derived record takes it from its inputs). */
export function mostRestrictive(labels: readonly Releasability[]): Releasability {
  let best: Releasability = 'public';
  for (const l of labels) if (RANK[l] < RANK[best]) best = l;
  return best;
}

/** True when going from `from` to `to` makes the record visible to more people. */
export function isLowering(from: Releasability, to: Releasability): boolean {
  return RANK[to] > RANK[from];
}

/**
 * The visibility predicate for a `where` over any table with `owner_nation` and `releasability` columns
 * (sar_records, jobs, audit_log): the SQL twin of `canSee`.
 */
export function visibleTo(actor: Pick<Actor, 'nation'>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(releasability <> 'national' or owner_nation = ${actor.nation})`;
}
