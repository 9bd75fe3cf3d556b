/**
 * Valid request bodies for the hostile-body property test (http/body-properties.test.ts), one per route with a
 * body schema, so each area keeps the examples of its own routes in its own file (body-examples-*.ts).
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { Actor } from '../auth/roles.ts';
import type { SarRecordRepository } from '../records/sar-record-repository.ts';

export interface BodyExampleEnv {
  readonly db: Kysely<Schema>;
  /** Creates records as a KR administrator. */
  readonly repo: SarRecordRepository;
  readonly admin: Actor;
}

export interface BodyExamples {
  /** Route id (`POST /api/x/:id`) → the concrete URL to call and a valid body. */
  readonly bodies: Record<string, { readonly url: string; readonly body: Record<string, unknown> }>;
  /** Tables the area writes, whose row counts must not change under hostile bodies. */
  readonly tables: readonly (keyof Schema & string)[];
}

export type BodyExampleFactory = (env: BodyExampleEnv) => Promise<BodyExamples>;
