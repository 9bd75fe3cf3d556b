/**
 * The demo's drills: two finished bilateral drills of one family (auto-played, rated by evaluators of both nations)
 * with a report, a replay and a trend, the second carrying and closing the first's corrective actions; one drill in
 * setup. Seeding time is printed (kept under ~10 s on the development machine by shortened drills).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase } from '../testing/test-app.ts';
import { seedDemo } from './demo-data.ts';
import { drillContext } from '../drills/drill-autoplay.ts';
import { drillReport, listDrills, replayOf, trends } from '../drills/drill-service.ts';

const database = await openTestDatabase('sqlite');
after(async () => {
  await database.close();
});

test('the demo seeds finished drills with reports, replay and a trend, and one in setup', async () => {
  const t0 = performance.now();
  await seedDemo(database);
  process.stdout.write(`# whole demo seeded in ${(performance.now() - t0).toFixed(0)} ms\n`);
  const user = await database.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'jp.viewer')
    .executeTakeFirstOrThrow();
  const viewer = drillContext(database, {
    userId: user.id,
    username: user.username,
    nation: 'JP',
    organisationId: user.organisation_id,
    roles: ['viewer'],
  });
  const { items } = await listDrills(viewer, { limit: 50, offset: 0 });
  const finished = items.filter((d) => d.status === 'finished');
  assert.equal(finished.length, 2);
  assert.equal(items.filter((d) => d.status === 'setup').length, 1);
  assert.ok(items.every((d) => d.releasability === 'bilateral'));
  const older = finished.find((d) => d.startUtc.startsWith('2026-05'));
  const newer = finished.find((d) => d.startUtc.startsWith('2026-09'));
  assert.ok(older !== undefined && newer !== undefined);
  for (const d of finished) {
    const r = await drillReport(viewer, d.id, 'ko');
    assert.ok(r.summary.plansMade >= 1, 'auto-played plans');
    assert.ok(r.summary.posAchieved > 0);
    assert.ok(r.evaluations.length >= 2, 'rated by evaluators of both nations');
    assert.ok(new Set(r.evaluations.map((e) => e.evaluator.slice(-3))).size === 2);
    assert.ok(r.report.findings.some((f) => !f.suggested));
    const replay = await replayOf(viewer, d.id, 600);
    assert.equal(replay.frames.at(-1)?.atS, d.durationS);
  }
  const second = await drillReport(viewer, newer.id, 'en');
  assert.equal(second.previousDrillId, older.id);
  const carried = second.report.improvementPlan.actions.filter((a) => a.raisedIn === older.id);
  assert.ok(carried.length > 0, 'open actions of the first drill carried into the second');
  assert.ok(
    carried.some((a) => a.status === 'closed' && a.closedIn === newer.id),
    'one closed in the second',
  );
  const tr = (await trends(viewer)) as { families: { family: string; points: unknown[] }[] };
  const fam = tr.families.find((f) => f.family === 'fishing-vessel');
  assert.equal(fam?.points.length, 2);
  // Seeding again is a no-op.
  assert.equal((await seedDemo(database)).seeded, false);
});
