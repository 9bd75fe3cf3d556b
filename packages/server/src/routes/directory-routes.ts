/** Organisations and users (administrators manage their own nation's). */
import type { RouteSpec } from './route-spec.ts';
import { ROLES } from '../auth/roles.ts';
import type { Role } from '../auth/roles.ts';

const ORG_BODY = {
  type: 'object',
  required: ['service', 'unit', 'name'],
  additionalProperties: false,
  properties: {
    service: { type: 'string', minLength: 1, maxLength: 100 },
    unit: { type: 'string', minLength: 1, maxLength: 200 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    totpRequired: { type: 'boolean', default: false },
  },
} as const;

const USER_BODY = {
  type: 'object',
  required: ['username', 'displayName', 'password', 'organisationId', 'roles'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 3, maxLength: 64, pattern: '^[a-z0-9._-]+$' },
    displayName: { type: 'string', minLength: 1, maxLength: 200 },
    password: { type: 'string', minLength: 12, maxLength: 200 },
    organisationId: { type: 'string', minLength: 1, maxLength: 64 },
    roles: { type: 'array', minItems: 1, maxItems: ROLES.length, items: { type: 'string', enum: [...ROLES] } },
  },
} as const;

export const directoryRoutes: readonly RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/organisations',
    summary: 'Organisations of both nations',
    tags: ['directory'],
    access: { signedIn: true },
    target: { none: true },
    handler: async (_req, _reply, ctx) => ({ items: await ctx.directory().listOrganisations() }),
  },
  {
    method: 'POST',
    url: '/api/organisations',
    summary: "Create an organisation of the administrator's nation",
    tags: ['directory'],
    access: { roles: ['administrator'] },
    target: { none: true },
    okStatus: 201,
    schema: { body: ORG_BODY },
    handler: async (req, reply, ctx) => {
      const b = req.body as { service: string; unit: string; name: string; totpRequired: boolean };
      void reply.code(201);
      return ctx.directory().createOrganisation(b);
    },
  },
  {
    method: 'GET',
    url: '/api/users',
    summary: "Users of the administrator's nation",
    tags: ['directory'],
    access: { roles: ['administrator'] },
    target: { none: true },
    handler: async (_req, _reply, ctx) => ({ items: await ctx.directory().listUsers() }),
  },
  {
    method: 'POST',
    url: '/api/users',
    summary: "Create a user in an organisation of the administrator's nation",
    tags: ['directory'],
    access: { roles: ['administrator'] },
    target: { none: true },
    okStatus: 201,
    schema: { body: USER_BODY },
    handler: async (req, reply, ctx) => {
      const b = req.body as {
        username: string;
        displayName: string;
        password: string;
        organisationId: string;
        roles: Role[];
      };
      const user = await ctx.directory().createUser(b);
      void reply.code(201);
      return user;
    },
  },
];
