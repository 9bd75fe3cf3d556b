/**
 * The administrator's switch of each AI-assisted feature in the AI use register. Other server code asks
 * `isAiFeatureOn(database, 'search-plan-optimiser')` before running a feature; turning a feature off or on is
 * audited with the reason (NATO principle of governability; Political Declaration measure J).
 */
import { SEARCH_PLAN_OPTIMISER_ENTRY, TandemError } from '@tandem/core';
import type { AiUseEntry } from '@tandem/core';
import type { Kysely } from 'kysely';
import type { TandemDatabase } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import type { Actor } from '../auth/roles.ts';
import { appendAudit } from '../audit/audit-log.ts';

/** Register entries built into Tandem: their switch defaults apply before any register record exists. */
export const BUILT_IN_AI_ENTRIES: readonly AiUseEntry[] = [SEARCH_PLAN_OPTIMISER_ENTRY];

export interface AiSwitchState {
  readonly featureId: string;
  readonly enabled: boolean;
  readonly reason: string | null;
  readonly updatedBy: string | null;
  readonly updatedNation: string | null;
  readonly updatedAt: string | null;
}

/** The database handle of either form callers hold (`ctx.database` or its Kysely instance). */
export type AiSwitchDatabase = TandemDatabase | Kysely<Schema>;

function kysely(database: AiSwitchDatabase): Kysely<Schema> {
  return 'selectFrom' in database ? database : database.db;
}

async function defaultOf(database: AiSwitchDatabase, featureId: string): Promise<boolean> {
  const rows = await kysely(database)
    .selectFrom('sar_records')
    .select(['body'])
    .where('kind', '=', 'ai_use_entry')
    .execute();
  for (const r of rows) {
    const b = JSON.parse(r.body) as Partial<AiUseEntry>;
    if (b.id === featureId && typeof b.adminSwitch?.enabledByDefault === 'boolean')
      return b.adminSwitch.enabledByDefault;
  }
  return BUILT_IN_AI_ENTRIES.find((e) => e.id === featureId)?.adminSwitch.enabledByDefault ?? true;
}

/** The switch of one feature: the administrator's last setting, else the register entry's default. */
export async function aiSwitchState(database: AiSwitchDatabase, featureId: string): Promise<AiSwitchState> {
  const row = await kysely(database)
    .selectFrom('ai_feature_switches')
    .selectAll()
    .where('feature_id', '=', featureId)
    .executeTakeFirst();
  if (row === undefined) {
    return {
      featureId,
      enabled: await defaultOf(database, featureId),
      reason: null,
      updatedBy: null,
      updatedNation: null,
      updatedAt: null,
    };
  }
  return {
    featureId,
    enabled: Number(row.enabled) === 1,
    reason: row.reason,
    updatedBy: row.updated_by,
    updatedNation: row.updated_nation,
    updatedAt: row.updated_at,
  };
}

/**
 * Whether an AI-assisted feature may run (`featureId` = the register entry's id, e.g. `search-plan-optimiser`).
 * A feature with no setting follows its register entry's default; one not in the register at all is on.
 */
export async function isAiFeatureOn(database: AiSwitchDatabase, featureId: string): Promise<boolean> {
  return (await aiSwitchState(database, featureId)).enabled;
}

/**
 * Throws FORBIDDEN (field: the entry's setting key) when an administrator has switched the search-plan optimiser
 * off; every route that runs the optimiser (SAR plans, plan jobs, drill proposals) calls it first.
 */
export async function requireSearchPlanOptimiser(database: TandemDatabase): Promise<void> {
  if (!(await isAiFeatureOn(database, SEARCH_PLAN_OPTIMISER_ENTRY.id))) {
    throw new TandemError(
      'FORBIDDEN',
      `${SEARCH_PLAN_OPTIMISER_ENTRY.feature.en} is switched off by an administrator (AI use register); ` +
        'plan with the IAMSAR manual method',
      SEARCH_PLAN_OPTIMISER_ENTRY.adminSwitch.settingKey,
    );
  }
}

/** Sets the switch (an administrator of either nation) and audits the change with its reason. */
export async function setAiFeatureSwitch(
  database: TandemDatabase,
  actor: Actor,
  featureId: string,
  enabled: boolean,
  reason: string,
): Promise<AiSwitchState> {
  const before = await aiSwitchState(database, featureId);
  const now = new Date().toISOString();
  await database.db.transaction().execute(async (trx) => {
    const row = {
      enabled: enabled ? 1 : 0,
      reason,
      updated_by: actor.username,
      updated_nation: actor.nation,
      updated_at: now,
    };
    await trx
      .insertInto('ai_feature_switches')
      .values({ feature_id: featureId, ...row })
      .onConflict((oc) => oc.column('feature_id').doUpdateSet(row))
      .execute();
    await appendAudit(trx, database.dialect, actor, {
      action: enabled ? 'ai_feature.switch_on' : 'ai_feature.switch_off',
      entity: 'ai_feature_switch',
      entityId: featureId,
      ownerNation: actor.nation,
      releasability: 'bilateral',
      before: { enabled: before.enabled },
      after: { enabled, reason },
    });
  });
  return aiSwitchState(database, featureId);
}
