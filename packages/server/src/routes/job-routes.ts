/** Jobs: list, status, live progress (server-sent events), cancel, retry, result. */
import { SAR_EDITORS, SAR_READERS } from '../auth/roles.ts';
import { ID_PARAMS, PAGE_QUERY } from './route-spec.ts';
import type { PageQuery, RouteSpec } from './route-spec.ts';
import { ServerError } from '../http/server-errors.ts';

/** How often the event stream looks at the job row (it may be run by another process). */
const SSE_POLL_MS = 300;
const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

export const jobRoutes: readonly RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/jobs',
    summary: 'Jobs visible to you',
    tags: ['jobs'],
    access: { roles: SAR_READERS },
    target: { none: true },
    schema: { querystring: PAGE_QUERY },
    handler: async (req, _reply, ctx) => {
      const q = req.query as PageQuery;
      return ctx.jobs.list(ctx.actor, q.limit, q.offset);
    },
  },
  {
    method: 'GET',
    url: '/api/jobs/:id',
    summary: 'Status and progress of a job',
    tags: ['jobs'],
    access: { roles: SAR_READERS },
    target: { job: true },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => ctx.jobs.get(ctx.actor, (req.params as { id: string }).id),
  },
  {
    method: 'GET',
    url: '/api/jobs/:id/result',
    summary: 'Result of a finished job (409 JOB_NOT_FINISHED before)',
    tags: ['jobs'],
    access: { roles: SAR_READERS },
    target: { job: true },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => {
      const r = await ctx.jobs.result(ctx.actor, (req.params as { id: string }).id);
      if (r.result === undefined) throw new ServerError('JOB_NOT_FINISHED', `job is ${r.job.status}`, 'id');
      return r;
    },
  },
  {
    method: 'GET',
    url: '/api/jobs/:id/events',
    summary: 'Live progress as server-sent events (`progress` events, then one `end` event)',
    tags: ['jobs'],
    access: { roles: SAR_READERS },
    target: { job: true },
    schema: { params: ID_PARAMS },
    handler: async (req, reply, ctx) => {
      const id = (req.params as { id: string }).id;
      let job = await ctx.jobs.get(ctx.actor, id);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        connection: 'keep-alive',
      });
      let last = '';
      let closed = false;
      req.raw.on('close', () => {
        closed = true;
      });
      for (;;) {
        const data = JSON.stringify(job);
        if (data !== last) {
          res.write(`event: progress\ndata: ${data}\n\n`);
          last = data;
        }
        if (TERMINAL.has(job.status)) {
          res.write(`event: end\ndata: ${data}\n\n`);
          break;
        }
        await new Promise((r) => setTimeout(r, SSE_POLL_MS));
        if (closed) break;
        try {
          job = await ctx.jobs.get(ctx.actor, id);
        } catch {
          break;
        }
      }
      res.end();
      return reply;
    },
  },
  {
    method: 'POST',
    url: '/api/jobs/:id/cancel',
    summary: 'Cancel a queued or running job (owner nation)',
    tags: ['jobs'],
    access: { roles: SAR_EDITORS },
    target: { job: true },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => ctx.jobs.cancel(ctx.actor, (req.params as { id: string }).id),
  },
  {
    method: 'POST',
    url: '/api/jobs/:id/retry',
    summary: 'Run a failed or cancelled job again (owner nation)',
    tags: ['jobs'],
    access: { roles: SAR_EDITORS },
    target: { job: true },
    schema: { params: ID_PARAMS },
    handler: async (req, _reply, ctx) => {
      const job = await ctx.jobs.retry(ctx.actor, (req.params as { id: string }).id);
      ctx.jobQueued();
      return job;
    },
  },
];
