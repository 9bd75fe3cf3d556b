/** The landing page (until the web app exists) and the health check. */
import type { RouteSpec } from './route-spec.ts';

const LANDING = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tandem</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#eee;padding:0 .2em}</style>
</head>
<body>
<h1>Tandem</h1>
<p>Tandem is an open-source platform for Republic of Korea&ndash;Japan defense cooperation: combined naval
search-and-rescue (SAR) training, aerobatic-team exchanges and science-and-technology talks. This server is
its shared API: organisations, users and roles of both nations; SAR scenarios, drift runs, plans and data
files, each labelled with its releasability (own nation only, both nations, public); an append-only,
hash-chained audit log; and drift and planning jobs with live progress.</p>
<p><a href="/app/">Open the web app</a> &middot; <a href="/api/docs">API documentation (OpenAPI)</a>
(sign in with <code>POST /api/auth/login</code>).</p>
<p>Demo data (when started with <code>npm start</code>) uses an <strong>idealized environment</strong>
(a uniform Tsushima Warm Current and winter monsoon wind), not real model data.</p>
</body>
</html>
`;

export const systemRoutes: readonly RouteSpec[] = [
  {
    method: 'GET',
    url: '/',
    summary: 'Landing page',
    tags: ['system'],
    access: { public: true },
    target: { none: true },
    schema: { hide: true } as never,
    handler: async (_req, reply) => reply.type('text/html; charset=utf-8').send(LANDING),
  },
  {
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and database dialect',
    tags: ['system'],
    access: { public: true },
    target: { none: true },
    handler: async (_req, _reply, ctx) => ({ ok: true, database: ctx.database.dialect }),
  },
];
