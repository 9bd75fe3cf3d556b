/**
 * Test fixtures: a built app on a fresh SQLite (in memory or in a folder) or PostgreSQL database, with one
 * organisation per nation and a user for every role × nation (`<nation>-<role>`, password `TEST_PASSWORD`).
 */
import { buildApp } from '../app.ts';
import type { BuildAppOptions, TandemApp } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import type { TandemDatabase } from '../db/database.ts';
import type { Dialect } from '../db/migrations.ts';
import { DirectoryRepository } from '../auth/directory.ts';
import { NATIONS, ROLES, systemActor } from '../auth/roles.ts';
import type { Actor, Role } from '../auth/roles.ts';
import type { Nation } from '../db/schema.ts';
import { createTestDatabase } from './postgres-server.ts';
import { hashPassword } from '../auth/passwords.ts';

let passwordHash: Promise<string> | undefined;

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  readonly tandem: TandemApp;
  readonly database: TandemDatabase;
  /** Actor of `<nation>-<role>`. */
  actor(nation: Nation, role: Role): Actor;
  /** Signs in and returns the cookie header and CSRF token. */
  login(username: string, password?: string): Promise<{ cookie: string; csrf: string }>;
  close(): Promise<void>;
}

export async function openTestDatabase(dialect: Dialect, dataDir = ':memory:'): Promise<TandemDatabase> {
  return dialect === 'postgres' ? openDatabase({ databaseUrl: await createTestDatabase() }) : openDatabase({ dataDir });
}

export async function createTestApp(
  dialect: Dialect,
  options: Partial<Omit<BuildAppOptions, 'database'>> & { database?: TandemDatabase } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase(dialect));
  const actors = new Map<string, Actor>();
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  for (const nation of NATIONS) {
    const orgId = `org-${nation}`;
    const dir = new DirectoryRepository(database.db, database.dialect, systemActor(nation));
    await dir.createOrganisation(
      { service: `${nation} navy`, unit: 'SAR', name: `${nation} test org`, totpRequired: false },
      orgId,
    );
    await Promise.all(
      ROLES.map(async (role) => {
        const username = `${nation.toLowerCase()}-${role}`;
        const v = await dir.createUser(
          {
            username,
            displayName: username,
            password: TEST_PASSWORD,
            organisationId: orgId,
            roles: [role],
            passwordHash: hash,
          },
          `user-${username}`,
        );
        actors.set(`${nation}-${role}`, {
          userId: v.id,
          username,
          nation,
          organisationId: orgId,
          roles: [role],
        });
      }),
    );
  }
  const tandem = await buildApp({ rateLimit: false, secureCookies: false, workers: false, ...options, database });
  await tandem.app.ready();
  return {
    tandem,
    database,
    actor(nation, role) {
      const a = actors.get(`${nation}-${role}`);
      if (a === undefined) throw new Error(`no test user ${nation}-${role}`);
      return a;
    },
    async login(username, password = TEST_PASSWORD) {
      const res = await tandem.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      const cookie = (raw ?? '').split(';')[0] ?? '';
      return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
    },
    async close() {
      await tandem.app.close();
      await database.close();
    },
  };
}
