/** Exchange tables (issue 8): table shapes as Kysely sees them, merged into `Schema` (schema.ts). */

/**
 * Clearance lead-time rules per country and kind (how many days before the flight a state wants the request).
 * Reference data shared by both nations, not a labelled document: one row per (country, kind) overrides core's
 * DEFAULT_LEAD_TIME_RULES; every change is audited.
 */
export interface ExchangeLeadTimeRulesTable {
  country: string;
  kind: 'overflight' | 'landing';
  lead_time_days: number;
  source: string;
  updated_by: string;
  updated_at: string;
}

export interface ExchangeTables {
  exchange_lead_time_rules: ExchangeLeadTimeRulesTable;
}
