/**
 * Drill tables (issue 7): migrations merged into the list in migrations.ts. Names sort after the core ones
 * (0005_*); never edit one that has shipped.
 */
import type { Migration } from 'kysely';
import type { Dialect } from './migrations.ts';

export function drillsMigrations(_dialect: Dialect): Record<string, Migration> {
  return {};
}
