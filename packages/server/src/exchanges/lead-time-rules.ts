/**
 * Clearance lead-time rules per country and kind: core's DEFAULT_LEAD_TIME_RULES (planning inputs) overlaid by
 * the rules exchange officers have set from each state's AIP GEN 1.2 or diplomatic practice. Shared reference
 * data (both nations plan against the same rule for a state); each change is audited, labelled bilateral.
 */
import { DEFAULT_LEAD_TIME_RULES, TandemError } from '@tandem/core';
import type { ClearanceLeadTimeRule } from '@tandem/core';
import type { TandemDatabase } from '../db/database.ts';
import type { Actor } from '../auth/roles.ts';
import { appendAudit } from '../audit/audit-log.ts';

export interface LeadTimeRuleView extends ClearanceLeadTimeRule {
  /** Who set it and when; absent for a default. */
  readonly updatedBy?: string;
  readonly updatedAt?: string;
}

/** Longest lead time accepted, days (a year: beyond it the number is a typo). */
export const MAX_LEAD_TIME_DAYS = 365;

export async function leadTimeRules(database: TandemDatabase): Promise<LeadTimeRuleView[]> {
  const rows = await database.db.selectFrom('exchange_lead_time_rules').selectAll().execute();
  const out = new Map<string, LeadTimeRuleView>(DEFAULT_LEAD_TIME_RULES.map((r) => [`${r.country}/${r.kind}`, r]));
  for (const r of rows) {
    out.set(`${r.country}/${r.kind}`, {
      country: r.country,
      kind: r.kind,
      leadTimeDays: Number(r.lead_time_days),
      source: r.source,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    });
  }
  return [...out.values()].sort((a, b) => a.country.localeCompare(b.country) || a.kind.localeCompare(b.kind));
}

export async function setLeadTimeRule(
  database: TandemDatabase,
  actor: Actor,
  rule: ClearanceLeadTimeRule,
): Promise<LeadTimeRuleView> {
  if (!Number.isInteger(rule.leadTimeDays) || rule.leadTimeDays < 0 || rule.leadTimeDays > MAX_LEAD_TIME_DAYS) {
    throw new TandemError(
      'OUT_OF_RANGE',
      `must be a whole number of days in [0, ${MAX_LEAD_TIME_DAYS}]`,
      'leadTimeDays',
    );
  }
  const country = rule.country.toUpperCase();
  const now = new Date().toISOString();
  return database.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('exchange_lead_time_rules')
      .selectAll()
      .where('country', '=', country)
      .where('kind', '=', rule.kind)
      .executeTakeFirst();
    const row = {
      country,
      kind: rule.kind,
      lead_time_days: rule.leadTimeDays,
      source: rule.source.trim(),
      updated_by: actor.username,
      updated_at: now,
    };
    if (before === undefined) await trx.insertInto('exchange_lead_time_rules').values(row).execute();
    else {
      await trx
        .updateTable('exchange_lead_time_rules')
        .set(row)
        .where('country', '=', country)
        .where('kind', '=', rule.kind)
        .execute();
    }
    await appendAudit(trx, database.dialect, actor, {
      action: 'clearance_rule.set',
      entity: 'exchange_lead_time_rule',
      entityId: `${country}/${rule.kind}`,
      ownerNation: actor.nation,
      releasability: 'bilateral',
      before: before ?? null,
      after: row,
    });
    return {
      country,
      kind: rule.kind,
      leadTimeDays: rule.leadTimeDays,
      source: row.source,
      updatedBy: actor.username,
      updatedAt: now,
    };
  });
}
