/**
 * `buildApp(options)`: the Fastify application without listening (tests use `inject`, main.ts listens).
 * Every route comes from the route table (routes/*-routes.ts) and is guarded here by its declared access:
 * a session cookie for non-public routes, the listed roles, and the CSRF token on cookie-authenticated
 * writes. Security headers come from helmet with a CSP allowing no inline script.
 */
import Fastify from 'fastify';
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TandemError } from '@tandem/core';
import type { TandemDatabase } from './db/database.ts';
import { SarRecordRepository } from './records/sar-record-repository.ts';
import { DirectoryRepository } from './auth/directory.ts';
import { JobStore } from './jobs/job-store.ts';
import { WorkerPool } from './jobs/worker-pool.ts';
import type { JobExecutor } from './jobs/worker-pool.ts';
import type { JobTransport } from './jobs/boss-transport.ts';
import { csrfMatches, loadSession, SESSION_COOKIE } from './auth/sign-in.ts';
import type { SessionInfo } from './auth/sign-in.ts';
import { ServerError, toApiError } from './http/server-errors.ts';
import { routeId } from './routes/route-spec.ts';
import type { RequestContext, RouteSpec } from './routes/route-spec.ts';
import { systemRoutes } from './routes/system-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { directoryRoutes } from './routes/directory-routes.ts';
import { recordRoutes } from './routes/record-routes.ts';
import { jobRoutes } from './routes/job-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { webRoutes } from './routes/web-routes.ts';
import { drillRoutes } from './routes/drill-routes.ts';
import { exchangeRoutes } from './routes/exchange-routes.ts';
import { dialogueRoutes } from './routes/dialogue-routes.ts';
import { closePdfBrowser } from './reports/html-to-pdf.ts';

export interface BuildAppOptions {
  readonly database: TandemDatabase;
  readonly logger?: boolean;
  /** Cookies flagged Secure (default true; browsers accept them on http://localhost). */
  readonly secureCookies?: boolean;
  /** Requests per minute per client IP, overall and for sign-in; false turns limiting off (benchmarks). */
  readonly rateLimit?: { readonly perMinute: number; readonly signInPerMinute: number } | false;
  /** Largest accepted request body, bytes (default 1 MiB). */
  readonly bodyLimitBytes?: number;
  /** Job executors by job kind; the worker pool runs only these kinds. */
  readonly executors?: Readonly<Record<string, JobExecutor>>;
  /** Run an in-process worker pool (default true when executors are given). */
  readonly workers?: { readonly concurrency?: number; readonly leaseMs?: number } | false;
  /**
   * Delivers jobs to workers across processes (pg-boss on PostgreSQL, `BossTransport.start`); the app owns it
   * and stops it on close. Without one, workers poll the job table (the embedded database's in-process pool).
   */
  readonly jobTransport?: JobTransport;
}

export interface TandemApp {
  readonly app: FastifyInstance;
  /** The route table as registered (the authorization matrix test enumerates it). */
  readonly routes: readonly RouteSpec[];
  readonly jobs: JobStore;
  readonly pool: WorkerPool | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    tandemSession: SessionInfo | undefined;
  }
}

/** The complete route table for the given options. */
export function routeTable(options: Pick<BuildAppOptions, 'secureCookies' | 'rateLimit'> = {}): RouteSpec[] {
  const rl = options.rateLimit ?? { perMinute: 6000, signInPerMinute: 20 };
  return [
    ...systemRoutes,
    ...authRoutes({
      secureCookies: options.secureCookies ?? true,
      signInRateLimit: rl === false ? false : rl.signInPerMinute,
    }),
    ...directoryRoutes,
    ...recordRoutes,
    ...jobRoutes,
    ...auditRoutes,
    ...webRoutes,
    ...drillRoutes,
    ...exchangeRoutes,
    ...dialogueRoutes,
  ];
}

const AJV_BASE = { removeAdditional: false, useDefaults: true, allErrors: false } as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp(options: BuildAppOptions): Promise<TandemApp> {
  const { database } = options;
  const rl = options.rateLimit ?? { perMinute: 6000, signInPerMinute: 20 };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  // JSON bodies are validated strictly (no type coercion, unknown keys refused); query strings and path
  // parameters arrive as text and are coerced to the declared types.
  const ajvFactory = AjvCompiler();
  const strict = ajvFactory({}, { customOptions: { ...AJV_BASE, coerceTypes: false } });
  const lenient = ajvFactory({}, { customOptions: { ...AJV_BASE, coerceTypes: 'array' } });
  app.setValidatorCompiler((req) => (req.httpPart === 'body' ? strict(req) : lenient(req)));
  app.decorateRequest('tandemSession', undefined);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
      },
    },
    hsts: options.secureCookies === false ? false : { maxAge: 15552000 },
  });
  if (rl !== false) {
    await app.register(rateLimit, { max: rl.perMinute, timeWindow: '1 minute' });
  }
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tandem API',
        version: '0.1.0',
        description:
          'Shared API of the Republic of Korea–Japan cooperation platform. Records carry an owner nation and a ' +
          'releasability label; records you may not see answer 404. Writes with the session cookie need the ' +
          '`x-csrf-token` header from sign-in.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toApiError(err);
    if (status >= 500) req.log.error(err);
    void reply.code(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send(toApiError(new TandemError('NOT_FOUND', `no route ${req.method} ${req.url}`)).body);
  });

  const transport = options.jobTransport;
  const jobs = new JobStore(database.db, database.dialect, database.resultDir, transport);
  const executors = options.executors ?? {};
  const pool =
    options.workers === false || Object.keys(executors).length === 0
      ? undefined
      : new WorkerPool({
          store: jobs,
          executors,
          concurrency: options.workers?.concurrency ?? 2,
          leaseMs: options.workers?.leaseMs ?? 15_000,
        });
  if (pool !== undefined) {
    app.addHook('onReady', async () => pool.start());
    app.addHook('onClose', async () => pool.stop());
  }
  if (transport !== undefined) app.addHook('onClose', async () => transport.stop());
  app.addHook('onClose', async () => closePdfBrowser());

  const routes = routeTable(options);
  const seen = new Set<string>();
  for (const spec of routes) {
    const id = routeId(spec);
    if (seen.has(id)) throw new Error(`route registered twice: ${id}`);
    seen.add(id);
    const access = spec.access;
    const contextFor = (req: FastifyRequest): RequestContext => {
      const session = req.tandemSession;
      const needSession = (): SessionInfo => {
        if (session === undefined) throw new TandemError('UNAUTHENTICATED', 'sign in first', 'cookie');
        return session;
      };
      return {
        database,
        get actor() {
          return needSession().actor;
        },
        get session() {
          return needSession();
        },
        records: () => new SarRecordRepository(database.db, database.dialect, needSession().actor),
        directory: () => new DirectoryRepository(database.db, database.dialect, needSession().actor),
        jobs,
        jobQueued: () => pool?.poke(),
      };
    };
    const guard = async (req: FastifyRequest): Promise<void> => {
      if ('public' in access) return;
      const token = req.cookies[SESSION_COOKIE];
      const session = token === undefined ? undefined : await loadSession(database.db, token);
      if (session === undefined) throw new TandemError('UNAUTHENTICATED', 'sign in first', 'cookie');
      if ('roles' in access && !access.roles.some((r) => session.actor.roles.includes(r))) {
        throw new TandemError('FORBIDDEN', `needs one of the roles: ${access.roles.join(', ')}`, 'role');
      }
      if (!SAFE_METHODS.has(req.method)) {
        const given = req.headers['x-csrf-token'];
        if (!csrfMatches(session.csrfToken, typeof given === 'string' ? given : undefined)) {
          throw new ServerError('CSRF_INVALID', 'send the x-csrf-token header returned by sign-in', 'x-csrf-token');
        }
      }
      req.tandemSession = session;
    };
    const isLogin = spec.url === '/api/auth/login';
    app.route({
      method: spec.method,
      url: spec.url,
      schema: {
        ...(spec.schema ?? {}),
        summary: spec.summary,
        tags: [...spec.tags],
        ...('public' in access ? {} : { security: [{ session: [] }] }),
      },
      ...(isLogin && rl !== false
        ? { config: { rateLimit: { max: rl.signInPerMinute, timeWindow: '1 minute' } } }
        : {}),
      preValidation: guard,
      handler: async (req: FastifyRequest, reply: FastifyReply) => spec.handler(req, reply, contextFor(req)),
    });
  }
  return { app, routes, jobs, pool };
}
