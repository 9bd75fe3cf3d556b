/**
 * Dialogue and follow-through tables (issue 8): migrations merged into the list in migrations.ts. Names sort after the core ones
 * (0007_*); never edit one that has shipped.
 */
import type { Migration } from 'kysely';
import type { Dialect } from './migrations.ts';

export function dialoguesMigrations(_dialect: Dialect): Record<string, Migration> {
  return {};
}
