/** Linking records to commitments and reading other areas' bodies tolerantly (no database: records built by hand). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RecordKind, Releasability } from '../db/schema.ts';
import type { SarRecord } from '../records/sar-record-repository.ts';
import { buildFollowThrough } from './follow-through-service.ts';
import { quarterRange } from './record-reading.ts';

const DAY = 86_400;
const T0 = Date.parse('2026-01-01T00:00:00Z') / 1000;

function rec(id: string, kind: RecordKind, body: unknown, releasability: Releasability = 'bilateral'): SarRecord {
  return {
    id,
    kind,
    title: id,
    ownerNation: 'KR',
    releasability,
    organisationId: 'o',
    createdBy: 'u',
    body,
    derivedFrom: [],
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-06-01T00:00:00Z',
  };
}

const commitments = [
  rec('c-aero', 'commitment', { area: 'aerobatic-exchanges', title: 'Aero', source: '§1', activityIds: [] }),
  rec('c-sar', 'commitment', { area: 'sar-training', title: 'SAR', source: '§2', activityIds: ['drill-listed'] }),
  rec('c-st', 'commitment', { area: 'st-ai-dialogue', title: 'ST', source: '§3', activityIds: [] }),
  rec('c-broken', 'commitment', {}),
];

test('links by the commitment, by the activity, or by the default area; unreadable bodies are skipped', () => {
  const activities = [
    rec('drill-listed', 'drill', {
      schema: 'tandem.drill/1',
      status: 'finished',
      startTimeS: T0 + 9 * DAY,
      finishedUtc: new Date((T0 + 10 * DAY) * 1000).toISOString(),
    }),
    rec('drill-default', 'drill', { status: 'setup', startTimeS: T0 + 200 * DAY }),
    rec('drill-empty', 'drill', {}),
    rec('event-named', 'exchange_event', {
      title: { en: 'Naha', ko: '나하', ja: '那覇' },
      startUtc: T0 + 27 * DAY,
      endUtc: T0 + 28 * DAY,
      status: 'held',
      history: [{ from: 'confirmed', to: 'held', atUtc: T0 + 35 * DAY, by: 'x' }],
      evidence: [{ kind: 'photo', reference: 'IMG-1', recordedUtc: T0 + 28 * DAY }],
      commitmentIds: ['c-st'],
    }),
    rec('event-unreadable', 'exchange_event', 'not an object'),
    rec('session-bad', 'dialogue_session', { title: 'no times' }),
  ];
  const v = buildFollowThrough(commitments, activities, T0 + 100 * DAY);
  const links = Object.fromEntries(v.commitments.map((c) => [c.id, [...c.activityIds].sort()]));
  assert.deepEqual(links, {
    'c-aero': [],
    'c-sar': ['drill-default', 'drill-empty', 'drill-listed'],
    'c-st': ['event-named'],
  });
  const byId = new Map(v.activities.map((a) => [a.id, a]));
  assert.equal(byId.get('drill-listed')!.state, 'done', 'a finished drill with its after-action report is done');
  assert.equal(byId.get('drill-listed')!.completedUtc, T0 + 10 * DAY);
  assert.deepEqual(
    byId.get('drill-listed')!.evidence.map((e) => [e.kind, e.reference]),
    [['report', '/api/drills/drill-listed/report']],
  );
  assert.equal(byId.get('drill-default')!.state, 'planned');
  const ev = byId.get('event-named')!;
  assert.equal(ev.completedUtc, T0 + 28 * DAY, 'a held event is completed at its end, not when marked held');
  assert.deepEqual(ev.areas, ['st-ai-dialogue']);
  assert.equal(ev.title.ko, '나하');
  const sar = v.followThrough.areas.find((a) => a.area === 'sar-training')!;
  assert.equal(sar.done, 1);
  assert.deepEqual(
    v.perQuarter.map((q) => [q.quarter, q.counts['sar-training'], q.counts['st-ai-dialogue']]),
    [['2026-Q1', 1, 1]],
  );
});

test('a commitment link to a record outside the set is dropped, not an error', () => {
  const withHidden = [rec('c', 'commitment', { area: 'sar-training', title: 'x', source: 's', activityIds: ['gone'] })];
  const v = buildFollowThrough(withHidden, [], T0);
  assert.deepEqual(v.commitments[0]!.activityIds, []);
  assert.equal(v.followThrough.areas[0]!.done, 0);
});

test('quarters run continuously from the first to the last', () => {
  assert.deepEqual(quarterRange(T0 - 40 * DAY, T0 + 200 * DAY), ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
  assert.deepEqual(quarterRange(T0, T0), ['2026-Q1']);
});
