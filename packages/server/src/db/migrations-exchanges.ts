/**
 * Exchange tables (issue 8): migrations merged into the list in migrations.ts. Names sort after the core ones
 * (0006_*); never edit one that has shipped.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './migrations.ts';

export function exchangesMigrations(_dialect: Dialect): Record<string, Migration> {
  return {
    '0006_exchange_lead_time_rules': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('exchange_lead_time_rules')
          .addColumn('country', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('lead_time_days', 'integer', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('exchange_lead_time_rules_pk', ['country', 'kind'])
          .execute();
      },
    },
  };
}
