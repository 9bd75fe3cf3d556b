/** Dialogue and follow-through tables (issue 8): table shapes as Kysely sees them, merged into `Schema` (schema.ts). */

/**
 * The administrator's switch of each AI-assisted feature of the AI use register (one row per feature id; no row:
 * the register entry's default). Every change is audited.
 */
export interface AiFeatureSwitchesTable {
  /** The register entry's id (core `AiUseEntry.id`, e.g. `search-plan-optimiser`). */
  feature_id: string;
  /** 1 on, 0 off. */
  enabled: number;
  reason: string;
  updated_by: string;
  updated_nation: string;
  updated_at: string;
}

export interface DialogueTables {
  ai_feature_switches: AiFeatureSwitchesTable;
}
