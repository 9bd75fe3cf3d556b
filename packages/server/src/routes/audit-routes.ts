/** The audit log (administrators; entries about records you may not see are absent) and its verification. */
import { ID_PARAMS, PAGE_QUERY } from './route-spec.ts';
import type { PageQuery, RouteSpec } from './route-spec.ts';
import { verifyAuditChain } from '../audit/audit-log.ts';
import { visibleTo } from '../records/releasability.ts';

export const auditRoutes: readonly RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/audit',
    summary: 'Audit entries, newest first',
    tags: ['audit'],
    access: { roles: ['administrator'] },
    target: { none: true },
    schema: { querystring: PAGE_QUERY },
    handler: async (req, _reply, ctx) => {
      const q = req.query as PageQuery;
      const rows = await ctx.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where(visibleTo(ctx.actor))
        .orderBy('seq', 'desc')
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      return {
        items: rows.map((r) => ({
          seq: Number(r.seq),
          at: r.at,
          actorId: r.actor_id,
          actorNation: r.actor_nation,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before === null ? null : (JSON.parse(r.before) as unknown),
          after: r.after === null ? null : (JSON.parse(r.after) as unknown),
          hash: r.hash,
        })),
      };
    },
  },
  {
    method: 'GET',
    url: '/api/audit/verify',
    summary: 'Recompute the audit hash chain',
    tags: ['audit'],
    access: { roles: ['administrator'] },
    target: { none: true },
    handler: async (_req, _reply, ctx) => verifyAuditChain(ctx.database.db),
  },
  {
    method: 'GET',
    url: '/api/records/:id/audit',
    summary: 'Audit trail of one SAR record you can see',
    tags: ['audit'],
    access: { roles: ['administrator', 'sar_planner', 'exercise_controller', 'evaluator'] },
    target: { record: 'scenario' },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => {
      const rec = await ctx.records().get(undefined, (req.params as { id: string }).id);
      const rows = await ctx.database.db
        .selectFrom('audit_log')
        .select(['seq', 'at', 'actor_id', 'action'])
        .where('entity_id', '=', rec.id)
        .orderBy('seq')
        .execute();
      return { items: rows.map((r) => ({ seq: Number(r.seq), at: r.at, actorId: r.actor_id, action: r.action })) };
    },
  },
];
