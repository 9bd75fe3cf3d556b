/** The dialects every persistence test runs on (Kysely's practice: each test on each dialect). */
import type { Dialect } from '../db/migrations.ts';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];
