import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../testing/dialects.ts';
import { openTestDatabase } from '../testing/test-app.ts';
import type { TandemDatabase } from '../db/database.ts';
import { JobStore } from './job-store.ts';
import { WorkerPool } from './worker-pool.ts';
import type { JobExecutor } from './worker-pool.ts';
import type { Actor } from '../auth/roles.ts';

const kr: Actor = { userId: 'kr', username: 'kr', nation: 'KR', organisationId: 'o', roles: ['sar_planner'] };
const jp: Actor = { userId: 'jp', username: 'jp', nation: 'JP', organisationId: 'o', roles: ['sar_planner'] };

for (const dialect of DIALECTS) {
  describe(`job store on ${dialect}`, () => {
    let database: TandemDatabase;
    let store: JobStore;
    before(async () => {
      database = await openTestDatabase(dialect);
      store = new JobStore(database.db, database.dialect);
    });
    after(async () => {
      await database.close();
    });
    const enqueue = (releasability: 'national' | 'bilateral' = 'bilateral', kind = 'k') =>
      database.db.transaction().execute((trx) =>
        store.enqueueIn(trx, {
          kind,
          recordId: 'r',
          ownerNation: 'KR',
          releasability,
          createdBy: 'kr',
          input: { n: 3 },
        }),
      );

    it('fences a dead attempt: the re-run stores the result once, the stale attempt cannot', async () => {
      const id = await enqueue('bilateral', 'fence');
      const t0 = 1_000_000;
      const first = await store.claim('w1', 100, ['fence'], t0);
      assert.equal(first?.id, id);
      assert.equal(first?.attempt, 1);
      assert.equal(await store.claim('w2', 100, ['fence'], t0 + 50), undefined, 'lease still held');
      const second = await store.claim('w2', 100, ['fence'], t0 + 200);
      assert.equal(second?.attempt, 2);
      assert.equal(await store.heartbeat(first!, 'w1', 100, 0.5, 'x', t0 + 210), 'lost');
      assert.equal(await store.complete(first!, 'w1', { from: 'stale' }), false);
      assert.equal(await store.complete(second!, 'w2', { from: 'rerun' }), true);
      assert.equal(await store.complete(second!, 'w2', { from: 'again' }), false);
      const results = await database.db.selectFrom('job_results').selectAll().where('job_id', '=', id).execute();
      assert.equal(results.length, 1);
      assert.equal(results[0]?.attempt, 2);
      assert.deepEqual(JSON.parse(results[0]?.result ?? ''), { from: 'rerun' });
      const runs = await database.db.selectFrom('job_runs').selectAll().where('job_id', '=', id).execute();
      assert.equal(runs.length, 2);
    });

    it('fails a job whose worker died on its last attempt instead of running it a third time', async () => {
      const id = await enqueue('bilateral', 'die');
      const t0 = 2_000_000;
      assert.equal((await store.claim('w1', 100, ['die'], t0))?.attempt, 1);
      assert.equal((await store.claim('w2', 100, ['die'], t0 + 200))?.attempt, 2);
      assert.equal(await store.claim('w3', 100, ['die'], t0 + 400), undefined);
      const job = await store.get(kr, id);
      assert.equal(job.status, 'failed');
      assert.match(job.error ?? '', /no attempts left/);
      const retried = await store.retry(kr, id);
      assert.equal(retried.status, 'queued');
      assert.equal((await store.claim('w4', 100, ['die'], t0 + 500))?.attempt, 3);
    });

    it("hides a partner's national jobs and lets only the owner nation cancel", async () => {
      const hidden = await enqueue('national', 'vis');
      const shared = await enqueue('bilateral', 'vis');
      await assert.rejects(store.get(jp, hidden), { code: 'NOT_FOUND' });
      assert.ok((await store.list(jp, 500, 0)).items.every((j) => j.id !== hidden));
      await assert.rejects(store.cancel(jp, shared), { code: 'FORBIDDEN' });
      assert.equal((await store.cancel(kr, shared)).status, 'cancelled');
      await assert.rejects(store.cancel(kr, shared), { code: 'CONFLICT' });
    });

    it('runs jobs in the worker pool with progress, and cancels a running one', async () => {
      const slow: JobExecutor = {
        async run(input, ctx) {
          for (let i = 0; i < 40; i++) {
            if (ctx.signal.aborted) throw new Error('aborted');
            await new Promise((r) => setTimeout(r, 25));
            ctx.progress((i + 1) / 40, `step ${i + 1}`);
          }
          return { n: (input as { n: number }).n };
        },
      };
      const pool = new WorkerPool({ store, executors: { pool: slow }, concurrency: 2, leaseMs: 400, pollMs: 20 });
      const a = await enqueue('bilateral', 'pool');
      const b = await enqueue('bilateral', 'pool');
      pool.start();
      const seen = new Set<number>();
      for (let i = 0; i < 100; i++) {
        const job = await store.get(kr, a);
        seen.add(job.progress);
        if (job.progress > 0.2) break;
        await new Promise((r) => setTimeout(r, 30));
      }
      await store.cancel(kr, b);
      for (let i = 0; i < 200; i++) {
        const [ja, jb] = [await store.get(kr, a), await store.get(kr, b)];
        if (ja.status === 'succeeded' && jb.status === 'cancelled') break;
        await new Promise((r) => setTimeout(r, 30));
      }
      await pool.stop();
      assert.equal((await store.get(kr, a)).status, 'succeeded');
      assert.equal((await store.get(kr, b)).status, 'cancelled');
      assert.ok(
        [...seen].some((p) => p > 0 && p < 1),
        'intermediate progress was visible',
      );
      assert.deepEqual((await store.result(kr, a)).result, { n: 3 });
      assert.equal((await store.result(kr, b)).result, undefined);
    });
  });
}

describe('large job results beside an embedded database', () => {
  it('keeps them in a checksummed file, read back through the store, and refuses a damaged one', async () => {
    const { mkdtempSync, readdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openDatabase } = await import('../db/database.ts');
    const dir = mkdtempSync(join(tmpdir(), 'tandem-results-'));
    const database = await openDatabase({ dataDir: dir });
    try {
      const store = new JobStore(database.db, database.dialect, database.resultDir);
      const id = await database.db.transaction().execute((trx) =>
        store.enqueueIn(trx, {
          kind: 'big',
          recordId: 'r',
          ownerNation: 'KR',
          releasability: 'bilateral',
          createdBy: 'kr',
          input: {},
        }),
      );
      const job = await store.claim('w', 1000, ['big']);
      assert.ok(job !== undefined);
      const big = { values: Array.from({ length: 20_000 }, (_, i) => i * 0.5) };
      assert.equal(await store.complete(job, 'w', big), true);
      const row = await database.db
        .selectFrom('job_results')
        .select('result')
        .where('job_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.ok(row.result.length < 200, 'the row holds only a reference');
      assert.deepEqual((await store.result(kr, id)).result, big);
      const files = readdirSync(join(dir, 'job-results'));
      assert.deepEqual(files, [`${id}.1.json`]);
      writeFileSync(join(dir, 'job-results', files[0] ?? ''), JSON.stringify({ values: [1] }));
      await assert.rejects(store.result(kr, id), { code: 'INTERNAL' });
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
