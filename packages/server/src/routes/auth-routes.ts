/** Sign-in, sign-out, the current user and TOTP enrolment. */
import type {} from '@fastify/cookie';
import type { RouteSpec } from './route-spec.ts';
import { SESSION_COOKIE, signIn, signOut } from '../auth/sign-in.ts';
import { newTotpSecret, totpUri } from '../auth/totp.ts';

export interface LoginBody {
  username: string;
  password: string;
  totp?: string;
}

export const LOGIN_BODY = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 100 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
    totp: { type: 'string', pattern: '^[0-9]{6}$' },
  },
} as const;

export function authRoutes(options: { secureCookies: boolean; signInRateLimit: number | false }): RouteSpec[] {
  return [
    {
      method: 'POST',
      url: '/api/auth/login',
      summary: 'Sign in; sets the session cookie and returns the CSRF token for writes',
      tags: ['auth'],
      access: { public: true },
      target: { none: true },
      schema: { body: LOGIN_BODY },
      handler: async (req, reply, ctx) => {
        const body = req.body as LoginBody;
        const s = await signIn(ctx.database.db, ctx.database.dialect, body);
        void reply.setCookie(SESSION_COOKIE, s.token, {
          httpOnly: true,
          secure: options.secureCookies,
          sameSite: 'strict',
          path: '/',
          expires: new Date(s.expiresAtMs),
        });
        return { user: s.actor, csrfToken: s.csrfToken };
      },
    },
    {
      method: 'POST',
      url: '/api/auth/logout',
      summary: 'Sign out (ends the session)',
      tags: ['auth'],
      access: { signedIn: true },
      target: { none: true },
      handler: async (_req, reply, ctx) => {
        await signOut(ctx.database.db, ctx.session.sessionId);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    },
    {
      method: 'GET',
      url: '/api/auth/me',
      summary: 'The signed-in user and the session CSRF token',
      tags: ['auth'],
      access: { signedIn: true },
      target: { none: true },
      handler: async (_req, _reply, ctx) => ({ user: ctx.actor, csrfToken: ctx.session.csrfToken }),
    },
    {
      method: 'POST',
      url: '/api/auth/totp',
      summary: 'Enrol (or replace) your TOTP second factor; returns the secret and otpauth URI once',
      tags: ['auth'],
      access: { signedIn: true },
      target: { none: true },
      handler: async (_req, _reply, ctx) => {
        const secret = newTotpSecret();
        await ctx.directory().setOwnTotp(secret);
        return { secret, uri: totpUri(secret, ctx.actor.username) };
      },
    },
  ];
}
