/**
 * Sign-in and sessions. A session is a random 256-bit token in an httpOnly, Secure, SameSite=Strict cookie;
 * the database keeps only its SHA-256. Each session has a CSRF token that cookie-authenticated writes must
 * echo in the `x-csrf-token` header (synchronizer-token pattern, OWASP CSRF Prevention Cheat Sheet).
 * After `MAX_FAILED_SIGN_INS` failures in a row an account is locked for `LOCKOUT_MS`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TandemError } from '@tandem/core';
import type { Schema } from '../db/schema.ts';
import type { Dialect } from '../db/migrations.ts';
import { ServerError } from '../http/server-errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { checkTotp } from './totp.ts';
import { isRole } from './roles.ts';
import type { Actor } from './roles.ts';

export const SESSION_COOKIE = 'tandem_session';
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SignedIn {
  readonly token: string;
  readonly csrfToken: string;
  readonly actor: Actor;
  readonly expiresAtMs: number;
}

export function actorFromRow(u: {
  id: string;
  username: string;
  nation: string;
  organisation_id: string;
  roles: string;
}): Actor {
  const roles = (JSON.parse(u.roles) as string[]).filter(isRole);
  return {
    userId: u.id,
    username: u.username,
    nation: u.nation === 'JP' ? 'JP' : 'KR',
    organisationId: u.organisation_id,
    roles,
  };
}

export async function signIn(
  db: Kysely<Schema>,
  dialect: Dialect,
  input: { username: string; password: string; totp?: string | undefined },
  nowMs: number = Date.now(),
): Promise<SignedIn> {
  const user = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.username',
      'users.nation',
      'users.organisation_id',
      'users.roles',
      'users.password_hash',
      'users.totp_secret',
      'users.failed_logins',
      'users.locked_until_ms',
      'organisations.totp_required',
    ])
    .where('users.username', '=', input.username)
    .executeTakeFirst();
  const bad = new TandemError('UNAUTHENTICATED', 'wrong username or password', 'password');
  if (user === undefined) {
    await verifyPassword(await dummyHash(), input.password);
    throw bad;
  }
  if (Number(user.locked_until_ms) > nowMs) {
    throw new ServerError('ACCOUNT_LOCKED', 'too many failed sign-ins; try again later', 'username');
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  const needsTotp = Number(user.totp_required) === 1 || user.totp_secret !== null;
  let totpOk = true;
  if (passwordOk && needsTotp) {
    if (user.totp_secret === null) {
      throw new ServerError(
        'TOTP_REQUIRED',
        'your organisation requires a second factor; ask an administrator to enrol you',
        'totp',
      );
    }
    if (input.totp === undefined || input.totp === '') {
      throw new ServerError('TOTP_REQUIRED', 'enter the 6-digit code from your authenticator', 'totp');
    }
    totpOk = checkTotp(user.totp_secret, input.totp, nowMs);
  }
  if (!passwordOk || !totpOk) {
    const failed = Number(user.failed_logins) + 1;
    const locked = failed >= MAX_FAILED_SIGN_INS;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_logins: locked ? 0 : failed, locked_until_ms: locked ? nowMs + LOCKOUT_MS : 0 })
        .where('id', '=', user.id)
        .execute();
      if (locked) {
        await appendAudit(trx, dialect, actorFromRow(user), {
          action: 'user.lockout',
          entity: 'user',
          entityId: user.id,
          ownerNation: user.nation,
          releasability: 'national',
          before: { failedSignIns: failed },
          after: { lockedUntilMs: nowMs + LOCKOUT_MS },
        });
      }
    });
    if (!totpOk) throw new TandemError('UNAUTHENTICATED', 'wrong second-factor code', 'totp');
    throw bad;
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAtMs = nowMs + SESSION_TTL_MS;
  await db.transaction().execute(async (trx) => {
    if (Number(user.failed_logins) !== 0) {
      await trx.updateTable('users').set({ failed_logins: 0 }).where('id', '=', user.id).execute();
    }
    await trx
      .insertInto('sessions')
      .values({
        id: sessionId(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: new Date(nowMs).toISOString(),
        expires_at_ms: expiresAtMs,
      })
      .execute();
  });
  return { token, csrfToken, actor: actorFromRow(user), expiresAtMs };
}

export interface SessionInfo {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly sessionId: string;
}

/** The session for a cookie token, or undefined when missing or expired. */
export async function loadSession(
  db: Kysely<Schema>,
  token: string,
  nowMs: number = Date.now(),
): Promise<SessionInfo | undefined> {
  const id = sessionId(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.username',
      'users.nation',
      'users.organisation_id',
      'users.roles',
      'sessions.csrf_token',
      'sessions.expires_at_ms',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (row === undefined || Number(row.expires_at_ms) <= nowMs) return undefined;
  return { actor: actorFromRow(row), csrfToken: row.csrf_token, sessionId: id };
}

export async function signOut(db: Kysely<Schema>, sessionIdHex: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionIdHex).execute();
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
