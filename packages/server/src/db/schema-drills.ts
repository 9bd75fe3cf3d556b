/** Drill tables (issue 7): table shapes as Kysely sees them, merged into `Schema` (schema.ts). */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DrillTables {}
