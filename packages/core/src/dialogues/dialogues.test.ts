import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SECONDS_PER_DAY, parseUtcTime } from '../units/index.ts';
import { cancelEvent, confirmEvent, localized, markHeld, proposeEvent } from '../exchanges/index.ts';
import type { ActionItem, DialogueSession } from './dialogue-session.ts';
import {
  completeActionItem,
  completeActionItemSide,
  dropActionItem,
  overdueActionItems,
  validateActionItem,
  validateSession,
} from './dialogue-session.ts';
import {
  SEARCH_PLAN_OPTIMISER_ENTRY,
  approveAsPlanOfRecord,
  isAiFeatureEnabled,
  registerGaps,
} from './ai-use-register.ts';
import { NATO_PRINCIPLES } from './responsible-ai-frameworks.ts';
import type { Activity, Commitment } from './follow-through.ts';
import {
  activityFromActionItem,
  activityFromDialogueSession,
  activityFromExchangeEvent,
  computeFollowThrough,
  publicActivities,
} from './follow-through.ts';

const day = SECONDS_PER_DAY;
const t0 = parseUtcTime('2026-03-10T00:00:00Z');

const item: ActionItem = {
  id: 'ai-1',
  sessionId: 's-1',
  title: localized('Exchange SAR datasets', 'SAR 데이터셋 교환', 'SARデータセットの交換'),
  owners: {
    KR: { name: 'Kim', organisation: 'ADD' },
    JP: { name: 'Sato', organisation: 'ATLA' },
  },
  dueUtc: t0 + 30 * day,
  status: 'open',
  evidence: [],
};

const session: DialogueSession = {
  id: 's-1',
  seriesId: 'st-ai',
  startUtc: t0,
  endUtc: t0 + 8 * 3600,
  location: localized('Seoul', '서울', 'ソウル'),
  agenda: [{ id: 'ag-1', title: localized('AI in SAR', 'SAR의 AI', 'SARにおけるAI'), presenterSide: 'KR' }],
  participants: [
    { name: 'Kim', organisation: 'MND', side: 'KR', role: 'co-chair' },
    { name: 'Sato', organisation: 'MOD', side: 'JP', role: 'co-chair' },
  ],
  decisions: [
    { id: 'd-1', agendaItemId: 'ag-1', text: localized('Share test data', '시험 데이터 공유', '試験データの共有') },
  ],
  actionItems: [item],
};

test('a session records both sides; action items need an owner on each side', () => {
  assert.equal(validateSession(session), session);
  assert.throws(() => validateSession({ ...session, participants: session.participants.slice(0, 1) }), {
    code: 'INVALID_INPUT',
    field: 'session.participants',
  });
  const noJp = { ...item, owners: { KR: item.owners.KR } } as unknown as ActionItem;
  assert.throws(() => validateSession({ ...session, actionItems: [noJp] }), {
    code: 'INVALID_INPUT',
    field: 'session.actionItems[0].owners.JP',
  });
  assert.throws(() => validateSession({ ...session, decisions: [{ ...session.decisions[0]!, agendaItemId: 'x' }] }), {
    field: 'session.decisions[0].agendaItemId',
  });
});

test('an action item is done only with evidence; overdue items are listed', () => {
  assert.throws(() => completeActionItem(item, t0 + day, []), { code: 'INVALID_INPUT', field: 'evidence' });
  const done = completeActionItem(item, t0 + day, [
    { kind: 'minutes', reference: 'MIN-2026-03', recordedUtc: t0 + day },
  ]);
  assert.equal(done.status, 'done');
  assert.throws(() => completeActionItem(done, t0 + 2 * day, done.evidence), { code: 'CONFLICT' });
  assert.deepEqual(overdueActionItems([item, done], t0 + 31 * day), [item]);
  assert.deepEqual(overdueActionItems([item], t0 + 29 * day), []);
  assert.equal(dropActionItem(item, 'superseded').status, 'dropped');
});

test('the search-plan optimiser entry covers all six NATO principles and gates the plan of record', () => {
  assert.deepEqual(registerGaps(SEARCH_PLAN_OPTIMISER_ENTRY), []);
  assert.equal(Object.keys(NATO_PRINCIPLES).length, 6);
  const { lawfulness: _omit, ...rest } = SEARCH_PLAN_OPTIMISER_ENTRY.nato;
  const gaps = registerGaps({ ...SEARCH_PLAN_OPTIMISER_ENTRY, nato: rest as typeof SEARCH_PLAN_OPTIMISER_ENTRY.nato });
  assert.deepEqual(
    gaps.map((g) => g.field),
    ['nato.lawfulness'],
  );
  assert.equal(isAiFeatureEnabled(SEARCH_PLAN_OPTIMISER_ENTRY, {}), true);
  const off = { 'ai.searchPlanOptimiser.enabled': false };
  assert.equal(isAiFeatureEnabled(SEARCH_PLAN_OPTIMISER_ENTRY, off), false);
  const approval = { approverRole: 'sar-mission-coordinator', approverName: 'Lee', approvedUtc: t0 };
  assert.throws(() => approveAsPlanOfRecord(SEARCH_PLAN_OPTIMISER_ENTRY, off, approval), { code: 'FORBIDDEN' });
  assert.throws(() => approveAsPlanOfRecord(SEARCH_PLAN_OPTIMISER_ENTRY, {}, undefined), { code: 'CONFLICT' });
  assert.throws(
    () => approveAsPlanOfRecord(SEARCH_PLAN_OPTIMISER_ENTRY, {}, { ...approval, approverRole: 'planner' }),
    { code: 'CONFLICT' },
  );
  assert.equal(approveAsPlanOfRecord(SEARCH_PLAN_OPTIMISER_ENTRY, {}, approval), approval);
});

test('follow-through: cadence, on-time rate, overdue list and timeline per area', () => {
  const ev = proposeEvent({
    id: 'ev-1',
    kind: 'joint-display',
    title: localized('Naha exchange', '나하 교류', '那覇交流'),
    startUtc: t0,
    endUtc: t0 + 3600,
  });
  const held = markHeld(confirmEvent(confirmEvent(ev, 'KR', 'a', 0), 'JP', 'b', 0), 'a', t0 + 1800);
  const ev2 = cancelEvent(
    proposeEvent({ ...ev, id: 'ev-0', startUtc: t0 - 60 * day, endUtc: t0 - 60 * day }),
    'cancelled at short notice',
    'a',
    t0 - 61 * day,
  );
  const photo = [{ kind: 'photo' as const, reference: 'IMG_0001', recordedUtc: t0 }];
  const late: Activity = {
    id: 'drill-1',
    kind: 'drill',
    title: localized('SAREX', 'SAREX', 'SAREX'),
    dueUtc: t0 - 10 * day,
    completedUtc: t0 - 5 * day,
    cancelled: false,
    evidence: [{ kind: 'report', reference: 'AAR-1', recordedUtc: t0 }],
    public: true,
  };
  const noEvidence: Activity = { ...late, id: 'drill-2', evidence: [], dueUtc: t0 + 100 * day, public: false };
  const activities = [
    activityFromExchangeEvent(held, photo, true),
    activityFromExchangeEvent(ev2, []),
    activityFromActionItem(item),
    late,
    noEvidence,
  ];
  const commitments: Commitment[] = [
    {
      id: 'c-aero',
      area: 'aerobatic-exchanges',
      title: item.title,
      source: 'Joint statement §1',
      cadenceDays: 365,
      activityIds: ['ev-0', 'ev-1'],
    },
    {
      id: 'c-sar',
      area: 'sar-training',
      title: item.title,
      source: 'Joint statement §2',
      activityIds: ['drill-1', 'drill-2'],
    },
    {
      id: 'c-st',
      area: 'st-ai-dialogue',
      title: item.title,
      source: 'Joint statement §3',
      cadenceDays: 30,
      activityIds: ['ai-1'],
    },
  ];
  const ft = computeFollowThrough(commitments, activities, t0 + 40 * day);
  const [aero, sar, st] = ft.areas;
  assert.equal(aero!.done, 1);
  assert.equal(aero!.cancelled, 1);
  assert.equal(aero!.onTimeRate, 1);
  assert.equal(aero!.cadenceMet, true);
  assert.equal(sar!.done, 1);
  assert.equal(sar!.onTimeRate, 0, 'the drill was done after its due date');
  assert.deepEqual(
    sar!.unevidenced.map((a) => a.id),
    ['drill-2'],
  );
  assert.equal(st!.done, 0);
  assert.equal(st!.onTimeRate, 0);
  assert.equal(st!.cadenceMet, false);
  assert.deepEqual(
    ft.overdue.map((a) => a.id),
    ['ai-1'],
  );
  for (let k = 1; k < ft.timeline.length; k++) assert.ok(ft.timeline[k - 1]!.utc <= ft.timeline[k]!.utc);
  assert.deepEqual(
    ft.timeline.map((e) => [e.activityId, e.state]),
    [
      ['ev-0', 'cancelled'],
      ['drill-1', 'done'],
      ['ev-1', 'done'],
      ['ai-1', 'overdue'],
      ['drill-2', 'planned'],
    ],
  );
  assert.equal(ft.timeline.length, 5);
  assert.deepEqual(
    publicActivities(activities).map((a) => a.id),
    ['ev-1', 'drill-1'],
  );
  assert.throws(() => computeFollowThrough([{ ...commitments[0]!, activityIds: ['nope'] }], activities, t0), {
    code: 'NOT_FOUND',
  });
  // As of a day before the drill was completed, it was still open (and past due), not done.
  const earlier = computeFollowThrough(commitments, activities, t0 - 6 * day);
  const sarEarlier = earlier.areas[1]!;
  assert.equal(sarEarlier.done, 0);
  assert.deepEqual(
    sarEarlier.overdue.map((a) => a.id),
    ['drill-1'],
  );
  assert.equal(earlier.timeline.find((e) => e.activityId === 'drill-1')?.state, 'overdue');
});

test('mean interval between completed activities', () => {
  const mk = (id: string, d: number): Activity => ({
    id,
    kind: 'dialogue-session',
    title: item.title,
    completedUtc: t0 + d * day,
    cancelled: false,
    evidence: [{ kind: 'minutes', reference: id, recordedUtc: t0 }],
    public: false,
  });
  const ft = computeFollowThrough(
    [
      {
        id: 'c',
        area: 'st-ai-dialogue',
        title: item.title,
        source: 's',
        cadenceDays: 200,
        activityIds: ['a', 'b', 'c'],
      },
    ],
    [mk('a', 0), mk('b', 180), mk('c', 360)],
    t0 + 400 * day,
  );
  assert.equal(ft.areas[0]!.meanIntervalDays, 180);
  assert.equal(ft.areas[0]!.daysSinceLastDone, 40);
  assert.equal(ft.areas[0]!.onTimeRate, null);
});

test('a session counts as held once its minutes are recorded', () => {
  const none = activityFromDialogueSession(session, session.location, []);
  assert.equal(none.completedUtc, undefined);
  const minutes = [{ kind: 'minutes' as const, reference: 'MIN-1', recordedUtc: session.endUtc + 2 * day }];
  const held = activityFromDialogueSession(session, session.location, minutes, true);
  assert.equal(held.completedUtc, session.endUtc);
  const ft = computeFollowThrough(
    [{ id: 'c', area: 'st-ai-dialogue', title: item.title, source: 's', activityIds: [held.id] }],
    [held],
    session.endUtc + 10 * day,
  );
  assert.equal(ft.areas[0]!.done, 1);
  assert.equal(ft.areas[0]!.onTimeRate, 1);
  assert.equal(ft.areas[0]!.daysSinceLastDone, 10);
});

test('each side completes its own part of an action item; the item is done when both have', () => {
  const krEv = [{ kind: 'document' as const, reference: 'ADD-2026-014', recordedUtc: t0 + day }];
  const jpEv = [{ kind: 'link' as const, reference: 'https://example.org/atla', recordedUtc: t0 + 3 * day }];
  assert.throws(() => completeActionItemSide(item, 'JP', t0, 'jp', []), { code: 'INVALID_INPUT', field: 'evidence' });
  const jp = completeActionItemSide(item, 'JP', t0 + 3 * day, 'jp.secretariat', jpEv);
  assert.equal(jp.status, 'open');
  assert.equal(jp.sides?.JP?.by, 'jp.secretariat');
  assert.throws(() => completeActionItemSide(jp, 'JP', t0 + 4 * day, 'jp', jpEv), {
    code: 'CONFLICT',
    field: 'sides.JP',
  });
  const both = completeActionItemSide(jp, 'KR', t0 + day, 'kr.secretariat', krEv);
  assert.equal(both.status, 'done');
  assert.equal(both.completedUtc, t0 + 3 * day, 'done at the later of the two completions');
  assert.deepEqual(both.evidence, [...krEv, ...jpEv]);
  assert.doesNotThrow(() => validateActionItem(both));
  assert.throws(() => completeActionItemSide(both, 'KR', t0, 'kr', krEv), { code: 'CONFLICT' });
});
