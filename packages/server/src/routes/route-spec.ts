/**
 * The route table's shape. Every route declares who may call it (`access`) and what it addresses
 * (`target`), and is registered only through this table, so the authorization matrix test can enumerate
 * every route and fail when one has no policy.
 */
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { RecordKind } from '../db/schema.ts';
import type { Role } from '../auth/roles.ts';
import type { Actor } from '../auth/roles.ts';
import type { SessionInfo } from '../auth/sign-in.ts';
import type { SarRecordRepository } from '../records/sar-record-repository.ts';
import type { DirectoryRepository } from '../auth/directory.ts';
import type { JobStore } from '../jobs/job-store.ts';
import type { TandemDatabase } from '../db/database.ts';

/** `public`: anyone; `signedIn`: any signed-in user; otherwise the listed roles only. */
export type Access = { readonly public: true } | { readonly signedIn: true } | { readonly roles: readonly Role[] };

/** What a route addresses through `:id`, so the matrix test knows which object to put there. */
export type RouteTarget = { readonly record: RecordKind } | { readonly job: true } | { readonly none: true };

export interface RequestContext {
  readonly database: TandemDatabase;
  /** Present on every route that is not public. */
  readonly actor: Actor;
  readonly session: SessionInfo;
  records(): SarRecordRepository;
  directory(): DirectoryRepository;
  readonly jobs: JobStore;
  /** Tells the local worker pool that a job was queued. */
  jobQueued(): void;
}

export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly access: Access;
  readonly target: RouteTarget;
  readonly schema?: FastifySchema;
  /** Status of a success (documentation and the matrix test), default 200. */
  readonly okStatus?: number;
  handler(req: FastifyRequest, reply: FastifyReply, ctx: RequestContext): Promise<unknown>;
}

export function routeId(r: Pick<RouteSpec, 'method' | 'url'>): string {
  return `${r.method} ${r.url}`;
}

/** Fastify schema for `:id` path parameters. */
export const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

/** Paging query (`limit` ≤ 500). */
export const PAGE_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
    q: { type: 'string', maxLength: 200 },
  },
} as const;

export interface PageQuery {
  limit: number;
  offset: number;
  q?: string;
}

export const RELEASABILITY_SCHEMA = { type: 'string', enum: ['national', 'bilateral', 'public'] } as const;
