import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from './ferry.ts';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

interface SummaryLeg {
  from: string;
  to: string;
  distanceKm: number;
  timeS: number;
  rangeUsedFraction: number;
  feasible: boolean;
}

test('tandem ferry plan --type T-50B --from RKNW --to ROAH prints the leg and writes the summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-ferry-'));
  try {
    const file = join(dir, 'out', 'summary.json');
    const o = io();
    const code = await run(['plan', '--type', 'T-50B', '--from', 'RKNW', '--to', 'ROAH', '--summary', file], o.io);
    assert.equal(code, 0, o.err());
    assert.match(o.out(), /RKNW→ROAH\s+1247 km/);
    const s = JSON.parse(readFileSync(file, 'utf8')) as { legs: SummaryLeg[]; feasible: boolean };
    assert.equal(s.feasible, true);
    assert.equal(s.legs.length, 1);
    const leg = s.legs[0]!;
    assert.deepEqual([leg.from, leg.to, leg.feasible], ['RKNW', 'ROAH', true]);
    assert.ok(Math.abs(leg.distanceKm - 1247) < 0.5);
    assert.ok(leg.timeS > 0 && leg.rangeUsedFraction > 0 && leg.rangeUsedFraction < 1);
    assert.ok(!existsSync(`${file}.tmp-${process.pid}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('T-4 RJST → ROAH: the direct leg is rejected and a sequence of stops is printed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-ferry-'));
  try {
    const file = join(dir, 's.json');
    const o = io();
    const code = await run(
      ['plan', '--type', 'T-4', '--from', 'RJST', '--to', 'ROAH', '--summary', file, '--lang', 'ja'],
      o.io,
    );
    assert.equal(code, 0);
    assert.match(o.out(), /RJST→ROAH.*不可/);
    assert.match(o.out(), /燃料/);
    const s = JSON.parse(readFileSync(file, 'utf8')) as { legs: SummaryLeg[]; feasible: boolean; direct: SummaryLeg };
    assert.equal(s.direct.feasible, false);
    assert.ok(Math.abs(s.direct.distanceKm - 1858) < 1);
    assert.equal(s.feasible, true);
    assert.ok(s.legs.length >= 2 && s.legs.every((l) => l.feasible));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nine aircraft, five per group: two groups on consecutive days, legs split by duty', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-ferry-'));
  try {
    const file = join(dir, 's.json');
    const o = io();
    const args = ['plan', '--type', 'T-4', '--from', 'RJST', '--to', 'ROAH', '--aircraft', '9', '--per-group', '5'];
    assert.equal(await run([...args, '--max-duty-h', '2', '--summary', file], o.io), 0);
    assert.match(o.out(), /group 1: 5 aircraft[\s\S]*group 2: 4 aircraft/);
    const s = JSON.parse(readFileSync(file, 'utf8')) as {
      schedule: { aircraft: number; legs: { departureUtc: string }[] }[];
    };
    assert.deepEqual(
      s.schedule.map((g) => g.aircraft),
      [5, 4],
    );
    const [a, b] = s.schedule;
    assert.equal(a!.legs[0]!.departureUtc, '2026-01-28T00:00:00Z');
    assert.equal(a!.legs[1]!.departureUtc, '2026-01-29T00:00:00Z', 'a 2 h duty day holds one leg');
    assert.equal(b!.legs[0]!.departureUtc, '2026-01-29T00:00:00Z');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('required stops and infeasible plans (exit 1)', async () => {
  const o = io();
  assert.equal(await run(['plan', '--type', 'T-50B', '--from', 'RKNW', '--to', 'ROAH', '--via', 'rkpk'], o.io), 0);
  assert.match(o.out(), /RKNW→RKPK[\s\S]*RKPK→ROAH/);
  const bad = io();
  assert.equal(
    await run(
      ['plan', '--type', 'T-4', '--from', 'RJST', '--to', 'ROAH', '--stops', 'RJSS', '--range-km', '500'],
      bad.io,
    ),
    1,
  );
  assert.match(bad.out(), /NO FEASIBLE PLAN/);
});

test('clearance warnings for legs without an approved clearance, cleared with one on file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-ferry-'));
  try {
    const file = join(dir, 's.json');
    const args = ['plan', '--type', 'T-50B', '--from', 'RKNW', '--to', 'ROAH', '--as-of', '2026-01-20T00:00:00Z'];
    let o = io();
    assert.equal(await run([...args, '--summary', file], o.io), 0);
    assert.match(o.out(), /MISSING: JP landing RKNW–ROAH/);
    assert.match(o.out(), /REQUEST_DUE/);
    const s = JSON.parse(readFileSync(file, 'utf8')) as { clearanceWarnings: { code: string; requestBy?: string }[] };
    assert.deepEqual(
      s.clearanceWarnings.map((w) => w.code),
      ['MISSING', 'REQUEST_DUE'],
    );
    assert.equal(s.clearanceWarnings[0]!.requestBy, '2025-12-29T00:00:00Z');
    const cfile = join(dir, 'clearances.json');
    writeFileSync(
      cfile,
      JSON.stringify([
        {
          id: 'c1',
          country: 'JP',
          kind: 'landing',
          from: 'RKNW',
          to: 'ROAH',
          status: 'approved',
          requested: '2025-12-01T00:00:00Z',
          reference: 'MOFA-2026-0117',
          validFrom: '2026-01-27T00:00:00Z',
          validTo: '2026-01-31T00:00:00Z',
        },
      ]),
    );
    o = io();
    assert.equal(await run([...args, '--clearances', cfile], o.io), 0);
    assert.match(o.out(), /all legs cleared/);
    writeFileSync(cfile, '[{"id":"c1","country":"JP","kind":"landing","from":"RKNW","to":"ROAH","status":"maybe"}]');
    o = io();
    assert.equal(await run([...args, '--clearances', cfile], o.io), 2);
    assert.match(o.err(), /clearances\[0\]\.status/);
    writeFileSync(cfile, '[{"id":');
    o = io();
    assert.equal(await run([...args, '--clearances', cfile], o.io), 2);
    assert.match(o.err(), /not valid JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad input: usage errors and unknown names exit 2 with the flag named', async () => {
  let o = io();
  assert.equal(await run(['plan', '--type', 'F-35', '--from', 'RKNW', '--to', 'ROAH'], o.io), 2);
  assert.match(o.err(), /NOT_FOUND \(--type\)/);
  o = io();
  assert.equal(await run(['plan', '--type', 'T-50B', '--from', 'XXXX', '--to', 'ROAH'], o.io), 2);
  assert.match(o.err(), /\(--from\)/);
  o = io();
  assert.equal(await run(['plan', '--type', 'T-50B', '--from', 'RKNW'], o.io), 2);
  assert.match(o.err(), /required/);
  o = io();
  assert.equal(await run(['plan', '--type', 'T-50B', '--from', 'RKNW', '--to', 'ROAH', '--wind', 'west'], o.io), 2);
  o = io();
  assert.equal(await run(['plan', '--bogus'], o.io), 2);
  o = io();
  assert.equal(await run(['types'], o.io), 0);
  assert.match(o.out(), /T-4[\s\S]*two-drop-tanks: 1670 km/);
});
