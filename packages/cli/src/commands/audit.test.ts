import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { PassThrough } from 'node:stream';
import { openDatabase, seedDemo } from '@tandem/server';
import { run } from './audit.ts';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (out += c.toString()));
  return { io: { stdout, stderr }, text: () => out };
}

describe('tandem audit verify', () => {
  it('passes on an intact log and fails after the database file is edited directly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-audit-'));
    try {
      const database = await openDatabase({ dataDir: dir });
      await seedDemo(database);
      await database.close();
      let o = io();
      assert.equal(await run(['verify', '--data-dir', dir], o.io), 0);
      assert.match(o.text(), /audit log intact: \d+ entries/);

      const raw = new DatabaseSync(join(dir, 'tandem.sqlite'));
      raw.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete');
      raw.exec(`update audit_log set after = '{"forged":true}' where seq = 3`);
      raw.close();
      o = io();
      assert.equal(await run(['verify', '--data-dir', dir], o.io), 1);
      assert.match(o.text(), /TAMPERED[\s\S]*entry 3/);

      const raw2 = new DatabaseSync(join(dir, 'tandem.sqlite'));
      raw2.exec('delete from audit_log where seq = 5');
      raw2.close();
      o = io();
      assert.equal(await run(['verify', '--data-dir', dir], o.io), 1);
      assert.match(o.text(), /entries 5\.\.5 are missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown action with usage', async () => {
    const o = io();
    assert.equal(await run(['frobnicate'], o.io), 2);
    assert.match(o.text(), /usage: tandem audit verify/);
  });
});
