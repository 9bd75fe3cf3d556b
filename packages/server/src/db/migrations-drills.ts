/**
 * Drill tables (issue 7): migrations merged into the list in migrations.ts. Names sort after the core ones
 * (0005_*); never edit one that has shipped.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './migrations.ts';

export function drillsMigrations(_dialect: Dialect): Record<string, Migration> {
  return {
    '0005_drill_actions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('drill_actions')
          .addColumn('drill_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('at_s', 'integer', (c) => c.notNull())
          .addColumn('actor_id', 'text', (c) => c.notNull())
          .addColumn('actor_name', 'text', (c) => c.notNull())
          .addColumn('actor_nation', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('drill_actions_pk', ['drill_id', 'seq'])
          .execute();
      },
    },
  };
}
