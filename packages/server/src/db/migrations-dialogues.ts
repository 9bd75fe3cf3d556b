/**
 * Dialogue and follow-through tables (issue 8): migrations merged into the list in migrations.ts. Names sort after the core ones
 * (0007_*); never edit one that has shipped.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './migrations.ts';

export function dialoguesMigrations(_dialect: Dialect): Record<string, Migration> {
  return {
    '0007_dialogues_ai_feature_switches': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('ai_feature_switches')
          .addColumn('feature_id', 'text', (c) => c.primaryKey())
          .addColumn('enabled', 'integer', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addColumn('updated_nation', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
  };
}
