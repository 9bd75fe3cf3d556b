import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { run } from './drill.ts';
import type { CommandIo } from '../main.ts';

function capture(): { io: CommandIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        append(String(chunk));
        cb();
      },
    });
  return { io: { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) }, out: () => out, err: () => err };
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-drill-'));

test('tandem drill templates lists the library (text and JSON)', async () => {
  const c = capture();
  assert.equal(await run(['templates'], c.io), 0);
  assert.ok(
    c
      .out()
      .split('\n')
      .filter((l) => l.length > 0).length >= 11,
  );
  assert.match(c.out(), /ferry-fire-mass-rescue/);
  const j = capture();
  assert.equal(await run(['templates', '--json'], j.io), 0);
  const list = JSON.parse(j.out()) as { id: string; name: { ko: string } }[];
  assert.ok(list.length >= 10 && list.every((t) => t.name.ko.length > 0));
});

test('tandem drill run --template --auto writes the summary, and the same seed repeats it exactly', async () => {
  const files = [join(dir, 'a.json'), join(dir, 'b.json')];
  for (const f of files) {
    const c = capture();
    const code = await run(
      ['run', '--template', 'missing-diver', '--seed', '11', '--auto', '--land', 'none', '--summary', f, '--quiet'],
      c.io,
    );
    assert.equal(code, 0, c.err());
  }
  const a = readFileSync(files[0] as string, 'utf8');
  assert.equal(a, readFileSync(files[1] as string, 'utf8'));
  const s = JSON.parse(a) as Record<string, unknown>;
  for (const k of [
    'detected',
    'timeToFirstDetectionS',
    'posAchieved',
    'containment',
    'survivorsRecovered',
    'survivorsTotal',
  ])
    assert.ok(k in s, k);
  assert.equal(typeof s['detected'], 'boolean');
  const cont = s['containment'] as { atS: number; fraction: number }[];
  assert.ok(cont.length > 1 && cont.every((c) => c.fraction >= 0 && c.fraction <= 1 && Number.isFinite(c.atS)));
  assert.ok((s['posAchieved'] as number) > 0, 'the auto player searched');
});

test('a drill document with a recorded truth and recorded tasking gives the closed-form detection time', async () => {
  // The ship starts at the CSP, runs one leg north at 12 kt; the truth sits 200 m east of the leg, 5 km along it.
  const lon = 130.0;
  const lat = 36.5;
  const dLat = 5000 / 111000;
  const doc = {
    template: 'person-overboard',
    seed: 4,
    position: [lon, lat],
    sensor: 'definite-range',
    durationS: 7200,
    stepS: 10,
    units: [{ id: 'ship', type: 'kr-kcg-3000t', base: [lon, lat], noticeS: 0, sweepWidthM: 1000 }],
    truthTracks: [
      {
        objectId: 'piw',
        points: [{ atS: -3600, lon: lon + 200 / (111320 * Math.cos((lat * Math.PI) / 180)), lat: lat + dLat }],
      },
    ],
    actions: [
      {
        atS: 0,
        kind: 'assign',
        unitId: 'ship',
        waypoints: [
          [lon, lat],
          [lon, lat + 2 * dLat],
        ],
      },
    ],
  };
  const file = join(dir, 'drill.json');
  writeFileSync(file, JSON.stringify(doc));
  const out = join(dir, 'full.json');
  const sum = join(dir, 'sum.json');
  const c = capture();
  assert.equal(
    await run(['run', file, '--land', 'none', '--summary', sum, '--out', out, '--lang', 'ja'], c.io),
    0,
    c.err(),
  );
  const s = JSON.parse(readFileSync(sum, 'utf8')) as { timeToFirstDetectionS: number; survivorsTotal: number };
  // Metres per degree of latitude at 36.5°N on WGS 84 is ~110,960 m, so 5000/111000° is ~4998 m.
  const alongM = (5000 / 111000) * 110960;
  const expected = alongM / (12 * (1852 / 3600));
  assert.ok(Math.abs(s.timeToFirstDetectionS - expected) < 5, `${s.timeToFirstDetectionS} vs ${expected}`);
  assert.equal(s.survivorsTotal, 1);
  const full = JSON.parse(readFileSync(out, 'utf8')) as { afterAction: { findings: unknown[] }; timeline: unknown[] };
  assert.ok(full.afterAction.findings.length > 0 && full.timeline.length > 0);
  assert.match(c.out(), /発見/);
});

test('usage errors exit 2, bad documents exit 1 naming the field, and no summary is left behind', async () => {
  const c1 = capture();
  assert.equal(await run(['run'], c1.io), 2);
  const c2 = capture();
  assert.equal(await run(['run', '--template', 'missing-diver', '--seed', 'x'], c2.io), 2);
  const c3 = capture();
  assert.equal(await run(['fly'], c3.io), 2);
  const bad = join(dir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({ template: 'missing-diver', evaluations: [{ objectiveId: 'obj-detect', rating: 'Z' }] }),
  );
  const sum = join(dir, 'never.json');
  const c4 = capture();
  assert.equal(await run(['run', bad, '--land', 'none', '--summary', sum], c4.io), 1);
  assert.match(c4.err(), /evaluations\[0\]\.rating/);
  assert.equal(existsSync(sum), false);
  const c5 = capture();
  assert.equal(await run(['run', '--template', 'no-such', '--land', 'none'], c5.io), 1);
  assert.match(c5.err(), /template/);
});

test('with the Natural Earth coast every template puts its casualty and its truth on water', async () => {
  const { naturalEarthLandMask } = await import('@tandem/formats');
  const { DRILL_TEMPLATES, createDrillSpec, drawTruth, offsetByMeters } = await import('@tandem/core');
  const land = await naturalEarthLandMask();
  for (const t of DRILL_TEMPLATES) {
    for (const seed of [1, 2, 3]) {
      const spec = createDrillSpec(t, { seed, startTimeS: Date.parse('2026-06-01T00:00:00Z') / 1000, land });
      const [lon, lat] = spec.reportedPosition;
      assert.equal(land.isLand(lon, lat), false, `${t.id} seed ${seed}: reported position on land`);
      for (let q = 0; q < 8; q++) {
        const a = (q * Math.PI) / 4;
        const p = offsetByMeters(spec.reportedPosition, 1900 * Math.sin(a), 1900 * Math.cos(a));
        assert.equal(land.isLand(p[0], p[1]), false, `${t.id} seed ${seed}: within 2 km of land`);
      }
      if (seed === 1) {
        const truth = drawTruth({ ...spec, planningParticles: 10 }, land);
        assert.equal(
          land.isLand(truth.casualtyPosition[0], truth.casualtyPosition[1]),
          false,
          `${t.id}: truth on land`,
        );
      }
    }
  }
});
