/** Drill tables (issue 7): table shapes as Kysely sees them, merged into `Schema` (schema.ts). */

/**
 * The append-only, ordered actions of a drill: player taskings, plans and messages, controller injects, evaluator
 * ratings and corrective-action closures. Replaying them in `seq` order on the drill's document rebuilds the
 * session bit for bit (ADR 0012). Never updated; deleted only with the drill.
 */
export interface DrillActionsTable {
  /** The drill record (`sar_records.id`, kind `drill`). */
  drill_id: string;
  /** 1, 2, ... per drill; unique with `drill_id`. */
  seq: number;
  /** Simulated seconds from the drill start (a multiple of the drill step). */
  at_s: number;
  actor_id: string;
  actor_name: string;
  actor_nation: string;
  kind: string;
  /** JSON of the action as stored. */
  body: string;
  created_at: string;
}

export interface DrillTables {
  drill_actions: DrillActionsTable;
}
