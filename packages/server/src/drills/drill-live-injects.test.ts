/**
 * Live injects of every kind through the API (docs/domain/drills-api.md, "Injects"): a controller's live unit
 * breakdown and weather change reach the player view (the unit's status, the reported weather), are stored in the
 * action log and replay to the same player view from scratch as from the server's cached session; bad live injects
 * get 4xx errors naming the field and store nothing.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { playerView } from '@tandem/core';
import type { PlayerView } from '@tandem/core';
import { createTestApp } from '../testing/test-app.ts';
import { DIALECTS } from '../testing/dialects.ts';
import type { TestApp } from '../testing/test-app.ts';
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import { drillLandMask } from './drill-land.ts';
import { drillBodyOf, drillSpecOf } from './drill-record.ts';
import { listActions } from './drill-actions.ts';
import { rebuildSession } from './drill-sessions.ts';

type Session = { cookie: string; csrf: string };
const TEXT = { en: 'Live inject', ko: '실시간 상황 부여', ja: 'リアルタイム状況付与' };
/** Gale and fog, SI units as the API takes them. */
const STORM = { windSpeedMps: 18, windFromDeg: 300, visibilityM: 900, seaHeightM: 3.5 };

for (const dialect of DIALECTS)
  describe(`live injects of every kind on ${dialect}`, () => {
    let t: TestApp;
    const who: Record<string, Session> = {};

    async function call(user: string, method: string, url: string, payload?: unknown) {
      const s = who[user];
      if (s === undefined) throw new Error(`no session ${user}`);
      const res = await t.tandem.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.body, json: () => JSON.parse(res.body) as unknown };
    }
    async function ok<T>(user: string, method: string, url: string, payload?: unknown, status = 200): Promise<T> {
      const r = await call(user, method, url, payload);
      assert.equal(r.status, status, `${method} ${url}: ${r.body.slice(0, 300)}`);
      return r.json() as T;
    }
    async function bad(url: string, payload: unknown): Promise<{ code: string; message: string; field?: string }> {
      const r = await call('kr-exercise_controller', 'POST', url, payload);
      assert.equal(r.status, 400, `POST ${url} ${JSON.stringify(payload)}: ${r.body}`);
      return (r.json() as { error: { code: string; message: string; field?: string } }).error;
    }

    before(async () => {
      t = await createTestApp(dialect);
      for (const u of ['kr-exercise_controller', 'kr-sar_planner']) who[u] = await t.login(u);
    });
    after(async () => {
      await t.close();
    });

    it('a live breakdown and weather change reach the players and survive a rebuild from the stored actions', async () => {
      const created = await ok<{ id: string; units: { id: string }[] }>(
        'kr-exercise_controller',
        'POST',
        '/api/drills',
        {
          title: 'Diver, live injects',
          releasability: 'national',
          template: 'missing-diver',
          seed: 4,
          durationS: 2 * 3600,
          planningParticles: 100,
        },
        201,
      );
      const base = `/api/drills/${created.id}`;
      const unitId = created.units[0]?.id as string;
      await ok('kr-exercise_controller', 'POST', `${base}/start`, { clockFactor: 1 });
      await ok('kr-exercise_controller', 'POST', `${base}/pause`);
      await ok('kr-exercise_controller', 'POST', `${base}/advance`, { toS: 600 });
      const before = await ok<PlayerView>('kr-sar_planner', 'GET', `${base}/player`);
      assert.notEqual(before.units.find((u) => u.id === unitId)?.status, 'broken');
      assert.notEqual(before.environment.visibilityM, STORM.visibilityM);

      // Bad live injects: 400 naming the field, nothing stored.
      const n0 = (await listActions(t.database.db, created.id)).length;
      const e1 = await bad(`${base}/injects`, { text: TEXT, kind: 'unit-breakdown', unitId: 'no-such-unit' });
      assert.equal(e1.field, 'unitId');
      assert.match(e1.message, new RegExp(unitId));
      assert.equal((await bad(`${base}/injects`, { text: TEXT, kind: 'unit-breakdown' })).field, 'unitId');
      assert.equal((await bad(`${base}/injects`, { text: TEXT, kind: 'weather-change' })).field, 'weather');
      assert.equal((await bad(`${base}/injects`, { text: TEXT, unitId })).field, 'unitId');
      const e5 = await bad(`${base}/injects`, {
        text: TEXT,
        kind: 'weather-change',
        weather: { ...STORM, visibilityM: -5 },
      });
      assert.match(e5.field ?? '', /weather/);
      await bad(`${base}/injects`, { text: TEXT, kind: 'tsunami' });
      assert.equal((await listActions(t.database.db, created.id)).length, n0);

      const bd = await ok<{ id: string; atS: number }>(
        'kr-exercise_controller',
        'POST',
        `${base}/injects`,
        { text: TEXT, kind: 'unit-breakdown', unitId },
        201,
      );
      assert.equal(bd.atS, 600);
      await ok('kr-exercise_controller', 'POST', `${base}/advance`, { toS: 900 });
      const wx = await ok<{ id: string; atS: number }>(
        'kr-exercise_controller',
        'POST',
        `${base}/injects`,
        { text: TEXT, kind: 'weather-change', weather: STORM },
        201,
      );
      assert.equal(wx.atS, 900);
      await ok('kr-exercise_controller', 'POST', `${base}/advance`, { toS: 1200 });

      const cached = await ok<PlayerView>('kr-sar_planner', 'GET', `${base}/player`);
      assert.ok(
        ['broken', 'returning'].includes(cached.units.find((u) => u.id === unitId)?.status ?? ''),
        JSON.stringify(cached.units),
      );
      const { label: _label, waterTempC: _w, night: _n, ...reported } = cached.environment;
      assert.deepEqual(reported, STORM);
      const kinds = new Map(cached.injects.map((i) => [i.id, i]));
      assert.equal(kinds.get(bd.id)?.kind, 'unit-breakdown');
      assert.equal(kinds.get(bd.id)?.unitId, unitId);
      assert.equal(kinds.get(wx.id)?.kind, 'weather-change');
      assert.deepEqual(kinds.get(wx.id)?.weather, STORM);
      // A player cannot task the broken unit.
      const refused = await call('kr-sar_planner', 'POST', `${base}/actions`, {
        actions: [{ kind: 'assign', unitId, waypoints: [[129.5, 34.5]] }],
      });
      assert.equal(refused.status, 409, refused.body);

      // The stored actions carry the kind and effect and replay to the same view from scratch.
      const actions = await listActions(t.database.db, created.id);
      const stored = actions.filter((a) => a.kind === 'live-inject').map((a) => a.body);
      assert.deepEqual(stored, [
        { kind: 'live-inject', id: bd.id, text: TEXT, injectKind: 'unit-breakdown', unitId },
        { kind: 'live-inject', id: wx.id, text: TEXT, injectKind: 'weather-change', weather: STORM },
      ]);
      const rec = await new SarRecordRepository(t.database.db, t.database.dialect, t.actor('KR', 'administrator')).get(
        'drill',
        created.id,
      );
      const land = await drillLandMask();
      const spec = drillSpecOf(created.id, drillBodyOf(rec), land);
      const fresh = playerView(rebuildSession(spec, land, actions, 1200).session);
      assert.deepEqual(JSON.parse(JSON.stringify(fresh)), cached);
    });
  });
