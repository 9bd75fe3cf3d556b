import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS } from '../testing/dialects.ts';
import { openTestDatabase } from '../testing/test-app.ts';
import type { TandemDatabase } from '../db/database.ts';
import { SarRecordRepository } from './sar-record-repository.ts';
import { verifyAuditChain } from '../audit/audit-log.ts';
import type { Actor } from '../auth/roles.ts';

const krPlanner: Actor = {
  userId: 'kr-p',
  username: 'kr-p',
  nation: 'KR',
  organisationId: 'o-kr',
  roles: ['sar_planner'],
};
const krAdmin: Actor = {
  userId: 'kr-a',
  username: 'kr-a',
  nation: 'KR',
  organisationId: 'o-kr',
  roles: ['administrator'],
};
const jpPlanner: Actor = {
  userId: 'jp-p',
  username: 'jp-p',
  nation: 'JP',
  organisationId: 'o-jp',
  roles: ['sar_planner'],
};
const jpAdmin: Actor = {
  userId: 'jp-a',
  username: 'jp-a',
  nation: 'JP',
  organisationId: 'o-jp',
  roles: ['administrator'],
};

for (const dialect of DIALECTS) {
  describe(`SAR record repository on ${dialect}`, () => {
    let database: TandemDatabase;
    before(async () => {
      database = await openTestDatabase(dialect);
    });
    after(async () => {
      await database.close();
    });
    const repo = (a: Actor) => new SarRecordRepository(database.db, database.dialect, a);

    it("hides a partner's national records from gets, lists, counts and search", async () => {
      const secret = await repo(krPlanner).create('scenario', {
        title: 'Hidden alpha',
        releasability: 'national',
        body: {},
      });
      const shared = await repo(krPlanner).create('scenario', {
        title: 'Shared alpha',
        releasability: 'bilateral',
        body: {},
      });
      const pub = await repo(krPlanner).create('scenario', {
        title: 'Public alpha',
        releasability: 'public',
        body: {},
      });
      await assert.rejects(repo(jpPlanner).get('scenario', secret.id), { code: 'NOT_FOUND' });
      assert.equal((await repo(jpPlanner).get('scenario', shared.id)).id, shared.id);
      assert.equal((await repo(jpPlanner).get('scenario', pub.id)).id, pub.id);
      assert.equal((await repo(krPlanner).get('scenario', secret.id)).id, secret.id);
      const jpList = await repo(jpPlanner).list('scenario', { q: 'alpha', limit: 50, offset: 0 });
      assert.deepEqual(jpList.items.map((r) => r.title).sort(), ['Public alpha', 'Shared alpha']);
      assert.equal(jpList.total, 2);
      const krList = await repo(krPlanner).list(undefined, { q: 'ALPHA', limit: 50, offset: 0 });
      assert.equal(krList.total, 3);
      assert.equal(await repo(jpPlanner).count('scenario'), (await repo(krPlanner).count('scenario')) - 1);
      await assert.rejects(repo(jpPlanner).update('scenario', secret.id, { title: 'x' }), { code: 'NOT_FOUND' });
      await assert.rejects(repo(jpPlanner).delete('scenario', secret.id), { code: 'NOT_FOUND' });
      await assert.rejects(repo(jpPlanner).update('scenario', shared.id, { title: 'x' }), { code: 'FORBIDDEN' });
    });

    it('search treats LIKE wildcards literally', async () => {
      await repo(krPlanner).create('plan', { title: '100% coverage', releasability: 'bilateral', body: {} });
      await repo(krPlanner).create('plan', { title: '100 coverage', releasability: 'bilateral', body: {} });
      const r = await repo(jpPlanner).list('plan', { q: '0%', limit: 10, offset: 0 });
      assert.deepEqual(
        r.items.map((x) => x.title),
        ['100% coverage'],
      );
    });

    it('gives a derived record the most restrictive label of its inputs', async () => {
      const a = await repo(krPlanner).create('drift_run', { title: 'run', releasability: 'national', body: {} });
      const b = await repo(krPlanner).create('data_file', { title: 'wind', releasability: 'public', body: {} });
      const plan = await repo(krPlanner).create('plan', {
        title: 'derived',
        releasability: 'public',
        body: {},
        derivedFrom: [a.id, b.id],
      });
      assert.equal(plan.releasability, 'national');
      await assert.rejects(
        repo(jpPlanner).create('plan', { title: 'p', releasability: 'public', body: {}, derivedFrom: [a.id] }),
        { code: 'NOT_FOUND' },
      );
      await assert.rejects(repo(krAdmin).setReleasability('plan', plan.id, 'public', 'release'), { code: 'CONFLICT' });
    });

    it('lowering a label needs an administrator of the owner nation and is audited', async () => {
      const rec = await repo(krPlanner).create('scenario', {
        title: 'to release',
        releasability: 'national',
        body: {},
      });
      await assert.rejects(repo(krPlanner).setReleasability('scenario', rec.id, 'bilateral', 'r'), {
        code: 'APPROVER_REQUIRED',
      });
      await assert.rejects(repo(jpAdmin).setReleasability('scenario', rec.id, 'bilateral', 'r'), { code: 'NOT_FOUND' });
      const raised = await repo(krPlanner).create('scenario', { title: 'raise', releasability: 'public', body: {} });
      assert.equal(
        (await repo(krPlanner).setReleasability('scenario', raised.id, 'national', 'r')).releasability,
        'national',
      );
      const lowered = await repo(krAdmin).setReleasability('scenario', rec.id, 'bilateral', 'exercise release');
      assert.equal(lowered.releasability, 'bilateral');
      assert.equal((await repo(jpPlanner).get('scenario', rec.id)).id, rec.id);
      const entry = await database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_id', '=', rec.id)
        .where('action', '=', 'releasability.lower')
        .executeTakeFirstOrThrow();
      assert.equal(entry.actor_id, krAdmin.userId);
      assert.match(entry.after ?? '', /exercise release/);
    });

    it('audits every change with before and after, and the chain verifies', async () => {
      const rec = await repo(krPlanner).create('scenario', { title: 'v1', releasability: 'bilateral', body: { a: 1 } });
      await repo(krPlanner).update('scenario', rec.id, { title: 'v2' });
      await assert.rejects(repo(krPlanner).update('scenario', rec.id, { title: 'v3', expectedVersion: 1 }), {
        code: 'CONFLICT',
      });
      await repo(krPlanner).delete('scenario', rec.id);
      const rows = await database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_id', '=', rec.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.action),
        ['scenario.create', 'scenario.update', 'scenario.delete'],
      );
      assert.equal(rows[0]?.before, null);
      assert.match(rows[1]?.before ?? '', /"v1"/);
      assert.match(rows[1]?.after ?? '', /"v2"/);
      assert.equal(rows[2]?.after, null);
      const v = await verifyAuditChain(database.db);
      assert.equal(v.ok, true, v.problems.join('; '));
      assert.ok(v.entries >= 3);
    });

    it('refuses updates and deletes of audit entries (append-only)', async () => {
      await assert.rejects(database.db.updateTable('audit_log').set({ action: 'x' }).where('seq', '=', 1).execute());
      await assert.rejects(database.db.deleteFrom('audit_log').where('seq', '=', 1).execute());
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`audit chain tampering on ${dialect}`, () => {
    async function seeded(): Promise<TandemDatabase> {
      const database = await openTestDatabase(dialect);
      const r = new SarRecordRepository(database.db, database.dialect, krPlanner);
      for (let i = 0; i < 5; i++)
        await r.create('scenario', { title: `s${i}`, releasability: 'national', body: { i } });
      assert.equal((await verifyAuditChain(database.db)).ok, true);
      return database;
    }
    async function dropGuards(database: TandemDatabase): Promise<void> {
      if (database.dialect === 'sqlite') {
        await sql`drop trigger audit_log_no_update`.execute(database.db);
        await sql`drop trigger audit_log_no_delete`.execute(database.db);
      } else {
        await sql`drop trigger audit_log_append_only on audit_log`.execute(database.db);
      }
    }
    it('detects an edited entry', async () => {
      const database = await seeded();
      await dropGuards(database);
      await database.db.updateTable('audit_log').set({ after: '{"title":"forged"}' }).where('seq', '=', 3).execute();
      const v = await verifyAuditChain(database.db);
      assert.equal(v.ok, false);
      assert.match(v.problems.join(';'), /entry 3: content/);
      await database.close();
    });
    it('detects a deleted entry in the middle and at the end', async () => {
      const database = await seeded();
      await dropGuards(database);
      await database.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
      let v = await verifyAuditChain(database.db);
      assert.equal(v.ok, false);
      assert.match(v.problems.join(';'), /missing/);
      const database2 = await seeded();
      await dropGuards(database2);
      await database2.db.deleteFrom('audit_log').where('seq', '=', 5).execute();
      v = await verifyAuditChain(database2.db);
      assert.equal(v.ok, false);
      assert.match(v.problems.join(';'), /head records entry 5/);
      await database.close();
      await database2.close();
    });
    it('detects a re-hashed edit (the next link breaks)', async () => {
      const database = await seeded();
      await dropGuards(database);
      await database.db
        .updateTable('audit_log')
        .set({ hash: 'f'.repeat(64) })
        .where('seq', '=', 2)
        .execute();
      const v = await verifyAuditChain(database.db);
      assert.equal(v.ok, false);
      await database.close();
    });
  });
}
