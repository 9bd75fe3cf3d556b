/**
 * Crash test: the server process is killed with SIGKILL during a stream of writes, 20 times on SQLite and
 * 10 on PostgreSQL. Every write the API acknowledged (201) must be there after the crash, the SQLite file
 * must pass `PRAGMA integrity_check`, and the audit hash chain must verify.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '@tandem/core';
import { openDatabase } from '../db/database.ts';
import type { OpenDatabaseOptions } from '../db/database.ts';
import { verifyAuditChain } from '../audit/audit-log.ts';
import { DirectoryRepository } from '../auth/directory.ts';
import { systemActor } from '../auth/roles.ts';
import { createTestDatabase } from '../testing/postgres-server.ts';

const SERVER = fileURLToPath(new URL('../testing/serve-for-test.ts', import.meta.url));

function startServerProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER], {
      env: { ...process.env, ...env, WORKERS: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

async function crashLoop(
  dbOptions: OpenDatabaseOptions,
  env: NodeJS.ProcessEnv,
  rounds: number,
  seed: number,
): Promise<void> {
  const setup = await openDatabase(dbOptions);
  const dir = new DirectoryRepository(setup.db, setup.dialect, systemActor('KR'));
  await dir.createOrganisation({ service: 'navy', unit: 'u', name: 'crash org', totpRequired: false }, 'org-crash');
  await dir.createUser({
    username: 'crash-writer',
    displayName: 'w',
    password: 'crash test password',
    organisationId: 'org-crash',
    roles: ['sar_planner'],
  });
  await setup.close();

  const rng = createRng(seed, 2);
  const acked = new Set<string>();
  let session: { cookie: string; csrf: string } | undefined;
  let killedMidStream = 0;
  for (let round = 0; round < rounds; round++) {
    const { child, url } = await startServerProcess(env);
    if (session === undefined) {
      const r = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'crash-writer', password: 'crash test password' }),
      });
      assert.equal(r.status, 200);
      const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      session = { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
    }
    const s = session;
    let stop = false;
    let inFlight = 0;
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        inFlight++;
        try {
          const r = await fetch(`${url}/api/plans`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
            body: JSON.stringify({ title: `r${round}w${w}i${i}`, releasability: 'national', body: { round, w, i } }),
          });
          if (r.status === 201) acked.add(((await r.json()) as { id: string }).id);
          else if (!stop) throw new Error(`write refused: ${r.status}`);
        } catch (err) {
          if (!stop) throw err;
        } finally {
          inFlight--;
        }
      }
    };
    const writers = [0, 1, 2, 3].map((w) => writer(w).catch(() => undefined));
    await new Promise((r) => setTimeout(r, 100 + rng.uniform() * 400));
    if (inFlight > 0) killedMidStream++;
    stop = true;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await Promise.all(writers);

    const check = await openDatabase(dbOptions);
    try {
      const ids = [...acked];
      for (let k = 0; k < ids.length; k += 500) {
        const chunk = ids.slice(k, k + 500);
        const found = await check.db.selectFrom('sar_records').select('id').where('id', 'in', chunk).execute();
        assert.equal(
          found.length,
          chunk.length,
          `round ${round}: ${chunk.length - found.length} acknowledged writes lost`,
        );
      }
      if (check.sqlite !== undefined) {
        const rows = check.sqlite.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
        assert.deepEqual(
          rows.map((r) => r.integrity_check),
          ['ok'],
        );
      }
      const audit = await verifyAuditChain(check.db);
      assert.equal(audit.ok, true, `round ${round}: ${audit.problems.join('; ')}`);
    } finally {
      await check.close();
    }
  }
  assert.ok(acked.size > rounds, `only ${acked.size} writes acknowledged`);
  assert.ok(killedMidStream >= rounds / 2, `killed mid-stream only ${killedMidStream} times`);
}

describe('crash: SIGKILL during a stream of writes', { concurrency: 2 }, () => {
  it('SQLite: 20 kills, 0 acknowledged writes lost, integrity and audit chain intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
    try {
      await crashLoop({ dataDir: dir }, { TANDEM_DATA_DIR: dir, DATABASE_URL: '' }, 20, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('PostgreSQL: 10 kills, 0 acknowledged writes lost, audit chain intact', async () => {
    const url = await createTestDatabase();
    await crashLoop({ databaseUrl: url }, { DATABASE_URL: url }, 10, 5);
  });
});
