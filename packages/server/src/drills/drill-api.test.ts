/**
 * Drills through the API (docs/domain/drills-api.md): a drill set up by a controller, played by a planner who
 * accepts the optimiser's proposals, rated by an evaluator, finished and reported; the truth stays out of every
 * response a player, observer or viewer can get until the drill is finished; the stored actions replay to the same
 * summary as the played session and as `runDrill` of the same document; bad input gets clear 4xx errors.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runDrill } from '@tandem/core';
import type { DrillSummary } from '@tandem/core';
import { createTestApp } from '../testing/test-app.ts';
import { DIALECTS } from '../testing/dialects.ts';
import type { TestApp } from '../testing/test-app.ts';
import { drillLandMask } from './drill-land.ts';
import { drillBodyOf, drillSpecOf } from './drill-record.ts';
import { listActions } from './drill-actions.ts';
import { coreActions, rebuildSession, sessionCacheStats } from './drill-sessions.ts';
import { SarRecordRepository } from '../records/sar-record-repository.ts';

type Session = { cookie: string; csrf: string };

interface Res {
  status: number;
  body: string;
  json: () => unknown;
}

const TRUTH_SEED = 987654321;

for (const dialect of DIALECTS)
  describe(`drills through the API on ${dialect}`, () => {
    let t: TestApp;
    const who: Record<string, Session> = {};
    /** Every response body a non-controller got while the drill was not finished. */
    const playerBodies: string[] = [];

    async function call(user: string, method: string, url: string, payload?: unknown): Promise<Res> {
      const s = who[user];
      if (s === undefined) throw new Error(`no session ${user}`);
      const res = await t.tandem.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      if (/planner|observer|viewer/.test(user)) playerBodies.push(res.body);
      return { status: res.statusCode, body: res.body, json: () => JSON.parse(res.body) as unknown };
    }

    async function ok<T>(user: string, method: string, url: string, payload?: unknown, status = 200): Promise<T> {
      const r = await call(user, method, url, payload);
      assert.equal(r.status, status, `${method} ${url}: ${r.body.slice(0, 300)}`);
      return r.json() as T;
    }

    before(async () => {
      t = await createTestApp(dialect);
      for (const u of [
        'kr-exercise_controller',
        'jp-exercise_controller',
        'kr-sar_planner',
        'jp-sar_planner',
        'kr-evaluator',
        'kr-observer',
        'jp-viewer',
      ])
        who[u] = await t.login(u);
    });
    after(async () => {
      await t.close();
    });

    let drillId = '';
    let played: DrillSummary | undefined;
    /** `playerBodies` index of the first response after the finish. */
    let finishedAt = -1;

    it('a controller sets up a drill; a planner plays it with the optimiser’s proposals; an evaluator rates it', async () => {
      const lib = await ok<{ templates: { id: string; srrNations: string[] }[]; unitTypes: unknown[] }>(
        'kr-sar_planner',
        'GET',
        '/api/drill-templates',
      );
      assert.ok(lib.templates.length >= 10);
      assert.ok(lib.unitTypes.length > 0);
      const created = await ok<{ id: string; status: string; simS: number; units: { id: string }[] }>(
        'kr-exercise_controller',
        'POST',
        '/api/drills',
        {
          title: 'Swamped longliner, API play',
          releasability: 'bilateral',
          template: 'fishing-vessel-swamped-japanese',
          seed: 7,
          truthSeed: TRUTH_SEED,
          startUtc: '2026-06-01T00:00:00Z',
          durationS: 6 * 3600,
          planningParticles: 300,
        },
        201,
      );
      drillId = created.id;
      assert.equal(created.status, 'setup');
      const base = `/api/drills/${drillId}`;
      // The partner nation's controller runs the bilateral drill too.
      await ok('jp-exercise_controller', 'POST', `${base}/start`, { clockFactor: 60 });
      await ok('kr-exercise_controller', 'POST', `${base}/pause`);
      let proposals = 0;
      for (let atS = 0; atS <= 6 * 3600; atS += 1800) {
        if (atS > 0) await ok('kr-exercise_controller', 'POST', `${base}/advance`, { toS: atS });
        const view = await ok<{ atS: number; injects: { atS: number }[] }>('kr-sar_planner', 'GET', `${base}/player`);
        assert.equal(view.atS, atS);
        if (atS === 3 * 3600) {
          // Mid-drill, every read route a planner, observer or viewer may call (and the refused ones).
          for (const u of ['kr-sar_planner', 'kr-observer', 'jp-viewer']) {
            for (const url of [
              '/api/drills',
              '/api/drill-templates',
              '/api/drill-trends',
              base,
              `${base}/player`,
              `${base}/control`,
              `${base}/report?lang=ko`,
              `${base}/report.html?lang=ja`,
              `${base}/report.pdf?lang=en`,
              `${base}/replay`,
            ])
              await call(u, 'GET', url);
          }
          const probes = playerBodies.slice(-30);
          assert.equal(probes.filter((b) => b.includes('"FORBIDDEN"')).length, 3, 'control refused');
          assert.equal(probes.filter((b) => b.includes('"CONFLICT"')).length, 12, 'report and replay wait');
        }
        const fresh = view.injects.some((i) => i.atS > atS - 1800) || atS % 7200 === 0;
        if (!fresh || atS === 6 * 3600) continue;
        const p = await ok<{ actions: { kind: string }[]; atS: number }>('kr-sar_planner', 'POST', `${base}/proposal`);
        assert.equal(p.atS, atS);
        if (p.actions.length === 0) continue;
        // Nothing is recorded until the player accepts it.
        const before = await ok<{ actionCount: number }>('kr-sar_planner', 'GET', base);
        const accepted = await ok<{ actions: { seq: number; atS: number }[] }>(
          'kr-sar_planner',
          'POST',
          `${base}/actions`,
          { actions: p.actions },
          201,
        );
        assert.equal(accepted.actions[0]?.seq, before.actionCount + 1);
        assert.ok(accepted.actions.every((a) => a.atS === atS));
        proposals++;
      }
      assert.ok(proposals >= 2, `accepted ${proposals} proposals`);
      await ok(
        'jp-sar_planner',
        'POST',
        `${base}/actions`,
        { actions: [{ kind: 'message', to: 'KCG RCC', text: '了解' }] },
        201,
      );
      const control = await ok<{ drill: { objectives: { id: string }[] } }>('kr-evaluator', 'GET', `${base}/control`);
      const objective = control.drill.objectives[0]?.id ?? '';
      await ok(
        'kr-evaluator',
        'POST',
        `${base}/evaluations`,
        {
          objectiveId: objective,
          rating: 'S',
          observations: [{ kind: 'strength', text: 'Re-planned on every sighting' }],
        },
        201,
      );
      const fin = await ok<{ status: string; simS: number }>('kr-exercise_controller', 'POST', `${base}/finish`);
      assert.equal(fin.status, 'finished');
      assert.equal(fin.simS, 6 * 3600);
      finishedAt = playerBodies.length;
      const rep = await ok<{
        summary: DrillSummary;
        report: { findings: { objectiveId: string; rating: string; suggested: boolean }[] };
        map: { features: { properties: { layer: string } }[] };
      }>('jp-viewer', 'GET', `${base}/report?lang=ja`);
      played = rep.summary;
      const s = rep.summary;
      assert.equal(typeof s.detected, 'boolean');
      assert.ok(s.detected, 'the optimiser’s plans find the swamped longliner');
      assert.ok(typeof s.timeToFirstDetectionS === 'number' && s.timeToFirstDetectionS > 0);
      assert.ok(s.posAchieved > 0 && s.posAchieved <= 1);
      assert.ok(s.containment.length > 0 && s.containment.every((c) => c.fraction >= 0 && c.fraction <= 1));
      assert.ok(s.survivorsTotal > 0 && s.survivorsRecovered >= 0 && s.survivorsRecovered <= s.survivorsTotal);
      assert.ok(s.messagesSent >= 3 && s.plansMade >= 2);
      const f = rep.report.findings.find((x) => x.objectiveId === objective);
      assert.equal(f?.rating, 'S');
      assert.equal(f?.suggested, false);
      const layers = new Set(rep.map.features.map((x) => x.properties.layer));
      for (const l of ['area', 'unit-track', 'truth-track', 'datum']) assert.ok(layers.has(l), `map layer ${l}`);
    });

    it('keeps the truth out of every response a player, observer or viewer gets before the finish', async () => {
      assert.ok(drillId !== '');
      const rec = await new SarRecordRepository(t.database.db, t.database.dialect, t.actor('KR', 'administrator')).get(
        'drill',
        drillId,
      );
      const land = await drillLandMask();
      const spec = drillSpecOf(drillId, drillBodyOf(rec), land);
      const o = rebuildSession(spec, land, await listActions(t.database.db, drillId), 0);
      const truth = o.session.truth;
      // Planners, observers and viewers are refused the control view.
      for (const u of ['kr-sar_planner', 'kr-observer', 'jp-viewer']) {
        const r = await call(u, 'GET', `/api/drills/${drillId}/control`);
        assert.equal(r.status, 403);
      }
      // Bodies gathered before the finish, and the 403 answers just now.
      const before = [...playerBodies.slice(0, finishedAt), ...playerBodies.slice(-3)].join('\n');
      assert.ok(before.length > 10_000);
      {
        const k = before.indexOf(String(TRUTH_SEED));
        assert.ok(k < 0, `truth seed leaked: ${before.slice(k - 300, k + 50)}`);
      }
      for (const key of ['"truth"', '"truthSeed"', '"casualtyPosition"', '"track"', '"pending"', '"held"'])
        assert.ok(
          !before.includes(key),
          `key ${key} leaked: ${before.slice(before.indexOf(key) - 300, before.indexOf(key) + 100)}`,
        );
      const nums = new Set(before.match(/-?\d+\.\d+(e-?\d+)?/g) ?? []);
      for (const v of truth.casualtyPosition) assert.ok(!nums.has(String(v)), 'true casualty position leaked');
      let checked = 0;
      for (const obj of truth.objects) {
        for (let k = 0; k < obj.track.atS.length; k++) {
          const x = obj.track.xM[k] as number;
          if (!Number.isFinite(x)) continue;
          const [lon, lat] = truth.projection.inverse(x, obj.track.yM[k] as number);
          assert.ok(!(nums.has(String(lon)) && nums.has(String(lat))), `true position of ${obj.object.id} leaked`);
          checked++;
        }
      }
      assert.ok(checked > 50);
      // After the finish the report shows the truth to readers.
      const report = playerBodies[finishedAt] ?? '';
      assert.ok(report.includes('truth-track'));
    });

    it('replays the stored actions to the played summary, fresh or cached, and to runDrill of the same document', async () => {
      assert.ok(played !== undefined);
      const rec = await new SarRecordRepository(t.database.db, t.database.dialect, t.actor('KR', 'administrator')).get(
        'drill',
        drillId,
      );
      const land = await drillLandMask();
      const body = drillBodyOf(rec);
      const spec = drillSpecOf(drillId, body, land);
      const actions = await listActions(t.database.db, drillId);
      const t0 = performance.now();
      const fresh = rebuildSession(spec, land, actions, body.finishedAtS ?? 0).session.summary();
      const rebuildMs = performance.now() - t0;
      assert.deepEqual(fresh, played);
      assert.deepEqual(body.summary, played);
      const run = runDrill(spec, { land, auto: false, actions: coreActions(actions) });
      assert.deepEqual(run.summary, played);
      assert.ok(sessionCacheStats.hits > 0, 'reads advanced the cached session');
      process.stdout.write(
        `# session rebuild of the finished drill: ${rebuildMs.toFixed(0)} ms (${actions.length} actions)\n`,
      );
      // The replay ends where the drill ended and its detections match the summary.
      const replay = await ok<{ frames: { atS: number; detections: number }[]; detections: unknown[] }>(
        'kr-observer',
        'GET',
        `/api/drills/${drillId}/replay?stepS=600`,
      );
      assert.equal(replay.frames.at(-1)?.atS, 6 * 3600);
      assert.equal(replay.frames.length, 37);
      assert.equal(replay.detections.length > 0, played.detected);
    });

    it('answers bad input with clear 4xx errors', async () => {
      const err = async (user: string, method: string, url: string, payload: unknown, status: number, code: string) => {
        const r = await call(user, method, url, payload);
        assert.equal(r.status, status, `${method} ${url}: ${r.body}`);
        const e = (r.json() as { error: { code: string; message: string; field?: string } }).error;
        assert.equal(e.code, code, r.body);
        assert.ok(e.message.length > 10);
        return e;
      };
      const e1 = await err(
        'kr-exercise_controller',
        'POST',
        '/api/drills',
        { title: 'x', releasability: 'bilateral', template: 'submarine-rescue' },
        400,
        'INVALID_INPUT',
      );
      assert.equal(e1.field, 'template');
      assert.match(e1.message, /person-overboard/);
      const e2 = await err(
        'kr-exercise_controller',
        'POST',
        '/api/drills',
        { title: 'x', releasability: 'bilateral', template: 'missing-diver', objectives: ['obj-swim'] },
        400,
        'INVALID_INPUT',
      );
      assert.equal(e2.field, 'objectives[0]');
      for (const [units, field] of [
        [[{ type: 'kr-kcg-3000t' }, { type: 'jp-jcg-submarine' }], 'units[1].type'],
        [[{ type: 'kr-kcg-3000t', base: 'kr-atlantis' }], 'units[0].base'],
      ] as const) {
        const e = await err(
          'kr-exercise_controller',
          'POST',
          '/api/drills',
          { title: 'x', releasability: 'bilateral', template: 'missing-diver', units },
          400,
          'INVALID_INPUT',
        );
        assert.equal(e.field, field);
      }
      const base = `/api/drills/${drillId}`;
      const e3 = await err(
        'kr-sar_planner',
        'POST',
        `${base}/actions`,
        { actions: [{ kind: 'message', to: 'x', text: 'late' }] },
        409,
        'CONFLICT',
      );
      assert.match(e3.message, /finished/);
      await err('kr-exercise_controller', 'POST', `${base}/start`, { clockFactor: 5 }, 409, 'CONFLICT');
      // A second drill, running: unknown inject, unknown unit, time going backwards, report too early.
      const d2 = await ok<{ id: string }>(
        'kr-exercise_controller',
        'POST',
        '/api/drills',
        {
          title: 'Diver',
          releasability: 'national',
          template: 'missing-diver',
          seed: 3,
          durationS: 3600,
          planningParticles: 100,
        },
        201,
      );
      const b2 = `/api/drills/${d2.id}`;
      await err(
        'kr-exercise_controller',
        'POST',
        `${b2}/injects/release`,
        { injectId: 'contingency-info' },
        409,
        'CONFLICT',
      );
      await ok('kr-exercise_controller', 'POST', `${b2}/start`, { clockFactor: 1 });
      const e4 = await err(
        'kr-exercise_controller',
        'POST',
        `${b2}/injects/release`,
        { injectId: 'no-such-inject' },
        404,
        'NOT_FOUND',
      );
      assert.equal(e4.field, 'injectId');
      await ok('kr-exercise_controller', 'POST', `${b2}/advance`, { toS: 900 });
      const rel = await ok<{ id: string; atS: number }>('kr-exercise_controller', 'POST', `${b2}/injects/release`, {
        injectId: 'contingency-info',
      });
      assert.equal(rel.atS, 900);
      await err(
        'kr-exercise_controller',
        'POST',
        `${b2}/injects/release`,
        { injectId: 'contingency-info' },
        409,
        'CONFLICT',
      );
      const e5 = await err(
        'kr-sar_planner',
        'POST',
        `${b2}/actions`,
        { actions: [{ kind: 'assign', unitId: 'no-such-unit', waypoints: [[129.5, 34.5]] }] },
        400,
        'INVALID_INPUT',
      );
      assert.equal(e5.field, 'actions[0].unitId');
      const e6 = await err('kr-exercise_controller', 'POST', `${b2}/advance`, { toS: 300 }, 400, 'OUT_OF_RANGE');
      assert.equal(e6.field, 'toS');
      await err('kr-observer', 'GET', `${b2}/report`, undefined, 409, 'CONFLICT');
      await err(
        'kr-evaluator',
        'POST',
        `${b2}/evaluations`,
        { objectiveId: 'obj-swim', rating: 'P', observations: [] },
        400,
        'INVALID_INPUT',
      );
      // The partner nation does not see a national drill; it may not delete a bilateral one.
      await err('jp-sar_planner', 'GET', b2, undefined, 404, 'NOT_FOUND');
      await err('jp-exercise_controller', 'DELETE', base, undefined, 403, 'FORBIDDEN');
      // The released inject reached the players.
      const view = await ok<{ injects: { id: string }[] }>('kr-sar_planner', 'GET', `${b2}/player`);
      assert.ok(view.injects.some((i) => i.id === 'contingency-info'));
      // The owner deletes a drill with its action log, audited.
      assert.ok((await listActions(t.database.db, d2.id)).length > 0);
      assert.equal((await call('kr-exercise_controller', 'DELETE', b2)).status, 204);
      await err('kr-observer', 'GET', b2, undefined, 404, 'NOT_FOUND');
      assert.equal((await listActions(t.database.db, d2.id)).length, 0);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('entity_id', '=', d2.id)
        .execute();
      assert.ok(audit.some((a) => a.action === 'drill.delete'));
    });
  });
