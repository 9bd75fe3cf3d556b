/**
 * The drill's append-only action log (`drill_actions`): players' taskings, plans and messages, controllers'
 * injects, evaluators' ratings and corrective-action closures, in `seq` order. Appends run in the caller's
 * transaction with the drill row locked (PostgreSQL `for update`; SQLite serializes writers), take the next seq and
 * never stamp a time earlier than the last action's, so replaying in seq order is replaying in time order.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  DrillAction,
  DrillText,
  HseepRating,
  LiveInjectKind,
  LiveWeather,
  LonLat,
  Observation,
} from '@tandem/core';
import type { Actor } from '../auth/roles.ts';
import type { Nation, Schema } from '../db/schema.ts';
import type { Dialect } from '../db/migrations.ts';

export type StoredActionKind =
  'assign' | 'plan' | 'message' | 'release-inject' | 'live-inject' | 'evaluation' | 'close-corrective-action';

/** Bodies as stored, per kind. */
export type StoredActionBody =
  | { readonly kind: 'assign'; readonly unitId: string; readonly waypoints: readonly LonLat[] }
  | {
      readonly kind: 'plan';
      readonly areas: readonly { readonly unitId: string; readonly ring: readonly LonLat[] }[];
      readonly plannedPos?: number;
    }
  | { readonly kind: 'message'; readonly from: string; readonly to: string; readonly text: string }
  | { readonly kind: 'release-inject'; readonly injectId: string }
  | {
      readonly kind: 'live-inject';
      readonly id: string;
      readonly text: DrillText;
      /** Absent in actions stored before live injects had kinds: information. */
      readonly injectKind?: LiveInjectKind;
      readonly unitId?: string;
      readonly weather?: LiveWeather;
    }
  | {
      readonly kind: 'evaluation';
      readonly objectiveId: string;
      readonly rating: HseepRating;
      readonly evaluator: string;
      readonly observations: readonly Observation[];
    }
  | { readonly kind: 'close-corrective-action'; readonly actionId: string; readonly note: string };

export interface StoredAction {
  readonly seq: number;
  readonly atS: number;
  readonly kind: StoredActionKind;
  readonly actorName: string;
  readonly actorNation: Nation;
  readonly body: StoredActionBody;
  readonly createdAt: string;
}

/** The core action of a stored one, or undefined for kinds that do not act on the session. */
export function toDrillAction(a: StoredAction): DrillAction | undefined {
  const b = a.body;
  switch (b.kind) {
    case 'assign':
      return { atS: a.atS, kind: 'assign', unitId: b.unitId, waypoints: b.waypoints };
    case 'plan':
      return {
        atS: a.atS,
        kind: 'plan',
        areas: b.areas,
        ...(b.plannedPos !== undefined ? { plannedPos: b.plannedPos } : {}),
      };
    case 'message':
      return { atS: a.atS, kind: 'message', from: b.from, to: b.to, text: b.text };
    case 'release-inject':
      return { atS: a.atS, kind: 'release-inject', injectId: b.injectId };
    case 'live-inject':
      return {
        atS: a.atS,
        kind: 'live-inject',
        id: b.id,
        text: b.text,
        ...(b.injectKind !== undefined ? { injectKind: b.injectKind } : {}),
        ...(b.unitId !== undefined ? { unitId: b.unitId } : {}),
        ...(b.weather !== undefined ? { weather: b.weather } : {}),
      };
    default:
      return undefined;
  }
}

export async function listActions(db: Kysely<Schema> | Transaction<Schema>, drillId: string): Promise<StoredAction[]> {
  const rows = await db
    .selectFrom('drill_actions')
    .selectAll()
    .where('drill_id', '=', drillId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    atS: Number(r.at_s),
    kind: r.kind as StoredActionKind,
    actorName: r.actor_name,
    actorNation: r.actor_nation as Nation,
    body: JSON.parse(r.body) as StoredActionBody,
    createdAt: r.created_at,
  }));
}

export async function countActions(db: Kysely<Schema> | Transaction<Schema>, drillId: string): Promise<number> {
  const r = await db
    .selectFrom('drill_actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('drill_id', '=', drillId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Lock the drill row for the rest of the transaction (PostgreSQL); SQLite holds one writer at a time. */
export async function lockDrill(trx: Transaction<Schema>, dialect: Dialect, drillId: string): Promise<void> {
  let q = trx.selectFrom('sar_records').select(['id']).where('id', '=', drillId);
  if (dialect === 'postgres') q = q.forUpdate();
  await q.executeTakeFirst();
}

/**
 * Append actions in the caller's transaction (drill locked): consecutive seqs after the last, all at
 * `max(atS, last atS)`. Returns them as stored.
 */
export async function appendActions(
  trx: Transaction<Schema>,
  drillId: string,
  actor: Actor,
  atS: number,
  bodies: readonly StoredActionBody[],
  now: Date = new Date(),
): Promise<StoredAction[]> {
  const last = await trx
    .selectFrom('drill_actions')
    .select(['seq', 'at_s'])
    .where('drill_id', '=', drillId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq0 = last === undefined ? 0 : Number(last.seq);
  const at = Math.max(atS, last === undefined ? 0 : Number(last.at_s));
  const createdAt = now.toISOString();
  const out: StoredAction[] = bodies.map((body, k) => ({
    seq: seq0 + k + 1,
    atS: at,
    kind: body.kind,
    actorName: actor.username,
    actorNation: actor.nation,
    body,
    createdAt,
  }));
  if (out.length > 0) {
    await trx
      .insertInto('drill_actions')
      .values(
        out.map((a) => ({
          drill_id: drillId,
          seq: a.seq,
          at_s: a.atS,
          actor_id: actor.userId,
          actor_name: a.actorName,
          actor_nation: a.actorNation,
          kind: a.kind,
          body: JSON.stringify(a.body),
          created_at: createdAt,
        })),
      )
      .execute();
  }
  return out;
}
