/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are read as loose JSON in this test */
/**
 * Exchange routes end to end through the HTTP layer, on SQLite and PostgreSQL: the ferry figures of issue 8, the
 * clearance warnings going away as clearances are approved, the partner-confirm rule of the event life cycle,
 * postponement links, audit, and the ICS export parsed back.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { icsProperty, parseIcs, unescapeIcsText } from '@tandem/formats';
import { fileURLToPath } from 'node:url';
import { geodesicPath } from '@tandem/core';
import { openGriddedSource } from '@tandem/formats';
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import { DIALECTS } from '../testing/dialects.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

type Session = { cookie: string; csrf: string };

const AROME = fileURLToPath(
  new URL('../../../../data/forcing/AROME_MetCoOp_00_DEF_20160114_subset.nc', import.meta.url),
);

for (const dialect of DIALECTS) {
  describe(`exchange routes on ${dialect}`, () => {
    let t: TestApp;
    let kr: Session;
    let jp: Session;
    let krViewer: Session;
    before(async () => {
      t = await createTestApp(dialect);
      kr = await t.login('kr-exchange_officer');
      jp = await t.login('jp-exchange_officer');
      krViewer = await t.login('kr-viewer');
    });
    after(async () => {
      await t?.close();
    });

    const call = async (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
      const res = await t.tandem.app.inject({
        method,
        url,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        ...(payload === undefined ? {} : { payload }),
      });
      return { status: res.statusCode, json: () => res.json() as Record<string, any>, res };
    };

    it('plans RKNW → ROAH as one 1,247 km leg and finds stops for a T-4 from RJST', async () => {
      const r = await call(kr, 'POST', '/api/ferry/plan', { type: 'T-50B', from: 'RKNW', to: 'ROAH' });
      assert.equal(r.status, 200, r.res.body);
      const plan = r.json()['plan'];
      assert.equal(plan.legs.length, 1);
      // Issue 8: 1,247 km on the WGS 84 geodesic between the two reference points, within 0.5 km.
      assert.ok(Math.abs(plan.legs[0].distanceKm - 1247) < 0.5, `${plan.legs[0].distanceKm} km`);
      assert.equal(plan.feasible, true);
      assert.equal(plan.operator, 'KR');
      assert.ok(plan.map.features.some((f: any) => f.properties.role === 'range-ring'));

      const t4 = (await call(kr, 'POST', '/api/ferry/plan', { type: 'T-4', from: 'RJST', to: 'ROAH' })).json()['plan'];
      assert.equal(t4.direct.feasible, false);
      assert.ok(Math.abs(t4.direct.distanceKm - 1858) < 15, `${t4.direct.distanceKm} km`);
      assert.ok(t4.direct.issues.some((i: any) => i.code === 'RANGE_EXCEEDED'));
      assert.equal(t4.feasible, true);
      assert.ok(t4.legs.length >= 2 && t4.legs.every((l: any) => l.feasible && l.rangeUsedFraction < 1));
      assert.equal(t4.legs[0].from, 'RJST');
      assert.equal(t4.legs.at(-1).to, 'ROAH');

      const bad = await call(kr, 'POST', '/api/ferry/plan', { type: 'T-50B', from: 'RKNW', to: 'ZZZZ' });
      assert.equal(bad.status, 404);
      assert.equal(bad.json()['error'].field, 'to');
    });

    it('flies in the winds of a forcing file (AROME 10 m wind), calm where the file has no data', async () => {
      const owner = new SarRecordRepository(t.database.db, t.database.dialect, t.actor('KR', 'sar_planner'));
      const file = await owner.create('data_file', {
        title: 'AROME MetCoOp 2016-01-14',
        releasability: 'bilateral',
        body: { path: AROME, fields: { wind: {} } },
      });
      const files = (await call(kr, 'GET', '/api/ferry/wind-files')).json()['items'] as { id: string }[];
      assert.ok(
        files.some((f) => f.id === file.id),
        'an exchange officer can pick the wind file',
      );
      // Test airfields inside the file's area (about 0.8-8.6 E, 60.3-64.1 N); runways long enough for a T-50B.
      for (const [icao, lat, lon] of [
        ['ENFL', 61.5836, 5.0247],
        ['ENAL', 62.5625, 6.1197],
        ['ENKB', 63.1118, 7.8245],
      ] as const) {
        const r = await call(kr, 'POST', '/api/airfields', {
          icao,
          name: { en: `${icao} (test)` },
          lonDeg: lon,
          latDeg: lat,
          longestRunwayM: 2500,
          country: 'NO',
          use: 'civil',
          source: 'test fixture',
          releasability: 'bilateral',
        });
        assert.equal(r.status, 201, r.res.body);
      }
      const base = { type: 'T-50B', from: 'ENFL', to: 'ENKB', stops: ['ENFL', 'ENAL', 'ENKB'] };
      const plan = async (extra: object) => {
        const r = await call(kr, 'POST', '/api/ferry/plan', { ...base, ...extra });
        assert.equal(r.status, 200, r.res.body);
        return r.json()['plan'];
      };
      const departure = '2016-01-14T00:30:00Z';
      const calm = await plan({ departure });
      const windy = await plan({ departure, wind: { kind: 'forcing', dataFileId: file.id } });
      assert.equal(windy.legs.length, 1);
      assert.equal(windy.windSamples.outside, 0);
      assert.ok(windy.windSamples.sampled > 0);
      assert.notEqual(windy.legs[0].timeS, calm.legs[0].timeS);
      // Independent check: the file's wind at the leg's midpoint, read directly, flown as a constant wind, gives
      // nearly the same air time (the field varies along 225 km, hence 3 %).
      const src = await openGriddedSource([AROME], 'wind');
      const out = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
      const mid = geodesicPath([5.0247, 61.5836], [7.8245, 63.1118], 2)[1]!;
      const tMid = Date.parse(departure) / 1000 + calm.legs[0].timeS / 2;
      src.sample(
        'wind',
        { timeS: tMid, lonDeg: Float64Array.of(mid[0]), latDeg: Float64Array.of(mid[1]), start: 0, end: 1 },
        out,
      );
      src.close();
      const e = out.eastMps[0]!;
      const n = out.northMps[0]!;
      assert.ok(Math.hypot(e, n) > 2, 'the file has some wind there');
      const fromDeg = ((Math.atan2(-e, -n) * 180) / Math.PI + 360) % 360;
      const constant = await plan({
        departure,
        wind: { kind: 'constant', fromDeg, speedKt: Math.hypot(e, n) / 0.514444 },
      });
      const rel = Math.abs(windy.legs[0].timeS - constant.legs[0].timeS) / constant.legs[0].timeS;
      assert.ok(rel < 0.03, `forcing ${windy.legs[0].timeS} s vs constant ${constant.legs[0].timeS} s`);
      // A day later the file has no data: calm air, and the plan says so.
      const later = await plan({ departure: '2016-01-15T12:00:00Z', wind: { kind: 'forcing', dataFileId: file.id } });
      assert.equal(later.windSamples.outside, later.windSamples.sampled);
      assert.equal(later.legs[0].timeS, calm.legs[0].timeS);
      const missing = await call(kr, 'POST', '/api/ferry/plan', { ...base, wind: { kind: 'forcing' } });
      assert.equal(missing.status, 400);
      assert.equal(missing.json()['error'].field, 'wind.dataFileId');
    });

    it('warns about legs without an approved clearance until one is approved', async () => {
      const saved = await call(kr, 'POST', '/api/ferry-plans', {
        title: 'Black Eagles to Naha',
        releasability: 'bilateral',
        request: {
          type: 'T-50B',
          from: 'RKNW',
          to: 'ROAH',
          departure: '2030-01-28T00:00:00Z',
          aircraft: 9,
          perGroup: 5,
        },
      });
      assert.equal(saved.status, 201, saved.res.body);
      const id = saved.json()['id'] as string;
      let view = (await call(jp, 'GET', `/api/ferry-plans/${id}`)).json();
      assert.deepEqual(
        view['needed'].map((n: any) => [n.legIndex, n.country, n.kind]),
        [[0, 'JP', 'landing']],
      );
      assert.deepEqual(
        view['warnings'].map((w: any) => w.code),
        ['MISSING'],
      );
      assert.equal(new Set(view['plan'].schedule.map((s: any) => s.group)).size, 2, 'nine aircraft in two groups');

      const requested = await call(kr, 'POST', `/api/ferry-plans/${id}/clearances`, {
        legIndex: 0,
        country: 'JP',
        kind: 'landing',
        status: 'requested',
        requested: '2029-11-01T00:00:00Z',
      });
      assert.equal(requested.status, 201, requested.res.body);
      view = (await call(kr, 'GET', `/api/ferry-plans/${id}`)).json();
      assert.deepEqual(
        view['warnings'].map((w: any) => w.code),
        ['NOT_APPROVED'],
      );
      const cid = requested.json()['id'] as string;
      // The partner may not edit KR's clearance record, only record its own.
      assert.equal((await call(jp, 'PATCH', `/api/clearances/${cid}`, { status: 'approved' })).status, 403);
      const approved = await call(kr, 'PATCH', `/api/clearances/${cid}`, {
        status: 'approved',
        approved: '2029-12-15T00:00:00Z',
        reference: 'JP-DC-2030-001',
        validFrom: '2030-01-27T00:00:00Z',
        validTo: '2030-01-29T00:00:00Z',
      });
      assert.equal(approved.status, 200, approved.res.body);
      view = (await call(kr, 'GET', `/api/ferry-plans/${id}`)).json();
      // The second group flies a day later, after the clearance has lapsed.
      assert.deepEqual(
        view['warnings'].map((w: any) => w.code),
        ['NOT_VALID_AT_FLIGHT_TIME'],
      );
      const extended = await call(kr, 'PATCH', `/api/clearances/${cid}`, {
        status: 'approved',
        validTo: '2030-01-31T00:00:00Z',
      });
      assert.equal(extended.status, 200, extended.res.body);
      view = (await call(kr, 'GET', `/api/ferry-plans/${id}`)).json();
      assert.deepEqual(view['warnings'], []);
      assert.equal(view['clearances'][0].reference, 'JP-DC-2030-001');

      // Japan's landing lead time set to 100 days: the request went in 88 days ahead, so it was late.
      assert.equal(
        (
          await call(krViewer, 'POST', '/api/clearance-rules', {
            country: 'JP',
            kind: 'landing',
            leadTimeDays: 100,
            source: 'x',
          })
        ).status,
        403,
      );
      const rule = await call(jp, 'POST', '/api/clearance-rules', {
        country: 'JP',
        kind: 'landing',
        leadTimeDays: 100,
        source: 'AIP Japan GEN 1.2 (test)',
      });
      assert.equal(rule.status, 200, rule.res.body);
      view = (await call(kr, 'GET', `/api/ferry-plans/${id}`)).json();
      assert.deepEqual(
        view['warnings'].map((w: any) => [w.code, w.requestByUtc]),
        [['REQUESTED_LATE', Date.parse('2030-01-28T00:00:00Z') / 1000 - 100 * 86_400]],
      );
      assert.deepEqual(
        view['leadTimeRules'].map((r: any) => [r.country, r.kind, r.leadTimeDays, r.updatedBy]),
        [['JP', 'landing', 100, 'jp-exchange_officer']],
      );
      await call(kr, 'POST', '/api/clearance-rules', {
        country: 'JP',
        kind: 'landing',
        leadTimeDays: 30,
        source: 'back',
      });
      assert.deepEqual((await call(kr, 'GET', `/api/ferry-plans/${id}`)).json()['warnings'], []);
      const ruleAudit = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_nation'])
        .where('entity_id', '=', 'JP/landing')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        ruleAudit.map((a) => `${a.action}/${a.actor_nation}`),
        ['clearance_rule.set/JP', 'clearance_rule.set/KR'],
      );

      const late = await call(jp, 'POST', `/api/ferry-plans/${id}/clearances`, {
        legIndex: 3,
        country: 'JP',
        kind: 'landing',
        status: 'requested',
      });
      assert.equal(late.status, 400);
      assert.equal(late.json()['error'].field, 'legIndex');

      const fuel = await call(jp, 'POST', `/api/ferry-plans/${id}/support-items`, {
        kind: 'fuel',
        airfieldIcao: 'ROAH',
        providedBy: 'JP',
        description: { en: 'Fuel for nine T-50B', ko: 'T-50B 9대 연료', ja: 'T-50B 9機分の燃料' },
        reimbursable: true,
        legalBasis: { instrument: { en: 'Host-nation support provision' }, provision: 'art. 2' },
      });
      assert.equal(fuel.status, 201, fuel.res.body);
      const lodging = await call(kr, 'POST', `/api/ferry-plans/${id}/support-items`, {
        kind: 'lodging',
        airfieldIcao: 'ROAH',
        providedBy: 'JP',
        description: { en: 'Lodging for 120' },
        reimbursable: true,
      });
      view = (await call(kr, 'GET', `/api/ferry-plans/${id}`)).json();
      assert.equal(view['supportItems'].length, 2);
      assert.deepEqual(view['supportWithoutLegalBasis'], [lodging.json()['id']]);
    });

    it('needs both nations to confirm; the partner confirms, only the owner marks held', async () => {
      const day = 86_400;
      const start = new Date((Math.floor(Date.now() / 1000) - day) * 1000).toISOString();
      const end = new Date((Math.floor(Date.now() / 1000) - day + 7200) * 1000).toISOString();
      const created = await call(kr, 'POST', '/api/exchange-events', {
        kind: 'joint-display',
        title: { en: 'Joint display at Naha', ko: '나하 합동 비행', ja: '那覇合同展示飛行' },
        start,
        end,
        airfieldIcao: 'ROAH',
        releasability: 'bilateral',
        commitmentIds: ['commitment-aerobatic'],
      });
      assert.equal(created.status, 201, created.res.body);
      const id = created.json()['id'] as string;
      assert.equal(created.json()['event'].status, 'proposed');
      assert.deepEqual(created.json()['event'].commitmentIds, ['commitment-aerobatic']);

      assert.equal((await call(krViewer, 'POST', `/api/exchange-events/${id}/confirm`)).status, 403);
      const jpConfirm = await call(jp, 'POST', `/api/exchange-events/${id}/confirm`);
      assert.equal(jpConfirm.status, 200, jpConfirm.res.body);
      assert.equal(jpConfirm.json()['event'].status, 'proposed', 'one side is not enough');
      assert.equal(jpConfirm.json()['ownerNation'], 'KR', 'confirming does not change the owner');
      assert.equal((await call(jp, 'POST', `/api/exchange-events/${id}/confirm`)).status, 409, 'once per side');
      assert.equal(
        (await call(jp, 'POST', `/api/exchange-events/${id}/held`, { evidence: [{ kind: 'report', reference: 'x' }] }))
          .status,
        403,
        'held is the owner nation’s',
      );
      const krConfirm = await call(kr, 'POST', `/api/exchange-events/${id}/confirm`);
      assert.equal(krConfirm.json()['event'].status, 'confirmed');
      assert.deepEqual(Object.keys(krConfirm.json()['event'].confirmations).sort(), ['JP', 'KR']);

      const held = await call(kr, 'POST', `/api/exchange-events/${id}/held`, {
        evidence: [{ kind: 'report', reference: 'AAR-2026-01', description: 'after-action report' }],
      });
      assert.equal(held.status, 200, held.res.body);
      assert.equal(held.json()['event'].status, 'held');
      assert.equal(held.json()['event'].evidence[0].reference, 'AAR-2026-01');
      assert.equal(typeof held.json()['event'].evidence[0].recordedUtc, 'number');

      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_nation'])
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => `${a.action}/${a.actor_nation}`),
        [
          'exchange_event.create/KR',
          'exchange_event.confirm/JP',
          'exchange_event.confirm/KR',
          'exchange_event.held/KR',
        ],
      );

      // A KR national event does not exist for JP: it cannot be confirmed.
      const secret = await call(kr, 'POST', '/api/exchange-events', {
        kind: 'team-meeting',
        title: { en: 'National prep' },
        start,
        end,
        releasability: 'national',
        commitmentIds: [],
      });
      assert.equal((await call(jp, 'POST', `/api/exchange-events/${secret.json()['id']}/confirm`)).status, 404);
    });

    it('postpones with a reason and links the replacement both ways; cancels with a reason', async () => {
      const ev = await call(kr, 'POST', '/api/exchange-events', {
        kind: 'stopover',
        title: { en: 'Naha stopover (Nov 2025)' },
        start: '2025-11-10T00:00:00Z',
        end: '2025-11-10T06:00:00Z',
        releasability: 'bilateral',
        commitmentIds: ['commitment-aerobatic'],
      });
      const id = ev.json()['id'] as string;
      const p = await call(kr, 'POST', `/api/exchange-events/${id}/postpone`, {
        reason: 'cancelled at short notice',
        start: '2026-01-28T00:00:00Z',
        end: '2026-01-28T08:00:00Z',
      });
      assert.equal(p.status, 200, p.res.body);
      const { original, replacement } = p.json() as any;
      assert.equal(original.event.status, 'postponed');
      assert.equal(original.event.reason, 'cancelled at short notice');
      assert.equal(original.event.replacedById, replacement.id);
      assert.equal(replacement.event.replacesId, id);
      assert.equal(replacement.event.status, 'proposed');
      assert.deepEqual(replacement.event.commitmentIds, ['commitment-aerobatic']);
      assert.equal(replacement.releasability, 'bilateral');

      assert.equal((await call(kr, 'POST', `/api/exchange-events/${id}/cancel`, { reason: 'x' })).status, 409);
      const c = await call(kr, 'POST', `/api/exchange-events/${replacement.id}/cancel`, { reason: '  ' });
      assert.equal(c.status, 400);
      const c2 = await call(kr, 'POST', `/api/exchange-events/${replacement.id}/cancel`, { reason: 'weather' });
      assert.equal(c2.json()['event'].status, 'cancelled');

      const list = (
        await call(jp, 'GET', '/api/exchange-events?from=2025-11-01T00:00:00Z&to=2025-11-30T00:00:00Z')
      ).json();
      assert.deepEqual(
        list['items'].map((i: any) => i.id),
        [id],
      );
    });

    it('exports the calendar as valid iCalendar in Korean, one VEVENT per visible event', async () => {
      // A record of the kind whose body is not an event (hand-made, or from an older version) is left out.
      await new SarRecordRepository(t.database.db, t.database.dialect, t.actor('KR', 'exchange_officer')).create(
        'exchange_event',
        { title: 'broken', releasability: 'bilateral', body: { note: 'not an event' } },
      );
      const res = await t.tandem.app.inject({
        method: 'GET',
        url: '/api/exchange-events/calendar.ics?lang=ko',
        headers: { cookie: jp.cookie },
      });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/calendar/);
      const text = res.body;
      assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
      const cal = parseIcs(text);
      const events = cal.flatMap((c) => c.components).filter((c) => c.name === 'VEVENT');
      const visible = (await call(jp, 'GET', '/api/exchange-events')).json()['items'] as any[];
      assert.equal(events.length, visible.length);
      assert.equal(
        visible.length,
        3,
        'the joint display, the postponed stopover and its replacement; not the KR national one',
      );
      const uids = events.map((e) => icsProperty(e, 'UID')?.value);
      assert.equal(new Set(uids).size, uids.length);
      const naha = events.find((e) => unescapeIcsText(icsProperty(e, 'SUMMARY')?.value ?? '') === '나하 합동 비행');
      assert.ok(naha !== undefined, 'the Korean title is the summary');
      assert.equal(icsProperty(naha!, 'STATUS')?.value, 'CONFIRMED');
      assert.equal(
        (
          await t.tandem.app.inject({
            method: 'GET',
            url: '/api/exchange-events/calendar.ics',
            headers: { cookie: (await t.login('kr-sar_planner')).cookie },
          })
        ).statusCode,
        403,
      );
    });
  });
}
